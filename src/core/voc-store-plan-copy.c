/* voc-store-plan-copy.c: deleting plans, goals and steps, and Undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A deletion keeps a VocPlanCopy of everything it removed (the plan, its
 * goals, steps and notes), and voc_store_restore_plan() puts it back with
 * the same ids, so what pointed at it points at it again.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "voc-store-notes.h"
#include "voc-store-plans-private.h"


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
      VocNote *note = voc_store_get_note (self, VOC_NOTE_PLAN, id, NULL);

      if (note)
        g_ptr_array_add (copy->notes, note);
      for (guint i = 0; i < copy->goals->len; i++)
        {
          g_autofree char *goal_id =
            g_strdup_printf ("%" G_GINT64_FORMAT, ((VocGoalInfo *) g_ptr_array_index (copy->goals, i))->id);

          if ((note = voc_store_get_note (self, VOC_NOTE_GOAL, goal_id, NULL)))
            g_ptr_array_add (copy->notes, note);
        }
      for (guint i = 0; ok && i < copy->notes->len; i++)
        {
          VocNote *n = g_ptr_array_index (copy->notes, i);

          ok = (stmt = _voc_store_prepare (self, "DELETE FROM note WHERE subject_kind = ?1 AND subject_id = ?2",
                                           error)) != NULL;
          if (!ok)
            break;
          sqlite3_bind_text (stmt, 1, voc_note_subject_to_string (n->subject_kind), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, n->subject_id, -1, SQLITE_TRANSIENT);
          ok = _voc_store_step_done (self, stmt, error);
        }
    }

  if (ok)
    ok = delete_row (self, "DELETE FROM plan WHERE id = ?1", plan_id, error);

  if (copy->goals == NULL)
    copy->goals = g_ptr_array_new ();
  if (!_voc_store_plans_commit (self, ok, error))
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
  if (ok && (note = voc_store_get_note (self, VOC_NOTE_GOAL, subject, NULL)))
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

  if (!_voc_store_plans_commit (self, ok, error))
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
      ok = (copy->steps = _voc_store_collect_steps (self, stmt, error)) != NULL;
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
  if (!_voc_store_plans_commit (self, ok, error))
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
      sqlite3_bind_text (stmt, 1, voc_note_subject_to_string (note->subject_kind), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, note->subject_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, note->body, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, note->created_at);
      sqlite3_bind_int64 (stmt, 5, note->updated_at);
      ok = _voc_store_step_done (self, stmt, error);
    }

  return _voc_store_plans_commit (self, ok, error);
}
