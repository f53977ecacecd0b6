/* voc-skill.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "voc-skill.h"

struct _VocSkill
{
  GObject parent_instance;

  char *id;
  char *name;
  char *area_id;
  char *area_name;
  char *description;
};

G_DEFINE_FINAL_TYPE (VocSkill, voc_skill, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_AREA_ID,
  PROP_AREA_NAME,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
voc_skill_finalize (GObject *object)
{
  VocSkill *self = VOC_SKILL (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->area_id, g_free);
  g_clear_pointer (&self->area_name, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (voc_skill_parent_class)->finalize (object);
}

static void
voc_skill_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  VocSkill *self = VOC_SKILL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, voc_skill_get_name (self));
      break;
    case PROP_AREA_ID:
      g_value_set_string (value, self->area_id);
      break;
    case PROP_AREA_NAME:
      g_value_set_string (value, voc_skill_get_area_name (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, voc_skill_get_description (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
voc_skill_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  VocSkill *self = VOC_SKILL (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_AREA_ID:
      self->area_id = g_value_dup_string (value);
      break;
    case PROP_AREA_NAME:
      self->area_name = g_value_dup_string (value);
      break;
    case PROP_DESCRIPTION:
      self->description = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
voc_skill_class_init (VocSkillClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = voc_skill_finalize;
  object_class->get_property = voc_skill_get_property;
  object_class->set_property = voc_skill_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_AREA_ID] = g_param_spec_string ("area-id", NULL, NULL, NULL, flags);
  properties[PROP_AREA_NAME] = g_param_spec_string ("area-name", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
voc_skill_init (VocSkill *self)
{
}

VocSkill *
voc_skill_new (const char *id,
               const char *name,
               const char *area_id,
               const char *area_name,
               const char *description)
{
  return g_object_new (VOC_TYPE_SKILL,
                       "id", id,
                       "name", name,
                       "area-id", area_id,
                       "area-name", area_name,
                       "description", description,
                       NULL);
}

const char *
voc_skill_get_id (VocSkill *self)
{
  g_return_val_if_fail (VOC_IS_SKILL (self), NULL);

  return self->id;
}

const char *
voc_skill_get_name (VocSkill *self)
{
  g_return_val_if_fail (VOC_IS_SKILL (self), NULL);

  return g_dgettext (GETTEXT_PACKAGE, self->name);
}

const char *
voc_skill_get_area_id (VocSkill *self)
{
  g_return_val_if_fail (VOC_IS_SKILL (self), NULL);

  return self->area_id;
}

const char *
voc_skill_get_area_name (VocSkill *self)
{
  g_return_val_if_fail (VOC_IS_SKILL (self), NULL);

  return g_dgettext (GETTEXT_PACKAGE, self->area_name);
}

const char *
voc_skill_get_description (VocSkill *self)
{
  g_return_val_if_fail (VOC_IS_SKILL (self), NULL);

  return self->description ? g_dgettext (GETTEXT_PACKAGE, self->description) : "";
}
