/* voc-a11y.h: small fixes to what assistive technology reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* GTK 4.8 names a button with a mnemonic label by the raw label and the
 * label again ("_Browse Roles Browse Roles"); this names it once, without
 * the underscore. */
void voc_a11y_name_button (GtkWidget *button);

/* The same for every button with a mnemonic at or below @root: the
 * responses of an AdwMessageDialog, made when they are added. */
void voc_a11y_name_buttons (GtkWidget *root);

/* A toast that shows @text as it is: libadwaita 1.2 reads a toast's title
 * as markup, so a file name with "&" or "<" would show nothing. */
AdwToast *voc_a11y_toast_new (const char *text);

/* Adds @toast to @overlay (taking it, as adw_toast_overlay_add_toast()
 * does) with its buttons named: its own button once, without the
 * underscore, and the close button, which libadwaita 1.2 leaves unnamed.
 * A toast waiting in the queue is named when it is shown. */
void voc_a11y_add_toast (AdwToastOverlay *overlay,
                         AdwToast        *toast);

/* Names @drop_down and the toggle button inside it, the part that takes
 * the focus, which GTK 4.8 reads as "GtkToggleButton"; the button's
 * description follows the choice shown ("Not Rated"). */
void voc_a11y_name_drop_down (GtkDropDown *drop_down,
                              const char  *label);

/* libadwaita 1.2 cuts a group title that does not fit with an ellipsis
 * (later versions wrap it): with large text on a narrow window "Data
 * Management & Engineering" lost its end. Wraps the title of @group. */
void voc_a11y_wrap_group_title (AdwPreferencesGroup *group);

/* GTK 4.8 keeps a stack's hidden pages in the accessibility tree: a
 * screen reader read "No Plans Yet" beside the list of plans. This marks
 * every page but the visible one hidden there, now and as it changes. */
void voc_a11y_follow_stack (GtkStack *stack);

G_END_DECLS
