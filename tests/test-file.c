/* test-file.c: reading only regular files within a limit; atomic writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "voc-file.h"
#include "voc-test-utils.h"

static char *
scratch_dir (void)
{
  return voc_test_make_folder ("test-file-XXXXXX");
}

/* /proc files claim a size of 0: the limit holds while reading. */
static void
test_read_limit_while_reading (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  GStatBuf st;

  if (g_stat ("/proc/self/maps", &st) != 0 || st.st_size != 0)
    {
      g_test_skip ("no /proc/self/maps of size 0 here");
      return;
    }
  bytes = voc_file_read ("/proc/self/maps", 64, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_clear_error (&error);

  bytes = voc_file_read ("/proc/self/maps", 16 * 1024 * 1024, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 64);
}

static void
test_read_refuses_what_is_not_a_file (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  gint64 started;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  started = g_get_monotonic_time ();
  bytes = voc_file_read (fifo, 1024, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_cmpstr (error->message, ==, "is a named pipe (FIFO), not a file");
  /* Not waited on. */
  g_assert_cmpint (g_get_monotonic_time () - started, <, G_USEC_PER_SEC);
  g_clear_error (&error);

  bytes = voc_file_read ("/dev/zero", 1024, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_cmpstr (error->message, ==, "is a device, not a file");
  g_clear_error (&error);

  bytes = voc_file_read (dir, 1024, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_unlink (fifo);
  g_rmdir (dir);
}

/* A write never shows half a file under the name; one that is not
 * committed leaves the old file and no temporary one. */
static void
test_atomic_file (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *link = g_build_filename (dir, "link.png", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) listing = NULL;
  VocAtomicFile *file;
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  file = voc_atomic_file_new (path, 0600, &error);
  g_assert_no_error (error);
  g_assert_true (voc_atomic_file_write (file, "new, half", 9, &error));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_clear_pointer (&contents, g_free);
  voc_atomic_file_free (file);
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "chart.png");
  g_assert_null (g_dir_read_name (listing));
  g_clear_pointer (&listing, g_dir_close);

  g_assert_true (voc_file_replace (path, "new", 3, 0640, &error));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  /* Never through a link. */
  g_assert_cmpint (symlink (path, link), ==, 0);
  g_assert_false (voc_file_replace (link, "other", 5, 0600, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new");

  g_unlink (link);
  g_unlink (path);
  g_rmdir (dir);
}

/* A temporary file left by a kill goes; one still being written stays. */
static void
test_stale_temporaries (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *stale = g_build_filename (dir, ".a.json.AAAAAA.vocation-partial", NULL);
  g_autofree char *mine = g_build_filename (dir, "notes.vocation-partial.txt", NULL);
  g_autoptr (VocAtomicFile) live = NULL;
  g_autofree char *live_path = NULL;
  g_autofree char *target = g_build_filename (dir, "b.json", NULL);

  g_assert_true (g_file_set_contents (stale, "{", -1, NULL));
  g_assert_true (g_file_set_contents (mine, "a user's file", -1, NULL));
  live = voc_atomic_file_new (target, 0600, NULL);
  live_path = g_strdup (voc_atomic_file_get_temp_path (live));

  voc_file_remove_stale_temporaries (dir);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (mine, G_FILE_TEST_EXISTS));

  g_clear_pointer (&live, voc_atomic_file_free);
  g_assert_false (g_file_test (live_path, G_FILE_TEST_EXISTS));
  g_unlink (mine);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file/read/limit-while-reading", test_read_limit_while_reading);
  g_test_add_func ("/file/read/not-a-file", test_read_refuses_what_is_not_a_file);
  g_test_add_func ("/file/atomic", test_atomic_file);
  g_test_add_func ("/file/stale-temporaries", test_stale_temporaries);

  return g_test_run ();
}
