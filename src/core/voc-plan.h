/* voc-plan.h: one learning plan, its counts and, once asked for, its goals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "voc-store-plans.h"

G_BEGIN_DECLS

#define VOC_TYPE_PLAN (voc_plan_get_type ())
G_DECLARE_FINAL_TYPE (VocPlan, voc_plan, VOC, PLAN, GObject)

VocPlan    *voc_plan_new             (const VocPlanInfo *info);
/* Takes what changed from @info, notifying each property that did. */
void        voc_plan_update          (VocPlan           *self,
                                      const VocPlanInfo *info);
gint64      voc_plan_get_id          (VocPlan           *self);
const char *voc_plan_get_role_id     (VocPlan           *self);
const char *voc_plan_get_title       (VocPlan           *self);
/* "2027-06-30", or NULL. */
const char *voc_plan_get_target_date (VocPlan           *self);
guint       voc_plan_get_n_goals     (VocPlan           *self);
guint       voc_plan_get_n_done      (VocPlan           *self);
/* The earliest due date of a goal not done, or NULL. */
const char *voc_plan_get_next_due    (VocPlan           *self);
/* The goals, of VocGoal in the plan's order: empty until voc_plan_load()
 * first reads them. */
GListModel *voc_plan_get_goals       (VocPlan           *self);
/* Reads the plan, its goals and the steps of each goal whose steps were
 * loaded, and updates them in place.  FALSE, and no error, when the plan
 * is no longer there. */
gboolean    voc_plan_load            (VocPlan           *self,
                                      VocStore          *store,
                                      GError           **error);

G_END_DECLS
