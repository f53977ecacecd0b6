/* voc-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "voc-catalog.h"
#include "voc-profile.h"

G_BEGIN_DECLS

#define VOC_TYPE_WINDOW (voc_window_get_type ())
G_DECLARE_FINAL_TYPE (VocWindow, voc_window, VOC, WINDOW, AdwApplicationWindow)

/* A window on @catalog and @profile (and its store, if it has one; if not,
 * @store_problem says why, and the window tells the user). */
VocWindow *voc_window_new       (GtkApplication *application,
                                 VocCatalog     *catalog,
                                 VocProfile     *profile,
                                 const char     *store_problem);
/* Saves what would be lost if the process ended now: notes being typed
 * and the window's size and state. Every way out calls it. */
void       voc_window_save      (VocWindow *self);
/* If the database was damaged at start, tells the user what was done. */
void       voc_window_report_recovery (VocWindow *self);
/* Opens the page of plan @plan_id; FALSE if there is no such plan. */
gboolean   voc_window_show_plan (VocWindow *self,
                                 gint64     plan_id);
/* Opens the role page of @role_id; FALSE if the catalog has no such role. */
gboolean   voc_window_show_role (VocWindow      *self,
                                 const char     *role_id);

/* What the Export and Import menu items do once a file is chosen, on a
 * thread: the outcome is shown in a toast (or, for a refused file, a
 * dialog), and ::transfer-finished tells whether it succeeded. */
void       voc_window_export_data (VocWindow      *self,
                                   GFile          *file);
void       voc_window_import_data (VocWindow      *self,
                                   GFile          *file,
                                   gboolean        replace);
/* Checks the whole file first, then asks whether to add or replace. */
void       voc_window_check_and_import_data (VocWindow *self,
                                             GFile     *file);

G_END_DECLS
