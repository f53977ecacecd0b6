/* test-ui-plans.c: from the gaps of a role to a plan, a done goal, undo (Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "voc-application.h"
#include "voc-note-editor.h"
#include "voc-plan-page.h"
#include "voc-plans-view.h"
#include "voc-role-page.h"
#include "voc-store-notes.h"
#include "voc-store-plans.h"
#include "voc-window.h"

#include "ui-test-utils.h"

static VocApplication *app;

/* The @nth row below @root whose title is @title. */
static GtkWidget *
find_row (GtkWidget  *root,
          GType       type,
          const char *title,
          guint       nth)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *row = ui_find (root, type, NULL, i);

      if (row == NULL)
        return NULL;
      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0 && nth-- == 0)
        return row;
    }
}

static void
test_plan_from_gaps (void)
{
  VocProfile *profile = voc_application_get_profile (app);
  VocStore *store = voc_profile_get_store (profile);
  GtkWindow *window = GTK_WINDOW (voc_application_new_window (app));
  VocPlansView *plans_view = VOC_PLANS_VIEW (ui_window_view (window, "plans", VOC_TYPE_PLANS_VIEW));
  g_autoptr (GPtrArray) plans = NULL;
  g_autoptr (GPtrArray) goals = NULL;
  g_autoptr (GPtrArray) steps = NULL;
  AdwMessageDialog *dialog;
  VocPlanPage *page;
  GtkWidget *role_page, *status, *entry;
  gint64 plan_id;
  int target;

  gtk_window_present (window);
  ui_spin (200);
  g_assert_true (voc_profile_set_rating (profile, "sql", 2, TRUE, NULL));
  g_assert_cmpuint (voc_plans_view_get_n_plans (plans_view), ==, 0);

  /* Role page → "Create Plan From Gaps…" → Create. */
  g_assert_true (voc_window_show_role (VOC_WINDOW (window), "data-engineer"));
  role_page = ui_find (GTK_WIDGET (window), VOC_TYPE_ROLE_PAGE, NULL, 0);
  gtk_widget_activate_action (role_page, "role.create-plan", NULL);
  ui_spin (100);
  dialog = ui_find_dialog ("Create a Plan");
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "create");
  ui_spin (100);

  /* The plan is saved, and the Plans view lists it. */
  plans = voc_store_list_plans (store, NULL);
  g_assert_cmpuint (plans->len, ==, 1);
  ui_spin (100);
  plan_id = ((VocPlanInfo *) g_ptr_array_index (plans, 0))->id;
  g_assert_cmpstr (((VocPlanInfo *) g_ptr_array_index (plans, 0))->title, ==, "Become a Data Engineer");
  g_assert_cmpuint (voc_plans_view_get_n_plans (plans_view), ==, 1);
  goals = voc_store_list_goals (store, plan_id, NULL);
  g_assert_cmpuint (goals->len, >=, 10);
  /* The largest gap first: SQL, from Beginner (2) to Expert (5). */
  g_assert_cmpstr (((VocGoalInfo *) g_ptr_array_index (goals, 0))->skill_id, ==, "sql");
  g_assert_cmpint (((VocGoalInfo *) g_ptr_array_index (goals, 0))->from_level, ==, 2);
  target = ((VocGoalInfo *) g_ptr_array_index (goals, 0))->target_level;
  g_assert_cmpint (target, ==, 5);

  /* Its page shows one row per goal. */
  g_assert_true (voc_window_show_plan (VOC_WINDOW (window), plan_id));
  page = VOC_PLAN_PAGE (ui_find (GTK_WIDGET (window), VOC_TYPE_PLAN_PAGE, NULL, 0));
  ui_spin (300);
  g_assert_cmpuint (ui_count (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, FALSE), ==, goals->len);
  /* Closed goals are only their header; the first one opened shows its inside. */
  g_assert_null (find_row (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Add a Step or a Link", 0));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (ui_find (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, NULL, 0)),
                                 TRUE);
  ui_spin (100);
  g_assert_nonnull (find_row (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Add a Step or a Link", 0));
  g_assert_null (find_row (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Add a Step or a Link", 1));

  /* A step, added as the user types it. */
  entry = find_row (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Add a Step or a Link", 0);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Finish the window functions course");
  g_signal_emit_by_name (entry, "apply");
  ui_spin (100);
  steps = voc_store_list_steps (store, ((VocGoalInfo *) g_ptr_array_index (goals, 0))->id, NULL);
  g_assert_cmpuint (steps->len, ==, 1);

  /* A due date, typed as a date, and a badly typed one refused. */
  entry = find_row (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Due Date (YYYY-MM-DD)", 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), "2027-02-01");
  g_signal_emit_by_name (entry, "apply");
  ui_spin (100);
  page = VOC_PLAN_PAGE (ui_find (GTK_WIDGET (window), VOC_TYPE_PLAN_PAGE, NULL, 0));
  entry = find_row (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Due Date (YYYY-MM-DD)", 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), "next spring");
  g_signal_emit_by_name (entry, "apply");
  ui_spin (100);
  g_clear_pointer (&goals, g_ptr_array_unref);
  goals = voc_store_list_goals (store, plan_id, NULL);
  g_assert_cmpstr (((VocGoalInfo *) g_ptr_array_index (goals, 0))->due_date, ==, "2027-02-01");

  /* Done → "Raise your SQL level?" → Raise: the profile moves. */
  page = VOC_PLAN_PAGE (ui_find (GTK_WIDGET (window), VOC_TYPE_PLAN_PAGE, NULL, 0));
  status = ui_find (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN, NULL, 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), 2);
  ui_spin (100);
  dialog = ui_find_dialog ("Raise Your SQL Level?");
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "raise");
  g_assert_cmpint (voc_profile_get_level (profile, "sql"), ==, target);

  /* Move the first goal down: SQL is second now. */
  ui_spin (100);
  page = VOC_PLAN_PAGE (ui_find (GTK_WIDGET (window), VOC_TYPE_PLAN_PAGE, NULL, 0));
  {
    GtkWidget *order = find_row (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Order in the Plan", 0);
    GtkWidget *down = NULL;

    for (guint i = 0; (down = ui_find (order, GTK_TYPE_BUTTON, NULL, i)); i++)
      if (g_strcmp0 (gtk_widget_get_tooltip_text (down), "Move Down") == 0)
        break;
    g_assert_nonnull (down);
    g_signal_emit_by_name (down, "clicked");
    ui_spin (100);
    g_clear_pointer (&goals, g_ptr_array_unref);
    goals = voc_store_list_goals (store, plan_id, NULL);
    g_assert_cmpstr (((VocGoalInfo *) g_ptr_array_index (goals, 1))->skill_id, ==, "sql");
  }

  /* Delete, then Undo: the same plan is back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-plan", "x", plan_id);
  ui_spin (100);
  g_clear_pointer (&plans, g_ptr_array_unref);
  plans = voc_store_list_plans (store, NULL);
  g_assert_cmpuint (plans->len, ==, 0);
  g_assert_cmpuint (voc_plans_view_get_n_plans (plans_view), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  ui_spin (100);
  g_clear_pointer (&plans, g_ptr_array_unref);
  plans = voc_store_list_plans (store, NULL);
  g_assert_cmpuint (plans->len, ==, 1);
  g_assert_cmpint (((VocPlanInfo *) g_ptr_array_index (plans, 0))->id, ==, plan_id);
  g_assert_cmpuint (((VocPlanInfo *) g_ptr_array_index (plans, 0))->n_done, ==, 1);
  g_assert_cmpuint (voc_plans_view_get_n_plans (plans_view), ==, 1);

  ui_close_window (window);
}

static void
test_notes_keep_last_keystrokes (void)
{
  VocStore *store = voc_profile_get_store (voc_application_get_profile (app));
  GtkWindow *window = GTK_WINDOW (voc_application_new_window (app));
  VocNoteEditor *editor;
  g_autoptr (VocNote) note = NULL;

  gtk_window_present (window);
  ui_spin (200);
  g_assert_true (voc_window_show_role (VOC_WINDOW (window), "nlp-engineer"));
  editor = VOC_NOTE_EDITOR (ui_find (GTK_WIDGET (window), VOC_TYPE_NOTE_EDITOR, NULL, 0));
  g_assert_nonnull (editor);

  /* Typed, and the window closed at once, before the pause that saves. */
  gtk_text_buffer_set_text (voc_note_editor_get_buffer (editor), "Ask about spaCy at the meetup", -1);
  ui_close_window (window);

  note = voc_store_get_note (store, VOC_NOTE_ROLE, "nlp-engineer", NULL);
  g_assert_nonnull (note);
  g_assert_cmpstr (note->body, ==, "Ask about spaCy at the meetup");

  /* And the next window shows it again. */
  window = GTK_WINDOW (voc_application_new_window (app));
  gtk_window_present (window);
  ui_spin (100);
  voc_window_show_role (VOC_WINDOW (window), "nlp-engineer");
  editor = VOC_NOTE_EDITOR (ui_find (GTK_WIDGET (window), VOC_TYPE_NOTE_EDITOR, NULL, 0));
  {
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (voc_note_editor_get_buffer (editor), &start, &end);
    text = gtk_text_buffer_get_text (voc_note_editor_get_buffer (editor), &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "Ask about spaCy at the meetup");
  }
  ui_close_window (window);
}

static char *
buffer_text (VocNoteEditor *editor)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (voc_note_editor_get_buffer (editor), &start, &end);
  return gtk_text_buffer_get_text (voc_note_editor_get_buffer (editor), &start, &end, FALSE);
}

static char *
goal_note_body (VocStore *store,
                gint64    goal_id)
{
  g_autofree char *subject = g_strdup_printf ("%" G_GINT64_FORMAT, goal_id);
  g_autoptr (VocNote) note = voc_store_get_note (store, VOC_NOTE_GOAL, subject, NULL);

  return note ? g_strdup (note->body) : NULL;
}

/* The expander row of the @nth goal on the page. */
static AdwExpanderRow *
goal_row (GtkWindow *window,
          guint      nth)
{
  GtkWidget *page = ui_find (GTK_WIDGET (window), VOC_TYPE_PLAN_PAGE, NULL, 0);

  return ADW_EXPANDER_ROW (ui_find (page, ADW_TYPE_EXPANDER_ROW, NULL, nth));
}

static void
test_goal_notes (void)
{
  static const VocGoalSpec specs[] = {
    { "sql", 1, 4, NULL },
    { "python", 2, 4, NULL },
    { "data-modeling", 0, 3, NULL },
  };
  VocStore *store = voc_profile_get_store (voc_application_get_profile (app));
  GtkWindow *window = GTK_WINDOW (voc_application_new_window (app));
  g_autoptr (GPtrArray) goals = NULL;
  g_autoptr (VocPlanCopy) copy = NULL;
  g_autofree char *body = NULL;
  g_autofree char *shown = NULL;
  VocNoteEditor *editor;
  AdwExpanderRow *row;
  gint64 plan_id;
  int min_width;

  plan_id = voc_store_create_plan (store, "data-engineer", "Notes Plan", NULL, specs, G_N_ELEMENTS (specs), NULL);
  g_assert_cmpint (plan_id, >, 0);
  goals = voc_store_list_goals (store, plan_id, NULL);
  gtk_window_set_default_size (window, 360, 700);
  gtk_window_present (window);
  ui_spin (200);
  g_assert_true (voc_window_show_plan (VOC_WINDOW (window), plan_id));
  ui_spin (200);

  /* Closed goals have no editor yet: only the plan's own note is built. */
  g_assert_cmpuint (ui_count (GTK_WIDGET (window), VOC_TYPE_NOTE_EDITOR, FALSE), ==, 1);
  row = goal_row (window, 0);
  g_assert_null (ui_find (GTK_WIDGET (row), VOC_TYPE_NOTE_EDITOR, NULL, 0));
  adw_expander_row_set_expanded (row, TRUE);
  ui_spin (300);
  editor = VOC_NOTE_EDITOR (ui_find (GTK_WIDGET (row), VOC_TYPE_NOTE_EDITOR, NULL, 0));
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (editor)));
  g_assert_cmpuint (ui_count (GTK_WIDGET (window), VOC_TYPE_NOTE_EDITOR, FALSE), ==, 2);
  {
    GtkWidget *label = NULL;

    for (guint i = 0; (label = ui_find (GTK_WIDGET (row), GTK_TYPE_LABEL, "heading", i)); i++)
      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), "Notes on This Goal") == 0)
        break;
    g_assert_nonnull (label);
  }

  /* Typed, then a change elsewhere updates the page before the pause
   * that saves: the words are kept, in the same editor, the row stays
   * open with them, and the pause saves them. */
  gtk_text_buffer_set_text (voc_note_editor_get_buffer (editor), "Window functions: practise on the taxi data", -1);
  g_assert_true (voc_store_set_goal_due (store, ((VocGoalInfo *) g_ptr_array_index (goals, 2))->id, "2027-05-01", NULL));
  ui_spin (50);
  row = goal_row (window, 0);
  g_assert_true (adw_expander_row_get_expanded (row));
  g_assert_true (VOC_NOTE_EDITOR (ui_find (GTK_WIDGET (row), VOC_TYPE_NOTE_EDITOR, NULL, 0)) == editor);
  shown = buffer_text (editor);
  g_assert_cmpstr (shown, ==, "Window functions: practise on the taxi data");
  ui_spin (600);
  body = goal_note_body (store, ((VocGoalInfo *) g_ptr_array_index (goals, 0))->id);
  g_assert_cmpstr (body, ==, "Window functions: practise on the taxi data");

  /* Edited a second time, the caption gives both times and wraps: the
   * editor still fits a phone-sized window. */
  gtk_text_buffer_insert_at_cursor (voc_note_editor_get_buffer (editor), " and joins", -1);
  voc_note_editor_flush (editor);
  {
    GtkWidget *caption = ui_find (GTK_WIDGET (editor), GTK_TYPE_LABEL, "caption", 0);

    g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (caption)), "Written "));
    g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (caption)), " · edited "));
    gtk_widget_measure (GTK_WIDGET (editor), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
    g_assert_cmpint (min_width, <, 240);
  }

  /* Opening a goal from elsewhere puts the cursor in its note. */
  g_assert_true (voc_plan_page_show_goal (VOC_PLAN_PAGE (ui_find (GTK_WIDGET (window), VOC_TYPE_PLAN_PAGE, NULL, 0)),
                                          ((VocGoalInfo *) g_ptr_array_index (goals, 1))->id));
  ui_spin (100);
  row = goal_row (window, 1);
  g_assert_true (adw_expander_row_get_expanded (row));
  editor = VOC_NOTE_EDITOR (ui_find (GTK_WIDGET (row), VOC_TYPE_NOTE_EDITOR, NULL, 0));
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (editor)));

  /* Typed, and the plan deleted at once: the note goes with the plan and
   * comes back with Undo, instead of being left behind without one. */
  gtk_text_buffer_set_text (voc_note_editor_get_buffer (editor), "Pandas first, then Polars", -1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-plan", "x", plan_id);
  ui_spin (800); /* past the pause that saves, and the page's slide out */
  g_clear_pointer (&body, g_free);
  body = goal_note_body (store, ((VocGoalInfo *) g_ptr_array_index (goals, 1))->id);
  g_assert_null (body);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  ui_spin (100);
  body = goal_note_body (store, ((VocGoalInfo *) g_ptr_array_index (goals, 1))->id);
  g_assert_cmpstr (body, ==, "Pandas first, then Polars");

  /* Typed, and the window closed at once. */
  g_assert_true (voc_window_show_plan (VOC_WINDOW (window), plan_id));
  ui_spin (100);
  row = goal_row (window, 2);
  adw_expander_row_set_expanded (row, TRUE);
  editor = VOC_NOTE_EDITOR (ui_find (GTK_WIDGET (row), VOC_TYPE_NOTE_EDITOR, NULL, 0));
  gtk_text_buffer_set_text (voc_note_editor_get_buffer (editor), "Kimball, chapter 3", -1);
  ui_close_window (window);
  g_clear_pointer (&body, g_free);
  body = goal_note_body (store, ((VocGoalInfo *) g_ptr_array_index (goals, 2))->id);
  g_assert_cmpstr (body, ==, "Kimball, chapter 3");

  copy = voc_store_delete_plan (store, plan_id, NULL);
}

static gboolean
expanders_are (gpointer data)
{
  GtkWidget *page = g_object_get_data (data, "page");

  return ui_count (page, ADW_TYPE_EXPANDER_ROW, FALSE) == GPOINTER_TO_UINT (g_object_get_data (data, "n"));
}

/* A step and a goal deleted from the plan page; Undo brings each back. */
static void
test_delete_step_and_goal (void)
{
  VocStore *store = voc_profile_get_store (voc_application_get_profile (app));
  GtkWindow *window = GTK_WINDOW (voc_application_new_window (app));
  const VocGoalSpec specs[] = { { "python", 1, 4, NULL }, { "statistics", 2, 4, NULL } };
  g_autoptr (GPtrArray) goals = NULL;
  g_autoptr (GPtrArray) steps = NULL;
  g_autoptr (GObject) wait = g_object_new (G_TYPE_OBJECT, NULL);
  GtkWidget *page, *button;
  gint64 plan_id, goal_id;

  plan_id = voc_store_create_plan (store, "data-scientist", "Science by spring", NULL, specs, 2, NULL);
  goals = voc_store_list_goals (store, plan_id, NULL);
  goal_id = ((VocGoalInfo *) g_ptr_array_index (goals, 0))->id;
  g_assert_cmpint (voc_store_add_step (store, goal_id, "Kaggle micro-course", NULL, NULL), >, 0);

  gtk_window_present (window);
  ui_spin (200);
  g_assert_true (voc_window_show_plan (VOC_WINDOW (window), plan_id));
  page = ui_find (GTK_WIDGET (window), VOC_TYPE_PLAN_PAGE, NULL, 0);
  ui_spin (300);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (ui_find (page, ADW_TYPE_EXPANDER_ROW, NULL, 0)), TRUE);
  ui_spin (100);

  /* Ticking a step from the keyboard updates its row in place; the focus
   * stays on that step's check box, not lost to the window. */
  {
    GtkWidget *check = ui_find (page, GTK_TYPE_CHECK_BUTTON, NULL, 0);
    GtkWidget *focus;

    g_assert_true (gtk_widget_grab_focus (check));
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    ui_spin (100);
    focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_true (GTK_IS_CHECK_BUTTON (focus));
    g_assert_true (focus == check);   /* the same row, updated in place */
    g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (focus)));
    g_assert_true (gtk_widget_is_ancestor (focus, page));
  }

  /* The step's bin button: gone, then back with Undo. */
  button = ui_find_button (page, "Delete Step");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  ui_spin (100);
  steps = voc_store_list_steps (store, goal_id, NULL);
  g_assert_cmpuint (steps->len, ==, 0);
  g_assert_null (find_row (page, ADW_TYPE_ACTION_ROW, "Kaggle micro-course", 0));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  ui_spin (100);
  g_clear_pointer (&steps, g_ptr_array_unref);
  steps = voc_store_list_steps (store, goal_id, NULL);
  g_assert_cmpuint (steps->len, ==, 1);
  g_assert_nonnull (find_row (page, ADW_TYPE_ACTION_ROW, "Kaggle micro-course", 0));

  /* "Delete Goal": one goal left on the page, then two again. */
  button = ui_find_button (page, "_Delete Goal");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_object_set_data (wait, "page", page);
  g_object_set_data (wait, "n", GUINT_TO_POINTER (1));
  ui_wait_until (expanders_are, wait);
  g_assert_nonnull (find_row (page, ADW_TYPE_EXPANDER_ROW, "Statistics", 0));
  g_assert_null (find_row (page, ADW_TYPE_EXPANDER_ROW, "Python", 0));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_object_set_data (wait, "n", GUINT_TO_POINTER (2));
  ui_wait_until (expanders_are, wait);
  g_assert_nonnull (find_row (page, ADW_TYPE_EXPANDER_ROW, "Python", 0));
  g_clear_pointer (&steps, g_ptr_array_unref);
  steps = voc_store_list_steps (store, goal_id, NULL);
  g_assert_cmpuint (steps->len, ==, 1);

  ui_close_window (window);
}

static guint
count_steps (VocStore *store,
             gint64    goal_id)
{
  g_autoptr (GPtrArray) steps = voc_store_list_steps (store, goal_id, NULL);

  return steps ? steps->len : 0;
}

static guint
count_goals (VocStore *store,
             gint64    plan_id)
{
  g_autoptr (GPtrArray) goals = voc_store_list_goals (store, plan_id, NULL);

  return goals ? goals->len : 0;
}

static gboolean
label_shown (gpointer data)
{
  GtkWidget *label = ui_find_label (g_object_get_data (data, "root"), g_object_get_data (data, "text"));

  return label != NULL && gtk_widget_get_mapped (label);
}

/* The toast that says @text is on screen. */
static void
wait_for_toast (GtkWindow  *window,
                const char *text)
{
  g_autoptr (GObject) wait = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_data (wait, "root", window);
  g_object_set_data (wait, "text", (gpointer) text);
  ui_wait_until (label_shown, wait);
}

/* A step, then its goal, then the plan: each toast names what went, and
 * every one comes back, newest first, whole; an older toast's Undo brings
 * back what its deletion needs first. Quick, one after the other, as
 * Ctrl+Z pressed at once after Delete is: libadwaita 1.2 once aborted
 * when a toast shown over another was dismissed within 300 ms. */
static void
test_undo_every_deletion (void)
{
  VocStore *store = voc_profile_get_store (voc_application_get_profile (app));
  GtkWindow *window = GTK_WINDOW (voc_application_new_window (app));
  const VocGoalSpec specs[] = { { "stream-processing", 0, 3, NULL }, { "sql", 2, 4, NULL } };
  g_autoptr (GPtrArray) goals = NULL;
  g_autoptr (GPtrArray) steps = NULL;
  gint64 plan_id, goal_id, step_id;

  plan_id = voc_store_create_plan (store, "data-engineer", "Streams by summer", NULL, specs, 2, NULL);
  goals = voc_store_list_goals (store, plan_id, NULL);
  goal_id = ((VocGoalInfo *) g_ptr_array_index (goals, 0))->id;
  g_assert_cmpint (voc_store_add_step (store, goal_id, "Read the <Kafka> & Flink docs", NULL, NULL), >, 0);
  g_assert_cmpint (voc_store_add_step (store, goal_id, "Build a toy producer", NULL, NULL), >, 0);
  steps = voc_store_list_steps (store, goal_id, NULL);
  step_id = ((VocStepInfo *) g_ptr_array_index (steps, 0))->id;

  gtk_window_present (window);
  ui_spin (200);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toast", "s", "Something else to say");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-step", "x", step_id);
  /* Shown as written, not read as markup. */
  wait_for_toast (window, "Step “Read the <Kafka> & Flink docs” deleted");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-goal", "x", goal_id);
  wait_for_toast (window, "Goal “Stream Processing” deleted");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-plan", "x", plan_id);
  wait_for_toast (window, "Plan “Streams by summer” deleted");
  g_assert_null (voc_store_get_plan (store, plan_id, NULL));

  /* Newest first: the plan (with the goal it still had), then the goal,
   * with the step it still had, then the step; at once, each time. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (count_goals (store, plan_id), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (count_goals (store, plan_id), ==, 2);
  g_assert_cmpuint (count_steps (store, goal_id), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (count_steps (store, goal_id), ==, 2);
  /* Nothing left to undo: nothing changes. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (count_steps (store, goal_id), ==, 2);
  /* The toasts of what was undone are gone; the other message is back. */
  wait_for_toast (window, "Something else to say");
  ui_spin (400);
  g_assert_null (ui_find_label (GTK_WIDGET (window), "Goal “Stream Processing” deleted"));

  /* The step's own toast, after its goal went too: the goal comes back
   * first, then the step. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-step", "x", step_id);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-goal", "x", goal_id);
  g_assert_cmpuint (count_goals (store, plan_id), ==, 1);
  /* Deletions 1-3 were undone; the step's is the fourth. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", "x", (gint64) 4);
  g_assert_cmpuint (count_goals (store, plan_id), ==, 2);
  g_assert_cmpuint (count_steps (store, goal_id), ==, 2);
  ui_spin (400);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-plan", "x", plan_id);
  ui_close_window (window);
}

/* A step's link shows as a link, with a button that opens it; its text
 * is shown as written, markup or not. */
static void
test_step_links (void)
{
  VocStore *store = voc_profile_get_store (voc_application_get_profile (app));
  GtkWindow *window = GTK_WINDOW (voc_application_new_window (app));
  const VocGoalSpec specs[] = { { "workflow-orchestration", 0, 3, NULL } };
  g_autoptr (GPtrArray) goals = NULL;
  GtkWidget *page, *button, *link;
  gint64 plan_id, goal_id;

  plan_id = voc_store_create_plan (store, "data-engineer", "Pipelines", NULL, specs, 1, NULL);
  goals = voc_store_list_goals (store, plan_id, NULL);
  goal_id = ((VocGoalInfo *) g_ptr_array_index (goals, 0))->id;
  g_assert_cmpint (voc_store_add_step (store, goal_id, "Read <b>this</b> & that", "https://example.org/a?b=1&c=2",
                                       NULL), >, 0);
  gtk_window_present (window);
  ui_spin (200);
  g_assert_true (voc_window_show_plan (VOC_WINDOW (window), plan_id));
  page = ui_find (GTK_WIDGET (window), VOC_TYPE_PLAN_PAGE, NULL, 0);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (ui_find (page, ADW_TYPE_EXPANDER_ROW, NULL, 0)), TRUE);
  ui_spin (200);

  g_assert_nonnull (ui_find_label (page, "Read <b>this</b> & that"));
  link = ui_find_label (page, "https://example.org/a?b=1&c=2");
  g_assert_nonnull (link);
  g_assert_true (gtk_label_get_use_markup (GTK_LABEL (link)));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (link)), "<a href=\"https://example.org/a?b=1&amp;c=2\""));
  button = ui_find_button (page, "Open Link");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.open-link");
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button)), NULL), ==,
                   "https://example.org/a?b=1&c=2");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-plan", "x", plan_id);
  ui_close_window (window);
}

static GtkWidget *
apply_button (GtkWidget *row)
{
  GtkWidget *button;

  for (guint i = 0; (button = ui_find (row, GTK_TYPE_BUTTON, NULL, i)); i++)
    if (g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (button)), "adw-entry-apply-symbolic") == 0)
      return button;
  return NULL;
}

/* A date saved with Enter is saved, and its apply button goes away. */
static void
test_target_date_applied (void)
{
  VocStore *store = voc_profile_get_store (voc_application_get_profile (app));
  GtkWindow *window = GTK_WINDOW (voc_application_new_window (app));
  const VocGoalSpec specs[] = { { "sql", 2, 4, NULL } };
  g_autoptr (VocPlanInfo) plan = NULL;
  GtkWidget *page, *row, *text;
  gint64 plan_id;

  plan_id = voc_store_create_plan (store, "data-analyst", "Dated", NULL, specs, 1, NULL);
  gtk_window_present (window);
  ui_spin (200);
  g_assert_true (voc_window_show_plan (VOC_WINDOW (window), plan_id));
  page = ui_find (GTK_WIDGET (window), VOC_TYPE_PLAN_PAGE, NULL, 0);
  ui_spin (200);
  row = find_row (page, ADW_TYPE_ENTRY_ROW, "Target Date (YYYY-MM-DD)", 0);
  g_assert_nonnull (row);
  text = ui_find (row, GTK_TYPE_TEXT, NULL, 0);
  g_assert_true (gtk_widget_grab_focus (text));
  gtk_editable_set_text (GTK_EDITABLE (text), " 2027-05-31 ");
  ui_spin (50);
  g_assert_true (gtk_widget_get_visible (apply_button (row)));
  g_signal_emit_by_name (text, "activate");
  ui_spin (200);

  plan = voc_store_get_plan (store, plan_id, NULL);
  g_assert_cmpstr (plan->target_date, ==, "2027-05-31");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2027-05-31");
  g_assert_false (gtk_widget_get_visible (apply_button (row)));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-plan", "x", plan_id);
  ui_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ui_require_display ();
  ui_test_init (&argc, &argv);

  app = ui_test_app_new_with_store (NULL);

  ui_test_add ("/ui/plans/plan-from-gaps", test_plan_from_gaps);
  ui_test_add ("/ui/plans/notes-keep-last-keystrokes", test_notes_keep_last_keystrokes);
  ui_test_add ("/ui/plans/delete-step-and-goal", test_delete_step_and_goal);
  ui_test_add ("/ui/plans/goal-notes", test_goal_notes);
  ui_test_add ("/ui/plans/undo-every-deletion", test_undo_every_deletion);
  ui_test_add ("/ui/plans/step-links", test_step_links);
  ui_test_add ("/ui/plans/target-date-applied", test_target_date_applied);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
