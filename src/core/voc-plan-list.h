/* voc-plan-list.h: every plan, as a list model that follows the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "voc-plan.h"

G_BEGIN_DECLS

#define VOC_TYPE_PLAN_LIST (voc_plan_list_get_type ())
G_DECLARE_FINAL_TYPE (VocPlanList, voc_plan_list, VOC, PLAN_LIST, GObject)

/* A GListModel of VocPlan, newest first.  It is read by
 * voc_plan_list_refresh(), not before: after a change in @store it only
 * becomes :stale, and whoever shows it reads it again when it suits them
 * (a hidden list need not be read at all).  A refresh keeps the VocPlan
 * of every plan still there and changes it in place. */
VocPlanList *voc_plan_list_new         (VocStore     *store);
gboolean     voc_plan_list_get_stale   (VocPlanList  *self);
/* Brings the list up to date.  Filled from empty, it takes only the first
 * @first_batch plans (all of them for 0); the others wait for
 * voc_plan_list_add_waiting(), so that showing them can be spread over
 * frames. */
gboolean     voc_plan_list_refresh     (VocPlanList  *self,
                                        guint         first_batch,
                                        GError      **error);
/* Appends up to @n of the plans waiting; returns how many still wait. */
guint        voc_plan_list_add_waiting (VocPlanList  *self,
                                        guint         n);
/* The plans in the list and those waiting. */
guint        voc_plan_list_get_n_plans (VocPlanList  *self);

G_END_DECLS
