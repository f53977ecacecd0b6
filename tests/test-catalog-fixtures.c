/* test-catalog-fixtures.c: every malformed catalog gets its own clear message
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "voc-catalog.h"
#include "voc-test-utils.h"

typedef struct
{
  const char *file;
  const char *problems; /* every line --validate-catalog prints, in order */
} Fixture;

static const Fixture fixtures[] = {
  { "escaped-duplicate.json",
    "escaped-duplicate.json: line 17, column 7: duplicate member \"name\" in one object\n"
  },
  { "lone-surrogate.json",
    "lone-surrogate.json: line 18, column 43: the escape \\uDBFF is the first half of a surrogate pair, and its second half (\\uDC00 to \\uDFFF) does not follow; the text is not valid Unicode\n"
  },
  { "nul-escape.json",
    "nul-escape.json: line 17, column 18: the escape \\u0000 stands for a NUL character, which would cut the text short where it stands; remove it\n"
  },
  { "terminal-escape.json",
    "terminal-escape.json: skills[2].area: unknown area \"\\u001B]0;pwned\\u0007\"; expected the id of an entry in \"areas\"\n"
  },
  { "alternative-unknown.json",
    "alternative-unknown.json: roles[0].groups[0].requirements[1].alternatives[0]: unknown skill \"r-language\"; expected the id of an entry in \"skills\"\n"
  },
  { "bad-id.json",
    "bad-id.json: roles[0].id: expected an id of lowercase letters, digits and single hyphens (such as \"data-analyst\"), found \"Data Analyst\"\n"
  },
  { "control-char.json",
    "control-char.json: line 85, column 28: control character U+0009 inside a string; write it as an escape such as \\n\n"
  },
  { "deep-nesting.json",
    "deep-nesting.json: line 1, column 63: nesting deeper than 32 levels\n"
  },
  { "details-not-strings.json",
    "details-not-strings.json: roles[0].groups[0].requirements[0].details[1]: expected a non-empty string, found 42\n"
  },
  { "duplicate-area-id.json",
    "duplicate-area-id.json: areas[1].id: duplicate area id \"data\"\n"
    "duplicate-area-id.json: skills[2].area: unknown area \"people\"; expected the id of an entry in \"areas\"\n"
  },
  { "duplicate-key.json",
    "duplicate-key.json: line 36, column 7: duplicate member \"id\" in one object\n"
  },
  { "duplicate-role-id.json",
    "duplicate-role-id.json: roles[1].id: duplicate role id \"analyst\" (already used by roles[0])\n"
  },
  { "duplicate-skill-id.json",
    "duplicate-skill-id.json: skills[2].id: duplicate skill id \"sql\" (already used by skills[0])\n"
    "duplicate-skill-id.json: roles[0].groups[1].requirements[0].skill: unknown skill \"communication\"; expected the id of an entry in \"skills\"\n"
  },
  { "empty-name.json",
    "empty-name.json: roles[1].name: expected a non-empty string, found \"   \"\n"
  },
  { "empty.json",
    "empty.json: line 1, column 1: the file is empty; expected a JSON object\n"
  },
  { "format-version-2.json",
    "format-version-2.json: format_version: unknown format version 2; this version of Vocation reads format version 1\n"
  },
  { "format-version-missing.json",
    "format-version-missing.json: format_version: missing; expected the integer 1\n"
  },
  { "format-version-string.json",
    "format-version-string.json: format_version: expected the integer 1, found \"1\"\n"
  },
  { "group-empty.json",
    "group-empty.json: roles[1].groups[0].requirements: expected a non-empty array of requirements, found an empty array\n"
  },
  { "group-kind-unknown.json",
    "group-kind-unknown.json: roles[0].groups[1].kind: expected \"technical\" or \"soft\", found \"people\"\n"
  },
  { "invalid-utf8.json",
    "invalid-utf8.json: line 39: invalid UTF-8 at byte offset 753; save the file as UTF-8\n"
  },
  { "level-disagrees.json",
    "level-disagrees.json: roles[0].groups[0].requirements[0].level: the qualifier \"Advanced\" means level 4 (Advanced), found 3\n"
  },
  { "level-fraction.json",
    "level-fraction.json: roles[0].groups[1].requirements[0].level: expected an integer 0-5, found 2.5\n"
  },
  { "level-missing.json",
    "level-missing.json: roles[1].groups[0].requirements[0].level: missing; expected an integer 0-5\n"
  },
  { "level-negative.json",
    "level-negative.json: roles[0].groups[1].requirements[0].level: expected an integer 0-5, found -1\n"
  },
  { "level-out-of-range.json",
    "level-out-of-range.json: roles[0].groups[0].requirements[0].level: expected an integer 0-5, found 7\n"
  },
  { "level-string.json",
    "level-string.json: roles[0].groups[0].requirements[1].level: expected an integer 0-5, found \"high\"\n"
  },
  { "missing-summary.json",
    "missing-summary.json: roles[1].summary: missing; expected a non-empty string\n"
  },
  { "name-wrong-type.json",
    "name-wrong-type.json: roles[0].name: expected a non-empty string, found an array\n"
  },
  { "not-an-object.json",
    "not-an-object.json: expected a JSON object at the top level, found an array\n"
  },
  { "nul-byte.json",
    "nul-byte.json: line 85: NUL byte at byte offset 1874; the file is not text\n"
  },
  { "note-wrong-type.json",
    "note-wrong-type.json: roles[0].groups[0].requirements[0].note: expected a non-empty string, found an array\n"
  },
  { "qualifier-unknown.json",
    "qualifier-unknown.json: roles[0].groups[0].requirements[0].qualifier: unknown qualifier \"Superb\"; expected one of \"Mastery\", \"Advanced\", \"Strong\", \"Deep understanding\", \"Deep familiarity\", \"Moderate\", \"Basic\", \"Basics\", \"Introductory\", \"Fundamentals\", \"Familiarity\", \"High-level\", \"Optional but preferred\", \"Optional but helpful\", \"Not mandatory but beneficial\", \"Optional\", \"If in GenAI territory\", \"If a project requires it\"\n"
  },
  { "qualifier-wrong-type.json",
    "qualifier-wrong-type.json: roles[0].groups[0].requirements[0].qualifier: expected the seed's words for the level as a string, found 4\n"
  },
  { "role-not-object.json",
    "role-not-object.json: roles[1]: expected an object, found \"engineer\"\n"
  },
  { "roles-empty.json",
    "roles-empty.json: roles: expected a non-empty array of roles, found an empty array\n"
  },
  { "roles-not-array.json",
    "roles-not-array.json: roles: expected an array of roles, found an object\n"
  },
  { "several-problems.json",
    "several-problems.json: roles[0].groups[0].requirements[0].level: expected an integer 0-5, found \"high\"\n"
    "several-problems.json: roles[1].name: expected a non-empty string, found \"\"\n"
    "several-problems.json: roles[1].groups[0].requirements[0].skill: unknown skill \"nosql\"; expected the id of an entry in \"skills\"\n"
  },
  { "single-quotes.json",
    "single-quotes.json: line 36, column 15: expected a value (string, number, object, array, true, false or null), found \"'Analyst'\"\n"
  },
  { "skill-missing.json",
    "skill-missing.json: roles[0].groups[0].requirements[0].skill: missing; expected a skill id\n"
  },
  { "skill-unknown.json",
    "skill-unknown.json: roles[1].groups[0].requirements[0].skill: unknown skill \"sq1\"; expected the id of an entry in \"skills\"\n"
  },
  { "trailing-comma.json",
    "trailing-comma.json: line 53, column 15: a comma may not come before \"]\"\n"
  },
  { "trailing-garbage.json",
    "trailing-garbage.json: line 106, column 1: unexpected \"{\" after the end of the document\n"
  },
  { "truncated.json",
    "truncated.json: line 53, column 7: the file ends inside an array (is it truncated?)\n"
  },
  { "unknown-area.json",
    "unknown-area.json: skills[1].area: unknown area \"code\"; expected the id of an entry in \"areas\"\n"
  },
  { "unknown-member.json",
    "unknown-member.json: roles[0].groups[0].requirements[0].levle: unknown member; expected only skill, alternatives, label, level, qualifier, details, note\n"
  },
  { "unqualified-level.json",
    "unqualified-level.json: roles[0].groups[1].requirements[0].level: a requirement without a qualifier expects level 3 (Practitioner), found 5; add the seed's qualifier or change the level\n"
  },
  { "unused-skill.json",
    "unused-skill.json: skills[3]: the skill \"excel\" is not required by any role\n"
  },
};

static char *
join (GPtrArray *problems)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (text, "%s\n", (char *) g_ptr_array_index (problems, i));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_fixture (gconstpointer data)
{
  const Fixture *fixture = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", fixture->file, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GPtrArray) problems = voc_catalog_check_file (file);
  g_autofree char *text = join (problems);
  g_autoptr (GError) error = NULL;
  g_autoptr (VocCatalog) catalog = NULL;

  g_assert_cmpstr (text, ==, fixture->problems);

  /* Loading refuses the whole file: no half catalog, the same message. */
  catalog = voc_catalog_new_from_file (file, &error);
  g_assert_null (catalog);
  g_assert_error (error, VOC_CATALOG_ERROR, VOC_CATALOG_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (fixture->problems, error->message));
}

static void
test_valid_minimal (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "valid-minimal.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GPtrArray) problems = voc_catalog_check_file (file);
  g_autoptr (GError) error = NULL;
  g_autoptr (VocCatalog) catalog = voc_catalog_new_from_file (file, &error);
  VocRole *analyst;
  const VocRequirement *python;

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 2);

  analyst = voc_catalog_lookup_role (catalog, "analyst");
  g_assert_nonnull (analyst);
  python = g_ptr_array_index (voc_role_get_group (analyst, 0)->requirements, 1);
  g_assert_cmpint (python->level, ==, VOC_LEVEL_BEGINNER);
  g_assert_true (python->optional);
  g_assert_cmpstr (python->qualifier, ==, "Optional but preferred");
}

static void
test_too_large (void)
{
  g_autofree char *dir = voc_test_make_folder ("vocation-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (VocCatalog) catalog = NULL;
  FILE *f;

  /* A sparse file: 65 MiB on paper, nothing on disk. */
  f = g_fopen (path, "w");
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, 65 * 1024 * 1024 - 1, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('}', f), ==, '}');
  fclose (f);

  problems = voc_catalog_check_file (file);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==,
                   "huge.json: the file is 65.0 MiB; a catalog may be at most 64 MiB");

  catalog = voc_catalog_new_from_file (file, &error);
  g_assert_null (catalog);
  g_assert_error (error, VOC_CATALOG_ERROR, VOC_CATALOG_ERROR_TOO_LARGE);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_missing_file (void)
{
  g_autoptr (GFile) file = g_file_new_for_path ("/nonexistent/roles.json");
  g_autoptr (GPtrArray) problems = voc_catalog_check_file (file);

  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), "roles.json: cannot read the file: "));
}

static void
test_deep_nesting_in_memory (void)
{
  /* Far deeper than any stack could take if it were parsed recursively. */
  gsize depth = 1000000;
  g_autofree char *data = g_malloc (depth * 2);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (VocCatalog) catalog = NULL;

  memset (data, '[', depth);
  memset (data + depth, ']', depth);
  bytes = g_bytes_new_take (g_steal_pointer (&data), depth * 2);

  catalog = voc_catalog_new_from_bytes (bytes, "deep.json", &error);
  g_assert_null (catalog);
  g_assert_error (error, VOC_CATALOG_ERROR, VOC_CATALOG_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "deep.json: line 1, column 33: nesting deeper than 32 levels");
}

static void
test_many_problems_are_capped (void)
{
  g_autoptr (GString) json = g_string_new ("{\"format_version\": 1, \"areas\": [");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (VocCatalog) catalog = NULL;
  g_auto (GStrv) lines = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (json, "%s{\"id\": \"Bad Id\", \"name\": \"x\"}", i ? "," : "");
  g_string_append (json, "], \"skills\": [], \"roles\": []}");
  bytes = g_bytes_new (json->str, json->len);

  catalog = voc_catalog_new_from_bytes (bytes, "many.json", &error);
  g_assert_null (catalog);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, VOC_CATALOG_MAX_PROBLEMS + 1);
  g_assert_true (g_str_has_prefix (lines[VOC_CATALOG_MAX_PROBLEMS], "many.json: … and "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *name = g_strdup_printf ("/catalog/fixtures/%s", fixtures[i].file);
      g_test_add_data_func (name, &fixtures[i], test_fixture);
    }
  g_test_add_func ("/catalog/fixtures/valid-minimal.json", test_valid_minimal);
  g_test_add_func ("/catalog/too-large", test_too_large);
  g_test_add_func ("/catalog/missing-file", test_missing_file);
  g_test_add_func ("/catalog/deep-nesting-in-memory", test_deep_nesting_in_memory);
  g_test_add_func ("/catalog/many-problems-are-capped", test_many_problems_are_capped);

  return g_test_run ();
}
