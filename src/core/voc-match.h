/* voc-match.h: how well a profile (or another role) covers a role
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * match = Σ w·min(you, need) / Σ w·need over the role's requirements,
 * where w is 1 for a required item and 0.5 for an optional one, "you" is
 * the best of your levels for the skill and its alternatives (not rated
 * counts as 0), and skills you marked "not relevant" are left out.
 * gap = need − you where positive, ranked by w·gap.
 */
#pragma once

#include "voc-profile.h"
#include "voc-role.h"

G_BEGIN_DECLS

#define VOC_MATCH_WEIGHT_REQUIRED 1.0
#define VOC_MATCH_WEIGHT_OPTIONAL 0.5

typedef enum
{
  VOC_MATCH_SCOPE_ALL,
  VOC_MATCH_SCOPE_TECHNICAL,
  VOC_MATCH_SCOPE_SOFT,
} VocMatchScope;

typedef struct
{
  const VocRequirement *requirement; /* borrowed from the role */
  int                   you;         /* 0-5; not rated counts as 0 */
  gboolean              rated;
  int                   need;
  double                weight;
  gboolean              excluded;    /* "not relevant to me": not counted */
  int                   gap;         /* need − you, or 0 */
} VocMatchItem;

typedef struct
{
  VocRole   *role;
  GPtrArray *items;     /* of VocMatchItem, in the role's order */
  GPtrArray *gaps;      /* the items with a gap, largest w·gap first */
  double     achieved;  /* Σ w·min(you, need) */
  double     possible;  /* Σ w·need */
} VocMatch;

VocMatch *voc_match_compute         (VocRole       *role,
                                     VocProfile    *profile,
                                     VocMatchScope  scope);
void      voc_match_free            (VocMatch      *match);
/* 0-100, rounded; -1 when nothing can be counted. */
int       voc_match_get_percent     (const VocMatch *match);
/* The formula with this match's numbers, for "How is this computed?". */
char     *voc_match_explain         (const VocMatch *match);

/* What @role asks for the skill of @requirement (or one of its
 * alternatives), 0 when nothing: the compared role's series on a radar. */
int       voc_role_get_level_for    (VocRole              *role,
                                     const VocRequirement *requirement);
/* Your level for @requirement: the best of the skill and its alternatives,
 * 0 when not rated. */
int       voc_profile_get_level_for (VocProfile           *profile,
                                     const VocRequirement *requirement);

/* The same formula between two roles: how much of @to someone who has
 * exactly what @from asks for already brings, 0-100. */
int       voc_role_similarity       (VocRole       *from,
                                     VocRole       *to);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VocMatch, voc_match_free)

/* @percent as the user's language writes a percentage: "73%" in English,
 * "73 %" in French, "%73" in Turkish. */
char     *voc_format_percent           (int             percent);

/* What an exported chart says under its title: the match, over how many
 * skills of @scope, and the day @when (if set): "62% match over 9
 * technical skills · 4 December 2026". */
char     *voc_match_describe           (const VocMatch *match,
                                        VocMatchScope   scope,
                                        GDateTime      *when);

G_END_DECLS
