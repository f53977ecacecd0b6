/* voc-store-transfer.c: export and import of all user data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export reads everything inside one read transaction, so the document is
 * a consistent picture, and writes it with g_file_set_contents_full():
 * a temporary file, synced and renamed over the target, mode 0600.
 *
 * Import is two passes. The first checks the whole document the way the
 * catalog loader does (strict syntax scan, then every member, every
 * problem listed with its JSON path) and keeps borrowed pointers into the
 * parsed tree. Only when there is no problem at all does the second pass
 * write, in one transaction: all of it, or nothing.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "voc-file.h"
#include "voc-json-check.h"
#include "voc-json-scan.h"
#include "voc-store-private.h"
#include "voc-store-transfer.h"

/* ------------------------------------------------------------------ */
/* Export                                                              */
/* ------------------------------------------------------------------ */

static void
append_string (GString    *out,
               const char *text)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  /* A document that cannot be read back is worse than a replaced byte. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

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
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

/* "2026-11-28T09:30:00.123456Z": readable, and exact to the microsecond. */
static void
append_time (GString *out,
             gint64   usec)
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
  if (micro != 0)
    g_string_append_printf (out, "\"%s.%06dZ\"", text, micro);
  else
    g_string_append_printf (out, "\"%sZ\"", text);
}

static void
append_note (GString      *out,
             sqlite3_stmt *stmt,
             int           column,
             const char   *indent)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return;
  g_string_append_printf (out, ",\n%s\"note\": { \"body\": ", indent);
  append_string (out, (const char *) sqlite3_column_text (stmt, column));
  g_string_append (out, ", \"created_at\": ");
  append_time (out, sqlite3_column_int64 (stmt, column + 1));
  g_string_append (out, ", \"updated_at\": ");
  append_time (out, sqlite3_column_int64 (stmt, column + 2));
  g_string_append (out, " }");
}

static const char *const status_names[] = { "not-started", "in-progress", "done" };

/* One stage of a long export or import: its share of the whole (@from to
 * @to), how far it got, and whether it was asked to stop. */
typedef struct
{
  const VocTransferOptions *options;
  double   from;
  double   to;
  guint64  done;
  guint64  total;
  guint64  next;     /* when to report and look at the cancellable again */
  gboolean stop;
} Progress;

static void
progress_begin (Progress                 *p,
                const VocTransferOptions *options,
                double                    from,
                double                    to,
                guint64                   total)
{
  *p = (Progress) { options, from, to, 0, MAX (total, 1), 0, FALSE };
  if (options != NULL && options->progress != NULL)
    options->progress (from, options->progress_data);
}

/* @n more units done; FALSE once the work is to stop. */
static gboolean
tick (Progress *p,
      guint64   n)
{
  p->done += n;
  if (p->options == NULL || p->done < p->next)
    return !p->stop;
  p->next = p->done + 512;
  if (g_cancellable_is_cancelled (p->options->cancellable))
    p->stop = TRUE;
  else if (p->options->progress != NULL)
    p->options->progress (p->from + (p->to - p->from) * MIN (1.0, (double) p->done / p->total),
                          p->options->progress_data);
  return !p->stop;
}

static gboolean
cancelled (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled; nothing was written"));
  return FALSE;
}

static gboolean
write_document (VocStore           *self,
                GString            *out,
                VocTransferCounts  *counts,
                Progress           *p,
                GError            **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  sqlite3_stmt *plans = NULL, *goals = NULL, *steps = NULL, *stmt = NULL;
  gboolean first;
  int rc = SQLITE_DONE, goal_rc, step_rc;

  g_string_append_printf (out, "{\n  \"format\": \"%s\",\n  \"format_version\": %d,\n  \"exported_at\": ",
                          VOC_DATA_FORMAT, VOC_DATA_FORMAT_VERSION);
  append_time (out, g_date_time_to_unix (now) * G_USEC_PER_SEC + g_date_time_get_microsecond (now));
  g_string_append (out, ",\n  \"application\": \"Vocation " PACKAGE_VERSION "\",\n  \"profile\": [");

  if (!(stmt = _voc_store_prepare (self, "SELECT skill_id, level, relevant, updated_at FROM profile_level "
                                         "ORDER BY skill_id", error)))
    return FALSE;
  for (first = TRUE; tick (p, 1) && (rc = sqlite3_step (stmt)) == SQLITE_ROW; first = FALSE)
    {
      g_string_append (out, first ? "\n    { \"skill\": " : ",\n    { \"skill\": ");
      append_string (out, (const char *) sqlite3_column_text (stmt, 0));
      g_string_append_printf (out, ", \"level\": %d, \"relevant\": %s, \"updated_at\": ",
                              sqlite3_column_int (stmt, 1), sqlite3_column_int (stmt, 2) ? "true" : "false");
      append_time (out, sqlite3_column_int64 (stmt, 3));
      g_string_append (out, " }");
      counts->ratings++;
    }
  sqlite3_finalize (stmt);
  if (p->stop)
    return cancelled (error);
  if (rc != SQLITE_DONE)
    return _voc_store_fail (self, error, VOC_STORE_ERROR_QUERY, _("cannot read the profile"));

  g_string_append (out, first ? "],\n  \"history\": [" : "\n  ],\n  \"history\": [");
  if (!(stmt = _voc_store_prepare (self, "SELECT skill_id, level, relevant, at FROM level_history ORDER BY id", error)))
    return FALSE;
  for (first = TRUE; tick (p, 1) && (rc = sqlite3_step (stmt)) == SQLITE_ROW; first = FALSE)
    {
      g_string_append (out, first ? "\n    { \"skill\": " : ",\n    { \"skill\": ");
      append_string (out, (const char *) sqlite3_column_text (stmt, 0));
      if (sqlite3_column_type (stmt, 1) == SQLITE_NULL)
        g_string_append (out, ", \"level\": null");
      else
        g_string_append_printf (out, ", \"level\": %d", sqlite3_column_int (stmt, 1));
      g_string_append_printf (out, ", \"relevant\": %s, \"at\": ", sqlite3_column_int (stmt, 2) ? "true" : "false");
      append_time (out, sqlite3_column_int64 (stmt, 3));
      g_string_append (out, " }");
      counts->history++;
    }
  sqlite3_finalize (stmt);
  if (p->stop)
    return cancelled (error);
  if (rc != SQLITE_DONE)
    return _voc_store_fail (self, error, VOC_STORE_ERROR_QUERY, _("cannot read the history"));

  /* Plans, goals and steps come from three cursors in the same order, so
   * nesting them is a merge walk rather than a query per goal. */
  g_string_append (out, first ? "],\n  \"plans\": [" : "\n  ],\n  \"plans\": [");
  plans = _voc_store_prepare (self,
                              "SELECT p.id, p.role_id, p.title, p.created_at, p.target_date, p.archived, "
                              "       n.body, n.created_at, n.updated_at "
                              "FROM plan AS p LEFT JOIN note AS n "
                              "  ON n.subject_kind = 'plan' AND n.subject_id = CAST (p.id AS TEXT) "
                              "ORDER BY p.id", error);
  goals = plans ? _voc_store_prepare (self,
                                      "SELECT g.id, g.plan_id, g.skill_id, g.from_level, g.target_level, "
                                      "       g.due_date, g.status, n.body, n.created_at, n.updated_at "
                                      "FROM goal AS g LEFT JOIN note AS n "
                                      "  ON n.subject_kind = 'goal' AND n.subject_id = CAST (g.id AS TEXT) "
                                      "ORDER BY g.plan_id, g.position, g.id", error) : NULL;
  steps = goals ? _voc_store_prepare (self,
                                      "SELECT s.goal_id, s.text, s.url, s.done FROM step AS s "
                                      "JOIN goal AS g ON g.id = s.goal_id "
                                      "ORDER BY g.plan_id, g.position, g.id, s.position, s.id", error) : NULL;
  if (steps == NULL)
    {
      sqlite3_finalize (plans);
      sqlite3_finalize (goals);
      return FALSE;
    }

  goal_rc = sqlite3_step (goals);
  step_rc = sqlite3_step (steps);
  for (first = TRUE; tick (p, 1) && (rc = sqlite3_step (plans)) == SQLITE_ROW; first = FALSE)
    {
      gint64 plan_id = sqlite3_column_int64 (plans, 0);
      gboolean first_goal = TRUE;

      g_string_append (out, first ? "\n    {\n      \"role\": " : ",\n    {\n      \"role\": ");
      append_string (out, (const char *) sqlite3_column_text (plans, 1));
      g_string_append (out, ",\n      \"title\": ");
      append_string (out, (const char *) sqlite3_column_text (plans, 2));
      g_string_append (out, ",\n      \"created_at\": ");
      append_time (out, sqlite3_column_int64 (plans, 3));
      g_string_append (out, ",\n      \"target_date\": ");
      append_string (out, (const char *) sqlite3_column_text (plans, 4));
      g_string_append_printf (out, ",\n      \"archived\": %s", sqlite3_column_int (plans, 5) ? "true" : "false");
      append_note (out, plans, 6, "      ");
      g_string_append (out, ",\n      \"goals\": [");
      counts->plans++;
      if (sqlite3_column_type (plans, 6) != SQLITE_NULL)
        counts->notes++;

      /* Goals sort by plan id as plans do; none can belong to an earlier plan. */
      while (goal_rc == SQLITE_ROW && sqlite3_column_int64 (goals, 1) == plan_id)
        {
          gint64 goal_id = sqlite3_column_int64 (goals, 0);
          int status = CLAMP (sqlite3_column_int (goals, 6), 0, 2);
          gboolean first_step = TRUE;

          g_string_append (out, first_goal ? "\n        { \"skill\": " : ",\n        { \"skill\": ");
          append_string (out, (const char *) sqlite3_column_text (goals, 2));
          g_string_append_printf (out, ", \"from_level\": %d, \"target_level\": %d, \"due_date\": ",
                                  sqlite3_column_int (goals, 3), sqlite3_column_int (goals, 4));
          append_string (out, (const char *) sqlite3_column_text (goals, 5));
          g_string_append_printf (out, ", \"status\": \"%s\"", status_names[status]);
          append_note (out, goals, 7, "          ");
          g_string_append (out, sqlite3_column_type (goals, 7) == SQLITE_NULL ? ", \"steps\": ["
                                                                               : ",\n          \"steps\": [");
          counts->goals++;
          tick (p, 1);
          if (sqlite3_column_type (goals, 7) != SQLITE_NULL)
            counts->notes++;

          while (step_rc == SQLITE_ROW && sqlite3_column_int64 (steps, 0) == goal_id)
            {
              g_string_append (out, first_step ? "\n          { \"text\": " : ",\n          { \"text\": ");
              append_string (out, (const char *) sqlite3_column_text (steps, 1));
              if (sqlite3_column_type (steps, 2) != SQLITE_NULL)
                {
                  g_string_append (out, ", \"url\": ");
                  append_string (out, (const char *) sqlite3_column_text (steps, 2));
                }
              g_string_append_printf (out, ", \"done\": %s }", sqlite3_column_int (steps, 3) ? "true" : "false");
              counts->steps++;
              tick (p, 1);
              first_step = FALSE;
              step_rc = sqlite3_step (steps);
            }
          g_string_append (out, first_step ? "] }" : "\n        ] }");
          first_goal = FALSE;
          goal_rc = sqlite3_step (goals);
        }
      g_string_append (out, first_goal ? "]\n    }" : "\n      ]\n    }");
    }
  sqlite3_finalize (plans);
  sqlite3_finalize (goals);
  sqlite3_finalize (steps);
  if (p->stop)
    return cancelled (error);
  if (rc != SQLITE_DONE || (goal_rc != SQLITE_DONE && goal_rc != SQLITE_ROW) ||
      (step_rc != SQLITE_DONE && step_rc != SQLITE_ROW))
    return _voc_store_fail (self, error, VOC_STORE_ERROR_QUERY, _("cannot read the plans"));

  g_string_append (out, first ? "],\n  \"role_notes\": [" : "\n  ],\n  \"role_notes\": [");
  if (!(stmt = _voc_store_prepare (self, "SELECT subject_id, body, created_at, updated_at FROM note "
                                         "WHERE subject_kind = 'role' ORDER BY subject_id", error)))
    return FALSE;
  for (first = TRUE; tick (p, 1) && (rc = sqlite3_step (stmt)) == SQLITE_ROW; first = FALSE)
    {
      g_string_append (out, first ? "\n    { \"role\": " : ",\n    { \"role\": ");
      append_string (out, (const char *) sqlite3_column_text (stmt, 0));
      g_string_append (out, ", \"body\": ");
      append_string (out, (const char *) sqlite3_column_text (stmt, 1));
      g_string_append (out, ", \"created_at\": ");
      append_time (out, sqlite3_column_int64 (stmt, 2));
      g_string_append (out, ", \"updated_at\": ");
      append_time (out, sqlite3_column_int64 (stmt, 3));
      g_string_append (out, " }");
      counts->notes++;
    }
  sqlite3_finalize (stmt);
  if (p->stop)
    return cancelled (error);
  if (rc != SQLITE_DONE)
    return _voc_store_fail (self, error, VOC_STORE_ERROR_QUERY, _("cannot read the notes"));
  g_string_append (out, first ? "]\n}\n" : "\n  ]\n}\n");

  return TRUE;
}

/* How many rows an export writes, for its progress. */
static guint64
count_rows (VocStore *self)
{
  sqlite3_stmt *stmt = _voc_store_prepare (self,
                                           "SELECT (SELECT count(*) FROM profile_level) + "
                                           "(SELECT count(*) FROM level_history) + (SELECT count(*) FROM plan) + "
                                           "(SELECT count(*) FROM goal) + (SELECT count(*) FROM step) + "
                                           "(SELECT count(*) FROM note WHERE subject_kind = 'role')", NULL);
  guint64 rows = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    rows = (guint64) sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return rows;
}

static GBytes *
export_bytes (VocStore                 *self,
              const VocTransferOptions *options,
              VocTransferCounts        *counts,
              GError                  **error)
{
  g_autoptr (GString) out = g_string_sized_new (64 * 1024);
  VocTransferCounts local = { 0 };
  Progress p;
  gboolean ok;

  /* One read transaction: a consistent picture even while others write. */
  if (!_voc_store_exec (self, "BEGIN", error))
    return NULL;
  progress_begin (&p, options, 0, 0.9, options != NULL ? count_rows (self) : 0);
  ok = write_document (self, out, &local, &p, error);
  _voc_store_exec (self, "COMMIT", NULL);
  if (!ok)
    return NULL;

  if (counts)
    *counts = local;
  return g_string_free_to_bytes (g_steal_pointer (&out));
}

GBytes *
voc_store_export_bytes (VocStore           *self,
                        VocTransferCounts  *counts,
                        GError            **error)
{
  g_return_val_if_fail (VOC_IS_STORE (self), NULL);

  return export_bytes (self, NULL, counts, error);
}

/* All of @data to standard output, for "--export-data -". */
static gboolean
write_stdout (const char  *data,
              gsize        length,
              GError     **error)
{
  while (length > 0)
    {
      gssize n = write (STDOUT_FILENO, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_OPEN,
                       _("Cannot write to standard output: %s"), g_strerror (saved));
          return FALSE;
        }
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

gboolean
voc_store_export_data (VocStore           *self,
                       const char         *path,
                       VocTransferCounts  *counts,
                       GError            **error)
{
  return voc_store_export_data_full (self, path, NULL, counts, error);
}

gboolean
voc_store_export_data_full (VocStore                 *self,
                            const char               *path,
                            const VocTransferOptions *options,
                            VocTransferCounts        *counts,
                            GError                  **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (VOC_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* An export over the database, its log or a snapshot would destroy
   * what it is meant to keep. */
  if (!g_str_equal (path, "-") && _voc_store_is_own_file (self, path))
    {
      g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_OPEN,
                   _("Cannot write %s: it is one of Vocation's own data files (the database, its log or a "
                     "saved copy), which an export would destroy; choose another name"), path);
      return FALSE;
    }

  if (!(bytes = export_bytes (self, options, counts, error)))
    return FALSE;
  /* The last moment it can stop with nothing written. */
  if (options != NULL && g_cancellable_is_cancelled (options->cancellable))
    return cancelled (error);
  data = g_bytes_get_data (bytes, &length);
  if (g_str_equal (path, "-"))
    return write_stdout (data, length, error);
  if (!voc_file_replace (path, data, length, 0600, &local_error))
    {
      g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_OPEN,
                   _("Cannot write %s: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

char *
voc_transfer_counts_describe (const VocTransferCounts *counts)
{
  /* "%'u": the thousands as the locale groups them (852,102). */
  g_autofree char *ratings = g_strdup_printf (ngettext ("%'u rating", "%'u ratings", counts->ratings),
                                              counts->ratings);
  g_autofree char *history = g_strdup_printf (ngettext ("%'u history entry", "%'u history entries",
                                                        counts->history), counts->history);
  g_autofree char *plans = g_strdup_printf (ngettext ("%'u plan", "%'u plans", counts->plans),
                                            counts->plans);
  g_autofree char *goals = g_strdup_printf (ngettext ("%'u goal", "%'u goals", counts->goals),
                                            counts->goals);
  g_autofree char *steps = g_strdup_printf (ngettext ("%'u step", "%'u steps", counts->steps),
                                            counts->steps);
  g_autofree char *notes = g_strdup_printf (ngettext ("%'u note", "%'u notes", counts->notes),
                                            counts->notes);

  /* The history is said only when there is some: every rating has some,
   * and a file of ratings alone reads better without it. */
  if (counts->history > 0)
    /* Translators: e.g. "12 ratings, 40 history entries, 2 plans, 9 goals, 30 steps and 4 notes" */
    return g_strdup_printf (_("%s, %s, %s, %s, %s and %s"), ratings, history, plans, goals, steps, notes);
  /* Translators: e.g. "12 ratings, 2 plans, 9 goals, 30 steps and 4 notes" */
  return g_strdup_printf (_("%s, %s, %s, %s and %s"), ratings, plans, goals, steps, notes);
}

gboolean
voc_transfer_counts_is_empty (const VocTransferCounts *counts)
{
  return counts->ratings == 0 && counts->history == 0 && counts->plans == 0 && counts->goals == 0 &&
         counts->steps == 0 && counts->notes == 0;
}

char *
voc_transfer_counts_describe_notes (const VocTransferCounts *counts)
{
  g_autoptr (GString) text = g_string_new (NULL);

  if (counts->plans_skipped > 0)
    g_string_append_printf (text, ngettext ("%'u plan was already here and was skipped.",
                                            "%'u plans were already here and were skipped.", counts->plans_skipped),
                            counts->plans_skipped);
  if (counts->unknown_ratings > 0)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("%'u rating for a skill this version does not know was kept.",
                                              "%'u ratings for skills this version does not know were kept.",
                                              counts->unknown_ratings),
                              counts->unknown_ratings);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* ------------------------------------------------------------------ */
/* Import: checking                                                    */
/* ------------------------------------------------------------------ */

typedef struct
{
  const char *body;  /* NULL: no note */
  gint64      created_at;
  gint64      updated_at;
} Note;

typedef struct
{
  const char *text;
  const char *url;
  gboolean    done;
} Step;

typedef struct
{
  const char *skill;
  int         from_level;
  int         target_level;
  const char *due_date;
  int         status;
  Note        note;
  GArray     *steps;  /* of Step */
} Goal;

typedef struct
{
  const char *role;
  const char *title;
  gint64      created_at;
  const char *target_date;
  gboolean    archived;
  Note        note;
  GArray     *goals;  /* of Goal */
} Plan;

typedef struct
{
  const char *skill;
  int         level;     /* -1: null (history only) */
  gboolean    relevant;
  gint64      time;
} Rating;

typedef struct
{
  const char *role;
  Note        note;
} RoleNote;

/* What a checked document holds, its strings copied out of the parsed
 * parts (which go as soon as each is checked) into one string chunk. */
typedef struct
{
  VocJsonCheck check;

  GArray       *profile;     /* of Rating */
  GArray       *history;     /* of Rating */
  GArray       *plans;       /* of Plan */
  GArray       *role_notes;  /* of RoleNote */
  GStringChunk *strings;
  GHashTable   *rated;       /* skill -> path of its rating, for ratings given twice */
  GHashTable   *noted;       /* role -> path of its note */
  Progress     *progress;    /* in bytes of the document */
} Checker;

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
      json_node_get_int (node) >= 0 && json_node_get_int (node) <= 5)
    {
      *level = (int) json_node_get_int (node);
      return TRUE;
    }

  if (node == NULL)
    voc_json_problem (&c->check, where, "missing; expected a level, an integer from 0 to 5%s", nullable ? " or null" : "");
  else
    {
      g_autofree char *found = voc_json_describe (node);
      voc_json_problem (&c->check, where, "expected a level, an integer from 0 to 5%s, found %s", nullable ? " or null" : "", found);
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
    voc_json_problem (&c->check, where, "missing; expected true or false");
  else
    {
      g_autofree char *found = voc_json_describe (node);
      voc_json_problem (&c->check, where, "expected true or false, found %s", found);
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
    voc_json_problem (&c->check, where, "missing; expected a time such as \"2026-11-28T09:30:00Z\"");
  else if (voc_json_is_string (node) && (time = g_date_time_new_from_iso8601 (json_node_get_string (node), utc ())))
    {
      g_autofree char *shown = voc_json_quote (json_node_get_string (node));

      voc_json_problem (&c->check, where, _("the time %s has no time zone; add Z for UTC or an offset such as +01:00"),
                        shown);
    }
  else
    {
      g_autofree char *found = voc_json_describe (node);
      voc_json_problem (&c->check, where, "expected a time such as \"2026-11-28T09:30:00Z\", found %s", found);
    }
  return FALSE;
}

static gboolean
valid_day (const char *date)
{
  unsigned year, month, day;
  char end;

  return strlen (date) == 10 && date[4] == '-' && date[7] == '-' &&
         sscanf (date, "%4u-%2u-%2u%c", &year, &month, &day, &end) == 3 &&
         g_ascii_isdigit (date[0]) && g_ascii_isdigit (date[5]) && g_ascii_isdigit (date[8]) &&
         g_date_valid_dmy (day, month, year);
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
  if (voc_json_is_string (node) && valid_day (json_node_get_string (node)))
    {
      *day = keep_id (c, json_node_get_string (node));
      return TRUE;
    }
  {
    g_autofree char *found = voc_json_describe (node);
    voc_json_problem (&c->check, where, "expected a day written YYYY-MM-DD, such as \"2027-03-31\", or null, found %s", found);
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
              voc_json_problem (&c->check, where, "the skill \"%s\" is rated twice (already at %s)", rating.skill,
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
              voc_json_problem (&c->check, where, "expected a web address starting with https:// or http://, or null, found %s", found);
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
            voc_json_problem (&c->check, where, "missing; expected \"not-started\", \"in-progress\" or \"done\"");
          else
            voc_json_problem (&c->check, where, "expected \"not-started\", \"in-progress\" or \"done\", found %s", found);
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
          voc_json_problem (&c->check, where, "a second note on the role \"%s\" (the first is %s); a role has one note",
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
        voc_json_problem (&c->check, "format", "missing; this is not a Vocation data file (expected \"format\": \"%s\")",
                 VOC_DATA_FORMAT);
      else
        voc_json_problem (&c->check, "format", "expected \"%s\", found %s; this is not a Vocation data file",
                 VOC_DATA_FORMAT, found);
      return FALSE;
    }

  version = json_object_get_member (root, "format_version");
  if (version == NULL)
    {
      voc_json_problem (&c->check, "format_version", "missing; expected the integer %d", VOC_DATA_FORMAT_VERSION);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64)
    {
      g_autofree char *found = voc_json_describe (version);
      voc_json_problem (&c->check, "format_version", "expected the integer %d, found %s", VOC_DATA_FORMAT_VERSION, found);
      return FALSE;
    }
  if (json_node_get_int (version) != VOC_DATA_FORMAT_VERSION)
    {
      if (json_node_get_int (version) > VOC_DATA_FORMAT_VERSION)
        voc_json_problem (&c->check, "format_version", "format version %" G_GINT64_FORMAT " was written by a newer Vocation; "
                 "this version reads format version %d, so update Vocation to import it",
                 json_node_get_int (version), VOC_DATA_FORMAT_VERSION);
      else
        voc_json_problem (&c->check, "format_version", "unknown format version %" G_GINT64_FORMAT "; this version of Vocation "
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
      voc_json_problem (&c->check, "application", "expected a string, found %s", found);
    }

  /* The arrays were left empty here (see check_document()); this says
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
      voc_json_problem (&c->check, NULL, "%s", error->message);
      return NULL;
    }
  return json_parser_get_root (parser);
}

/* Checks the document part by part: the top level with its arrays left
 * empty, then each array a batch of about a megabyte of elements at a
 * time. A 63 MiB file never becomes one tree of a gigabyte. */
static void
check_document (Checker    *c,
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
        voc_json_problem (&c->check, NULL, "expected an object, found an array");
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

/* ------------------------------------------------------------------ */
/* Import: writing                                                     */
/* ------------------------------------------------------------------ */

typedef struct
{
  VocStore     *store;
  sqlite3_stmt *insert_plan;
  sqlite3_stmt *insert_goal;
  sqlite3_stmt *insert_step;
  sqlite3_stmt *insert_note;
} Writer;

static gboolean
step_reset (Writer        *w,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return _voc_store_fail (w->store, error, VOC_STORE_ERROR_QUERY, _("cannot save the imported data"));
  return TRUE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
insert_note (Writer      *w,
             const char  *kind,
             const char  *subject,
             const Note  *note,
             GError     **error)
{
  sqlite3_bind_text (w->insert_note, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (w->insert_note, 2, subject, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (w->insert_note, 3, note->body, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (w->insert_note, 4, note->created_at);
  sqlite3_bind_int64 (w->insert_note, 5, note->updated_at);
  return step_reset (w, w->insert_note, error);
}

static gboolean
insert_plan (Writer      *w,
             const Plan  *plan,
             GError     **error)
{
  char subject[32];
  gint64 plan_id;

  sqlite3_bind_text (w->insert_plan, 1, plan->role, -1, SQLITE_STATIC);
  sqlite3_bind_text (w->insert_plan, 2, plan->title, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (w->insert_plan, 3, plan->created_at);
  bind_text_or_null (w->insert_plan, 4, plan->target_date);
  sqlite3_bind_int (w->insert_plan, 5, plan->archived ? 1 : 0);
  if (!step_reset (w, w->insert_plan, error))
    return FALSE;
  plan_id = sqlite3_last_insert_rowid (w->store->db);

  if (plan->note.body != NULL)
    {
      g_snprintf (subject, sizeof subject, "%" G_GINT64_FORMAT, plan_id);
      if (!insert_note (w, "plan", subject, &plan->note, error))
        return FALSE;
    }

  for (guint i = 0; i < plan->goals->len; i++)
    {
      const Goal *goal = &g_array_index (plan->goals, Goal, i);
      gint64 goal_id;

      sqlite3_bind_int64 (w->insert_goal, 1, plan_id);
      sqlite3_bind_text (w->insert_goal, 2, goal->skill, -1, SQLITE_STATIC);
      sqlite3_bind_int (w->insert_goal, 3, goal->from_level);
      sqlite3_bind_int (w->insert_goal, 4, goal->target_level);
      bind_text_or_null (w->insert_goal, 5, goal->due_date);
      sqlite3_bind_int (w->insert_goal, 6, goal->status);
      sqlite3_bind_int (w->insert_goal, 7, (int) i);
      if (!step_reset (w, w->insert_goal, error))
        return FALSE;
      goal_id = sqlite3_last_insert_rowid (w->store->db);

      if (goal->note.body != NULL)
        {
          g_snprintf (subject, sizeof subject, "%" G_GINT64_FORMAT, goal_id);
          if (!insert_note (w, "goal", subject, &goal->note, error))
            return FALSE;
        }

      for (guint j = 0; j < goal->steps->len; j++)
        {
          const Step *step = &g_array_index (goal->steps, Step, j);

          sqlite3_bind_int64 (w->insert_step, 1, goal_id);
          sqlite3_bind_text (w->insert_step, 2, step->text, -1, SQLITE_STATIC);
          bind_text_or_null (w->insert_step, 3, step->url);
          sqlite3_bind_int (w->insert_step, 4, step->done ? 1 : 0);
          sqlite3_bind_int (w->insert_step, 5, (int) j);
          if (!step_reset (w, w->insert_step, error))
            return FALSE;
        }
    }
  return TRUE;
}

static char *
plan_key (const char *role,
          const char *title,
          gint64      created_at)
{
  return g_strdup_printf ("%s\n%s\n%" G_GINT64_FORMAT, role, title, created_at);
}

/* Merge: the keys of the plans already there, so a file imported twice
 * does not double them. */
static GHashTable *
existing_plans (VocStore  *self,
                GError   **error)
{
  g_autoptr (GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = _voc_store_prepare (self, "SELECT role_id, title, created_at FROM plan", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (keys, plan_key ((const char *) sqlite3_column_text (stmt, 0),
                                      (const char *) sqlite3_column_text (stmt, 1),
                                      sqlite3_column_int64 (stmt, 2)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _voc_store_fail (self, error, VOC_STORE_ERROR_QUERY, _("cannot read the plans"));
      return NULL;
    }
  return g_steal_pointer (&keys);
}

static gboolean
write_ratings (VocStore           *self,
               Checker            *c,
               VocImportMode       mode,
               VocTransferCounts  *counts,
               Progress           *p,
               GError            **error)
{
  sqlite3_stmt *stmt;

  /* A merge keeps whichever rating was set last. */
  stmt = _voc_store_prepare (self,
                             "INSERT INTO profile_level (skill_id, level, relevant, updated_at) "
                             "VALUES (?1, ?2, ?3, ?4) "
                             "ON CONFLICT (skill_id) DO UPDATE SET level = excluded.level, "
                             "relevant = excluded.relevant, updated_at = excluded.updated_at "
                             "WHERE excluded.updated_at > profile_level.updated_at",
                             error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < c->profile->len; i++)
    {
      const Rating *r = &g_array_index (c->profile, Rating, i);
      int rc;

      sqlite3_bind_text (stmt, 1, r->skill, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, r->level);
      sqlite3_bind_int (stmt, 3, r->relevant ? 1 : 0);
      sqlite3_bind_int64 (stmt, 4, r->time);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          sqlite3_finalize (stmt);
          return _voc_store_fail (self, error, VOC_STORE_ERROR_QUERY, _("cannot save the imported profile"));
        }
      counts->ratings += sqlite3_changes (self->db) > 0;
    }
  sqlite3_finalize (stmt);

  /* History is a record of what happened: an entry already there is the
   * same event, not a second one. */
  stmt = _voc_store_prepare (self,
                             mode == VOC_IMPORT_REPLACE
                             ? "INSERT INTO level_history (skill_id, level, relevant, at) VALUES (?1, ?2, ?3, ?4)"
                             : "INSERT INTO level_history (skill_id, level, relevant, at) "
                               "SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS (SELECT 1 FROM level_history "
                               "WHERE skill_id = ?1 AND at = ?4 AND level IS ?2 AND relevant = ?3)",
                             error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < c->history->len; i++)
    {
      const Rating *r = &g_array_index (c->history, Rating, i);
      int rc;

      if (!tick (p, 1))
        {
          sqlite3_finalize (stmt);
          return cancelled (error);
        }

      sqlite3_bind_text (stmt, 1, r->skill, -1, SQLITE_STATIC);
      if (r->level < 0)
        sqlite3_bind_null (stmt, 2);
      else
        sqlite3_bind_int (stmt, 2, r->level);
      sqlite3_bind_int (stmt, 3, r->relevant ? 1 : 0);
      sqlite3_bind_int64 (stmt, 4, r->time);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          sqlite3_finalize (stmt);
          return _voc_store_fail (self, error, VOC_STORE_ERROR_QUERY, _("cannot save the imported history"));
        }
      counts->history += sqlite3_changes (self->db) > 0;
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

/* Merge: a role note that differs from the one here keeps both texts;
 * import never throws away words. @written tells whether it changed. */
static gboolean
write_role_note (Writer          *w,
                 const RoleNote  *note,
                 VocImportMode    mode,
                 gboolean        *written,
                 GError         **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *existing = NULL;
  int rc;

  if (mode == VOC_IMPORT_MERGE)
    {
      if (!(stmt = _voc_store_prepare (w->store, "SELECT body FROM note WHERE subject_kind = 'role' AND subject_id = ?1",
                                       error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, note->role, -1, SQLITE_STATIC);
      if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        existing = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return _voc_store_fail (w->store, error, VOC_STORE_ERROR_QUERY, _("cannot read the notes"));
    }

  *written = existing == NULL || strstr (existing, note->note.body) == NULL;
  if (existing == NULL)
    return insert_note (w, "role", note->role, &note->note, error);
  if (!*written)
    return TRUE;

  if (!(stmt = _voc_store_prepare (w->store,
                                   "UPDATE note SET body = ?2, updated_at = ?3 "
                                   "WHERE subject_kind = 'role' AND subject_id = ?1", error)))
    return FALSE;
  {
    g_autofree char *both = g_strconcat (existing, "\n\n", note->note.body, NULL);

    sqlite3_bind_text (stmt, 1, note->role, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, both, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
    return _voc_store_step_done (w->store, stmt, error);
  }
}

static gboolean
write_all (VocStore           *self,
           Checker            *c,
           VocImportMode       mode,
           VocTransferCounts  *counts,
           Progress           *p,
           GError            **error)
{
  g_autoptr (GHashTable) existing = NULL;
  Writer w = { self, NULL, NULL, NULL, NULL };
  gboolean ok = FALSE;

  if (mode == VOC_IMPORT_REPLACE)
    {
      /* Children first: the foreign keys would cascade, but plainly is faster. */
      if (!_voc_store_exec (self, "DELETE FROM note; DELETE FROM step; DELETE FROM goal; DELETE FROM plan; "
                                  "DELETE FROM level_history; DELETE FROM profile_level;", error))
        return FALSE;
    }
  else if (!(existing = existing_plans (self, error)))
    return FALSE;

  if (!write_ratings (self, c, mode, counts, p, error))
    return FALSE;

  w.insert_plan = _voc_store_prepare (self, "INSERT INTO plan (role_id, title, created_at, target_date, archived) "
                                            "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  w.insert_goal = w.insert_plan ? _voc_store_prepare (self,
                                                      "INSERT INTO goal (plan_id, skill_id, from_level, target_level, "
                                                      "due_date, status, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                                      error) : NULL;
  w.insert_step = w.insert_goal ? _voc_store_prepare (self,
                                                      "INSERT INTO step (goal_id, text, url, done, position) "
                                                      "VALUES (?1, ?2, ?3, ?4, ?5)", error) : NULL;
  w.insert_note = w.insert_step ? _voc_store_prepare (self,
                                                      "INSERT INTO note (subject_kind, subject_id, body, created_at, "
                                                      "updated_at) VALUES (?1, ?2, ?3, ?4, ?5)", error) : NULL;
  if (w.insert_note == NULL)
    goto out;

  for (guint i = 0; i < c->plans->len; i++)
    {
      const Plan *plan = &g_array_index (c->plans, Plan, i);

      if (existing != NULL)
        {
          g_autofree char *key = plan_key (plan->role, plan->title, plan->created_at);

          if (g_hash_table_contains (existing, key))
            {
              counts->plans_skipped++;
              continue;
            }
          /* Two identical plans in one file are both kept, as exported. */
        }
      if (!tick (p, 1 + plan->goals->len))
        {
          cancelled (error);
          goto out;
        }
      if (!insert_plan (&w, plan, error))
        goto out;
      counts->plans++;
      counts->notes += plan->note.body != NULL;
      counts->goals += plan->goals->len;
      for (guint j = 0; j < plan->goals->len; j++)
        {
          const Goal *goal = &g_array_index (plan->goals, Goal, j);

          counts->steps += goal->steps->len;
          counts->notes += goal->note.body != NULL;
        }
    }

  for (guint i = 0; i < c->role_notes->len; i++)
    {
      gboolean written = FALSE;

      if (!write_role_note (&w, &g_array_index (c->role_notes, RoleNote, i), mode, &written, error))
        goto out;
      counts->notes += written;
    }
  ok = TRUE;

out:
  sqlite3_finalize (w.insert_plan);
  sqlite3_finalize (w.insert_goal);
  sqlite3_finalize (w.insert_step);
  sqlite3_finalize (w.insert_note);
  return ok;
}

static char *
join_problems (Checker *c)
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

/* What a checked document holds, as an import would count it. */
static void
count_document (const Checker     *c,
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

static gboolean
import_bytes (VocStore                 *self,
              GBytes                   *bytes,
              const char               *display_name,
              VocImportMode             mode,
              const VocTransferOptions *options,
              VocTransferCounts        *counts,
              GError                  **error)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  VocTransferCounts local = { 0 };
  Checker c = { { 0 }, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL };
  Progress p;
  const char *data;
  gsize length = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (VOC_IS_STORE (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);

  data = g_bytes_get_data (bytes, &length);
  voc_json_check_init (&c.check, display_name, problems, VOC_DATA_MAX_PROBLEMS);
  if (!voc_json_prepare (&c.check, &data, &length, VOC_DATA_MAX_SIZE, _("a data file")))
    {
      g_autofree char *message = join_problems (&c);

      g_set_error_literal (error, VOC_STORE_ERROR, VOC_STORE_ERROR_IMPORT, message);
      return FALSE;
    }

  c.profile = g_array_new (FALSE, TRUE, sizeof (Rating));
  c.history = g_array_new (FALSE, TRUE, sizeof (Rating));
  c.plans = g_array_new (FALSE, TRUE, sizeof (Plan));
  g_array_set_clear_func (c.plans, (GDestroyNotify) clear_plan);
  c.role_notes = g_array_new (FALSE, TRUE, sizeof (RoleNote));

  c.strings = g_string_chunk_new (64 * 1024);
  c.rated = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  c.noted = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  progress_begin (&p, options, 0, 0.35, length);
  c.progress = &p;
  check_document (&c, data, length);
  if (p.stop)
    {
      cancelled (error);
      goto out;
    }
  if (problems->len > 0)
    {
      g_autofree char *message = join_problems (&c);

      g_set_error_literal (error, VOC_STORE_ERROR, VOC_STORE_ERROR_IMPORT, message);
      goto out;
    }

  /* Ratings of skills this version does not know are kept, and said. */
  for (guint i = 0; options != NULL && options->known_skills != NULL && i < c.profile->len; i++)
    local.unknown_ratings += !g_hash_table_contains (options->known_skills,
                                                     g_array_index (c.profile, Rating, i).skill);

  if (mode == VOC_IMPORT_CHECK)
    {
      count_document (&c, &local);
      if (counts)
        *counts = local;
      ok = TRUE;
      goto out;
    }

  if (self->read_only != NULL)
    {
      g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_READ_ONLY,
                   _("%s: your data cannot be changed: %s. Nothing was imported."), self->path, self->read_only);
      goto out;
    }
  /* The data as it was stays recoverable from the snapshots folder. */
  if (!voc_store_snapshot (self, error))
    goto out;

  /* A large import in SQLite's usual 2 MiB of cache spills its pages to
   * the log again and again (a 63 MiB file: 20 s); 32 MiB for the while. */
  _voc_store_exec (self, "PRAGMA cache_size = -32768", NULL);
  if (!_voc_store_exec (self, "BEGIN IMMEDIATE", error))
    {
      _voc_store_exec (self, "PRAGMA cache_size = -2000", NULL);
      goto out;
    }
  progress_begin (&p, options, 0.35, 1.0,
                  c.profile->len + c.history->len + c.plans->len + c.role_notes->len);
  if (!write_all (self, &c, mode, &local, &p, error) || !_voc_store_exec (self, "COMMIT", error))
    {
      _voc_store_exec (self, "ROLLBACK", NULL);
      _voc_store_exec (self, "PRAGMA cache_size = -2000", NULL);
      goto out;
    }
  _voc_store_exec (self, "PRAGMA cache_size = -2000", NULL);
  _voc_store_emit_plans_changed (self);
  if (counts)
    *counts = local;
  ok = TRUE;

out:
  g_array_unref (c.profile);
  g_array_unref (c.history);
  g_array_unref (c.plans);
  g_array_unref (c.role_notes);
  g_string_chunk_free (c.strings);
  g_hash_table_unref (c.rated);
  g_hash_table_unref (c.noted);
  return ok;
}

gboolean
voc_store_import_bytes (VocStore           *self,
                        GBytes             *bytes,
                        const char         *display_name,
                        VocImportMode       mode,
                        VocTransferCounts  *counts,
                        GError            **error)
{
  g_return_val_if_fail (VOC_IS_STORE (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);

  return import_bytes (self, bytes, display_name, mode, NULL, counts, error);
}

gboolean
voc_store_import_data (VocStore           *self,
                       const char         *path,
                       VocImportMode       mode,
                       VocTransferCounts  *counts,
                       GError            **error)
{
  return voc_store_import_data_full (self, path, mode, NULL, counts, error);
}

gboolean
voc_store_import_data_full (VocStore                 *self,
                            const char               *path,
                            VocImportMode             mode,
                            const VocTransferOptions *options,
                            VocTransferCounts        *counts,
                            GError                  **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (VOC_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* A regular file only, and never more than the limit, whatever it
   * claims: /dev/zero, a FIFO or a file that grows are refused. */
  if (!(bytes = voc_file_read (path, VOC_DATA_MAX_SIZE, &local_error)))
    {
      g_autofree char *message = voc_file_read_error_message (path, local_error, _("a Vocation data file"),
                                                              _("a data file"), VOC_DATA_MAX_SIZE);

      g_set_error_literal (error, VOC_STORE_ERROR, VOC_STORE_ERROR_IMPORT, message);
      return FALSE;
    }
  name = g_path_get_basename (path);
  return import_bytes (self, bytes, name, mode, options, counts, error);
}
