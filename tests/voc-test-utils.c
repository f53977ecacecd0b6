/* voc-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "voc-test-utils.h"

static GPtrArray *folders;  /* to remove at exit */

static void
remove_folders (void)
{
  for (guint i = 0; folders != NULL && i < folders->len; i++)
    voc_test_remove_tree (g_ptr_array_index (folders, i));
  g_clear_pointer (&folders, g_ptr_array_unref);
}

char *
voc_test_make_folder (const char *name_template)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp (name_template, &error);

  g_assert_no_error (error);
  if (folders == NULL)
    {
      folders = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_folders);
    }
  g_ptr_array_add (folders, g_strdup (dir));
  return dir;
}

gboolean
voc_test_remove_tree (const char *path)
{
  GStatBuf info;

  if (g_lstat (path, &info) != 0)
    return errno == ENOENT;
  if (S_ISDIR (info.st_mode))
    {
      g_autoptr (GDir) dir = NULL;
      const char *name;

      /* A test may have taken the write bit away to make it read-only. */
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir && (name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          voc_test_remove_tree (child);
        }
      return g_rmdir (path) == 0;
    }
  return g_unlink (path) == 0;
}

VocStore *
voc_test_store_new (char **path_out)
{
  g_autofree char *dir = voc_test_make_folder ("vocation-test-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "vocation.db", NULL);
  g_autoptr (GError) error = NULL;
  VocStore *store = voc_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (path_out)
    *path_out = g_steal_pointer (&path);
  return store;
}
