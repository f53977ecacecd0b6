/* voc-json-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "voc-json-writer.h"

void
voc_json_writer_init (VocJsonWriter *w,
                      GString       *out)
{
  g_return_if_fail (w != NULL);
  g_return_if_fail (out != NULL);

  *w = (VocJsonWriter) { 0 };
  w->out = out;
  w->depth = -1;
}

static void
indent (VocJsonWriter *w,
        int            n)
{
  g_string_append_c (w->out, '\n');
  for (int i = 0; i < n; i++)
    g_string_append_c (w->out, ' ');
}

/* Before a value: in an array, the line it starts. Returns the
 * indentation of the line the value is on. */
static int
before_value (VocJsonWriter *w)
{
  VocJsonLevel *level;

  if (w->depth < 0)
    return 0;
  level = &w->levels[w->depth];
  if (!level->is_array)
    return level->base;
  if (!level->first)
    g_string_append_c (w->out, ',');
  level->first = FALSE;
  indent (w, level->base + 2);
  return level->base + 2;
}

static void
push (VocJsonWriter *w,
      gboolean       is_array,
      gboolean       is_inline,
      int            base)
{
  g_return_if_fail (w->depth + 1 < VOC_JSON_WRITER_MAX_DEPTH);

  w->depth++;
  w->levels[w->depth] = (VocJsonLevel) { is_array, is_inline, TRUE, FALSE, base };
}

void
voc_json_writer_begin_object (VocJsonWriter *w,
                              gboolean       is_inline)
{
  int line = before_value (w);

  g_string_append_c (w->out, '{');
  push (w, FALSE, is_inline, is_inline ? line : line + 2);
}

void
voc_json_writer_end_object (VocJsonWriter *w)
{
  VocJsonLevel *level;

  g_return_if_fail (w->depth >= 0 && !w->levels[w->depth].is_array);

  level = &w->levels[w->depth];
  if (level->is_inline)
    g_string_append (w->out, level->first ? "}" : " }");
  else if (level->first)
    g_string_append_c (w->out, '}');
  else
    {
      indent (w, level->base - 2);
      g_string_append_c (w->out, '}');
    }
  w->depth--;
}

void
voc_json_writer_begin_array (VocJsonWriter *w)
{
  int line = before_value (w);

  g_string_append_c (w->out, '[');
  /* Elements hang from the line of the object the array is in: a block
   * object's members, or an inline object's own line. */
  push (w, TRUE, FALSE, line);
}

void
voc_json_writer_end_array (VocJsonWriter *w)
{
  VocJsonLevel *level;

  g_return_if_fail (w->depth >= 0 && w->levels[w->depth].is_array);

  level = &w->levels[w->depth];
  if (!level->first)
    indent (w, level->base);
  g_string_append_c (w->out, ']');
  w->depth--;
}

void
voc_json_writer_member (VocJsonWriter *w,
                        const char    *name)
{
  VocJsonLevel *level;

  g_return_if_fail (w->depth >= 0 && !w->levels[w->depth].is_array);

  level = &w->levels[w->depth];
  if (!level->is_inline)
    {
      if (!level->first)
        g_string_append_c (w->out, ',');
      indent (w, level->base);
    }
  else if (level->first)
    g_string_append_c (w->out, ' ');
  else if (level->broken)
    {
      g_string_append_c (w->out, ',');
      indent (w, level->base + 2);
    }
  else
    g_string_append (w->out, ", ");
  level->first = FALSE;

  /* Member names are the writer's own, plain ASCII. */
  g_string_append_c (w->out, '"');
  g_string_append (w->out, name);
  g_string_append (w->out, "\": ");
}

void
voc_json_writer_break (VocJsonWriter *w)
{
  g_return_if_fail (w->depth >= 0 && w->levels[w->depth].is_inline);

  w->levels[w->depth].broken = TRUE;
}

void
voc_json_writer_string (VocJsonWriter *w,
                        const char    *text)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    {
      voc_json_writer_null (w);
      return;
    }
  before_value (w);
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  g_string_append_c (w->out, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (w->out, "\\\"");
          break;
        case '\\':
          g_string_append (w->out, "\\\\");
          break;
        case '\n':
          g_string_append (w->out, "\\n");
          break;
        case '\t':
          g_string_append (w->out, "\\t");
          break;
        case '\r':
          g_string_append (w->out, "\\r");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (w->out, "\\u%04x", c);
          else
            g_string_append_c (w->out, (char) c);
        }
    }
  g_string_append_c (w->out, '"');
}

void
voc_json_writer_int (VocJsonWriter *w,
                     gint64         value)
{
  before_value (w);
  g_string_append_printf (w->out, "%" G_GINT64_FORMAT, value);
}

void
voc_json_writer_boolean (VocJsonWriter *w,
                         gboolean       value)
{
  before_value (w);
  g_string_append (w->out, value ? "true" : "false");
}

void
voc_json_writer_null (VocJsonWriter *w)
{
  before_value (w);
  g_string_append (w->out, "null");
}

void
voc_json_writer_time (VocJsonWriter *w,
                      gint64         usec)
{
  gint64 seconds = usec / G_USEC_PER_SEC;
  int micro = (int) (usec % G_USEC_PER_SEC);
  g_autoptr (GDateTime) time = NULL;
  g_autofree char *text = NULL;

  if (micro < 0)
    {
      seconds--;
      micro += G_USEC_PER_SEC;
    }
  time = g_date_time_new_from_unix_utc (seconds);
  if (time == NULL)
    time = g_date_time_new_from_unix_utc (0);
  text = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S");
  before_value (w);
  if (micro != 0)
    g_string_append_printf (w->out, "\"%s.%06dZ\"", text, micro);
  else
    g_string_append_printf (w->out, "\"%sZ\"", text);
}
