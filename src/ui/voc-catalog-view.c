/* voc-catalog-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "voc-a11y.h"
#include "voc-catalog-view.h"
#include "voc-match.h"
#include "voc-role-card.h"

struct _VocCatalogView
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkStack           *stack;
  GtkGridView        *grid_view;
  AdwStatusPage      *empty_page;

  /* Owned */
  VocCatalog         *catalog;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  GtkSortListModel   *sorted;
  GtkCustomSorter    *match_sorter;
  VocProfile         *profile;
  GHashTable         *percents;   /* VocRole -> match % + 1, cleared on profile changes */
  GHashTable         *ranks;      /* VocRole -> VocRank + 2 for the query, cleared when it changes */
  gboolean            sort_by_match;
  char               *query;
  char               *family;
};

G_DEFINE_FINAL_TYPE (VocCatalogView, voc_catalog_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_QUERY,
  PROP_FAMILY,
  N_PROPS
};

enum {
  ROLE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* g_set_str() is GLib 2.76, newer than the floor. */
static gboolean
set_string (char       **dest,
            const char  *value)
{
  if (g_strcmp0 (*dest, value) == 0)
    return FALSE;
  g_free (*dest);
  *dest = g_strdup (value);
  return TRUE;
}

static VocRank
cached_rank (VocCatalogView *self,
             VocRole        *role)
{
  gpointer cached = g_hash_table_lookup (self->ranks, role);
  VocRank rank;

  if (cached != NULL)
    return (VocRank) (GPOINTER_TO_INT (cached) - 2);
  rank = voc_role_rank_query (role, self->query);
  g_hash_table_insert (self->ranks, role, GINT_TO_POINTER (rank + 2));
  return rank;
}

static gboolean
filter_role (gpointer item,
             gpointer user_data)
{
  VocCatalogView *self = user_data;
  VocRole *role = item;

  if (self->family != NULL && g_strcmp0 (voc_role_get_family (role), self->family) != 0)
    return FALSE;

  return cached_rank (self, role) != VOC_RANK_NONE;
}

static int
cached_percent (VocCatalogView *self,
                VocRole        *role)
{
  gpointer cached = g_hash_table_lookup (self->percents, role);
  g_autoptr (VocMatch) match = NULL;
  int percent;

  if (cached != NULL)
    return GPOINTER_TO_INT (cached) - 1;

  match = voc_match_compute (role, self->profile, VOC_MATCH_SCOPE_ALL);
  percent = voc_match_get_percent (match);
  g_hash_table_insert (self->percents, role, GINT_TO_POINTER (percent + 1));
  return percent;
}

static gboolean
has_query (VocCatalogView *self)
{
  return self->query != NULL && *self->query != '\0';
}

/* With a search, the best answers first (voc_catalog_search()'s order);
 * then, if asked, the best match; equal ones keep the catalog's order
 * (the sort is stable). */
static int
compare_cards (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  VocCatalogView *self = user_data;
  int pa, pb;

  if (has_query (self))
    {
      int by_rank = voc_catalog_compare_ranks (cached_rank (self, (VocRole *) a), cached_rank (self, (VocRole *) b));

      if (by_rank != 0)
        return by_rank < 0 ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
    }
  if (!self->sort_by_match || self->profile == NULL)
    return GTK_ORDERING_EQUAL;
  pa = cached_percent (self, (VocRole *) a);
  pb = cached_percent (self, (VocRole *) b);
  return pa > pb ? GTK_ORDERING_SMALLER : pa < pb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* Sorting costs nothing when nothing asks for it. */
static void
update_sorter (VocCatalogView *self)
{
  GtkSorter *wanted = has_query (self) || self->sort_by_match ? GTK_SORTER (self->match_sorter) : NULL;

  if (gtk_sort_list_model_get_sorter (self->sorted) != wanted)
    gtk_sort_list_model_set_sorter (self->sorted, wanted);
  else if (wanted != NULL)
    gtk_sorter_changed (wanted, GTK_SORTER_CHANGE_DIFFERENT);
}

static void
profile_changed_cb (VocCatalogView *self)
{
  g_hash_table_remove_all (self->percents);
  if (self->sort_by_match)
    gtk_sorter_changed (GTK_SORTER (self->match_sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

static void
update_empty_state (VocCatalogView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  /* The large icon is an SVG: load it when first needed, not at start-up. */
  if (n == 0 && self->catalog != NULL && adw_status_page_get_icon_name (self->empty_page) == NULL)
    adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "grid" : "empty");
}

static void
items_changed_cb (VocCatalogView *self)
{
  update_empty_state (self);
}

static void
refilter (VocCatalogView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
grid_activate_cb (VocCatalogView *self,
                  guint           position)
{
  g_autoptr (VocRole) role = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (role != NULL)
    g_signal_emit (self, signals[ROLE_ACTIVATED], 0, role);
}

static void
setup_card_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               VocCatalogView           *self)
{
  GtkWidget *card = voc_role_card_new ();

  voc_role_card_set_profile (VOC_ROLE_CARD (card), self->profile);
  gtk_list_item_set_child (item, card);
}

static void
bind_card_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  VocRoleCard *card = VOC_ROLE_CARD (gtk_list_item_get_child (item));

  voc_role_card_set_role (card, gtk_list_item_get_item (item));
}

static void
unbind_card_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  voc_role_card_set_role (VOC_ROLE_CARD (gtk_list_item_get_child (item)), NULL);
}

static void
voc_catalog_view_dispose (GObject *object)
{
  VocCatalogView *self = VOC_CATALOG_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VOC_TYPE_CATALOG_VIEW);
  g_clear_object (&self->sorted);
  g_clear_pointer (&self->ranks, g_hash_table_unref);
  g_clear_object (&self->match_sorter);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->profile);
  g_clear_pointer (&self->percents, g_hash_table_unref);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (voc_catalog_view_parent_class)->dispose (object);
}

static void
voc_catalog_view_finalize (GObject *object)
{
  VocCatalogView *self = VOC_CATALOG_VIEW (object);

  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->family, g_free);

  G_OBJECT_CLASS (voc_catalog_view_parent_class)->finalize (object);
}

static void
voc_catalog_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VocCatalogView *self = VOC_CATALOG_VIEW (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;
    case PROP_FAMILY:
      g_value_set_string (value, self->family);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
voc_catalog_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  VocCatalogView *self = VOC_CATALOG_VIEW (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      voc_catalog_view_set_catalog (self, g_value_get_object (value));
      break;
    case PROP_QUERY:
      voc_catalog_view_set_query (self, g_value_get_string (value));
      break;
    case PROP_FAMILY:
      voc_catalog_view_set_family (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
voc_catalog_view_class_init (VocCatalogViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = voc_catalog_view_dispose;
  object_class->finalize = voc_catalog_view_finalize;
  object_class->get_property = voc_catalog_view_get_property;
  object_class->set_property = voc_catalog_view_set_property;

  properties[PROP_CATALOG] = g_param_spec_object ("catalog", NULL, NULL, VOC_TYPE_CATALOG, flags);
  properties[PROP_QUERY] = g_param_spec_string ("query", NULL, NULL, NULL, flags);
  properties[PROP_FAMILY] = g_param_spec_string ("family", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ROLE_ACTIVATED] =
    g_signal_new ("role-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, VOC_TYPE_ROLE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/voc-catalog-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VocCatalogView, stack);
  gtk_widget_class_bind_template_child (widget_class, VocCatalogView, grid_view);
  gtk_widget_class_bind_template_child (widget_class, VocCatalogView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, grid_activate_cb);
}

static void
voc_catalog_view_init (VocCatalogView *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_role, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (items_changed_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_card_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_card_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_card_cb), NULL);
  gtk_grid_view_set_factory (self->grid_view, factory);
  g_object_unref (factory);

  self->percents = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->ranks = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->match_sorter = gtk_custom_sorter_new (compare_cards, self, NULL);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)), NULL);
  gtk_grid_view_set_model (self->grid_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)))));
  voc_a11y_follow_stack (self->stack);
  update_empty_state (self);
}

VocCatalog *
voc_catalog_view_get_catalog (VocCatalogView *self)
{
  g_return_val_if_fail (VOC_IS_CATALOG_VIEW (self), NULL);

  return self->catalog;
}

void
voc_catalog_view_set_catalog (VocCatalogView *self,
                              VocCatalog     *catalog)
{
  g_return_if_fail (VOC_IS_CATALOG_VIEW (self));
  g_return_if_fail (catalog == NULL || VOC_IS_CATALOG (catalog));

  if (!g_set_object (&self->catalog, catalog))
    return;

  /* Cached by role, and these roles are others. */
  g_hash_table_remove_all (self->ranks);
  g_hash_table_remove_all (self->percents);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (catalog));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

const char *
voc_catalog_view_get_query (VocCatalogView *self)
{
  g_return_val_if_fail (VOC_IS_CATALOG_VIEW (self), NULL);

  return self->query;
}

void
voc_catalog_view_set_query (VocCatalogView *self,
                            const char     *query)
{
  g_return_if_fail (VOC_IS_CATALOG_VIEW (self));

  if (set_string (&self->query, query))
    {
      g_hash_table_remove_all (self->ranks);
      refilter (self);
      update_sorter (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
    }
}

const char *
voc_catalog_view_get_family (VocCatalogView *self)
{
  g_return_val_if_fail (VOC_IS_CATALOG_VIEW (self), NULL);

  return self->family;
}

void
voc_catalog_view_set_family (VocCatalogView *self,
                             const char     *family)
{
  g_return_if_fail (VOC_IS_CATALOG_VIEW (self));

  if (set_string (&self->family, family))
    {
      refilter (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY]);
    }
}

GListModel *
voc_catalog_view_get_visible (VocCatalogView *self)
{
  g_return_val_if_fail (VOC_IS_CATALOG_VIEW (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

void
voc_catalog_view_set_profile (VocCatalogView *self,
                              VocProfile     *profile)
{
  g_return_if_fail (VOC_IS_CATALOG_VIEW (self));
  g_return_if_fail (VOC_IS_PROFILE (profile));
  g_return_if_fail (self->profile == NULL);

  self->profile = g_object_ref (profile);
  g_signal_connect_object (profile, "changed", G_CALLBACK (profile_changed_cb), self, G_CONNECT_SWAPPED);
}

void
voc_catalog_view_set_sort_by_match (VocCatalogView *self,
                                    gboolean        sort_by_match)
{
  g_return_if_fail (VOC_IS_CATALOG_VIEW (self));

  self->sort_by_match = sort_by_match;
  update_sorter (self);
}

void
voc_catalog_view_focus_first (VocCatalogView *self)
{
  g_return_if_fail (VOC_IS_CATALOG_VIEW (self));

  /* The grid gives the focus to the card it last had, or the first. */
  gtk_widget_grab_focus (GTK_WIDGET (self->grid_view));
}
