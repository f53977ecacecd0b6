/* voc-role.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "voc-level.h"
#include "voc-skill.h"

G_BEGIN_DECLS

typedef enum
{
  VOC_SKILL_KIND_TECHNICAL,
  VOC_SKILL_KIND_SOFT,
} VocSkillKind;

/* Read-only once the catalog is loaded; owned by the role. */
typedef struct
{
  VocSkill      *skill;
  GPtrArray     *alternatives; /* of VocSkill: other skills that satisfy it */
  char          *label;        /* the seed's name for the item */
  VocLevel       level;
  char          *qualifier;    /* the seed's words for the level, or NULL */
  gboolean       optional;
  char         **details;      /* every tool, technique and example */
  VocSkillKind   kind;
  char          *note;         /* why the catalog reads the seed so, or NULL */
} VocRequirement;

typedef struct
{
  char         *title;
  VocSkillKind  kind;
  GPtrArray    *requirements; /* of VocRequirement */
} VocRequirementGroup;

#define VOC_TYPE_ROLE (voc_role_get_type ())
G_DECLARE_FINAL_TYPE (VocRole, voc_role, VOC, ROLE, GObject)

VocRole                   *voc_role_new                  (const char           *id,
                                                          const char           *name,
                                                          const char           *family,
                                                          const char           *tagline,
                                                          const char           *summary);
const char                *voc_role_get_id               (VocRole              *self);
const char                *voc_role_get_name             (VocRole              *self);
const char                *voc_role_get_family           (VocRole              *self);
const char                *voc_role_get_tagline          (VocRole              *self);
const char                *voc_role_get_summary          (VocRole              *self);
guint                      voc_role_get_n_groups         (VocRole              *self);
const VocRequirementGroup *voc_role_get_group            (VocRole              *self,
                                                          guint                 index);
guint                      voc_role_get_n_requirements   (VocRole              *self);
/* Skill names of the technical requirements the role expects most of,
 * highest level first, in catalog order within a level. */
GPtrArray                 *voc_role_get_key_skills       (VocRole              *self,
                                                          guint                 max);
/* How well a role answers a search, best first. */
typedef enum
{
  VOC_RANK_NAME,         /* the whole name: "data engineer" */
  VOC_RANK_NAME_PREFIX,  /* the start of the name: "mlops" */
  VOC_RANK_NAME_WORDS,   /* the start of its words, or in it: "eng data" */
  VOC_RANK_SKILLS,       /* a skill, requirement or group it names: "kafka" */
  VOC_RANK_ANYWHERE,     /* its summary, family or details */
  VOC_RANK_NONE = -1,
} VocRank;

/* Where every word of @query occurs, ignoring case and accents; the best
 * place that holds them all. */
VocRank                    voc_role_rank_query           (VocRole              *self,
                                                          const char           *query);
/* TRUE when every word of @query occurs somewhere in the role. */
gboolean                   voc_role_matches_query        (VocRole              *self,
                                                          const char           *query);

void                       voc_role_add_group            (VocRole              *self,
                                                          VocRequirementGroup  *group);

VocRequirementGroup       *voc_requirement_group_new     (const char           *title,
                                                          VocSkillKind          kind);
void                       voc_requirement_group_free    (VocRequirementGroup  *group);
VocRequirement            *voc_requirement_new           (VocSkill             *skill,
                                                          const char           *label,
                                                          VocLevel              level,
                                                          const char           *qualifier,
                                                          gboolean              optional,
                                                          char                **details);
void                       voc_requirement_free          (VocRequirement       *requirement);

/* A search key: case-folded and stripped of accents, so "Resume" finds "Résumé". */
char                      *voc_search_key                (const char           *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VocRequirementGroup, voc_requirement_group_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VocRequirement, voc_requirement_free)

G_END_DECLS
