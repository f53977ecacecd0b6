/* voc-store-import-check.c: an import's document, read and checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first of an import's two passes: the whole document is checked the
 * way the catalog loader checks a catalog (a strict syntax scan, then
 * every member, each problem listed with its JSON path), and what it
 * holds is copied into a Checker. Nothing is written unless there is no
 * problem at all (voc-store-import.c).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <stdio.h>
#include <string.h>

#include "voc-json-scan.h"
#include "voc-level.h"
#include "voc-store-transfer-private.h"

/* An id, kept once however often it is used. */
static const char *
keep_id (Checker    *c,
         const char *id)
{
  return id ? g_string_chunk_insert_const (c->strings, id) : NULL;
}

static const char *
keep_text (Checker    *c,
           const char *text)
{
  return text ? g_string_chunk_insert (c->strings, text) : NULL;
}

/* A level 0-5; with @nullable, null reads as -1 (a cleared rating). */
static gboolean
get_level (Checker    *c,
           JsonObject *object,
           const char *path,
           const char *member,
           gboolean    nullable,
           int        *level)
{
  g_autofree char *where = voc_json_join_path (path, member);
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && nullable && JSON_NODE_HOLDS_NULL (node))
    {
      *level = -1;
      return TRUE;
    }
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64 &&
      json_node_get_int (node) >= VOC_LEVEL_MIN && json_node_get_int (node) <= VOC_LEVEL_MAX)
    {
      *level = (int) json_node_get_int (node);
      return TRUE;
    }

  if (node == NULL)
    voc_json_problem (&c->check, where, _("missing; expected a level, an integer from 0 to 5%s"), nullable ? " or null" : "");
  else
    {
      g_autofree char *found = voc_json_describe (node);
      voc_json_problem (&c->check, where, _("expected a level, an integer from 0 to 5%s, found %s"), nullable ? " or null" : "", found);
    }
  return FALSE;
}

static gboolean
get_boolean (Checker    *c,
             JsonObject *object,
             const char *path,
             const char *member,
             gboolean   *value)
{
  g_autofree char *where = voc_json_join_path (path, member);
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    {
      *value = json_node_get_boolean (node);
      return TRUE;
    }
  if (node == NULL)
    voc_json_problem (&c->check, where, _("missing; expected true or false"));
  else
    {
      g_autofree char *found = voc_json_describe (node);
      voc_json_problem (&c->check, where, _("expected true or false, found %s"), found);
    }
  return FALSE;
}

static GTimeZone *
utc (void)
{
  static GTimeZone *zone;

  if (g_once_init_enter (&zone))
    g_once_init_leave (&zone, g_time_zone_new_utc ());
  return zone;
}

/* An ISO 8601 time with its zone, e.g. "2026-11-28T09:30:00Z". */
static gboolean
get_time (Checker    *c,
          JsonObject *object,
          const char *path,
          const char *member,
          gint64     *usec)
{
  g_autofree char *where = voc_json_join_path (path, member);
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr (GDateTime) time = NULL;

  if (voc_json_is_string (node) && (time = g_date_time_new_from_iso8601 (json_node_get_string (node), NULL)))
    {
      *usec = g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
      return TRUE;
    }
  if (node == NULL)
    voc_json_problem (&c->check, where, _("missing; expected a time such as \"2026-11-28T09:30:00Z\""));
  else if (voc_json_is_string (node) && (time = g_date_time_new_from_iso8601 (json_node_get_string (node), utc ())))
    {
      g_autofree char *shown = voc_json_quote (json_node_get_string (node));

      voc_json_problem (&c->check, where, _("the time %s has no time zone; add Z for UTC or an offset such as +01:00"),
                        shown);
    }
  else
    {
      g_autofree char *found = voc_json_describe (node);
      voc_json_problem (&c->check, where, _("expected a time such as \"2026-11-28T09:30:00Z\", found %s"), found);
    }
  return FALSE;
}

/* Optional: absent or null means no date. */
static gboolean
get_day (Checker     *c,
         JsonObject  *object,
         const char  *path,
         const char  *member,
         const char **day)
{
  g_autofree char *where = voc_json_join_path (path, member);
  JsonNode *node = json_object_get_member (object, member);

  *day = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (voc_json_is_string (node) && _voc_store_is_day (json_node_get_string (node)))
    {
      *day = keep_id (c, json_node_get_string (node));
      return TRUE;
    }
  {
    g_autofree char *found = voc_json_describe (node);
    voc_json_problem (&c->check, where, _("expected a day written YYYY-MM-DD, such as \"2027-03-31\", or null, found %s"), found);
  }
  return FALSE;
}

static void
check_note_fields (Checker    *c,
                   JsonObject *object,
                   const char *path,
                   Note       *note)
{
  note->body = keep_text (c, voc_json_get_string (&c->check, object, path, "body", VOC_JSON_REQUIRED));
  get_time (c, object, path, "created_at", &note->created_at);
  get_time (c, object, path, "updated_at", &note->updated_at);
}

static void
check_note (Checker    *c,
            JsonObject *owner,
            const char *path,
            Note       *note)
{
  static const char *const allowed[] = { "body", "created_at", "updated_at", NULL };
  g_autofree char *where = voc_json_join_path (path, "note");
  JsonNode *node = json_object_get_member (owner, "note");
  JsonObject *object;

  memset (note, 0, sizeof *note);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return;
  if (!(object = voc_json_get_object (&c->check, node, where)))
    return;
  voc_json_check_members (&c->check, object, where, allowed);
  check_note_fields (c, object, where, note);
}

/* Ratings @first to @first + n - 1 of the member @member, in @array. */
static void
check_ratings (Checker    *c,
               JsonArray  *array,
               guint       first,
               const char *member,
               gboolean    history)
{
  static const char *const profile_allowed[] = { "skill", "level", "relevant", "updated_at", NULL };
  static const char *const history_allowed[] = { "skill", "level", "relevant", "at", NULL };
  GArray *out = history ? c->history : c->profile;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", member, first + i);
      JsonObject *object = voc_json_get_object (&c->check, json_array_get_element (array, i), path);
      Rating rating = { 0 };
      gboolean ok;

      if (object == NULL)
        continue;
      voc_json_check_members (&c->check, object, path, history ? history_allowed : profile_allowed);
      rating.skill = keep_id (c, voc_json_get_id (&c->check, object, path, "skill", _("a skill id"), "sql"));
      ok = rating.skill != NULL;
      ok &= get_level (c, object, path, "level", history, &rating.level);
      ok &= get_boolean (c, object, path, "relevant", &rating.relevant);
      ok &= get_time (c, object, path, history ? "at" : "updated_at", &rating.time);

      if (!history && rating.skill != NULL)
        {
          const char *earlier = g_hash_table_lookup (c->rated, rating.skill);

          if (earlier != NULL)
            {
              g_autofree char *where = voc_json_join_path (path, "skill");
              voc_json_problem (&c->check, where, _("the skill \"%s\" is rated twice (already at %s)"), rating.skill,
                                earlier);
              ok = FALSE;
            }
          else
            g_hash_table_insert (c->rated, (gpointer) rating.skill, g_strdup (path));
        }
      if (ok)
        g_array_append_val (out, rating);
    }
}

static void
clear_goal (Goal *goal)
{
  g_clear_pointer (&goal->steps, g_array_unref);
}

static void
clear_plan (Plan *plan)
{
  g_clear_pointer (&plan->goals, g_array_unref);
}

static void
check_steps (Checker    *c,
             JsonObject *goal_object,
             const char *goal_path,
             Goal       *goal)
{
  static const char *const allowed[] = { "text", "url", "done", NULL };
  JsonArray *array = voc_json_get_array (&c->check, goal_object, goal_path, "steps", "steps", VOC_JSON_REQUIRED | VOC_JSON_SAY_EMPTY);

  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s.steps[%u]", goal_path, i);
      JsonObject *object = voc_json_get_object (&c->check, json_array_get_element (array, i), path);
      JsonNode *url;
      Step step = { 0 };
      gboolean ok;

      if (object == NULL)
        continue;
      voc_json_check_members (&c->check, object, path, allowed);
      step.text = keep_text (c, voc_json_get_string (&c->check, object, path, "text", VOC_JSON_REQUIRED));
      ok = step.text != NULL;
      ok &= get_boolean (c, object, path, "done", &step.done);

      url = json_object_get_member (object, "url");
      if (url != NULL && !JSON_NODE_HOLDS_NULL (url))
        {
          g_autofree char *where = voc_json_join_path (path, "url");
          const char *text = voc_json_is_string (url) ? json_node_get_string (url) : NULL;
          g_autofree char *scheme = text ? g_uri_parse_scheme (text) : NULL;

          if (scheme == NULL || !(g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0))
            {
              g_autofree char *found = voc_json_describe (url);
              voc_json_problem (&c->check, where, _("expected a web address starting with https:// or http://, or null, found %s"), found);
              ok = FALSE;
            }
          step.url = keep_text (c, text);
        }
      if (ok)
        g_array_append_val (goal->steps, step);
    }
}

static int
parse_status (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (name, status_names[i]) == 0)
      return (int) i;
  return -1;
}

static void
check_goals (Checker    *c,
             JsonObject *plan_object,
             const char *plan_path,
             Plan       *plan)
{
  static const char *const allowed[] = { "skill", "from_level", "target_level", "due_date", "status", "note",
                                         "steps", NULL };
  JsonArray *array = voc_json_get_array (&c->check, plan_object, plan_path, "goals", "goals", VOC_JSON_REQUIRED | VOC_JSON_SAY_EMPTY);

  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s.goals[%u]", plan_path, i);
      JsonObject *object = voc_json_get_object (&c->check, json_array_get_element (array, i), path);
      JsonNode *status;
      Goal goal = { 0 };
      gboolean ok;

      if (object == NULL)
        continue;
      goal.steps = g_array_new (FALSE, TRUE, sizeof (Step));
      voc_json_check_members (&c->check, object, path, allowed);
      goal.skill = keep_id (c, voc_json_get_id (&c->check, object, path, "skill", _("a skill id"), "sql"));
      ok = goal.skill != NULL;
      ok &= get_level (c, object, path, "from_level", FALSE, &goal.from_level);
      ok &= get_level (c, object, path, "target_level", FALSE, &goal.target_level);
      ok &= get_day (c, object, path, "due_date", &goal.due_date);

      status = json_object_get_member (object, "status");
      goal.status = voc_json_is_string (status) ? parse_status (json_node_get_string (status)) : -1;
      if (goal.status < 0)
        {
          g_autofree char *where = voc_json_join_path (path, "status");
          g_autofree char *found = voc_json_describe (status);

          if (status == NULL)
            voc_json_problem (&c->check, where, _("missing; expected \"not-started\", \"in-progress\" or \"done\""));
          else
            voc_json_problem (&c->check, where, _("expected \"not-started\", \"in-progress\" or \"done\", found %s"), found);
          ok = FALSE;
        }
      check_note (c, object, path, &goal.note);
      check_steps (c, object, path, &goal);

      if (ok)
        g_array_append_val (plan->goals, goal);
      else
        clear_goal (&goal);
    }
}

static void
check_plans (Checker    *c,
             JsonArray  *array,
             guint       first)
{
  static const char *const allowed[] = { "role", "title", "created_at", "target_date", "archived", "note",
                                         "goals", NULL };

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("plans[%u]", first + i);
      JsonObject *object = voc_json_get_object (&c->check, json_array_get_element (array, i), path);
      Plan plan = { 0 };
      gboolean ok;

      if (object == NULL)
        continue;
      plan.goals = g_array_new (FALSE, TRUE, sizeof (Goal));
      g_array_set_clear_func (plan.goals, (GDestroyNotify) clear_goal);
      voc_json_check_members (&c->check, object, path, allowed);
      plan.role = keep_id (c, voc_json_get_id (&c->check, object, path, "role", _("a role id"), "data-analyst"));
      plan.title = keep_text (c, voc_json_get_string (&c->check, object, path, "title", VOC_JSON_REQUIRED));
      ok = plan.role != NULL && plan.title != NULL;
      ok &= get_time (c, object, path, "created_at", &plan.created_at);
      ok &= get_day (c, object, path, "target_date", &plan.target_date);
      ok &= get_boolean (c, object, path, "archived", &plan.archived);
      check_note (c, object, path, &plan.note);
      check_goals (c, object, path, &plan);

      if (ok)
        g_array_append_val (c->plans, plan);
      else
        clear_plan (&plan);
    }
}

static void
check_role_notes (Checker    *c,
                  JsonArray  *array,
                  guint       first)
{
  static const char *const allowed[] = { "role", "body", "created_at", "updated_at", NULL };

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("role_notes[%u]", first + i);
      JsonObject *object = voc_json_get_object (&c->check, json_array_get_element (array, i), path);
      RoleNote note = { 0 };
      const char *earlier;

      if (object == NULL)
        continue;
      voc_json_check_members (&c->check, object, path, allowed);
      note.role = keep_id (c, voc_json_get_id (&c->check, object, path, "role", _("a role id"), "data-analyst"));
      check_note_fields (c, object, path, &note.note);
      if (note.role == NULL)
        continue;
      if ((earlier = g_hash_table_lookup (c->noted, note.role)) != NULL)
        {
          g_autofree char *where = voc_json_join_path (path, "role");
          voc_json_problem (&c->check, where, _("a second note on the role \"%s\" (the first is %s); a role has one note"),
                   note.role, earlier);
          continue;
        }
      g_hash_table_insert (c->noted, (gpointer) note.role, g_strdup (path));
      if (note.note.body != NULL)
        g_array_append_val (c->role_notes, note);
    }
}

/* FALSE when the file is not a Vocation data file of a version this one
 * reads: one sentence says so, and nothing more is checked. */
static gboolean
check_root (Checker  *c,
            JsonNode *root_node)
{
  static const char *const allowed[] = { "format", "format_version", "exported_at", "application", "profile",
                                         "history", "plans", "role_notes", NULL };
  JsonObject *root = voc_json_get_object (&c->check, root_node, NULL);
  JsonNode *format, *version, *node;

  if (root == NULL)
    return FALSE;

  /* Which file it is comes first: a catalog or any other JSON file gets
   * one sentence, not a hundred. */
  format = json_object_get_member (root, "format");
  if (!voc_json_is_string (format) || g_strcmp0 (json_node_get_string (format), VOC_DATA_FORMAT) != 0)
    {
      g_autofree char *found = voc_json_describe (format);

      if (format == NULL)
        voc_json_problem (&c->check, _("format"), "missing; this is not a Vocation data file (expected \"format\": \"%s\")",
                 VOC_DATA_FORMAT);
      else
        voc_json_problem (&c->check, _("format"), "expected \"%s\", found %s; this is not a Vocation data file",
                 VOC_DATA_FORMAT, found);
      return FALSE;
    }

  version = json_object_get_member (root, "format_version");
  if (version == NULL)
    {
      voc_json_problem (&c->check, _("format_version"), "missing; expected the integer %d", VOC_DATA_FORMAT_VERSION);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64)
    {
      g_autofree char *found = voc_json_describe (version);
      voc_json_problem (&c->check, _("format_version"), "expected the integer %d, found %s", VOC_DATA_FORMAT_VERSION, found);
      return FALSE;
    }
  if (json_node_get_int (version) != VOC_DATA_FORMAT_VERSION)
    {
      if (json_node_get_int (version) > VOC_DATA_FORMAT_VERSION)
        voc_json_problem (&c->check, _("format_version"), "format version %" G_GINT64_FORMAT " was written by a newer Vocation; "
                 "this version reads format version %d, so update Vocation to import it",
                 json_node_get_int (version), VOC_DATA_FORMAT_VERSION);
      else
        voc_json_problem (&c->check, _("format_version"), "unknown format version %" G_GINT64_FORMAT "; this version of Vocation "
                 "reads format version %d", json_node_get_int (version), VOC_DATA_FORMAT_VERSION);
      return FALSE;
    }

  voc_json_check_members (&c->check, root, "", allowed);
  if ((node = json_object_get_member (root, "exported_at")) != NULL)
    {
      gint64 ignored;
      get_time (c, root, "", "exported_at", &ignored);
    }
  if ((node = json_object_get_member (root, "application")) != NULL && !voc_json_is_string (node))
    {
      g_autofree char *found = voc_json_describe (node);
      voc_json_problem (&c->check, _("application"), "expected a string, found %s", found);
    }

  /* The arrays were left empty here (see _voc_import_check ()); this says
   * whether each is there at all, and an array at that. */
  voc_json_get_array (&c->check, root, "", "profile", "ratings", VOC_JSON_REQUIRED | VOC_JSON_SAY_EMPTY);
  voc_json_get_array (&c->check, root, "", "history", "rating changes", VOC_JSON_REQUIRED | VOC_JSON_SAY_EMPTY);
  voc_json_get_array (&c->check, root, "", "plans", "plans", VOC_JSON_REQUIRED | VOC_JSON_SAY_EMPTY);
  voc_json_get_array (&c->check, root, "", "role_notes", "notes on roles", VOC_JSON_REQUIRED | VOC_JSON_SAY_EMPTY);
  return TRUE;
}

/* The arrays of the document, in the order they are checked. */
static const char *const arrays[] = { "profile", "history", "plans", "role_notes" };

static gboolean
is_element_array (const VocJsonMember *member)
{
  if (member->elements == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    if (g_str_equal (member->name, arrays[i]))
      return TRUE;
  return FALSE;
}

static JsonNode *
parse_text (Checker    *c,
            const char *text,
            gsize       length,
            JsonParser *parser)
{
  g_autoptr (GError) error = NULL;

  /* The whole file passed the scan: json-glib reads what it accepted. */
  if (!json_parser_load_from_data (parser, text, (gssize) length, &error))
    {
      voc_json_problem (&c->check, NULL, _("%s"), error->message);
      return NULL;
    }
  return json_parser_get_root (parser);
}

/* Checks the document part by part: the top level with its arrays left
 * empty, then each array a batch of about a megabyte of elements at a
 * time. A 63 MiB file never becomes one tree of a gigabyte. */
void
_voc_import_check (Checker    *c,
                   const char *data,
                   gsize       length)
{
  g_autoptr (GPtrArray) outline = voc_json_outline (data, length);
  g_autoptr (GString) head = g_string_new ("{");
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;

  if (outline == NULL)
    {
      /* Not an object: a value json-glib reads small or an array, which
       * is named without reading it. */
      g_autoptr (JsonParser) whole = json_parser_new_immutable ();
      gsize start = 0;

      while (start < length && g_ascii_isspace (data[start]))
        start++;
      if (start < length && data[start] == '[')
        voc_json_problem (&c->check, NULL, _("expected an object, found an array"));
      else if ((root = parse_text (c, data, length, whole)))
        voc_json_get_object (&c->check, root, NULL);
      return;
    }

  for (guint i = 0; i < outline->len; i++)
    {
      const VocJsonMember *member = g_ptr_array_index (outline, i);

      if (i > 0)
        g_string_append_c (head, ',');
      if (is_element_array (member))
        {
          g_string_append_len (head, data + member->span.start, member->value.start - member->span.start);
          g_string_append (head, "[]");
        }
      else
        g_string_append_len (head, data + member->span.start, member->span.end - member->span.start);
    }
  g_string_append_c (head, '}');
  if (!(root = parse_text (c, head->str, head->len, parser)) || !check_root (c, root))
    return;

  for (guint a = 0; a < G_N_ELEMENTS (arrays); a++)
    for (guint i = 0; i < outline->len; i++)
      {
        const VocJsonMember *member = g_ptr_array_index (outline, i);
        guint done = 0;

        if (!is_element_array (member) || !g_str_equal (member->name, arrays[a]))
          continue;
        while (done < member->elements->len)
          {
            g_autoptr (JsonParser) batch_parser = json_parser_new_immutable ();
            g_autoptr (GString) batch = g_string_new ("[");
            const VocJsonSpan *first = &g_array_index (member->elements, VocJsonSpan, done);
            guint n = 0;
            JsonNode *node;

            while (done + n < member->elements->len &&
                   (n == 0 || g_array_index (member->elements, VocJsonSpan, done + n).end - first->start < 1024 * 1024))
              n++;
            g_string_append_len (batch, data + first->start,
                                 g_array_index (member->elements, VocJsonSpan, done + n - 1).end - first->start);
            g_string_append_c (batch, ']');
            if (!tick (c->progress, g_array_index (member->elements, VocJsonSpan, done + n - 1).end - first->start) ||
                !(node = parse_text (c, batch->str, batch->len, batch_parser)))
              return;
            switch (a)
              {
              case 0:
              case 1:
                check_ratings (c, json_node_get_array (node), done, member->name, a == 1);
                break;
              case 2:
                check_plans (c, json_node_get_array (node), done);
                break;
              default:
                check_role_notes (c, json_node_get_array (node), done);
                break;
              }
            done += n;
          }
      }
}

void
_voc_import_checker_init (Checker    *c,
                          const char *display_name,
                          GPtrArray  *problems,
                          Progress   *progress)
{
  *c = (Checker) { { 0 } };
  voc_json_check_init (&c->check, display_name, problems, VOC_DATA_MAX_PROBLEMS);
  c->profile = g_array_new (FALSE, TRUE, sizeof (Rating));
  c->history = g_array_new (FALSE, TRUE, sizeof (Rating));
  c->plans = g_array_new (FALSE, TRUE, sizeof (Plan));
  g_array_set_clear_func (c->plans, (GDestroyNotify) clear_plan);
  c->role_notes = g_array_new (FALSE, TRUE, sizeof (RoleNote));
  c->strings = g_string_chunk_new (64 * 1024);
  c->rated = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  c->noted = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  c->progress = progress;
}

void
_voc_import_checker_clear (Checker *c)
{
  g_clear_pointer (&c->profile, g_array_unref);
  g_clear_pointer (&c->history, g_array_unref);
  g_clear_pointer (&c->plans, g_array_unref);
  g_clear_pointer (&c->role_notes, g_array_unref);
  g_clear_pointer (&c->strings, g_string_chunk_free);
  g_clear_pointer (&c->rated, g_hash_table_unref);
  g_clear_pointer (&c->noted, g_hash_table_unref);
}

char *
_voc_import_problems (Checker *c)
{
  g_autoptr (GString) text = g_string_new (NULL);

  voc_json_check_finish (&c->check);
  for (guint i = 0; i < c->check.problems->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (c->check.problems, i));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
_voc_import_count (const Checker     *c,
                   VocTransferCounts *counts)
{
  counts->ratings = c->profile->len;
  counts->history = c->history->len;
  counts->plans = c->plans->len;
  for (guint i = 0; i < c->role_notes->len; i++)
    counts->notes += g_array_index (c->role_notes, RoleNote, i).note.body != NULL;
  for (guint p = 0; p < c->plans->len; p++)
    {
      const Plan *plan = &g_array_index (c->plans, Plan, p);

      counts->notes += plan->note.body != NULL;
      counts->goals += plan->goals->len;
      for (guint g = 0; g < plan->goals->len; g++)
        {
          const Goal *goal = &g_array_index (plan->goals, Goal, g);

          counts->notes += goal->note.body != NULL;
          counts->steps += goal->steps->len;
        }
    }
}
