/* voc-profile.h: the user's own level for each skill
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "voc-store.h"

G_BEGIN_DECLS

#define VOC_TYPE_PROFILE (voc_profile_get_type ())
G_DECLARE_FINAL_TYPE (VocProfile, voc_profile, VOC, PROFILE, GObject)

/* In memory only (tests, comparisons). */
VocProfile *voc_profile_new               (void);
/* The saved profile: every change is written to @store before it is shown. */
VocProfile *voc_profile_new_for_store     (VocStore    *store,
                                           GError     **error);
/* A read-only snapshot, e.g. the profile on a past date. */
VocProfile *voc_profile_new_from_ratings  (GPtrArray   *ratings);

VocStore   *voc_profile_get_store         (VocProfile  *self);
/* 0-5, or -1 when the skill is not rated. */
int         voc_profile_get_level         (VocProfile  *self,
                                           const char  *skill_id);
/* FALSE when the user marked the skill "not relevant to me". */
gboolean    voc_profile_is_relevant       (VocProfile  *self,
                                           const char  *skill_id);
/* Saves first (when there is a store), then updates and emits ::changed.
 * @level is 0-5 or -1 to clear. */
gboolean    voc_profile_set_rating        (VocProfile  *self,
                                           const char  *skill_id,
                                           int          level,
                                           gboolean     relevant,
                                           GError     **error);
/* Reads the store again (after an import) and emits ::changed for each
 * skill whose rating differs. */
gboolean    voc_profile_reload            (VocProfile  *self,
                                           GError     **error);
/* Skills with a level that are relevant. */
guint       voc_profile_get_n_rated       (VocProfile  *self);

G_END_DECLS
