/* voc-plans-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "voc-plans-view.h"
#include "voc-store-plans.h"

struct _VocPlansView
{
  GtkWidget parent_instance;

  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  AdwPreferencesGroup *group;
  GPtrArray           *rows;

  VocCatalog          *catalog;
  guint                refresh_id;
  VocStore            *store;
};

G_DEFINE_FINAL_TYPE (VocPlansView, voc_plans_view, GTK_TYPE_WIDGET)

char *
voc_format_iso_day (const char *iso)
{
  g_autoptr (GDateTime) day = NULL;
  g_autoptr (GTimeZone) local = NULL;
  g_autofree char *with_time = NULL;

  if (iso == NULL)
    return NULL;
  with_time = g_strconcat (iso, "T00:00:00", NULL);
  local = g_time_zone_new_local ();
  day = g_date_time_new_from_iso8601 (with_time, local);
  /* Translators: a due date; see g_date_time_format() */
  return day ? g_date_time_format (day, _("%-d %B %Y")) : g_strdup (iso);
}

static void
refresh (VocPlansView *self)
{
  g_autoptr (GPtrArray) plans = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (self->store == NULL)
    {
      adw_status_page_set_description (self->empty_page,
                                       _("Plans are kept in your data folder, which could not be opened."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (!(plans = voc_store_list_plans (self->store, &error)))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
      return;
    }

  for (guint i = 0; i < plans->len; i++)
    {
      VocPlanInfo *plan = g_ptr_array_index (plans, i);
      VocRole *role = voc_catalog_lookup_role (self->catalog, plan->role_id);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, MAX (plan->n_goals, 1));
      g_autofree char *due = voc_format_iso_day (plan->next_due);
      g_autoptr (GString) subtitle = g_string_new (role ? voc_role_get_name (role) : plan->role_id);
      g_autofree char *progress = NULL;

      progress = g_strdup_printf (ngettext ("%u of %u goal done", "%u of %u goals done", plan->n_goals),
                                  plan->n_done, plan->n_goals);
      g_string_append_printf (subtitle, " · %s", progress);
      if (due != NULL)
        /* Translators: "next due 15 January 2027" */
        g_string_append_printf (subtitle, _(" · next due %s"), due);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), plan->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      gtk_level_bar_set_mode (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_MODE_CONTINUOUS);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), plan->n_done);
      gtk_widget_set_size_request (bar, 96, -1);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, progress, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-plan");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", plan->id);

      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }

  gtk_stack_set_visible_child_name (self->stack, plans->len > 0 ? "plans" : "empty");
}

static gboolean
refresh_idle_cb (gpointer data)
{
  VocPlansView *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Rows are rebuilt after the change that asked for it has finished (a
 * selector must not be destroyed inside its own signal), but before the
 * next frame is laid out, so an animation cannot hold it back. */
static void
queue_refresh (VocPlansView *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

static void
voc_plans_view_dispose (GObject *object)
{
  VocPlansView *self = VOC_PLANS_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->catalog);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (voc_plans_view_parent_class)->dispose (object);
}

static void
voc_plans_view_class_init (VocPlansViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = voc_plans_view_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
voc_plans_view_init (VocPlansView *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *browse = gtk_button_new_with_mnemonic (_("_Browse Roles"));

  self->rows = g_ptr_array_new ();
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_title (self->empty_page, _("No Plans Yet"));
  adw_status_page_set_description (self->empty_page,
                                   _("Open a role and choose “Create Plan from Gaps” to turn what you lack into goals."));
  gtk_widget_add_css_class (browse, "pill");
  gtk_widget_add_css_class (browse, "suggested-action");
  gtk_widget_set_halign (browse, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (browse), "win.show-view");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (browse), "s", "roles");
  adw_status_page_set_child (self->empty_page, browse);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Your Plans"));
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->group));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 840);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_stack_add_named (self->stack, scrolled, "plans");
}

void
voc_plans_view_set_data (VocPlansView *self,
                         VocCatalog   *catalog,
                         VocStore     *store)
{
  g_return_if_fail (VOC_IS_PLANS_VIEW (self));
  g_return_if_fail (VOC_IS_CATALOG (catalog));

  g_set_object (&self->catalog, catalog);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "plans-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  refresh (self);
}

guint
voc_plans_view_get_n_plans (VocPlansView *self)
{
  g_return_val_if_fail (VOC_IS_PLANS_VIEW (self), 0);

  return self->rows->len;
}
