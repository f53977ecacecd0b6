/* test-recovery.c: a damaged database is kept, moved aside and replaced
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <time.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "voc-profile.h"
#include "voc-store.h"
#include "voc-store-notes.h"
#include "voc-test-utils.h"

static char *
new_db_path (char **dir_out)
{
  g_autofree char *dir = voc_test_make_folder ("vocation-recovery-XXXXXX");
  char *path = g_build_filename (dir, "vocation.db", NULL);

  if (dir_out)
    *dir_out = g_steal_pointer (&dir);
  return path;
}

/* The file in @dir whose name contains @part and ends in @suffix, or NULL. */
static char *
find_file (const char *dir,
           const char *part,
           const char *suffix)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      gboolean side_file = g_str_has_suffix (name, "-wal") || g_str_has_suffix (name, "-shm");

      /* An empty suffix means the main file, not its -wal or -shm. */
      if (strstr (name, part) && g_str_has_suffix (name, suffix) && (*suffix != '\0' || !side_file))
        return g_build_filename (dir, name, NULL);
    }
  return NULL;
}

static void
assert_same_bytes (const char *path,
                   const char *expected,
                   gsize       length)
{
  g_autofree char *contents = NULL;
  gsize got = 0;

  g_assert_true (g_file_get_contents (path, &contents, &got, NULL));
  g_assert_cmpmem (contents, got, expected, length);
}

/* 200 ratings saved in a snapshot, one more after it; returns the path. */
static char *
rated_database (char **dir_out)
{
  g_autofree char *path = new_db_path (dir_out);
  g_autoptr (GError) error = NULL;
  g_autoptr (VocStore) store = voc_store_open (path, &error);

  g_assert_no_error (error);
  for (int i = 0; i < 200; i++)
    {
      g_autofree char *skill = g_strdup_printf ("skill-%03d", i);
      g_assert_true (voc_store_set_rating (store, skill, i % 6, TRUE, &error));
    }
  g_assert_true (voc_store_snapshot (store, &error));
  g_assert_true (voc_store_set_rating (store, "late-change", 5, TRUE, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* A crash or a bad disk: garbage over the second page. Returns the
 * damaged contents. */
static char *
damage_second_page (const char *path,
                    gsize      *length)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  g_assert_cmpuint (*length, >, 8192);
  memset (contents + 4096, 0xAA, 4096);
  g_assert_true (g_file_set_contents (path, contents, *length, NULL));
  return contents;
}

/* @store holds the copy of rated_database(): its 200 ratings (level 0
 * counts as rated), not the late change; the damaged file is kept. */
static void
assert_copy_restored (VocStore   *store,
                      const char *dir,
                      const char *damaged,
                      gsize       length)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VocProfile) profile = NULL;
  g_autofree char *moved = find_file (dir, "vocation.db.damaged-", "");

  g_assert_nonnull (moved);
  assert_same_bytes (moved, damaged, length);
  g_assert_nonnull (strstr (voc_store_get_recovery_note (store), "restored the copy"));

  profile = voc_profile_new_for_store (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (voc_profile_get_n_rated (profile), ==, 200);
  g_assert_cmpint (voc_profile_get_level (profile, "skill-005"), ==, 5);
  g_assert_cmpint (voc_profile_get_level (profile, "late-change"), ==, -1);
}

typedef VocStore *(*OpenFunc) (const char *path, GError **error);

/* Both ways of opening: voc_store_open_unchecked() takes the checked way
 * at once for what is not a healthy file of this version, so garbage is
 * recovered before the call returns. */
static void
test_not_a_database (gconstpointer data)
{
  OpenFunc open_store = data;
  g_autofree char *dir = NULL;
  g_autofree char *path = new_db_path (&dir);
  g_autofree char *moved = NULL;
  g_autofree char *moved_wal = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (VocStore) store = NULL;
  const char garbage[] = "This is a shopping list, not a database.\n";
  const char wal[] = "stray write-ahead log";
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);

  g_assert_true (g_file_set_contents (path, garbage, sizeof garbage - 1, NULL));
  g_assert_true (g_file_set_contents (wal_path, wal, sizeof wal - 1, NULL));

  store = open_store (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (voc_store_is_checked (store));

  /* Kept byte for byte, -wal included, under a name that says what happened. */
  moved = find_file (dir, "vocation.db.damaged-", "");
  moved_wal = find_file (dir, "vocation.db.damaged-", "-wal");
  g_assert_nonnull (moved);
  g_assert_nonnull (moved_wal);
  assert_same_bytes (moved_wal, wal, sizeof wal - 1);
  {
    g_autofree char *main_file = g_strndup (moved_wal, strlen (moved_wal) - strlen ("-wal"));
    assert_same_bytes (main_file, garbage, sizeof garbage - 1);
  }

  /* The user is told where the old file is; the new database works. */
  g_assert_nonnull (voc_store_get_recovery_note (store));
  g_assert_nonnull (strstr (voc_store_get_recovery_note (store), ".damaged-"));
  g_assert_nonnull (strstr (voc_store_get_recovery_note (store), "empty profile"));
  g_assert_true (voc_store_set_rating (store, "sql", 3, TRUE, &error));
}

static void
test_damaged_pages_restore_snapshot (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = rated_database (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (VocStore) store = NULL;
  gsize length = 0;
  g_autofree char *damaged = damage_second_page (path, &length);

  store = voc_store_open (path, &error);
  g_assert_no_error (error);
  assert_copy_restored (store, dir, damaged, length);
}

static void
test_healthy_file_untouched (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = new_db_path (&dir);
  g_autoptr (GError) error = NULL;

  {
    g_autoptr (VocStore) store = voc_store_open (path, &error);
    g_assert_true (voc_store_set_rating (store, "sql", 3, TRUE, &error));
  }
  {
    g_autoptr (VocStore) store = voc_store_open (path, &error);
    g_autofree char *moved = find_file (dir, "damaged", "");

    g_assert_no_error (error);
    g_assert_null (voc_store_get_recovery_note (store));
    g_assert_null (moved);
  }
}

static void
test_snapshots_keep_five (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = new_db_path (&dir);
  g_autofree char *snapshots = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (VocStore) store = voc_store_open (path, &error);
  g_autoptr (GDir) d = NULL;
  guint n = 0;

  for (int i = 0; i < 7; i++)
    {
      g_assert_true (voc_store_set_rating (store, "sql", i % 6, TRUE, &error));
      g_assert_true (voc_store_snapshot (store, &error));
      g_usleep (1000);
    }

  snapshots = g_build_filename (dir, "snapshots", NULL);
  d = g_dir_open (snapshots, 0, &error);
  g_assert_no_error (error);
  while (g_dir_read_name (d))
    n++;
  g_assert_cmpuint (n, ==, 5);
}

static guint
count_snapshots (const char *dir)
{
  g_autofree char *snapshots = g_build_filename (dir, "snapshots", NULL);
  g_autoptr (GDir) d = g_dir_open (snapshots, 0, NULL);
  const char *name;
  guint n = 0;

  while (d && (name = g_dir_read_name (d)))
    n += g_str_has_suffix (name, ".db");
  return n;
}

/* Sets the modification time of @path to @days ago. */
static void
age_file (const char *path,
          int         days)
{
  struct utimbuf times;

  times.actime = times.modtime = time (NULL) - days * 24 * 3600;
  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

static void
age_all (const char *dir,
         int         days)
{
  g_autofree char *snapshots = g_build_filename (dir, "snapshots", NULL);
  g_autoptr (GDir) d = g_dir_open (snapshots, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (snapshots, name, NULL);

      age_file (path, days);
    }
}

/* A day later, a note alone (no rating) is reason enough for a copy; no
 * change is not; a copy cut short is never one of those kept. */
static void
test_daily_snapshot_after_any_change (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = new_db_path (&dir);
  g_autofree char *wal = NULL;
  g_autofree char *partial = NULL;
  g_autoptr (GError) error = NULL;

  {
    g_autoptr (VocStore) store = voc_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (voc_store_snapshot (store, &error));
    age_all (dir, 2);
    g_assert_true (voc_store_save_note (store, VOC_NOTE_ROLE, "data-analyst", "Ask Maya about dashboards", &error));
  }
  g_assert_cmpuint (count_snapshots (dir), ==, 1);
  {
    g_autoptr (VocStore) store = voc_store_open (path, &error);

    g_assert_no_error (error);
  }
  g_assert_cmpuint (count_snapshots (dir), ==, 2);

  /* Two days on with nothing written since: no new copy. */
  age_all (dir, 2);
  age_file (path, 3);
  wal = g_strconcat (path, "-wal", NULL);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    age_file (wal, 3);
  {
    g_autoptr (VocStore) store = voc_store_open (path, &error);

    g_assert_no_error (error);
  }
  g_assert_cmpuint (count_snapshots (dir), ==, 2);

  /* A copy left half-written by a crash is not counted, and is replaced. */
  partial = g_build_filename (dir, "snapshots", "vocation-20260101-000000-000000.db.partial", NULL);
  g_assert_true (g_file_set_contents (partial, "half a database", -1, NULL));
  {
    g_autoptr (VocStore) store = voc_store_open (path, &error);

    g_assert_no_error (error);
    for (int i = 0; i < 6; i++)
      {
        g_assert_true (voc_store_set_rating (store, "sql", i, TRUE, &error));
        g_assert_true (voc_store_snapshot (store, &error));
        g_usleep (1000);
      }
  }
  g_assert_cmpuint (count_snapshots (dir), ==, 5);
}

static void
count_signal (VocStore *store,
              guint    *n)
{
  (*n)++;
}

/* The window's way in: the file opens at once, the check runs later in a
 * thread, and a write made before it is in waits for it. */
static void
test_unchecked_healthy (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = rated_database (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) ratings = NULL;
  guint recovered = 0;

  {
    g_autoptr (VocStore) store = voc_store_open_unchecked (path, &error);

    g_assert_no_error (error);
    g_signal_connect (store, "recovered", G_CALLBACK (count_signal), &recovered);
    g_assert_false (voc_store_is_checked (store));
    ratings = voc_store_load_ratings (store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ratings->len, ==, 201);

    /* Not started yet: the write starts it and waits. */
    g_assert_true (voc_store_set_rating (store, "sql", 4, TRUE, &error));
    g_assert_no_error (error);
    g_assert_false (voc_store_finish_check (store));
    g_assert_true (voc_store_is_checked (store));
    g_assert_true (voc_store_set_rating (store, "python", 2, TRUE, &error));
    g_assert_cmpuint (recovered, ==, 0);
  }

  {
    g_autoptr (VocStore) store = voc_store_open (path, &error);
    g_autoptr (VocProfile) profile = voc_profile_new_for_store (store, &error);
    g_autofree char *moved = find_file (dir, "damaged", "");

    g_assert_no_error (error);
    g_assert_null (moved);
    g_assert_null (voc_store_get_recovery_note (store));
    g_assert_cmpint (voc_profile_get_level (profile, "sql"), ==, 4);
    g_assert_cmpint (voc_profile_get_level (profile, "python"), ==, 2);
    g_assert_cmpint (voc_profile_get_level (profile, "late-change"), ==, 5);
  }
}

/* Damage found after the file opened unchecked: nothing is written to it
 * (a write is refused with a message that says why), it is moved aside
 * byte for byte when the main context handles the result, and the store
 * goes on with the snapshot. */
static void
test_unchecked_damaged (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = rated_database (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (VocStore) store = NULL;
  gsize length = 0;
  g_autofree char *damaged = damage_second_page (path, &length);
  guint recovered = 0, plans_changed = 0;

  store = voc_store_open_unchecked (path, &error);
  g_assert_no_error (error);
  g_assert_false (voc_store_is_checked (store));
  g_signal_connect (store, "recovered", G_CALLBACK (count_signal), &recovered);
  g_signal_connect (store, "plans-changed", G_CALLBACK (count_signal), &plans_changed);

  g_assert_false (voc_store_set_rating (store, "sql", 3, TRUE, &error));
  g_assert_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_QUERY);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_clear_error (&error);
  assert_same_bytes (path, damaged, length);
  g_assert_cmpuint (recovered, ==, 0);

  /* The thread handed the result to this thread's main context. */
  while (!voc_store_is_checked (store))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (recovered, ==, 1);
  g_assert_cmpuint (plans_changed, ==, 1);
  g_assert_false (voc_store_finish_check (store));

  assert_copy_restored (store, dir, damaged, length);
  g_assert_true (voc_store_set_rating (store, "sql", 3, TRUE, &error));
  g_assert_no_error (error);
}

/* The day's copy comes from the check's thread, after a healthy result. */
static void
test_unchecked_daily_snapshot (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = rated_database (&dir);
  g_autoptr (GError) error = NULL;

  g_assert_cmpuint (count_snapshots (dir), ==, 1);
  age_all (dir, 2);
  {
    g_autoptr (VocStore) store = voc_store_open_unchecked (path, &error);

    g_assert_no_error (error);
    g_assert_false (voc_store_finish_check (store));
  }
  g_assert_cmpuint (count_snapshots (dir), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/recovery/not-a-database", voc_store_open, test_not_a_database);
  g_test_add_func ("/recovery/damaged-pages-restore-snapshot", test_damaged_pages_restore_snapshot);
  g_test_add_func ("/recovery/healthy-file-untouched", test_healthy_file_untouched);
  g_test_add_func ("/recovery/snapshots-keep-five", test_snapshots_keep_five);
  g_test_add_func ("/recovery/daily-snapshot-after-any-change", test_daily_snapshot_after_any_change);
  g_test_add_func ("/recovery/unchecked/healthy", test_unchecked_healthy);
  g_test_add_func ("/recovery/unchecked/damaged", test_unchecked_damaged);
  g_test_add_data_func ("/recovery/unchecked/not-a-database", voc_store_open_unchecked, test_not_a_database);
  g_test_add_func ("/recovery/unchecked/daily-snapshot", test_unchecked_daily_snapshot);

  return g_test_run ();
}
