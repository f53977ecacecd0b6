/* test-store.c: ratings survive a restart, the history records them, files are private
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "voc-profile.h"
#include "voc-store.h"
#include "voc-test-utils.h"

static char *
temp_db (void)
{
  g_autofree char *dir = voc_test_make_folder ("vocation-store-XXXXXX");

  return g_build_filename (dir, "data", "vocation", "vocation.db", NULL);
}

static int
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
test_survives_restart (void)
{
  g_autofree char *path = temp_db ();
  g_autoptr (GError) error = NULL;

  {
    g_autoptr (VocStore) store = voc_store_open (path, &error);
    g_autoptr (VocProfile) profile = NULL;

    g_assert_no_error (error);
    profile = voc_profile_new_for_store (store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (voc_profile_get_n_rated (profile), ==, 0);
    g_assert_true (voc_profile_set_rating (profile, "sql", 2, TRUE, &error));
    g_assert_true (voc_profile_set_rating (profile, "sql", 3, TRUE, &error));
    g_assert_true (voc_profile_set_rating (profile, "excel", 4, FALSE, &error));
    g_assert_true (voc_profile_set_rating (profile, "python", 1, TRUE, &error));
    g_assert_true (voc_profile_set_rating (profile, "python", -1, TRUE, &error));
    g_assert_no_error (error);
  }

  /* A new process would see exactly this. */
  {
    g_autoptr (VocStore) store = voc_store_open (path, &error);
    g_autoptr (VocProfile) profile = voc_profile_new_for_store (store, &error);

    g_assert_no_error (error);
    g_assert_cmpint (voc_store_get_schema_version (store), ==, 2);
    g_assert_cmpint (voc_profile_get_level (profile, "sql"), ==, 3);
    g_assert_true (voc_profile_is_relevant (profile, "sql"));
    g_assert_cmpint (voc_profile_get_level (profile, "excel"), ==, 4);
    g_assert_false (voc_profile_is_relevant (profile, "excel"));
    g_assert_cmpint (voc_profile_get_level (profile, "python"), ==, -1);
    g_assert_cmpuint (voc_profile_get_n_rated (profile), ==, 1);
  }
}

static void
test_history (void)
{
  g_autofree char *path = temp_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (VocStore) store = voc_store_open (path, &error);
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GArray) days = NULL;
  gint64 between;

  g_assert_no_error (error);
  g_assert_true (voc_store_set_rating (store, "sql", 1, TRUE, &error));
  g_assert_true (voc_store_set_rating (store, "excel", 2, TRUE, &error));
  g_usleep (2000);
  between = g_get_real_time ();
  g_usleep (2000);
  g_assert_true (voc_store_set_rating (store, "sql", 4, TRUE, &error));
  g_assert_true (voc_store_set_rating (store, "excel", -1, TRUE, &error));

  /* As it stood in between: SQL 1 and Excel 2. */
  before = voc_store_load_ratings_at (store, between, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, 2);
  g_assert_cmpstr (((VocRating *) g_ptr_array_index (before, 0))->skill_id, ==, "excel");
  g_assert_cmpint (((VocRating *) g_ptr_array_index (before, 0))->level, ==, 2);
  g_assert_cmpint (((VocRating *) g_ptr_array_index (before, 1))->level, ==, 1);

  /* Now: SQL 4; the cleared Excel rating is gone. */
  after = voc_store_load_ratings_at (store, g_get_real_time (), &error);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpint (((VocRating *) g_ptr_array_index (after, 0))->level, ==, 4);

  days = voc_store_list_history_days (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 1);
  g_assert_cmpint (g_array_index (days, gint64, 0), >, g_get_real_time ());
}

static void
test_permissions (void)
{
  g_autofree char *path = temp_db ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (VocStore) store = NULL;
  mode_t old = umask (0022);

  store = voc_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (voc_store_set_rating (store, "sql", 2, TRUE, &error));
  umask (old);

  g_assert_cmpint (mode_of (dir), ==, 0700);
  g_assert_cmpint (mode_of (path), ==, 0600);
  g_assert_cmpint (mode_of (wal), ==, 0600);
  g_assert_cmpint (mode_of (shm), ==, 0600);
}

static void
test_settings (void)
{
  g_autofree char *path = temp_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (VocStore) store = voc_store_open (path, &error);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_invalid_level (void)
{
  g_autofree char *path = temp_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (VocStore) store = voc_store_open (path, &error);
  g_autoptr (GPtrArray) ratings = NULL;

  g_assert_false (voc_store_set_rating (store, "sql", 6, TRUE, &error));
  g_assert_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Nothing half-written. */
  ratings = voc_store_load_ratings (store, &error);
  g_assert_cmpuint (ratings->len, ==, 0);
}

static void
test_newer_version_refused (void)
{
  g_autofree char *path = temp_db ();
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  sqlite3 *db = NULL;

  {
    g_autoptr (VocStore) store = voc_store_open (path, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  g_assert_null (voc_store_open (path, &error));
  g_assert_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version of Vocation"));

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

/* As a newer Vocation leaves it after a crash: in WAL mode, its last
 * changes still in the log. Refused by both ways of opening, and neither
 * file changed (a checkpoint on close would copy the log into the file). */
static void
test_newer_version_in_wal_refused (void)
{
  g_autofree char *path = temp_db ();
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *db_before = NULL;
  g_autofree char *wal_before = NULL;
  gsize db_len, wal_len;
  sqlite3 *db = NULL;

  {
    g_autoptr (VocStore) store = voc_store_open (path, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; "
                                     "PRAGMA user_version = 99; "
                                     "CREATE TABLE from_the_future (x); INSERT INTO from_the_future VALUES (1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &db_before, &db_len, NULL));
  g_assert_true (g_file_get_contents (wal, &wal_before, &wal_len, NULL));
  g_assert_cmpuint (wal_len, >, 0);

  for (int unchecked = 0; unchecked < 2; unchecked++)
    {
      g_autoptr (VocStore) store = unchecked ? voc_store_open_unchecked (path, &error) : voc_store_open (path, &error);
      g_autofree char *db_after = NULL;
      g_autofree char *wal_after = NULL;
      gsize db_after_len, wal_after_len;

      g_assert_null (store);
      g_assert_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_TOO_NEW);
      g_clear_error (&error);
      g_assert_true (g_file_get_contents (path, &db_after, &db_after_len, NULL));
      g_assert_cmpmem (db_before, db_len, db_after, db_after_len);
      g_assert_true (g_file_get_contents (wal, &wal_after, &wal_after_len, NULL));
      g_assert_cmpmem (wal_before, wal_len, wal_after, wal_after_len);
    }
}

static void
test_unwritable_folder (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VocStore) store = voc_store_open ("/proc/vocation/vocation.db", &error);

  g_assert_null (store);
  g_assert_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "/proc/vocation"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/survives-restart", test_survives_restart);
  g_test_add_func ("/store/history", test_history);
  g_test_add_func ("/store/permissions", test_permissions);
  g_test_add_func ("/store/settings", test_settings);
  g_test_add_func ("/store/invalid-level", test_invalid_level);
  g_test_add_func ("/store/newer-version-in-wal-refused", test_newer_version_in_wal_refused);
  g_test_add_func ("/store/newer-version-refused", test_newer_version_refused);
  g_test_add_func ("/store/unwritable-folder", test_unwritable_folder);

  return g_test_run ();
}
