/* voc-skill.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VOC_TYPE_SKILL (voc_skill_get_type ())
G_DECLARE_FINAL_TYPE (VocSkill, voc_skill, VOC, SKILL, GObject)

VocSkill   *voc_skill_new             (const char *id,
                                       const char *name,
                                       const char *area_id,
                                       const char *area_name,
                                       const char *description);
const char *voc_skill_get_id          (VocSkill   *self);
/* Display strings are translated through the catalog's gettext domain. */
const char *voc_skill_get_name        (VocSkill   *self);
const char *voc_skill_get_area_id     (VocSkill   *self);
const char *voc_skill_get_area_name   (VocSkill   *self);
const char *voc_skill_get_description (VocSkill   *self);

G_END_DECLS
