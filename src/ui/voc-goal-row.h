/* voc-goal-row.h: a goal in the plan page, and what it holds when open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "voc-goal.h"

G_BEGIN_DECLS

#define VOC_TYPE_GOAL_ROW (voc_goal_row_get_type ())
G_DECLARE_FINAL_TYPE (VocGoalRow, voc_goal_row, VOC, GOAL_ROW, AdwExpanderRow)

/* A row that follows @goal, titled @skill_name; its status selector joins
 * @statuses so that every goal's lines up.  What the user changes comes
 * out as signals, for the page to save:
 *   ::change-status (VocGoalStatus) → gboolean, FALSE if not saved
 *   ::toggle-step (gint64 step id, gboolean done)
 *   ::add-step (const char *text) → gboolean, TRUE if saved
 *   ::change-due (const char *text)
 *   ::move (guint position) */
GtkWidget *voc_goal_row_new         (VocGoal      *goal,
                                     const char   *skill_name,
                                     VocStore     *store,
                                     GtkSizeGroup *statuses);
VocGoal   *voc_goal_row_get_goal    (VocGoalRow   *self);
/* How many goals the plan has: the last one cannot move down. */
void       voc_goal_row_set_n_goals (VocGoalRow   *self,
                                     guint         n_goals);
/* Saves what is typed in the goal's note now. */
void       voc_goal_row_flush_note  (VocGoalRow   *self);
/* Opens the row and puts the cursor in the goal's note. */
void       voc_goal_row_show_note   (VocGoalRow   *self);

G_END_DECLS
