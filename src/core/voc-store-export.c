/* voc-store-export.c: the whole store as one JSON document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything is read inside one read transaction, so the document is a
 * consistent picture even while another process writes, and written
 * atomically (a temporary file, synced and renamed over the target),
 * mode 0600. One function per section of the document, over
 * voc-json-writer.h.
 */
#include "config.h"

#include <errno.h>
#include <unistd.h>

#include "voc-file.h"
#include "voc-json-writer.h"
#include "voc-store-transfer-private.h"

/* Each section of the document reads its rows and writes them as the
 * value of its member; a cancelled export stops within 512 rows. */

static gboolean
write_profile (VocStore           *self,
               VocJsonWriter      *w,
               VocTransferCounts  *counts,
               Progress           *p,
               GError            **error)
{
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  if (!(stmt = _voc_store_prepare (self, "SELECT skill_id, level, relevant, updated_at FROM profile_level "
                                         "ORDER BY skill_id", error)))
    return FALSE;
  voc_json_writer_member (w, "profile");
  voc_json_writer_begin_array (w);
  while (tick (p, 1) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      voc_json_writer_begin_object (w, TRUE);
      voc_json_writer_member (w, "skill");
      voc_json_writer_string (w, (const char *) sqlite3_column_text (stmt, 0));
      voc_json_writer_member (w, "level");
      voc_json_writer_int (w, sqlite3_column_int (stmt, 1));
      voc_json_writer_member (w, "relevant");
      voc_json_writer_boolean (w, sqlite3_column_int (stmt, 2));
      voc_json_writer_member (w, "updated_at");
      voc_json_writer_time (w, sqlite3_column_int64 (stmt, 3));
      voc_json_writer_end_object (w);
      counts->ratings++;
    }
  voc_json_writer_end_array (w);
  sqlite3_finalize (stmt);
  if (p->stop)
    return cancelled (error);
  if (rc != SQLITE_DONE)
    return _voc_store_fail (self, error, VOC_STORE_ERROR_QUERY, _("cannot read the profile"));
  return TRUE;
}

static gboolean
write_history (VocStore           *self,
               VocJsonWriter      *w,
               VocTransferCounts  *counts,
               Progress           *p,
               GError            **error)
{
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  if (!(stmt = _voc_store_prepare (self, "SELECT skill_id, level, relevant, at FROM level_history ORDER BY id", error)))
    return FALSE;
  voc_json_writer_member (w, "history");
  voc_json_writer_begin_array (w);
  while (tick (p, 1) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      voc_json_writer_begin_object (w, TRUE);
      voc_json_writer_member (w, "skill");
      voc_json_writer_string (w, (const char *) sqlite3_column_text (stmt, 0));
      voc_json_writer_member (w, "level");
      /* null: the rating was cleared. */
      if (sqlite3_column_type (stmt, 1) == SQLITE_NULL)
        voc_json_writer_null (w);
      else
        voc_json_writer_int (w, sqlite3_column_int (stmt, 1));
      voc_json_writer_member (w, "relevant");
      voc_json_writer_boolean (w, sqlite3_column_int (stmt, 2));
      voc_json_writer_member (w, "at");
      voc_json_writer_time (w, sqlite3_column_int64 (stmt, 3));
      voc_json_writer_end_object (w);
      counts->history++;
    }
  voc_json_writer_end_array (w);
  sqlite3_finalize (stmt);
  if (p->stop)
    return cancelled (error);
  if (rc != SQLITE_DONE)
    return _voc_store_fail (self, error, VOC_STORE_ERROR_QUERY, _("cannot read the history"));
  return TRUE;
}

/* The note in columns @column (body), + 1 and + 2 (times), if any. */
static gboolean
write_note (VocJsonWriter *w,
            sqlite3_stmt  *stmt,
            int            column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return FALSE;
  voc_json_writer_member (w, "note");
  voc_json_writer_begin_object (w, TRUE);
  voc_json_writer_member (w, "body");
  voc_json_writer_string (w, (const char *) sqlite3_column_text (stmt, column));
  voc_json_writer_member (w, "created_at");
  voc_json_writer_time (w, sqlite3_column_int64 (stmt, column + 1));
  voc_json_writer_member (w, "updated_at");
  voc_json_writer_time (w, sqlite3_column_int64 (stmt, column + 2));
  voc_json_writer_end_object (w);
  return TRUE;
}

/* The three cursors of the plans section, each one row ahead. */
typedef struct
{
  sqlite3_stmt *plans;
  sqlite3_stmt *goals;
  sqlite3_stmt *steps;
  int           goal_rc;
  int           step_rc;
} PlanCursors;

static void
write_step (VocJsonWriter *w,
            sqlite3_stmt  *steps)
{
  voc_json_writer_begin_object (w, TRUE);
  voc_json_writer_member (w, "text");
  voc_json_writer_string (w, (const char *) sqlite3_column_text (steps, 1));
  if (sqlite3_column_type (steps, 2) != SQLITE_NULL)
    {
      voc_json_writer_member (w, "url");
      voc_json_writer_string (w, (const char *) sqlite3_column_text (steps, 2));
    }
  voc_json_writer_member (w, "done");
  voc_json_writer_boolean (w, sqlite3_column_int (steps, 3));
  voc_json_writer_end_object (w);
}

/* The goal the goal cursor is on, with its steps; moves both cursors on. */
static void
write_goal (VocJsonWriter     *w,
            PlanCursors       *c,
            VocTransferCounts *counts,
            Progress          *p)
{
  sqlite3_stmt *goals = c->goals;
  gint64 goal_id = sqlite3_column_int64 (goals, 0);
  int status = CLAMP (sqlite3_column_int (goals, 6), 0, 2);

  voc_json_writer_begin_object (w, TRUE);
  voc_json_writer_member (w, "skill");
  voc_json_writer_string (w, (const char *) sqlite3_column_text (goals, 2));
  voc_json_writer_member (w, "from_level");
  voc_json_writer_int (w, sqlite3_column_int (goals, 3));
  voc_json_writer_member (w, "target_level");
  voc_json_writer_int (w, sqlite3_column_int (goals, 4));
  voc_json_writer_member (w, "due_date");
  voc_json_writer_string (w, (const char *) sqlite3_column_text (goals, 5));
  voc_json_writer_member (w, "status");
  voc_json_writer_string (w, status_names[status]);
  /* A goal with a note reads better with the note and the steps below. */
  if (sqlite3_column_type (goals, 7) != SQLITE_NULL)
    {
      voc_json_writer_break (w);
      write_note (w, goals, 7);
      counts->notes++;
    }
  voc_json_writer_member (w, "steps");
  voc_json_writer_begin_array (w);
  counts->goals++;
  tick (p, 1);

  while (c->step_rc == SQLITE_ROW && sqlite3_column_int64 (c->steps, 0) == goal_id)
    {
      write_step (w, c->steps);
      counts->steps++;
      tick (p, 1);
      c->step_rc = sqlite3_step (c->steps);
    }
  voc_json_writer_end_array (w);
  voc_json_writer_end_object (w);
  c->goal_rc = sqlite3_step (goals);
}

/* The plan the plan cursor is on, with its goals. */
static void
write_plan (VocJsonWriter     *w,
            PlanCursors       *c,
            VocTransferCounts *counts,
            Progress          *p)
{
  sqlite3_stmt *plans = c->plans;
  gint64 plan_id = sqlite3_column_int64 (plans, 0);

  voc_json_writer_begin_object (w, FALSE);
  voc_json_writer_member (w, "role");
  voc_json_writer_string (w, (const char *) sqlite3_column_text (plans, 1));
  voc_json_writer_member (w, "title");
  voc_json_writer_string (w, (const char *) sqlite3_column_text (plans, 2));
  voc_json_writer_member (w, "created_at");
  voc_json_writer_time (w, sqlite3_column_int64 (plans, 3));
  voc_json_writer_member (w, "target_date");
  voc_json_writer_string (w, (const char *) sqlite3_column_text (plans, 4));
  voc_json_writer_member (w, "archived");
  voc_json_writer_boolean (w, sqlite3_column_int (plans, 5));
  counts->notes += write_note (w, plans, 6);
  voc_json_writer_member (w, "goals");
  voc_json_writer_begin_array (w);
  counts->plans++;

  /* Goals sort by plan id as plans do; none can belong to an earlier plan. */
  while (c->goal_rc == SQLITE_ROW && sqlite3_column_int64 (c->goals, 1) == plan_id)
    write_goal (w, c, counts, p);
  voc_json_writer_end_array (w);
  voc_json_writer_end_object (w);
}

static gboolean
write_plans (VocStore           *self,
             VocJsonWriter      *w,
             VocTransferCounts  *counts,
             Progress           *p,
             GError            **error)
{
  PlanCursors c = { NULL };
  int rc = SQLITE_DONE;
  gboolean ok;

  /* Plans, goals and steps come from three cursors in the same order, so
   * nesting them is a merge walk rather than a query per goal. */
  c.plans = _voc_store_prepare (self,
                                "SELECT p.id, p.role_id, p.title, p.created_at, p.target_date, p.archived, "
                                "       n.body, n.created_at, n.updated_at "
                                "FROM plan AS p LEFT JOIN note AS n "
                                "  ON n.subject_kind = 'plan' AND n.subject_id = CAST (p.id AS TEXT) "
                                "ORDER BY p.id", error);
  c.goals = c.plans ? _voc_store_prepare (self,
                                          "SELECT g.id, g.plan_id, g.skill_id, g.from_level, g.target_level, "
                                          "       g.due_date, g.status, n.body, n.created_at, n.updated_at "
                                          "FROM goal AS g LEFT JOIN note AS n "
                                          "  ON n.subject_kind = 'goal' AND n.subject_id = CAST (g.id AS TEXT) "
                                          "ORDER BY g.plan_id, g.position, g.id", error) : NULL;
  c.steps = c.goals ? _voc_store_prepare (self,
                                          "SELECT s.goal_id, s.text, s.url, s.done FROM step AS s "
                                          "JOIN goal AS g ON g.id = s.goal_id "
                                          "ORDER BY g.plan_id, g.position, g.id, s.position, s.id", error) : NULL;
  if (c.steps == NULL)
    {
      sqlite3_finalize (c.plans);
      sqlite3_finalize (c.goals);
      return FALSE;
    }

  voc_json_writer_member (w, "plans");
  voc_json_writer_begin_array (w);
  c.goal_rc = sqlite3_step (c.goals);
  c.step_rc = sqlite3_step (c.steps);
  while (tick (p, 1) && (rc = sqlite3_step (c.plans)) == SQLITE_ROW)
    write_plan (w, &c, counts, p);
  voc_json_writer_end_array (w);

  ok = rc == SQLITE_DONE && (c.goal_rc == SQLITE_DONE || c.goal_rc == SQLITE_ROW) &&
       (c.step_rc == SQLITE_DONE || c.step_rc == SQLITE_ROW);
  sqlite3_finalize (c.plans);
  sqlite3_finalize (c.goals);
  sqlite3_finalize (c.steps);
  if (p->stop)
    return cancelled (error);
  if (!ok)
    return _voc_store_fail (self, error, VOC_STORE_ERROR_QUERY, _("cannot read the plans"));
  return TRUE;
}

static gboolean
write_role_notes (VocStore           *self,
                  VocJsonWriter      *w,
                  VocTransferCounts  *counts,
                  Progress           *p,
                  GError            **error)
{
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  if (!(stmt = _voc_store_prepare (self, "SELECT subject_id, body, created_at, updated_at FROM note "
                                         "WHERE subject_kind = 'role' ORDER BY subject_id", error)))
    return FALSE;
  voc_json_writer_member (w, "role_notes");
  voc_json_writer_begin_array (w);
  while (tick (p, 1) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      voc_json_writer_begin_object (w, TRUE);
      voc_json_writer_member (w, "role");
      voc_json_writer_string (w, (const char *) sqlite3_column_text (stmt, 0));
      voc_json_writer_member (w, "body");
      voc_json_writer_string (w, (const char *) sqlite3_column_text (stmt, 1));
      voc_json_writer_member (w, "created_at");
      voc_json_writer_time (w, sqlite3_column_int64 (stmt, 2));
      voc_json_writer_member (w, "updated_at");
      voc_json_writer_time (w, sqlite3_column_int64 (stmt, 3));
      voc_json_writer_end_object (w);
      counts->notes++;
    }
  voc_json_writer_end_array (w);
  sqlite3_finalize (stmt);
  if (p->stop)
    return cancelled (error);
  if (rc != SQLITE_DONE)
    return _voc_store_fail (self, error, VOC_STORE_ERROR_QUERY, _("cannot read the notes"));
  return TRUE;
}

static gboolean
write_document (VocStore           *self,
                GString            *out,
                VocTransferCounts  *counts,
                Progress           *p,
                GError            **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  VocJsonWriter w;

  voc_json_writer_init (&w, out);
  voc_json_writer_begin_object (&w, FALSE);
  voc_json_writer_member (&w, "format");
  voc_json_writer_string (&w, VOC_DATA_FORMAT);
  voc_json_writer_member (&w, "format_version");
  voc_json_writer_int (&w, VOC_DATA_FORMAT_VERSION);
  voc_json_writer_member (&w, "exported_at");
  voc_json_writer_time (&w, g_date_time_to_unix (now) * G_USEC_PER_SEC + g_date_time_get_microsecond (now));
  voc_json_writer_member (&w, "application");
  voc_json_writer_string (&w, "Vocation " PACKAGE_VERSION);

  if (!write_profile (self, &w, counts, p, error) || !write_history (self, &w, counts, p, error) ||
      !write_plans (self, &w, counts, p, error) || !write_role_notes (self, &w, counts, p, error))
    return FALSE;

  voc_json_writer_end_object (&w);
  g_string_append_c (out, '\n');
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
