/* voc-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "voc-a11y.h"
#include "voc-catalog-view.h"
#include "voc-note-editor.h"
#include "voc-notes-search.h"
#include "voc-plan-page.h"
#include "voc-plans-view.h"
#include "voc-radar.h"
#include "voc-role-page.h"
#include "voc-store-plans.h"
#include "voc-store-transfer.h"
#include "voc-skills-view.h"
#include "voc-toast-queue.h"
#include "voc-window-private.h"

struct _VocWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwLeaflet          *leaflet;
  GtkWidget           *browse_page;
  AdwHeaderBar        *header_bar;
  GtkToggleButton     *search_button;
  GtkMenuButton       *family_button;
  GtkMenuButton       *main_menu_button;
  GMenuModel          *primary_menu;
  AdwViewSwitcherTitle *switcher_title;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkRevealer         *family_bar;
  GtkLabel            *family_label;
  GtkWidget           *all_families_button;
  AdwViewStack        *view_stack;
  VocCatalogView      *catalog_view;
  AdwBin              *skills_page;
  AdwBin              *plans_page;
  VocSkillsView       *skills_view;   /* NULL until first shown */
  VocPlansView        *plans_view;    /* NULL until first shown */

  /* Owned by the leaflet; made when the first role or plan is opened */
  VocRolePage         *role_page;
  VocPlanPage         *plan_page;

  /* Owned: every deletion since the window opened, oldest first, for Undo */
  GPtrArray           *deletions;
  guint64              last_deletion;
  VocToastQueue       *toasts;
  guint                chart_toast;   /* the last "Chart saved" toast */

  gboolean             recovery_reported;  /* the dialog is shown once */

  /* Owned */
  GSettings           *settings;
};

/* A deletion Undo can bring back, and the toast that offers it. */
typedef struct
{
  guint64      serial;
  VocPlanCopy *copy;
  guint        toast;  /* its toast in the queue */
} Deletion;

G_DEFINE_FINAL_TYPE (VocWindow, voc_window, ADW_TYPE_APPLICATION_WINDOW)

static guint transfer_finished_signal;

#define DELETION_TOAST_SECONDS 12

static void
deletion_free (Deletion *deletion)
{
  voc_plan_copy_free (deletion->copy);
  g_free (deletion);
}

static void
update_search_action (VocWindow *self)
{
  gboolean on_browse = adw_leaflet_get_visible_child (self->leaflet) == self->browse_page;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", on_browse);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", !on_browse);
}

/* Pages off screen (the other views, a role page slid away) keep their
 * place in the accessibility tree; they are marked hidden there, so a
 * screen reader does not read them as if they were shown. */
static void
mark_hidden_pages (VocWindow *self)
{
  static const char *const views[] = { "roles", "skills", "plans" };
  GtkWidget *page = adw_leaflet_get_visible_child (self->leaflet);
  GtkWidget *view = adw_view_stack_get_visible_child (self->view_stack);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->leaflet)); child;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, child != page, -1);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (self->view_stack, views[i]);

      if (child != NULL)
        gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, child != view, -1);
    }
}

static void
visible_child_changed_cb (VocWindow *self)
{
  update_search_action (self);
  mark_hidden_pages (self);

  /* Back on the grid, the card that was opened keeps the focus. */
  if (adw_leaflet_get_visible_child (self->leaflet) == self->browse_page &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "roles") == 0)
    gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  else
    gtk_search_bar_set_key_capture_widget (self->search_bar, NULL);
}

static void
search_changed_cb (VocWindow *self)
{
  voc_catalog_view_set_query (self->catalog_view, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
search_activate_cb (VocWindow *self)
{
  GListModel *visible = voc_catalog_view_get_visible (self->catalog_view);
  g_autoptr (VocRole) first = g_list_model_get_item (visible, 0);

  /* Enter opens the best (first) match, as in GNOME Settings. */
  if (first != NULL)
    voc_window_show_role (self, voc_role_get_id (first));
}

static void
search_mode_changed_cb (VocWindow *self)
{
  gboolean enabled = gtk_search_bar_get_search_mode (self->search_bar);

  gtk_toggle_button_set_active (self->search_button, enabled);
  if (!enabled)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* The family bar belongs to the Roles view, while a family is chosen. */
static void
update_family_bar (VocWindow *self)
{
  GAction *family = g_action_map_lookup_action (G_ACTION_MAP (self), "family");
  g_autoptr (GVariant) state = family ? g_action_get_state (family) : NULL;
  gboolean on = state != NULL && *g_variant_get_string (state, NULL) != '\0';
  gboolean roles = g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "roles") == 0;

  gtk_revealer_set_reveal_child (self->family_bar, on && roles);
  /* Out of the accessibility tree and the focus chain while hidden. */
  gtk_widget_set_visible (GTK_WIDGET (self->family_bar), on && roles);
}

/* win.family: "" for every family, or a translated family name. */
static void
family_change_state_cb (GSimpleAction *action,
                        GVariant      *state,
                        gpointer       user_data)
{
  VocWindow *self = user_data;
  const char *family = g_variant_get_string (state, NULL);
  gboolean all = *family == '\0';

  g_simple_action_set_state (action, state);
  voc_catalog_view_set_family (self->catalog_view, all ? NULL : family);

  /* The title says which family is shown where it shows a title (narrow
   * windows), and the bar under the header bar does at every width. */
  adw_view_switcher_title_set_subtitle (self->switcher_title, all ? NULL : family);
  if (!all)
    {
      /* Translators: %s is a family of roles, such as "Analytics" */
      g_autofree char *text = g_strdup_printf (_("Showing only the %s family"), family);

      gtk_label_set_label (self->family_label, text);
    }
  update_family_bar (self);
  if (all)
    gtk_widget_remove_css_class (GTK_WIDGET (self->family_button), "accent");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->family_button), "accent");
}

static void
role_activated_cb (VocWindow *self,
                   VocRole   *role)
{
  voc_window_show_role (self, voc_role_get_id (role));
}

/* Keys go to the focused widget first and rise from there to the window's
 * shortcuts: a focus left behind on a view no longer shown (a role card
 * behind the Plans view) swallowed them all, Ctrl+? and Ctrl+Shift+F too. */
static void
focus_view (VocWindow *self)
{
  GtkWidget *view = adw_view_stack_get_visible_child (self->view_stack);

  if (view == GTK_WIDGET (self->catalog_view))
    voc_catalog_view_focus_first (self->catalog_view);
  else if (view == NULL || !gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD))
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
}

/* My Skills and Plans are made the first time they are shown: a start on
 * Roles does not pay for them (3.6 ms of the first frame, measured). */
static void
ensure_view (VocWindow  *self,
             const char *name)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  VocCatalog *catalog;
  VocProfile *profile;

  if (!VOC_IS_APPLICATION (app))
    return;
  catalog = voc_application_get_catalog (VOC_APPLICATION (app));
  profile = voc_application_get_profile (VOC_APPLICATION (app));

  if (g_strcmp0 (name, "skills") == 0 && self->skills_view == NULL)
    {
      self->skills_view = g_object_new (VOC_TYPE_SKILLS_VIEW, NULL);
      voc_skills_view_set_data (self->skills_view, catalog, profile);
      adw_bin_set_child (self->skills_page, GTK_WIDGET (self->skills_view));
    }
  else if (g_strcmp0 (name, "plans") == 0 && self->plans_view == NULL)
    {
      self->plans_view = g_object_new (VOC_TYPE_PLANS_VIEW, NULL);
      voc_plans_view_set_data (self->plans_view, catalog, voc_profile_get_store (profile));
      adw_bin_set_child (self->plans_page, GTK_WIDGET (self->plans_view));
    }
}

static void
view_changed_cb (VocWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  gboolean roles = g_strcmp0 (name, "roles") == 0;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *view = adw_view_stack_get_visible_child (self->view_stack);

  ensure_view (self, name);
  if (focus != NULL && view != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->view_stack)) &&
      !gtk_widget_is_ancestor (focus, view))
    focus_view (self);

  update_family_bar (self);
  /* Search and the family filter belong to the Roles view. */
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), roles);
  gtk_widget_set_visible (GTK_WIDGET (self->family_button), roles);
  if (!roles)
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_search_bar_set_key_capture_widget (self->search_bar, roles ? GTK_WIDGET (self) : NULL);

  if (name != NULL && self->settings != NULL)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-view");

      /* Not written again at start-up: with dconf every write is a message. */
      if (g_strcmp0 (last, name) != 0)
        g_settings_set_string (self->settings, "last-view", name);
    }
  mark_hidden_pages (self);
}

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

static VocStore *
window_store (VocWindow *self)
{
  VocApplication *app = VOC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  return app ? voc_profile_get_store (voc_application_get_profile (app)) : NULL;
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

  if (window_store (self) == NULL ||
      !voc_store_get_goal_plan (window_store (self), goal_id, &plan_id, NULL, NULL, NULL) ||
      !voc_window_show_plan (self, plan_id))
    return;
  voc_plan_page_show_goal (self->plan_page, goal_id);
}

/* Saves what is being typed in any note below @widget. */
static void
flush_notes_below (GtkWidget *widget)
{
  if (VOC_IS_NOTE_EDITOR (widget))
    {
      voc_note_editor_flush (VOC_NOTE_EDITOR (widget));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    flush_notes_below (child);
}

static void
search_notes_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  VocWindow *self = VOC_WINDOW (widget);
  VocApplication *app = VOC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  GtkWidget *search;

  if (app == NULL || window_store (self) == NULL)
    return;
  /* The words typed a moment ago are found too. */
  flush_notes_below (GTK_WIDGET (self->leaflet));
  search = voc_notes_search_new (GTK_WINDOW (self), voc_application_get_catalog (app), window_store (self));
  gtk_window_present (GTK_WINDOW (search));
}

static void show_toast (VocWindow  *self,
                        const char *text);

static gboolean
restore_deletion (VocWindow  *self,
                  guint       index,
                  GError    **error)
{
  Deletion *deletion = g_ptr_array_index (self->deletions, index);

  /* A step whose goal went later, or a goal whose plan did, comes back
   * with it: what it belongs to is restored first. */
  for (guint i = self->deletions->len; i > index + 1; i--)
    if (voc_plan_copy_needs (deletion->copy, ((Deletion *) g_ptr_array_index (self->deletions, i - 1))->copy))
      {
        if (!restore_deletion (self, i - 1, error))
          return FALSE;
        i = self->deletions->len + 1;
      }

  if (!voc_store_restore_plan (window_store (self), deletion->copy, error))
    return FALSE;
  voc_toast_queue_withdraw (self->toasts, deletion->toast);
  g_ptr_array_remove_index (self->deletions, index);
  return TRUE;
}

static void
undo_deletion (VocWindow *self,
               guint64    serial)
{
  g_autoptr (GError) error = NULL;

  if (window_store (self) == NULL)
    return;
  for (guint i = self->deletions->len; i > 0; i--)
    if (serial == 0 || ((Deletion *) g_ptr_array_index (self->deletions, i - 1))->serial == serial)
      {
        if (!restore_deletion (self, i - 1, &error))
          show_toast (self, error->message);
        return;
      }
}

/* A toast's Undo: the deletion it told of. */
static void
undo_delete_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  undo_deletion (VOC_WINDOW (widget), (guint64) g_variant_get_int64 (parameter));
}

/* Ctrl+Z and win.undo: the newest deletion not undone yet. */
static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  undo_deletion (VOC_WINDOW (widget), 0);
}

/* Ctrl+Z in a text field undoes its typing (GtkText and GtkTextView take
 * it themselves while they have something to undo); never a deletion. */
static gboolean
undo_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  VocWindow *self = VOC_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus)))
    return FALSE;
  if (self->deletions->len == 0)
    return FALSE;
  undo_deletion (self, 0);
  return TRUE;
}

/* Keeps @copy for Undo and says what went, with an Undo button. */
static void
offer_undo (VocWindow   *self,
            VocPlanCopy *copy,
            const char  *message)
{
  Deletion *deletion = g_new0 (Deletion, 1);

  deletion->serial = ++self->last_deletion;
  deletion->copy = copy;
  g_ptr_array_add (self->deletions, deletion);

  /* Deleting is never final: every deletion since the window opened can
   * be undone, this one from its toast (shown at once; the toast it
   * replaces comes back after it), the newest with Ctrl+Z. */
  deletion->toast = voc_toast_queue_add (self->toasts, message, _("_Undo"), "win.undo-delete",
                                         g_variant_new_int64 ((gint64) deletion->serial),
                                         DELETION_TOAST_SECONDS, TRUE);
}

/* "Step “Read the Kafka docs” deleted": a long text is cut, never the quotes. */
static char *
describe_deletion (VocWindow   *self,
                   VocPlanCopy *copy)
{
  VocApplication *app = VOC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  const char *label = voc_plan_copy_get_label (copy);
  g_autofree char *name = NULL;

  if (voc_plan_copy_get_kind (copy) == VOC_PLAN_COPY_GOAL && app != NULL)
    {
      VocSkill *skill = voc_catalog_lookup_skill (voc_application_get_catalog (app), label);

      if (skill != NULL)
        label = voc_skill_get_name (skill);
    }
  if (g_utf8_strlen (label, -1) > 48)
    {
      g_autofree char *head = g_utf8_substring (label, 0, 47);

      name = g_strconcat (g_strchomp (head), "…", NULL);
    }
  else
    name = g_strdup (label);

  switch (voc_plan_copy_get_kind (copy))
    {
    case VOC_PLAN_COPY_PLAN:
      return g_strdup_printf (_("Plan “%s” deleted"), name);
    case VOC_PLAN_COPY_GOAL:
      return g_strdup_printf (_("Goal “%s” deleted"), name);
    case VOC_PLAN_COPY_STEP:
      return g_strdup_printf (_("Step “%s” deleted"), name);
    default:
      g_return_val_if_reached (NULL);
    }
}

typedef VocPlanCopy *(*DeleteFunc) (VocStore  *store,
                                    gint64     id,
                                    GError   **error);

/* Deletes with @delete and offers Undo; FALSE (and a toast saying why) if
 * nothing was deleted. Notes typed a moment ago are saved first, so they go
 * with what they are on and come back with Undo; saved after the delete
 * they would be left behind with nothing to belong to. */
static gboolean
delete_with_undo (VocWindow  *self,
                  DeleteFunc  delete,
                  gint64      id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  VocPlanCopy *copy;

  if (window_store (self) == NULL)
    return FALSE;
  if (self->plan_page != NULL)
    voc_plan_page_flush_notes (self->plan_page);
  if (!(copy = delete (window_store (self), id, &error)))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
      return FALSE;
    }
  message = describe_deletion (self, copy);
  offer_undo (self, copy, message);
  return TRUE;
}

static void
delete_plan_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VocWindow *self = VOC_WINDOW (widget);

  if (delete_with_undo (self, voc_store_delete_plan, g_variant_get_int64 (parameter)) &&
      adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->plan_page))
    /* Back, the focus with it: the plan page's bin button that had it is gone from view. */
    gtk_widget_activate_action (widget, "win.back", NULL);
}

static void
delete_goal_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  delete_with_undo (VOC_WINDOW (widget), voc_store_delete_goal, g_variant_get_int64 (parameter));
}

static void
delete_step_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  delete_with_undo (VOC_WINDOW (widget), voc_store_delete_step, g_variant_get_int64 (parameter));
}

static void
show_toast (VocWindow  *self,
            const char *text)
{
  voc_toast_queue_add (self->toasts, text, NULL, NULL, NULL, 8, FALSE);
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

VocStore *
_voc_window_get_store (VocWindow *self)
{
  return window_store (self);
}

VocCatalog *
_voc_window_get_catalog (VocWindow *self)
{
  return voc_catalog_view_get_catalog (self->catalog_view);
}

VocProfile *
_voc_window_get_profile (VocWindow *self)
{
  VocApplication *app = VOC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  return app ? voc_application_get_profile (app) : NULL;
}

void
_voc_window_toast (VocWindow  *self,
                   const char *text,
                   const char *button_label,
                   const char *action_name,
                   GVariant   *target)
{
  voc_toast_queue_add (self->toasts, text, button_label, action_name, target, 8, FALSE);
}

void
_voc_window_save_notes (VocWindow *self)
{
  flush_notes_below (GTK_WIDGET (self));
}

void
_voc_window_leave_pages (VocWindow *self)
{
  if (adw_leaflet_get_visible_child (self->leaflet) != self->browse_page)
    adw_leaflet_set_visible_child (self->leaflet, self->browse_page);
  _voc_window_save_notes (self);
}

void
_voc_window_transfer_finished (VocWindow *self,
                               gboolean   success)
{
  g_signal_emit (self, transfer_finished_signal, 0, success);
}

static void
back_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VocWindow *self = VOC_WINDOW (widget);
  GtkWidget *page;

  if (adw_leaflet_get_visible_child (self->leaflet) == self->browse_page)
    return;

  /* Back to the views, or to the role page a plan was opened from. */
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  page = adw_leaflet_get_visible_child (self->leaflet);
  if (page == GTK_WIDGET (self->role_page))
    voc_role_page_focus_start (self->role_page);
  else if (page == GTK_WIDGET (self->plan_page))
    voc_plan_page_focus_start (self->plan_page);
  else
    focus_view (self);
}

static void
sort_change_state_cb (GSimpleAction *action,
                      GVariant      *state,
                      gpointer       user_data)
{
  VocWindow *self = user_data;

  g_simple_action_set_state (action, state);
  voc_catalog_view_set_sort_by_match (self->catalog_view,
                                      g_str_equal (g_variant_get_string (state, NULL), "match"));
}

/* The menus are made when first opened: a popover menu costs a few
 * milliseconds to build, which start-up does not need to pay. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       menu)
{
  gtk_menu_button_set_menu_model (button, menu);
}

static void
load_families (VocWindow  *self,
               VocCatalog *catalog)
{
  g_autoptr (GPtrArray) families = voc_catalog_get_families (catalog);
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenu) section = g_menu_new ();

  g_menu_append (menu, _("All Families"), "win.family::");
  for (guint i = 0; i < families->len; i++)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (g_ptr_array_index (families, i), NULL);

      g_menu_item_set_action_and_target_value (item, "win.family",
                                               g_variant_new_string (g_ptr_array_index (families, i)));
      g_menu_append_item (section, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));

  {
    g_autoptr (GMenu) sort = g_menu_new ();

    g_menu_append (sort, _("Catalog Order"), "win.sort::catalog");
    g_menu_append (sort, _("Best Match First"), "win.sort::match");
    g_menu_append_section (menu, _("Sort"), G_MENU_MODEL (sort));
  }

  gtk_menu_button_set_create_popup_func (self->family_button, create_menu_cb,
                                         g_object_ref (menu), g_object_unref);
}

static void
restore_state (VocWindow *self)
{
  g_autofree char *view = NULL;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  view = g_settings_get_string (self->settings, "last-view");
  if (adw_view_stack_get_child_by_name (self->view_stack, view) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, view);
}

void
voc_window_save (VocWindow *self)
{
  int width, height;

  g_return_if_fail (VOC_IS_WINDOW (self));

  flush_notes_below (GTK_WIDGET (self));

  /* A maximised window keeps the size it had before, to go back to. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
  /* The process may end right after this (Ctrl+Q, logout): dconf writes
   * over D-Bus, so wait until it has the values. */
  g_settings_sync ();
}

static gboolean
voc_window_close_request (GtkWindow *window)
{
  voc_window_save (VOC_WINDOW (window));

  return GTK_WINDOW_CLASS (voc_window_parent_class)->close_request (window);
}

static void
voc_window_dispose (GObject *object)
{
  VocWindow *self = VOC_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VOC_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->deletions, g_ptr_array_unref);
  g_clear_object (&self->toasts);

  G_OBJECT_CLASS (voc_window_parent_class)->dispose (object);
}

static void
voc_window_class_init (VocWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = voc_window_dispose;
  window_class->close_request = voc_window_close_request;

  /**
   * VocWindow::transfer-finished:
   * @success: whether the export or import was done
   *
   * An Export Data or Import Data begun in the window has ended (or the
   * user cancelled it, or it was refused).
   */
  transfer_finished_signal =
    g_signal_new ("transfer-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  g_type_ensure (VOC_TYPE_CATALOG_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/voc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VocWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VocWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, VocWindow, browse_page);
  gtk_widget_class_bind_template_child (widget_class, VocWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, VocWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, VocWindow, family_button);
  gtk_widget_class_bind_template_child (widget_class, VocWindow, main_menu_button);
  gtk_widget_class_bind_template_child (widget_class, VocWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, VocWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, VocWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, VocWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VocWindow, family_bar);
  gtk_widget_class_bind_template_child (widget_class, VocWindow, family_label);
  gtk_widget_class_bind_template_child (widget_class, VocWindow, all_families_button);
  gtk_widget_class_bind_template_child (widget_class, VocWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, VocWindow, catalog_view);
  gtk_widget_class_bind_template_child (widget_class, VocWindow, skills_page);
  gtk_widget_class_bind_template_child (widget_class, VocWindow, plans_page);
  gtk_widget_class_bind_template_callback (widget_class, visible_child_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, role_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action_cb);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action_cb);
  gtk_widget_class_install_action (widget_class, "win.shortcuts", NULL, shortcuts_action_cb);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action_cb);
  gtk_widget_class_install_action (widget_class, "win.toast-action", "(sssv)", toast_action_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-plan", "x", show_plan_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-role", "s", show_role_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-goal", "x", show_goal_action_cb);
  gtk_widget_class_install_action (widget_class, "win.search-notes", NULL, search_notes_action_cb);
  gtk_widget_class_install_action (widget_class, "win.delete-plan", "x", delete_plan_action_cb);
  gtk_widget_class_install_action (widget_class, "win.delete-goal", "x", delete_goal_action_cb);
  gtk_widget_class_install_action (widget_class, "win.delete-step", "x", delete_step_action_cb);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", "x", undo_delete_action_cb);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "win.export-data", NULL, export_data_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-link", "s", open_link_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-file", "s", open_file_action_cb);
  gtk_widget_class_install_action (widget_class, "win.import-data", NULL, import_data_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK, "win.shortcuts", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, undo_shortcut_cb, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.search-notes", NULL);
}

static void
voc_window_init (VocWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* A development build says so: libadwaita stripes its header bars. */
  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
  self->deletions = g_ptr_array_new_with_free_func ((GDestroyNotify) deletion_free);
  self->toasts = voc_toast_queue_new (self->toast_overlay);
  gtk_menu_button_set_create_popup_func (self->main_menu_button, create_menu_cb, self->primary_menu, NULL);

  static const GActionEntry actions[] = {
    { "family", NULL, "s", "''", family_change_state_cb },
    { "sort", NULL, "s", "'catalog'", sort_change_state_cb },
  };

  self->settings = g_settings_new (SCHEMA_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  voc_a11y_name_button (self->all_families_button);
  update_search_action (self);
}

/* The check that runs after the first frame found the data file damaged
 * and put a saved copy (or a new file) in its place: what the window shows
 * was read from the damaged one, so it is read again, and the user told. */
static void
store_recovered_cb (VocWindow *self)
{
  VocApplication *app = VOC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr (GError) error = NULL;

  if (adw_leaflet_get_visible_child (self->leaflet) != self->browse_page)
    adw_leaflet_set_visible_child (self->leaflet, self->browse_page);
  if (!voc_profile_reload (voc_application_get_profile (app), &error))
    show_toast (self, error->message);
  voc_window_report_recovery (self);
}

VocWindow *
voc_window_new (VocApplication *application)
{
  VocWindow *self;
  VocCatalog *catalog;

  g_return_val_if_fail (VOC_IS_APPLICATION (application), NULL);

  self = g_object_new (VOC_TYPE_WINDOW, "application", application, NULL);
  catalog = voc_application_get_catalog (application);
  load_families (self, catalog);
  voc_catalog_view_set_profile (self->catalog_view, voc_application_get_profile (application));
  voc_catalog_view_set_catalog (self->catalog_view, catalog);
  restore_state (self);
  view_changed_cb (self);
  /* Without a store there are no notes to search. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search-notes", window_store (self) != NULL);
  if (window_store (self) != NULL)
    g_signal_connect_object (window_store (self), "recovered", G_CALLBACK (store_recovered_cb),
                             self, G_CONNECT_SWAPPED);

  if (voc_application_get_store_error (application) != NULL)
    {
      /* Say plainly that ratings will not be kept, and why. */
      g_autofree char *message =
        g_strdup_printf (_("Your skills cannot be saved: %s"), voc_application_get_store_error (application)->message);
      voc_toast_queue_add (self->toasts, message, NULL, NULL, NULL, 0, FALSE);
    }
  else if (window_store (self) != NULL && voc_store_get_read_only (window_store (self)) != NULL)
    {
      /* Before the first change is refused, not after. */
      g_autofree char *message =
        g_strdup_printf (_("Your data can be read and exported but not changed: %s"),
                         voc_store_get_read_only (window_store (self)));

      voc_toast_queue_add (self->toasts, message, NULL, NULL, NULL, 0, FALSE);
    }

  /* On Roles, the first card has the focus, so Enter opens it and the
   * arrows move on; elsewhere the view shown has it. */
  focus_view (self);

  return self;
}

void
voc_window_report_recovery (VocWindow *self)
{
  VocApplication *app;
  VocStore *store;
  GtkWidget *dialog;

  g_return_if_fail (VOC_IS_WINDOW (self));

  app = VOC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  store = voc_profile_get_store (voc_application_get_profile (app));
  /* The view shown first may have found the damage while the window was
   * being presented, before the application asks for the report. */
  if (store == NULL || voc_store_get_recovery_note (store) == NULL || self->recovery_reported)
    return;
  self->recovery_reported = TRUE;

  /* Say plainly what happened and where the old file is. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Your Data Was Recovered"),
                                   voc_store_get_recovery_note (store));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "ok", _("_OK"));
  voc_a11y_name_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Shows @page, placed right after the page shown now: Back (which goes to
 * the page before) returns to where it was opened from, as the role page's
 * "Back to Roles" says, whichever of the two pages was made first. */
static void
show_page (VocWindow *self,
           GtkWidget *page)
{
  GtkWidget *shown = adw_leaflet_get_visible_child (self->leaflet);

  if (shown != page)
    adw_leaflet_reorder_child_after (self->leaflet, page, shown);
  adw_leaflet_set_visible_child (self->leaflet, page);
}

gboolean
voc_window_show_plan (VocWindow *self,
                      gint64     plan_id)
{
  VocApplication *app;

  g_return_val_if_fail (VOC_IS_WINDOW (self), FALSE);

  app = VOC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  if (self->plan_page == NULL)
    {
      self->plan_page = VOC_PLAN_PAGE (voc_plan_page_new (voc_application_get_catalog (app),
                                                          voc_application_get_profile (app)));
      adw_leaflet_append (self->leaflet, GTK_WIDGET (self->plan_page));
    }
  if (!voc_plan_page_set_plan (self->plan_page, plan_id))
    return FALSE;

  show_page (self, GTK_WIDGET (self->plan_page));
  voc_plan_page_focus_start (self->plan_page);
  return TRUE;
}

gboolean
voc_window_show_role (VocWindow  *self,
                      const char *role_id)
{
  VocCatalog *catalog;
  VocRole *role;

  g_return_val_if_fail (VOC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (role_id != NULL, FALSE);

  catalog = voc_catalog_view_get_catalog (self->catalog_view);
  if (catalog == NULL || !(role = voc_catalog_lookup_role (catalog, role_id)))
    return FALSE;

  /* Built on first use: start-up only pays for what the first frame shows. */
  if (self->role_page == NULL)
    {
      self->role_page = g_object_new (VOC_TYPE_ROLE_PAGE, NULL);
      voc_role_page_set_context (self->role_page, catalog,
                                 voc_application_get_profile (VOC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)))));
      adw_leaflet_append (self->leaflet, GTK_WIDGET (self->role_page));
    }
  voc_role_page_set_role (self->role_page, role);
  show_page (self, GTK_WIDGET (self->role_page));
  voc_role_page_focus_start (self->role_page);
  return TRUE;
}
