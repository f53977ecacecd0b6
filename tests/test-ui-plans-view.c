/* test-ui-plans-view.c: the Plans view with many plans (Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "voc-application.h"
#include "voc-plans-view.h"
#include "voc-store-plans.h"
#include "voc-window.h"

#include "ui-test-utils.h"

#define N_PLANS 260

static VocApplication *app;

/* A label with some text, on screen: for ui_wait_until(), since how soon
 * the view catches up depends on how busy the machine is. */
typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelQuery;

static gboolean
label_shown (gpointer data)
{
  LabelQuery *query = data;
  GtkWidget *label = ui_find_label (query->root, query->text);

  return label != NULL && ui_is_mapped (label);
}

static void
wait_for_label (GtkWidget  *root,
                const char *text)
{
  LabelQuery query = { root, text };

  ui_wait_until (label_shown, &query);
}

/* Once the page slid in, the list is off screen. */
static gboolean
list_hidden (gpointer list_view)
{
  return !ui_is_mapped (list_view);
}

static void
test_many_plans (void)
{
  VocStore *store = voc_profile_get_store (voc_application_get_profile (app));
  GtkWindow *window = GTK_WINDOW (voc_application_new_window (app));
  GtkWidget *view = ui_window_view (window, "plans", VOC_TYPE_PLANS_VIEW);
  GtkWidget *list_view = ui_find (view, GTK_TYPE_LIST_VIEW, NULL, 0);
  const VocGoalSpec goals[] = { { "sql", 1, 3, "2027-03-01" }, { "python", 2, 4, NULL } };
  g_autoptr (GPtrArray) newest_goals = NULL;
  GtkWidget *row_label;
  gint64 newest = 0;
  guint n_rows;

  for (guint i = 1; i <= N_PLANS; i++)
    {
      g_autofree char *title = g_strdup_printf ("Plan number %u", i);

      newest = voc_store_create_plan (store, i % 2 ? "data-analyst" : "data-engineer", title, NULL,
                                      goals, G_N_ELEMENTS (goals), NULL);
      g_assert_cmpint (newest, >, 0);
    }

  gtk_window_set_default_size (window, 900, 700);
  gtk_window_present (window);
  ui_spin (200);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "plans");
  ui_spin (300);

  /* Every plan is counted, the newest first... */
  g_assert_true (ui_is_mapped (list_view));
  g_assert_nonnull (ui_find_label (view, "260 plans"));
  g_assert_cmpuint (voc_plans_view_get_n_plans (VOC_PLANS_VIEW (view)), ==, N_PLANS);
  row_label = ui_find_label (view, "Plan number 260");
  g_assert_nonnull (row_label);
  g_assert_true (ui_is_mapped (row_label));
  g_assert_nonnull (ui_find_label (view, "Data Engineer · next due 1 March 2027"));
  g_assert_nonnull (ui_find_label (view, "0 of 2 goals done"));
  g_assert_null (ui_find_label (view, "Plan number 1"));

  /* ...but only the rows on screen and near them are widgets (a list view
   * keeps two hundred), so a long list opens as fast as a short one. */
  n_rows = ui_count (view, GTK_TYPE_LEVEL_BAR, FALSE);
  g_assert_cmpuint (n_rows, >=, 5);
  g_assert_cmpuint (n_rows, <=, 205);

  /* A goal done: its row says so at once, and the others stay. */
  newest_goals = voc_store_list_goals (store, newest, NULL);
  g_assert_true (voc_store_set_goal_status (store, ((VocGoalInfo *) g_ptr_array_index (newest_goals, 0))->id,
                                            VOC_GOAL_DONE, NULL));
  wait_for_label (view, "1 of 2 goals done");
  g_assert_nonnull (ui_find_label (view, "Data Engineer"));   /* no open goal left with a date */
  g_assert_true (ui_find_label (view, "Plan number 260") == row_label);

  /* Changed while hidden, shown up to date. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "roles");
  ui_spin (100);
  g_assert_true (voc_store_set_goal_status (store, ((VocGoalInfo *) g_ptr_array_index (newest_goals, 1))->id,
                                            VOC_GOAL_DONE, NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "plans");
  wait_for_label (view, "2 of 2 goals done");

  /* A new plan goes on top. */
  g_assert_cmpint (voc_store_create_plan (store, "data-scientist", "The newest plan", NULL, goals, 1, NULL), >, 0);
  wait_for_label (view, "261 plans");
  wait_for_label (view, "The newest plan");

  /* Activating a row opens that plan. */
  g_signal_emit_by_name (list_view, "activate", 1);
  ui_wait_until (list_hidden, list_view);
  g_assert_nonnull (ui_find_label (GTK_WIDGET (window), "Towards Data Engineer · 2 of 2 goals done"));

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

  ui_test_add ("/ui/plans-view/many-plans", test_many_plans);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
