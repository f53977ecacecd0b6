/* test-ui-roles.c: the Roles view and the role page, in a real window (Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "voc-application.h"
#include "voc-level-indicator.h"
#include "voc-role-card.h"
#include "voc-text.h"
#include "voc-text-row.h"
#include "voc-plans-view.h"
#include "voc-role-page.h"
#include "voc-skills-view.h"
#include "voc-window.h"

#include "ui-test-utils.h"

static VocApplication *app;

static GtkWindow *
open_window (void)
{
  GtkWindow *window = GTK_WINDOW (voc_application_new_window (app));

  gtk_window_set_default_size (window, 1100, 760);
  gtk_window_present (window);
  ui_wait_until (ui_is_mapped, window);
  ui_spin (100);
  return window;
}

static GListModel *
grid_model (GtkWindow *window)
{
  return G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (ui_find (GTK_WIDGET (window), GTK_TYPE_GRID_VIEW, NULL, 0))));
}

typedef struct
{
  GListModel *model;
  guint       n;
} CountWait;

static gboolean
has_count (gpointer data)
{
  CountWait *wait = data;

  return g_list_model_get_n_items (wait->model) == wait->n;
}

static void
type_search (GtkWindow  *window,
             const char *text,
             guint       expected)
{
  GtkWidget *entry = ui_find (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, NULL, 0);
  GtkSearchBar *bar = GTK_SEARCH_BAR (ui_find (GTK_WIDGET (window), GTK_TYPE_SEARCH_BAR, NULL, 0));
  CountWait wait = { grid_model (window), expected };

  /* Ctrl+F runs win.search, which opens the bar and focuses the entry. */
  if (!gtk_search_bar_get_search_mode (bar))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  g_assert_true (gtk_search_bar_get_search_mode (bar));
  ui_wait_until (ui_is_mapped, entry);
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  }
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* GtkSearchEntry waits a moment before "search-changed". */
  ui_wait_until (has_count, &wait);
}

static void
test_cards (void)
{
  GtkWindow *window = open_window ();
  VocRoleCard *first;
  GtkWidget *label;

  g_assert_cmpuint (g_list_model_get_n_items (grid_model (window)), ==, 12);
  g_assert_cmpuint (ui_count (GTK_WIDGET (window), VOC_TYPE_ROLE_CARD, TRUE), >=, 6);

  /* The first card has the keyboard focus, so Enter opens it. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         ui_find (GTK_WIDGET (window), GTK_TYPE_GRID_VIEW, NULL, 0)));

  /* A start on Roles makes neither My Skills nor Plans; each is made when
   * first shown. */
  g_assert_null (ui_find (GTK_WIDGET (window), VOC_TYPE_SKILLS_VIEW, NULL, 0));
  g_assert_null (ui_find (GTK_WIDGET (window), VOC_TYPE_PLANS_VIEW, NULL, 0));

  first = VOC_ROLE_CARD (ui_find (GTK_WIDGET (window), VOC_TYPE_ROLE_CARD, NULL, 0));
  g_assert_cmpstr (voc_role_get_id (voc_role_card_get_role (first)), ==, "data-analyst");
  /* Family, name, one line, then the key skills as tags. */
  label = ui_find (GTK_WIDGET (first), VOC_TYPE_TEXT, "title-4", 0);
  g_assert_nonnull (label);
  g_assert_cmpstr (voc_text_get_text (VOC_TEXT (label)), ==, "Data Analyst");
  /* Family, name, one line, four tags; the match label only once rated. */
  g_assert_cmpuint (ui_count (GTK_WIDGET (first), VOC_TYPE_TEXT, TRUE), ==, 3 + 4);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "plans");
  ui_spin (100);
  g_assert_true (ui_is_mapped (ui_find (GTK_WIDGET (window), VOC_TYPE_PLANS_VIEW, NULL, 0)));
  g_assert_null (ui_find (GTK_WIDGET (window), VOC_TYPE_SKILLS_VIEW, NULL, 0));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "skills");
  ui_spin (100);
  g_assert_true (ui_is_mapped (ui_find (GTK_WIDGET (window), VOC_TYPE_SKILLS_VIEW, NULL, 0)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "roles");

  ui_close_window (window);
}

static void
test_search_and_empty_state (void)
{
  GtkWindow *window = open_window ();
  GtkWidget *status = ui_find (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, NULL, 0);
  g_autoptr (VocRole) role = NULL;

  type_search (window, "kafka", 1);
  role = g_list_model_get_item (grid_model (window), 0);
  g_assert_cmpstr (voc_role_get_id (role), ==, "data-engineer");
  g_assert_false (gtk_widget_get_mapped (status));

  /* The best answer first, and Enter opens it. */
  {
    g_autoptr (VocRole) best = NULL;
    VocRolePage *page;

    type_search (window, "mlops", 2);
    best = g_list_model_get_item (grid_model (window), 0);
    g_assert_cmpstr (voc_role_get_id (best), ==, "mlops-engineer");
    g_clear_object (&best);
    type_search (window, "data engineer", 9);
    best = g_list_model_get_item (grid_model (window), 0);
    g_assert_cmpstr (voc_role_get_id (best), ==, "data-engineer");
    g_signal_emit_by_name (ui_find (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, NULL, 0), "activate");
    ui_spin (100);
    page = VOC_ROLE_PAGE (ui_find (GTK_WIDGET (window), VOC_TYPE_ROLE_PAGE, NULL, 0));
    g_assert_nonnull (page);
    g_assert_cmpstr (voc_role_get_id (voc_role_page_get_role (page)), ==, "data-engineer");
    gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
    ui_spin (100);
    /* The search stays; Ctrl+F from the card closes it, and opens it again. */
    gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
    ui_spin (100);
  }

  type_search (window, "kafka zebra", 0);
  ui_spin (400); /* the crossfade to the empty state */
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No Matching Roles");

  /* Closing the search shows every role again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  {
    CountWait wait = { grid_model (window), 12 };
    ui_wait_until (has_count, &wait);
  }

  ui_close_window (window);
}

static void
test_family_filter (void)
{
  GtkWindow *window = open_window ();
  GtkMenuButton *button = GTK_MENU_BUTTON (ui_find (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, NULL, 0));
  GMenuModel *menu;
  GMenuModel *section;
  AdwViewSwitcherTitle *title = ADW_VIEW_SWITCHER_TITLE (ui_find (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE, NULL, 0));
  g_autofree char *label = NULL;

  /* "All Families", then the seven families in catalog order, in a menu
   * made when it first opens. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (button)), ==, "Filter and Sort Roles");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  gtk_menu_button_popup (button);
  menu = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (button))));
  gtk_menu_button_popdown (button);
  /* All Families, the families, then the sort order. */
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 3);
  g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_cmpstr (label, ==, "All Families");
  section = g_menu_model_get_item_link (menu, 1, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, 7);
  g_object_unref (section);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.family", "s", "AI Engineering");
  g_assert_cmpuint (g_list_model_get_n_items (grid_model (window)), ==, 3);
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (title), ==, "AI Engineering");
  /* At this width the title is the view switcher: the bar under it says
   * which family shows, and takes the filter off. */
  ui_spin (300);
  g_assert_false (adw_view_switcher_title_get_title_visible (title));
  {
    GtkWidget *said = ui_find_label (GTK_WIDGET (window), "Showing only the AI Engineering family");
    GtkWidget *all = ui_find_button (GTK_WIDGET (window), "Show _All Families");

    g_assert_nonnull (said);
    g_assert_true (gtk_widget_get_mapped (said));
    g_assert_nonnull (all);
    g_signal_emit_by_name (all, "clicked");
    ui_spin (50);
    g_assert_cmpuint (g_list_model_get_n_items (grid_model (window)), ==, 12);
    g_assert_false (gtk_widget_get_mapped (said));
    /* Off the Roles view, the bar goes with it. */
    gtk_widget_activate_action (GTK_WIDGET (window), "win.family", "s", "AI Engineering");
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "plans");
    ui_spin (100);
    g_assert_false (gtk_widget_get_mapped (said));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "roles");
    ui_spin (100);
    g_assert_true (gtk_widget_get_mapped (said));
  }

  /* Search works within the family. */
  type_search (window, "spacy", 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.family", "s", "");
  g_assert_cmpuint (g_list_model_get_n_items (grid_model (window)), ==, 1);
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (title), ==, "");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.family", "s", "Product");
  g_assert_cmpuint (g_list_model_get_n_items (grid_model (window)), ==, 0);

  ui_close_window (window);
}

static void
test_role_page_and_back (void)
{
  GtkWindow *window = open_window ();
  GtkWidget *grid = ui_find (GTK_WIDGET (window), GTK_TYPE_GRID_VIEW, NULL, 0);
  AdwLeaflet *leaflet = ADW_LEAFLET (ui_find (GTK_WIDGET (window), ADW_TYPE_LEAFLET, NULL, 0));
  VocRolePage *page;

  /* The role page is only built when a role is first opened. */
  g_assert_null (ui_find (GTK_WIDGET (window), VOC_TYPE_ROLE_PAGE, NULL, 0));

  /* Activating the fifth card (Enter or a click) opens its page. */
  g_signal_emit_by_name (grid, "activate", 4);
  page = VOC_ROLE_PAGE (ui_find (GTK_WIDGET (window), VOC_TYPE_ROLE_PAGE, NULL, 0));
  g_assert_nonnull (page);
  ui_wait_until (ui_is_mapped, page);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == GTK_WIDGET (page));
  g_assert_cmpstr (voc_role_get_id (voc_role_page_get_role (page)), ==, "data-engineer");
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (ui_find (GTK_WIDGET (page), ADW_TYPE_WINDOW_TITLE, NULL, 0))),
                   ==, "Data Engineer");
  /* One group per seed heading (eight), the level named on each requirement,
   * and above them "Biggest Gaps" and "Your Notes". */
  g_assert_cmpuint (ui_count (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP, FALSE), ==, 8 + 2);
  {
    VocTextRow *row = VOC_TEXT_ROW (ui_find (GTK_WIDGET (page), VOC_TYPE_TEXT_ROW, NULL, 0));

    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "SQL");
    g_assert_nonnull (strstr (voc_text_row_get_subtitle (row), "partition pruning"));
  }
  g_assert_true (gtk_widget_has_focus (ui_find (GTK_WIDGET (page), GTK_TYPE_BUTTON, NULL, 0)));

  /* Back (button, Escape or Alt+Left all run win.back). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  ui_spin (500);
  g_assert_false (adw_leaflet_get_visible_child (leaflet) == GTK_WIDGET (page));
  g_assert_true (gtk_widget_get_mapped (grid));

  ui_close_window (window);
}

static void
test_level_badges (void)
{
  GtkWindow *window = open_window ();
  GQueue queue = G_QUEUE_INIT;
  GPtrArray *badges = g_ptr_array_new ();
  VocRolePage *page;

  g_assert_true (voc_window_show_role (VOC_WINDOW (window), "data-engineer"));
  page = VOC_ROLE_PAGE (ui_find (GTK_WIDGET (window), VOC_TYPE_ROLE_PAGE, NULL, 0));
  ui_wait_until (ui_is_mapped, page);

  g_queue_push_tail (&queue, page);
  while (!g_queue_is_empty (&queue))
    {
      GtkWidget *widget = g_queue_pop_head (&queue);

      if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "level-badge"))
        g_ptr_array_add (badges, widget);
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        g_queue_push_tail (&queue, child);
    }

  /* The first requirement is "SQL Mastery": level 5, named. */
  g_assert_cmpuint (badges->len, >, 10);
  g_assert_cmpstr (gtk_label_get_label (g_ptr_array_index (badges, 0)), ==, "Expert");
  g_assert_cmpint (voc_level_indicator_get_level (VOC_LEVEL_INDICATOR (ui_find (GTK_WIDGET (page), VOC_TYPE_LEVEL_INDICATOR, NULL, 0))),
                   ==, VOC_LEVEL_EXPERT);
  g_assert_false (voc_window_show_role (VOC_WINDOW (window), "astronaut"));

  g_ptr_array_unref (badges);
  ui_close_window (window);
}

static void
test_shortcuts_and_size (void)
{
  g_autoptr (GSettings) settings = g_settings_new (SCHEMA_ID);
  g_auto (GStrv) quit = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_auto (GStrv) close = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "window.close");
  GtkWindow *window;

  g_assert_true (g_strv_contains ((const char *const *) quit, "<Control>q"));
  g_assert_true (g_strv_contains ((const char *const *) close, "<Control>w"));

  window = open_window ();
  {
    /* Ctrl+? (win.shortcuts) opens the shortcuts window over this one. */
    g_autoptr (GListModel) toplevels = NULL;
    GtkWindow *shortcuts = NULL;

    gtk_widget_activate_action (GTK_WIDGET (window), "win.shortcuts", NULL);
    toplevels = g_object_ref (gtk_window_get_toplevels ());
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr (GObject) toplevel = g_list_model_get_item (toplevels, i);
        if (GTK_IS_SHORTCUTS_WINDOW (toplevel))
          shortcuts = GTK_WINDOW (toplevel);
      }
    g_assert_nonnull (shortcuts);
    g_assert_true (gtk_window_get_transient_for (shortcuts) == window);
    /* It lists what Delete and Ctrl+Z do. */
    {
      gboolean delete = FALSE, undo = FALSE;

      for (guint i = 0; ; i++)
        {
          GtkWidget *shortcut = ui_find (GTK_WIDGET (shortcuts), GTK_TYPE_SHORTCUTS_SHORTCUT, NULL, i);
          g_autofree char *accel = NULL;
          g_autofree char *title = NULL;

          if (shortcut == NULL)
            break;
          g_object_get (shortcut, "accelerator", &accel, "title", &title, NULL);
          delete |= g_strcmp0 (accel, "Delete") == 0 && strstr (title, "Delete") != NULL;
          undo |= g_strcmp0 (accel, "<Control>z") == 0 && strstr (title, "Undo") != NULL;
        }
      g_assert_true (delete);
      g_assert_true (undo);
    }
    gtk_window_destroy (shortcuts);
  }
  gtk_window_set_default_size (window, 900, 640);
  ui_spin (100);
  gtk_window_close (window);
  ui_spin (100);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);

  /* The next window opens at that size. */
  window = GTK_WINDOW (voc_application_new_window (app));
  {
    int w, h;
    gtk_window_get_default_size (window, &w, &h);
    g_assert_cmpint (w, ==, 900);
    g_assert_cmpint (h, ==, 640);
  }
  ui_close_window (window);
}

static void
test_ten_thousand_roles (void)
{
  g_autoptr (GString) json = g_string_new ("{\"format_version\": 1,"
                                           "\"areas\": [{\"id\": \"a\", \"name\": \"Area\"}],"
                                           "\"skills\": [{\"id\": \"s\", \"name\": \"Skill\", \"area\": \"a\", \"description\": \"A skill.\"}],"
                                           "\"roles\": [");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (VocCatalog) big = NULL;
  g_autoptr (VocCatalog) shipped = g_object_ref (voc_application_get_catalog (app));
  GtkWindow *window;
  guint cards;

  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (json, "%s{\"id\": \"role-%u\", \"name\": \"Role %u\", \"family\": \"Family %u\","
                            "\"tagline\": \"Tagline\", \"summary\": \"Summary\", \"groups\": [{\"title\": \"Skills\","
                            "\"kind\": \"soft\", \"requirements\": [{\"skill\": \"s\", \"label\": \"Skill\", \"level\": 3,"
                            "\"details\": [\"detail %u\"]}]}]}",
                            i ? "," : "", i, i, i % 7, i);
  g_string_append (json, "]}");
  bytes = g_bytes_new (json->str, json->len);
  big = voc_catalog_new_from_bytes (bytes, "big.json", &error);
  g_assert_no_error (error);

  voc_application_set_catalog (app, big);
  window = open_window ();
  g_assert_cmpuint (g_list_model_get_n_items (grid_model (window)), ==, 10000);
  /* Virtualised: only the visible cards and a few around them exist. */
  cards = ui_count (GTK_WIDGET (window), VOC_TYPE_ROLE_CARD, FALSE);
  g_assert_cmpuint (cards, >, 0);
  g_assert_cmpuint (cards, <, 300);

  type_search (window, "detail 9999", 1);
  ui_close_window (window);
  voc_application_set_catalog (app, shipped);
}

/* The card text: one line when it fits, wrapped at words when narrower,
 * never narrower than its longest word; a new text or font measures anew. */
static void
test_text_wraps (void)
{
  GtkWidget *text = g_object_ref_sink (voc_text_new ("Deep Learning Engineer"));
  GtkWidget *word = g_object_ref_sink (voc_text_new ("Engineer"));
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  int min, nat, word_min, word_nat, one_line, wrapped, three_lines;

  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), word);
  gtk_window_set_child (GTK_WINDOW (window), box);

  gtk_widget_measure (text, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  gtk_widget_measure (word, GTK_ORIENTATION_HORIZONTAL, -1, &word_min, &word_nat, NULL, NULL);
  /* "Engineer" is the longest word; alone, it does not wrap. */
  g_assert_cmpint (word_min, ==, word_nat);
  g_assert_cmpint (min, ==, word_min);
  g_assert_cmpint (nat, >, 2 * min);

  gtk_widget_measure (text, GTK_ORIENTATION_VERTICAL, nat, &one_line, NULL, NULL, NULL);
  gtk_widget_measure (text, GTK_ORIENTATION_VERTICAL, nat - 1, &wrapped, NULL, NULL, NULL);
  gtk_widget_measure (text, GTK_ORIENTATION_VERTICAL, min, &three_lines, NULL, NULL, NULL);
  g_assert_cmpint (one_line, >, 0);
  g_assert_cmpint (wrapped, >=, 2 * one_line - 2);
  g_assert_cmpint (three_lines, >=, 3 * one_line - 3);
  /* Given no width, the height on one line. */
  gtk_widget_measure (text, GTK_ORIENTATION_VERTICAL, -1, &wrapped, NULL, NULL, NULL);
  g_assert_cmpint (wrapped, ==, one_line);

  /* A longer text is wider; a bigger type is wider and taller. */
  voc_text_set_text (VOC_TEXT (word), "Engineering");
  gtk_widget_measure (word, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (nat, >, word_nat);
  g_assert_cmpstr (voc_text_get_text (VOC_TEXT (word)), ==, "Engineering");
  word_nat = nat;
  gtk_widget_add_css_class (word, "title-1");
  gtk_window_present (GTK_WINDOW (window));
  ui_spin (200);
  gtk_widget_measure (word, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (nat, >, word_nat);
  gtk_widget_measure (word, GTK_ORIENTATION_VERTICAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, >, one_line);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (text);
  g_object_unref (word);
}

/* Every mapped widget below @root lies within @frame's width (give or take
 * a pixel: libadwaita's header bars reach 1 px past each side by design). */
static void
assert_fits (GtkWidget *root,
             GtkWidget *frame)
{
  graphene_rect_t bounds;

  /* Overlay scrollbars sit on the edge by design. */
  if (!gtk_widget_get_mapped (root) || GTK_IS_NATIVE (root) || GTK_IS_SCROLLBAR (root))
    return;
  if (gtk_widget_get_width (root) > 0 && gtk_widget_compute_bounds (root, frame, &bounds))
    {
      if (bounds.origin.x < -1.5 || bounds.origin.x + bounds.size.width > gtk_widget_get_width (frame) + 1.5)
        g_error ("%s (%s) is cut at %d px wide: from x=%.0f to %.0f",
                 G_OBJECT_TYPE_NAME (root), gtk_widget_get_css_name (root), gtk_widget_get_width (frame),
                 bounds.origin.x, bounds.origin.x + bounds.size.width);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    assert_fits (child, frame);
}

/* No mapped label below @root is cut short with an ellipsis. A title bar's
 * title may be: the role page says the name in full under it. */
static void
assert_not_ellipsized (GtkWidget *root)
{
  if (!gtk_widget_get_mapped (root) || ADW_IS_WINDOW_TITLE (root))
    return;
  if (GTK_IS_LABEL (root) && pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (root))))
    g_error ("the label \"%s\" in %s < %s is cut short", gtk_label_get_text (GTK_LABEL (root)),
             G_OBJECT_TYPE_NAME (gtk_widget_get_parent (root)),
             G_OBJECT_TYPE_NAME (gtk_widget_get_parent (gtk_widget_get_parent (root))));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    assert_not_ellipsized (child);
}

/* At 360 px wide, a phone's width: the view switcher moves to a bar at the
 * bottom, the header's buttons stay on screen, the cards stack in one
 * column and no view sticks out at the side. */
static void
test_narrow_window (void)
{
  static const char *const views[] = { "roles", "skills", "plans" };
  GtkWindow *window = GTK_WINDOW (voc_application_new_window (app));
  GtkWidget *stack, *header, *card;
  double first_x = -1;
  guint n_cards = 0;
  int dpi;
  g_autofree char *layout = NULL;

  /* GNOME's title bar: a close button only. */
  g_object_get (gtk_settings_get_default (), "gtk-decoration-layout", &layout, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  gtk_window_set_default_size (window, 360, 720);
  gtk_window_present (window);
  ui_wait_until (ui_is_mapped, window);
  ui_spin (300);

  stack = ui_find (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL, 0);
  header = ui_find (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR, NULL, 0);
  g_assert_cmpint (gtk_widget_get_width (stack), <=, 360);
  g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (ui_find (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR, NULL, 0))));
  g_assert_true (adw_view_switcher_title_get_title_visible (ADW_VIEW_SWITCHER_TITLE (ui_find (header, ADW_TYPE_VIEW_SWITCHER_TITLE, NULL, 0))));
  /* Search, the family filter and the main menu. */
  g_assert_cmpuint (ui_count (header, GTK_TYPE_MENU_BUTTON, TRUE), ==, 2);
  g_assert_cmpuint (ui_count (header, GTK_TYPE_TOGGLE_BUTTON, TRUE), >=, 1);
  assert_fits (header, header);

  for (guint i = 0; (card = ui_find (stack, VOC_TYPE_ROLE_CARD, NULL, i)) != NULL; i++)
    {
      graphene_rect_t bounds;

      if (!gtk_widget_get_mapped (card))
        continue;
      g_assert_true (gtk_widget_compute_bounds (card, stack, &bounds));
      if (first_x < 0)
        first_x = bounds.origin.x;
      g_assert_cmpfloat_with_epsilon (bounds.origin.x, first_x, 0.5);
      n_cards++;
    }
  g_assert_cmpuint (n_cards, >=, 2);

  /* A skill marked "Not Relevant to Me" (the longest choice) widens
   * neither its selector nor the others, nor the window. */
  g_assert_true (voc_profile_set_rating (voc_application_get_profile (app), "excel", -1, FALSE, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", views[i]);
      ui_spin (300);
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, views[i]);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
      assert_fits (stack, stack);
      assert_not_ellipsized (stack);
    }
  g_assert_true (voc_profile_set_rating (voc_application_get_profile (app), "excel", -1, TRUE, NULL));

  /* The same with text at 1.5 times its size. */
  g_object_get (gtk_settings_get_default (), "gtk-xft-dpi", &dpi, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", 96 * 1024 * 3 / 2, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", views[i]);
      ui_spin (300);
      assert_fits (stack, stack);
      assert_fits (header, header);
      assert_not_ellipsized (stack);
      assert_not_ellipsized (header);
    }
  /* A role page, with its radar, gaps and requirement groups. */
  g_assert_true (voc_window_show_role (VOC_WINDOW (window), "deep-learning-engineer"));
  ui_spin (1000);
  {
    GtkWidget *page = ui_find (GTK_WIDGET (window), VOC_TYPE_ROLE_PAGE, NULL, 0);

    g_assert_true (ui_is_mapped (page));
    g_assert_nonnull (ui_find_label (page, "Deep Learning Engineer / Research Engineer"));
    assert_fits (page, page);
    assert_not_ellipsized (page);
  }
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", dpi, "gtk-decoration-layout", layout, NULL);

  ui_close_window (window);
}

/* Where @widget is on the page: scrolled content counts from the top of
 * what scrolls, so the order does not change as focus scrolls it. */
static graphene_rect_t
page_bounds (GtkWidget *widget,
             GtkWindow *window)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds, frame;

  if (scrolled != NULL)
    {
      GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));

      g_assert_true (gtk_widget_compute_bounds (widget, content, &bounds));
      g_assert_true (gtk_widget_compute_bounds (scrolled, GTK_WIDGET (window), &frame));
      bounds.origin.x += frame.origin.x;
      bounds.origin.y += frame.origin.y;
      /* Below the adjustments' scroll: the content's own origin. */
      bounds.origin.y += gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)));
      return bounds;
    }
  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (window), &bounds));
  return bounds;
}

/* Tab from the top of the window round to where it started, as a person
 * reading the screen would: each stop below the last, or on the same line
 * and further along it. Returns how many stops there were. */
static guint
assert_reading_order (GtkWindow  *window,
                      const char *what)
{
  g_autoptr (GPtrArray) stops = g_ptr_array_new ();
  graphene_rect_t last = GRAPHENE_RECT_INIT (0, 0, 0, 0);

  gtk_window_set_focus (window, NULL);
  for (guint i = 0; i < 400; i++)
    {
      GtkWidget *focus;
      graphene_rect_t here;

      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        break;
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_nonnull (focus);
      if (g_ptr_array_find (stops, focus, NULL))
        break;
      g_ptr_array_add (stops, focus);
      /* Let the view scroll to it and lay it out (a grid item scrolled
       * into view has no size until then). */
      ui_spin (20);
      for (guint wait = 0; wait < 10 && gtk_widget_get_width (focus) < 16; wait++)
        ui_spin (20);
      here = page_bounds (focus, window);
      if (g_getenv ("FOCUS_DEBUG"))
        g_printerr ("%s: %s %s at (%.0f, %.0f) %.0fx%.0f\n", what, G_OBJECT_TYPE_NAME (focus), gtk_widget_get_css_name (focus),
                    here.origin.x, here.origin.y, here.size.width, here.size.height);
      /* Same line: their middles are within each other's height. */
      if (stops->len > 1)
        {
          double middle = here.origin.y + here.size.height / 2;
          gboolean same_line = middle >= last.origin.y && middle <= last.origin.y + last.size.height;

          if (!(same_line ? here.origin.x > last.origin.x : here.origin.y >= last.origin.y + last.size.height / 2))
            g_error ("%s: Tab goes from (%.0f, %.0f) to %s %s at (%.0f, %.0f), against the reading order",
                     what, last.origin.x, last.origin.y, G_OBJECT_TYPE_NAME (focus),
                     gtk_widget_get_css_name (focus), here.origin.x, here.origin.y);
        }
      last = here;
    }
  g_assert_cmpuint (stops->len, >, 3);
  return stops->len;
}

/* Tab follows the reading order on Roles, My Skills, Plans and a role page. */
static void
test_focus_order (void)
{
  GtkWindow *window = open_window ();
  guint n_skills;

  assert_reading_order (window, "Roles");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "skills");
  voc_skills_view_ensure_rows (VOC_SKILLS_VIEW (ui_find (GTK_WIDGET (window), VOC_TYPE_SKILLS_VIEW, NULL, 0)));
  ui_spin (200);
  n_skills = assert_reading_order (window, "My Skills");
  /* Each of the 89 skills has its level selector on the way. */
  g_assert_cmpuint (n_skills, >, 89);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "plans");
  ui_spin (200);
  assert_reading_order (window, "Plans");
  g_assert_true (voc_window_show_role (VOC_WINDOW (window), "data-engineer"));
  ui_spin (600);
  assert_reading_order (window, "a role page");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "roles");

  ui_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (VocProfile) profile = voc_profile_new ();
  int status;

  ui_require_display ();

  ui_test_init (&argc, &argv);

  /* In memory: these tests never touch the user's data folder. */
  app = ui_test_app_new (profile);

  ui_test_add ("/ui/roles/cards", test_cards);
  ui_test_add ("/ui/roles/text-wraps", test_text_wraps);
  ui_test_add ("/ui/roles/search-and-empty-state", test_search_and_empty_state);
  ui_test_add ("/ui/roles/family-filter", test_family_filter);
  ui_test_add ("/ui/roles/role-page-and-back", test_role_page_and_back);
  ui_test_add ("/ui/roles/level-badges", test_level_badges);
  ui_test_add ("/ui/window/shortcuts-and-size", test_shortcuts_and_size);
  ui_test_add ("/ui/window/narrow", test_narrow_window);
  ui_test_add ("/ui/window/focus-order", test_focus_order);
  ui_test_add ("/ui/roles/ten-thousand-roles", test_ten_thousand_roles);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
