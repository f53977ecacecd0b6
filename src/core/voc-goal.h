/* voc-goal.h: one goal of a plan and, once asked for, its steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "voc-store-plans.h"

G_BEGIN_DECLS

#define VOC_TYPE_GOAL (voc_goal_get_type ())
G_DECLARE_FINAL_TYPE (VocGoal, voc_goal, VOC, GOAL, GObject)

VocGoal       *voc_goal_new              (const VocGoalInfo *info);
/* Takes what changed from @info, notifying each property that did. */
void           voc_goal_update           (VocGoal           *self,
                                          const VocGoalInfo *info);
gint64         voc_goal_get_id           (VocGoal           *self);
const char    *voc_goal_get_skill_id     (VocGoal           *self);
int            voc_goal_get_from_level   (VocGoal           *self);
int            voc_goal_get_target_level (VocGoal           *self);
/* "2027-01-31", or NULL. */
const char    *voc_goal_get_due_date     (VocGoal           *self);
VocGoalStatus  voc_goal_get_status       (VocGoal           *self);
/* 0-based, in the plan's order. */
guint          voc_goal_get_position     (VocGoal           *self);
guint          voc_goal_get_n_steps      (VocGoal           *self);
guint          voc_goal_get_n_steps_done (VocGoal           *self);
/* The steps, of VocStep: empty until voc_goal_load_steps() first reads
 * them, and kept up to date by each voc_goal_load_steps() after that. */
GListModel    *voc_goal_get_steps        (VocGoal           *self);
gboolean       voc_goal_get_steps_loaded (VocGoal           *self);
gboolean       voc_goal_load_steps       (VocGoal           *self,
                                          VocStore          *store,
                                          GError           **error);

G_END_DECLS
