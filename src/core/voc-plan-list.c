/* voc-plan-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "voc-model-sync.h"
#include "voc-plan-list.h"

struct _VocPlanList
{
  GObject parent_instance;

  VocStore   *store;
  GListStore *plans;
  GPtrArray  *waiting;   /* VocPlans read but not yet in the list */
  gboolean    stale;
};

static void voc_plan_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VocPlanList, voc_plan_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, voc_plan_list_model_init))

enum { PROP_0, PROP_STALE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static GType
voc_plan_list_get_item_type (GListModel *model)
{
  return VOC_TYPE_PLAN;
}

static guint
voc_plan_list_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (VOC_PLAN_LIST (model)->plans));
}

static gpointer
voc_plan_list_get_item (GListModel *model,
                        guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (VOC_PLAN_LIST (model)->plans), position);
}

static void
voc_plan_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = voc_plan_list_get_item_type;
  iface->get_n_items = voc_plan_list_get_n_items;
  iface->get_item = voc_plan_list_get_item;
}

static void
set_stale (VocPlanList *self,
           gboolean     stale)
{
  if (self->stale == stale)
    return;
  self->stale = stale;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STALE]);
}

static void
plans_changed_cb (VocPlanList *self)
{
  set_stale (self, TRUE);
}

static void
items_changed_cb (VocPlanList *self,
                  guint        position,
                  guint        removed,
                  guint        added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
voc_plan_list_dispose (GObject *object)
{
  VocPlanList *self = VOC_PLAN_LIST (object);

  if (self->plans != NULL)
    g_signal_handlers_disconnect_by_data (self->plans, self);
  g_clear_object (&self->plans);
  g_clear_pointer (&self->waiting, g_ptr_array_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (voc_plan_list_parent_class)->dispose (object);
}

static void
voc_plan_list_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_STALE:
      g_value_set_boolean (value, VOC_PLAN_LIST (object)->stale);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
voc_plan_list_class_init (VocPlanListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = voc_plan_list_dispose;
  object_class->get_property = voc_plan_list_get_property;
  properties[PROP_STALE] = g_param_spec_boolean ("stale", NULL, NULL, TRUE,
                                                 G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
voc_plan_list_init (VocPlanList *self)
{
  self->stale = TRUE;
  self->plans = g_list_store_new (VOC_TYPE_PLAN);
  g_signal_connect_swapped (self->plans, "items-changed", G_CALLBACK (items_changed_cb), self);
}

VocPlanList *
voc_plan_list_new (VocStore *store)
{
  VocPlanList *self = g_object_new (VOC_TYPE_PLAN_LIST, NULL);

  g_return_val_if_fail (store == NULL || VOC_IS_STORE (store), self);

  if (store != NULL)
    {
      self->store = g_object_ref (store);
      g_signal_connect_object (store, "plans-changed", G_CALLBACK (plans_changed_cb), self, G_CONNECT_SWAPPED);
    }
  return self;
}

gboolean
voc_plan_list_get_stale (VocPlanList *self)
{
  g_return_val_if_fail (VOC_IS_PLAN_LIST (self), FALSE);
  return self->stale;
}

static gint64
plan_info_id (gconstpointer info)
{
  return ((const VocPlanInfo *) info)->id;
}

static gint64
plan_id (gpointer object)
{
  return voc_plan_get_id (object);
}

static gpointer
plan_create (gconstpointer info)
{
  return voc_plan_new (info);
}

static void
plan_update (gpointer      object,
             gconstpointer info)
{
  voc_plan_update (object, info);
}

static const VocSyncFuncs plan_funcs = { plan_info_id, plan_id, plan_create, plan_update };

gboolean
voc_plan_list_refresh (VocPlanList  *self,
                       guint         first_batch,
                       GError      **error)
{
  g_autoptr (GPtrArray) plans = NULL;

  g_return_val_if_fail (VOC_IS_PLAN_LIST (self), FALSE);

  g_clear_pointer (&self->waiting, g_ptr_array_unref);
  if (self->store == NULL)
    {
      set_stale (self, FALSE);
      return TRUE;
    }
  if (!(plans = voc_store_list_plans (self->store, error)))
    return FALSE;
  set_stale (self, FALSE);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->plans)) == 0 && first_batch > 0 && plans->len > first_batch)
    {
      g_autoptr (GPtrArray) first = g_ptr_array_new_with_free_func (g_object_unref);

      self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < plans->len; i++)
        g_ptr_array_add (i < first_batch ? first : self->waiting, voc_plan_new (g_ptr_array_index (plans, i)));
      g_list_store_splice (self->plans, 0, 0, first->pdata, first->len);
      return TRUE;
    }
  voc_list_store_sync (self->plans, plans, &plan_funcs);
  return TRUE;
}

guint
voc_plan_list_add_waiting (VocPlanList *self,
                           guint        n)
{
  guint take;

  g_return_val_if_fail (VOC_IS_PLAN_LIST (self), 0);

  if (self->waiting == NULL)
    return 0;
  take = MIN (n, self->waiting->len);
  g_list_store_splice (self->plans, g_list_model_get_n_items (G_LIST_MODEL (self->plans)), 0,
                       self->waiting->pdata, take);
  g_ptr_array_remove_range (self->waiting, 0, take);
  if (self->waiting->len > 0)
    return self->waiting->len;
  g_clear_pointer (&self->waiting, g_ptr_array_unref);
  return 0;
}

guint
voc_plan_list_get_n_plans (VocPlanList *self)
{
  g_return_val_if_fail (VOC_IS_PLAN_LIST (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->plans)) + (self->waiting ? self->waiting->len : 0);
}
