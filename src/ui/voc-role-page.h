/* voc-role-page.h: everything one role asks for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "voc-catalog.h"
#include "voc-profile.h"
#include "voc-role.h"

G_BEGIN_DECLS

#define VOC_TYPE_ROLE_PAGE (voc_role_page_get_type ())
G_DECLARE_FINAL_TYPE (VocRolePage, voc_role_page, VOC, ROLE_PAGE, GtkWidget)

/* The catalog (for "Compare with") and the profile the page compares. */
void     voc_role_page_set_context (VocRolePage *self,
                                    VocCatalog  *catalog,
                                    VocProfile  *profile);
VocRole *voc_role_page_get_role (VocRolePage *self);
void     voc_role_page_set_role (VocRolePage *self,
                                 VocRole     *role);

/* Writes the chart as shown (scope, comparison, hidden series) to @path
 * in the format its extension names, in the light style; @with_title
 * puts the role's name, the match and today's date above it. */
gboolean voc_role_page_export_chart (VocRolePage  *self,
                                     const char   *path,
                                     gboolean      with_title,
                                     GError      **error);

/* Puts the keyboard focus on the back button, the page's first control. */
void     voc_role_page_focus_start (VocRolePage *self);

G_END_DECLS
