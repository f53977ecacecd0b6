/* voc-file.h: reading and writing files the way a hostile folder cannot abuse
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sys/stat.h>

G_BEGIN_DECLS

/* What a file of @mode is, for a message: "a folder", "a named pipe
 * (FIFO)", "a device", "a socket", "a symbolic link" or "a file". */
const char *voc_file_describe_mode (mode_t mode);

/* Reads @path whole, if it is a regular file (or a link to one) of at
 * most @max_size bytes. A FIFO or a device is refused without waiting on
 * it or reading it, and the limit holds while reading, whatever the size
 * the file claims. On error the message says what is wrong, without the
 * path (the caller names the file): G_IO_ERROR_NOT_FOUND,
 * G_IO_ERROR_IS_DIRECTORY, G_IO_ERROR_NOT_REGULAR_FILE,
 * G_IO_ERROR_MESSAGE_TOO_LARGE ("the file is 70.0 MiB; ..."),
 * G_IO_ERROR_PERMISSION_DENIED or G_IO_ERROR_FAILED. */
GBytes     *voc_file_read        (const char  *path,
                                  gsize        max_size,
                                  GError     **error);

/* What to tell the user when voc_file_read() failed on @path, with the
 * words for what was @expected ("a catalog file") and the @kind of file
 * the size limit is for ("a catalog"). */
char       *voc_file_read_error_message (const char   *path,
                                         const GError *error,
                                         const char   *expected,
                                         const char   *kind,
                                         gsize         max_size);

/* A file written under a temporary name beside @path and renamed over it
 * when whole and on disk, so a crash never leaves half a file under the
 * name, and a failed write leaves what was there. The temporary file is
 * locked while written: a later write into the same folder removes the
 * ones a killed process left. @path must not be a symbolic link, a FIFO,
 * a device or a folder. Messages do not name @path: the caller does
 * ("it is a symbolic link; ...", "cannot write: No space left on device"). */
typedef struct _VocAtomicFile VocAtomicFile;

VocAtomicFile *voc_atomic_file_new    (const char     *path,
                                       int             mode,
                                       GError        **error);
gboolean       voc_atomic_file_write  (VocAtomicFile  *self,
                                       const void     *data,
                                       gsize           length,
                                       GError        **error);
/* Syncs, renames over the target and syncs its folder. */
gboolean       voc_atomic_file_commit (VocAtomicFile  *self,
                                       GError        **error);
/* Removes the temporary file unless committed. */
void           voc_atomic_file_free   (VocAtomicFile  *self);
const char    *voc_atomic_file_get_temp_path (VocAtomicFile *self);

/* Writes @data to @path through a VocAtomicFile. */
gboolean       voc_file_replace       (const char     *path,
                                       const void     *data,
                                       gsize           length,
                                       int             mode,
                                       GError        **error);

/* Removes the temporary files of VocAtomicFile in @dir that no process
 * is writing any more (killed before it could rename them). */
void           voc_file_remove_stale_temporaries (const char *dir);

/* Removes files in @dir whose name ends with @suffix that no process
 * holds a lock on (see voc_file_lock_fd()): copies cut short by a kill. */
void           voc_file_remove_stale (const char *dir,
                                      const char *suffix);
/* Takes a lock on @fd that voc_file_remove_stale() respects; it goes
 * with the process, so a killed writer's file is stale at once. */
gboolean       voc_file_lock_fd      (int         fd);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VocAtomicFile, voc_atomic_file_free)

G_END_DECLS
