/* voc-plan-page.h: one plan, its goals and their steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "voc-catalog.h"
#include "voc-profile.h"

G_BEGIN_DECLS

#define VOC_TYPE_PLAN_PAGE (voc_plan_page_get_type ())
G_DECLARE_FINAL_TYPE (VocPlanPage, voc_plan_page, VOC, PLAN_PAGE, GtkWidget)

GtkWidget *voc_plan_page_new       (VocCatalog  *catalog,
                                    VocProfile  *profile);
/* FALSE when there is no such plan. */
gboolean   voc_plan_page_set_plan  (VocPlanPage *self,
                                    gint64       plan_id);
gint64     voc_plan_page_get_plan  (VocPlanPage *self);
void       voc_plan_page_focus_start (VocPlanPage *self);
/* Saves what is typed in the plan's and its goals' notes now. */
void       voc_plan_page_flush_notes (VocPlanPage *self);
/* Opens the row of goal @goal_id and puts the cursor in its note;
 * FALSE if the plan shown has no such goal. */
gboolean   voc_plan_page_show_goal   (VocPlanPage *self,
                                      gint64       goal_id);

G_END_DECLS
