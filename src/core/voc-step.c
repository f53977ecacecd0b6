/* voc-step.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "voc-model-sync.h"
#include "voc-step.h"

struct _VocStep
{
  GObject parent_instance;

  gint64    id;
  char     *text;
  char     *url;
  gboolean  done;
};

G_DEFINE_FINAL_TYPE (VocStep, voc_step, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, PROP_TEXT, PROP_URL, PROP_DONE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
voc_step_finalize (GObject *object)
{
  VocStep *self = VOC_STEP (object);

  g_free (self->text);
  g_free (self->url);
  G_OBJECT_CLASS (voc_step_parent_class)->finalize (object);
}

static void
voc_step_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  VocStep *self = VOC_STEP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_DONE:
      g_value_set_boolean (value, self->done);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
voc_step_class_init (VocStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = voc_step_finalize;
  object_class->get_property = voc_step_get_property;
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL,
                                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DONE] = g_param_spec_boolean ("done", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
voc_step_init (VocStep *self)
{
}

VocStep *
voc_step_new (const VocStepInfo *info)
{
  VocStep *self = g_object_new (VOC_TYPE_STEP, NULL);

  g_return_val_if_fail (info != NULL, self);

  self->id = info->id;
  voc_step_update (self, info);
  return self;
}

void
voc_step_update (VocStep           *self,
                 const VocStepInfo *info)
{
  g_return_if_fail (VOC_IS_STEP (self));
  g_return_if_fail (info != NULL && info->id == self->id);

  g_object_freeze_notify (G_OBJECT (self));
  if (voc_set_str (&self->text, info->text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  if (voc_set_str (&self->url, info->url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
  if (self->done != !!info->done)
    {
      self->done = !!info->done;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
voc_step_get_id (VocStep *self)
{
  g_return_val_if_fail (VOC_IS_STEP (self), 0);
  return self->id;
}

const char *
voc_step_get_text (VocStep *self)
{
  g_return_val_if_fail (VOC_IS_STEP (self), NULL);
  return self->text;
}

const char *
voc_step_get_url (VocStep *self)
{
  g_return_val_if_fail (VOC_IS_STEP (self), NULL);
  return self->url;
}

gboolean
voc_step_get_done (VocStep *self)
{
  g_return_val_if_fail (VOC_IS_STEP (self), FALSE);
  return self->done;
}
