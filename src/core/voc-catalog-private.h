/* voc-catalog-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "voc-catalog.h"

G_BEGIN_DECLS

typedef struct
{
  char *id;
  char *name;
} VocArea;

struct _VocCatalog
{
  GObject parent_instance;

  GPtrArray  *roles;          /* of VocRole */
  GHashTable *roles_by_id;    /* borrowed VocRole */
  GListStore *skills;         /* of VocSkill */
  GHashTable *skills_by_id;   /* borrowed VocSkill */
  GPtrArray  *areas;          /* of VocArea */
  GPtrArray  *families;       /* of untranslated char * */
};

VocCatalog *_voc_catalog_new     (void);
void        _voc_catalog_add_role (VocCatalog *self,
                                   VocRole    *role,
                                   const char *family);
void        _voc_area_free        (VocArea    *area);

/* Validates @data and, when it has no problem, fills @catalog.
 * Every problem is appended to @problems; returns TRUE when there were none. */
gboolean    _voc_catalog_load     (VocCatalog *catalog,
                                   const char *data,
                                   gsize       length,
                                   const char *display_name,
                                   GPtrArray  *problems);

G_END_DECLS
