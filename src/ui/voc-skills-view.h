/* voc-skills-view.h: My Skills, where the user rates every skill once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "voc-catalog.h"
#include "voc-profile.h"

G_BEGIN_DECLS

#define VOC_TYPE_SKILLS_VIEW (voc_skills_view_get_type ())
G_DECLARE_FINAL_TYPE (VocSkillsView, voc_skills_view, VOC, SKILLS_VIEW, GtkWidget)

void voc_skills_view_set_data     (VocSkillsView *self,
                                   VocCatalog    *catalog,
                                   VocProfile    *profile);
/* Builds the rows now rather than on first show (tests, screenshots). */
void voc_skills_view_ensure_rows  (VocSkillsView *self);
/* The level selector of @skill_id: position 0 "Not Rated", 1-6 levels 0-5,
 * 7 "Not Relevant to Me". */
GtkDropDown *voc_skills_view_get_selector (VocSkillsView *self,
                                           const char    *skill_id);

G_END_DECLS
