/* voc-plans-view.h: the Plans view, every plan with its progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "voc-catalog.h"
#include "voc-store.h"

G_BEGIN_DECLS

#define VOC_TYPE_PLANS_VIEW (voc_plans_view_get_type ())
G_DECLARE_FINAL_TYPE (VocPlansView, voc_plans_view, VOC, PLANS_VIEW, GtkWidget)

/* @store may be NULL when the data folder could not be opened. */
void  voc_plans_view_set_data    (VocPlansView *self,
                                  VocCatalog   *catalog,
                                  VocStore     *store);
guint voc_plans_view_get_n_plans (VocPlansView *self);

G_END_DECLS
