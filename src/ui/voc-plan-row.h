/* voc-plan-row.h: a plan in the Plans view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "voc-catalog.h"
#include "voc-plan.h"

G_BEGIN_DECLS

#define VOC_TYPE_PLAN_ROW (voc_plan_row_get_type ())
G_DECLARE_FINAL_TYPE (VocPlanRow, voc_plan_row, VOC, PLAN_ROW, GtkBox)

GtkWidget *voc_plan_row_new      (VocCatalog *catalog);
/* Shows @plan, and follows it, until the next call; NULL shows nothing. */
void       voc_plan_row_set_plan (VocPlanRow *self,
                                  VocPlan    *plan);
VocPlan   *voc_plan_row_get_plan (VocPlanRow *self);

G_END_DECLS
