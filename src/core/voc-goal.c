/* voc-goal.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "voc-goal.h"
#include "voc-level.h"
#include "voc-model-sync.h"
#include "voc-step.h"

struct _VocGoal
{
  GObject parent_instance;

  gint64         id;
  char          *skill_id;
  int            from_level;
  int            target_level;
  char          *due_date;
  VocGoalStatus  status;
  guint          position;
  guint          n_steps;
  guint          n_steps_done;
  GListStore    *steps;
  gboolean       steps_loaded;
};

G_DEFINE_FINAL_TYPE (VocGoal, voc_goal, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_SKILL_ID,
  PROP_FROM_LEVEL,
  PROP_TARGET_LEVEL,
  PROP_DUE_DATE,
  PROP_STATUS,
  PROP_POSITION,
  PROP_N_STEPS,
  PROP_N_STEPS_DONE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
voc_goal_finalize (GObject *object)
{
  VocGoal *self = VOC_GOAL (object);

  g_free (self->skill_id);
  g_free (self->due_date);
  g_clear_object (&self->steps);
  G_OBJECT_CLASS (voc_goal_parent_class)->finalize (object);
}

static void
voc_goal_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  VocGoal *self = VOC_GOAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_SKILL_ID:
      g_value_set_string (value, self->skill_id);
      break;
    case PROP_FROM_LEVEL:
      g_value_set_int (value, self->from_level);
      break;
    case PROP_TARGET_LEVEL:
      g_value_set_int (value, self->target_level);
      break;
    case PROP_DUE_DATE:
      g_value_set_string (value, self->due_date);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_N_STEPS:
      g_value_set_uint (value, self->n_steps);
      break;
    case PROP_N_STEPS_DONE:
      g_value_set_uint (value, self->n_steps_done);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
voc_goal_class_init (VocGoalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = voc_goal_finalize;
  object_class->get_property = voc_goal_get_property;
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_SKILL_ID] = g_param_spec_string ("skill-id", NULL, NULL, NULL, flags);
  properties[PROP_FROM_LEVEL] = g_param_spec_int ("from-level", NULL, NULL, 0, VOC_LEVEL_MAX, 0, flags);
  properties[PROP_TARGET_LEVEL] = g_param_spec_int ("target-level", NULL, NULL, 0, VOC_LEVEL_MAX, 0, flags);
  properties[PROP_DUE_DATE] = g_param_spec_string ("due-date", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, VOC_GOAL_NOT_STARTED, VOC_GOAL_DONE,
                                              VOC_GOAL_NOT_STARTED, flags);
  properties[PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_STEPS] = g_param_spec_uint ("n-steps", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_STEPS_DONE] = g_param_spec_uint ("n-steps-done", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
voc_goal_init (VocGoal *self)
{
  self->steps = g_list_store_new (VOC_TYPE_STEP);
}

VocGoal *
voc_goal_new (const VocGoalInfo *info)
{
  VocGoal *self = g_object_new (VOC_TYPE_GOAL, NULL);

  g_return_val_if_fail (info != NULL, self);

  self->id = info->id;
  voc_goal_update (self, info);
  return self;
}

#define SET_NUMBER(field, value, prop)                                   \
  G_STMT_START {                                                         \
    if (self->field != (value))                                          \
      {                                                                  \
        self->field = (value);                                           \
        g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);    \
      }                                                                  \
  } G_STMT_END

void
voc_goal_update (VocGoal           *self,
                 const VocGoalInfo *info)
{
  g_return_if_fail (VOC_IS_GOAL (self));
  g_return_if_fail (info != NULL && info->id == self->id);

  g_object_freeze_notify (G_OBJECT (self));
  if (voc_set_str (&self->skill_id, info->skill_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SKILL_ID]);
  if (voc_set_str (&self->due_date, info->due_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_DATE]);
  SET_NUMBER (from_level, CLAMP (info->from_level, 0, VOC_LEVEL_MAX), PROP_FROM_LEVEL);
  SET_NUMBER (target_level, CLAMP (info->target_level, 0, VOC_LEVEL_MAX), PROP_TARGET_LEVEL);
  SET_NUMBER (status, CLAMP (info->status, VOC_GOAL_NOT_STARTED, VOC_GOAL_DONE), PROP_STATUS);
  SET_NUMBER (position, (guint) MAX (info->position, 0), PROP_POSITION);
  SET_NUMBER (n_steps, info->n_steps, PROP_N_STEPS);
  SET_NUMBER (n_steps_done, info->n_steps_done, PROP_N_STEPS_DONE);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
voc_goal_get_id (VocGoal *self)
{
  g_return_val_if_fail (VOC_IS_GOAL (self), 0);
  return self->id;
}

const char *
voc_goal_get_skill_id (VocGoal *self)
{
  g_return_val_if_fail (VOC_IS_GOAL (self), NULL);
  return self->skill_id;
}

int
voc_goal_get_from_level (VocGoal *self)
{
  g_return_val_if_fail (VOC_IS_GOAL (self), 0);
  return self->from_level;
}

int
voc_goal_get_target_level (VocGoal *self)
{
  g_return_val_if_fail (VOC_IS_GOAL (self), 0);
  return self->target_level;
}

const char *
voc_goal_get_due_date (VocGoal *self)
{
  g_return_val_if_fail (VOC_IS_GOAL (self), NULL);
  return self->due_date;
}

VocGoalStatus
voc_goal_get_status (VocGoal *self)
{
  g_return_val_if_fail (VOC_IS_GOAL (self), VOC_GOAL_NOT_STARTED);
  return self->status;
}

guint
voc_goal_get_position (VocGoal *self)
{
  g_return_val_if_fail (VOC_IS_GOAL (self), 0);
  return self->position;
}

guint
voc_goal_get_n_steps (VocGoal *self)
{
  g_return_val_if_fail (VOC_IS_GOAL (self), 0);
  return self->n_steps;
}

guint
voc_goal_get_n_steps_done (VocGoal *self)
{
  g_return_val_if_fail (VOC_IS_GOAL (self), 0);
  return self->n_steps_done;
}

GListModel *
voc_goal_get_steps (VocGoal *self)
{
  g_return_val_if_fail (VOC_IS_GOAL (self), NULL);
  return G_LIST_MODEL (self->steps);
}

gboolean
voc_goal_get_steps_loaded (VocGoal *self)
{
  g_return_val_if_fail (VOC_IS_GOAL (self), FALSE);
  return self->steps_loaded;
}

static gint64
step_info_id (gconstpointer info)
{
  return ((const VocStepInfo *) info)->id;
}

static gint64
step_id (gpointer object)
{
  return voc_step_get_id (object);
}

static gpointer
step_create (gconstpointer info)
{
  return voc_step_new (info);
}

static void
step_update (gpointer      object,
             gconstpointer info)
{
  voc_step_update (object, info);
}

static const VocSyncFuncs step_funcs = { step_info_id, step_id, step_create, step_update };

gboolean
voc_goal_load_steps (VocGoal   *self,
                     VocStore  *store,
                     GError   **error)
{
  g_autoptr (GPtrArray) steps = NULL;

  g_return_val_if_fail (VOC_IS_GOAL (self), FALSE);
  g_return_val_if_fail (VOC_IS_STORE (store), FALSE);

  if (!(steps = voc_store_list_steps (store, self->id, error)))
    return FALSE;
  self->steps_loaded = TRUE;
  voc_list_store_sync (self->steps, steps, &step_funcs);
  return TRUE;
}
