/* voc-step.h: one step of a goal, as the plan page shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "voc-store-plans.h"

G_BEGIN_DECLS

#define VOC_TYPE_STEP (voc_step_get_type ())
G_DECLARE_FINAL_TYPE (VocStep, voc_step, VOC, STEP, GObject)

VocStep    *voc_step_new      (const VocStepInfo *info);
/* Takes what changed from @info, notifying each property that did. */
void        voc_step_update   (VocStep           *self,
                               const VocStepInfo *info);
gint64      voc_step_get_id   (VocStep           *self);
const char *voc_step_get_text (VocStep           *self);
/* NULL unless the step is a link. */
const char *voc_step_get_url  (VocStep           *self);
gboolean    voc_step_get_done (VocStep           *self);

G_END_DECLS
