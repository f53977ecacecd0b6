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

#include "voc-store-notes.h"
#include "voc-store-plans.h"
#include "voc-store-private.h"

struct _VocPlanCopy
{
  VocPlanInfo *plan;
  GPtrArray   *goals; /* VocGoalInfo */
  GPtrArray   *steps; /* VocStepInfo, of every goal */
  GPtrArray   *notes; /* VocNote, of the plan and its goals */
};

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

void
voc_plan_copy_free (VocPlanCopy *copy)
{
  if (copy == NULL)
    return;
  voc_plan_info_free (copy->plan);
  g_ptr_array_unref (copy->goals);
  g_ptr_array_unref (copy->steps);
  g_ptr_array_unref (copy->notes);
  g_free (copy);
}

VocPlanCopyKind
voc_plan_copy_get_kind (const VocPlanCopy *copy)
{
  g_return_val_if_fail (copy != NULL, VOC_PLAN_COPY_PLAN);

  if (copy->plan != NULL)
    return VOC_PLAN_COPY_PLAN;
  return copy->goals->len > 0 ? VOC_PLAN_COPY_GOAL : VOC_PLAN_COPY_STEP;
}

const char *
voc_plan_copy_get_label (const VocPlanCopy *copy)
{
  g_return_val_if_fail (copy != NULL, NULL);

  switch (voc_plan_copy_get_kind (copy))
    {
    case VOC_PLAN_COPY_PLAN:
      return copy->plan->title;
    case VOC_PLAN_COPY_GOAL:
      return ((VocGoalInfo *) g_ptr_array_index (copy->goals, 0))->skill_id;
    case VOC_PLAN_COPY_STEP:
      return copy->steps->len > 0 ? ((VocStepInfo *) g_ptr_array_index (copy->steps, 0))->text : "";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
voc_plan_copy_needs (const VocPlanCopy *copy,
                     const VocPlanCopy *other)
{
  g_return_val_if_fail (copy != NULL && other != NULL, FALSE);

  switch (voc_plan_copy_get_kind (copy))
    {
    case VOC_PLAN_COPY_PLAN:
      return FALSE;
    case VOC_PLAN_COPY_GOAL:
      {
        gint64 plan_id = ((VocGoalInfo *) g_ptr_array_index (copy->goals, 0))->plan_id;

        return other->plan != NULL && other->plan->id == plan_id;
      }
    case VOC_PLAN_COPY_STEP:
      {
        gint64 goal_id;

        if (copy->steps->len == 0)
          return FALSE;
        goal_id = ((VocStepInfo *) g_ptr_array_index (copy->steps, 0))->goal_id;
        for (guint i = 0; i < other->goals->len; i++)
          if (((VocGoalInfo *) g_ptr_array_index (other->goals, i))->id == goal_id)
            return TRUE;
        return FALSE;
      }
    default:
      g_return_val_if_reached (FALSE);
    }
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

/* Every change to plans commits, and tells the views, or rolls back. */
static gboolean
commit_or_rollback (VocStore  *self,
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

  if (goal->skill_id == NULL || goal->from_level < 0 || goal->from_level > 5 ||
      goal->target_level < 0 || goal->target_level > 5)
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

  return commit_or_rollback (self, ok, error) ? plan_id : 0;
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
    return commit_or_rollback (self, FALSE, NULL);
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
      return commit_or_rollback (self, FALSE, NULL);
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

  return commit_or_rollback (self, ok, error);
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

static GPtrArray *
collect_steps (VocStore      *self,
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
  return collect_steps (self, stmt, error);
}

/* Deletes @sql (bound to @id) in the transaction begun by the caller. */
static gboolean
delete_row (VocStore    *self,
            const char  *sql,
            gint64       id,
            GError     **error)
{
  sqlite3_stmt *stmt = _voc_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _voc_store_step_done (self, stmt, error);
}

VocPlanCopy *
voc_store_delete_plan (VocStore  *self,
                       gint64     plan_id,
                       GError   **error)
{
  g_autoptr (VocPlanCopy) copy = g_new0 (VocPlanCopy, 1);
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (VOC_IS_STORE (self), NULL);

  copy->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) voc_step_info_free);
  copy->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) voc_note_free);
  copy->goals = NULL;

  if (!_voc_store_begin (self, error))
    return NULL;

  /* Read everything first, in the same transaction as the delete. */
  copy->plan = voc_store_get_plan (self, plan_id, error);
  ok = copy->plan != NULL;
  if (!ok && (error == NULL || *error == NULL))
    g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_INVALID, _("No such plan; it may have been deleted"));

  if (ok)
    ok = (copy->goals = voc_store_list_goals (self, plan_id, error)) != NULL;
  for (guint i = 0; ok && i < copy->goals->len; i++)
    {
      g_autoptr (GPtrArray) steps = voc_store_list_steps (self, ((VocGoalInfo *) g_ptr_array_index (copy->goals, i))->id,
                                                          error);

      ok = steps != NULL;
      if (ok)
        g_ptr_array_extend_and_steal (copy->steps, g_steal_pointer (&steps));
    }

  /* The plan's notes and its goals' notes go with it, and come back on Undo. */
  if (ok)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, plan_id);
      VocNote *note = voc_store_get_note (self, "plan", id, NULL);

      if (note)
        g_ptr_array_add (copy->notes, note);
      for (guint i = 0; i < copy->goals->len; i++)
        {
          g_autofree char *goal_id =
            g_strdup_printf ("%" G_GINT64_FORMAT, ((VocGoalInfo *) g_ptr_array_index (copy->goals, i))->id);

          if ((note = voc_store_get_note (self, "goal", goal_id, NULL)))
            g_ptr_array_add (copy->notes, note);
        }
      for (guint i = 0; ok && i < copy->notes->len; i++)
        {
          VocNote *n = g_ptr_array_index (copy->notes, i);

          ok = (stmt = _voc_store_prepare (self, "DELETE FROM note WHERE subject_kind = ?1 AND subject_id = ?2",
                                           error)) != NULL;
          if (!ok)
            break;
          sqlite3_bind_text (stmt, 1, n->subject_kind, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 2, n->subject_id, -1, SQLITE_TRANSIENT);
          ok = _voc_store_step_done (self, stmt, error);
        }
    }

  if (ok)
    ok = delete_row (self, "DELETE FROM plan WHERE id = ?1", plan_id, error);

  if (copy->goals == NULL)
    copy->goals = g_ptr_array_new ();
  if (!commit_or_rollback (self, ok, error))
    return NULL;
  return g_steal_pointer (&copy);
}

VocPlanCopy *
voc_store_delete_goal (VocStore  *self,
                       gint64     goal_id,
                       GError   **error)
{
  g_autoptr (VocPlanCopy) copy = g_new0 (VocPlanCopy, 1);
  g_autofree char *subject = g_strdup_printf ("%" G_GINT64_FORMAT, goal_id);
  g_autoptr (GPtrArray) goals = NULL;
  sqlite3_stmt *stmt;
  gint64 plan_id = 0;
  VocNote *note;
  gboolean ok;

  g_return_val_if_fail (VOC_IS_STORE (self), NULL);

  copy->goals = g_ptr_array_new_with_free_func ((GDestroyNotify) voc_goal_info_free);
  copy->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) voc_step_info_free);
  copy->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) voc_note_free);

  if (!_voc_store_begin (self, error))
    return NULL;

  /* The goal, its steps and its note, read in the delete's transaction. */
  ok = voc_store_get_goal_plan (self, goal_id, &plan_id, NULL, NULL, error);
  if (!ok && (error == NULL || *error == NULL))
    g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_INVALID, _("No such goal; it may have been deleted"));
  if (ok)
    ok = (goals = voc_store_list_goals (self, plan_id, error)) != NULL;
  for (guint i = 0; ok && i < goals->len; i++)
    if (((VocGoalInfo *) g_ptr_array_index (goals, i))->id == goal_id)
      g_ptr_array_add (copy->goals, g_ptr_array_steal_index (goals, i));
  if (ok)
    {
      g_autoptr (GPtrArray) steps = voc_store_list_steps (self, goal_id, error);

      ok = steps != NULL;
      if (ok)
        g_ptr_array_extend_and_steal (copy->steps, g_steal_pointer (&steps));
    }
  if (ok && (note = voc_store_get_note (self, "goal", subject, NULL)))
    {
      g_ptr_array_add (copy->notes, note);
      ok = (stmt = _voc_store_prepare (self, "DELETE FROM note WHERE subject_kind = 'goal' AND subject_id = ?1",
                                       error)) != NULL;
      if (ok)
        {
          sqlite3_bind_text (stmt, 1, subject, -1, SQLITE_TRANSIENT);
          ok = _voc_store_step_done (self, stmt, error);
        }
    }
  /* Its steps go with it (ON DELETE CASCADE). */
  if (ok)
    ok = delete_row (self, "DELETE FROM goal WHERE id = ?1", goal_id, error);

  if (!commit_or_rollback (self, ok, error))
    return NULL;
  return g_steal_pointer (&copy);
}

VocPlanCopy *
voc_store_delete_step (VocStore  *self,
                       gint64     step_id,
                       GError   **error)
{
  g_autoptr (VocPlanCopy) copy = g_new0 (VocPlanCopy, 1);
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (VOC_IS_STORE (self), NULL);

  copy->goals = g_ptr_array_new_with_free_func ((GDestroyNotify) voc_goal_info_free);
  copy->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) voc_note_free);

  if (!_voc_store_begin (self, error))
    return NULL;

  ok = (stmt = _voc_store_prepare (self, "SELECT id, goal_id, text, url, done, position FROM step WHERE id = ?1",
                                   error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, step_id);
      ok = (copy->steps = collect_steps (self, stmt, error)) != NULL;
    }
  if (ok && copy->steps->len == 0)
    {
      g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_INVALID, _("No such step; it may have been deleted"));
      ok = FALSE;
    }
  if (ok)
    ok = delete_row (self, "DELETE FROM step WHERE id = ?1", step_id, error);

  if (copy->steps == NULL)
    copy->steps = g_ptr_array_new ();
  if (!commit_or_rollback (self, ok, error))
    return NULL;
  return g_steal_pointer (&copy);
}

gboolean
voc_store_restore_plan (VocStore           *self,
                        const VocPlanCopy  *copy,
                        GError            **error)
{
  const VocPlanInfo *plan;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (VOC_IS_STORE (self), FALSE);
  g_return_val_if_fail (copy != NULL, FALSE);

  plan = copy->plan;
  if (!_voc_store_begin (self, error))
    return FALSE;

  /* The same ids, so notes and open pages still point at the right rows.
   * A deleted goal or step comes back without a plan: its own is there. */
  ok = TRUE;
  if (plan != NULL)
    ok = (stmt = _voc_store_prepare (self,
                                     "INSERT INTO plan (id, role_id, title, created_at, target_date, archived) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error)) != NULL;
  if (ok && plan != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, plan->id);
      sqlite3_bind_text (stmt, 2, plan->role_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, plan->title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, plan->created_at);
      _voc_store_bind_text_or_null (stmt, 5, plan->target_date);
      sqlite3_bind_int (stmt, 6, plan->archived ? 1 : 0);
      ok = _voc_store_step_done (self, stmt, error);
    }

  for (guint i = 0; ok && i < copy->goals->len; i++)
    {
      const VocGoalInfo *goal = g_ptr_array_index (copy->goals, i);

      ok = (stmt = _voc_store_prepare (self,
                                       "INSERT INTO goal (id, plan_id, skill_id, from_level, target_level, due_date, "
                                       "status, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error)) != NULL;
      if (!ok)
        break;
      sqlite3_bind_int64 (stmt, 1, goal->id);
      sqlite3_bind_int64 (stmt, 2, goal->plan_id);
      sqlite3_bind_text (stmt, 3, goal->skill_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 4, goal->from_level);
      sqlite3_bind_int (stmt, 5, goal->target_level);
      _voc_store_bind_text_or_null (stmt, 6, goal->due_date);
      sqlite3_bind_int (stmt, 7, goal->status);
      sqlite3_bind_int (stmt, 8, goal->position);
      ok = _voc_store_step_done (self, stmt, error);
    }

  for (guint i = 0; ok && i < copy->steps->len; i++)
    {
      const VocStepInfo *step = g_ptr_array_index (copy->steps, i);

      ok = (stmt = _voc_store_prepare (self,
                                       "INSERT INTO step (id, goal_id, text, url, done, position) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error)) != NULL;
      if (!ok)
        break;
      sqlite3_bind_int64 (stmt, 1, step->id);
      sqlite3_bind_int64 (stmt, 2, step->goal_id);
      sqlite3_bind_text (stmt, 3, step->text, -1, SQLITE_TRANSIENT);
      _voc_store_bind_text_or_null (stmt, 4, step->url);
      sqlite3_bind_int (stmt, 5, step->done ? 1 : 0);
      sqlite3_bind_int (stmt, 6, step->position);
      ok = _voc_store_step_done (self, stmt, error);
    }

  for (guint i = 0; ok && copy->notes && i < copy->notes->len; i++)
    {
      const VocNote *note = g_ptr_array_index (copy->notes, i);

      ok = (stmt = _voc_store_prepare (self,
                                       "INSERT INTO note (subject_kind, subject_id, body, created_at, updated_at) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5)", error)) != NULL;
      if (!ok)
        break;
      sqlite3_bind_text (stmt, 1, note->subject_kind, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, note->subject_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, note->body, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, note->created_at);
      sqlite3_bind_int64 (stmt, 5, note->updated_at);
      ok = _voc_store_step_done (self, stmt, error);
    }

  return commit_or_rollback (self, ok, error);
}
