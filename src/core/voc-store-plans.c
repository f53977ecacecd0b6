/* voc-store-plans.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each public call is one transaction: a plan with its goals appears, or
 * nothing does. Every value is bound.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "voc-level.h"
#include "voc-store-notes.h"
#include "voc-store-plans-private.h"

void
voc_plan_info_free (VocPlanInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->role_id);
  g_free (info->title);
  g_free (info->target_date);
  g_free (info->next_due);
  g_free (info);
}

void
voc_goal_info_free (VocGoalInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->skill_id);
  g_free (info->due_date);
  g_free (info);
}

void
voc_step_info_free (VocStepInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->text);
  g_free (info->url);
  g_free (info);
}

/* NULL or "" (no date), or a real day written YYYY-MM-DD. */
static gboolean
check_date (const char  *date,
            GError     **error)
{
  if (date == NULL || *date == '\0' || _voc_store_is_day (date))
    return TRUE;

  g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_INVALID,
               _("“%s” is not a date; write it as YYYY-MM-DD, such as 2027-03-31"), date);
  return FALSE;
}

gboolean
_voc_store_plans_commit (VocStore  *self,
                    gboolean   ok,
                    GError   **error)
{
  if (!_voc_store_end (self, ok, error))
    return FALSE;
  _voc_store_emit_plans_changed (self);
  return TRUE;
}

static gint64
insert_goal (VocStore           *self,
             gint64              plan_id,
             const VocGoalSpec  *goal,
             int                 position,
             GError            **error)
{
  sqlite3_stmt *stmt;

  if (goal->skill_id == NULL || goal->from_level < VOC_LEVEL_MIN || goal->from_level > VOC_LEVEL_MAX ||
      goal->target_level < VOC_LEVEL_MIN || goal->target_level > VOC_LEVEL_MAX)
    {
      g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_INVALID,
                   _("A goal needs a skill and levels between 0 and 5"));
      return 0;
    }
  if (!check_date (goal->due_date, error))
    return 0;

  if (!(stmt = _voc_store_prepare (self,
                                   "INSERT INTO goal (plan_id, skill_id, from_level, target_level, due_date, position) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error)))
    return 0;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_text (stmt, 2, goal->skill_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, goal->from_level);
  sqlite3_bind_int (stmt, 4, goal->target_level);
  _voc_store_bind_text_or_null (stmt, 5, goal->due_date);
  sqlite3_bind_int (stmt, 6, position);
  if (!_voc_store_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

gint64
voc_store_create_plan (VocStore           *self,
                       const char         *role_id,
                       const char         *title,
                       const char         *target_date,
                       const VocGoalSpec  *goals,
                       guint               n_goals,
                       GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 plan_id = 0;
  gboolean ok;

  g_return_val_if_fail (VOC_IS_STORE (self), 0);
  g_return_val_if_fail (role_id != NULL, 0);

  if (title == NULL || *(title + strspn (title, " \t\n")) == '\0')
    {
      g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_INVALID, _("A plan needs a title"));
      return 0;
    }
  if (!check_date (target_date, error))
    return 0;

  if (!_voc_store_begin (self, error))
    return 0;

  ok = (stmt = _voc_store_prepare (self,
                                   "INSERT INTO plan (role_id, title, created_at, target_date) VALUES (?1, ?2, ?3, ?4)",
                                   error)) != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, role_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
      _voc_store_bind_text_or_null (stmt, 4, target_date);
      ok = _voc_store_step_done (self, stmt, error);
    }
  if (ok)
    plan_id = sqlite3_last_insert_rowid (self->db);

  for (guint i = 0; ok && i < n_goals; i++)
    ok = insert_goal (self, plan_id, &goals[i], (int) i, error) != 0;

  return _voc_store_plans_commit (self, ok, error) ? plan_id : 0;
}

#define PLAN_COLUMNS \
  "SELECT p.id, p.role_id, p.title, p.created_at, p.target_date, p.archived, " \
  "  (SELECT COUNT (*) FROM goal WHERE plan_id = p.id), " \
  "  (SELECT COUNT (*) FROM goal WHERE plan_id = p.id AND status = 2), " \
  "  (SELECT MIN (due_date) FROM goal WHERE plan_id = p.id AND status != 2) " \
  "FROM plan AS p "

/* Steps @stmt (PLAN_COLUMNS) to the end; NULL on an error. */
static GPtrArray *
read_plans (VocStore      *self,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  g_autoptr (GPtrArray) plans = g_ptr_array_new_with_free_func ((GDestroyNotify) voc_plan_info_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VocPlanInfo *info = g_new0 (VocPlanInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->role_id = _voc_store_column_text (stmt, 1);
      info->title = _voc_store_column_text (stmt, 2);
      info->created_at = sqlite3_column_int64 (stmt, 3);
      info->target_date = _voc_store_column_text (stmt, 4);
      info->archived = sqlite3_column_int (stmt, 5) != 0;
      info->n_goals = sqlite3_column_int (stmt, 6);
      info->n_done = sqlite3_column_int (stmt, 7);
      info->next_due = _voc_store_column_text (stmt, 8);
      g_ptr_array_add (plans, info);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _voc_store_fail (self, error, VOC_STORE_ERROR_QUERY, _("cannot read the plans"));
      return NULL;
    }
  return g_steal_pointer (&plans);
}

GPtrArray *
voc_store_list_plans (VocStore  *self,
                      GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VOC_IS_STORE (self), NULL);

  if (!(stmt = _voc_store_prepare (self, PLAN_COLUMNS "ORDER BY p.created_at DESC, p.id DESC", error)))
    return NULL;
  return read_plans (self, stmt, error);
}

VocPlanInfo *
voc_store_get_plan (VocStore  *self,
                    gint64     plan_id,
                    GError   **error)
{
  g_autoptr (GPtrArray) plans = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VOC_IS_STORE (self), NULL);

  if (!(stmt = _voc_store_prepare (self, PLAN_COLUMNS "WHERE p.id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  if (!(plans = read_plans (self, stmt, error)))
    return NULL;
  return plans->len > 0 ? g_ptr_array_steal_index (plans, 0) : NULL;
}

char *
voc_store_get_plan_title (VocStore  *self,
                          gint64     plan_id,
                          GError   **error)
{
  sqlite3_stmt *stmt;
  char *title = NULL;
  int rc;

  g_return_val_if_fail (VOC_IS_STORE (self), NULL);

  if (!(stmt = _voc_store_prepare (self, "SELECT title FROM plan WHERE id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    title = _voc_store_column_text (stmt, 0);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _voc_store_fail (self, error, VOC_STORE_ERROR_QUERY, _("cannot read the plan"));
  return title;
}

gboolean
voc_store_get_goal_plan (VocStore  *self,
                         gint64     goal_id,
                         gint64    *plan_id,
                         char     **plan_title,
                         char     **skill_id,
                         GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VOC_IS_STORE (self), FALSE);

  if (!(stmt = _voc_store_prepare (self,
                                   "SELECT p.id, p.title, g.skill_id FROM goal AS g "
                                   "JOIN plan AS p ON p.id = g.plan_id WHERE g.id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, goal_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (plan_id)
        *plan_id = sqlite3_column_int64 (stmt, 0);
      if (plan_title)
        *plan_title = _voc_store_column_text (stmt, 1);
      if (skill_id)
        *skill_id = _voc_store_column_text (stmt, 2);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _voc_store_fail (self, error, VOC_STORE_ERROR_QUERY, _("cannot read the goal"));
  return rc == SQLITE_ROW;
}

GPtrArray *
voc_store_list_goals (VocStore  *self,
                      gint64     plan_id,
                      GError   **error)
{
  g_autoptr (GPtrArray) goals = g_ptr_array_new_with_free_func ((GDestroyNotify) voc_goal_info_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VOC_IS_STORE (self), NULL);

  if (!(stmt = _voc_store_prepare (self,
                                   "SELECT g.id, g.plan_id, g.skill_id, g.from_level, g.target_level, g.due_date, "
                                   "  g.status, g.position, "
                                   "  (SELECT COUNT (*) FROM step WHERE goal_id = g.id), "
                                   "  (SELECT COUNT (*) FROM step WHERE goal_id = g.id AND done = 1) "
                                   "FROM goal AS g WHERE g.plan_id = ?1 ORDER BY g.position, g.id", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VocGoalInfo *info = g_new0 (VocGoalInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->plan_id = sqlite3_column_int64 (stmt, 1);
      info->skill_id = _voc_store_column_text (stmt, 2);
      info->from_level = sqlite3_column_int (stmt, 3);
      info->target_level = sqlite3_column_int (stmt, 4);
      info->due_date = _voc_store_column_text (stmt, 5);
      info->status = (VocGoalStatus) sqlite3_column_int (stmt, 6);
      info->position = sqlite3_column_int (stmt, 7);
      info->n_steps = sqlite3_column_int (stmt, 8);
      info->n_steps_done = sqlite3_column_int (stmt, 9);
      g_ptr_array_add (goals, info);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _voc_store_fail (self, error, VOC_STORE_ERROR_QUERY, _("cannot read the goals"));
      return NULL;
    }
  return g_steal_pointer (&goals);
}

/* Runs one UPDATE that must change exactly one row. */
static gboolean
update_one (VocStore      *self,
            sqlite3_stmt  *stmt,
            const char    *what,
            GError       **error)
{
  if (!_voc_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) != 1)
    {
      g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_INVALID, _("No such %s; it may have been deleted"), what);
      return FALSE;
    }
  _voc_store_emit_plans_changed (self);
  return TRUE;
}

gboolean
voc_store_set_goal_status (VocStore       *self,
                           gint64          goal_id,
                           VocGoalStatus   status,
                           GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VOC_IS_STORE (self), FALSE);

  if (status > VOC_GOAL_DONE)
    {
      g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_INVALID, _("Unknown goal status %d"), status);
      return FALSE;
    }
  if (!(stmt = _voc_store_prepare (self, "UPDATE goal SET status = ?2 WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, goal_id);
  sqlite3_bind_int (stmt, 2, status);
  return update_one (self, stmt, _("goal"), error);
}

gboolean
voc_store_set_goal_due (VocStore    *self,
                        gint64       goal_id,
                        const char  *due_date,
                        GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VOC_IS_STORE (self), FALSE);

  if (!check_date (due_date, error) ||
      !(stmt = _voc_store_prepare (self, "UPDATE goal SET due_date = ?2 WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, goal_id);
  _voc_store_bind_text_or_null (stmt, 2, due_date);
  return update_one (self, stmt, _("goal"), error);
}

gboolean
voc_store_set_plan_target (VocStore    *self,
                           gint64       plan_id,
                           const char  *target_date,
                           GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VOC_IS_STORE (self), FALSE);

  if (!check_date (target_date, error) ||
      !(stmt = _voc_store_prepare (self, "UPDATE plan SET target_date = ?2 WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  _voc_store_bind_text_or_null (stmt, 2, target_date);
  return update_one (self, stmt, _("plan"), error);
}

gboolean
voc_store_move_goal (VocStore  *self,
                     gint64     goal_id,
                     guint      position,
                     GError   **error)
{
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gint64 plan_id = 0;
  gboolean ok = TRUE;
  guint from = G_MAXUINT;
  int rc;

  g_return_val_if_fail (VOC_IS_STORE (self), FALSE);

  if (!_voc_store_begin (self, error))
    return FALSE;

  if (!(stmt = _voc_store_prepare (self,
                                   "SELECT id, plan_id FROM goal WHERE plan_id = (SELECT plan_id FROM goal WHERE id = ?1) "
                                   "ORDER BY position, id", error)))
    return _voc_store_plans_commit (self, FALSE, NULL);
  sqlite3_bind_int64 (stmt, 1, goal_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id == goal_id)
        from = order->len;
      plan_id = sqlite3_column_int64 (stmt, 1);
      g_array_append_val (order, id);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE || from == G_MAXUINT)
    {
      g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_INVALID, _("No such goal; it may have been deleted"));
      return _voc_store_plans_commit (self, FALSE, NULL);
    }

  position = MIN (position, order->len - 1);
  g_array_remove_index (order, from);
  g_array_insert_val (order, position, goal_id);

  /* Renumber the whole plan, so positions stay 0, 1, 2, … */
  for (guint i = 0; ok && i < order->len; i++)
    {
      ok = (stmt = _voc_store_prepare (self, "UPDATE goal SET position = ?2 WHERE id = ?1 AND plan_id = ?3",
                                       error)) != NULL;
      if (!ok)
        break;
      sqlite3_bind_int64 (stmt, 1, g_array_index (order, gint64, i));
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_int64 (stmt, 3, plan_id);
      ok = _voc_store_step_done (self, stmt, error);
    }

  return _voc_store_plans_commit (self, ok, error);
}

gint64
voc_store_add_step (VocStore    *self,
                    gint64       goal_id,
                    const char  *text,
                    const char  *url,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (VOC_IS_STORE (self), 0);

  if (text == NULL || *text == '\0')
    {
      g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_INVALID, _("A step needs some text"));
      return 0;
    }
  if (!(stmt = _voc_store_prepare (self,
                                   "INSERT INTO step (goal_id, text, url, position) "
                                   "SELECT ?1, ?2, ?3, COALESCE (MAX (position) + 1, 0) FROM step WHERE goal_id = ?1",
                                   error)))
    return 0;
  sqlite3_bind_int64 (stmt, 1, goal_id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  _voc_store_bind_text_or_null (stmt, 3, url);
  /* The goal must exist: foreign_keys=ON refuses a step for a missing one. */
  if (!_voc_store_step_done (self, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (self->db);
  _voc_store_emit_plans_changed (self);
  return id;
}

gboolean
voc_store_set_step_done (VocStore  *self,
                         gint64     step_id,
                         gboolean   done,
                         GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VOC_IS_STORE (self), FALSE);

  if (!(stmt = _voc_store_prepare (self, "UPDATE step SET done = ?2 WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, step_id);
  sqlite3_bind_int (stmt, 2, done ? 1 : 0);
  return update_one (self, stmt, _("step"), error);
}

GPtrArray *
_voc_store_collect_steps (VocStore      *self,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  g_autoptr (GPtrArray) steps = g_ptr_array_new_with_free_func ((GDestroyNotify) voc_step_info_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VocStepInfo *info = g_new0 (VocStepInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->goal_id = sqlite3_column_int64 (stmt, 1);
      info->text = _voc_store_column_text (stmt, 2);
      info->url = _voc_store_column_text (stmt, 3);
      info->done = sqlite3_column_int (stmt, 4) != 0;
      info->position = sqlite3_column_int (stmt, 5);
      g_ptr_array_add (steps, info);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _voc_store_fail (self, error, VOC_STORE_ERROR_QUERY, _("cannot read the steps"));
      return NULL;
    }
  return g_steal_pointer (&steps);
}

GPtrArray *
voc_store_list_steps (VocStore  *self,
                      gint64     goal_id,
                      GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VOC_IS_STORE (self), NULL);

  if (!(stmt = _voc_store_prepare (self,
                                   "SELECT id, goal_id, text, url, done, position FROM step "
                                   "WHERE goal_id = ?1 ORDER BY position, id", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, goal_id);
  return _voc_store_collect_steps (self, stmt, error);
}
