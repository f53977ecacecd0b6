/* test-ui-data.c: Export Data and Import Data from the window (Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "voc-application.h"
#include "voc-note-editor.h"
#include "voc-plans-view.h"
#include "voc-store-transfer.h"
#include "voc-window.h"

#include "ui-test-utils.h"
#include "voc-test-utils.h"

/* One per process: a second could not register. */
static VocApplication *app;
static char *db_path;

static char *
note_text (GtkWidget *root)
{
  VocNoteEditor *editor = VOC_NOTE_EDITOR (ui_find (root, VOC_TYPE_NOTE_EDITOR, NULL, 0));
  GtkTextIter start, end;

  g_assert_nonnull (editor);
  gtk_text_buffer_get_bounds (voc_note_editor_get_buffer (editor), &start, &end);
  return gtk_text_buffer_get_text (voc_note_editor_get_buffer (editor), &start, &end, FALSE);
}

static void
count_change (VocProfile *profile,
              const char *skill_id,
              guint      *n)
{
  (*n)++;
}

/* Runs @start on @window and waits for the transfer it begins to end;
 * returns whether it succeeded. The window goes on drawing meanwhile. */
typedef struct
{
  gboolean done;
  gboolean success;
} Finished;

static void
finished_cb (VocWindow *window,
             gboolean   success,
             Finished  *finished)
{
  finished->done = TRUE;
  finished->success = success;
}

static gboolean
is_finished (gpointer data)
{
  return ((Finished *) data)->done;
}

static gboolean
wait_transfer (GtkWindow *window)
{
  Finished finished = { FALSE, FALSE };
  gulong id = g_signal_connect (window, "transfer-finished", G_CALLBACK (finished_cb), &finished);

  ui_wait_until (is_finished, &finished);
  g_signal_handler_disconnect (window, id);
  return finished.success;
}

static void
test_export_import (void)
{
  VocProfile *profile = voc_application_get_profile (app);
  GtkWindow *window = GTK_WINDOW (voc_application_new_window (app));
  VocPlansView *plans_view = VOC_PLANS_VIEW (ui_window_view (window, "plans", VOC_TYPE_PLANS_VIEW));
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "valid-full.json", NULL);
  g_autofree char *broken = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "level-out-of-range.json", NULL);
  g_autoptr (GFile) valid_file = g_file_new_for_path (valid);
  g_autoptr (GFile) broken_file = g_file_new_for_path (broken);
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *out_path = g_build_filename (dir, "exported.json", NULL);
  g_autoptr (GFile) out_file = g_file_new_for_path (out_path);
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  AdwMessageDialog *dialog;
  GStatBuf st;
  guint changes = 0;

  gtk_window_present (window);
  ui_spin (200);
  /* Rated today: newer than anything in the file. */
  g_assert_true (voc_profile_set_rating (profile, "sql", 1, TRUE, NULL));
  g_signal_connect (profile, "changed", G_CALLBACK (count_change), &changes);
  g_assert_cmpuint (voc_plans_view_get_n_plans (plans_view), ==, 0);

  /* Add to my data: the plan appears, the older rating does not win. */
  voc_window_import_data (VOC_WINDOW (window), valid_file, FALSE);
  g_assert_true (wait_transfer (window));
  g_assert_cmpuint (voc_plans_view_get_n_plans (plans_view), ==, 1);
  g_assert_cmpint (voc_profile_get_level (profile, "sql"), ==, 1);
  g_assert_cmpint (voc_profile_get_level (profile, "python"), ==, 2);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_true (voc_window_show_role (VOC_WINDOW (window), "data-analyst"));
  text = note_text (GTK_WIDGET (window));
  g_assert_cmpstr (text, ==, "Most postings ask for Tableau or Power BI.");

  /* Export: a private file with the plan in it. */
  voc_window_export_data (VOC_WINDOW (window), out_file);
  g_assert_true (wait_transfer (window));
  g_assert_cmpint (g_stat (out_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (out_path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"title\": \"Become a Data Analyst\""));

  /* A broken file: a dialog with the problem, and nothing changed. */
  voc_window_import_data (VOC_WINDOW (window), broken_file, TRUE);
  g_assert_false (wait_transfer (window));
  dialog = ui_find_dialog ("Cannot Import “level-out-of-range.json”");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "profile[0].level: expected a level, an integer from 0 to 5, found 7"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Nothing was imported"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (voc_plans_view_get_n_plans (plans_view), ==, 1);
  g_assert_cmpint (voc_profile_get_level (profile, "sql"), ==, 1);

  /* Replace all: the file's rating now, and still one plan. */
  voc_window_import_data (VOC_WINDOW (window), valid_file, TRUE);
  g_assert_true (wait_transfer (window));
  g_assert_cmpint (voc_profile_get_level (profile, "sql"), ==, 3);
  g_assert_cmpuint (voc_plans_view_get_n_plans (plans_view), ==, 1);

  g_signal_handlers_disconnect_by_func (profile, count_change, &changes);
  ui_close_window (window);
  ui_spin (50);
}

static gboolean
recovered_dialog_shown (gpointer data)
{
  return ui_find_dialog ("Your Data Was Recovered") != NULL;
}

/* The window opens on a file whose check runs after the first frame; when
 * it turns out damaged, the window reads the restored copy and says so. */
static void
test_damaged_after_first_frame (void)
{
  g_autofree char *dir = voc_test_make_folder ("vocation-ui-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "vocation.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (VocStore) store = NULL;
  g_autoptr (VocProfile) profile = NULL;
  g_autofree char *contents = NULL;
  AdwMessageDialog *dialog;
  GtkWindow *window;
  gsize length = 0;

  {
    g_autoptr (VocStore) writer = voc_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (voc_store_set_rating (writer, "sql", 4, TRUE, &error));
    g_assert_true (voc_store_set_rating (writer, "python", 3, TRUE, &error));
    g_assert_true (voc_store_snapshot (writer, &error));
    for (int i = 0; i < 300; i++)
      g_assert_true (voc_store_set_rating (writer, "statistics", i % 6, TRUE, &error));
    g_assert_no_error (error);
  }
  /* Garbage over the last page: the ratings still read, the check fails. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >=, 4 * 4096);
  memset (contents + length - 4096, 0xAA, 4096);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  store = voc_store_open_unchecked (path, &error);
  g_assert_no_error (error);
  profile = voc_profile_new_for_store (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (voc_profile_get_level (profile, "statistics"), ==, 299 % 6);
  voc_application_set_profile (app, profile);
  window = GTK_WINDOW (voc_application_new_window (app));
  gtk_window_present (window);
  ui_spin (100);
  g_assert_null (ui_find_dialog ("Your Data Was Recovered"));

  /* What the application does once the first frame is out. */
  voc_store_start_check (store);
  ui_wait_until (recovered_dialog_shown, NULL);
  dialog = ui_find_dialog ("Your Data Was Recovered");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), ".damaged-"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "restored the copy"));
  /* The profile is the copy's now: "statistics" was rated after it. */
  g_assert_cmpint (voc_profile_get_level (profile, "sql"), ==, 4);
  g_assert_cmpint (voc_profile_get_level (profile, "statistics"), ==, -1);
  g_assert_true (voc_profile_set_rating (profile, "statistics", 2, TRUE, &error));
  g_assert_no_error (error);

  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_close_window (window);
  ui_spin (50);
}

static gboolean
one_plan_shown (gpointer view)
{
  return voc_plans_view_get_n_plans (view) == 1;
}

/* Opened on Plans, the list of plans is the first thing read from a file
 * not checked yet; when it cannot be read, the check runs at once: the
 * damaged file is set aside and the window shows the copy and says so. */
static void
test_damaged_plans_on_open (void)
{
  g_autofree char *dir = voc_test_make_folder ("vocation-ui-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "vocation.db", NULL);
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "valid-full.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (VocStore) store = NULL;
  g_autoptr (VocProfile) profile = NULL;
  g_autofree char *contents = NULL;
  VocTransferCounts counts = { 0 };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GtkWindow *window;
  GtkWidget *plans_view;
  gsize length = 0;
  int page = 0;

  {
    g_autoptr (VocStore) writer = voc_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (voc_store_import_data (writer, valid, VOC_IMPORT_MERGE, &counts, &error));
    g_assert_true (voc_store_snapshot (writer, &error));
    g_assert_no_error (error);
  }
  /* Garbage over the page that holds the plans. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage FROM sqlite_schema WHERE name = 'plan'", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >=, (gsize) page * 4096);
  memset (contents + (page - 1) * 4096, 0xAA, 4096);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  store = voc_store_open_unchecked (path, &error);
  g_assert_no_error (error);
  profile = voc_profile_new_for_store (store, &error);
  g_assert_no_error (error);
  voc_application_set_profile (app, profile);
  window = GTK_WINDOW (voc_application_new_window (app));
  gtk_window_present (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "plans");

  ui_wait_until (recovered_dialog_shown, NULL);
  g_assert_true (voc_store_is_checked (store));
  /* The application asks for the report after presenting the window: the
   * dialog is there once. */
  voc_window_report_recovery (VOC_WINDOW (window));
  g_assert_nonnull (ui_find_nth_dialog ("Your Data Was Recovered", 0));
  g_assert_null (ui_find_nth_dialog ("Your Data Was Recovered", 1));
  plans_view = ui_find (GTK_WIDGET (window), VOC_TYPE_PLANS_VIEW, NULL, 0);
  ui_wait_until (one_plan_shown, plans_view);

  gtk_window_destroy (GTK_WINDOW (ui_find_dialog ("Your Data Was Recovered")));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "roles");
  ui_close_window (window);
  ui_spin (50);
}

static guint
count_history (void)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM level_history", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static gboolean
progress_shown (gpointer data)
{
  return ui_find_dialog (data) != NULL;
}

typedef struct
{
  GtkProgressBar *bar;
  double          seen;
} Watch;

static gboolean
progress_moved (gpointer data)
{
  Watch *watch = data;
  double fraction = gtk_progress_bar_get_fraction (watch->bar);

  return fraction > watch->seen && fraction < 1;
}

/* A large import runs on a thread with its progress shown: the window
 * goes on running (the bar moves while it works), and Cancel leaves the
 * data as it was. */
static void
test_large_import_cancelled (void)
{
  GtkWindow *window = GTK_WINDOW (voc_application_new_window (app));
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *path = g_build_filename (dir, "large.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GString) doc = g_string_new ("{\"format\": \"vocation-data\", \"format_version\": 1, \"profile\": [], "
                                          "\"plans\": [], \"role_notes\": [], \"history\": [");
  AdwMessageDialog *dialog;
  Watch watch = { NULL, 0 };
  guint before;

  for (guint i = 0; i < 600000; i++)
    g_string_append_printf (doc, "%s{\"skill\": \"sql\", \"level\": %u, \"relevant\": true, "
                            "\"at\": \"2026-01-01T00:%02u:%02u.%06uZ\"}", i ? ", " : "", i % 6,
                            (i / 60000000) % 60, (i / 1000000) % 60, i % 1000000);
  g_string_append (doc, "]}");
  g_assert_true (g_file_set_contents (path, doc->str, (gssize) doc->len, NULL));
  before = count_history ();

  gtk_window_present (window);
  ui_spin (200);
  voc_window_import_data (VOC_WINDOW (window), file, FALSE);
  ui_wait_until (progress_shown, (gpointer) "Importing “large.json”");
  dialog = ui_find_dialog ("Importing “large.json”");
  watch.bar = GTK_PROGRESS_BAR (ui_find (GTK_WIDGET (dialog), GTK_TYPE_PROGRESS_BAR, NULL, 0));
  g_assert_nonnull (watch.bar);
  watch.seen = gtk_progress_bar_get_fraction (watch.bar);
  ui_wait_until (progress_moved, &watch);

  adw_message_dialog_response (dialog, "cancel");
  g_assert_false (wait_transfer (window));
  g_assert_null (ui_find_dialog ("Importing “large.json”"));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (window), "Import cancelled; your data is unchanged"));
  g_assert_cmpuint (count_history (), ==, before);

  ui_close_window (window);
  g_unlink (path);
  ui_spin (50);
}

int
main (int   argc,
      char *argv[])
{
  ui_require_display ();
  ui_test_init (&argc, &argv);

  ui_test_add ("/ui/data/export-import", test_export_import);
  ui_test_add ("/ui/data/large-import-cancelled", test_large_import_cancelled);
  ui_test_add ("/ui/data/damaged-after-first-frame", test_damaged_after_first_frame);
  ui_test_add ("/ui/data/damaged-plans-on-open", test_damaged_plans_on_open);

  app = ui_test_app_new_with_store (&db_path);
  return g_test_run ();
}
