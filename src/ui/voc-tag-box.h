/* voc-tag-box.h: small labels that wrap onto as many lines as they need
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VOC_TYPE_TAG_BOX (voc_tag_box_get_type ())
G_DECLARE_FINAL_TYPE (VocTagBox, voc_tag_box, VOC, TAG_BOX, GtkWidget)

GtkWidget *voc_tag_box_new     (void);
/* Adds a pill-shaped label with the text; returns the label. */
GtkWidget *voc_tag_box_add_tag (VocTagBox  *self,
                                const char *text);
void       voc_tag_box_clear   (VocTagBox  *self);

G_END_DECLS
