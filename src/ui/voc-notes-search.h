/* voc-notes-search.h: every note, searched as you type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "voc-catalog.h"
#include "voc-store.h"

G_BEGIN_DECLS

#define VOC_TYPE_NOTES_SEARCH (voc_notes_search_get_type ())
G_DECLARE_FINAL_TYPE (VocNotesSearch, voc_notes_search, VOC, NOTES_SEARCH, AdwWindow)

/* A modal window over @parent. Opening a result activates win.show-role,
 * win.show-plan or win.show-goal on @parent, then closes the search. */
GtkWidget *voc_notes_search_new (GtkWindow  *parent,
                                 VocCatalog *catalog,
                                 VocStore   *store);

G_END_DECLS
