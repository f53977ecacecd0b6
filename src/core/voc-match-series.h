/* voc-match-series.h: a match as a radar chart's axes and series
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The role page's radar and the exported chart draw the same thing: an
 * axis per requirement in scope, the role's levels, yours, and perhaps a
 * third series (another role, or you on a past day).  This is that, once,
 * with the words a screen reader reads for each axis.
 */
#pragma once

#include "voc-match.h"

G_BEGIN_DECLS

typedef struct
{
  guint      n_axes;
  char     **labels;       /* translated requirement labels */
  gboolean  *excluded;     /* "not relevant to me": drawn apart */
  char     **captions;     /* "SQL: you Beginner (2), Data Engineer needs Expert (5)" */
  double    *need;         /* the role's levels */
  double    *you;          /* yours; 0 on excluded axes */
  double    *other;        /* the third series' levels, or NULL */
  char      *role_name;
  char      *other_name;   /* the third series' name, or NULL */
  char      *description;  /* the match, then every caption */
} VocMatchSeries;

/* The series of @match (computed for @role).  A third series comes from
 * @compare_role, or else from @past (your profile on a day), named
 * @other_name; both NULL for none. */
VocMatchSeries *voc_match_series_new  (const VocMatch *match,
                                       VocRole        *role,
                                       VocRole        *compare_role,
                                       VocProfile     *past,
                                       const char     *other_name);
void            voc_match_series_free (VocMatchSeries *series);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VocMatchSeries, voc_match_series_free)

G_END_DECLS
