/* voc-a11y.h: small fixes to what assistive technology reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8 names a button with a mnemonic label by the raw label and the
 * label again ("_Browse Roles Browse Roles"); this names it once, without
 * the underscore. */
void voc_a11y_name_button (GtkWidget *button);

G_END_DECLS
