/* test-transfer.c: all user data out as one JSON document and back in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "voc-test-utils.h"
#include "voc-store-notes.h"
#include "voc-store-plans.h"
#include "voc-store-transfer.h"

typedef struct
{
  const char *file;
  const char *problems; /* the error message, one problem per line */
} Fixture;

static const Fixture fixtures[] = {
  { "escaped-duplicate.json",
    "escaped-duplicate.json: line 10, column 7: duplicate member \"level\" in one object\n"
  },
  { "huge-number.json",
    "huge-number.json: line 9, column 16: the whole number 99999999999999999999 is too large (more than 64 bits)\n"
  },
  { "level-huge-double.json",
    "level-huge-double.json: profile[0].level: expected a level, an integer from 0 to 5, found 1.0000000000000001e+300\n"
  },
  { "lone-surrogate.json",
    "lone-surrogate.json: line 60, column 39: the escape \\uD83D is the first half of a surrogate pair, and its second half (\\uDC00 to \\uDFFF) does not follow; the text is not valid Unicode\n"
  },
  { "nul-escape.json",
    "nul-escape.json: line 14, column 20: the escape \\u0000 stands for a NUL character, which would cut the text short where it stands; remove it\n"
  },
  { "number-out-of-range.json",
    "number-out-of-range.json: line 9, column 16: the number 1e400 is too large to be read\n"
  },
  { "reversed-surrogates.json",
    "reversed-surrogates.json: line 43, column 39: the escape \\uDE00 is the second half of a surrogate pair, without its first half (\\uD800 to \\uDBFF) before it; the text is not valid Unicode\n"
  },
  { "terminal-escape.json",
    "terminal-escape.json: profile[1].skill: expected a skill id of lowercase letters, digits and single hyphens (such as \"sql\"), found \"\\u001B]0;pwned\\u0007\\u001B[2J\"\n"
  },
  { "bad-date.json",
    "bad-date.json: plans[0].target_date: expected a day written YYYY-MM-DD, such as \"2027-03-31\", or null, found \"2027-02-30\"\n"
  },
  { "bad-skill-id.json",
    "bad-skill-id.json: profile[1].skill: expected a skill id of lowercase letters, digits and single hyphens (such as \"sql\"), found \"Python 3\"\n"
  },
  { "bad-time.json",
    "bad-time.json: history[1].at: expected a time such as \"2026-11-28T09:30:00Z\", found \"yesterday\"\n"
  },
  { "catalog-file.json",
    "catalog-file.json: format: missing; this is not a Vocation data file (expected \"format\": \"vocation-data\")\n"
  },
  { "control-char.json",
    "control-char.json: line 60, column 28: control character U+0009 inside a string; write it as an escape such as \\n\n"
  },
  { "deep-nesting.json",
    "deep-nesting.json: line 5, column 49: nesting deeper than 32 levels\n"
  },
  { "done-not-boolean.json",
    "done-not-boolean.json: plans[0].goals[0].steps[1].done: expected true or false, found \"yes\"\n"
  },
  { "duplicate-key.json",
    "duplicate-key.json: line 4, column 3: duplicate member \"format\" in one object\n"
  },
  { "empty.json",
    "empty.json: line 1, column 1: the file is empty; expected a JSON object\n"
  },
  { "format-version-newer.json",
    "format-version-newer.json: format_version: format version 2 was written by a newer Vocation; this version reads format version 1, so update Vocation to import it\n"
  },
  { "format-version-string.json",
    "format-version-string.json: format_version: expected the integer 1, found \"1\"\n"
  },
  { "format-wrong.json",
    "format-wrong.json: format: expected \"vocation-data\", found \"vocation-catalog\"; this is not a Vocation data file\n"
  },
  { "goals-missing.json",
    "goals-missing.json: plans[0].goals: missing; expected an array of goals (it may be empty)\n"
  },
  { "history-level-string.json",
    "history-level-string.json: history[0].level: expected a level, an integer from 0 to 5 or null, found \"Advanced\"\n"
  },
  { "invalid-utf8.json",
    "invalid-utf8.json: line 90: invalid UTF-8 at byte offset 2080; save the file as UTF-8\n"
  },
  { "level-fraction.json",
    "level-fraction.json: profile[1].level: expected a level, an integer from 0 to 5, found 2.5\n"
  },
  { "level-out-of-range.json",
    "level-out-of-range.json: profile[0].level: expected a level, an integer from 0 to 5, found 7\n"
  },
  { "not-an-object.json",
    "not-an-object.json: expected an object, found an array\n"
  },
  { "not-json.json",
    "not-json.json: line 1, column 1: expected a value (string, number, object, array, true, false or null), found \"My\"\n"
  },
  { "note-body-empty.json",
    "note-body-empty.json: plans[0].note.body: expected a non-empty string, found \"\"\n"
  },
  { "profile-not-array.json",
    "profile-not-array.json: profile: expected an array of ratings, found an object\n"
  },
  { "rating-twice.json",
    "rating-twice.json: profile[2].skill: the skill \"sql\" is rated twice (already at profile[0])\n"
  },
  { "role-note-twice.json",
    "role-note-twice.json: role_notes[1].role: a second note on the role \"data-analyst\" (the first is role_notes[0]); a role has one note\n"
  },
  { "several-problems.json",
    "several-problems.json: profile[0].level: expected a level, an integer from 0 to 5, found -1\n"
    "several-problems.json: plans[0].role: expected a non-empty string, found \"\"\n"
    "several-problems.json: plans[0].goals[1].target_level: expected a level, an integer from 0 to 5, found \"5\"\n"
    "several-problems.json: role_notes[0].updated_at: expected a time such as \"2026-11-28T09:30:00Z\", found 1700000000\n"
  },
  { "status-unknown.json",
    "status-unknown.json: plans[0].goals[0].status: expected \"not-started\", \"in-progress\" or \"done\", found \"finished\"\n"
  },
  { "step-text-missing.json",
    "step-text-missing.json: plans[0].goals[0].steps[1].text: missing; expected a non-empty string\n"
  },
  { "step-url-not-web.json",
    "step-url-not-web.json: plans[0].goals[0].steps[0].url: expected a web address starting with https:// or http://, or null, found \"file:///etc/passwd\"\n"
  },
  { "time-without-zone.json",
    "time-without-zone.json: plans[0].created_at: the time \"2026-11-03T12:00:00\" has no time zone; add Z for UTC or an offset such as +01:00\n"
  },
  { "title-blank.json",
    "title-blank.json: plans[0].title: expected a non-empty string, found \"   \"\n"
  },
  { "trailing-garbage.json",
    "trailing-garbage.json: line 96, column 1: unexpected \"}\" after the end of the document\n"
  },
  { "truncated.json",
    "truncated.json: line 50, column 23: the string that starts here is not closed; the file ends inside it (is it truncated?)\n"
  },
  { "unknown-member.json",
    "unknown-member.json: profiles: unknown member; expected only format, format_version, exported_at, application, profile, history, plans, role_notes\n"
    "unknown-member.json: profile: missing; expected an array of ratings (it may be empty)\n"
  },
};

/* The document without its "exported_at" line, which differs every time. */
static char *
export_text (VocStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = voc_store_export_bytes (store, NULL, &error);
  g_auto (GStrv) lines = NULL;
  g_autoptr (GString) kept = g_string_new (NULL);

  g_assert_no_error (error);
  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (!g_str_has_prefix (lines[i], "  \"exported_at\": "))
      g_string_append_printf (kept, "%s\n", lines[i]);
  return g_string_free (g_steal_pointer (&kept), FALSE);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
}

/* A profile with history, an archived and an open plan, odd characters. */
static void
fill (VocStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) goals = NULL;
  VocGoalSpec specs[] = {
    { "sql", 1, 3, "2027-01-31" },
    { "python", 0, 2, NULL },
  };
  gint64 plan, step;

  g_assert_true (voc_store_set_rating (store, "sql", 1, TRUE, &error));
  g_assert_true (voc_store_set_rating (store, "python", 2, TRUE, &error));
  g_assert_true (voc_store_set_rating (store, "tableau", 3, FALSE, &error));
  g_assert_true (voc_store_set_rating (store, "python", -1, TRUE, &error));
  g_assert_no_error (error);

  plan = voc_store_create_plan (store, "data-analyst", "Analyst by \"June\" \\ ünïcode ✓", "2027-06-30",
                                specs, G_N_ELEMENTS (specs), &error);
  g_assert_no_error (error);
  goals = voc_store_list_goals (store, plan, &error);
  g_assert_no_error (error);
  g_assert_true (voc_store_set_goal_status (store, ((VocGoalInfo *) goals->pdata[0])->id, VOC_GOAL_DONE, &error));
  step = voc_store_add_step (store, ((VocGoalInfo *) goals->pdata[0])->id, "Course\twith a tab\nand a newline",
                             "https://example.org/a?b=c&d", &error);
  g_assert_cmpint (step, >, 0);
  g_assert_true (voc_store_set_step_done (store, step, TRUE, &error));
  g_assert_cmpint (voc_store_add_step (store, ((VocGoalInfo *) goals->pdata[1])->id, "Read \x01 a book", NULL, &error), >, 0);
  g_assert_true (voc_store_move_goal (store, ((VocGoalInfo *) goals->pdata[1])->id, 0, &error));
  {
    g_autofree char *plan_id = g_strdup_printf ("%" G_GINT64_FORMAT, plan);
    g_autofree char *goal_id = g_strdup_printf ("%" G_GINT64_FORMAT, ((VocGoalInfo *) goals->pdata[0])->id);

    g_assert_true (voc_store_save_note (store, VOC_NOTE_PLAN, plan_id, "Plan note\n\n– with lines", &error));
    g_assert_true (voc_store_save_note (store, VOC_NOTE_GOAL, goal_id, "Goal note 🎯", &error));
  }
  g_assert_true (voc_store_save_note (store, VOC_NOTE_ROLE, "data-scientist", "Role note", &error));
  g_assert_cmpint (voc_store_create_plan (store, "ml-engineer", "Second plan", NULL, NULL, 0, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_round_trip (void)
{
  g_autoptr (VocStore) from = voc_test_store_new (NULL);
  g_autoptr (VocStore) to = voc_test_store_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  VocTransferCounts out = { 0 }, in = { 0 };

  fill (from);
  bytes = voc_store_export_bytes (from, &out, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (out.ratings, ==, 2);     /* python was cleared */
  g_assert_cmpuint (out.history, ==, 4);
  g_assert_cmpuint (out.plans, ==, 2);
  g_assert_cmpuint (out.goals, ==, 2);
  g_assert_cmpuint (out.steps, ==, 2);
  g_assert_cmpuint (out.notes, ==, 3);

  g_assert_true (voc_store_import_bytes (to, bytes, "data.json", VOC_IMPORT_REPLACE, &in, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (&in, sizeof in, &out, sizeof out);

  /* Every value, order and time survives: the second export is the first. */
  before = export_text (from);
  after = export_text (to);
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (strstr (after, "\"Course\\twith a tab\\nand a newline\""));
  g_assert_nonnull (strstr (after, "\"Read \\u0001 a book\""));
}

static void
test_export_file (void)
{
  g_autofree char *db_path = NULL;
  g_autoptr (VocStore) store = voc_test_store_new (&db_path);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *target = g_build_filename (dir, "export.json", NULL);
  g_autoptr (GDir) listing = NULL;
  g_autofree char *contents = NULL;
  const char *name;
  GStatBuf st;

  fill (store);
  /* An old file in the way is replaced whole, never half-written over. */
  g_assert_true (g_file_set_contents (target, "old contents that are longer than nothing", -1, NULL));
  g_chmod (target, 0644);

  g_assert_true (voc_store_export_data (store, target, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "{\n  \"format\": \"vocation-data\",\n  \"format_version\": 1,"));

  /* No temporary file is left behind. */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)))
    g_assert_false (g_str_has_prefix (name, "export.json."));

  /* A folder that does not exist: a clear error. */
  {
    g_autofree char *missing = g_build_filename (dir, "no-such-folder", "x.json", NULL);

    g_assert_false (voc_store_export_data (store, missing, NULL, &error));
    g_assert_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_OPEN);
    g_assert_nonnull (strstr (error->message, "no-such-folder"));
  }
}

static int
count_rows (VocStore   *store,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int n = -1;

  g_assert_cmpint (sqlite3_open_v2 (voc_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
test_merge (void)
{
  g_autoptr (VocStore) store = voc_test_store_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (VocNote) note = NULL;
  g_autofree char *path = fixture_path ("valid-full.json");
  g_autoptr (GPtrArray) ratings = NULL;
  VocTransferCounts counts = { 0 };

  /* Here already: a newer sql rating, an older python one, a role note. */
  g_assert_true (voc_store_set_rating (store, "python", 1, TRUE, &error));
  g_assert_true (voc_store_set_rating (store, "sql", 5, TRUE, &error));
  g_assert_true (voc_store_save_note (store, VOC_NOTE_ROLE, "data-analyst", "My own words.", &error));
  g_assert_cmpint (voc_store_create_plan (store, "data-engineer", "Mine", NULL, NULL, 0, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (voc_store_import_data (store, path, VOC_IMPORT_MERGE, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.plans, ==, 1);
  g_assert_cmpuint (counts.goals, ==, 2);
  g_assert_cmpuint (counts.steps, ==, 2);
  g_assert_cmpuint (counts.history, ==, 3);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM plan"), ==, 2);

  /* The file's python (2, set in 2026) is older than today's 1: kept 1.
   * Levels set now are newer than anything in the file. */
  ratings = voc_store_load_ratings (store, &error);
  g_assert_cmpuint (ratings->len, ==, 2);
  g_assert_cmpint (((VocRating *) ratings->pdata[0])->level, ==, 1);
  g_assert_cmpint (((VocRating *) ratings->pdata[1])->level, ==, 5);

  /* Both texts of the role note are kept. */
  note = voc_store_get_note (store, VOC_NOTE_ROLE, "data-analyst", &error);
  g_assert_nonnull (strstr (note->body, "My own words."));
  g_assert_nonnull (strstr (note->body, "Most postings ask for Tableau or Power BI."));

  /* The same file again adds nothing. */
  memset (&counts, 0, sizeof counts);
  g_assert_true (voc_store_import_data (store, path, VOC_IMPORT_MERGE, &counts, &error));
  g_assert_cmpuint (counts.plans, ==, 0);
  g_assert_cmpuint (counts.plans_skipped, ==, 1);
  g_assert_cmpuint (counts.history, ==, 0);
  g_assert_cmpuint (counts.notes, ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM plan"), ==, 2);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM level_history"), ==, 5);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM note"), ==, 3);
}

static guint
count_snapshots (VocStore *store)
{
  g_autofree char *dir = g_path_get_dirname (voc_store_get_path (store));
  g_autofree char *snapshots = g_build_filename (dir, "snapshots", NULL);
  g_autoptr (GDir) listing = g_dir_open (snapshots, 0, NULL);
  guint n = 0;

  while (listing && g_dir_read_name (listing))
    n++;
  return n;
}

static void
test_replace (void)
{
  g_autoptr (VocStore) store = voc_test_store_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = fixture_path ("valid-full.json");
  g_autofree char *text = NULL;
  guint snapshots;

  fill (store);
  snapshots = count_snapshots (store);
  g_assert_true (voc_store_import_data (store, path, VOC_IMPORT_REPLACE, NULL, &error));
  g_assert_no_error (error);

  text = export_text (store);
  g_assert_null (strstr (text, "Second plan"));
  g_assert_null (strstr (text, "tableau"));
  g_assert_nonnull (strstr (text, "Become a Data Analyst"));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM plan"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM note"), ==, 3);
  /* What was replaced is kept in a snapshot. */
  g_assert_cmpuint (count_snapshots (store), ==, snapshots + 1);
}

/* A check says what the file holds, as an import into an empty store
 * counts it, and writes nothing. */
static void
test_check_only (void)
{
  g_autoptr (VocStore) store = voc_test_store_new (NULL);
  g_autoptr (VocStore) empty = voc_test_store_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = fixture_path ("valid-full.json");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  VocTransferCounts checked = { 0 }, imported = { 0 };
  guint snapshots;

  fill (store);
  before = export_text (store);
  snapshots = count_snapshots (store);
  g_assert_true (voc_store_import_data (store, path, VOC_IMPORT_CHECK, &checked, &error));
  g_assert_no_error (error);
  after = export_text (store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (count_snapshots (store), ==, snapshots);

  g_assert_true (voc_store_import_data (empty, path, VOC_IMPORT_REPLACE, &imported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (checked.plans, ==, 1);
  g_assert_cmpuint (checked.ratings, ==, imported.ratings);
  g_assert_cmpuint (checked.history, ==, imported.history);
  g_assert_cmpuint (checked.plans, ==, imported.plans);
  g_assert_cmpuint (checked.goals, ==, imported.goals);
  g_assert_cmpuint (checked.steps, ==, imported.steps);
  g_assert_cmpuint (checked.notes, ==, imported.notes);
}

static void
test_malformed (void)
{
  g_autoptr (VocStore) store = voc_test_store_new (NULL);
  g_autofree char *before = NULL;
  guint snapshots;

  fill (store);
  before = export_text (store);
  snapshots = count_snapshots (store);
  g_assert_cmpuint (G_N_ELEMENTS (fixtures), >=, 20);

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = fixture_path (fixtures[i].file);
      g_autoptr (GError) error = NULL;
      g_autofree char *message = NULL;
      g_autofree char *after = NULL;

      for (guint mode = VOC_IMPORT_MERGE; mode <= VOC_IMPORT_CHECK; mode++)
        {
          g_clear_error (&error);
          g_assert_false (voc_store_import_data (store, path, mode, NULL, &error));
          g_assert_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_IMPORT);
          g_clear_pointer (&message, g_free);
          message = g_strconcat (error->message, "\n", NULL);
          g_assert_cmpstr (message, ==, fixtures[i].problems);
        }

      /* Each message is its own. */
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (strchr (fixtures[j].problems, ' '), !=, strchr (fixtures[i].problems, ' '));

      after = export_text (store);
      g_assert_cmpstr (after, ==, before);
    }
  /* Nothing was written, not even a snapshot. */
  g_assert_cmpuint (count_snapshots (store), ==, snapshots);
}

static void
test_bad_files (void)
{
  g_autofree char *db_path = NULL;
  g_autoptr (VocStore) store = voc_test_store_new (&db_path);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *huge = g_build_filename (dir, "huge.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autofree char *expected = NULL;
  FILE *f;

  g_assert_false (voc_store_import_data (store, dir, VOC_IMPORT_MERGE, NULL, &error));
  g_assert_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_IMPORT);
  g_assert_true (g_str_has_suffix (error->message, ": is a folder; expected a Vocation data file"));
  g_clear_error (&error);

  g_assert_false (voc_store_import_data (store, missing, VOC_IMPORT_MERGE, NULL, &error));
  expected = g_strdup_printf ("%s: no such file; check the name and the folder", missing);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  /* A sparse 65 MiB file is refused before a byte of it is read. */
  f = fopen (huge, "w");
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, 65 * 1024 * 1024, SEEK_SET), ==, 0);
  fputc ('}', f);
  fclose (f);
  g_assert_false (voc_store_import_data (store, huge, VOC_IMPORT_MERGE, NULL, &error));
  g_assert_cmpstr (error->message, ==, "huge.json: the file is 65.0 MiB; a data file may be at most 64 MiB");
  g_unlink (huge);
}

/* A failure halfway through the writing leaves the data as it was. */
static void
test_all_or_nothing (void)
{
  g_autoptr (VocStore) store = voc_test_store_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = fixture_path ("valid-full.json");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = NULL;

  fill (store);
  before = export_text (store);

  /* The second step of the file's first goal cannot be written. */
  g_assert_cmpint (sqlite3_open (voc_store_get_path (store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER fail_step BEFORE INSERT ON step "
                                     "WHEN NEW.text = 'Write ten practice queries' "
                                     "BEGIN SELECT RAISE (ABORT, 'injected failure'); END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  for (guint mode = VOC_IMPORT_MERGE; mode <= VOC_IMPORT_REPLACE; mode++)
    {
      g_clear_error (&error);
      g_assert_false (voc_store_import_data (store, path, mode, NULL, &error));
      g_assert_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_QUERY);
      g_assert_nonnull (strstr (error->message, "injected failure"));
      after = (g_free (after), export_text (store));
      g_assert_cmpstr (after, ==, before);
    }

  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER fail_step", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_clear_error (&error);
  g_assert_true (voc_store_import_data (store, path, VOC_IMPORT_MERGE, NULL, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/transfer/round-trip", test_round_trip);
  g_test_add_func ("/transfer/export-file", test_export_file);
  g_test_add_func ("/transfer/merge", test_merge);
  g_test_add_func ("/transfer/replace", test_replace);
  g_test_add_func ("/transfer/check-only", test_check_only);
  g_test_add_func ("/transfer/malformed", test_malformed);
  g_test_add_func ("/transfer/bad-files", test_bad_files);
  g_test_add_func ("/transfer/all-or-nothing", test_all_or_nothing);

  return g_test_run ();
}
