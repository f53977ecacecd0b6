/* voc-step-row.h: a goal's step in the plan page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "voc-step.h"

G_BEGIN_DECLS

#define VOC_TYPE_STEP_ROW (voc_step_row_get_type ())
G_DECLARE_FINAL_TYPE (VocStepRow, voc_step_row, VOC, STEP_ROW, AdwActionRow)

/* The row follows @step: ticked as the step is done.  Ticking it emits
 * ::toggled (done), which saves it. */
GtkWidget *voc_step_row_new      (VocStep    *step);
VocStep   *voc_step_row_get_step (VocStepRow *self);

G_END_DECLS
