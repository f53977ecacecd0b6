/* voc-store-private.h: what the store's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * voc-store.c          the object, opening, migrations
 * voc-store-files.c    the data folder, private files, snapshots, recovery
 * voc-store-check.c    quick_check, at open or on a thread after it
 * voc-store-profile.c  ratings and their history
 */
#pragma once

#include <sqlite3.h>

#include "voc-store.h"

G_BEGIN_DECLS

/* How long any connection waits for another process's lock. */
#define VOC_STORE_BUSY_TIMEOUT_MS 10000

struct _VocStore
{
  GObject parent_instance;

  char    *path;           /* with the symbolic links of its folders resolved */
  sqlite3 *db;
  int      schema_version;
  char    *recovery_note;  /* what happened to a damaged file, for the user */
  char    *read_only;      /* why the data can be read but not changed, or NULL */

  /* Opened by voc_store_open_unchecked(): the quick_check runs later, in
   * a thread of its own; writes wait for it. */
  GMutex      check_lock;
  GCond       check_cond;
  int         check_state;  /* a CheckState, under check_lock */
  GThread    *check_thread;
  gboolean    check_handled;
};

/* What a quick_check found. */
typedef enum
{
  VOC_HEALTH_OK,
  VOC_HEALTH_DAMAGED,
  VOC_HEALTH_BUSY,        /* another process held it locked throughout */
  VOC_HEALTH_UNREADABLE,  /* it cannot be opened: not a sign of damage */
} VocHealth;

/* voc-store.c */
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

/* The SQL idiom every store file shares. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)
/* BEGIN IMMEDIATE: a write transaction, taken at once (or waited for). */
gboolean      _voc_store_begin     (VocStore      *self,
                                    GError       **error);
/* COMMIT when @ok, else (or when COMMIT fails) ROLLBACK; returns whether
 * the transaction was committed. */
gboolean      _voc_store_end       (VocStore      *self,
                                    gboolean       ok,
                                    GError       **error);
/* Binds @text, or NULL when it is NULL or empty ("no date", "no link"). */
void          _voc_store_bind_text_or_null (sqlite3_stmt *stmt,
                                            int           index,
                                            const char   *text);
/* A copy of column @column's text, or NULL. */
char         *_voc_store_column_text (sqlite3_stmt *stmt,
                                      int           column);
/* TRUE for a day written YYYY-MM-DD that exists, years 0000 to 9999.
 * The schema's CHECK (date (x) IS x) takes all of these, so SQLite's own
 * message never reaches the user; it would also take 2027-02-31, which
 * this does not. */
gboolean      _voc_store_is_day    (const char    *text);
VocStore     *_voc_store_new       (const char    *path);
/* sqlite3_open_v2() as the store opens its files: never through a link;
 * read-only, on a read-only disk, as immutable. */
int           _voc_store_sqlite_open (const char  *path,
                                      gboolean     read_only,
                                      sqlite3    **db);
/* Opens self->path read-write (or read-only), a file known to be
 * healthy or none, and brings its schema up to date. */
gboolean      _voc_store_open_connection (VocStore  *self,
                                          GError   **error);
/* Everything voc_store_open() does before its connection: the folder and
 * files checked, an interrupted recovery finished, the file checked and a
 * damaged one replaced. */
gboolean      _voc_store_open_checked (VocStore  *self,
                                       GError   **error);
int           _voc_store_latest_version (void);
/* -1 (and @error) if it cannot be read. */
int           _voc_store_read_user_version (VocStore  *self,
                                            GError   **error);
/* Applies the migrations the file lacks, each in a transaction that
 * reads the version again under the write lock: another process may have
 * applied them meanwhile. */
gboolean      _voc_store_migrate      (VocStore  *self,
                                       GError   **error);

/* voc-store-files.c */
/* Makes the data folder if need be, refuses one another user owns, keeps
 * it private and resolves the links above it into self->path. */
gboolean      _voc_store_prepare_folder (VocStore  *self,
                                         GError   **error);
/* Refuses a database, -wal, -shm or -journal that is a symbolic link, not
 * a file, another user's or unreadable, changing nothing; sets
 * self->read_only when the file cannot be written. */
gboolean      _voc_store_check_files  (VocStore  *self,
                                       GError   **error);
/* Creates self->path, 0600, never through a link. */
gboolean      _voc_store_create_file  (VocStore  *self,
                                       GError   **error);
/* TRUE if a recovery was interrupted (its record is beside the file). */
gboolean      _voc_store_recovery_pending (VocStore *self);
/* Finishes an interrupted recovery, if there is one. */
gboolean      _voc_store_resume_recovery  (VocStore  *self,
                                           GError   **error);
/* Moves the damaged file aside with its -wal, -shm and -journal and puts
 * the newest healthy snapshot in its place; resumable at every step. */
gboolean      _voc_store_recover      (VocStore  *self,
                                       GError   **error);
gboolean      _voc_store_snapshot_from (const char  *db_path,
                                        sqlite3     *source,
                                        GError     **error);
void          _voc_store_maybe_daily_snapshot (const char *db_path,
                                               sqlite3    *source);
/* Removes copies and temporary files that killed runs left behind. */
void          _voc_store_remove_leftovers (VocStore *self);
/* The database's own files, which an export may never overwrite. */
gboolean      _voc_store_is_own_file  (VocStore    *self,
                                       const char  *path);

/* voc-store-check.c */
VocHealth     _voc_store_check_health (const char  *path,
                                       gboolean     read_only,
                                       char       **why);

G_END_DECLS
