/* voc-plan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "voc-goal.h"
#include "voc-model-sync.h"
#include "voc-plan.h"

struct _VocPlan
{
  GObject parent_instance;

  gint64      id;
  char       *role_id;
  char       *title;
  char       *target_date;
  char       *next_due;
  guint       n_goals;
  guint       n_done;
  GListStore *goals;
};

G_DEFINE_FINAL_TYPE (VocPlan, voc_plan, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_ROLE_ID,
  PROP_TITLE,
  PROP_TARGET_DATE,
  PROP_NEXT_DUE,
  PROP_N_GOALS,
  PROP_N_DONE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
voc_plan_finalize (GObject *object)
{
  VocPlan *self = VOC_PLAN (object);

  g_free (self->role_id);
  g_free (self->title);
  g_free (self->target_date);
  g_free (self->next_due);
  g_clear_object (&self->goals);
  G_OBJECT_CLASS (voc_plan_parent_class)->finalize (object);
}

static void
voc_plan_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  VocPlan *self = VOC_PLAN (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ROLE_ID:
      g_value_set_string (value, self->role_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_TARGET_DATE:
      g_value_set_string (value, self->target_date);
      break;
    case PROP_NEXT_DUE:
      g_value_set_string (value, self->next_due);
      break;
    case PROP_N_GOALS:
      g_value_set_uint (value, self->n_goals);
      break;
    case PROP_N_DONE:
      g_value_set_uint (value, self->n_done);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
voc_plan_class_init (VocPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = voc_plan_finalize;
  object_class->get_property = voc_plan_get_property;
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ROLE_ID] = g_param_spec_string ("role-id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_TARGET_DATE] = g_param_spec_string ("target-date", NULL, NULL, NULL, flags);
  properties[PROP_NEXT_DUE] = g_param_spec_string ("next-due", NULL, NULL, NULL, flags);
  properties[PROP_N_GOALS] = g_param_spec_uint ("n-goals", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_DONE] = g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
voc_plan_init (VocPlan *self)
{
  self->goals = g_list_store_new (VOC_TYPE_GOAL);
}

VocPlan *
voc_plan_new (const VocPlanInfo *info)
{
  VocPlan *self = g_object_new (VOC_TYPE_PLAN, NULL);

  g_return_val_if_fail (info != NULL, self);

  self->id = info->id;
  voc_plan_update (self, info);
  return self;
}

#define SET_STR(field, prop)                                              \
  G_STMT_START {                                                          \
    if (voc_set_str (&self->field, info->field))                          \
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);       \
  } G_STMT_END
#define SET_NUMBER(field, prop)                                           \
  G_STMT_START {                                                          \
    if (self->field != info->field)                                       \
      {                                                                   \
        self->field = info->field;                                        \
        g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);     \
      }                                                                   \
  } G_STMT_END

void
voc_plan_update (VocPlan           *self,
                 const VocPlanInfo *info)
{
  g_return_if_fail (VOC_IS_PLAN (self));
  g_return_if_fail (info != NULL && info->id == self->id);

  g_object_freeze_notify (G_OBJECT (self));
  SET_STR (role_id, PROP_ROLE_ID);
  SET_STR (title, PROP_TITLE);
  SET_STR (target_date, PROP_TARGET_DATE);
  SET_STR (next_due, PROP_NEXT_DUE);
  SET_NUMBER (n_goals, PROP_N_GOALS);
  SET_NUMBER (n_done, PROP_N_DONE);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
voc_plan_get_id (VocPlan *self)
{
  g_return_val_if_fail (VOC_IS_PLAN (self), 0);
  return self->id;
}

const char *
voc_plan_get_role_id (VocPlan *self)
{
  g_return_val_if_fail (VOC_IS_PLAN (self), NULL);
  return self->role_id;
}

const char *
voc_plan_get_title (VocPlan *self)
{
  g_return_val_if_fail (VOC_IS_PLAN (self), NULL);
  return self->title;
}

const char *
voc_plan_get_target_date (VocPlan *self)
{
  g_return_val_if_fail (VOC_IS_PLAN (self), NULL);
  return self->target_date;
}

guint
voc_plan_get_n_goals (VocPlan *self)
{
  g_return_val_if_fail (VOC_IS_PLAN (self), 0);
  return self->n_goals;
}

guint
voc_plan_get_n_done (VocPlan *self)
{
  g_return_val_if_fail (VOC_IS_PLAN (self), 0);
  return self->n_done;
}

const char *
voc_plan_get_next_due (VocPlan *self)
{
  g_return_val_if_fail (VOC_IS_PLAN (self), NULL);
  return self->next_due;
}

GListModel *
voc_plan_get_goals (VocPlan *self)
{
  g_return_val_if_fail (VOC_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->goals);
}

static gint64
goal_info_id (gconstpointer info)
{
  return ((const VocGoalInfo *) info)->id;
}

static gint64
goal_id (gpointer object)
{
  return voc_goal_get_id (object);
}

static gpointer
goal_create (gconstpointer info)
{
  return voc_goal_new (info);
}

static void
goal_update (gpointer      object,
             gconstpointer info)
{
  voc_goal_update (object, info);
}

static const VocSyncFuncs goal_funcs = { goal_info_id, goal_id, goal_create, goal_update };

gboolean
voc_plan_load (VocPlan   *self,
               VocStore  *store,
               GError   **error)
{
  g_autoptr (VocPlanInfo) info = NULL;
  g_autoptr (GPtrArray) goals = NULL;
  guint n;

  g_return_val_if_fail (VOC_IS_PLAN (self), FALSE);
  g_return_val_if_fail (VOC_IS_STORE (store), FALSE);

  if (!(info = voc_store_get_plan (store, self->id, error)))
    return FALSE;
  if (!(goals = voc_store_list_goals (store, self->id, error)))
    return FALSE;
  voc_plan_update (self, info);
  voc_list_store_sync (self->goals, goals, &goal_funcs);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->goals));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (VocGoal) goal = g_list_model_get_item (G_LIST_MODEL (self->goals), i);

      if (voc_goal_get_steps_loaded (goal) && !voc_goal_load_steps (goal, store, error))
        return FALSE;
    }
  return TRUE;
}
