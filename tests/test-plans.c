/* test-plans.c: plans, goals and steps in the store; delete and undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "voc-store-notes.h"
#include "voc-store-plans.h"

#include "voc-test-utils.h"

static const VocGoalSpec goals[] = {
  { "sql", 2, 5, "2027-03-01" },
  { "big-data-processing", 0, 3, "2027-01-15" },
  { "stream-processing", 1, 3, NULL },
};

static gint64
create (VocStore *store)
{
  g_autoptr (GError) error = NULL;
  gint64 id = voc_store_create_plan (store, "data-engineer", "Become a Data Engineer", "2027-06-30",
                                     goals, G_N_ELEMENTS (goals), &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static VocGoalInfo *
goal_at (GPtrArray *goals_list,
         guint      i)
{
  return g_ptr_array_index (goals_list, i);
}

static void
test_create_and_progress (void)
{
  g_autoptr (VocStore) store = voc_test_store_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) plans = NULL;
  g_autoptr (GPtrArray) list = NULL;
  gint64 id = create (store);
  VocPlanInfo *plan;

  plans = voc_store_list_plans (store, &error);
  g_assert_cmpuint (plans->len, ==, 1);
  plan = g_ptr_array_index (plans, 0);
  g_assert_cmpint (plan->id, ==, id);
  g_assert_cmpstr (plan->title, ==, "Become a Data Engineer");
  g_assert_cmpstr (plan->role_id, ==, "data-engineer");
  g_assert_cmpstr (plan->target_date, ==, "2027-06-30");
  g_assert_cmpuint (plan->n_goals, ==, 3);
  g_assert_cmpuint (plan->n_done, ==, 0);
  /* The earliest due date of an open goal. */
  g_assert_cmpstr (plan->next_due, ==, "2027-01-15");

  list = voc_store_list_goals (store, id, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (goal_at (list, 0)->skill_id, ==, "sql");
  g_assert_cmpint (goal_at (list, 0)->from_level, ==, 2);
  g_assert_cmpint (goal_at (list, 0)->target_level, ==, 5);
  g_assert_cmpint (goal_at (list, 0)->status, ==, VOC_GOAL_NOT_STARTED);

  /* Done goals count, and no longer set the next due date. */
  g_assert_true (voc_store_set_goal_status (store, goal_at (list, 1)->id, VOC_GOAL_DONE, &error));
  g_clear_pointer (&plans, g_ptr_array_unref);
  plans = voc_store_list_plans (store, &error);
  plan = g_ptr_array_index (plans, 0);
  g_assert_cmpuint (plan->n_done, ==, 1);
  g_assert_cmpstr (plan->next_due, ==, "2027-03-01");
}

static void
test_reorder_and_steps (void)
{
  g_autoptr (VocStore) store = voc_test_store_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GPtrArray) steps = NULL;
  gint64 id = create (store);
  gint64 sql_goal, step;

  list = voc_store_list_goals (store, id, &error);
  sql_goal = goal_at (list, 0)->id;

  /* SQL moves to the end; the others close up. */
  g_assert_true (voc_store_move_goal (store, sql_goal, 2, &error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = voc_store_list_goals (store, id, &error);
  g_assert_cmpstr (goal_at (list, 0)->skill_id, ==, "big-data-processing");
  g_assert_cmpstr (goal_at (list, 1)->skill_id, ==, "stream-processing");
  g_assert_cmpstr (goal_at (list, 2)->skill_id, ==, "sql");
  g_assert_cmpint (goal_at (list, 2)->position, ==, 2);

  step = voc_store_add_step (store, sql_goal, "Window functions chapter", "https://example.org/sql", &error);
  g_assert_no_error (error);
  voc_store_add_step (store, sql_goal, "Tune three slow queries at work", NULL, &error);
  g_assert_true (voc_store_set_step_done (store, step, TRUE, &error));

  steps = voc_store_list_steps (store, sql_goal, &error);
  g_assert_cmpuint (steps->len, ==, 2);
  g_assert_true (((VocStepInfo *) g_ptr_array_index (steps, 0))->done);
  g_assert_cmpstr (((VocStepInfo *) g_ptr_array_index (steps, 0))->url, ==, "https://example.org/sql");
  g_assert_null (((VocStepInfo *) g_ptr_array_index (steps, 1))->url);

  g_clear_pointer (&list, g_ptr_array_unref);
  list = voc_store_list_goals (store, id, &error);
  g_assert_cmpuint (goal_at (list, 2)->n_steps, ==, 2);
  g_assert_cmpuint (goal_at (list, 2)->n_steps_done, ==, 1);
}

static void
test_delete_and_undo (void)
{
  g_autoptr (VocStore) store = voc_test_store_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GPtrArray) plans = NULL;
  g_autoptr (VocPlanCopy) copy = NULL;
  gint64 id = create (store);
  gint64 goal;

  before = voc_store_list_goals (store, id, &error);
  goal = goal_at (before, 0)->id;
  voc_store_add_step (store, goal, "Read the docs", NULL, &error);
  {
    g_autofree char *plan_subject = g_strdup_printf ("%" G_GINT64_FORMAT, id);
    g_assert_true (voc_store_save_note (store, VOC_NOTE_PLAN, plan_subject, "Start with SQL", &error));
  }
  g_assert_true (voc_store_set_goal_status (store, goal, VOC_GOAL_IN_PROGRESS, &error));
  g_clear_pointer (&before, g_ptr_array_unref);
  before = voc_store_list_goals (store, id, &error);

  copy = voc_store_delete_plan (store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  plans = voc_store_list_plans (store, &error);
  g_assert_cmpuint (plans->len, ==, 0);
  /* Its goals, steps and notes went with it. */
  g_assert_cmpuint (voc_store_list_steps (store, goal, &error)->len, ==, 0);
  {
    g_autofree char *plan_subject = g_strdup_printf ("%" G_GINT64_FORMAT, id);
    g_assert_null (voc_store_get_note (store, VOC_NOTE_PLAN, plan_subject, &error));
  }

  /* Undo: everything back, with the same ids and states. */
  g_assert_true (voc_store_restore_plan (store, copy, &error));
  after = voc_store_list_goals (store, id, &error);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    {
      g_assert_cmpint (goal_at (after, i)->id, ==, goal_at (before, i)->id);
      g_assert_cmpint (goal_at (after, i)->status, ==, goal_at (before, i)->status);
      g_assert_cmpuint (goal_at (after, i)->n_steps, ==, goal_at (before, i)->n_steps);
    }

  {
    g_autofree char *plan_subject = g_strdup_printf ("%" G_GINT64_FORMAT, id);
    g_autoptr (VocNote) note = voc_store_get_note (store, VOC_NOTE_PLAN, plan_subject, &error);

    g_assert_nonnull (note);
    g_assert_cmpstr (note->body, ==, "Start with SQL");
  }

  /* Deleting again works; deleting what is gone says so. */
  g_clear_pointer (&copy, voc_plan_copy_free);
  copy = voc_store_delete_plan (store, id, &error);
  g_assert_nonnull (copy);
  g_clear_pointer (&copy, voc_plan_copy_free);
  copy = voc_store_delete_plan (store, id, &error);
  g_assert_null (copy);
  g_assert_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_INVALID);
}

static void
test_bad_input_writes_nothing (void)
{
  g_autoptr (VocStore) store = voc_test_store_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) plans = NULL;
  const VocGoalSpec bad[] = { { "sql", 2, 5, NULL }, { "excel", 1, 7, NULL } };
  const VocGoalSpec bad_date[] = { { "sql", 2, 5, "next spring" } };

  g_assert_cmpint (voc_store_create_plan (store, "data-analyst", "  ", NULL, NULL, 0, &error), ==, 0);
  g_assert_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The second goal is wrong: the plan and the first goal are not kept. */
  g_assert_cmpint (voc_store_create_plan (store, "data-analyst", "Plan", NULL, bad, 2, &error), ==, 0);
  g_assert_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (voc_store_create_plan (store, "data-analyst", "Plan", NULL, bad_date, 1, &error), ==, 0);
  g_assert_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "“next spring” is not a date; write it as YYYY-MM-DD, such as 2027-03-31");
  g_clear_error (&error);
  g_assert_cmpint (voc_store_create_plan (store, "data-analyst", "Plan", "2027-02-30", NULL, 0, &error), ==, 0);
  g_assert_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_INVALID);
  g_clear_error (&error);

  plans = voc_store_list_plans (store, &error);
  g_assert_cmpuint (plans->len, ==, 0);

  g_assert_cmpint (voc_store_add_step (store, 12345, "A step for no goal", NULL, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (voc_store_set_goal_status (store, 12345, VOC_GOAL_DONE, &error));
  g_assert_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_INVALID);
}

static void
test_dates (void)
{
  g_autoptr (VocStore) store = voc_test_store_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GPtrArray) plans = NULL;
  gint64 id = create (store);
  gint64 goal;

  list = voc_store_list_goals (store, id, &error);
  goal = goal_at (list, 2)->id;
  g_assert_true (voc_store_set_goal_due (store, goal, "2026-12-24", &error));
  g_assert_true (voc_store_set_plan_target (store, id, NULL, &error));
  g_assert_false (voc_store_set_goal_due (store, goal, "24/12/2026", &error));
  g_assert_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_INVALID);
  g_clear_error (&error);

  plans = voc_store_list_plans (store, &error);
  /* The new earliest open due date, and no target any more. */
  g_assert_cmpstr (((VocPlanInfo *) g_ptr_array_index (plans, 0))->next_due, ==, "2026-12-24");
  g_assert_null (((VocPlanInfo *) g_ptr_array_index (plans, 0))->target_date);

  /* A date the store takes, the schema's CHECK (date (x) IS x) takes
   * too; what the schema refuses, the store refuses first with its own
   * message, never SQLite's "CHECK constraint failed". Days that do not
   * exist (which the CHECK lets through) are refused as well. */
  {
    static const char *const dates[] = {
      "2027-03-31", "2027-3- 31", "2027-03-3 ", " 2027-03-31", "2027-02-29", "2028-02-29", "1900-02-29",
      "2000-02-29", "0000-02-29", "0000-01-01", "9999-12-31", "2027-13-01", "2027-00-10", "2027-04-31",
      "2027-04-00", "2027/03/31", "+027-03-31", "2027-03-31T00", "20270331", "2027-03-31 ", "2O27-03-31",
      "２０２７-03-31", "-027-03-31", "2027-0x-31", "2027-1e-01",
    };
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT date (?1) IS ?1", -1, &stmt, NULL), ==, SQLITE_OK);
    for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
      {
        gboolean schema_takes, taken;

        sqlite3_reset (stmt);
        sqlite3_bind_text (stmt, 1, dates[i], -1, SQLITE_STATIC);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        schema_takes = sqlite3_column_int (stmt, 0);
        taken = voc_store_set_goal_due (store, goal, dates[i], &error);
        g_test_message ("%s: schema %d, store %d", dates[i], schema_takes, taken);
        g_assert_true (!taken || schema_takes);
        if (g_str_equal (dates[i], "2027-02-29") || g_str_equal (dates[i], "1900-02-29") ||
            g_str_equal (dates[i], "2027-04-31"))
          g_assert_false (taken);
        else
          g_assert_cmpint (taken, ==, schema_takes);
        if (!taken)
          {
            g_assert_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_INVALID);
            g_assert_nonnull (strstr (error->message, "is not a date; write it as YYYY-MM-DD"));
            g_clear_error (&error);
          }
      }
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
}

/* What the notes search needs to name a plan's or a goal's note. */
static void
test_note_subjects (void)
{
  g_autoptr (VocStore) store = voc_test_store_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (VocPlanCopy) copy = NULL;
  g_autofree char *title = NULL;
  g_autofree char *plan_title = NULL;
  g_autofree char *skill_id = NULL;
  gint64 plan_id = create (store);
  gint64 other_id, found_plan = 0;

  /* A title that would break SQL if it were pasted into it. */
  other_id = voc_store_create_plan (store, "data-analyst", "Analyst'); DROP TABLE plan; --", NULL,
                                    goals, 1, &error);
  g_assert_no_error (error);

  title = voc_store_get_plan_title (store, other_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (title, ==, "Analyst'); DROP TABLE plan; --");
  g_clear_pointer (&title, g_free);
  title = voc_store_get_plan_title (store, plan_id, &error);
  g_assert_cmpstr (title, ==, "Become a Data Engineer");

  list = voc_store_list_goals (store, plan_id, &error);
  g_assert_true (voc_store_get_goal_plan (store, goal_at (list, 1)->id, &found_plan, &plan_title, &skill_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (found_plan, ==, plan_id);
  g_assert_cmpstr (plan_title, ==, "Become a Data Engineer");
  g_assert_cmpstr (skill_id, ==, "big-data-processing");

  /* Gone: no title, no plan, and no error either. */
  copy = voc_store_delete_plan (store, plan_id, &error);
  g_assert_nonnull (copy);
  g_clear_pointer (&title, g_free);
  g_assert_null ((title = voc_store_get_plan_title (store, plan_id, &error)));
  g_assert_no_error (error);
  g_assert_false (voc_store_get_goal_plan (store, goal_at (list, 1)->id, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (voc_store_get_goal_plan (store, 999999, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* A goal goes with its steps and note, a step alone; Undo puts each back
 * where it was, with the same ids. */
static void
test_delete_goal_and_step (void)
{
  g_autoptr (VocStore) store = voc_test_store_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GPtrArray) steps = NULL;
  g_autoptr (VocPlanCopy) copy = NULL;
  g_autoptr (VocNote) note = NULL;
  g_autofree char *subject = NULL;
  gint64 id = create (store);
  gint64 goal, step1, step2;

  list = voc_store_list_goals (store, id, &error);
  goal = goal_at (list, 1)->id;
  subject = g_strdup_printf ("%" G_GINT64_FORMAT, goal);
  step1 = voc_store_add_step (store, goal, "Spark in a weekend", NULL, &error);
  step2 = voc_store_add_step (store, goal, "https://spark.apache.org/docs/", "https://spark.apache.org/docs/", &error);
  g_assert_true (voc_store_set_step_done (store, step2, TRUE, &error));
  g_assert_true (voc_store_save_note (store, VOC_NOTE_GOAL, subject, "Ask for a cluster at work", &error));

  /* The second goal, its two steps and its note go... */
  copy = voc_store_delete_goal (store, goal, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = voc_store_list_goals (store, id, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (goal_at (list, 1)->skill_id, ==, "stream-processing");
  steps = voc_store_list_steps (store, goal, &error);
  g_assert_cmpuint (steps->len, ==, 0);
  g_assert_null (voc_store_get_note (store, VOC_NOTE_GOAL, subject, &error));

  /* ...and come back, in second place. */
  g_assert_true (voc_store_restore_plan (store, copy, &error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = voc_store_list_goals (store, id, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (goal_at (list, 1)->id, ==, goal);
  g_assert_cmpstr (goal_at (list, 1)->due_date, ==, "2027-01-15");
  g_clear_pointer (&steps, g_ptr_array_unref);
  steps = voc_store_list_steps (store, goal, &error);
  g_assert_cmpuint (steps->len, ==, 2);
  g_assert_true (((VocStepInfo *) g_ptr_array_index (steps, 1))->done);
  note = voc_store_get_note (store, VOC_NOTE_GOAL, subject, &error);
  g_assert_cmpstr (note->body, ==, "Ask for a cluster at work");

  /* One step: the other stays; Undo puts it back first. */
  g_clear_pointer (&copy, voc_plan_copy_free);
  copy = voc_store_delete_step (store, step1, &error);
  g_assert_no_error (error);
  g_clear_pointer (&steps, g_ptr_array_unref);
  steps = voc_store_list_steps (store, goal, &error);
  g_assert_cmpuint (steps->len, ==, 1);
  g_assert_cmpint (((VocStepInfo *) g_ptr_array_index (steps, 0))->id, ==, step2);
  g_assert_true (voc_store_restore_plan (store, copy, &error));
  g_clear_pointer (&steps, g_ptr_array_unref);
  steps = voc_store_list_steps (store, goal, &error);
  g_assert_cmpuint (steps->len, ==, 2);
  g_assert_cmpstr (((VocStepInfo *) g_ptr_array_index (steps, 0))->text, ==, "Spark in a weekend");

  /* What is not there cannot be deleted; nothing changes. */
  g_assert_null (voc_store_delete_step (store, 999999, &error));
  g_assert_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (voc_store_delete_goal (store, 999999, &error));
  g_assert_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = voc_store_list_goals (store, id, &error);
  g_assert_cmpuint (list->len, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plans/create-and-progress", test_create_and_progress);
  g_test_add_func ("/plans/reorder-and-steps", test_reorder_and_steps);
  g_test_add_func ("/plans/delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/plans/bad-input-writes-nothing", test_bad_input_writes_nothing);
  g_test_add_func ("/plans/dates", test_dates);
  g_test_add_func ("/plans/delete-goal-and-step", test_delete_goal_and_step);
  g_test_add_func ("/plans/note-subjects", test_note_subjects);

  return g_test_run ();
}
