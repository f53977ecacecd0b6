/* voc-level-indicator.h: a level 0-5 as its name and a segmented meter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "voc-level.h"

G_BEGIN_DECLS

#define VOC_TYPE_LEVEL_INDICATOR (voc_level_indicator_get_type ())
G_DECLARE_FINAL_TYPE (VocLevelIndicator, voc_level_indicator, VOC, LEVEL_INDICATOR, GtkWidget)

GtkWidget *voc_level_indicator_new       (VocLevel           level);
VocLevel   voc_level_indicator_get_level (VocLevelIndicator *self);
void       voc_level_indicator_set_level (VocLevelIndicator *self,
                                          VocLevel           level);

G_END_DECLS
