/* voc-gap-row.h: a gap between you and a role, on the role page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VOC_TYPE_GAP_ROW (voc_gap_row_get_type ())
G_DECLARE_FINAL_TYPE (VocGapRow, voc_gap_row, VOC, GAP_ROW, AdwPreferencesRow)

GtkWidget *voc_gap_row_new (void);
/* Shows @title, with @subtitle and @badge under and beside it when they
 * are not NULL; the row reads as the three. */
void       voc_gap_row_set (VocGapRow  *self,
                            const char *title,
                            const char *subtitle,
                            const char *badge);

G_END_DECLS
