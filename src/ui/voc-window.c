/* voc-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "voc-a11y.h"
#include "voc-note-editor.h"
#include "voc-role-page.h"
#include "voc-skills-view.h"
#include "voc-toast-queue.h"
#include "voc-window-private.h"

G_DEFINE_FINAL_TYPE (VocWindow, voc_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_CATALOG,
  PROP_PROFILE,
  PROP_STORE,
  PROP_STORE_PROBLEM,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static guint transfer_finished_signal;

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
  VocCatalog *catalog = self->catalog;
  VocProfile *profile = self->profile;

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

static VocStore *
window_store (VocWindow *self)
{
  return self->store;
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
show_toast (VocWindow  *self,
            const char *text)
{
  voc_toast_queue_add (self->toasts, text, NULL, NULL, NULL, 8, FALSE);
}

VocStore *
_voc_window_get_store (VocWindow *self)
{
  return window_store (self);
}

VocCatalog *
_voc_window_get_catalog (VocWindow *self)
{
  return self->catalog;
}

VocProfile *
_voc_window_get_profile (VocWindow *self)
{
  return self->profile;
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

static void store_recovered_cb (VocWindow *self);

static void
voc_window_constructed (GObject *object)
{
  VocWindow *self = VOC_WINDOW (object);

  G_OBJECT_CLASS (voc_window_parent_class)->constructed (object);

  g_return_if_fail (self->catalog != NULL && self->profile != NULL);

  load_families (self, self->catalog);
  voc_catalog_view_set_profile (self->catalog_view, self->profile);
  voc_catalog_view_set_catalog (self->catalog_view, self->catalog);
  restore_state (self);
  view_changed_cb (self);
  /* Without a store there are no notes to search. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search-notes", self->store != NULL);
  if (self->store != NULL)
    g_signal_connect_object (self->store, "recovered", G_CALLBACK (store_recovered_cb), self, G_CONNECT_SWAPPED);

  if (self->store_problem != NULL)
    {
      /* Say plainly that ratings will not be kept, and why. */
      g_autofree char *message = g_strdup_printf (_("Your skills cannot be saved: %s"), self->store_problem);

      voc_toast_queue_add (self->toasts, message, NULL, NULL, NULL, 0, FALSE);
    }
  else if (self->store != NULL && voc_store_get_read_only (self->store) != NULL)
    {
      /* Before the first change is refused, not after. */
      g_autofree char *message = g_strdup_printf (_("Your data can be read and exported but not changed: %s"),
                                                  voc_store_get_read_only (self->store));

      voc_toast_queue_add (self->toasts, message, NULL, NULL, NULL, 0, FALSE);
    }

  /* On Roles, the first card has the focus, so Enter opens it and the
   * arrows move on; elsewhere the view shown has it. */
  focus_view (self);
}

static void
voc_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  VocWindow *self = VOC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;
    case PROP_PROFILE:
      self->profile = g_value_dup_object (value);
      break;
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_STORE_PROBLEM:
      self->store_problem = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
voc_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  VocWindow *self = VOC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_STORE_PROBLEM:
      g_value_set_string (value, self->store_problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
voc_window_dispose (GObject *object)
{
  VocWindow *self = VOC_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VOC_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->deletions, g_ptr_array_unref);
  g_clear_object (&self->toasts);
  g_clear_object (&self->store);
  g_clear_object (&self->profile);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->store_problem, g_free);

  G_OBJECT_CLASS (voc_window_parent_class)->dispose (object);
}

static void
voc_window_class_init (VocWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = voc_window_constructed;
  object_class->dispose = voc_window_dispose;
  object_class->get_property = voc_window_get_property;
  object_class->set_property = voc_window_set_property;
  window_class->close_request = voc_window_close_request;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, VOC_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, VOC_TYPE_PROFILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* NULL when the data folder could not be opened; :store-problem says why. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, VOC_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE_PROBLEM] =
    g_param_spec_string ("store-problem", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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

  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action_cb);
  _voc_window_class_add_actions (widget_class);
  _voc_window_class_add_deletion_actions (widget_class);

}

static void
voc_window_init (VocWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* A development build says so: libadwaita stripes its header bars. */
  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
  _voc_window_init_deletions (self);
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
  g_autoptr (GError) error = NULL;

  if (adw_leaflet_get_visible_child (self->leaflet) != self->browse_page)
    adw_leaflet_set_visible_child (self->leaflet, self->browse_page);
  if (!voc_profile_reload (self->profile, &error))
    show_toast (self, error->message);
  voc_window_report_recovery (self);
}

VocWindow *
voc_window_new (GtkApplication *application,
                VocCatalog     *catalog,
                VocProfile     *profile,
                const char     *store_problem)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (VOC_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (VOC_IS_PROFILE (profile), NULL);

  return g_object_new (VOC_TYPE_WINDOW,
                       "application", application,
                       "catalog", catalog,
                       "profile", profile,
                       "store", voc_profile_get_store (profile),
                       "store-problem", store_problem,
                       NULL);
}

void
voc_window_report_recovery (VocWindow *self)
{
  VocStore *store;
  GtkWidget *dialog;

  g_return_if_fail (VOC_IS_WINDOW (self));

  store = self->store;
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

  g_return_val_if_fail (VOC_IS_WINDOW (self), FALSE);

  if (self->plan_page == NULL)
    {
      self->plan_page = VOC_PLAN_PAGE (voc_plan_page_new (self->catalog, self->profile));
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
                                 self->profile);
      adw_leaflet_append (self->leaflet, GTK_WIDGET (self->role_page));
    }
  voc_role_page_set_role (self->role_page, role);
  show_page (self, GTK_WIDGET (self->role_page));
  voc_role_page_focus_start (self->role_page);
  return TRUE;
}
