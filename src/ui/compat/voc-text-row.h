/* voc-text-row.h: a list row with a title, a wrapping subtitle and suffixes
 *
 * Its title is AdwPreferencesRow's :title.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VOC_TYPE_TEXT_ROW (voc_text_row_get_type ())
G_DECLARE_FINAL_TYPE (VocTextRow, voc_text_row, VOC, TEXT_ROW, AdwPreferencesRow)

GtkWidget  *voc_text_row_new                    (void);
const char *voc_text_row_get_subtitle           (VocTextRow *self);
void        voc_text_row_set_subtitle           (VocTextRow *self,
                                                 const char *subtitle);
/* Adds @widget after the texts, vertically centred. */
void        voc_text_row_add_suffix             (VocTextRow *self,
                                                 GtkWidget  *widget);
/* Activating the row (a click on its texts, Enter) activates @widget. */
void        voc_text_row_set_activatable_widget (VocTextRow *self,
                                                 GtkWidget  *widget);

G_END_DECLS
