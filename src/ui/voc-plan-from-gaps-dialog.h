/* voc-plan-from-gaps-dialog.h: turning a role's gaps into a new plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "voc-profile.h"
#include "voc-role.h"

G_BEGIN_DECLS

#define VOC_TYPE_PLAN_FROM_GAPS_DIALOG (voc_plan_from_gaps_dialog_get_type ())
G_DECLARE_FINAL_TYPE (VocPlanFromGapsDialog, voc_plan_from_gaps_dialog, VOC, PLAN_FROM_GAPS_DIALOG,
                      AdwMessageDialog)

/* Asks which of @role's gaps, for @profile, become goals of a new plan,
 * and creates it.  What follows is said through @source's "win.toast" and
 * "win.toast-action": the plan created, with Open, or why not. */
void voc_plan_from_gaps_dialog_present (GtkWidget  *source,
                                        VocRole    *role,
                                        VocProfile *profile);

G_END_DECLS
