/* store-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "store-test-utils.h"

VocStore *
test_store_new (char **path_out)
{
  g_autofree char *dir = g_dir_make_tmp ("vocation-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "vocation.db", NULL);
  g_autoptr (GError) error = NULL;
  VocStore *store = voc_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (path_out)
    *path_out = g_steal_pointer (&path);
  return store;
}
