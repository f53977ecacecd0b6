/* voc-plans-view.c: every plan, its target role, progress and next due date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A user with years of plans has a thousand of them, so the list is a
 * GtkListView over a VocPlanList: only the rows on screen are widgets.
 * The model is read when the view is first shown and, after a change,
 * only while it is shown; hidden, it is just stale.  A change updates the
 * plans in place, so an edit on one plan changes one row, not a thousand.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "voc-a11y.h"
#include "voc-plan-list.h"
#include "voc-plan-row.h"
#include "voc-plans-view.h"

struct _VocPlansView
{
  GtkWidget parent_instance;

  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkLabel            *count_label;
  GtkListView         *list_view;
  VocPlanList         *plans;
  GtkNoSelection      *selection;  /* the list view's, over the plans */

  VocCatalog          *catalog;
  guint                refresh_id;
  guint                rest_id;   /* the tick that adds the plans waiting */
  VocStore            *store;
};

G_DEFINE_FINAL_TYPE (VocPlansView, voc_plans_view, GTK_TYPE_WIDGET)

static void
show_count (VocPlansView *self,
            guint         n)
{
  g_autofree char *text = g_strdup_printf (ngettext ("%'u plan", "%'u plans", n), n);

  gtk_label_set_text (self->count_label, text);
}

/* A list view keeps a row widget for up to two hundred items around the
 * one it is scrolled to, whatever its height.  Filled from empty, it gets a
 * screenful at once and the rest a few rows a frame, so that neither the
 * frame that shows it nor the ones after it wait on two hundred rows. */
#define FIRST_ROWS 50
#define ROWS_PER_FRAME 25
#define MAX_LIST_ROWS 200

static void
cancel_rest (VocPlansView *self)
{
  if (self->rest_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->rest_id);
  self->rest_id = 0;
}

static gboolean
append_rest_cb (GtkWidget     *list_view,
                GdkFrameClock *clock,
                gpointer       data)
{
  VocPlansView *self = data;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->plans));

  if (voc_plan_list_add_waiting (self->plans, n >= MAX_LIST_ROWS ? G_MAXUINT : ROWS_PER_FRAME) > 0)
    return G_SOURCE_CONTINUE;
  self->rest_id = 0;
  return G_SOURCE_REMOVE;
}

/* Reads the plans; the list keeps the plans still there and changes them
 * in place, so an edit changes one row and a new plan inserts one. */
static void
refresh (VocPlansView *self)
{
  g_autoptr (GError) error = NULL;
  gboolean was_empty = g_list_model_get_n_items (G_LIST_MODEL (self->plans)) == 0;
  guint n;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  cancel_rest (self);

  if (self->store == NULL)
    {
      voc_plan_list_refresh (self->plans, 0, NULL);
      adw_status_page_set_description (self->empty_page,
                                       _("Plans are kept in your data folder, which could not be opened."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (!voc_plan_list_refresh (self->plans, FIRST_ROWS, &error))
    {
      /* Unreadable before the database's check (the window opened on
       * Plans): check it now. A damaged file is replaced, the window says
       * so, and plans-changed reads the copy. */
      if (!voc_store_is_checked (self->store) && voc_store_finish_check (self->store))
        return;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
      return;
    }
  if (was_empty && voc_plan_list_get_n_plans (self->plans) > g_list_model_get_n_items (G_LIST_MODEL (self->plans)))
    self->rest_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), append_rest_cb, self, NULL);

  n = voc_plan_list_get_n_plans (self->plans);
  show_count (self, n);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "plans" : "empty");
}

static gboolean
refresh_idle_cb (gpointer data)
{
  VocPlansView *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* After a change: read again once the change has finished (a selector must
 * not be destroyed inside its own signal) and before the next frame, if the
 * view is on screen; otherwise when it is next shown. */
static void
stale_cb (VocPlansView *self)
{
  if (voc_plan_list_get_stale (self->plans) && gtk_widget_get_mapped (GTK_WIDGET (self)) && self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

static void
voc_plans_view_map (GtkWidget *widget)
{
  VocPlansView *self = VOC_PLANS_VIEW (widget);

  if (voc_plan_list_get_stale (self->plans))
    refresh (self);
  /* Set when first shown: at 128 px the icon is an SVG, and loading the
   * SVG renderer for a hidden view cost the first frame 5 ms. */
  if (adw_status_page_get_icon_name (self->empty_page) == NULL)
    adw_status_page_set_icon_name (self->empty_page, "view-list-bullet-symbolic");
  GTK_WIDGET_CLASS (voc_plans_view_parent_class)->map (widget);
}

/* Rows. */

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              VocPlansView             *self)
{
  gtk_list_item_set_child (list_item, voc_plan_row_new (self->catalog));
}

/* Delete on a plan's row deletes that plan (Undo brings it back). The
 * focus is on the list's row widget, which holds the row's box. */
static gboolean
delete_shortcut_cb (GtkWidget *list_view,
                    GVariant  *arguments,
                    gpointer   user_data)
{
  VocPlansView *self = user_data;
  GtkWidget *row = gtk_root_get_focus (gtk_widget_get_root (list_view));
  VocPlan *plan;

  while (row != NULL && gtk_widget_get_parent (row) != list_view)
    row = gtk_widget_get_parent (row);
  if (row == NULL || !VOC_IS_PLAN_ROW (gtk_widget_get_first_child (row)) ||
      (plan = voc_plan_row_get_plan (VOC_PLAN_ROW (gtk_widget_get_first_child (row)))) == NULL)
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-plan", "x", voc_plan_get_id (plan));
  return TRUE;
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             VocPlansView             *self)
{
  voc_plan_row_set_plan (VOC_PLAN_ROW (gtk_list_item_get_child (list_item)), gtk_list_item_get_item (list_item));
}

static void
row_unbind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               VocPlansView             *self)
{
  voc_plan_row_set_plan (VOC_PLAN_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
activate_cb (GtkListView  *list_view,
             guint         position,
             VocPlansView *self)
{
  g_autoptr (VocPlan) plan = g_list_model_get_item (G_LIST_MODEL (self->plans), position);

  if (plan != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-plan", "x", voc_plan_get_id (plan));
}

static void
voc_plans_view_dispose (GObject *object)
{
  VocPlansView *self = VOC_PLANS_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->list_view != NULL)
    cancel_rest (self);
  self->list_view = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->plans);
  g_clear_object (&self->catalog);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (voc_plans_view_parent_class)->dispose (object);
}

static void
voc_plans_view_class_init (VocPlansViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = voc_plans_view_dispose;
  GTK_WIDGET_CLASS (klass)->map = voc_plans_view_map;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
voc_plans_view_init (VocPlansView *self)
{
  GtkWidget *browse = gtk_button_new_with_mnemonic (_("_Browse Roles"));
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header_clamp = adw_clamp_new ();
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (_("Your Plans"));
  GtkWidget *search = gtk_button_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_scrollable_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->plans = voc_plan_list_new (NULL);
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_title (self->empty_page, _("No Plans Yet"));
  adw_status_page_set_description (self->empty_page,
                                   _("Open a role and choose “Create Plan from Gaps” to turn what you lack into goals."));
  voc_a11y_name_button (browse);
  gtk_widget_add_css_class (browse, "pill");
  gtk_widget_add_css_class (browse, "suggested-action");
  gtk_widget_set_halign (browse, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (browse), "win.show-view");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (browse), "s", "roles");
  adw_status_page_set_child (self->empty_page, browse);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");

  /* "Your Plans", how many, and the search over every note. */
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "caption");
  gtk_label_set_xalign (self->count_label, 0);
  gtk_box_append (GTK_BOX (heading), title);
  gtk_box_append (GTK_BOX (heading), GTK_WIDGET (self->count_label));
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_set_valign (heading, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), heading);
  gtk_button_set_child (GTK_BUTTON (search),
                        g_object_new (ADW_TYPE_BUTTON_CONTENT, "icon-name", "system-search-symbolic",
                                      "label", _("Search _Notes…"), "use-underline", TRUE, NULL));
  gtk_widget_set_tooltip_text (search, _("Search the notes on every role, plan and goal"));
  voc_a11y_name_button (search);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (search), "win.search-notes");
  gtk_widget_set_valign (search, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), search);
  gtk_widget_set_margin_top (header, 18);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (header_clamp), 840);
  adw_clamp_set_child (ADW_CLAMP (header_clamp), header);
  gtk_box_append (GTK_BOX (page), header_clamp);

  /* The plans; only the rows on screen exist as widgets. */
  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (row_unbind_cb), self);
  self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->plans)));
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (self->selection), factory));
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);
  gtk_list_view_set_show_separators (self->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "plans-list");
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "card");
  /* The card ends with the last plan, not at the bottom of the window. */
  gtk_widget_set_valign (GTK_WIDGET (self->list_view), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Your Plans"), -1);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (activate_cb), self);
  {
    GtkEventController *controller = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                            gtk_callback_action_new (delete_shortcut_cb, self, NULL)));
    gtk_widget_add_controller (GTK_WIDGET (self->list_view), controller);
  }
  adw_clamp_scrollable_set_maximum_size (ADW_CLAMP_SCROLLABLE (clamp), 840);
  adw_clamp_scrollable_set_child (ADW_CLAMP_SCROLLABLE (clamp), GTK_WIDGET (self->list_view));
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (page), scrolled);
  gtk_stack_add_named (self->stack, page, "plans");
  voc_a11y_follow_stack (self->stack);
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
  cancel_rest (self);
  g_signal_handlers_disconnect_by_data (self->plans, self);
  g_object_unref (self->plans);
  /* Read when first shown: at start-up the window shows Roles. */
  self->plans = voc_plan_list_new (store);
  g_signal_connect_swapped (self->plans, "notify::stale", G_CALLBACK (stale_cb), self);
  gtk_no_selection_set_model (self->selection, G_LIST_MODEL (self->plans));
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

guint
voc_plans_view_get_n_plans (VocPlansView *self)
{
  g_return_val_if_fail (VOC_IS_PLANS_VIEW (self), 0);

  if (voc_plan_list_get_stale (self->plans))
    refresh (self);
  return voc_plan_list_get_n_plans (self->plans);
}
