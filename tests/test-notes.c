/* test-notes.c: notes are saved, dated, found and removed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "voc-store-notes.h"

#include "voc-test-utils.h"

static void
test_save_and_edit (void)
{
  g_autoptr (VocStore) store = voc_test_store_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (VocNote) first = NULL;
  g_autoptr (VocNote) second = NULL;

  g_assert_null (voc_store_get_note (store, VOC_NOTE_ROLE, "data-engineer", &error));
  g_assert_no_error (error);

  g_assert_true (voc_store_save_note (store, VOC_NOTE_ROLE, "data-engineer", "Ask Sam about Kafka", &error));
  first = voc_store_get_note (store, VOC_NOTE_ROLE, "data-engineer", &error);
  g_assert_cmpstr (first->body, ==, "Ask Sam about Kafka");
  g_assert_cmpint (first->created_at, ==, first->updated_at);

  g_usleep (2000);
  g_assert_true (voc_store_save_note (store, VOC_NOTE_ROLE, "data-engineer", "Ask Sam about Kafka — done: “use Flink”", &error));
  second = voc_store_get_note (store, VOC_NOTE_ROLE, "data-engineer", &error);
  g_assert_cmpstr (second->body, ==, "Ask Sam about Kafka — done: “use Flink”");
  /* Created stays, edited moves. */
  g_assert_cmpint (second->created_at, ==, first->created_at);
  g_assert_cmpint (second->updated_at, >, first->updated_at);

  /* Emptied: gone. */
  g_assert_true (voc_store_save_note (store, VOC_NOTE_ROLE, "data-engineer", "", &error));
  g_assert_null (voc_store_get_note (store, VOC_NOTE_ROLE, "data-engineer", &error));
}

static void
test_search (void)
{
  g_autoptr (VocStore) store = voc_test_store_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GPtrArray) literal = NULL;

  voc_store_save_note (store, VOC_NOTE_ROLE, "data-analyst", "Pivot tables first", &error);
  voc_store_save_note (store, VOC_NOTE_PLAN, "1", "Finish by June; 50% done", &error);
  voc_store_save_note (store, VOC_NOTE_GOAL, "7", "pivot again with real data", &error);

  found = voc_store_search_notes (store, "PIVOT", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);

  /* % is a character here, not a wildcard. */
  literal = voc_store_search_notes (store, "50%", &error);
  g_assert_cmpuint (literal->len, ==, 1);
  g_clear_pointer (&literal, g_ptr_array_unref);
  literal = voc_store_search_notes (store, "5%d", &error);
  g_assert_cmpuint (literal->len, ==, 0);

  /* Case is ignored beyond ASCII, and composed or not, é is é. */
  voc_store_save_note (store, VOC_NOTE_ROLE, "nlp-engineer", "ÉTUDE des modèles ; Straße", &error);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = voc_store_search_notes (store, "étude", &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = voc_store_search_notes (store, "mode\xcc\x80le", &error);   /* e + combining grave */
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = voc_store_search_notes (store, "STRASSE", &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = voc_store_search_notes (store, "", &error);
  g_assert_cmpuint (found->len, ==, 4);
}

static void
test_bad_input (void)
{
  g_autoptr (VocStore) store = voc_test_store_new (NULL);
  g_autoptr (GError) error = NULL;

  /* A subject that is none of the three (a cast from a bad value). */
  g_assert_false (voc_store_save_note (store, (VocNoteSubject) 7, "1", "text", &error));
  g_assert_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    VocNoteSubject subject;

    g_assert_false (voc_note_subject_from_string ("astronaut", &subject));
    g_assert_true (voc_note_subject_from_string ("goal", &subject));
    g_assert_cmpint (subject, ==, VOC_NOTE_GOAL);
    g_assert_cmpstr (voc_note_subject_to_string (VOC_NOTE_PLAN), ==, "plan");
    g_assert_null (voc_note_subject_to_string ((VocNoteSubject) 7));
  }
  g_assert_false (voc_store_save_note (store, VOC_NOTE_ROLE, "x", "bad \xff bytes", &error));
  g_assert_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_INVALID);
}

static void
test_excerpt (void)
{
  const char *long_body =
    "Monday: reread the chapter on joins.\n\nTuesday: nothing.\n"
    "Wednesday: window functions on the taxi data, then the Kafka course, "
    "then a long walk and an early night before the interview on Friday.";
  g_autofree char *head = NULL;
  g_autofree char *middle = NULL;
  g_autofree char *accented = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *match = NULL;
  glong start = -1, length = -1;

  /* Short: the whole body on one line, the match found in any case. */
  head = voc_note_excerpt ("Ask Sam\nabout   KAFKA", "kafka", 80, &start, &length);
  g_assert_cmpstr (head, ==, "Ask Sam about KAFKA");
  g_assert_cmpint (start, ==, 14);
  g_assert_cmpint (length, ==, 5);

  /* Long: cut at words around the match, and marked as cut. */
  middle = voc_note_excerpt (long_body, "Kafka", 40, &start, &length);
  g_assert_true (g_str_has_prefix (middle, "…"));
  g_assert_true (g_str_has_suffix (middle, "…"));
  g_assert_cmpint (g_utf8_strlen (middle, -1), <=, 42);
  match = g_utf8_substring (middle, start, start + length);
  g_assert_cmpstr (match, ==, "Kafka");
  g_assert_null (strchr (middle, '\n'));

  /* Characters, not bytes: the match after an accented word. */
  accented = voc_note_excerpt ("Café crème — régression logistique", "RÉGRESSION", 80, &start, &length);
  g_clear_pointer (&match, g_free);
  match = g_utf8_substring (accented, start, start + length);
  g_assert_cmpstr (match, ==, "régression");

  /* No match (or no words): the start of the note. */
  missing = voc_note_excerpt (long_body, "zebra", 20, &start, &length);
  g_assert_true (g_str_has_prefix (missing, "Monday: reread"));
  g_assert_true (g_str_has_suffix (missing, "…"));
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (length, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/notes/save-and-edit", test_save_and_edit);
  g_test_add_func ("/notes/search", test_search);
  g_test_add_func ("/notes/bad-input", test_bad_input);
  g_test_add_func ("/notes/excerpt", test_excerpt);

  return g_test_run ();
}
