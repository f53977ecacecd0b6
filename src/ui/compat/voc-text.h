/* voc-text.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VOC_TYPE_TEXT (voc_text_get_type ())

G_DECLARE_FINAL_TYPE (VocText, voc_text, VOC, TEXT, GtkWidget)

GtkWidget  *voc_text_new      (const char *text);
const char *voc_text_get_text (VocText    *self);
void        voc_text_set_text (VocText    *self,
                               const char *text);

G_END_DECLS
