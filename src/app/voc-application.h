/* voc-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "voc-catalog.h"
#include "voc-profile.h"
#include "voc-window.h"

G_BEGIN_DECLS

#define VOC_TYPE_APPLICATION (voc_application_get_type ())
G_DECLARE_FINAL_TYPE (VocApplication, voc_application, VOC, APPLICATION, AdwApplication)

VocApplication *voc_application_new         (void);
VocCatalog     *voc_application_get_catalog (VocApplication *self);
void            voc_application_set_catalog (VocApplication *self,
                                             VocCatalog     *catalog);
/* The user's saved profile; in memory only if the database could not be
 * opened (voc_application_get_store_error() then says why). */
VocProfile     *voc_application_get_profile (VocApplication *self);
void            voc_application_set_profile (VocApplication *self,
                                             VocProfile     *profile);
const GError   *voc_application_get_store_error (VocApplication *self);
/* A new window on the application's catalog and profile. */
VocWindow      *voc_application_new_window      (VocApplication *self);

G_END_DECLS
