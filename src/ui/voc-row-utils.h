/* voc-row-utils.h: what the rows of the plan page share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Delete on @widget, or on what has the focus inside it, runs @action
 * with @arguments (or none). */
void voc_add_delete_shortcut      (GtkWidget         *widget,
                                   GtkShortcutAction *action,
                                   GVariant          *arguments);
/* Shows @text, just saved, in @row without bringing back its apply
 * button. */
void voc_entry_row_set_saved_text (AdwEntryRow       *row,
                                   const char        *text);

G_END_DECLS
