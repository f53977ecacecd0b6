/* voc-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every value goes through sqlite3_bind_*; no SQL is built with printf.
 * The schema only changes through the numbered files in data/sql/, each
 * applied in one transaction that also sets user_version.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "voc-store-private.h"
#include "vocation-resources.h"



#define MAX_SNAPSHOTS 5
#define SNAPSHOT_EVERY (24 * G_TIME_SPAN_HOUR)

/* Where the quick_check of a store opened unchecked stands. */
typedef enum
{
  CHECK_NONE,     /* checked before it opened: voc_store_open() */
  CHECK_PENDING,  /* not started */
  CHECK_RUNNING,
  CHECK_HEALTHY,
  CHECK_DAMAGED,
} CheckState;

G_DEFINE_FINAL_TYPE (VocStore, voc_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (voc-store-error-quark, voc_store_error)

/* Every migration ever released, in order; never edit a released one. */
static const char *const migrations[] = {
  "001-profile.sql",
  "002-plans.sql",
};

void
voc_rating_free (VocRating *rating)
{
  if (rating == NULL)
    return;
  g_free (rating->skill_id);
  g_free (rating);
}

static void
voc_store_finalize (GObject *object)
{
  VocStore *self = VOC_STORE (object);

  /* It only uses the path; a daily copy it is making is finished. */
  voc_store_join (self);
  g_mutex_clear (&self->check_lock);
  g_cond_clear (&self->check_cond);

  /* Unless the check found the file healthy, closing leaves it as it is:
   * no checkpoint copies the log into it (see voc_store_open_unchecked). */
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->recovery_note, g_free);

  G_OBJECT_CLASS (voc_store_parent_class)->finalize (object);
}

static guint plans_changed_signal;
static guint recovered_signal;

static void
voc_store_class_init (VocStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = voc_store_finalize;

  /**
   * VocStore::plans-changed:
   *
   * A plan, goal or step was created, changed, deleted or restored.
   */
  plans_changed_signal =
    g_signal_new ("plans-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * VocStore::recovered:
   *
   * The check that runs after voc_store_open_unchecked() found the file
   * damaged: it was moved aside and the store now holds the restored copy
   * (or a new database). Everything read before is stale; the recovery
   * note says what happened.
   */
  recovered_signal =
    g_signal_new ("recovered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

void
_voc_store_emit_plans_changed (VocStore *self)
{
  g_signal_emit (self, plans_changed_signal, 0);
}

static void
voc_store_init (VocStore *self)
{
  g_mutex_init (&self->check_lock);
  g_cond_init (&self->check_cond);
}

char *
voc_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "vocation", "vocation.db", NULL);
}

gboolean
_voc_store_fail (VocStore      *self,
                  GError       **error,
                  VocStoreError  code,
                  const char    *what)
{
  /* Refused by authorize(): the file turned out to be damaged. */
  if (sqlite3_errcode (self->db) == SQLITE_AUTH)
    g_set_error (error, VOC_STORE_ERROR, code,
                 _("%s: %s: the file is damaged; Vocation is setting it aside and restoring your data"),
                 self->path, what);
  else
    g_set_error (error, VOC_STORE_ERROR, code, _("%s: %s (%s)"),
                 self->path, what, sqlite3_errmsg (self->db));
  return FALSE;
}

gboolean
_voc_store_exec (VocStore    *self,
      const char  *sql,
      GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      if (sqlite3_errcode (self->db) == SQLITE_AUTH)
        _voc_store_fail (self, error, VOC_STORE_ERROR_QUERY, _("cannot save the change"));
      else
        g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_QUERY, "%s: %s", self->path, message);
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
_voc_store_prepare (VocStore    *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _voc_store_fail (self, error, VOC_STORE_ERROR_QUERY, _("cannot prepare a query"));
      return NULL;
    }
  return stmt;
}

static int
read_user_version (VocStore  *self,
                   GError   **error)
{
  sqlite3_stmt *stmt = _voc_store_prepare (self, "PRAGMA user_version", error);
  int version = -1;

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  else
    _voc_store_fail (self, error, VOC_STORE_ERROR_OPEN, _("cannot read the schema version"));
  sqlite3_finalize (stmt);
  return version;
}

/* Before anything writes to the file: a newer file must stay untouched. */
static gboolean
check_version (VocStore  *self,
               int       *version,
               GError   **error)
{
  int latest = G_N_ELEMENTS (migrations);

  if ((*version = read_user_version (self, error)) < 0)
    return FALSE;

  if (*version > latest)
    {
      g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_TOO_NEW,
                   _("%s was written by a newer version of Vocation (data version %d; this version "
                     "reads up to %d). Update Vocation to open it; the file has not been changed."),
                   self->path, *version, latest);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (VocStore  *self,
         int        version,
         GError   **error)
{
  int latest = G_N_ELEMENTS (migrations);

  for (int i = version; i < latest; i++)
    {
      g_autofree char *resource = g_strconcat (RESOURCE_BASE "/sql/", migrations[i], NULL);
      g_autoptr (GBytes) bytes = g_resource_lookup_data (voc_get_resource (), resource,
                                                         G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      g_autofree char *sql = NULL;
      /* PRAGMA takes no bound values; the number is our own constant. */
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", i + 1);
      g_autoptr (GError) local_error = NULL;

      if (bytes == NULL)
        return FALSE;
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      if (!_voc_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!_voc_store_exec (self, sql, &local_error) || !_voc_store_exec (self, set_version, &local_error) ||
          !_voc_store_exec (self, "COMMIT", &local_error))
        {
          _voc_store_exec (self, "ROLLBACK", NULL);
          g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_MIGRATION,
                       _("Cannot update %s to data version %d: %s"), self->path, i + 1, local_error->message);
          return FALSE;
        }
    }

  self->schema_version = latest;
  return TRUE;
}

/* SQLite creates the file with the process umask; make it 0600 first. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_OPEN,
                   _("Cannot create %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  fchmod (fd, 0600);
  close (fd);
  return TRUE;
}

static char *
timestamp_now (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  /* Microseconds too, so two copies in one second keep both their names. */
  return g_date_time_format (now, "%Y%m%d-%H%M%S-%f");
}

static char *
snapshot_dir (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  return g_build_filename (dir, "snapshots", NULL);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  return -g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Newest first: the names carry their time, so they sort by it. */
static GPtrArray *
list_snapshots (const char *db_path)
{
  g_autofree char *dir_path = snapshot_dir (db_path);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    if (g_str_has_prefix (name, "vocation-") && g_str_has_suffix (name, ".db"))
      g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));

  g_ptr_array_sort (paths, compare_newest_first);
  return paths;
}

/* TRUE when @path opens read-only and passes quick_check. A busy
 * database is not damaged: @busy tells the caller to give up instead.
 * Nor is one with a hot journal, left by a crash or a failed write in
 * rollback mode (as when a version 1 file turns to WAL): a read-only
 * connection cannot roll it back, so it is checked again read-write,
 * which rolls it back as any open for writing would. */
static gboolean
is_healthy (const char *path,
            gboolean   *busy)
{
  int flags = SQLITE_OPEN_READONLY;
  gboolean ok = FALSE;

  if (busy)
    *busy = FALSE;

  for (int attempt = 0; attempt < 2 && !ok; attempt++)
    {
      sqlite3 *db = NULL;
      sqlite3_stmt *stmt = NULL;
      gboolean hot_journal;
      int rc;

      rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOFOLLOW, NULL);
      /* Read through a memory map: a quarter faster on a large file. */
      if (rc == SQLITE_OK)
        sqlite3_exec (db, "PRAGMA mmap_size = 268435456", NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
      if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;

      if (busy && (rc == SQLITE_BUSY || rc == SQLITE_LOCKED))
        *busy = TRUE;
      hot_journal = db != NULL && sqlite3_extended_errcode (db) == SQLITE_READONLY_ROLLBACK;

      sqlite3_finalize (stmt);
      sqlite3_close_v2 (db);
      if (!hot_journal)
        break;
      flags = SQLITE_OPEN_READWRITE;
    }
  return ok;
}

static gboolean
copy_private (const char  *from,
              const char  *to,
              GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (from, &contents, &length, error))
    return FALSE;
  /* g_file_set_contents_full writes atomically with the mode we ask for. */
  return g_file_set_contents_full (to, contents, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/* Moves the damaged file and its -wal, -shm and -journal aside, byte for
 * byte, and puts the newest healthy snapshot (if any) in its place; a
 * journal left behind would be played back into that copy. Nothing is
 * ever deleted. */
static gboolean
recover (VocStore  *self,
         GError   **error)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *stamp = timestamp_now ();
  g_autofree char *moved = g_strdup_printf ("%s.damaged-%s", self->path, stamp);
  g_autoptr (GPtrArray) snapshots = list_snapshots (self->path);
  g_autoptr (GString) note = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (self->path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (moved, suffixes[i], NULL);

      if (!g_file_test (from, G_FILE_TEST_EXISTS))
        continue;
      if (g_rename (from, to) != 0)
        {
          int saved = errno;
          g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_OPEN,
                       _("%s is damaged and cannot be moved aside: %s"), from, g_strerror (saved));
          return FALSE;
        }
    }

  g_string_append_printf (note, _("Your data file could not be read; it may have been damaged by a crash "
                                  "or a full disk. It was kept unchanged as %s."), moved);

  for (guint i = 0; i < snapshots->len; i++)
    {
      const char *snapshot = g_ptr_array_index (snapshots, i);
      g_autofree char *name = g_path_get_basename (snapshot);

      if (!is_healthy (snapshot, NULL) || !copy_private (snapshot, self->path, NULL))
        continue;
      g_string_append_c (note, ' ');
      g_string_append_printf (note, _("Vocation restored the copy it saved as %s; "
                                      "changes made after it are in the damaged file."), name);
      self->recovery_note = g_string_free (g_steal_pointer (&note), FALSE);
      return TRUE;
    }

  g_string_append_c (note, ' ');
  g_string_append (note, _("There was no saved copy to restore, so Vocation started with an empty profile."));
  self->recovery_note = g_string_free (g_steal_pointer (&note), FALSE);
  return TRUE;
}

/* Copies the database @source (open on @db_path) into the snapshots
 * folder beside it. Any thread, with a connection of its own. */
static gboolean
snapshot_from (const char  *db_path,
               sqlite3     *source,
               GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *stamp = timestamp_now ();
  g_autofree char *name = NULL;
  g_autofree char *target = NULL;
  g_autofree char *partial = NULL;
  g_autoptr (GPtrArray) snapshots = NULL;
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int rc;

  dir = snapshot_dir (db_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_OPEN,
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  name = g_strdup_printf ("vocation-%s.db", stamp);
  target = g_build_filename (dir, name, NULL);
  if (g_file_test (target, G_FILE_TEST_EXISTS))
    return TRUE;
  /* Written under another name and renamed when whole, so a copy cut short
   * (a crash, a full disk) is never taken for one of the five kept. */
  partial = g_strconcat (target, ".partial", NULL);
  g_unlink (partial);
  if (!create_private_file (partial, error))
    return FALSE;

  /* The backup API copies a consistent image, even of a WAL database. */
  rc = sqlite3_open_v2 (partial, &copy, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK && (backup = sqlite3_backup_init (copy, "main", source, "main")))
    {
      sqlite3_backup_step (backup, -1);
      sqlite3_backup_finish (backup);
    }
  rc = sqlite3_errcode (copy);
  sqlite3_close_v2 (copy);
  if (rc != SQLITE_OK || g_rename (partial, target) != 0)
    {
      g_unlink (partial);
      g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_QUERY,
                   _("Cannot save a copy of %s in %s: %s"), db_path, dir,
                   rc != SQLITE_OK ? sqlite3_errstr (rc) : g_strerror (errno));
      return FALSE;
    }

  /* Keep the last few; older copies go. */
  snapshots = list_snapshots (db_path);
  for (guint i = MAX_SNAPSHOTS; i < snapshots->len; i++)
    g_unlink (g_ptr_array_index (snapshots, i));

  return TRUE;
}

gboolean
voc_store_snapshot (VocStore  *self,
                    GError   **error)
{
  g_return_val_if_fail (VOC_IS_STORE (self), FALSE);

  return snapshot_from (self->path, self->db, error);
}

/* When the database last changed: any write touches the file or its
 * write-ahead log (a snapshot only reads it). Opening the database makes
 * an empty log, which says nothing. */
static gint64
last_change (const char *db_path)
{
  static const char *const suffixes[] = { "", "-wal" };
  gint64 newest = 0;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db_path, suffixes[i], NULL);
      GStatBuf st;

      if (g_stat (path, &st) == 0 && st.st_size > 0)
        newest = MAX (newest, (gint64) st.st_mtime * G_USEC_PER_SEC);
    }
  return newest;
}

/* At most one a day, and only when the data changed since the last one:
 * ratings, plans, goals, steps or notes alike. */
static void
maybe_daily_snapshot (const char *db_path,
                      sqlite3    *source)
{
  g_autoptr (GPtrArray) snapshots = list_snapshots (db_path);
  gint64 newest = 0;

  if (snapshots->len > 0)
    {
      GStatBuf st;

      if (g_stat (g_ptr_array_index (snapshots, 0), &st) == 0)
        newest = (gint64) st.st_mtime * G_USEC_PER_SEC;
    }
  if (newest > g_get_real_time () - SNAPSHOT_EVERY)
    return;

  if (last_change (db_path) >= newest)
    snapshot_from (db_path, source, NULL);
}

const char *
voc_store_get_recovery_note (VocStore *self)
{
  g_return_val_if_fail (VOC_IS_STORE (self), NULL);

  return self->recovery_note;
}

/* Opens self->path read-write, a file known to be healthy or none, and
 * brings its schema up to date. */
static gboolean
open_connection (VocStore  *self,
                 GError   **error)
{
  int version = 0;
  int rc;

  if (!create_private_file (self->path, error))
    return FALSE;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      if (self->db == NULL)
        {
          g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_OPEN,
                       _("Cannot open %s: %s"), self->path, sqlite3_errstr (rc));
          return FALSE;
        }
      return _voc_store_fail (self, error, VOC_STORE_ERROR_OPEN, _("cannot open the database"));
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 2000);

  /* A file of a newer version closes as it was: no checkpoint copies
   * its log into it. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  if (!check_version (self, &version, error))
    return FALSE;
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);

  if (!_voc_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !_voc_store_exec (self, "PRAGMA synchronous = FULL", error) ||
      !_voc_store_exec (self, "PRAGMA foreign_keys = ON", error))
    {
      g_prefix_error (error, _("Cannot use %s as a database: "), self->path);
      return FALSE;
    }

  /* A copy of the data as it was, before its schema changes. */
  if (version > 0 && version < (int) G_N_ELEMENTS (migrations) && !voc_store_snapshot (self, error))
    return FALSE;

  if (!migrate (self, version, error))
    return FALSE;

  /* A database created just now has nothing to keep a copy of. */
  if (version > 0)
    maybe_daily_snapshot (self->path, self->db);

  return TRUE;
}

/* Opens self->path as open_connection() does, after moving a damaged
 * file aside: before anything opens it for writing. */
static gboolean
open_checked (VocStore  *self,
              GError   **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  gboolean busy = FALSE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_OPEN,
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  if (g_file_test (self->path, G_FILE_TEST_EXISTS) && !is_healthy (self->path, &busy))
    {
      if (busy)
        {
          g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_OPEN,
                       _("%s is in use by another program; close it and try again"), self->path);
          return FALSE;
        }
      if (!recover (self, error))
        return FALSE;
    }

  return open_connection (self, error);
}

/* A store for @path, or for the default path, whose folder is kept
 * private even if something else made it. */
static VocStore *
store_new (const char *path)
{
  VocStore *self = g_object_new (VOC_TYPE_STORE, NULL);

  self->path = path ? g_strdup (path) : voc_store_default_path ();
  if (!path)
    {
      g_autofree char *dir = g_path_get_dirname (self->path);

      g_mkdir_with_parents (dir, 0700);
      g_chmod (dir, 0700);
    }
  return self;
}

VocStore *
voc_store_open (const char  *path,
                GError     **error)
{
  g_autoptr (VocStore) self = store_new (path);

  if (!open_checked (self, error))
    return NULL;
  return g_steal_pointer (&self);
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
  gboolean busy = FALSE;
  gboolean healthy = is_healthy (self->path, &busy);

  /* Busy: another program is writing it, so it opens; writes will wait
   * their turn as always. */
  g_mutex_lock (&self->check_lock);
  self->check_state = healthy || busy ? CHECK_HEALTHY : CHECK_DAMAGED;
  g_cond_broadcast (&self->check_cond);
  g_mutex_unlock (&self->check_lock);

  /* The result is handled where the store lives (never here, as
   * g_main_context_invoke() would when no thread runs that context). */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, check_done_cb, job, check_job_free);
  g_source_attach (source, job->context);
  g_source_unref (source);

  if (healthy)
    {
      sqlite3 *db = NULL;

      if (sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL) == SQLITE_OK)
        maybe_daily_snapshot (self->path, db);
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
  g_autoptr (VocStore) self = store_new (path);
  sqlite3_stmt *stmt = NULL;
  gboolean ours = FALSE;
  int version;

  /* Only a file this version made and left in WAL mode opens unchecked:
   * anything else (no file, an older or newer one, one that does not
   * open) takes the checked way, which knows what to do with it. */
  if (!g_file_test (self->path, G_FILE_TEST_IS_REGULAR) ||
      sqlite3_open_v2 (self->path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE, NULL) != SQLITE_OK)
    goto checked;

  /* No checkpoint when it closes before the check says it is healthy: a
   * checkpoint would copy the log into a file that may be damaged. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 2000);

  version = read_user_version (self, NULL);
  if (version == (int) G_N_ELEMENTS (migrations) &&
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
  if (!open_checked (self, error))
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
  /* recover() puts a copy it checked in place, or nothing. */
  if (recover (self, &error) && open_connection (self, &error))
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
      migrate (self, 0, NULL);
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
  g_signal_emit (self, recovered_signal, 0);
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

const char *
voc_store_get_path (VocStore *self)
{
  g_return_val_if_fail (VOC_IS_STORE (self), NULL);

  return self->path;
}

int
voc_store_get_schema_version (VocStore *self)
{
  g_return_val_if_fail (VOC_IS_STORE (self), -1);

  return self->schema_version;
}

gboolean
_voc_store_step_done (VocStore      *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _voc_store_fail (self, error, VOC_STORE_ERROR_QUERY, _("cannot save the change"));
  return TRUE;
}

gboolean
voc_store_set_rating (VocStore    *self,
                      const char  *skill_id,
                      int          level,
                      gboolean     relevant,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 now = g_get_real_time ();

  g_return_val_if_fail (VOC_IS_STORE (self), FALSE);
  g_return_val_if_fail (skill_id != NULL, FALSE);

  if (level < -1 || level > 5)
    {
      g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_INVALID,
                   _("A level must be between 0 and 5, not %d"), level);
      return FALSE;
    }

  if (!_voc_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (level < 0 && relevant)
    {
      /* Cleared and relevant: nothing left to keep but the history. */
      if (!(stmt = _voc_store_prepare (self, "DELETE FROM profile_level WHERE skill_id = ?1", error)))
        goto fail;
      sqlite3_bind_text (stmt, 1, skill_id, -1, SQLITE_TRANSIENT);
    }
  else
    {
      if (!(stmt = _voc_store_prepare (self,
                            "INSERT INTO profile_level (skill_id, level, relevant, updated_at) "
                            "VALUES (?1, ?2, ?3, ?4) "
                            "ON CONFLICT (skill_id) DO UPDATE SET "
                            "level = excluded.level, relevant = excluded.relevant, updated_at = excluded.updated_at",
                            error)))
        goto fail;
      sqlite3_bind_text (stmt, 1, skill_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, MAX (level, 0));
      sqlite3_bind_int (stmt, 3, relevant ? 1 : 0);
      sqlite3_bind_int64 (stmt, 4, now);
    }
  if (!_voc_store_step_done (self, stmt, error))
    goto fail;

  if (!(stmt = _voc_store_prepare (self,
                        "INSERT INTO level_history (skill_id, level, relevant, at) VALUES (?1, ?2, ?3, ?4)",
                        error)))
    goto fail;
  sqlite3_bind_text (stmt, 1, skill_id, -1, SQLITE_TRANSIENT);
  if (level < 0)
    sqlite3_bind_null (stmt, 2);
  else
    sqlite3_bind_int (stmt, 2, level);
  sqlite3_bind_int (stmt, 3, relevant ? 1 : 0);
  sqlite3_bind_int64 (stmt, 4, now);
  if (!_voc_store_step_done (self, stmt, error))
    goto fail;

  if (!_voc_store_exec (self, "COMMIT", error))
    goto fail;
  return TRUE;

fail:
  _voc_store_exec (self, "ROLLBACK", NULL);
  return FALSE;
}

static GPtrArray *
collect_ratings (VocStore      *self,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  g_autoptr (GPtrArray) ratings = g_ptr_array_new_with_free_func ((GDestroyNotify) voc_rating_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VocRating *rating = g_new0 (VocRating, 1);

      rating->skill_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      rating->level = sqlite3_column_type (stmt, 1) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 1);
      rating->relevant = sqlite3_column_int (stmt, 2) != 0;
      rating->updated_at = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (ratings, rating);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _voc_store_fail (self, error, VOC_STORE_ERROR_QUERY, _("cannot read the profile"));
      return NULL;
    }
  return g_steal_pointer (&ratings);
}

GPtrArray *
voc_store_load_ratings (VocStore  *self,
                        GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VOC_IS_STORE (self), NULL);

  if (!(stmt = _voc_store_prepare (self, "SELECT skill_id, level, relevant, updated_at FROM profile_level ORDER BY skill_id",
                        error)))
    return NULL;
  return collect_ratings (self, stmt, error);
}

GPtrArray *
voc_store_load_ratings_at (VocStore  *self,
                           gint64     time,
                           GError   **error)
{
  g_autoptr (GPtrArray) all = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VOC_IS_STORE (self), NULL);

  /* The last history entry of each skill at or before @time. */
  if (!(stmt = _voc_store_prepare (self,
                        "SELECT h.skill_id, h.level, h.relevant, h.at FROM level_history AS h "
                        "WHERE h.id = (SELECT id FROM level_history AS l "
                        "              WHERE l.skill_id = h.skill_id AND l.at <= ?1 "
                        "              ORDER BY l.at DESC, l.id DESC LIMIT 1) "
                        "ORDER BY h.skill_id",
                        error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, time);
  if (!(all = collect_ratings (self, stmt, error)))
    return NULL;

  /* A cleared, relevant rating is the same as no rating. */
  for (guint i = all->len; i > 0; i--)
    {
      VocRating *rating = g_ptr_array_index (all, i - 1);

      if (rating->level < 0 && rating->relevant)
        g_ptr_array_remove_index (all, i - 1);
    }
  return g_steal_pointer (&all);
}

GArray *
voc_store_list_history_days (VocStore  *self,
                             GError   **error)
{
  g_autoptr (GArray) days = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VOC_IS_STORE (self), NULL);

  if (!(stmt = _voc_store_prepare (self, "SELECT at FROM level_history ORDER BY at DESC, id DESC", error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 at = sqlite3_column_int64 (stmt, 0);
      /* g_date_time_new_from_unix_local_usec() is newer than GLib 2.74. */
      g_autoptr (GDateTime) when = g_date_time_new_from_unix_local (at / G_USEC_PER_SEC);
      g_autoptr (GDateTime) day = NULL;
      g_autoptr (GDateTime) end = NULL;
      gint64 end_us;

      if (when == NULL)
        continue;
      day = g_date_time_new_local (g_date_time_get_year (when), g_date_time_get_month (when),
                                   g_date_time_get_day_of_month (when), 0, 0, 0);
      end = g_date_time_add_days (day, 1);
      end_us = g_date_time_to_unix (end) * G_USEC_PER_SEC - 1;

      if (days->len == 0 || g_array_index (days, gint64, days->len - 1) != end_us)
        g_array_append_val (days, end_us);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _voc_store_fail (self, error, VOC_STORE_ERROR_QUERY, _("cannot read the history"));
      return NULL;
    }
  return g_steal_pointer (&days);
}
