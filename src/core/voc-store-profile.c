/* voc-store-profile.c: the user's ratings and their history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "voc-level.h"
#include "voc-store-private.h"

void
voc_rating_free (VocRating *rating)
{
  if (rating == NULL)
    return;
  g_free (rating->skill_id);
  g_free (rating);
}

gboolean
voc_store_set_rating (VocStore    *self,
                      const char  *skill_id,
                      int          level,
                      gboolean     relevant,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 now = g_get_real_time ();

  g_return_val_if_fail (VOC_IS_STORE (self), FALSE);
  g_return_val_if_fail (skill_id != NULL, FALSE);

  if (level < -1 || level > VOC_LEVEL_MAX)
    {
      g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_INVALID,
                   _("A level must be between 0 and 5, not %d"), level);
      return FALSE;
    }

  if (!_voc_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (level < 0 && relevant)
    {
      /* Cleared and relevant: nothing left to keep but the history. */
      if (!(stmt = _voc_store_prepare (self, "DELETE FROM profile_level WHERE skill_id = ?1", error)))
        goto fail;
      sqlite3_bind_text (stmt, 1, skill_id, -1, SQLITE_TRANSIENT);
    }
  else
    {
      if (!(stmt = _voc_store_prepare (self,
                            "INSERT INTO profile_level (skill_id, level, relevant, updated_at) "
                            "VALUES (?1, ?2, ?3, ?4) "
                            "ON CONFLICT (skill_id) DO UPDATE SET "
                            "level = excluded.level, relevant = excluded.relevant, updated_at = excluded.updated_at",
                            error)))
        goto fail;
      sqlite3_bind_text (stmt, 1, skill_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, MAX (level, 0));
      sqlite3_bind_int (stmt, 3, relevant ? 1 : 0);
      sqlite3_bind_int64 (stmt, 4, now);
    }
  if (!_voc_store_step_done (self, stmt, error))
    goto fail;

  if (!(stmt = _voc_store_prepare (self,
                        "INSERT INTO level_history (skill_id, level, relevant, at) VALUES (?1, ?2, ?3, ?4)",
                        error)))
    goto fail;
  sqlite3_bind_text (stmt, 1, skill_id, -1, SQLITE_TRANSIENT);
  if (level < 0)
    sqlite3_bind_null (stmt, 2);
  else
    sqlite3_bind_int (stmt, 2, level);
  sqlite3_bind_int (stmt, 3, relevant ? 1 : 0);
  sqlite3_bind_int64 (stmt, 4, now);
  if (!_voc_store_step_done (self, stmt, error))
    goto fail;

  if (!_voc_store_exec (self, "COMMIT", error))
    goto fail;
  return TRUE;

fail:
  _voc_store_exec (self, "ROLLBACK", NULL);
  return FALSE;
}

static GPtrArray *
collect_ratings (VocStore      *self,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  g_autoptr (GPtrArray) ratings = g_ptr_array_new_with_free_func ((GDestroyNotify) voc_rating_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VocRating *rating = g_new0 (VocRating, 1);

      rating->skill_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      rating->level = sqlite3_column_type (stmt, 1) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 1);
      rating->relevant = sqlite3_column_int (stmt, 2) != 0;
      rating->updated_at = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (ratings, rating);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _voc_store_fail (self, error, VOC_STORE_ERROR_QUERY, _("cannot read the profile"));
      return NULL;
    }
  return g_steal_pointer (&ratings);
}

GPtrArray *
voc_store_load_ratings (VocStore  *self,
                        GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VOC_IS_STORE (self), NULL);

  if (!(stmt = _voc_store_prepare (self, "SELECT skill_id, level, relevant, updated_at FROM profile_level ORDER BY skill_id",
                        error)))
    return NULL;
  return collect_ratings (self, stmt, error);
}

GPtrArray *
voc_store_load_ratings_at (VocStore  *self,
                           gint64     time,
                           GError   **error)
{
  g_autoptr (GPtrArray) all = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VOC_IS_STORE (self), NULL);

  /* The last history entry of each skill at or before @time. */
  if (!(stmt = _voc_store_prepare (self,
                        "SELECT h.skill_id, h.level, h.relevant, h.at FROM level_history AS h "
                        "WHERE h.id = (SELECT id FROM level_history AS l "
                        "              WHERE l.skill_id = h.skill_id AND l.at <= ?1 "
                        "              ORDER BY l.at DESC, l.id DESC LIMIT 1) "
                        "ORDER BY h.skill_id",
                        error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, time);
  if (!(all = collect_ratings (self, stmt, error)))
    return NULL;

  /* A cleared, relevant rating is the same as no rating. */
  for (guint i = all->len; i > 0; i--)
    {
      VocRating *rating = g_ptr_array_index (all, i - 1);

      if (rating->level < 0 && rating->relevant)
        g_ptr_array_remove_index (all, i - 1);
    }
  return g_steal_pointer (&all);
}

GArray *
voc_store_list_history_days (VocStore  *self,
                             GError   **error)
{
  g_autoptr (GArray) days = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VOC_IS_STORE (self), NULL);

  if (!(stmt = _voc_store_prepare (self, "SELECT at FROM level_history ORDER BY at DESC, id DESC", error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 at = sqlite3_column_int64 (stmt, 0);
      /* g_date_time_new_from_unix_local_usec() is newer than GLib 2.74. */
      g_autoptr (GDateTime) when = g_date_time_new_from_unix_local (at / G_USEC_PER_SEC);
      g_autoptr (GDateTime) day = NULL;
      g_autoptr (GDateTime) end = NULL;
      gint64 end_us;

      if (when == NULL)
        continue;
      day = g_date_time_new_local (g_date_time_get_year (when), g_date_time_get_month (when),
                                   g_date_time_get_day_of_month (when), 0, 0, 0);
      end = g_date_time_add_days (day, 1);
      end_us = g_date_time_to_unix (end) * G_USEC_PER_SEC - 1;

      if (days->len == 0 || g_array_index (days, gint64, days->len - 1) != end_us)
        g_array_append_val (days, end_us);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _voc_store_fail (self, error, VOC_STORE_ERROR_QUERY, _("cannot read the history"));
      return NULL;
    }
  return g_steal_pointer (&days);
}
