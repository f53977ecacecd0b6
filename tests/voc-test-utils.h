/* voc-test-utils.h: what the C tests share: folders, stores, trees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "voc-store.h"

G_BEGIN_DECLS

/* A new empty folder in the temporary folder, named after @name_template
 * ("vocation-store-XXXXXX"). It and everything in it are removed when
 * the test program exits, so test runs leave nothing behind. */
char     *voc_test_make_folder (const char *name_template);
/* Removes @path and, when it is a folder, everything in it (folders made
 * read-only included); never follows a symbolic link. TRUE if it is gone. */
gboolean  voc_test_remove_tree (const char *path);
/* A new store in a folder of its own (removed at exit); @path_out, if
 * not NULL, gets the database's path. Fails the test if it cannot be
 * opened. */
VocStore *voc_test_store_new   (char      **path_out);

G_END_DECLS
