/* voc-catalog-view.h: the Roles view, a grid of role cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "voc-catalog.h"
#include "voc-profile.h"

G_BEGIN_DECLS

#define VOC_TYPE_CATALOG_VIEW (voc_catalog_view_get_type ())
G_DECLARE_FINAL_TYPE (VocCatalogView, voc_catalog_view, VOC, CATALOG_VIEW, GtkWidget)

VocCatalog *voc_catalog_view_get_catalog   (VocCatalogView *self);
void        voc_catalog_view_set_catalog   (VocCatalogView *self,
                                            VocCatalog     *catalog);
const char *voc_catalog_view_get_query     (VocCatalogView *self);
void        voc_catalog_view_set_query     (VocCatalogView *self,
                                            const char     *query);
/* A translated family name, or NULL for every family. */
const char *voc_catalog_view_get_family    (VocCatalogView *self);
void        voc_catalog_view_set_family    (VocCatalogView *self,
                                            const char     *family);
/* The roles shown, in the order shown. */
GListModel *voc_catalog_view_get_visible   (VocCatalogView *self);
/* Set before the first card is made: cards show a small radar and the match. */
void        voc_catalog_view_set_profile   (VocCatalogView *self,
                                            VocProfile     *profile);
void        voc_catalog_view_set_sort_by_match (VocCatalogView *self,
                                            gboolean        sort_by_match);
void        voc_catalog_view_focus_first   (VocCatalogView *self);

G_END_DECLS
