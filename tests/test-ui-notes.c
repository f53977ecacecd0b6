/* test-ui-notes.c: Search Notes finds role, plan and goal notes and opens them (Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "voc-application.h"
#include "voc-note-editor.h"
#include "voc-notes-search.h"
#include "voc-plan-page.h"
#include "voc-role-page.h"
#include "voc-store-notes.h"
#include "voc-store-plans.h"
#include "voc-window.h"

#include "ui-test-utils.h"

static VocApplication *app;

static GtkWindow *
find_search_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (VOC_IS_NOTES_SEARCH (toplevel))
        return GTK_WINDOW (toplevel);
    }
  return NULL;
}

static gboolean
no_search_window (gpointer data)
{
  return find_search_window () == NULL;
}

static GtkWindow *
open_search (GtkWindow *window)
{
  GtkWindow *search;

  g_assert_null (find_search_window ());
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search-notes", NULL);
  search = find_search_window ();
  g_assert_nonnull (search);
  g_assert_true (gtk_window_get_transient_for (search) == window);
  g_assert_true (gtk_window_get_modal (search));
  ui_wait_until (ui_is_mapped, search);
  return search;
}

/* The text of the label with @css_class in the @nth result shown. */
static const char *
result_text (GtkWindow  *search,
             guint       nth,
             const char *css_class)
{
  GtkWidget *row = NULL;

  for (guint i = 0, seen = 0; (row = ui_find (GTK_WIDGET (search), ADW_TYPE_ACTION_ROW, NULL, i)); i++)
    if (gtk_widget_get_mapped (row) && seen++ == nth)
      break;
  g_assert_nonnull (row);
  return gtk_label_get_text (GTK_LABEL (ui_find (row, GTK_TYPE_LABEL, css_class, 0)));
}

static guint
n_results (GtkWindow *search)
{
  return ui_count (GTK_WIDGET (search), ADW_TYPE_ACTION_ROW, TRUE);
}

/* The status page shown, or NULL when the results are. */
static AdwStatusPage *
shown_status (GtkWindow *search)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *page = ui_find (GTK_WIDGET (search), ADW_TYPE_STATUS_PAGE, NULL, i);

      if (page == NULL)
        return NULL;
      if (gtk_widget_get_mapped (page))
        return ADW_STATUS_PAGE (page);
    }
}

typedef struct
{
  GtkWindow  *search;
  guint       n;
  const char *status;
} Expect;

static gboolean
shows (gpointer data)
{
  Expect *expect = data;
  AdwStatusPage *status = shown_status (expect->search);

  if (expect->status != NULL)
    return status != NULL && g_strcmp0 (adw_status_page_get_title (status), expect->status) == 0;
  return status == NULL && n_results (expect->search) == expect->n;
}

/* Types @words and waits for the results (or the status page) to show. */
static void
search_for (GtkWindow  *search,
            const char *words,
            guint       n,
            const char *status)
{
  Expect expect = { search, n, status };
  GtkWidget *entry = ui_find (GTK_WIDGET (search), GTK_TYPE_SEARCH_ENTRY, NULL, 0);

  gtk_editable_set_text (GTK_EDITABLE (entry), words);
  ui_spin (50);
  ui_wait_until (shows, &expect);
}

static void
activate_result (GtkWindow *search,
                 guint      nth)
{
  GtkWidget *row = NULL;

  for (guint i = 0, seen = 0; (row = ui_find (GTK_WIDGET (search), ADW_TYPE_ACTION_ROW, NULL, i)); i++)
    if (gtk_widget_get_mapped (row) && seen++ == nth)
      break;
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  ui_wait_until (no_search_window, NULL);
  ui_spin (100);
}

static GtkWidget *
visible_page (GtkWindow *window)
{
  return adw_leaflet_get_visible_child (ADW_LEAFLET (ui_find (GTK_WIDGET (window), ADW_TYPE_LEAFLET, NULL, 0)));
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action,
                 const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *item_action = NULL;
      g_autofree char *item_label = NULL;
      g_autoptr (GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL && menu_has_action (section, action, label))
        return TRUE;
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action) &&
          g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label) &&
          g_str_equal (item_action, action) && g_str_equal (item_label, label))
        return TRUE;
    }
  return FALSE;
}

static void
test_search_notes (void)
{
  static const VocGoalSpec specs[] = {
    { "sql", 2, 5, NULL },
    { "stream-processing", 1, 3, NULL },
  };
  VocStore *store = voc_profile_get_store (voc_application_get_profile (app));
  GtkWindow *window = GTK_WINDOW (voc_application_new_window (app));
  g_autoptr (GPtrArray) goals = NULL;
  g_autofree char *plan_subject = NULL;
  g_autofree char *goal_subject = NULL;
  GtkWindow *search;
  GtkWidget *page;
  AdwStatusPage *status;
  gint64 plan_id;

  gtk_window_present (window);
  ui_spin (200);

  /* In the main menu, with the dialog's ellipsis. */
  {
    GtkWidget *button = NULL;

    for (guint i = 0; (button = ui_find (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, NULL, i)); i++)
      if (gtk_menu_button_get_primary (GTK_MENU_BUTTON (button)))
        break;
    g_assert_nonnull (button);
    /* The menu is made when it first opens. */
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)),
                                    "win.search-notes", "_Search Notes…"));
    gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  }

  /* No notes at all: the window says where they are written. */
  search = open_search (window);
  status = shown_status (search);
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "No Notes Yet");
  g_assert_nonnull (strstr (adw_status_page_get_description (status), "on a plan"));
  g_assert_cmpuint (n_results (search), ==, 0);
  gtk_window_close (search);
  ui_wait_until (no_search_window, NULL);

  /* A note on a role, one on a plan, one on a goal, and one without the word. */
  plan_id = voc_store_create_plan (store, "data-engineer", "Become a Data Engineer", NULL,
                                   specs, G_N_ELEMENTS (specs), NULL);
  goals = voc_store_list_goals (store, plan_id, NULL);
  plan_subject = g_strdup_printf ("%" G_GINT64_FORMAT, plan_id);
  goal_subject = g_strdup_printf ("%" G_GINT64_FORMAT, ((VocGoalInfo *) g_ptr_array_index (goals, 1))->id);
  g_assert_true (voc_store_save_note (store, VOC_NOTE_ROLE, "data-engineer",
                                      "Ask Sam how his team moved from nightly batches to Kafka, and what <broke> & why.",
                                      NULL));
  g_usleep (2000);
  g_assert_true (voc_store_save_note (store, VOC_NOTE_PLAN, plan_subject, "Two evenings a week; the Kafka course in spring.", NULL));
  g_usleep (2000);
  g_assert_true (voc_store_save_note (store, VOC_NOTE_GOAL, goal_subject,
                                      "Read the KAFKA connector docs for the JDBC sink.", NULL));
  g_usleep (2000);
  g_assert_true (voc_store_save_note (store, VOC_NOTE_ROLE, "data-analyst", "Pivot tables are not enough.", NULL));

  /* No words: every note, the newest edit first. */
  search = open_search (window);
  g_assert_null (shown_status (search));
  g_assert_cmpuint (n_results (search), ==, 4);
  g_assert_cmpstr (result_text (search, 0, "title"), ==, "Data Analyst");
  g_assert_cmpstr (result_text (search, 1, "title"), ==, "Goal: Stream Processing in Become a Data Engineer");
  g_assert_cmpstr (result_text (search, 2, "title"), ==, "Become a Data Engineer");
  g_assert_cmpstr (result_text (search, 3, "title"), ==, "Data Engineer");

  /* A word, in any case: the three notes with it, each around the match,
   * its own text shown as written (not read as markup). */
  search_for (search, "kafka", 3, NULL);
  g_assert_cmpstr (result_text (search, 0, "title"), ==, "Goal: Stream Processing in Become a Data Engineer");
  g_assert_cmpstr (result_text (search, 0, "subtitle"), ==, "Read the KAFKA connector docs for the JDBC sink.");
  g_assert_cmpstr (result_text (search, 1, "title"), ==, "Become a Data Engineer");
  g_assert_cmpstr (result_text (search, 2, "title"), ==, "Data Engineer");
  g_assert_nonnull (strstr (result_text (search, 2, "subtitle"), "Kafka, and what <broke> & why."));
  /* The match in bold, the rest escaped. */
  {
    GtkWidget *row = ui_find (GTK_WIDGET (search), ADW_TYPE_ACTION_ROW, NULL, 2);
    GtkWidget *subtitle = ui_find (row, GTK_TYPE_LABEL, "subtitle", 0);

    g_assert_true (gtk_widget_get_mapped (row));
    g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (subtitle)),
                              "<b>Kafka</b>, and what &lt;broke&gt; &amp; why."));
  }

  /* Nonsense: the empty state, which names the words. */
  search_for (search, "zebra <quartz>", 0, "No Notes Found");
  g_assert_nonnull (strstr (adw_status_page_get_description (shown_status (search)), "“zebra &lt;quartz&gt;”"));

  /* Opening the plan's note shows the plan's page, and the search goes. */
  search_for (search, "evenings", 1, NULL);
  activate_result (search, 0);
  page = visible_page (window);
  g_assert_true (VOC_IS_PLAN_PAGE (page));
  g_assert_cmpint (voc_plan_page_get_plan (VOC_PLAN_PAGE (page)), ==, plan_id);

  /* Opening a goal's note opens its plan at that goal, the cursor in the note. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  ui_spin (100);
  search = open_search (window);
  search_for (search, "JDBC", 1, NULL);
  activate_result (search, 0);
  page = visible_page (window);
  g_assert_true (VOC_IS_PLAN_PAGE (page));
  {
    AdwExpanderRow *row = ADW_EXPANDER_ROW (ui_find (page, ADW_TYPE_EXPANDER_ROW, NULL, 1));
    GtkWidget *editor = ui_find (GTK_WIDGET (row), VOC_TYPE_NOTE_EDITOR, NULL, 0);

    g_assert_true (adw_expander_row_get_expanded (row));
    g_assert_nonnull (editor);
    g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), editor));
  }

  /* A role's note opens the role's page. */
  search = open_search (window);
  search_for (search, "pivot", 1, NULL);
  g_assert_cmpstr (result_text (search, 0, "title"), ==, "Data Analyst");
  activate_result (search, 0);
  page = visible_page (window);
  g_assert_true (VOC_IS_ROLE_PAGE (page));

  /* Escape in the search field closes the search without opening anything. */
  search = open_search (window);
  g_signal_emit_by_name (ui_find (GTK_WIDGET (search), GTK_TYPE_SEARCH_ENTRY, NULL, 0), "stop-search");
  ui_wait_until (no_search_window, NULL);
  g_assert_true (visible_page (window) == page);

  ui_close_window (window);
}

/* Words typed a moment ago are found: opening the search saves them. */
static void
test_search_finds_what_was_just_typed (void)
{
  VocStore *store = voc_profile_get_store (voc_application_get_profile (app));
  GtkWindow *window = GTK_WINDOW (voc_application_new_window (app));
  VocNoteEditor *editor;
  GtkWindow *search;

  gtk_window_present (window);
  ui_spin (200);
  g_assert_true (voc_window_show_role (VOC_WINDOW (window), "mlops-engineer"));
  editor = VOC_NOTE_EDITOR (ui_find (GTK_WIDGET (window), VOC_TYPE_NOTE_EDITOR, NULL, 0));
  gtk_text_buffer_set_text (voc_note_editor_get_buffer (editor), "Kubeflow or plain Argo?", -1);

  search = open_search (window);
  search_for (search, "argo", 1, NULL);
  g_assert_cmpstr (result_text (search, 0, "title"), ==, "MLOps Engineer");
  gtk_window_close (search);
  ui_wait_until (no_search_window, NULL);
  ui_close_window (window);
  g_assert_true (voc_store_save_note (store, VOC_NOTE_ROLE, "mlops-engineer", "", NULL));
}

static gboolean
focus_is_shown (GtkWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus == NULL || gtk_widget_get_mapped (focus);
}

/* Keys reach the window's shortcuts (Ctrl+Shift+F among them) only when
 * the focus is not left on a view that is hidden. */
static void
test_focus_follows_view (void)
{
  GtkWindow *window = GTK_WINDOW (voc_application_new_window (app));
  g_autoptr (GPtrArray) plans = voc_store_list_plans (voc_profile_get_store (voc_application_get_profile (app)), NULL);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "roles");
  gtk_window_present (window);
  ui_spin (200);
  g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (window)));
  g_assert_true (focus_is_shown (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "plans");
  ui_spin (200);
  g_assert_true (focus_is_shown (window));

  /* Back from a plan to the Plans view. */
  g_assert_cmpuint (plans->len, >, 0);
  g_assert_true (voc_window_show_plan (VOC_WINDOW (window), ((VocPlanInfo *) g_ptr_array_index (plans, 0))->id));
  ui_spin (200);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  ui_spin (500);
  g_assert_true (focus_is_shown (window));

  /* And a window that opens on the Plans view. */
  ui_close_window (window);
  window = GTK_WINDOW (voc_application_new_window (app));
  gtk_window_present (window);
  ui_spin (200);
  g_assert_true (focus_is_shown (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "roles");
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

  ui_test_add ("/ui/notes/search", test_search_notes);
  ui_test_add ("/ui/notes/search-finds-what-was-just-typed", test_search_finds_what_was_just_typed);
  ui_test_add ("/ui/notes/focus-follows-view", test_focus_follows_view);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
