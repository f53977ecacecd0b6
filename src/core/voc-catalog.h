/* voc-catalog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "voc-role.h"
#include "voc-skill.h"

G_BEGIN_DECLS

#define VOC_CATALOG_ERROR (voc_catalog_error_quark ())

typedef enum
{
  VOC_CATALOG_ERROR_INVALID,   /* the message lists every problem, one per line */
  VOC_CATALOG_ERROR_TOO_LARGE,
  VOC_CATALOG_ERROR_READ,
} VocCatalogError;

#define VOC_CATALOG_FORMAT_VERSION 1
#define VOC_CATALOG_MAX_SIZE       (64 * 1024 * 1024)
#define VOC_CATALOG_MAX_PROBLEMS   200

#define VOC_TYPE_CATALOG (voc_catalog_get_type ())
G_DECLARE_FINAL_TYPE (VocCatalog, voc_catalog, VOC, CATALOG, GObject)

GQuark      voc_catalog_error_quark         (void);

/* The catalog shipped in the GResource. */
VocCatalog *voc_catalog_new_default         (GError      **error);
VocCatalog *voc_catalog_new_from_file       (GFile        *file,
                                             GError      **error);
/* @display_name names the source in messages, e.g. "roles.json". */
VocCatalog *voc_catalog_new_from_bytes      (GBytes       *bytes,
                                             const char   *display_name,
                                             GError      **error);
/* Every problem with the file, one sentence each; empty when it is valid. */
GPtrArray  *voc_catalog_check_file          (GFile        *file);

VocRole    *voc_catalog_lookup_role         (VocCatalog   *self,
                                             const char   *id);
VocSkill   *voc_catalog_lookup_skill        (VocCatalog   *self,
                                             const char   *id);
/* Of VocSkill, in catalog order. */
GListModel *voc_catalog_get_skills          (VocCatalog   *self);
/* The ids of every skill, as a set (keys only, borrowed from the catalog). */
GHashTable *voc_catalog_dup_skill_ids       (VocCatalog   *self);
/* The roles that answer @query, best first (see voc_role_rank_query());
 * equally good ones in catalog order. Of VocRole. */
GPtrArray  *voc_catalog_search              (VocCatalog   *self,
                                             const char   *query);
/* Orders @a before @b for @query as voc_catalog_search() does: -1, 0, 1. */
int         voc_catalog_compare_ranks       (VocRank       a,
                                             VocRank       b);
/* Translated family names, in order of first appearance. */
GPtrArray  *voc_catalog_get_families        (VocCatalog   *self);
guint       voc_catalog_get_n_areas         (VocCatalog   *self);
const char *voc_catalog_get_area_name       (VocCatalog   *self,
                                             const char   *area_id);

G_END_DECLS
