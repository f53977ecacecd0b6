/* voc-json-scan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
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

  /* Translators: where a file is wrong, then what is wrong there */
  s->message = g_strdup_printf (_("line %u, column %u: %s"), s->line, column_of (s, at), what);
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
  g_autofree char *token = NULL;
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

  /* What the file holds may be a terminal's escape sequence: quoted. */
  token = g_strndup (s->data + s->pos, end - s->pos);
  return voc_json_quote (token);
}

static guint
hex_value (const char *p)
{
  guint value = 0;

  for (guint i = 0; i < 4; i++)
    value = value * 16 + (guint) g_ascii_xdigit_value (p[i]);
  return value;
}

/* Checks the string at s->pos and, with @out, decodes it: member names
 * are compared as the text they stand for, so "\u006cevel" is "level". */
static gboolean
scan_string (Scanner  *s,
             char    **out)
{
  g_autoptr (GString) text = out ? g_string_new (NULL) : NULL;
  gsize start = s->pos;
  guint high = 0;          /* a first half of a surrogate pair, waiting for its second */
  gsize high_at = 0;

  s->pos++; /* opening quote */
  while (s->pos < s->length)
    {
      guchar c = (guchar) s->data[s->pos];

      if (high != 0 && !(c == '\\' && s->pos + 1 < s->length && s->data[s->pos + 1] == 'u'))
        return fail (s, high_at, _("the escape \\u%04X is the first half of a surrogate pair, and its second half "
                     "(\\uDC00 to \\uDFFF) does not follow; the text is not valid Unicode"), high);
      if (c == '"')
        {
          s->pos++;
          if (out)
            *out = g_string_free (g_steal_pointer (&text), FALSE);
          return TRUE;
        }
      if (c < 0x20)
        return fail (s, s->pos, _("control character U+%04X inside a string; write it as an escape such as \\n"), c);
      if (c == '\\')
        {
          static const char escapes[] = "\"\\/bfnrt";
          static const char decoded[] = "\"\\/\b\f\n\r\t";
          const char *known;
          char e;

          if (s->pos + 1 >= s->length)
            break;
          e = s->data[s->pos + 1];
          if (e == 'u')
            {
              guint code;

              for (guint i = 0; i < 4; i++)
                if (s->pos + 2 + i >= s->length || !g_ascii_isxdigit (s->data[s->pos + 2 + i]))
                  return fail (s, s->pos, _("\\u must be followed by four hexadecimal digits"));
              code = hex_value (s->data + s->pos + 2);
              if (code == 0)
                return fail (s, s->pos, _("the escape \\u0000 stands for a NUL character, which would cut the "
                             "text short where it stands; remove it"));
              if (high != 0)
                {
                  if (code < 0xDC00 || code > 0xDFFF)
                    return fail (s, high_at, _("the escape \\u%04X is the first half of a surrogate pair, and its "
                                 "second half (\\uDC00 to \\uDFFF) does not follow; the text is not valid Unicode"),
                                 high);
                  if (text)
                    g_string_append_unichar (text, 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00));
                  high = 0;
                }
              else if (code >= 0xD800 && code <= 0xDBFF)
                {
                  high = code;
                  high_at = s->pos;
                }
              else if (code >= 0xDC00 && code <= 0xDFFF)
                return fail (s, s->pos, _("the escape \\u%04X is the second half of a surrogate pair, without its "
                             "first half (\\uD800 to \\uDBFF) before it; the text is not valid Unicode"), code);
              else if (text)
                g_string_append_unichar (text, code);
              s->pos += 6;
              continue;
            }
          if (e == '\0' || (known = strchr (escapes, e)) == NULL)
            {
              /* Shown as it is only when it is a visible character. */
              if (e > 0x20 && e < 0x7f)
                return fail (s, s->pos, _("unknown escape \\%c inside a string"), e);
              return fail (s, s->pos, _("unknown escape inside a string: a backslash before the byte 0x%02X"),
                           (guchar) e);
            }
          if (text)
            g_string_append_c (text, decoded[known - escapes]);
          s->pos += 2;
          continue;
        }
      if (text)
        g_string_append_c (text, (char) c);
      s->pos++;
    }

  return fail (s, start, _("the string that starts here is not closed; the file ends inside it (is it truncated?)"));
}

static gboolean
scan_number (Scanner *s)
{
  gsize start = s->pos;
  const char *d = s->data;

  if (s->pos < s->length && d[s->pos] == '-')
    s->pos++;
  if (s->pos >= s->length || !g_ascii_isdigit (d[s->pos]))
    return fail (s, start, _("malformed number"));
  if (d[s->pos] == '0')
    {
      s->pos++;
      if (s->pos < s->length && g_ascii_isdigit (d[s->pos]))
        return fail (s, start, _("numbers must not have leading zeros"));
    }
  else
    while (s->pos < s->length && g_ascii_isdigit (d[s->pos]))
      s->pos++;
  if (s->pos < s->length && d[s->pos] == '.')
    {
      s->pos++;
      if (s->pos >= s->length || !g_ascii_isdigit (d[s->pos]))
        return fail (s, start, _("malformed number: a digit must follow the decimal point"));
      while (s->pos < s->length && g_ascii_isdigit (d[s->pos]))
        s->pos++;
    }
  if (s->pos < s->length && (d[s->pos] == 'e' || d[s->pos] == 'E'))
    {
      s->pos++;
      if (s->pos < s->length && (d[s->pos] == '+' || d[s->pos] == '-'))
        s->pos++;
      if (s->pos >= s->length || !g_ascii_isdigit (d[s->pos]))
        return fail (s, start, _("malformed number: the exponent has no digits"));
      while (s->pos < s->length && g_ascii_isdigit (d[s->pos]))
        s->pos++;
    }
  if (s->pos - start > 40)
    return fail (s, start, _("number with more than 40 characters"));

  /* json-glib would read what follows as something else than written: a
   * whole number past 64 bits wraps, 1e400 becomes infinity. */
  {
    g_autofree char *token = g_strndup (d + start, s->pos - start);
    gboolean integer = strpbrk (token, ".eE") == NULL;

    if (integer)
      {
        gint64 ignored;

        if (!g_ascii_string_to_signed (token, 10, G_MININT64, G_MAXINT64, &ignored, NULL))
          return fail (s, start, _("the whole number %s is too large (more than 64 bits)"), token);
      }
    else if (!isfinite (g_ascii_strtod (token, NULL)))
      return fail (s, start, _("the number %s is too large to be read"), token);
  }
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
    return fail (s, s->pos, _("expected a value (string, number, object, array, true, false or null), found %s"), here);
  }
}

static void
clear_frame (gpointer data)
{
  Frame *frame = data;

  g_clear_pointer (&frame->keys, g_hash_table_unref);
}

/* Iterative, so a hostile file cannot exhaust the stack. */
/* What the scanner expects next. */
typedef enum
{
  WANT_VALUE,
  WANT_KEY,     /* a member name and its colon */
  AFTER_VALUE,  /* a comma, or the end of the object or array */
} ScanState;

/* A value: an object or array opens (or, empty, opens and closes), any
 * other value is read whole. */
static gboolean
scan_value (Scanner   *s,
            GArray    *stack,
            ScanState *state)
{
  char c;

  if (s->pos >= s->length)
    return fail (s, s->pos, _("the file ends where a value was expected (is it truncated?)"));
  c = s->data[s->pos];
  if (c == '{' || c == '[')
    {
      Frame frame = { c == '{', NULL };

      if (stack->len >= s->max_depth)
        return fail (s, s->pos, _("nesting deeper than %u levels"), s->max_depth);
      if (frame.is_object)
        frame.keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_array_append_val (stack, frame);
      s->pos++;
      skip_space (s);
      if (s->pos < s->length && s->data[s->pos] == (frame.is_object ? '}' : ']'))
        {
          s->pos++;
          g_array_set_size (stack, stack->len - 1);
          *state = AFTER_VALUE;
        }
      else
        *state = frame.is_object ? WANT_KEY : WANT_VALUE;
      return TRUE;
    }

  if (c == '"')
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
  *state = AFTER_VALUE;
  return TRUE;
}

/* After a value inside @stack's top: a comma, or its end. */
static gboolean
scan_after_value (Scanner   *s,
                  GArray    *stack,
                  ScanState *state)
{
  Frame *top = &g_array_index (stack, Frame, stack->len - 1);
  char close = top->is_object ? '}' : ']';
  char c;

  if (s->pos >= s->length)
    return fail (s, s->pos, top->is_object ? _("the file ends inside an object (is it truncated?)")
                                           : _("the file ends inside an array (is it truncated?)"));
  c = s->data[s->pos];
  if (c == close)
    {
      s->pos++;
      g_array_set_size (stack, stack->len - 1);
      *state = AFTER_VALUE;
      return TRUE;
    }
  if (c != ',')
    {
      g_autofree char *here = describe_here (s);
      return fail (s, s->pos, _("expected \",\" or \"%c\", found %s"), close, here);
    }
  s->pos++;
  skip_space (s);
  if (s->pos < s->length && s->data[s->pos] == close)
    return fail (s, s->pos, _("a comma may not come before \"%c\""), close);
  *state = top->is_object ? WANT_KEY : WANT_VALUE;
  return TRUE;
}

/* A member name, new in its object, and the colon after it. */
static gboolean
scan_member_key (Scanner *s,
                 Frame   *top)
{
  gsize key_at = s->pos;
  char *key = NULL;

  if (s->pos >= s->length)
    return fail (s, s->pos, _("the file ends inside an object (is it truncated?)"));
  if (s->data[s->pos] != '"')
    {
      g_autofree char *here = describe_here (s);
      return fail (s, s->pos, _("expected a member name in double quotes, found %s"), here);
    }
  if (!scan_string (s, &key))
    return FALSE;
  if (g_hash_table_contains (top->keys, key))
    {
      g_autofree char *shown = voc_json_quote (key);

      g_free (key);
      return fail (s, key_at, _("duplicate member %s in one object"), shown);
    }
  g_hash_table_add (top->keys, key);
  skip_space (s);
  if (s->pos >= s->length || s->data[s->pos] != ':')
    {
      g_autofree char *here = describe_here (s);
      return fail (s, s->pos, _("expected \":\" after a member name, found %s"), here);
    }
  s->pos++;
  return TRUE;
}

static gboolean
scan_document (Scanner *s)
{
  g_autoptr (GArray) stack = g_array_new (FALSE, TRUE, sizeof (Frame));
  ScanState state = WANT_VALUE;

  g_array_set_clear_func (stack, clear_frame);

  skip_space (s);
  if (s->pos >= s->length)
    return fail (s, s->pos, _("the file is empty; expected a JSON object"));

  /* Until the value at the top is whole. */
  do
    {
      gboolean ok = FALSE;

      skip_space (s);
      switch (state)
        {
        case WANT_VALUE:
          ok = scan_value (s, stack, &state);
          break;
        case WANT_KEY:
          ok = scan_member_key (s, &g_array_index (stack, Frame, stack->len - 1));
          state = WANT_VALUE;
          break;
        case AFTER_VALUE:
          ok = scan_after_value (s, stack, &state);
          break;
        default:
          g_assert_not_reached ();
        }
      if (!ok)
        return FALSE;
    }
  while (stack->len > 0 || state != AFTER_VALUE);

  skip_space (s);
  if (s->pos < s->length)
    {
      g_autofree char *here = describe_here (s);
      return fail (s, s->pos, _("unexpected %s after the end of the document"), here);
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
  /* No pointer arithmetic on NULL, even of 0. */
  if (length == 0)
    {
      *message = g_strdup ("line 1, column 1: the file is empty; expected a JSON object");
      return FALSE;
    }

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

/* Characters that would act rather than show in a terminal or a label:
 * C0 and C1 controls, DEL, line and paragraph separators, and the marks
 * that reorder text (bidirectional overrides and isolates). */
static gboolean
acts (gunichar c)
{
  return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029 ||
         c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
         c == 0xfeff;
}

char *
voc_json_quote (const char *text)
{
  GString *out;
  guint n = 0;
  const char *p;

  if (text == NULL)
    return g_strdup ("null");

  out = g_string_new ("\"");
  for (p = text; *p != '\0' && n < VOC_JSON_QUOTE_MAX; n++)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02X", (guchar) *p);
          p++;
          continue;
        }
      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        default:
          if (acts (c))
            g_string_append_printf (out, "\\u%04X", c);
          else
            g_string_append_unichar (out, c);
        }
      p = g_utf8_next_char (p);
    }
  if (*p != '\0')
    g_string_append (out, "…");
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

/* The outline: a second, quick pass over a document the scan accepted. */

static void
skip_string_fast (Scanner *s)
{
  s->pos++;
  while (s->pos < s->length && s->data[s->pos] != '"')
    s->pos += s->data[s->pos] == '\\' ? 2 : 1;
  s->pos++;
}

static void
skip_value (Scanner *s)
{
  char c = s->data[s->pos];

  if (c == '"')
    skip_string_fast (s);
  else if (c == '{' || c == '[')
    {
      guint depth = 0;

      do
        {
          c = s->data[s->pos];
          if (c == '"')
            {
              skip_string_fast (s);
              continue;
            }
          if (c == '{' || c == '[')
            depth++;
          else if (c == '}' || c == ']')
            depth--;
          s->pos++;
        }
      while (depth > 0 && s->pos < s->length);
    }
  else
    while (s->pos < s->length && strchr (",]} \t\r\n", s->data[s->pos]) == NULL)
      s->pos++;
}

static void
member_free (gpointer data)
{
  VocJsonMember *member = data;

  g_free (member->name);
  g_clear_pointer (&member->elements, g_array_unref);
  g_free (member);
}

GPtrArray *
voc_json_outline (const char *data,
                  gsize       length)
{
  Scanner s = { data, length, 0, 1, 0, 0, NULL };
  g_autoptr (GPtrArray) members = g_ptr_array_new_with_free_func (member_free);

  skip_space (&s);
  if (s.pos >= length || data[s.pos] != '{')
    return NULL;
  s.pos++;
  for (;;)
    {
      VocJsonMember *member;

      skip_space (&s);
      if (s.pos >= length || data[s.pos] == '}')
        break;
      member = g_new0 (VocJsonMember, 1);
      member->span.start = s.pos;
      if (!scan_string (&s, &member->name))
        {
          g_clear_pointer (&s.message, g_free);
          member_free (member);
          return NULL;
        }
      skip_space (&s);
      s.pos++;  /* ':' */
      skip_space (&s);
      member->value.start = s.pos;
      if (data[s.pos] == '[')
        {
          member->elements = g_array_new (FALSE, FALSE, sizeof (VocJsonSpan));
          s.pos++;
          skip_space (&s);
          while (s.pos < length && data[s.pos] != ']')
            {
              VocJsonSpan element = { s.pos, 0 };

              skip_value (&s);
              element.end = s.pos;
              g_array_append_val (member->elements, element);
              skip_space (&s);
              if (s.pos < length && data[s.pos] == ',')
                {
                  s.pos++;
                  skip_space (&s);
                }
            }
          s.pos++;  /* ']' */
        }
      else
        skip_value (&s);
      member->value.end = member->span.end = s.pos;
      g_ptr_array_add (members, member);
      skip_space (&s);
      if (s.pos < length && data[s.pos] == ',')
        s.pos++;
    }
  return g_steal_pointer (&members);
}
