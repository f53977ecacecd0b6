/* voc-window-actions.c: what the window can be asked to do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The win.* actions for searching, showing views, pages and dialogs,
 * toasts and opening links and files; deletions and Undo are in
 * voc-window-deletions.c.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "voc-notes-search.h"
#include "voc-radar.h"
#include "voc-store-plans.h"
#include "voc-window-private.h"

static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VocWindow *self = VOC_WINDOW (widget);
  gboolean enable = !gtk_search_bar_get_search_mode (self->search_bar);

  gtk_search_bar_set_search_mode (self->search_bar, enable);
  if (enable)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
shortcuts_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  /* Built when asked for rather than with every window. */
  g_autoptr (GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/ui/voc-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

static void
toast_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  VocWindow *self = VOC_WINDOW (widget);

  voc_toast_queue_add (self->toasts, g_variant_get_string (parameter, NULL), NULL, NULL, NULL, 8, FALSE);
}

/* win.toast-action ("(sssv)"): a message, and a button for an action and
 * its target ("Plan created", "_Open", "win.show-plan", 12). */
static void
toast_action_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  VocWindow *self = VOC_WINDOW (widget);
  const char *text, *button, *action;
  g_autoptr (GVariant) target = NULL;

  g_variant_get (parameter, "(&s&s&sv)", &text, &button, &action, &target);
  /* A second "Chart saved" makes the first out of date: it goes, rather
   * than keep the new one waiting its turn. Other toasts (a second "Plan
   * created") each keep their turn: what they open is still there. */
  if (g_str_equal (action, "win.open-file"))
    {
      voc_toast_queue_withdraw (self->toasts, self->chart_toast);
      self->chart_toast = voc_toast_queue_add (self->toasts, text, button, action, target, 8, FALSE);
    }
  else
    voc_toast_queue_add (self->toasts, text, button, action, target, 8, FALSE);
}

static void
show_view_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VocWindow *self = VOC_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    return;
  /* Straight to the views, from a plan opened from a role page too. */
  if (adw_leaflet_get_visible_child (self->leaflet) != self->browse_page)
    adw_leaflet_set_visible_child (self->leaflet, self->browse_page);
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
show_plan_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  voc_window_show_plan (VOC_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
show_role_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  voc_window_show_role (VOC_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_goal_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VocWindow *self = VOC_WINDOW (widget);
  gint64 goal_id = g_variant_get_int64 (parameter);
  gint64 plan_id = 0;

  if (_voc_window_get_store (self) == NULL ||
      !voc_store_get_goal_plan (_voc_window_get_store (self), goal_id, &plan_id, NULL, NULL, NULL) ||
      !voc_window_show_plan (self, plan_id))
    return;
  voc_plan_page_show_goal (self->plan_page, goal_id);
}

static void
search_notes_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  VocWindow *self = VOC_WINDOW (widget);
  GtkWidget *search;

  if (_voc_window_get_store (self) == NULL)
    return;
  /* The words typed a moment ago are found too. */
  _voc_window_save_notes (self);
  search = voc_notes_search_new (GTK_WINDOW (self), self->catalog, _voc_window_get_store (self));
  gtk_window_present (GTK_WINDOW (search));
}

/* win.open-link: a web address in the browser; inside Flatpak,
 * gtk_show_uri() goes through the OpenURI portal. Only http and https:
 * a step's link is never a file or a program. */
static void
open_link_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  const char *uri = g_variant_get_string (parameter, NULL);
  g_autofree char *scheme = g_uri_parse_scheme (uri);

  if (scheme == NULL || (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0))
    return;
  gtk_show_uri (GTK_WINDOW (widget), uri, GDK_CURRENT_TIME);
}

/* win.open-file ("s", a file:// URI): a chart this window saved, in the
 * app that opens its kind of file (an image viewer, a PDF reader);
 * through the OpenURI portal in Flatpak. Only regular files with a
 * chart's extension: the action is there for the toast after an export,
 * nothing else. A URI, not a path, as a file name need not be UTF-8. */
static void
open_file_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VocWindow *self = VOC_WINDOW (widget);
  const char *uri = g_variant_get_string (parameter, NULL);
  g_autofree char *path = g_filename_from_uri (uri, NULL, NULL);
  g_autofree char *shown_uri = NULL;
  GStatBuf info;

  if (path == NULL || !g_path_is_absolute (path) || !voc_radar_format_from_path (path, NULL) ||
      g_lstat (path, &info) != 0 || !S_ISREG (info.st_mode))
    {
      g_autofree char *name = path ? g_filename_display_basename (path) : g_strdup (uri);
      g_autofree char *message = g_strdup_printf (_("“%s” is no longer there"), name);

      /* The answer to a click: now, not after the toast that offered it. */
      voc_toast_queue_add (self->toasts, message, NULL, NULL, NULL, 8, TRUE);
      return;
    }
  /* The URI of the file checked, not the one given. */
  shown_uri = g_filename_to_uri (path, NULL, NULL);
  if (shown_uri != NULL)
    gtk_show_uri (GTK_WINDOW (widget), shown_uri, GDK_CURRENT_TIME);
}

static void
export_data_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _voc_window_choose_export (VOC_WINDOW (widget));
}

static void
import_data_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _voc_window_choose_import (VOC_WINDOW (widget));
}

void
_voc_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action_cb);
  gtk_widget_class_install_action (widget_class, "win.shortcuts", NULL, shortcuts_action_cb);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action_cb);
  gtk_widget_class_install_action (widget_class, "win.toast-action", "(sssv)", toast_action_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-plan", "x", show_plan_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-role", "s", show_role_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-goal", "x", show_goal_action_cb);
  gtk_widget_class_install_action (widget_class, "win.search-notes", NULL, search_notes_action_cb);
  gtk_widget_class_install_action (widget_class, "win.export-data", NULL, export_data_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-link", "s", open_link_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-file", "s", open_file_action_cb);
  gtk_widget_class_install_action (widget_class, "win.import-data", NULL, import_data_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK, "win.shortcuts", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.search-notes", NULL);
}
