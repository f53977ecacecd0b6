/* voc-store-check.c: SQLite's quick_check, before opening or on a thread after
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window opens a file this version wrote without waiting for its
 * check: the check runs on a thread once the first frame is out, and
 * until its result is in, an authorizer lets the main connection read
 * but makes anything that writes wait for it. A damaged file is then
 * never written to: its connection closes without a checkpoint and the
 * file is moved aside as it was.
 */
#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "voc-store-private.h"

/* Where the quick_check of a store opened unchecked stands. */
typedef enum
{
  CHECK_NONE,     /* checked before it opened: voc_store_open() */
  CHECK_PENDING,  /* not started */
  CHECK_RUNNING,
  CHECK_HEALTHY,
  CHECK_DAMAGED,
} CheckState;

/* OK when @path opens read-only and passes quick_check, waiting for
 * other processes' locks as every connection does. A file that cannot
 * be opened at all is not called damaged. Nor is one with a hot journal,
 * left by a crash or a failed write in rollback mode (as when a version 1
 * file turns to WAL): a read-only connection cannot roll it back, so it is
 * checked again read-write, which rolls it back as any open for writing
 * would (unless the store is read-only: then it waits for a writer). */
VocHealth
_voc_store_check_health (const char  *path,
                         gboolean     read_only,
                         char       **why)
{
  VocHealth health = VOC_HEALTH_DAMAGED;

  for (int attempt = 0; attempt < 2; attempt++)
    {
      sqlite3 *db = NULL;
      sqlite3_stmt *stmt = NULL;
      gboolean hot_journal;
      int rc;

      rc = _voc_store_sqlite_open (path, attempt == 0, &db);
      if (rc == SQLITE_OK)
        {
          sqlite3_busy_timeout (db, VOC_STORE_BUSY_TIMEOUT_MS);
          /* Read through a memory map: a quarter faster on a large file. */
          sqlite3_exec (db, "PRAGMA mmap_size = 268435456", NULL, NULL, NULL);
          rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
        }
      if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        health = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0 ? VOC_HEALTH_OK
                                                                                    : VOC_HEALTH_DAMAGED;
      else if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        health = VOC_HEALTH_BUSY;
      else if (rc == SQLITE_CANTOPEN || rc == SQLITE_PERM || rc == SQLITE_READONLY || rc == SQLITE_AUTH)
        {
          int saved = db ? sqlite3_system_errno (db) : 0;

          health = VOC_HEALTH_UNREADABLE;
          if (why != NULL)
            *why = g_strdup (saved == EACCES || saved == EPERM ? _("permission denied")
                             : saved != 0 ? g_strerror (saved) : sqlite3_errstr (rc));
        }
      else
        health = VOC_HEALTH_DAMAGED;

      hot_journal = db != NULL && sqlite3_extended_errcode (db) == SQLITE_READONLY_ROLLBACK;
      sqlite3_finalize (stmt);
      sqlite3_close_v2 (db);
      if (!hot_journal || read_only)
        break;
      g_clear_pointer (why, g_free);
    }
  return health;
}

typedef struct
{
  VocStore     *store;    /* for the thread: the store joins it before it goes */
  GWeakRef      ref;      /* for the main context, which may run after that */
  GMainContext *context;
} CheckJob;

static void
check_job_free (gpointer data)
{
  CheckJob *job = data;

  g_weak_ref_clear (&job->ref);
  g_main_context_unref (job->context);
  g_free (job);
}

static gboolean
check_done_cb (gpointer data)
{
  CheckJob *job = data;
  g_autoptr (VocStore) self = g_weak_ref_get (&job->ref);

  if (self != NULL)
    voc_store_finish_check (self);
  return G_SOURCE_REMOVE;
}

static CheckState
get_check_state (VocStore *self)
{
  CheckState state;

  g_mutex_lock (&self->check_lock);
  state = self->check_state;
  g_mutex_unlock (&self->check_lock);
  return state;
}

/* The check thread: the file as a whole, through a connection of its own,
 * then the day's copy if one is due (the main connection goes on reading
 * and, once the result is in, writing; WAL lets both run). */
static gpointer
check_thread (gpointer data)
{
  CheckJob *job = data;
  VocStore *self = job->store;
  GSource *source;
  VocHealth health = _voc_store_check_health (self->path, self->read_only != NULL, NULL);
  gboolean healthy = health == VOC_HEALTH_OK;

  /* Only damage is damage: a file busy for ten seconds, or one that
   * stopped being readable meanwhile, is left as it is, and writes take
   * their turn or say why they fail. */
  g_mutex_lock (&self->check_lock);
  self->check_state = health == VOC_HEALTH_DAMAGED ? CHECK_DAMAGED : CHECK_HEALTHY;
  g_cond_broadcast (&self->check_cond);
  g_mutex_unlock (&self->check_lock);

  /* The result is handled where the store lives (never here, as
   * g_main_context_invoke() would when no thread runs that context). */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, check_done_cb, job, check_job_free);
  g_source_attach (source, job->context);
  g_source_unref (source);

  if (healthy && self->read_only == NULL)
    {
      sqlite3 *db = NULL;

      if (sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL) == SQLITE_OK)
        {
          sqlite3_busy_timeout (db, VOC_STORE_BUSY_TIMEOUT_MS);
          _voc_store_maybe_daily_snapshot (self->path, db);
        }
      sqlite3_close_v2 (db);
    }
  return NULL;
}

static CheckState
wait_for_check (VocStore *self)
{
  CheckState state;

  voc_store_start_check (self);
  g_mutex_lock (&self->check_lock);
  while (self->check_state == CHECK_RUNNING)
    g_cond_wait (&self->check_cond, &self->check_lock);
  state = self->check_state;
  g_mutex_unlock (&self->check_lock);
  return state;
}

/* Until the check is in, anything but reading waits for it; a damaged
 * file is not written to at all, so it is moved aside as it was. */
static int
authorize (void       *data,
           int         action,
           const char *arg1,
           const char *arg2,
           const char *database,
           const char *trigger)
{
  VocStore *self = data;

  switch (action)
    {
    case SQLITE_SELECT:
    case SQLITE_READ:
    case SQLITE_FUNCTION:
    case SQLITE_RECURSIVE:
      return SQLITE_OK;
    case SQLITE_PRAGMA:
      if (arg2 == NULL)
        return SQLITE_OK;
      break;
    default:
      break;
    }
  return wait_for_check (self) == CHECK_DAMAGED ? SQLITE_DENY : SQLITE_OK;
}

VocStore *
voc_store_open_unchecked (const char  *path,
                          GError     **error)
{
  g_autoptr (VocStore) self = _voc_store_new (path);
  sqlite3_stmt *stmt = NULL;
  gboolean ours = FALSE;
  int version;

  /* Only a file this version made and left in WAL mode, in a folder and
   * with files as they should be, opens unchecked: anything else (no
   * file, an older or newer one, one that does not open, a recovery to
   * finish, a read-only one) takes the checked way, which knows what to
   * do with it or says why it cannot. */
  if (!_voc_store_prepare_folder (self, NULL) || _voc_store_recovery_pending (self) ||
      !_voc_store_check_files (self, NULL) || self->read_only != NULL ||
      !g_file_test (self->path, G_FILE_TEST_IS_REGULAR) ||
      sqlite3_open_v2 (self->path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE, NULL) != SQLITE_OK)
    goto checked;

  /* No checkpoint when it closes before the check says it is healthy: a
   * checkpoint would copy the log into a file that may be damaged. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, VOC_STORE_BUSY_TIMEOUT_MS);

  version = _voc_store_read_user_version (self, NULL);
  if (version == _voc_store_latest_version () &&
      sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ours = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
  sqlite3_finalize (stmt);
  if (!ours)
    goto checked;

  /* Settings of this connection; neither writes to the file. */
  if (!_voc_store_exec (self, "PRAGMA synchronous = FULL", NULL) ||
      !_voc_store_exec (self, "PRAGMA foreign_keys = ON", NULL))
    goto checked;

  g_chmod (self->path, 0600);
  self->schema_version = version;
  self->check_state = CHECK_PENDING;
  sqlite3_set_authorizer (self->db, authorize, self);
  return g_steal_pointer (&self);

checked:
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->read_only, g_free);
  if (!_voc_store_open_checked (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
voc_store_start_check (VocStore *self)
{
  g_return_if_fail (VOC_IS_STORE (self));

  g_mutex_lock (&self->check_lock);
  if (self->check_state == CHECK_PENDING)
    {
      CheckJob *job = g_new0 (CheckJob, 1);

      job->store = self;
      g_weak_ref_init (&job->ref, self);
      job->context = g_main_context_ref_thread_default ();
      self->check_state = CHECK_RUNNING;
      self->check_thread = g_thread_new ("vocation-check", check_thread, job);
    }
  g_mutex_unlock (&self->check_lock);
}

/* After a damaged file was found: the connection to it closes without a
 * checkpoint, the file goes aside, and the store opens what took its
 * place. If even that fails, it keeps working in memory and says so. */
static void
replace_damaged (VocStore *self)
{
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&self->db, sqlite3_close_v2);
  /* Recovery puts a copy it checked in place, or nothing. */
  if (_voc_store_recover (self, &error) && _voc_store_open_connection (self, &error))
    return;

  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_free (self->recovery_note);
  self->recovery_note =
    g_strdup_printf (_("Your data file could not be read, and Vocation could not set up a new one: %s. "
                       "Changes you make now are not saved; free some disk space or check the "
                       "folder's permissions, then restart Vocation."), error->message);
  if (sqlite3_open_v2 (":memory:", &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL) == SQLITE_OK)
    {
      _voc_store_exec (self, "PRAGMA foreign_keys = ON", NULL);
      _voc_store_migrate (self, NULL);
    }
}

gboolean
voc_store_finish_check (VocStore *self)
{
  CheckState state;

  g_return_val_if_fail (VOC_IS_STORE (self), FALSE);

  if (self->check_handled || get_check_state (self) == CHECK_NONE)
    return FALSE;

  state = wait_for_check (self);
  self->check_handled = TRUE;
  sqlite3_set_authorizer (self->db, NULL, NULL);
  if (state == CHECK_HEALTHY)
    {
      sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);
      return FALSE;
    }

  replace_damaged (self);
  g_signal_emit_by_name (self, "recovered");
  _voc_store_emit_plans_changed (self);
  return TRUE;
}

void
voc_store_join (VocStore *self)
{
  GThread *thread;

  g_return_if_fail (VOC_IS_STORE (self));

  g_mutex_lock (&self->check_lock);
  thread = g_steal_pointer (&self->check_thread);
  g_mutex_unlock (&self->check_lock);
  if (thread != NULL)
    g_thread_join (thread);
}

gboolean
voc_store_is_checked (VocStore *self)
{
  g_return_val_if_fail (VOC_IS_STORE (self), FALSE);

  return self->check_handled || get_check_state (self) == CHECK_NONE;
}
