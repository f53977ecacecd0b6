/* voc-store-private.h: what the store's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "voc-store.h"

G_BEGIN_DECLS

struct _VocStore
{
  GObject parent_instance;

  char    *path;
  sqlite3 *db;
  int      schema_version;
  char    *recovery_note;  /* what happened to a damaged file, for the user */

  /* Opened by voc_store_open_unchecked(): the quick_check runs later, in
   * a thread of its own; writes wait for it. */
  GMutex      check_lock;
  GCond       check_cond;
  int         check_state;  /* a CheckState, under check_lock */
  GThread    *check_thread;
  gboolean    check_handled;
};

/* Every value goes through sqlite3_bind_*: these take fixed SQL only. */
gboolean      _voc_store_exec      (VocStore      *self,
                                    const char    *sql,
                                    GError       **error);
sqlite3_stmt *_voc_store_prepare   (VocStore      *self,
                                    const char    *sql,
                                    GError       **error);
/* Steps @stmt to its end and finalizes it. */
gboolean      _voc_store_step_done (VocStore      *self,
                                    sqlite3_stmt  *stmt,
                                    GError       **error);
gboolean      _voc_store_fail      (VocStore      *self,
                                    GError       **error,
                                    VocStoreError  code,
                                    const char    *what);

void          _voc_store_emit_plans_changed (VocStore *self);

G_END_DECLS
