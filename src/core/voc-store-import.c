/* voc-store-import.c: an import written, all of it or nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The second of an import's two passes: once the document has passed
 * every check (voc-store-import-check.c), it is written in one
 * transaction, merged into the data there (plans already there are
 * skipped) or replacing all of it. A snapshot is taken first.
 */
#include "config.h"

#include <string.h>

#include "voc-file.h"
#include "voc-store-notes.h"
#include "voc-store-transfer-private.h"

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

static gboolean
insert_note (Writer      *w,
             VocNoteSubject kind,
             const char  *subject,
             const Note  *note,
             GError     **error)
{
  sqlite3_bind_text (w->insert_note, 1, voc_note_subject_to_string (kind), -1, SQLITE_STATIC);
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
  _voc_store_bind_text_or_null (w->insert_plan, 4, plan->target_date);
  sqlite3_bind_int (w->insert_plan, 5, plan->archived ? 1 : 0);
  if (!step_reset (w, w->insert_plan, error))
    return FALSE;
  plan_id = sqlite3_last_insert_rowid (w->store->db);

  if (plan->note.body != NULL)
    {
      g_snprintf (subject, sizeof subject, "%" G_GINT64_FORMAT, plan_id);
      if (!insert_note (w, VOC_NOTE_PLAN, subject, &plan->note, error))
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
      _voc_store_bind_text_or_null (w->insert_goal, 5, goal->due_date);
      sqlite3_bind_int (w->insert_goal, 6, goal->status);
      sqlite3_bind_int (w->insert_goal, 7, (int) i);
      if (!step_reset (w, w->insert_goal, error))
        return FALSE;
      goal_id = sqlite3_last_insert_rowid (w->store->db);

      if (goal->note.body != NULL)
        {
          g_snprintf (subject, sizeof subject, "%" G_GINT64_FORMAT, goal_id);
          if (!insert_note (w, VOC_NOTE_GOAL, subject, &goal->note, error))
            return FALSE;
        }

      for (guint j = 0; j < goal->steps->len; j++)
        {
          const Step *step = &g_array_index (goal->steps, Step, j);

          sqlite3_bind_int64 (w->insert_step, 1, goal_id);
          sqlite3_bind_text (w->insert_step, 2, step->text, -1, SQLITE_STATIC);
          _voc_store_bind_text_or_null (w->insert_step, 3, step->url);
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
    return insert_note (w, VOC_NOTE_ROLE, note->role, &note->note, error);
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
  Checker c;
  Progress p = { 0 };
  const char *data;
  gsize length = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (VOC_IS_STORE (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);

  data = g_bytes_get_data (bytes, &length);
  _voc_import_checker_init (&c, display_name, problems, &p);
  if (!voc_json_prepare (&c.check, &data, &length, VOC_DATA_MAX_SIZE, _("a data file")))
    {
      g_autofree char *message = _voc_import_problems (&c);

      g_set_error_literal (error, VOC_STORE_ERROR, VOC_STORE_ERROR_IMPORT, message);
      goto out;
    }

  progress_begin (&p, options, 0, 0.35, length);
  _voc_import_check (&c, data, length);
  if (p.stop)
    {
      cancelled (error);
      goto out;
    }
  if (problems->len > 0)
    {
      g_autofree char *message = _voc_import_problems (&c);

      g_set_error_literal (error, VOC_STORE_ERROR, VOC_STORE_ERROR_IMPORT, message);
      goto out;
    }

  /* Ratings of skills this version does not know are kept, and said. */
  for (guint i = 0; options != NULL && options->known_skills != NULL && i < c.profile->len; i++)
    local.unknown_ratings += !g_hash_table_contains (options->known_skills,
                                                     g_array_index (c.profile, Rating, i).skill);

  if (mode == VOC_IMPORT_CHECK)
    {
      _voc_import_count (&c, &local);
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
  _voc_import_checker_clear (&c);
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
