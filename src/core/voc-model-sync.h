/* voc-model-sync.h: bringing a list of model objects up to date in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan models (VocPlan, VocGoal, VocStep) are read again from the
 * store after each change.  An object whose row is on screen stays the
 * same object and only its changed properties notify, so a row updates
 * in place, keeping its focus, and an edit relays out one row.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  gint64   (*info_id)   (gconstpointer info);
  gint64   (*object_id) (gpointer      object);
  gpointer (*create)    (gconstpointer info);   /* a new reference */
  void     (*update)    (gpointer      object,
                         gconstpointer info);
} VocSyncFuncs;

/* Makes @store hold one object per element of @infos, in their order.
 * Objects whose id is still there are kept, moved if need be, and
 * updated; the others are made.  The store changes in one splice, of the
 * part between the longest unchanged start and end, or not at all. */
void     voc_list_store_sync (GListStore         *store,
                              GPtrArray          *infos,
                              const VocSyncFuncs *funcs);

/* Sets *@field to a copy of @value; TRUE if that changed it. */
gboolean voc_set_str         (char              **field,
                              const char         *value);

G_END_DECLS
