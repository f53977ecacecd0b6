/* test-ui-radar.c: rating skills moves the role page's radar and match (Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "voc-application.h"
#include "voc-match.h"
#include "voc-radar-view.h"
#include "voc-role-card.h"
#include "voc-role-page.h"
#include "voc-skills-view.h"
#include "voc-text.h"
#include "voc-text-row.h"
#include "voc-store-transfer.h"
#include "voc-window.h"

#include "ui-test-utils.h"
#include "voc-test-utils.h"

static VocApplication *app;
static char *db_path;

static GtkWindow *
open_window (void)
{
  g_autoptr (GSettings) settings = g_settings_new (SCHEMA_ID);
  GtkWindow *window;

  /* Each test starts on Roles, whatever view the one before left: a
   * window opened on My Skills would have made its rows already. */
  g_settings_set_string (settings, "last-view", "roles");
  window = GTK_WINDOW (voc_application_new_window (app));

  gtk_window_set_default_size (window, 1100, 900);
  gtk_window_present (window);
  ui_spin (300);
  return window;
}

static VocRolePage *
open_role (GtkWindow  *window,
           const char *role_id)
{
  VocRolePage *page;

  g_assert_true (voc_window_show_role (VOC_WINDOW (window), role_id));
  page = VOC_ROLE_PAGE (ui_find (GTK_WIDGET (window), VOC_TYPE_ROLE_PAGE, NULL, 0));
  g_assert_nonnull (page);
  ui_spin (400);
  return page;
}

static const char *
percent_of (VocRolePage *page)
{
  GtkWidget *label = ui_find (GTK_WIDGET (page), GTK_TYPE_LABEL, "numeric", 0);

  g_assert_nonnull (label);
  return gtk_label_get_label (GTK_LABEL (label));
}

static void
choose_level (GtkWindow  *window,
              const char *skill_id,
              guint       position)
{
  VocSkillsView *skills = VOC_SKILLS_VIEW (ui_find (GTK_WIDGET (window), VOC_TYPE_SKILLS_VIEW, NULL, 0));
  GtkDropDown *selector = voc_skills_view_get_selector (skills, skill_id);

  g_assert_nonnull (selector);
  /* What a click on the list item does. */
  gtk_drop_down_set_selected (selector, position);
  ui_spin (50);
}

static gboolean
skills_view_shown (gpointer window)
{
  GtkWidget *view = ui_find (GTK_WIDGET (window), VOC_TYPE_SKILLS_VIEW, NULL, 0);

  return view != NULL && gtk_widget_get_mapped (view);
}

static void
test_first_run (void)
{
  GtkWindow *window = open_window ();
  VocRolePage *page = open_role (window, "data-engineer");
  GtkStack *stack = GTK_STACK (ui_find (GTK_WIDGET (page), GTK_TYPE_STACK, NULL, 0));
  GtkWidget *rate = ui_find (GTK_WIDGET (page), GTK_TYPE_BUTTON, "suggested-action", 0);

  /* No ratings yet: a friendly start instead of an empty chart. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "start");
  g_assert_nonnull (rate);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (rate)), ==, "win.show-view");

  /* The button leads to My Skills (made when first shown). */
  gtk_widget_activate (rate);
  ui_wait_until (skills_view_shown, window);

  ui_close_window (window);
}

static gboolean
all_rows_built (gpointer view)
{
  return ui_count (view, VOC_TYPE_TEXT_ROW, FALSE) == 89;
}

static gboolean
all_rows_built_and_filtered (gpointer view)
{
  return all_rows_built (view) && ui_count (view, VOC_TYPE_TEXT_ROW, TRUE) < 10;
}

/* My Skills opens with the rows a window shows and fills in the rest over
 * the next frames; a filter typed before then still sees every skill. */
static void
test_skills_fill_in (void)
{
  GtkWindow *window = open_window ();
  GtkWidget *view, *entry;
  guint first, total = 0;

  /* A rating of the catalog's last skill counts before its row is made. */
  g_assert_true (voc_profile_set_rating (voc_application_get_profile (app), "linguistic-intuition", 3, TRUE, NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "skills");
  view = ui_find (GTK_WIDGET (window), VOC_TYPE_SKILLS_VIEW, NULL, 0);
  first = ui_count (view, VOC_TYPE_TEXT_ROW, FALSE);
  g_assert_cmpuint (first, >, 0);
  g_assert_cmpuint (first, <, 89);
  g_assert_nonnull (ui_find_label (view, "You have rated 1 skill"));
  g_assert_true (voc_profile_set_rating (voc_application_get_profile (app), "linguistic-intuition", -1, TRUE, NULL));
  g_assert_nonnull (ui_find_label (view, "Rate a few skills to see how you compare"));
  ui_wait_until (all_rows_built, view);

  /* Each area says how many of its skills are rated, all of them counted. */
  for (guint i = 0;; i++)
    {
      GtkWidget *group = ui_find (view, ADW_TYPE_PREFERENCES_GROUP, NULL, i);
      guint rated, n;

      if (group == NULL)
        break;
      g_assert_cmpint (sscanf (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)),
                               "%u of %u rated", &rated, &n), ==, 2);
      g_assert_cmpuint (rated, ==, 0);
      total += n;
    }
  g_assert_cmpuint (total, ==, 89);
  /* Left on Roles, so the next window does not open on My Skills and
   * build its rows while it is shown. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "roles");
  ui_close_window (window);

  /* A new window: filter at once for a skill of the last area. */
  window = open_window ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "skills");
  view = ui_find (GTK_WIDGET (window), VOC_TYPE_SKILLS_VIEW, NULL, 0);
  entry = ui_find (view, GTK_TYPE_SEARCH_ENTRY, NULL, 0);
  g_assert_cmpuint (ui_count (view, VOC_TYPE_TEXT_ROW, FALSE), <, 89);
  gtk_editable_set_text (GTK_EDITABLE (entry), "linguistic intuition");
  ui_wait_until (all_rows_built_and_filtered, view);
  g_assert_cmpuint (ui_count (view, VOC_TYPE_TEXT_ROW, TRUE), >=, 1);
  g_assert_cmpuint (ui_count (view, VOC_TYPE_TEXT_ROW, TRUE), <, 10);
  ui_close_window (window);
}

static gboolean
popover_shown (gpointer drop_down)
{
  GtkWidget *popover = ui_find (drop_down, GTK_TYPE_POPOVER, NULL, 0);

  return popover != NULL && gtk_widget_get_visible (popover);
}

static int
row_height_at (GtkWidget *row,
               int        width)
{
  int height;

  gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, width, &height, NULL, NULL, NULL);
  return height;
}

/* A skill's row: its name, what it is and who needs it, wrapped to the
 * width it gets; activating the row opens its level selector. */
static void
test_skill_row (void)
{
  GtkWindow *window = open_window ();
  GtkWidget *view, *entry, *row, *selector;
  int narrow, wide;
  const char *subtitle;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "skills");
  view = ui_find (GTK_WIDGET (window), VOC_TYPE_SKILLS_VIEW, NULL, 0);
  entry = ui_find (view, GTK_TYPE_SEARCH_ENTRY, NULL, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), "linguistic intuition");
  ui_wait_until (all_rows_built_and_filtered, view);

  for (guint i = 0; (row = ui_find (view, VOC_TYPE_TEXT_ROW, NULL, i)); i++)
    if (gtk_widget_get_mapped (row))
      break;
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Linguistic Intuition");
  /* The nodes of AdwActionRow, so libadwaita's style applies. */
  g_assert_cmpstr (voc_text_get_text (VOC_TEXT (ui_find (row, VOC_TYPE_TEXT, "title", 0))), ==, "Linguistic Intuition");
  subtitle = voc_text_row_get_subtitle (VOC_TEXT_ROW (row));
  g_assert_nonnull (strstr (subtitle, "\nNeeded by "));
  g_assert_cmpstr (voc_text_get_text (VOC_TEXT (ui_find (row, VOC_TYPE_TEXT, "subtitle", 0))), ==, subtitle);

  /* Narrower, the texts wrap to more lines: the row grows. */
  narrow = row_height_at (row, 320);
  wide = row_height_at (row, 1000);
  g_assert_cmpint (narrow, >, wide);
  g_assert_cmpint (wide, >=, 50);

  selector = ui_find (row, GTK_TYPE_DROP_DOWN, NULL, 0);
  g_assert_nonnull (selector);
  g_assert_false (popover_shown (selector));
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_signal_emit_by_name (row, "activate");
  ui_wait_until (popover_shown, selector);
  gtk_popover_popdown (GTK_POPOVER (ui_find (selector, GTK_TYPE_POPOVER, NULL, 0)));
  ui_close_window (window);
}

static void
test_rating_moves_radar (void)
{
  GtkWindow *window = open_window ();
  VocProfile *profile = voc_application_get_profile (app);
  VocRolePage *page;
  VocRadarView *radar;
  GtkStack *stack;
  g_autofree char *before = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "skills");
  ui_spin (300);
  /* Position 3 is "Beginner" (level 2). */
  choose_level (window, "sql", 3);
  g_assert_cmpint (voc_profile_get_level (profile, "sql"), ==, 2);

  page = open_role (window, "data-engineer");
  stack = GTK_STACK (ui_find (GTK_WIDGET (page), GTK_TYPE_STACK, NULL, 0));
  radar = VOC_RADAR_VIEW (ui_find (GTK_WIDGET (page), VOC_TYPE_RADAR_VIEW, NULL, 0));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "match");
  g_assert_nonnull (strstr (voc_radar_view_get_description (radar),
                            "SQL: you Beginner (2), Data Engineer needs Expert (5)"));
  before = g_strdup (percent_of (page));
  g_assert_true (g_str_has_suffix (before, "% match"));
  g_assert_cmpuint (voc_radar_view_get_n_axes (radar), >=, 3);

  /* The same page, still open, follows a change made on My Skills. */
  choose_level (window, "sql", 6);
  g_assert_nonnull (strstr (voc_radar_view_get_description (radar),
                            "SQL: you Expert (5), Data Engineer needs Expert (5)"));
  g_assert_cmpstr (percent_of (page), !=, before);
  g_assert_cmpint (atoi (percent_of (page)), >, atoi (before));

  /* Not relevant: shown as such, and left out of the match (Statistics
   * keeps the profile from being empty). */
  choose_level (window, "statistics", 4);
  choose_level (window, "sql", 7);
  g_assert_nonnull (strstr (voc_radar_view_get_description (radar),
                            "SQL: not relevant to you; Data Engineer needs Expert (5)"));
  choose_level (window, "sql", 3);

  ui_close_window (window);
}

static void
test_compare_and_scope (void)
{
  GtkWindow *window = open_window ();
  VocRolePage *page = open_role (window, "data-engineer");
  VocRadarView *radar = VOC_RADAR_VIEW (ui_find (GTK_WIDGET (page), VOC_TYPE_RADAR_VIEW, NULL, 0));
  GtkDropDown *compare = GTK_DROP_DOWN (ui_find (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN, NULL, 0));
  GListModel *options = gtk_drop_down_get_model (compare);
  guint scientist = GTK_INVALID_LIST_POSITION;
  guint all_axes = voc_radar_view_get_n_axes (radar);
  g_autoptr (VocRadarData) data = NULL;
  GtkWidget *soft = ui_find_button (GTK_WIDGET (page), "Soft");

  for (guint i = 0; i < g_list_model_get_n_items (options); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (options), i), "Data Scientist"))
      scientist = i;
  g_assert_cmpuint (scientist, !=, GTK_INVALID_LIST_POSITION);

  gtk_drop_down_set_selected (compare, scientist);
  data = voc_radar_view_dup_data (radar);
  g_assert_cmpuint (voc_radar_data_get_n_series (data), ==, 3);
  g_assert_cmpstr (voc_radar_data_get_series_name (data, 2), ==, "Data Scientist");
  g_assert_nonnull (strstr (voc_radar_view_get_description (radar), ", Data Scientist needs "));

  /* Soft skills only: fewer axes, the same role. */
  g_assert_nonnull (soft);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (soft), TRUE);
  g_assert_cmpuint (voc_radar_view_get_n_axes (radar), ==, 3);
  g_assert_cmpuint (voc_radar_view_get_n_axes (radar), <, all_axes);

  /* The legend hides and shows a series. */
  voc_radar_view_set_series_visible (radar, 0, FALSE);
  g_clear_pointer (&data, voc_radar_data_free);
  data = voc_radar_view_dup_data (radar);
  g_assert_false (voc_radar_data_get_series_visible (data, 0));

  ui_close_window (window);
}

static void
test_cards_show_match_and_sort (void)
{
  GtkWindow *window = open_window ();
  GtkWidget *grid = ui_find (GTK_WIDGET (window), GTK_TYPE_GRID_VIEW, NULL, 0);
  GListModel *model = G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (grid)));
  VocProfile *profile = voc_application_get_profile (app);
  VocCatalog *catalog = voc_application_get_catalog (app);
  VocRoleCard *card = VOC_ROLE_CARD (ui_find (grid, VOC_TYPE_ROLE_CARD, NULL, 0));
  GtkWidget *match_label = ui_find (GTK_WIDGET (card), VOC_TYPE_TEXT, "numeric", 0);
  g_autoptr (VocRole) first = NULL;
  int best = -1;

  g_assert_true (voc_profile_set_rating (profile, "excel", 5, TRUE, NULL));
  g_assert_true (gtk_widget_get_visible (match_label));
  g_assert_true (g_str_has_suffix (voc_text_get_text (VOC_TEXT (match_label)), "% match"));
  g_assert_nonnull (ui_find (GTK_WIDGET (card), VOC_TYPE_RADAR_VIEW, NULL, 0));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.sort", "s", "match");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (catalog)); i++)
    {
      g_autoptr (VocRole) role = g_list_model_get_item (G_LIST_MODEL (catalog), i);
      g_autoptr (VocMatch) match = voc_match_compute (role, profile, VOC_MATCH_SCOPE_ALL);
      best = MAX (best, voc_match_get_percent (match));
    }
  first = g_list_model_get_item (model, 0);
  {
    g_autoptr (VocMatch) match = voc_match_compute (first, profile, VOC_MATCH_SCOPE_ALL);
    g_assert_cmpint (voc_match_get_percent (match), ==, best);
  }
  /* Excel and SQL make the Data Analyst the best match. */
  g_assert_cmpstr (voc_role_get_id (first), ==, "data-analyst");

  ui_close_window (window);
}

static void
test_saved (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VocStore) store = voc_store_open (db_path, &error);
  g_autoptr (VocProfile) reopened = voc_profile_new_for_store (store, &error);

  /* What the UI changed is on disk, as a restart would read it. */
  g_assert_no_error (error);
  g_assert_cmpint (voc_profile_get_level (reopened, "sql"), ==, 2);
  g_assert_cmpint (voc_profile_get_level (reopened, "excel"), ==, 5);
}

static guint
visible_gaps (GtkWidget *group)
{
  guint n = 0;
  GtkWidget *row;

  for (guint i = 0; (row = ui_find (group, GTK_TYPE_LIST_BOX_ROW, NULL, i)); i++)
    n += gtk_widget_get_visible (row) && !gtk_widget_has_css_class (row, "gaps-more");
  return n;
}

/* More gaps than the list shows: it says how many it shows, and Show All
 * brings the rest. */
static void
test_all_gaps (void)
{
  GtkWindow *window = open_window ();
  VocProfile *profile = voc_application_get_profile (app);
  AdwPreferencesGroup *group;
  GtkWidget *more;
  VocRolePage *page;

  g_assert_true (voc_profile_set_rating (profile, "sql", 1, TRUE, NULL));
  page = open_role (window, "data-engineer");
  group = ADW_PREFERENCES_GROUP (ui_find (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP, NULL, 1));
  for (guint i = 0; !g_str_has_prefix (adw_preferences_group_get_title (group), "Biggest Gaps"); i++)
    group = ADW_PREFERENCES_GROUP (ui_find (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP, NULL, i));
  g_assert_cmpstr (adw_preferences_group_get_description (group), ==,
                   "The largest 8 of 15 skills below what the role expects");
  g_assert_cmpuint (visible_gaps (GTK_WIDGET (group)), ==, 8);
  more = ui_find (GTK_WIDGET (group), GTK_TYPE_LIST_BOX_ROW, "gaps-more", 0);
  g_assert_nonnull (more);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (more)), ==, "Show All 15 Gaps");

  g_signal_emit_by_name (more, "activate");
  ui_spin (50);
  g_assert_cmpstr (adw_preferences_group_get_description (group), ==,
                   "15 skills below what the role expects, largest first");
  g_assert_cmpuint (visible_gaps (GTK_WIDGET (group)), ==, 15);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (more)), ==, "Show Only the Largest 8");
  g_signal_emit_by_name (more, "activate");
  ui_spin (50);
  g_assert_cmpuint (visible_gaps (GTK_WIDGET (group)), ==, 8);

  g_assert_true (voc_profile_set_rating (profile, "sql", -1, TRUE, NULL));
  ui_close_window (window);
}

/* "How Is This Computed?" opens on its words, none of them selected. */
static void
test_explanation_unselected (void)
{
  GtkWindow *window = open_window ();
  VocProfile *profile = voc_application_get_profile (app);
  GtkMenuButton *button = NULL;
  GtkWidget *label;
  VocRolePage *page;
  int start = -1, end = -1;

  g_assert_true (voc_profile_set_rating (profile, "sql", 2, TRUE, NULL));
  page = open_role (window, "data-analyst");
  for (guint i = 0; (button = GTK_MENU_BUTTON (ui_find (GTK_WIDGET (page), GTK_TYPE_MENU_BUTTON, NULL, i))); i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (button)), "How Is This Computed?") == 0)
      break;
  g_assert_nonnull (button);
  gtk_menu_button_popup (button);
  ui_spin (200);
  label = gtk_popover_get_child (gtk_menu_button_get_popover (button));
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "Match = "));
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (label)));
  g_assert_false (gtk_label_get_selection_bounds (GTK_LABEL (label), &start, &end));
  gtk_menu_button_popdown (button);

  g_assert_true (voc_profile_set_rating (profile, "sql", -1, TRUE, NULL));
  ui_close_window (window);
}

/* My Skills counts a "not relevant" choice as a rating, as Export Data
 * does: the two give the same number. */
static void
test_not_relevant_counted_alike (void)
{
  GtkWindow *window = open_window ();
  VocProfile *profile = voc_application_get_profile (app);
  VocTransferCounts counts = { 0 };
  g_autoptr (GBytes) exported = NULL;
  g_autofree char *said = NULL;
  GtkWidget *view;

  g_assert_true (voc_profile_set_rating (profile, "sql", 3, TRUE, NULL));
  g_assert_true (voc_profile_set_rating (profile, "excel", -1, FALSE, NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "skills");
  ui_spin (200);
  view = ui_find (GTK_WIDGET (window), VOC_TYPE_SKILLS_VIEW, NULL, 0);
  exported = voc_store_export_bytes (voc_profile_get_store (profile), &counts, NULL);
  g_assert_nonnull (exported);
  said = g_strdup_printf ("You have rated %u skills, 1 of them as not relevant to you", counts.ratings);
  g_assert_cmpuint (counts.ratings, >=, 2);
  g_assert_nonnull (ui_find_label (view, said));

  g_assert_true (voc_profile_set_rating (profile, "sql", -1, TRUE, NULL));
  g_assert_true (voc_profile_set_rating (profile, "excel", -1, TRUE, NULL));
  ui_close_window (window);
}


static GtkFileChooser *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return GTK_FILE_CHOOSER (toplevel);
    }
  return NULL;
}

static gboolean
file_chooser_shown (gpointer unused)
{
  return find_file_chooser () != NULL;
}

static gboolean
toast_says (gpointer window)
{
  return ui_find_label (window, g_object_get_data (window, "toast")) != NULL;
}

static GBytes *
read_bytes (const char *path)
{
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (contents, length);
}

/* Export Chart, as a user does it: the dialog opens in Pictures with the
 * title box ticked; Export writes the chart with its title (a name
 * without an extension gets .png) and the toast offers to open it;
 * unticked, the chart is the one without a title, and the next dialog
 * remembers. */
static void
test_export_chart (void)
{
  GtkWindow *window = open_window ();
  VocProfile *profile = voc_application_get_profile (app);
  g_autofree char *folder = voc_test_make_folder ("vocation-charts-XXXXXX");
  g_autofree char *titled_path = g_build_filename (folder, "chart.png", NULL);
  g_autofree char *plain_path = g_build_filename (folder, "plain.png", NULL);
  g_autofree char *direct_path = g_build_filename (folder, "direct.png", NULL);
  g_autofree char *direct_titled_path = g_build_filename (folder, "direct-titled.png", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) start = NULL;
  g_autoptr (GFile) where = g_file_new_for_path (folder);
  g_autoptr (GBytes) titled = NULL;
  g_autoptr (GBytes) plain = NULL;
  g_autoptr (GBytes) direct = NULL;
  g_autoptr (GBytes) direct_titled = NULL;
  GtkFileChooser *chooser;
  GtkWidget *toast_button;
  VocRolePage *page;

  g_assert_true (voc_profile_set_rating (profile, "sql", 3, TRUE, NULL));
  page = open_role (window, "data-engineer");

  gtk_widget_activate_action (GTK_WIDGET (page), "role.export", NULL);
  ui_wait_until (file_chooser_shown, NULL);
  chooser = find_file_chooser ();
  /* The dialog sets its folder once shown. */
  ui_spin (200);
  start = gtk_file_chooser_get_current_folder (chooser);
  g_assert_nonnull (start);
  g_assert_cmpstr (g_file_peek_path (start), ==, g_getenv ("VOC_TEST_PICTURES"));
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "title"), ==, "true");
  g_assert_true (gtk_file_chooser_set_current_folder (chooser, where, NULL));
  gtk_file_chooser_set_current_name (chooser, "chart");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  g_object_set_data (G_OBJECT (window), "toast", "Chart saved as “chart.png”");
  ui_wait_until (toast_says, window);
  toast_button = ui_find_button (GTK_WIDGET (window), "_Open");
  g_assert_nonnull (toast_button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (toast_button)), ==, "win.open-file");
  {
    g_autofree char *uri = g_filename_to_uri (titled_path, NULL, NULL);

    g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (toast_button)),
                                           NULL), ==, uri);
  }
  titled = read_bytes (titled_path);

  /* Unticked: no title. */
  gtk_widget_activate_action (GTK_WIDGET (page), "role.export", NULL);
  ui_wait_until (file_chooser_shown, NULL);
  ui_spin (200);
  chooser = find_file_chooser ();
  g_assert_true (gtk_file_chooser_set_current_folder (chooser, where, NULL));
  gtk_file_chooser_set_current_name (chooser, "plain.png");
  gtk_file_chooser_set_choice (chooser, "title", "false");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  g_object_set_data (G_OBJECT (window), "toast", "Chart saved as “plain.png”");
  ui_wait_until (toast_says, window);
  plain = read_bytes (plain_path);

  g_assert_true (voc_role_page_export_chart (page, direct_path, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (voc_role_page_export_chart (page, direct_titled_path, TRUE, &error));
  g_assert_no_error (error);
  direct = read_bytes (direct_path);
  direct_titled = read_bytes (direct_titled_path);
  g_assert_true (g_bytes_equal (plain, direct));
  g_assert_true (g_bytes_equal (titled, direct_titled));
  g_assert_false (g_bytes_equal (titled, plain));

  /* The next dialog starts unticked. */
  gtk_widget_activate_action (GTK_WIDGET (page), "role.export", NULL);
  ui_wait_until (file_chooser_shown, NULL);
  ui_spin (200);
  chooser = find_file_chooser ();
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "title"), ==, "false");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  ui_spin (100);
  g_assert_null (find_file_chooser ());

  /* Open refuses what is not a chart, and says so. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-file", "s", "file:///etc/passwd");
  g_object_set_data (G_OBJECT (window), "toast", "“passwd” is no longer there");
  ui_wait_until (toast_says, window);

  {
    g_autoptr (GSettings) settings = g_settings_new (SCHEMA_ID);

    g_settings_reset (settings, "chart-title");
  }
  g_assert_true (voc_profile_set_rating (profile, "sql", -1, TRUE, NULL));
  for (const char *const *name = (const char *const[]) { titled_path, plain_path, direct_path,
                                                           direct_titled_path, NULL }; *name; name++)
    g_unlink (*name);
  g_rmdir (folder);
  ui_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ui_require_display ();

  /* The user's Pictures folder, where Export Chart starts: set before
   * GLib reads the user's folders.  So this suite does not isolate each
   * case's XDG folders (ui_test_init()): GLib 2.74 finds no Pictures in an
   * isolated folder; its cases share this one, removed at exit. */
  {
    g_autofree char *config = voc_test_make_folder ("vocation-config-XXXXXX");
    g_autofree char *pictures = g_build_filename (config, "Pictures", NULL);
    g_autofree char *dirs = g_build_filename (config, "user-dirs.dirs", NULL);
    g_autofree char *line = g_strdup_printf ("XDG_PICTURES_DIR=\"%s\"\n", pictures);

    g_mkdir (pictures, 0700);
    g_assert_true (g_file_set_contents (dirs, line, -1, NULL));
    g_setenv ("XDG_CONFIG_HOME", config, TRUE);
    g_setenv ("VOC_TEST_PICTURES", pictures, TRUE);
  }

  g_test_init (&argc, &argv, NULL);

  /* A real store in a temporary folder: what the UI saves is checked on disk. */
  app = ui_test_app_new_with_store (&db_path);

  g_test_add_func ("/ui/radar/first-run", test_first_run);
  g_test_add_func ("/ui/radar/skills-fill-in", test_skills_fill_in);
  g_test_add_func ("/ui/radar/skill-row", test_skill_row);
  g_test_add_func ("/ui/radar/rating-moves-radar", test_rating_moves_radar);
  g_test_add_func ("/ui/radar/compare-and-scope", test_compare_and_scope);
  g_test_add_func ("/ui/radar/cards-show-match-and-sort", test_cards_show_match_and_sort);
  g_test_add_func ("/ui/radar/saved", test_saved);
  g_test_add_func ("/ui/radar/all-gaps", test_all_gaps);
  g_test_add_func ("/ui/radar/explanation-unselected", test_explanation_unselected);
  g_test_add_func ("/ui/radar/not-relevant-counted-alike", test_not_relevant_counted_alike);
  g_test_add_func ("/ui/radar/export-chart", test_export_chart);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
