/* voc-role-text.h: plain-text views of the catalog for the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "voc-catalog.h"

G_BEGIN_DECLS

/* One line per role: id, name and family in aligned columns. */
char *voc_catalog_format_list (VocCatalog *catalog);
/* The whole breakdown of a role: summary, every group and requirement with
 * its level, the seed's words and every detail. */
char *voc_role_format_text    (VocRole    *role);

G_END_DECLS
