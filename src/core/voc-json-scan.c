/* voc-json-scan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "voc-json-scan.h"

typedef struct
{
  const char *data;
  gsize       length;
  gsize       pos;
  guint       line;
  gsize       line_start;
  guint       max_depth;
  char       *message;
} Scanner;

typedef struct
{
  gboolean    is_object;
  GHashTable *keys;
} Frame;

static gboolean fail (Scanner *s, gsize at, const char *format, ...) G_GNUC_PRINTF (3, 4);

static guint
column_of (Scanner *s,
           gsize    at)
{
  /* Columns count characters, not bytes; the text is already valid UTF-8. */
  return (guint) g_utf8_strlen (s->data + s->line_start, at - s->line_start) + 1;
}

static gboolean
fail (Scanner    *s,
      gsize       at,
      const char *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  s->message = g_strdup_printf ("line %u, column %u: %s", s->line, column_of (s, at), what);
  return FALSE;
}

static void
skip_space (Scanner *s)
{
  while (s->pos < s->length)
    {
      char c = s->data[s->pos];

      if (c == '\n')
        {
          s->line++;
          s->line_start = s->pos + 1;
        }
      else if (c != ' ' && c != '\t' && c != '\r')
        return;
      s->pos++;
    }
}

static char *
describe_here (Scanner *s)
{
  gsize end;

  if (s->pos >= s->length)
    return g_strdup ("the end of the file");
  if (s->data[s->pos] == '"')
    return g_strdup ("a string");

  end = s->pos;
  while (end < s->length && end - s->pos < 12 &&
         !g_ascii_isspace (s->data[end]) &&
         (end == s->pos || strchr ("{}[],:\"", s->data[end]) == NULL))
    end = g_utf8_next_char (s->data + end) - s->data;

  return g_strdup_printf ("\"%.*s\"", (int) (end - s->pos), s->data + s->pos);
}

static gboolean
scan_string (Scanner  *s,
             char    **out)
{
  g_autoptr (GString) text = out ? g_string_new (NULL) : NULL;
  gsize start = s->pos;

  s->pos++; /* opening quote */
  while (s->pos < s->length)
    {
      guchar c = (guchar) s->data[s->pos];

      if (c == '"')
        {
          s->pos++;
          if (out)
            *out = g_string_free (g_steal_pointer (&text), FALSE);
          return TRUE;
        }
      if (c < 0x20)
        return fail (s, s->pos, "control character U+%04X inside a string; write it as an escape such as \\n", c);
      if (c == '\\')
        {
          char e;

          if (s->pos + 1 >= s->length)
            break;
          e = s->data[s->pos + 1];
          if (e == 'u')
            {
              for (guint i = 0; i < 4; i++)
                if (s->pos + 2 + i >= s->length || !g_ascii_isxdigit (s->data[s->pos + 2 + i]))
                  return fail (s, s->pos, "\\u must be followed by four hexadecimal digits");
              if (text)
                g_string_append_len (text, s->data + s->pos, 6);
              s->pos += 6;
              continue;
            }
          if (strchr ("\"\\/bfnrt", e) == NULL || e == '\0')
            return fail (s, s->pos, "unknown escape \\%c inside a string", e);
          if (text)
            g_string_append_c (text, e);
          s->pos += 2;
          continue;
        }
      if (text)
        g_string_append_c (text, (char) c);
      s->pos++;
    }

  return fail (s, start, "the string that starts here is not closed; the file ends inside it (is it truncated?)");
}

static gboolean
scan_number (Scanner *s)
{
  gsize start = s->pos;
  const char *d = s->data;

  if (s->pos < s->length && d[s->pos] == '-')
    s->pos++;
  if (s->pos >= s->length || !g_ascii_isdigit (d[s->pos]))
    return fail (s, start, "malformed number");
  if (d[s->pos] == '0')
    {
      s->pos++;
      if (s->pos < s->length && g_ascii_isdigit (d[s->pos]))
        return fail (s, start, "numbers must not have leading zeros");
    }
  else
    while (s->pos < s->length && g_ascii_isdigit (d[s->pos]))
      s->pos++;
  if (s->pos < s->length && d[s->pos] == '.')
    {
      s->pos++;
      if (s->pos >= s->length || !g_ascii_isdigit (d[s->pos]))
        return fail (s, start, "malformed number: a digit must follow the decimal point");
      while (s->pos < s->length && g_ascii_isdigit (d[s->pos]))
        s->pos++;
    }
  if (s->pos < s->length && (d[s->pos] == 'e' || d[s->pos] == 'E'))
    {
      s->pos++;
      if (s->pos < s->length && (d[s->pos] == '+' || d[s->pos] == '-'))
        s->pos++;
      if (s->pos >= s->length || !g_ascii_isdigit (d[s->pos]))
        return fail (s, start, "malformed number: the exponent has no digits");
      while (s->pos < s->length && g_ascii_isdigit (d[s->pos]))
        s->pos++;
    }
  if (s->pos - start > 40)
    return fail (s, start, "number with more than 40 characters");
  return TRUE;
}

static gboolean
scan_literal (Scanner *s)
{
  static const char *literals[] = { "true", "false", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize len = strlen (literals[i]);

      if (s->length - s->pos >= len && memcmp (s->data + s->pos, literals[i], len) == 0 &&
          (s->pos + len == s->length || !g_ascii_isalnum (s->data[s->pos + len])))
        {
          s->pos += len;
          return TRUE;
        }
    }

  {
    g_autofree char *here = describe_here (s);
    return fail (s, s->pos, "expected a value (string, number, object, array, true, false or null), found %s", here);
  }
}

static void
clear_frame (gpointer data)
{
  Frame *frame = data;

  g_clear_pointer (&frame->keys, g_hash_table_unref);
}

/* Iterative, so a hostile file cannot exhaust the stack. */
static gboolean
scan_document (Scanner *s)
{
  g_autoptr (GArray) stack = g_array_new (FALSE, TRUE, sizeof (Frame));
  gboolean expect_value = TRUE;

  g_array_set_clear_func (stack, clear_frame);

  skip_space (s);
  if (s->pos >= s->length)
    return fail (s, s->pos, "the file is empty; expected a JSON object");

  for (;;)
    {
      skip_space (s);

      if (expect_value)
        {
          char c;

          if (s->pos >= s->length)
            return fail (s, s->pos, "the file ends where a value was expected (is it truncated?)");
          c = s->data[s->pos];
          if (c == '{' || c == '[')
            {
              Frame frame = { c == '{', NULL };

              if (stack->len >= s->max_depth)
                return fail (s, s->pos, "nesting deeper than %u levels", s->max_depth);
              if (frame.is_object)
                frame.keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
              g_array_append_val (stack, frame);
              s->pos++;
              skip_space (s);
              if (s->pos < s->length && s->data[s->pos] == (frame.is_object ? '}' : ']'))
                {
                  s->pos++;
                  g_array_set_size (stack, stack->len - 1);
                  expect_value = FALSE;
                  if (stack->len == 0)
                    break;
                  continue;
                }
              if (frame.is_object)
                goto member_key;
              continue;
            }
          else if (c == '"')
            {
              if (!scan_string (s, NULL))
                return FALSE;
            }
          else if (c == '-' || g_ascii_isdigit (c))
            {
              if (!scan_number (s))
                return FALSE;
            }
          else if (!scan_literal (s))
            return FALSE;

          expect_value = FALSE;
          if (stack->len == 0)
            break;
          continue;
        }
      else
        {
          Frame *top = &g_array_index (stack, Frame, stack->len - 1);
          char close = top->is_object ? '}' : ']';
          char c;

          if (s->pos >= s->length)
            return fail (s, s->pos, "the file ends inside %s (is it truncated?)",
                         top->is_object ? "an object" : "an array");
          c = s->data[s->pos];
          if (c == close)
            {
              s->pos++;
              g_array_set_size (stack, stack->len - 1);
              if (stack->len == 0)
                break;
              continue;
            }
          if (c != ',')
            {
              g_autofree char *here = describe_here (s);
              return fail (s, s->pos, "expected \",\" or \"%c\", found %s", close, here);
            }
          s->pos++;
          skip_space (s);
          if (s->pos < s->length && s->data[s->pos] == close)
            return fail (s, s->pos, "a comma may not come before \"%c\"", close);
          if (!top->is_object)
            {
              expect_value = TRUE;
              continue;
            }
        }

    member_key:
      {
        Frame *top = &g_array_index (stack, Frame, stack->len - 1);
        gsize key_at;
        char *key = NULL;

        skip_space (s);
        key_at = s->pos;
        if (s->pos >= s->length)
          return fail (s, s->pos, "the file ends inside an object (is it truncated?)");
        if (s->data[s->pos] != '"')
          {
            g_autofree char *here = describe_here (s);
            return fail (s, s->pos, "expected a member name in double quotes, found %s", here);
          }
        if (!scan_string (s, &key))
          return FALSE;
        if (!g_hash_table_add (top->keys, key))
          return fail (s, key_at, "duplicate member \"%s\" in one object", key);
        skip_space (s);
        if (s->pos >= s->length || s->data[s->pos] != ':')
          {
            g_autofree char *here = describe_here (s);
            return fail (s, s->pos, "expected \":\" after a member name, found %s", here);
          }
        s->pos++;
        expect_value = TRUE;
      }
    }

  skip_space (s);
  if (s->pos < s->length)
    {
      g_autofree char *here = describe_here (s);
      return fail (s, s->pos, "unexpected %s after the end of the document", here);
    }

  return TRUE;
}

gboolean
voc_json_scan (const char  *data,
               gsize        length,
               guint        max_depth,
               char       **message)
{
  Scanner s = { data, length, 0, 1, 0, max_depth, NULL };
  const char *bad = NULL;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  *message = NULL;

  if (!g_utf8_validate_len (data, length, &bad))
    {
      gsize offset = (gsize) (bad - data);
      guint line = 1;

      for (gsize i = 0; i < offset; i++)
        if (data[i] == '\n')
          line++;
      if (*bad == '\0' && offset < length)
        *message = g_strdup_printf ("line %u: NUL byte at byte offset %" G_GSIZE_FORMAT "; the file is not text", line, offset);
      else
        *message = g_strdup_printf ("line %u: invalid UTF-8 at byte offset %" G_GSIZE_FORMAT "; save the file as UTF-8", line, offset);
      return FALSE;
    }

  if (!scan_document (&s))
    {
      *message = g_steal_pointer (&s.message);
      return FALSE;
    }

  return TRUE;
}
