/* test-migrations.c: every released schema opens in this version, data intact
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include <glib/gstdio.h>

#include "voc-profile.h"
#include "voc-store.h"
#include "voc-test-utils.h"

static char *
copy_fixture (const char *name,
              char      **dir_out)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "fixtures", "db", name, NULL);
  g_autofree char *dir = voc_test_make_folder ("vocation-migrations-XXXXXX");
  g_autofree char *contents = NULL;
  char *target = g_build_filename (dir, "vocation.db", NULL);
  gsize length = 0;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (target, contents, length, NULL));
  *dir_out = g_steal_pointer (&dir);
  return target;
}

static int
user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

static void
test_v1 (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture ("v1.db", &dir);
  g_autofree char *snapshots = g_build_filename (dir, "snapshots", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (VocStore) store = voc_store_open (path, &error);
  g_autoptr (VocProfile) profile = NULL;
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GDir) d = NULL;
  const char *name;
  guint n_snapshots = 0;

  g_assert_no_error (error);
  g_assert_cmpint (voc_store_get_schema_version (store), ==, 2);

  /* Every rating and every history entry came through. */
  profile = voc_profile_new_for_store (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (voc_profile_get_level (profile, "sql"), ==, 3);
  g_assert_cmpint (voc_profile_get_level (profile, "python"), ==, 4);
  g_assert_cmpint (voc_profile_get_level (profile, "excel"), ==, 2);
  g_assert_false (voc_profile_is_relevant (profile, "excel"));
  before = voc_store_load_ratings_at (store, 1763500000000000, &error);
  g_assert_cmpuint (before->len, ==, 1);
  g_assert_cmpint (((VocRating *) g_ptr_array_index (before, 0))->level, ==, 2);

  /* A copy of the old file was saved before its schema changed. */
  d = g_dir_open (snapshots, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *snapshot = g_build_filename (snapshots, name, NULL);

      g_assert_cmpint (user_version (snapshot), ==, 1);
      n_snapshots++;
    }
  g_assert_cmpuint (n_snapshots, ==, 1);

  /* And the new tables are there and usable. */
  g_assert_true (voc_store_set_rating (store, "sql", 4, TRUE, &error));
  g_assert_no_error (error);
}

static void
test_fresh_is_current (void)
{
  g_autofree char *dir = voc_test_make_folder ("vocation-migrations-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "vocation.db", NULL);
  g_autofree char *snapshots = g_build_filename (dir, "snapshots", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (VocStore) store = voc_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (voc_store_get_schema_version (store), ==, 2);
  g_assert_cmpint (user_version (path), ==, 2);
  /* Nothing to keep from a new, empty file. */
  g_assert_false (g_file_test (snapshots, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/migrations/v1", test_v1);
  g_test_add_func ("/migrations/fresh-is-current", test_fresh_is_current);

  return g_test_run ();
}
