/* voc-plans-view.c: every plan, its target role, progress and next due date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A user with years of plans has a thousand of them, so the list is a
 * GtkListView over a model of small items: only the rows on screen are
 * widgets.  The model is read when the view is first shown and, after a
 * change, only while it is shown; a hidden view just remembers it is stale.
 * A change updates the items in place, so an edit on one plan rebinds one
 * row, not a thousand.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "voc-a11y.h"
#include "voc-plans-view.h"
#include "voc-store-plans.h"

/* One plan as a row shows it. */
#define VOC_TYPE_PLAN_ITEM (voc_plan_item_get_type ())
G_DECLARE_FINAL_TYPE (VocPlanItem, voc_plan_item, VOC, PLAN_ITEM, GObject)

struct _VocPlanItem
{
  GObject parent_instance;

  gint64      id;
  char       *title;
  const char *role_name;  /* the catalog's, which outlives the view */
  char       *next_due;   /* "2027-01-15", or NULL */
  guint       n_goals;
  guint       n_done;
};

G_DEFINE_FINAL_TYPE (VocPlanItem, voc_plan_item, G_TYPE_OBJECT)

enum { ITEM_PROP_0, ITEM_PROP_CONTENT, N_ITEM_PROPS };
static GParamSpec *item_props[N_ITEM_PROPS];

static void
voc_plan_item_finalize (GObject *object)
{
  VocPlanItem *self = VOC_PLAN_ITEM (object);

  g_free (self->title);
  g_free (self->next_due);
  G_OBJECT_CLASS (voc_plan_item_parent_class)->finalize (object);
}

static void
voc_plan_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VocPlanItem *self = VOC_PLAN_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_CONTENT:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
voc_plan_item_class_init (VocPlanItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = voc_plan_item_finalize;
  object_class->get_property = voc_plan_item_get_property;
  /* Notified when anything a row shows has changed; its value is the title. */
  item_props[ITEM_PROP_CONTENT] =
    g_param_spec_string ("content", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_props);
}

static void
voc_plan_item_init (VocPlanItem *self)
{
}

struct _VocPlansView
{
  GtkWidget parent_instance;

  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkLabel            *count_label;
  GtkListView         *list_view;
  GListStore          *plans;

  VocCatalog          *catalog;
  guint                refresh_id;
  gboolean             stale;     /* the model is behind the store */
  GPtrArray           *rest;      /* items still to append after the first frame */
  guint                rest_id;
  VocStore            *store;
  GHashTable          *rows;      /* a row's widget -> its GtkListItem */
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

/* Fills @item from @plan; TRUE if anything a row shows has changed.  The
 * words are made when a row shows the item, for the few rows on screen. */
static gboolean
fill_item (VocPlansView      *self,
           VocPlanItem       *item,
           VocPlanInfo       *plan)
{
  VocRole *role = voc_catalog_lookup_role (self->catalog, plan->role_id);
  const char *role_name = role ? voc_role_get_name (role) : NULL;
  gboolean changed;

  changed = item->id != plan->id || item->n_goals != plan->n_goals || item->n_done != plan->n_done ||
            item->role_name != role_name || g_strcmp0 (item->title, plan->title) != 0 ||
            g_strcmp0 (item->next_due, plan->next_due) != 0;
  item->id = plan->id;
  item->n_goals = plan->n_goals;
  item->n_done = plan->n_done;
  item->role_name = role_name;
  g_free (item->title);
  item->title = g_steal_pointer (&plan->title);
  g_free (item->next_due);
  item->next_due = g_steal_pointer (&plan->next_due);
  return changed;
}

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
  g_clear_pointer (&self->rest, g_ptr_array_unref);
}

static gboolean
append_rest_cb (GtkWidget     *list_view,
                GdkFrameClock *clock,
                gpointer       data)
{
  VocPlansView *self = data;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->plans));
  guint take = n >= MAX_LIST_ROWS ? self->rest->len : MIN (self->rest->len, ROWS_PER_FRAME);

  g_list_store_splice (self->plans, n, 0, self->rest->pdata, take);
  g_ptr_array_remove_range (self->rest, 0, take);
  if (self->rest->len > 0)
    return G_SOURCE_CONTINUE;

  self->rest_id = 0;
  g_clear_pointer (&self->rest, g_ptr_array_unref);
  return G_SOURCE_REMOVE;
}

static VocPlanItem *
model_item (VocPlansView *self,
            guint         position)
{
  /* The store holds a reference for as long as the item is in it. */
  VocPlanItem *item = g_list_model_get_item (G_LIST_MODEL (self->plans), position);

  g_object_unref (item);
  return item;
}

/* Reads the plans and brings the model up to date with as few changes as
 * it takes: plans before and after the ones added or removed keep their
 * items, which change in place, so an edit rebinds one row and a new plan
 * inserts one.  Only rows on screen (and near it) are widgets. */
static void
refresh (VocPlansView *self)
{
  g_autoptr (GPtrArray) plans = NULL;
  g_autoptr (GPtrArray) added = NULL;
  g_autoptr (GError) error = NULL;
  guint n_items, prefix = 0, suffix = 0;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  cancel_rest (self);
  self->stale = FALSE;

  if (self->store == NULL)
    {
      adw_status_page_set_description (self->empty_page,
                                       _("Plans are kept in your data folder, which could not be opened."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (!(plans = voc_store_list_plans (self->store, &error)))
    {
      /* Unreadable before the database's check (the window opened on
       * Plans): check it now. A damaged file is replaced, the window says
       * so, and plans-changed reads the copy. */
      if (!voc_store_is_checked (self->store) && voc_store_finish_check (self->store))
        return;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
      return;
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->plans));
  while (prefix < MIN (n_items, plans->len) &&
         model_item (self, prefix)->id == ((VocPlanInfo *) g_ptr_array_index (plans, prefix))->id)
    prefix++;
  while (suffix < MIN (n_items, plans->len) - prefix &&
         model_item (self, n_items - 1 - suffix)->id ==
           ((VocPlanInfo *) g_ptr_array_index (plans, plans->len - 1 - suffix))->id)
    suffix++;

  for (guint i = 0; i < prefix + suffix; i++)
    {
      guint old = i < prefix ? i : n_items - suffix + (i - prefix);
      guint new = i < prefix ? i : plans->len - suffix + (i - prefix);
      VocPlanItem *item = model_item (self, old);

      if (fill_item (self, item, g_ptr_array_index (plans, new)))
        g_object_notify_by_pspec (G_OBJECT (item), item_props[ITEM_PROP_CONTENT]);
    }

  added = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = prefix; i < plans->len - suffix; i++)
    {
      VocPlanItem *item = g_object_new (VOC_TYPE_PLAN_ITEM, NULL);

      fill_item (self, item, g_ptr_array_index (plans, i));
      g_ptr_array_add (added, item);
    }
  if (n_items == 0 && added->len > FIRST_ROWS)
    {
      self->rest = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = FIRST_ROWS; i < added->len; i++)
        g_ptr_array_add (self->rest, g_object_ref (g_ptr_array_index (added, i)));
      g_ptr_array_set_size (added, FIRST_ROWS);
      self->rest_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), append_rest_cb, self, NULL);
    }
  if (added->len > 0 || n_items - prefix - suffix > 0)
    g_list_store_splice (self->plans, prefix, n_items - prefix - suffix, added->pdata, added->len);

  show_count (self, plans->len);
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

/* After a change: read again once the change has finished (a selector must
 * not be destroyed inside its own signal) and before the next frame, if the
 * view is on screen; otherwise when it is next shown. */
static void
plans_changed_cb (VocPlansView *self)
{
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

static void
voc_plans_view_map (GtkWidget *widget)
{
  VocPlansView *self = VOC_PLANS_VIEW (widget);

  if (self->stale)
    refresh (self);
  /* Set when first shown: at 128 px the icon is an SVG, and loading the
   * SVG renderer for a hidden view cost the first frame 5 ms. */
  if (adw_status_page_get_icon_name (self->empty_page) == NULL)
    adw_status_page_set_icon_name (self->empty_page, "view-list-bullet-symbolic");
  GTK_WIDGET_CLASS (voc_plans_view_parent_class)->map (widget);
}

/* Rows. */

static void
row_update (GtkListItem *list_item)
{
  VocPlanItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkLabel *title = g_object_get_data (G_OBJECT (box), "title");
  GtkLabel *subtitle = g_object_get_data (G_OBJECT (box), "subtitle");
  GtkLevelBar *bar = g_object_get_data (G_OBJECT (box), "bar");
  GtkLabel *progress_label = g_object_get_data (G_OBJECT (box), "progress");
  g_autofree char *due = NULL;
  g_autofree char *progress = NULL;
  g_autofree char *tooltip = NULL;
  g_autoptr (GString) text = NULL;

  if (item == NULL)
    return;

  due = voc_format_iso_day (item->next_due);
  text = g_string_new (item->role_name ? item->role_name : _("A role no longer in the catalog"));
  if (due != NULL)
    /* Translators: "next due 15 January 2027" */
    g_string_append_printf (text, _(" · next due %s"), due);
  if (item->n_goals == 0)
    progress = g_strdup (_("No goals yet"));
  else
    progress = g_strdup_printf (ngettext ("%u of %u goal done", "%u of %u goals done", item->n_goals),
                                item->n_done, item->n_goals);

  gtk_label_set_text (title, item->title);
  gtk_label_set_text (subtitle, text->str);
  gtk_label_set_text (progress_label, progress);
  gtk_level_bar_set_value (bar, item->n_goals > 0 ? (double) item->n_done / item->n_goals : 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, progress, -1);
  /* The whole of what an ellipsis may have cut. */
  tooltip = g_strdup_printf ("%s\n%s · %s", item->title, text->str, progress);
  gtk_widget_set_tooltip_text (box, tooltip);
}

/* A row: title and "role · next due" on the left, each on one line (a
 * wrapping label costs a hundred times more to lay out, and a list shows
 * two hundred rows at once), progress in words and as a bar on the right. */
static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              VocPlansView             *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *progress = gtk_label_new (NULL);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);

  /* Blue while under way, green when every goal is done; a plan just begun
   * is not a warning. */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_add_offset_value (GTK_LEVEL_BAR (bar), "under-way", 0.999);

  gtk_widget_add_css_class (box, "plan-row");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "title");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "subtitle");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (box), texts);

  gtk_widget_add_css_class (progress, "subtitle");
  gtk_label_set_xalign (GTK_LABEL (progress), 1);
  gtk_level_bar_set_mode (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_MODE_CONTINUOUS);
  gtk_widget_set_size_request (bar, 96, -1);
  gtk_widget_set_halign (bar, GTK_ALIGN_END);
  gtk_widget_set_valign (side, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (side), progress);
  gtk_box_append (GTK_BOX (side), bar);
  gtk_box_append (GTK_BOX (box), side);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("go-next-symbolic"));

  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (box), "progress", progress);
  g_object_set_data (G_OBJECT (box), "bar", bar);
  gtk_list_item_set_child (list_item, box);
  g_hash_table_insert (self->rows, box, list_item);
}

static void
row_teardown_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 VocPlansView             *self)
{
  if (self->rows != NULL)
    g_hash_table_remove (self->rows, gtk_list_item_get_child (list_item));
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
  GtkListItem *list_item = NULL;
  VocPlanItem *item;

  while (row != NULL && gtk_widget_get_parent (row) != list_view)
    row = gtk_widget_get_parent (row);
  if (row != NULL)
    list_item = g_hash_table_lookup (self->rows, gtk_widget_get_first_child (row));
  if (list_item == NULL || (item = gtk_list_item_get_item (list_item)) == NULL)
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-plan", "x", item->id);
  return TRUE;
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             VocPlansView             *self)
{
  g_signal_connect_object (gtk_list_item_get_item (list_item), "notify::content",
                           G_CALLBACK (row_update), list_item, G_CONNECT_SWAPPED);
  row_update (list_item);
}

static void
row_unbind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               VocPlansView             *self)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (list_item), row_update, list_item);
}

static void
activate_cb (GtkListView  *list_view,
             guint         position,
             VocPlansView *self)
{
  g_autoptr (VocPlanItem) item = g_list_model_get_item (G_LIST_MODEL (self->plans), position);

  if (item != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-plan", "x", item->id);
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
  g_clear_pointer (&self->rows, g_hash_table_unref);
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
  GtkSelectionModel *selection;

  self->stale = TRUE;
  self->plans = g_list_store_new (VOC_TYPE_PLAN_ITEM);
  self->rows = g_hash_table_new (NULL, NULL);
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
  g_signal_connect (factory, "teardown", G_CALLBACK (row_teardown_cb), self);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->plans))));
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (selection, factory));
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
  if (store != NULL)
    g_signal_connect_object (store, "plans-changed", G_CALLBACK (plans_changed_cb), self, G_CONNECT_SWAPPED);
  /* Read when first shown: at start-up the window shows Roles. */
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

guint
voc_plans_view_get_n_plans (VocPlansView *self)
{
  g_return_val_if_fail (VOC_IS_PLANS_VIEW (self), 0);

  if (self->stale)
    refresh (self);
  return g_list_model_get_n_items (G_LIST_MODEL (self->plans)) + (self->rest ? self->rest->len : 0);
}
