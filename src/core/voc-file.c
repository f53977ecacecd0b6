/* voc-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "voc-file.h"

#define TEMP_SUFFIX ".vocation-partial"

const char *
voc_file_describe_mode (mode_t mode)
{
  if (S_ISDIR (mode))
    return _("a folder");
  if (S_ISFIFO (mode))
    return _("a named pipe (FIFO)");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("a device");
  if (S_ISSOCK (mode))
    return _("a socket");
  if (S_ISLNK (mode))
    return _("a symbolic link");
  return _("a file");
}

static void
set_errno_error (GError     **error,
                 int          saved,
                 const char  *what)
{
  if (saved == EACCES || saved == EPERM)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                 _("%s: permission denied"), what);
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", what, g_strerror (saved));
}

GBytes *
voc_file_read (const char  *path,
               gsize        max_size,
               GError     **error)
{
  g_autoptr (GByteArray) data = NULL;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  /* Non-blocking, so that opening a FIFO does not wait for a writer. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved = errno;

      if (saved == ENOENT)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("no such file; check the name and the folder"));
      else
        set_errno_error (error, saved, _("cannot be read"));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      gboolean is_dir = S_ISDIR (st.st_mode);

      if (is_dir)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("is a folder"));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                     _("is %s, not a file"), voc_file_describe_mode (st.st_mode));
      close (fd);
      return NULL;
    }
  if ((guint64) st.st_size > max_size)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("the file is %.1f MiB"), st.st_size / (1024.0 * 1024.0));
      close (fd);
      return NULL;
    }
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);

  /* The size the file claims is only a hint (/proc and growing files
   * lie): the limit is held while reading. */
  data = g_byte_array_sized_new ((guint) MIN ((guint64) st.st_size + 1, (guint64) max_size + 1));
  for (;;)
    {
      guint8 buffer[64 * 1024];
      gssize n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          set_errno_error (error, saved, _("cannot be read"));
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      if (data->len + (gsize) n > max_size)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       _("the file is more than %" G_GSIZE_FORMAT " MiB"), max_size / (1024 * 1024));
          close (fd);
          return NULL;
        }
      g_byte_array_append (data, buffer, (guint) n);
    }
  close (fd);
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

char *
voc_file_read_error_message (const char   *path,
                             const GError *error,
                             const char   *expected,
                             const char   *kind,
                             gsize         max_size)
{
  g_autofree char *name = g_path_get_basename (path);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return g_strdup_printf (_("%s: %s"), path, error->message);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE))
    /* Translators: "roles.json: is a named pipe (FIFO), not a file; expected a catalog file" */
    return g_strdup_printf (_("%s: %s; expected %s"), name, error->message, expected);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    /* Translators: "huge.json: the file is 65.0 MiB; a catalog may be at most 64 MiB" */
    return g_strdup_printf (_("%s: %s; %s may be at most %" G_GSIZE_FORMAT " MiB"), name, error->message, kind,
                            max_size / (1024 * 1024));
  return g_strdup_printf (_("%s: cannot read the file: %s"), name, error->message);
}

gboolean
voc_file_lock_fd (int fd)
{
  return flock (fd, LOCK_EX | LOCK_NB) == 0;
}

void
voc_file_remove_stale (const char *dir_path,
                       const char *suffix)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  g_return_if_fail (dir_path != NULL && suffix != NULL);

  if (!(dir = g_dir_open (dir_path, 0, NULL)))
    return;
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = NULL;
      struct stat st;
      int fd;

      if (!g_str_has_suffix (name, suffix))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY, 0);
      if (fd < 0)
        continue;
      /* Only a file of ours that nobody is writing: its writer holds a
       * lock on it until it renames it. */
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == geteuid () && voc_file_lock_fd (fd))
        g_unlink (path);
      close (fd);
    }
}

void
voc_file_remove_stale_temporaries (const char *dir)
{
  voc_file_remove_stale (dir, TEMP_SUFFIX);
}

struct _VocAtomicFile
{
  char     *path;
  char     *temp_path;
  int       fd;
  gboolean  committed;
};

/* @path must be a place for a file of our own: nothing, or a regular file. */
static gboolean
check_target (const char  *path,
              GError     **error)
{
  struct stat st;

  if (lstat (path, &st) != 0)
    {
      int saved = errno;

      if (saved == ENOENT)
        return TRUE;
      set_errno_error (error, saved, _("cannot look at it"));
      return FALSE;
    }
  if (S_ISLNK (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("it is a symbolic link; Vocation writes only to a file itself, never through a link. "
                     "Choose the file it points to, or another name"));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("it is %s, not a file; choose a file name"), voc_file_describe_mode (st.st_mode));
      return FALSE;
    }
  return TRUE;
}

VocAtomicFile *
voc_atomic_file_new (const char  *path,
                     int          mode,
                     GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  VocAtomicFile *self;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_target (path, error))
    return NULL;

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  voc_file_remove_stale_temporaries (dir);

  /* The leading dot keeps it out of sight while it is written. */
  temp = g_strdup_printf ("%s" G_DIR_SEPARATOR_S ".%s.XXXXXX" TEMP_SUFFIX, dir, base);
  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, mode);
  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *what = g_strdup_printf (_("cannot create a file in %s"), dir);

      set_errno_error (error, saved, what);
      return NULL;
    }
  /* mkstemp honours the umask; the mode asked for is the mode meant. */
  fchmod (fd, (mode_t) mode);
  voc_file_lock_fd (fd);

  self = g_new0 (VocAtomicFile, 1);
  self->path = g_strdup (path);
  self->temp_path = g_steal_pointer (&temp);
  self->fd = fd;
  return self;
}

const char *
voc_atomic_file_get_temp_path (VocAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->temp_path;
}

gboolean
voc_atomic_file_write (VocAtomicFile  *self,
                       const void     *data,
                       gsize           length,
                       GError        **error)
{
  const guint8 *p = data;

  g_return_val_if_fail (self != NULL && self->fd >= 0, FALSE);

  while (length > 0)
    {
      gssize n = write (self->fd, p, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          set_errno_error (error, saved, _("cannot write"));
          return FALSE;
        }
      p += n;
      length -= (gsize) n;
    }
  return TRUE;
}

gboolean
voc_atomic_file_commit (VocAtomicFile  *self,
                        GError        **error)
{
  g_autofree char *dir = NULL;
  int dir_fd;

  g_return_val_if_fail (self != NULL && self->fd >= 0, FALSE);

  if (fsync (self->fd) != 0)
    {
      int saved = errno;

      set_errno_error (error, saved, _("cannot write"));
      return FALSE;
    }
  /* Something else may have taken the name meanwhile. */
  if (!check_target (self->path, error))
    return FALSE;
  if (g_rename (self->temp_path, self->path) != 0)
    {
      int saved = errno;

      set_errno_error (error, saved, _("cannot replace it"));
      return FALSE;
    }
  self->committed = TRUE;

  /* The rename itself on disk: the folder's entry. */
  dir = g_path_get_dirname (self->path);
  dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
  close (self->fd);
  self->fd = -1;
  return TRUE;
}

void
voc_atomic_file_free (VocAtomicFile *self)
{
  if (self == NULL)
    return;
  if (!self->committed && self->temp_path != NULL)
    g_unlink (self->temp_path);
  if (self->fd >= 0)
    close (self->fd);
  g_free (self->path);
  g_free (self->temp_path);
  g_free (self);
}

gboolean
voc_file_replace (const char  *path,
                  const void  *data,
                  gsize        length,
                  int          mode,
                  GError     **error)
{
  g_autoptr (VocAtomicFile) file = voc_atomic_file_new (path, mode, error);

  return file != NULL && voc_atomic_file_write (file, data, length, error) && voc_atomic_file_commit (file, error);
}
