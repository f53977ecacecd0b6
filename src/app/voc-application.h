/* voc-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "voc-catalog.h"

G_BEGIN_DECLS

#define VOC_TYPE_APPLICATION (voc_application_get_type ())
G_DECLARE_FINAL_TYPE (VocApplication, voc_application, VOC, APPLICATION, AdwApplication)

VocApplication *voc_application_new         (void);
VocCatalog     *voc_application_get_catalog (VocApplication *self);
void            voc_application_set_catalog (VocApplication *self,
                                             VocCatalog     *catalog);

G_END_DECLS
