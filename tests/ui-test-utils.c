/* ui-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "ui-test-utils.h"
#include "voc-test-utils.h"

void
ui_spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

void
ui_wait_until (gboolean (*condition) (gpointer),
               gpointer   data)
{
  const char *scale = g_getenv ("UI_TIMEOUT_SCALE");
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC * MAX (1, scale ? atoi (scale) : 1);

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

gboolean
ui_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

GtkWidget *
ui_find (GtkWidget  *root,
         GType       type,
         const char *css_class,
         guint       nth)
{
  GQueue queue = G_QUEUE_INIT;
  guint seen = 0;

  g_queue_push_tail (&queue, root);
  while (!g_queue_is_empty (&queue))
    {
      GtkWidget *widget = g_queue_pop_head (&queue);

      if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
          (css_class == NULL || gtk_widget_has_css_class (widget, css_class)) &&
          seen++ == nth)
        {
          g_queue_clear (&queue);
          return widget;
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        g_queue_push_tail (&queue, child);
    }

  return NULL;
}

GtkWidget *
ui_find_label (GtkWidget  *root,
               const char *text)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *label = ui_find (root, GTK_TYPE_LABEL, NULL, i);

      if (label == NULL || g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) == 0)
        return label;
    }
}

GtkWidget *
ui_window_view (GtkWindow  *window,
                const char *name,
                GType       type)
{
  AdwViewStack *stack = ADW_VIEW_STACK (ui_find (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL, 0));
  g_autofree char *shown = g_strdup (adw_view_stack_get_visible_child_name (stack));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", name);
  if (shown != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", shown);
  return ui_find (GTK_WIDGET (window), type, NULL, 0);
}

GtkWidget *
ui_find_button (GtkWidget  *root,
                const char *text)
{
  GtkWidget *button;

  if (GTK_IS_BUTTON (root) && (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), text) == 0 ||
                               g_strcmp0 (gtk_widget_get_tooltip_text (root), text) == 0))
    return root;
  for (guint i = 0; (button = ui_find (root, GTK_TYPE_BUTTON, NULL, i)); i++)
    if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), text) == 0 ||
        g_strcmp0 (gtk_widget_get_tooltip_text (button), text) == 0)
      return button;
  return NULL;
}

AdwMessageDialog *
ui_find_dialog (const char *heading)
{
  return ui_find_nth_dialog (heading, 0);
}

AdwMessageDialog *
ui_find_nth_dialog (const char *heading,
                    guint       nth)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel)), heading) == 0 &&
          nth-- == 0)
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

typedef struct
{
  GPtrArray *slots;  /* of gpointer *: one weak pointer per widget */
} Watch;

static void
watch_tree (Watch     *watch,
            GtkWidget *widget)
{
  gpointer *slot;

  /* GTK keeps a window's tooltip for the display, to show it again fast. */
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkTooltipWindow"))
    return;
  slot = g_new (gpointer, 1);

  *slot = widget;
  g_object_add_weak_pointer (G_OBJECT (widget), slot);
  g_ptr_array_add (watch->slots, slot);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    watch_tree (watch, child);
}

static gboolean
all_gone (gpointer data)
{
  Watch *watch = data;

  for (guint i = 0; i < watch->slots->len; i++)
    if (*(gpointer *) g_ptr_array_index (watch->slots, i) != NULL)
      return FALSE;
  return TRUE;
}

void
ui_close_window (GtkWindow *window)
{
  Watch watch = { g_ptr_array_new_with_free_func (g_free) };

  /* The window and every widget in it: none may outlive it. */
  watch_tree (&watch, GTK_WIDGET (window));
  gtk_window_destroy (window);
  /* Idles and the frame clock let go within a few iterations. */
  for (int i = 0; i < 100 && !all_gone (&watch); i++)
    ui_spin (20);
  for (guint i = 0; i < watch.slots->len; i++)
    {
      GObject *left = *(gpointer *) g_ptr_array_index (watch.slots, i);

      if (left != NULL)
        g_test_message ("still alive after its window closed: %s %p (%u references)",
                        G_OBJECT_TYPE_NAME (left), (void *) left, left->ref_count);
    }
  g_assert_true (all_gone (&watch));
  g_ptr_array_unref (watch.slots);
}

guint
ui_count (GtkWidget *root,
          GType      type,
          gboolean   mapped_only)
{
  guint n = (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (!mapped_only || gtk_widget_get_mapped (root))) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += ui_count (child, type, mapped_only);

  return n;
}

void
ui_require_display (void)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      /* A TAP plan of nothing, skipped, and success: meson counts an exit
       * status of 77 from a TAP test as an error, not a skip. */
      g_print ("1..0 # SKIP no display; the README's test command starts Xvfb\n");
      exit (0);
    }
}

VocApplication *
ui_test_app_new (VocProfile *profile)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VocCatalog) catalog = NULL;
  VocApplication *app = voc_application_new ();

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  catalog = voc_catalog_new_default (&error);
  g_assert_no_error (error);
  voc_application_set_catalog (app, catalog);
  voc_application_set_profile (app, profile);

  return app;
}

VocApplication *
ui_test_app_new_with_store (char **db_path_out)
{
  g_autofree char *dir = voc_test_make_folder ("vocation-ui-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "vocation.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (VocStore) store = voc_store_open (path, &error);
  g_autoptr (VocProfile) profile = NULL;

  g_assert_no_error (error);
  profile = voc_profile_new_for_store (store, &error);
  g_assert_no_error (error);
  if (db_path_out)
    *db_path_out = g_steal_pointer (&path);
  return ui_test_app_new (profile);
}

static char *system_data_dirs;
static char *system_config_dirs;

void
ui_test_init (int    *argc,
              char ***argv)
{
  const char *const *data_dirs = g_get_system_data_dirs ();
  g_autoptr (GString) schemas = g_string_new (g_getenv ("GSETTINGS_SCHEMA_DIR"));

  system_data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS"));
  system_config_dirs = g_strdup (g_getenv ("XDG_CONFIG_DIRS"));
  /* GLib keeps the isolated data folders for finding settings schemas,
   * whatever the environment says later: name GTK's (the file chooser's)
   * the way the app's are. */
  for (guint i = 0; data_dirs[i] != NULL; i++)
    {
      g_autofree char *dir = g_build_filename (data_dirs[i], "glib-2.0", "schemas", NULL);

      if (g_file_test (dir, G_FILE_TEST_IS_DIR))
        g_string_append_printf (schemas, "%s%s", schemas->len > 0 ? G_SEARCHPATH_SEPARATOR_S : "", dir);
    }
  g_setenv ("GSETTINGS_SCHEMA_DIR", schemas->str, TRUE);
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
}

static void
restore_system_dirs (gpointer      fixture,
                     gconstpointer data)
{
  /* Unset, they mean /usr/local/share:/usr/share and /etc/xdg. */
  if (system_data_dirs != NULL)
    g_setenv ("XDG_DATA_DIRS", system_data_dirs, TRUE);
  else
    g_unsetenv ("XDG_DATA_DIRS");
  if (system_config_dirs != NULL)
    g_setenv ("XDG_CONFIG_DIRS", system_config_dirs, TRUE);
  else
    g_unsetenv ("XDG_CONFIG_DIRS");
}

static void
run_test (gpointer      fixture,
          gconstpointer data)
{
  ((void (*) (void)) data) ();
}

void
ui_test_add (const char *path,
             void      (*test) (void))
{
  g_test_add_vtable (path, 0, (gconstpointer) test, restore_system_dirs, run_test, NULL);
}

