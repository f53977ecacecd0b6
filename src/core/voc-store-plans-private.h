/* voc-store-plans-private.h: what the plans' store files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "voc-store-plans.h"
#include "voc-store-private.h"

G_BEGIN_DECLS

struct _VocPlanCopy
{
  VocPlanInfo *plan;
  GPtrArray   *goals; /* VocGoalInfo */
  GPtrArray   *steps; /* VocStepInfo, of every goal */
  GPtrArray   *notes; /* VocNote, of the plan and its goals */
};

/* Every change to plans ends here: commits and tells the views
 * (::plans-changed), or rolls back.  @ok is whether the changes worked. */
gboolean   _voc_store_plans_commit  (VocStore      *self,
                                     gboolean       ok,
                                     GError       **error);
/* Steps @stmt (id, goal_id, text, url, done, position) to its end and
 * finalizes it; VocStepInfo, or NULL on an error. */
GPtrArray *_voc_store_collect_steps (VocStore      *self,
                                     sqlite3_stmt  *stmt,
                                     GError       **error);

G_END_DECLS
