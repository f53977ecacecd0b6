/* voc-store-files.c: the data folder, its private files, snapshots and recovery
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The folder is the user's own (0700, refused if another user owns it);
 * links above it are resolved once, so that SQLite's no-follow rule holds
 * only where it matters: the database and its -wal, -shm and -journal,
 * none of which may be a link, a FIFO or a device. Nothing here ever
 * deletes user data: a damaged file is moved aside, byte for byte, and a
 * recovery interrupted at any instant is finished by the next start.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "voc-file.h"
#include "voc-store-private.h"

#define MAX_SNAPSHOTS 5
#define SNAPSHOT_EVERY (24 * G_TIME_SPAN_HOUR)

/* The database and the files SQLite keeps beside it. */
static const char *const db_suffixes[] = { "", "-wal", "-shm", "-journal" };

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

static char *
recovery_record (const char *db_path)
{
  return g_strconcat (db_path, ".recovery", NULL);
}

/* A folder of the user's own, private: made if missing, refused if it is
 * a link or another user's, its mode corrected to 0700. */
static gboolean
ensure_private_dir (const char  *dir,
                    gboolean     follow,
                    GError     **error)
{
  struct stat st;
  int rc;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_OPEN,
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  rc = follow ? stat (dir, &st) : lstat (dir, &st);
  if (rc != 0)
    {
      int saved = errno;

      g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_OPEN,
                   _("Cannot use the folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  if (!S_ISDIR (st.st_mode))
    {
      g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_OPEN,
                   _("%s is %s, not a folder; Vocation changed nothing. Move it away and start Vocation again."),
                   dir, voc_file_describe_mode (st.st_mode));
      return FALSE;
    }
  if (st.st_uid != geteuid ())
    {
      g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_OPEN,
                   _("The folder %s belongs to another user, who could read or replace your data there. "
                     "Vocation keeps your data only in a folder of your own and changed nothing: move this "
                     "folder aside, or set XDG_DATA_HOME to a folder that is yours."), dir);
      return FALSE;
    }
  /* Made by something else with a wider mode: private again. A read-only
   * folder cannot be corrected, nor written to. */
  if ((st.st_mode & 0077) != 0)
    g_chmod (dir, 0700);
  return TRUE;
}

gboolean
_voc_store_prepare_folder (VocStore  *self,
                           GError   **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *base = g_path_get_basename (self->path);
  char *real;

  if (!ensure_private_dir (dir, TRUE, error))
    return FALSE;

  /* Fedora Silverblue has /home -> var/home: the links above the folder
   * are the system's, and resolved here once. */
  if (!(real = realpath (dir, NULL)))
    {
      int saved = errno;

      g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_OPEN,
                   _("Cannot use the folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  g_free (self->path);
  self->path = g_build_filename (real, base, NULL);
  free (real);
  return TRUE;
}

gboolean
_voc_store_check_files (VocStore  *self,
                        GError   **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (db_suffixes); i++)
    {
      g_autofree char *path = g_strconcat (self->path, db_suffixes[i], NULL);
      struct stat st;
      int fd;

      if (lstat (path, &st) != 0)
        {
          int saved = errno;

          if (saved == ENOENT)
            continue;
          g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_OPEN,
                       _("%s cannot be read: %s. Vocation changed nothing."), path, g_strerror (saved));
          return FALSE;
        }
      if (S_ISLNK (st.st_mode))
        {
          g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_OPEN,
                       _("%s is a symbolic link. Vocation reads and writes only a file of its own there, so it "
                         "changed nothing; move the link away and start Vocation again."), path);
          return FALSE;
        }
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_OPEN,
                       _("%s is %s, not a file. Vocation changed nothing; move it away and start Vocation again."),
                       path, voc_file_describe_mode (st.st_mode));
          return FALSE;
        }
      if (st.st_uid != geteuid ())
        {
          g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_OPEN,
                       _("%s belongs to another user. Vocation changed nothing; it opens only a file of your own."),
                       path);
          return FALSE;
        }
      if (i > 0)
        continue;

      /* Healthy files that cannot be opened are not damaged: say what is
       * true and move nothing. */
      fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
      if (fd < 0)
        {
          int saved = errno;

          g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_OPEN,
                       _("%s cannot be read: %s. Vocation changed nothing; give yourself permission to read "
                         "and write it (chmod 600) and start Vocation again."),
                       path, saved == EACCES || saved == EPERM ? _("permission denied") : g_strerror (saved));
          return FALSE;
        }
      close (fd);
      fd = g_open (path, O_RDWR | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
      if (fd < 0)
        {
          int saved = errno;

          g_clear_pointer (&self->read_only, g_free);
          self->read_only = g_strdup (saved == EROFS ? _("the folder is on a read-only disk")
                                                     : _("the file is read-only"));
        }
      else
        close (fd);
    }
  return TRUE;
}

gboolean
_voc_store_create_file (VocStore  *self,
                        GError   **error)
{
  struct stat st;
  int fd;

  /* Never through a link: a dangling vocation.db link would have its
   * target created wherever it points. */
  fd = g_open (self->path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      if (saved == ELOOP)
        g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_OPEN,
                     _("%s is a symbolic link. Vocation reads and writes only a file of its own there, so it "
                       "changed nothing; move the link away and start Vocation again."), self->path);
      else
        g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_OPEN,
                     _("Cannot create %s: %s"), self->path, g_strerror (saved));
      return FALSE;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_OPEN,
                   _("%s is %s, not a file. Vocation changed nothing; move it away and start Vocation again."),
                   self->path, voc_file_describe_mode (st.st_mode));
      close (fd);
      return FALSE;
    }
  fchmod (fd, 0600);
  close (fd);
  return TRUE;
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

/* The record of a recovery under way: the name the damaged file goes to,
 * and whether all of it has gone there. Written before each step, so the
 * next start knows where an interrupted one stood. */
static gboolean
write_record (const char  *db_path,
              const char  *damaged,
              gboolean     moved,
              GError     **error)
{
  g_autofree char *record = recovery_record (db_path);
  g_autofree char *name = g_path_get_basename (damaged);
  g_autofree char *text = g_strdup_printf ("%s\n%s\n", name, moved ? "moved" : "moving");
  g_autoptr (GError) local_error = NULL;

  if (!voc_file_replace (record, text, strlen (text), 0600, &local_error))
    {
      g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_OPEN,
                   _("%s is damaged, and Vocation cannot note what it does about it: %s"),
                   db_path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
_voc_store_recovery_pending (VocStore *self)
{
  g_autofree char *record = recovery_record (self->path);
  struct stat st;

  return lstat (record, &st) == 0;
}

/* Moves what is left of the damaged file to @damaged (main file last: a
 * start that finds it still there finds it damaged again), then restores
 * the newest healthy snapshot and drops the record. */
static gboolean
finish_recovery (VocStore    *self,
                 const char  *damaged,
                 gboolean     moved,
                 gboolean     resumed,
                 GError     **error)
{
  static const char *const order[] = { "-journal", "-wal", "-shm", "" };
  g_autoptr (GPtrArray) snapshots = list_snapshots (self->path);
  g_autoptr (GString) note = g_string_new (NULL);
  g_autofree char *record = recovery_record (self->path);
  g_autofree char *dir = g_path_get_dirname (self->path);
  gboolean restored = FALSE;

  for (guint i = 0; !moved && i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *from = g_strconcat (self->path, order[i], NULL);
      g_autofree char *to = g_strconcat (damaged, order[i], NULL);
      struct stat st;

      if (lstat (from, &st) != 0)
        continue;
      if (g_rename (from, to) != 0)
        {
          int saved = errno;

          g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_OPEN,
                       _("%s is damaged and cannot be moved aside: %s"), from, g_strerror (saved));
          return FALSE;
        }
    }
  if (!moved && !write_record (self->path, damaged, TRUE, error))
    return FALSE;

  if (resumed)
    g_string_append (note, _("Vocation was stopped while it was recovering your data, and has now finished. "));
  g_string_append_printf (note, _("Your data file could not be read; it may have been damaged by a crash "
                                  "or a full disk. It was kept unchanged as %s."), damaged);

  for (guint i = 0; i < snapshots->len && !restored; i++)
    {
      const char *snapshot = g_ptr_array_index (snapshots, i);
      g_autofree char *name = g_path_get_basename (snapshot);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (_voc_store_check_health (snapshot, FALSE, NULL) != VOC_HEALTH_OK ||
          !g_file_get_contents (snapshot, &contents, &length, NULL) ||
          !voc_file_replace (self->path, contents, length, 0600, NULL))
        continue;
      g_string_append_c (note, ' ');
      g_string_append_printf (note, _("Vocation restored the copy it saved as %s; "
                                      "changes made after it are in the damaged file."), name);
      restored = TRUE;
    }
  if (!restored)
    {
      g_string_append_c (note, ' ');
      g_string_append (note, _("There was no saved copy to restore, so Vocation started with an empty profile."));
    }

  g_unlink (record);
  {
    int dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

    if (dir_fd >= 0)
      {
        fsync (dir_fd);
        close (dir_fd);
      }
  }
  g_free (self->recovery_note);
  self->recovery_note = g_string_free (g_steal_pointer (&note), FALSE);
  return TRUE;
}

gboolean
_voc_store_recover (VocStore  *self,
                    GError   **error)
{
  g_autofree char *stamp = timestamp_now ();
  g_autofree char *damaged = g_strdup_printf ("%s.damaged-%s", self->path, stamp);

  if (!write_record (self->path, damaged, FALSE, error))
    return FALSE;
  return finish_recovery (self, damaged, FALSE, FALSE, error);
}

gboolean
_voc_store_resume_recovery (VocStore  *self,
                            GError   **error)
{
  g_autofree char *record = recovery_record (self->path);
  g_autofree char *base = g_path_get_basename (self->path);
  g_autofree char *prefix = g_strconcat (base, ".damaged-", NULL);
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *damaged = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local_error = NULL;
  g_auto (GStrv) lines = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  const char *data;

  if (!_voc_store_recovery_pending (self))
    return TRUE;

  if (!(bytes = voc_file_read (record, 4096, &local_error)))
    {
      g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_OPEN,
                   _("Vocation was stopped while it was recovering your data, and cannot read its notes of it "
                     "in %s: %s"), record, local_error->message);
      return FALSE;
    }
  data = g_bytes_get_data (bytes, &length);
  text = g_strndup (data, length);
  lines = g_strsplit (text, "\n", 3);
  /* Only a name Vocation itself gives, in this folder. */
  if (g_strv_length (lines) < 2 || !g_str_has_prefix (lines[0], prefix) || strchr (lines[0], '/') != NULL ||
      (g_strcmp0 (lines[1], "moving") != 0 && g_strcmp0 (lines[1], "moved") != 0))
    {
      g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_OPEN,
                   _("Vocation was stopped while it was recovering your data, and its notes of it in %s are "
                     "not its own. It changed nothing; move that file away and start Vocation again."), record);
      return FALSE;
    }
  damaged = g_build_filename (dir, lines[0], NULL);
  return finish_recovery (self, damaged, g_str_equal (lines[1], "moved"), TRUE, error);
}

/* Copies the database @source (open on @db_path) into the snapshots
 * folder beside it. Any thread, with a connection of its own. */
gboolean
_voc_store_snapshot_from (const char  *db_path,
                          sqlite3     *source,
                          GError     **error)
{
  g_autofree char *dir = snapshot_dir (db_path);
  g_autofree char *stamp = timestamp_now ();
  g_autofree char *name = g_strdup_printf ("vocation-%s.db", stamp);
  g_autofree char *target = g_build_filename (dir, name, NULL);
  g_autofree char *partial = NULL;
  g_autoptr (GPtrArray) snapshots = NULL;
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int fd, rc;

  if (!ensure_private_dir (dir, FALSE, error))
    return FALSE;
  if (g_file_test (target, G_FILE_TEST_EXISTS))
    return TRUE;

  /* Written under another name and renamed when whole, so a copy cut short
   * (a crash, a full disk) is never taken for one of the five kept; it is
   * locked while written, so the next run can tell one a kill left. */
  voc_file_remove_stale (dir, ".partial");
  partial = g_strconcat (target, ".partial", NULL);
  fd = g_open (partial, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_OPEN,
                   _("Cannot save a copy of %s in %s: %s"), db_path, dir, g_strerror (saved));
      return FALSE;
    }
  voc_file_lock_fd (fd);

  /* The backup API copies a consistent image, even of a WAL database.
   * The copy needs no journal: a failed one is never renamed. */
  rc = sqlite3_open_v2 (partial, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (copy, "PRAGMA journal_mode = OFF", NULL, NULL, NULL);
  if (rc == SQLITE_OK && (backup = sqlite3_backup_init (copy, "main", source, "main")))
    {
      /* Another process writing: wait for it, as every connection does. */
      for (guint tries = 0; tries < 200; tries++)
        {
          rc = sqlite3_backup_step (backup, -1);
          if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
            break;
          g_usleep (50 * G_TIME_SPAN_MILLISECOND);
        }
      sqlite3_backup_finish (backup);
      rc = sqlite3_errcode (copy);
    }
  else if (rc == SQLITE_OK)
    rc = sqlite3_errcode (copy);
  sqlite3_close_v2 (copy);
  if (rc != SQLITE_OK || g_rename (partial, target) != 0)
    {
      g_unlink (partial);
      close (fd);
      g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_QUERY,
                   _("Cannot save a copy of %s in %s: %s"), db_path, dir,
                   rc != SQLITE_OK ? sqlite3_errstr (rc) : g_strerror (errno));
      return FALSE;
    }
  close (fd);

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

  return _voc_store_snapshot_from (self->path, self->db, error);
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
void
_voc_store_maybe_daily_snapshot (const char *db_path,
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
    _voc_store_snapshot_from (db_path, source, NULL);
}

void
_voc_store_remove_leftovers (VocStore *self)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *snapshots = snapshot_dir (self->path);

  /* Copies of a snapshot or of a restored file cut short by a kill. */
  voc_file_remove_stale (snapshots, ".partial");
  voc_file_remove_stale_temporaries (dir);
}

gboolean
_voc_store_is_own_file (VocStore   *self,
                        const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *real_dir = realpath (dir, NULL);
  g_autofree char *real = NULL;
  g_autofree char *snapshots = snapshot_dir (self->path);
  g_autofree char *record = recovery_record (self->path);
  struct stat target;
  gboolean exists;

  if (real_dir == NULL)
    return FALSE;
  real = g_build_filename (real_dir, base, NULL);
  exists = stat (path, &target) == 0;

  /* By name, whether it exists now or not ... */
  if (g_str_equal (real_dir, snapshots) || g_str_equal (real, record))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (db_suffixes); i++)
    {
      g_autofree char *own = g_strconcat (self->path, db_suffixes[i], NULL);
      struct stat st;

      if (g_str_equal (real, own))
        return TRUE;
      /* ... and by what it is, under any other name (a hard link). */
      if (exists && stat (own, &st) == 0 && st.st_dev == target.st_dev && st.st_ino == target.st_ino)
        return TRUE;
    }
  return FALSE;
}
