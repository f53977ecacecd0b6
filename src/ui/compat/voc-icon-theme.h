/* voc-icon-theme.h: the icon themes read off the main thread at start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK starts reading the icon themes on a thread of its own when
 * GtkApplication first asks for them, but libadwaita 1.2 adds its icons a
 * little later, and by then the themes were often read: they are thrown
 * away, and read again by the first icon the window needs, on the main
 * thread (65 M instructions, 5-10 ms of the first frame).  This reads them
 * again on a thread now; the window's first icon waits for it if need be.
 * Call it after GtkApplication's startup. */
void voc_icon_theme_preload (GdkDisplay *display);

G_END_DECLS
