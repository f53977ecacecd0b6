/* voc-json-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "voc-json-check.h"
#include "voc-json-scan.h"

void
voc_json_check_init (VocJsonCheck *c,
                     const char   *file,
                     GPtrArray    *problems,
                     guint         max_problems)
{
  c->file = file;
  c->problems = problems;
  c->max_problems = max_problems;
  c->n_dropped = 0;
}

void
voc_json_problem (VocJsonCheck *c,
                  const char   *path,
                  const char   *format,
                  ...)
{
  g_autofree char *what = NULL;
  va_list args;

  if (c->problems->len >= c->max_problems)
    {
      c->n_dropped++;
      return;
    }
  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (path != NULL && *path != '\0')
    g_ptr_array_add (c->problems, g_strdup_printf ("%s: %s: %s", c->file, path, what));
  else
    g_ptr_array_add (c->problems, g_strdup_printf ("%s: %s", c->file, what));
}

void
voc_json_check_finish (VocJsonCheck *c)
{
  if (c->n_dropped > 0)
    g_ptr_array_add (c->problems, g_strdup_printf (ngettext ("%s: … and %u more problem", "%s: … and %u more problems",
                                                            c->n_dropped),
                                                   c->file, c->n_dropped));
  c->n_dropped = 0;
}

gboolean
voc_json_prepare (VocJsonCheck  *c,
                  const char   **data,
                  gsize         *length,
                  gsize          max_size,
                  const char    *kind)
{
  g_autofree char *syntax = NULL;

  g_return_val_if_fail (*data != NULL || *length == 0, FALSE);

  if (*length > max_size)
    {
      /* Translators: "the file is 65.0 MiB; a catalog may be at most 64 MiB" */
      voc_json_problem (c, NULL, _("the file is %.1f MiB; %s may be at most %" G_GSIZE_FORMAT " MiB"),
                        *length / (1024.0 * 1024.0), kind, max_size / (1024 * 1024));
      return FALSE;
    }
  /* Editors on some systems write a byte order mark; it is not content. */
  if (*length >= 3 && memcmp (*data, "\xEF\xBB\xBF", 3) == 0)
    {
      *data += 3;
      *length -= 3;
    }
  if (!voc_json_scan (*data, *length, VOC_JSON_MAX_DEPTH, &syntax))
    {
      voc_json_problem (c, NULL, _("%s"), syntax);
      return FALSE;
    }
  return TRUE;
}

JsonParser *
voc_json_parse (VocJsonCheck *c,
                const char   *data,
                gsize         length,
                gsize         max_size,
                const char   *kind)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GError) error = NULL;

  if (!voc_json_prepare (c, &data, &length, max_size, kind))
    return NULL;
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &error))
    {
      /* The scan accepts only what json-glib reads; keep a message anyway. */
      voc_json_problem (c, NULL, _("%s"), error->message);
      return NULL;
    }
  return g_steal_pointer (&parser);
}

char *
voc_json_describe (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("null");
  if (JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup (_("an object"));
  if (JSON_NODE_HOLDS_ARRAY (node))
    return g_strdup (_("an array"));

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        double value = json_node_get_double (node);

        /* "3.0" rather than "3", to show it was written as a fraction;
         * compared without a cast, which is undefined out of range. */
        if (isfinite (value) && fabs (value) < 1e15 && value == floor (value))
          return g_strdup_printf ("%.1f", value);
        return g_strdup (g_ascii_dtostr (buf, sizeof buf, value));
      }
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    case G_TYPE_STRING:
      return voc_json_quote (json_node_get_string (node));
    default:
      return g_strdup (_("a value of an unknown kind"));
    }
}

static gboolean
is_plain_member (const char *member)
{
  if (*member == '\0' || strlen (member) > VOC_JSON_QUOTE_MAX)
    return FALSE;
  for (const char *p = member; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
      return FALSE;
  return TRUE;
}

char *
voc_json_join_path (const char *path,
                    const char *member)
{
  g_autofree char *shown = is_plain_member (member) ? g_strdup (member) : voc_json_quote (member);

  if (path == NULL || *path == '\0')
    return g_steal_pointer (&shown);
  return g_strdup_printf ("%s.%s", path, shown);
}

gboolean
voc_json_is_string (JsonNode *node)
{
  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

gboolean
voc_json_is_blank (const char *text)
{
  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

gboolean
voc_json_is_valid_id (const char *id)
{
  gboolean after_hyphen = TRUE;

  if (*id == '\0' || strlen (id) > 64)
    return FALSE;
  for (const char *p = id; *p; p++)
    {
      if (*p == '-')
        {
          if (after_hyphen)
            return FALSE;
          after_hyphen = TRUE;
        }
      else if (g_ascii_islower (*p) || g_ascii_isdigit (*p))
        after_hyphen = FALSE;
      else
        return FALSE;
    }
  return !after_hyphen;
}

void
voc_json_check_members (VocJsonCheck      *c,
                        JsonObject        *object,
                        const char        *path,
                        const char *const *allowed)
{
  JsonObjectIter iter;
  const char *name;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, NULL))
    if (!g_strv_contains (allowed, name))
      {
        g_autofree char *where = voc_json_join_path (path, name);
        g_autofree char *expected = g_strjoinv (", ", (char **) allowed);

        voc_json_problem (c, where, _("unknown member; expected only %s"), expected);
      }
}

JsonObject *
voc_json_get_object (VocJsonCheck *c,
                     JsonNode     *node,
                     const char   *path)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *found = voc_json_describe (node);

      voc_json_problem (c, path, _("expected an object, found %s"), found);
      return NULL;
    }
  return json_node_get_object (node);
}

JsonArray *
voc_json_get_array (VocJsonCheck *c,
                    JsonObject   *object,
                    const char   *path,
                    const char   *member,
                    const char   *what,
                    VocJsonFlags  flags)
{
  g_autofree char *where = voc_json_join_path (path, member);
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      if (flags & VOC_JSON_REQUIRED)
        {
          if (flags & VOC_JSON_SAY_EMPTY)
            voc_json_problem (c, where, _("missing; expected an array of %s (it may be empty)"), what);
          else
            voc_json_problem (c, where, _("missing; expected an array of %s"), what);
        }
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *found = voc_json_describe (node);

      voc_json_problem (c, where, _("expected an array of %s, found %s"), what, found);
      return NULL;
    }
  if ((flags & VOC_JSON_NON_EMPTY) && json_array_get_length (json_node_get_array (node)) == 0)
    {
      voc_json_problem (c, where, _("expected a non-empty array of %s, found an empty array"), what);
      return NULL;
    }
  return json_node_get_array (node);
}

const char *
voc_json_get_string (VocJsonCheck *c,
                     JsonObject   *object,
                     const char   *path,
                     const char   *member,
                     VocJsonFlags  flags)
{
  g_autofree char *where = voc_json_join_path (path, member);
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      if (flags & VOC_JSON_REQUIRED)
        voc_json_problem (c, where, _("missing; expected a non-empty string"));
      return NULL;
    }
  if (!voc_json_is_string (node))
    {
      g_autofree char *found = voc_json_describe (node);

      voc_json_problem (c, where, _("expected a non-empty string, found %s"), found);
      return NULL;
    }
  if (!(flags & VOC_JSON_MAY_BE_BLANK) && voc_json_is_blank (json_node_get_string (node)))
    {
      g_autofree char *found = voc_json_describe (node);

      voc_json_problem (c, where, _("expected a non-empty string, found %s"), found);
      return NULL;
    }
  return json_node_get_string (node);
}

const char *
voc_json_get_id (VocJsonCheck *c,
                 JsonObject   *object,
                 const char   *path,
                 const char   *member,
                 const char   *kind,
                 const char   *example)
{
  const char *id = voc_json_get_string (c, object, path, member, VOC_JSON_REQUIRED);

  if (id != NULL && !voc_json_is_valid_id (id))
    {
      g_autofree char *where = voc_json_join_path (path, member);
      g_autofree char *found = voc_json_quote (id);

      /* Translators: "expected a role id of lowercase letters, digits and single hyphens (such as
       * "data-analyst"), found "Data Analyst"" */
      voc_json_problem (c, where, _("expected %s of lowercase letters, digits and single hyphens "
                                    "(such as \"%s\"), found %s"), kind, example, found);
      return NULL;
    }
  return id;
}
