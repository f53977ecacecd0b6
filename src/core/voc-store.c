/* voc-store.c: the store object, opening, migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every value goes through sqlite3_bind_*; no SQL is built with printf.
 * The schema only changes through the numbered files in data/sql/, each
 * applied in one transaction that also sets user_version.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "voc-store-private.h"
#include "vocation-core-resources.h"

G_DEFINE_FINAL_TYPE (VocStore, voc_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (voc-store-error-quark, voc_store_error)

/* Every migration ever released, in order; never edit a released one. */
static const char *const migrations[] = {
  "001-profile.sql",
  "002-plans.sql",
};

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
  g_clear_pointer (&self->read_only, g_free);

  G_OBJECT_CLASS (voc_store_parent_class)->finalize (object);
}

static guint plans_changed_signal;

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
  /* A development build keeps its data apart: DATA_FOLDER is "vocation-devel". */
  return g_build_filename (g_get_user_data_dir (), DATA_FOLDER, "vocation.db", NULL);
}

int
_voc_store_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

gboolean
_voc_store_fail (VocStore      *self,
                 GError       **error,
                 VocStoreError  code,
                 const char    *what)
{
  int rc = sqlite3_errcode (self->db);

  /* Refused by authorize(): the file turned out to be damaged. */
  if (rc == SQLITE_AUTH)
    g_set_error (error, VOC_STORE_ERROR, code,
                 _("%s: %s: the file is damaged; Vocation is setting it aside and restoring your data"),
                 self->path, what);
  else if (rc == SQLITE_READONLY && self->read_only != NULL)
    g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_READ_ONLY,
                 _("%s: %s: %s, so your data can be read and exported but not changed"),
                 self->path, what, self->read_only);
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
      int rc = sqlite3_errcode (self->db);

      if (rc == SQLITE_AUTH || (rc == SQLITE_READONLY && self->read_only != NULL))
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

void
voc_store_log_error (const char   *what,
                     const GError *error)
{
  if (error == NULL)
    return;
  if (g_error_matches (error, VOC_STORE_ERROR, VOC_STORE_ERROR_INVALID))
    g_debug ("%s: %s", what, error->message);
  else
    g_warning ("%s: %s", what, error->message);
}

gboolean
_voc_store_begin (VocStore  *self,
                  GError   **error)
{
  return _voc_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
_voc_store_end (VocStore  *self,
                gboolean   ok,
                GError   **error)
{
  if (ok && _voc_store_exec (self, "COMMIT", error))
    return TRUE;
  _voc_store_exec (self, "ROLLBACK", NULL);
  return FALSE;
}

void
_voc_store_bind_text_or_null (sqlite3_stmt *stmt,
                              int           index,
                              const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

char *
_voc_store_column_text (sqlite3_stmt *stmt,
                        int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text ? g_strdup ((const char *) text) : NULL;
}

gboolean
_voc_store_is_day (const char *text)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  int year, month, day, last;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  month = (text[5] - '0') * 10 + (text[6] - '0');
  day = (text[8] - '0') * 10 + (text[9] - '0');
  if (month < 1 || month > 12 || day < 1)
    return FALSE;
  /* SQLite's calendar is the proleptic Gregorian one: 0000 is a leap year. */
  last = days[month - 1] + (month == 2 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0));
  return day <= last;
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

int
_voc_store_read_user_version (VocStore  *self,
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

  if ((*version = _voc_store_read_user_version (self, error)) < 0)
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
is_busy (VocStore *self)
{
  int rc = sqlite3_errcode (self->db);

  return rc == SQLITE_BUSY || rc == SQLITE_LOCKED;
}

gboolean
_voc_store_migrate (VocStore  *self,
                    GError   **error)
{
  int latest = G_N_ELEMENTS (migrations);

  for (;;)
    {
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (GError) local_error = NULL;
      g_autofree char *resource = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *set_version = NULL;
      int version;

      if (!_voc_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      /* Under the write lock: a second process that started with us has
       * perhaps done it already. */
      if ((version = _voc_store_read_user_version (self, error)) < 0)
        {
          _voc_store_exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
      if (version >= latest)
        {
          _voc_store_exec (self, "COMMIT", NULL);
          break;
        }

      resource = g_strconcat (RESOURCE_BASE "/sql/", migrations[version], NULL);
      bytes = g_resource_lookup_data (voc_core_get_resource (), resource, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        {
          _voc_store_exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      /* PRAGMA takes no bound values; the number is our own constant. */
      set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);

      if (!_voc_store_exec (self, sql, &local_error) || !_voc_store_exec (self, set_version, &local_error) ||
          !_voc_store_exec (self, "COMMIT", &local_error))
        {
          _voc_store_exec (self, "ROLLBACK", NULL);
          g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_MIGRATION,
                       _("Cannot update %s to data version %d: %s"), self->path, version + 1, local_error->message);
          return FALSE;
        }
    }

  self->schema_version = latest;
  return TRUE;
}

const char *
voc_store_get_recovery_note (VocStore *self)
{
  g_return_val_if_fail (VOC_IS_STORE (self), NULL);

  return self->recovery_note;
}

const char *
voc_store_get_read_only (VocStore *self)
{
  g_return_val_if_fail (VOC_IS_STORE (self), NULL);

  return self->read_only;
}

/* WAL mode and the migrations; two first starts at once can find each
 * other's lock in a way SQLite does not wait for (each holds a read lock
 * and wants to write), so a busy answer is tried again a while. */
static gboolean
set_up_schema (VocStore  *self,
               GError   **error)
{
  for (guint tries = 0;; tries++)
    {
      g_autoptr (GError) local_error = NULL;

      if (_voc_store_exec (self, "PRAGMA journal_mode = WAL", &local_error) &&
          _voc_store_migrate (self, &local_error))
        return TRUE;
      if (!is_busy (self) || tries >= 200)
        {
          if (g_error_matches (local_error, VOC_STORE_ERROR, VOC_STORE_ERROR_MIGRATION))
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_OPEN, _("Cannot use %s as a database: %s"),
                         self->path, local_error->message);
          return FALSE;
        }
      g_usleep (50 * G_TIME_SPAN_MILLISECOND);
    }
}

int
_voc_store_sqlite_open (const char  *path,
                        gboolean     read_only,
                        sqlite3    **db)
{
  int flags = SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE;
  g_autofree char *dir = NULL;
  g_autofree char *wal = NULL;
  GStatBuf st;

  if (!read_only)
    return sqlite3_open_v2 (path, db, flags | SQLITE_OPEN_READWRITE, NULL);

  /* On a read-only disk nothing can change the file, and SQLite need not
   * (and cannot) make its shared-memory file: the file is opened as
   * immutable, unless its log holds changes not yet in it. */
  flags |= SQLITE_OPEN_READONLY;
  dir = g_path_get_dirname (path);
  wal = g_strconcat (path, "-wal", NULL);
  if (access (dir, W_OK) != 0 && errno == EROFS && !(g_stat (wal, &st) == 0 && st.st_size > 0))
    {
      g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
      g_autofree char *immutable = g_strconcat (uri, "?immutable=1", NULL);

      return sqlite3_open_v2 (immutable, db, flags | SQLITE_OPEN_URI, NULL);
    }
  return sqlite3_open_v2 (path, db, flags, NULL);
}

gboolean
_voc_store_open_connection (VocStore  *self,
                            GError   **error)
{
  int version = 0;
  int rc;

  if (self->read_only == NULL && !_voc_store_create_file (self, error))
    return FALSE;

  rc = _voc_store_sqlite_open (self->path, self->read_only != NULL, &self->db);
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
  sqlite3_busy_timeout (self->db, VOC_STORE_BUSY_TIMEOUT_MS);

  /* A file of a newer version closes as it was: no checkpoint copies
   * its log into it. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  if (!check_version (self, &version, error))
    return FALSE;

  if (self->read_only != NULL)
    {
      if (version < (int) G_N_ELEMENTS (migrations))
        {
          g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_READ_ONLY,
                       _("%s was written by an older version of Vocation and must be updated before it can be "
                         "read, but %s. Vocation changed nothing."), self->path, self->read_only);
          return FALSE;
        }
      self->schema_version = version;
      return _voc_store_exec (self, "PRAGMA foreign_keys = ON", error);
    }
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);

  if (!_voc_store_exec (self, "PRAGMA synchronous = FULL", error) ||
      !_voc_store_exec (self, "PRAGMA foreign_keys = ON", error))
    {
      g_prefix_error (error, _("Cannot use %s as a database: "), self->path);
      return FALSE;
    }

  /* A copy of the data as it was, before its schema changes. */
  if (version > 0 && version < (int) G_N_ELEMENTS (migrations) && !voc_store_snapshot (self, error))
    return FALSE;

  if (!set_up_schema (self, error))
    return FALSE;

  _voc_store_remove_leftovers (self);
  /* A database created just now has nothing to keep a copy of. */
  if (version > 0)
    _voc_store_maybe_daily_snapshot (self->path, self->db);

  return TRUE;
}

gboolean
_voc_store_open_checked (VocStore  *self,
                         GError   **error)
{
  g_autofree char *why = NULL;

  if (!_voc_store_prepare_folder (self, error) || !_voc_store_check_files (self, error))
    return FALSE;
  /* A recovery cut short by a kill is finished before anything else. */
  if (_voc_store_recovery_pending (self))
    {
      if (self->read_only != NULL)
        {
          g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_READ_ONLY,
                       _("Vocation was stopped while it was recovering your data in %s, and cannot finish: %s."),
                       self->path, self->read_only);
          return FALSE;
        }
      if (!_voc_store_resume_recovery (self, error) || !_voc_store_check_files (self, error))
        return FALSE;
    }

  if (g_file_test (self->path, G_FILE_TEST_EXISTS))
    switch (_voc_store_check_health (self->path, self->read_only != NULL, &why))
      {
      case VOC_HEALTH_OK:
        break;
      case VOC_HEALTH_BUSY:
        g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_OPEN,
                     _("%s is in use by another program, which has kept it locked for 10 seconds; "
                       "close it and try again"), self->path);
        return FALSE;
      case VOC_HEALTH_UNREADABLE:
        g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_OPEN,
                     _("%s cannot be read: %s. Vocation changed nothing."), self->path, why);
        return FALSE;
      case VOC_HEALTH_DAMAGED:
        if (self->read_only != NULL)
          {
            g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_READ_ONLY,
                         _("%s is damaged, and Vocation cannot set it aside: %s. Vocation changed nothing."),
                         self->path, self->read_only);
            return FALSE;
          }
        if (!_voc_store_recover (self, error))
          return FALSE;
        break;
      default:
        g_assert_not_reached ();
      }

  return _voc_store_open_connection (self, error);
}

VocStore *
_voc_store_new (const char *path)
{
  VocStore *self = g_object_new (VOC_TYPE_STORE, NULL);

  self->path = path ? g_strdup (path) : voc_store_default_path ();
  return self;
}

VocStore *
voc_store_open (const char  *path,
                GError     **error)
{
  g_autoptr (VocStore) self = _voc_store_new (path);

  if (!_voc_store_open_checked (self, error))
    return NULL;
  return g_steal_pointer (&self);
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

void
voc_store_changed_elsewhere (VocStore *self)
{
  g_return_if_fail (VOC_IS_STORE (self));

  _voc_store_emit_plans_changed (self);
}
