/* voc-icon-theme.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "voc-icon-theme.h"

/* GtkIconTheme allows lookups from any thread once it is set up; the
 * first one after a change reads the themes (Adwaita's index alone lists
 * some 650 folders: 65 M instructions). */
static gpointer
load_icon_theme_thread (gpointer data)
{
  g_autoptr (GtkIconTheme) theme = data;

  gtk_icon_theme_has_icon (theme, "funnel-symbolic");
  return NULL;
}

void
voc_icon_theme_preload (GdkDisplay *display)
{
  g_return_if_fail (GDK_IS_DISPLAY (display));

  g_thread_unref (g_thread_new ("vocation-icons", load_icon_theme_thread,
                                g_object_ref (gtk_icon_theme_get_for_display (display))));
}
