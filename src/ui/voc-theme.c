/* voc-theme.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 has no gtk_widget_get_color(); the style context is the way to
 * read colours there, deprecated only in later versions.
 */
#include "config.h"

#include "voc-theme.h"

static void
to_color (const GdkRGBA *rgba,
          double         alpha,
          VocColor      *color)
{
  color->red = rgba->red;
  color->green = rgba->green;
  color->blue = rgba->blue;
  color->alpha = rgba->alpha * alpha;
}

void
voc_theme_get_foreground (GtkWidget *widget,
                          double     alpha,
                          VocColor  *color)
{
  GdkRGBA rgba;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (color != NULL);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &rgba);
  G_GNUC_END_IGNORE_DEPRECATIONS

  to_color (&rgba, alpha, color);
}

void
voc_theme_lookup_color (GtkWidget  *widget,
                        const char *name,
                        const char *fallback,
                        VocColor   *color)
{
  GdkRGBA rgba;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (name != NULL && fallback != NULL);
  g_return_if_fail (color != NULL);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, &rgba))
    gdk_rgba_parse (&rgba, fallback);
  G_GNUC_END_IGNORE_DEPRECATIONS

  to_color (&rgba, 1.0, color);
}
