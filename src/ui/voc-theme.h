/* voc-theme.h: theme colours for the Cairo drawing code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "voc-level-meter.h" /* VocColor */

G_BEGIN_DECLS

/* The widget's text colour, with its alpha multiplied by @alpha. */
void voc_theme_get_foreground (GtkWidget  *widget,
                               double      alpha,
                               VocColor   *color);
/* A named colour of the theme (such as "accent_color" or "orange_4"),
 * or @fallback (any CSS colour) when the theme has none by that name. */
void voc_theme_lookup_color   (GtkWidget  *widget,
                               const char *name,
                               const char *fallback,
                               VocColor   *color);

G_END_DECLS
