/* test-notes.c: notes are saved, dated, found and removed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "voc-store-notes.h"

#include "store-test-utils.h"

static void
test_save_and_edit (void)
{
  g_autoptr (VocStore) store = test_store_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (VocNote) first = NULL;
  g_autoptr (VocNote) second = NULL;

  g_assert_null (voc_store_get_note (store, "role", "data-engineer", &error));
  g_assert_no_error (error);

  g_assert_true (voc_store_save_note (store, "role", "data-engineer", "Ask Sam about Kafka", &error));
  first = voc_store_get_note (store, "role", "data-engineer", &error);
  g_assert_cmpstr (first->body, ==, "Ask Sam about Kafka");
  g_assert_cmpint (first->created_at, ==, first->updated_at);

  g_usleep (2000);
  g_assert_true (voc_store_save_note (store, "role", "data-engineer", "Ask Sam about Kafka — done: “use Flink”", &error));
  second = voc_store_get_note (store, "role", "data-engineer", &error);
  g_assert_cmpstr (second->body, ==, "Ask Sam about Kafka — done: “use Flink”");
  /* Created stays, edited moves. */
  g_assert_cmpint (second->created_at, ==, first->created_at);
  g_assert_cmpint (second->updated_at, >, first->updated_at);

  /* Emptied: gone. */
  g_assert_true (voc_store_save_note (store, "role", "data-engineer", "", &error));
  g_assert_null (voc_store_get_note (store, "role", "data-engineer", &error));
}

static void
test_search (void)
{
  g_autoptr (VocStore) store = test_store_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GPtrArray) literal = NULL;

  voc_store_save_note (store, "role", "data-analyst", "Pivot tables first", &error);
  voc_store_save_note (store, "plan", "1", "Finish by June; 50% done", &error);
  voc_store_save_note (store, "goal", "7", "pivot again with real data", &error);

  found = voc_store_search_notes (store, "PIVOT", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);

  /* % is a character here, not a wildcard. */
  literal = voc_store_search_notes (store, "50%", &error);
  g_assert_cmpuint (literal->len, ==, 1);
  g_clear_pointer (&literal, g_ptr_array_unref);
  literal = voc_store_search_notes (store, "5%d", &error);
  g_assert_cmpuint (literal->len, ==, 0);
}

static void
test_bad_input (void)
{
  g_autoptr (VocStore) store = test_store_new (NULL);
  g_autoptr (GError) error = NULL;

  g_assert_false (voc_store_save_note (store, "astronaut", "1", "text", &error));
  g_assert_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (voc_store_save_note (store, "role", "x", "bad \xff bytes", &error));
  g_assert_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/notes/save-and-edit", test_save_and_edit);
  g_test_add_func ("/notes/search", test_search);
  g_test_add_func ("/notes/bad-input", test_bad_input);

  return g_test_run ();
}
