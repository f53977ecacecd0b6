/* voc-window-private.h: what the window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * voc-window.c           navigation, search, state, pages, deletions
 * voc-window-transfer.c  Export Data… and Import Data…, off the UI thread
 */
#pragma once

#include "voc-catalog.h"
#include "voc-profile.h"
#include "voc-window.h"

G_BEGIN_DECLS

VocStore   *_voc_window_get_store   (VocWindow  *self);
VocCatalog *_voc_window_get_catalog (VocWindow  *self);
VocProfile *_voc_window_get_profile (VocWindow  *self);
/* A toast, in its turn; with @button_label, a button for @action_name. */
void        _voc_window_toast       (VocWindow  *self,
                                     const char *text,
                                     const char *button_label,
                                     const char *action_name,
                                     GVariant   *target);
/* Saves what is being typed in every note. */
void        _voc_window_save_notes  (VocWindow  *self);
/* Back to the views: a page's notes are saved before its data changes. */
void        _voc_window_leave_pages (VocWindow  *self);
/* Emits ::transfer-finished. */
void        _voc_window_transfer_finished (VocWindow *self,
                                           gboolean   success);

/* voc-window-transfer.c */
void        _voc_window_choose_export (VocWindow *self);
void        _voc_window_choose_import (VocWindow *self);

G_END_DECLS
