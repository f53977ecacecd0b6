/* voc-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>

#include "voc-application.h"
#include "voc-icon-theme.h"
#include "voc-export.h"
#include "voc-json-scan.h"
#include "voc-role-text.h"
#include "voc-store-transfer.h"
#include "voc-window.h"

struct _VocApplication
{
  AdwApplication parent_instance;

  /* Owned */
  VocCatalog *catalog;
  VocProfile *profile;
  GError     *store_error;
  char       *catalog_path;   /* --catalog FILE, or NULL for the built-in one */
  gboolean    quit_after_first_frame;
  gboolean    open_store_early;  /* the window will follow: open while GTK starts */
  GThread    *store_thread;      /* opening the database, from startup to activate */
  VocStore   *early_store;       /* what it opened, until the profile takes it */
  GError     *early_error;
};

/* What the thread that starts early hands back. */
typedef struct
{
  gboolean    load_catalog;
  VocCatalog *catalog;
  VocStore   *store;
  GError     *error;
} OpenResult;

G_DEFINE_FINAL_TYPE (VocApplication, voc_application, ADW_TYPE_APPLICATION)

static const GOptionEntry entries[] = {
  { "list-roles", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List the roles of the catalog (id, name, family) and exit"), NULL },
  { "search", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print the roles that answer QUERY, best first (ID, a tab, the name) and exit"), N_("QUERY") },
  { "show-role", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print everything a role requires and exit"), N_("ID") },
  { "validate-catalog", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check a catalog file, print every problem and exit"), N_("FILE") },
  { "export-radar", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Draw your saved profile against a role into --output and exit"), N_("ID") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The file --export-radar writes: .png, .svg or .pdf"), N_("FILE") },
  { "size", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Width and height of the exported chart in pixels (default 800)"), N_("PX") },
  { "compare", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("A second role to draw on the exported chart"), N_("ID") },
  { "no-title", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Leave the role’s name, the match and the date off the exported chart"), NULL },
  { "catalog", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the roles of FILE instead of the built-in catalog"), N_("FILE") },
  { "export-data", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write your profile, history, plans and notes to FILE (JSON; - for standard output) and exit"), N_("FILE") },
  { "import-data", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Add the data of FILE (from --export-data) to yours and exit"), N_("FILE") },
  { "replace", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import-data: replace all your data instead of adding to it"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  /* For the start-up benchmark (tests/bench-startup.py). */
  { "quit-after-first-frame", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL, NULL, NULL },
  { NULL }
};

static void
print_error (const char *message)
{
  g_printerr ("vocation: %s\n", message);
}

static void open_result_free (OpenResult *result);

/* Waits for the thread that loads the catalog and opens the database. */
static void
join_early (VocApplication *self)
{
  OpenResult *result;

  if (self->store_thread == NULL)
    return;

  result = g_thread_join (g_steal_pointer (&self->store_thread));
  if (result->catalog != NULL && self->catalog == NULL)
    self->catalog = g_steal_pointer (&result->catalog);
  self->early_store = g_steal_pointer (&result->store);
  self->early_error = g_steal_pointer (&result->error);
  open_result_free (result);
}

static gboolean
ensure_catalog (VocApplication  *self,
                GError         **error)
{
  join_early (self);
  if (self->catalog != NULL)
    return TRUE;

  if (self->catalog_path != NULL)
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (self->catalog_path);
      self->catalog = voc_catalog_new_from_file (file, error);
    }
  else
    self->catalog = voc_catalog_new_default (error);

  return self->catalog != NULL;
}

/* Opens the database once; on failure the profile lives in memory and the
 * window explains why, so the app still works. */
static VocProfile *
ensure_profile (VocApplication *self)
{
  g_autoptr (VocStore) store = NULL;

  if (self->profile != NULL)
    return self->profile;

  g_clear_error (&self->store_error);
  join_early (self);
  if (self->early_store != NULL || self->early_error != NULL)
    {
      store = g_steal_pointer (&self->early_store);
      self->store_error = g_steal_pointer (&self->early_error);
    }
  else
    store = voc_store_open (NULL, &self->store_error);
  if (store != NULL)
    self->profile = voc_profile_new_for_store (store, &self->store_error);
  /* Unreadable before its check: checking it now sets a damaged file
   * aside, and the profile comes from what took its place. */
  if (store != NULL && self->profile == NULL && !voc_store_is_checked (store))
    {
      g_clear_error (&self->store_error);
      voc_store_finish_check (store);
      self->profile = voc_profile_new_for_store (store, &self->store_error);
    }
  if (self->profile == NULL)
    self->profile = voc_profile_new ();

  return self->profile;
}

static void
open_result_free (OpenResult *result)
{
  g_clear_object (&result->catalog);
  g_clear_object (&result->store);
  g_clear_error (&result->error);
  g_free (result);
}

/* Parsing the built-in catalog and opening the database happen while GTK
 * and libadwaita start, at a lower priority, so that on two cores they do
 * not slow GTK's start. The database's quick_check, which reads the whole
 * file (40 ms for 40 MB), waits for the first frame (check_after_frame_cb). */
static gpointer
open_early_thread (gpointer data)
{
  OpenResult *result = data;

#ifdef __linux__
  /* On Linux a thread has a nice value of its own. */
  setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), 10);
#endif

  if (result->load_catalog)
    result->catalog = voc_catalog_new_default (NULL);
  result->store = voc_store_open_unchecked (NULL, &result->error);
  return result;
}

static VocRole *
lookup_role_or_complain (VocApplication *self,
                         const char     *role_id)
{
  VocRole *role = voc_catalog_lookup_role (self->catalog, role_id);

  if (role == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("no role with the id “%s”; “vocation --list-roles” shows the ids"), role_id);
      print_error (message);
    }
  return role;
}

static int
export_radar (VocApplication *self,
              GVariantDict   *options,
              const char     *role_id)
{
  g_autoptr (GError) error = NULL;
  const char *output = NULL;
  const char *compare_id = NULL;
  const char *size_text = NULL;
  VocRole *role, *compare = NULL;
  int size = 800;

  if (!g_variant_dict_lookup (options, "output", "^&ay", &output))
    {
      print_error (_("--export-radar needs --output FILE (.png, .svg or .pdf)"));
      return EXIT_FAILURE;
    }
  /* A string, not an integer option: GApplication cannot tell --size 0
   * from no --size at all, and drew 800 px for it. */
  if (g_variant_dict_lookup (options, "size", "&s", &size_text))
    {
      gint64 value = 0;

      if (!g_ascii_string_to_signed (size_text, 10, 120, 4000, &value, NULL))
        {
          g_autofree char *shown = voc_json_quote (size_text);
          g_autofree char *message =
            g_strdup_printf (_("--size must be a whole number of pixels from 120 to 4000, not %s"), shown);

          print_error (message);
          return EXIT_FAILURE;
        }
      size = (int) value;
    }

  if (!ensure_catalog (self, &error))
    {
      print_error (error->message);
      return EXIT_FAILURE;
    }
  if (!(role = lookup_role_or_complain (self, role_id)))
    return EXIT_FAILURE;
  if (g_variant_dict_lookup (options, "compare", "&s", &compare_id) &&
      !(compare = lookup_role_or_complain (self, compare_id)))
    return EXIT_FAILURE;

  ensure_profile (self);
  if (self->store_error != NULL)
    {
      print_error (self->store_error->message);
      return EXIT_FAILURE;
    }

  if (!voc_export_radar (role, self->profile, compare, output, size,
                         !g_variant_dict_contains (options, "no-title"), &error))
    {
      print_error (error->message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}

/* Both open the default database; the app may be running, which is fine:
 * SQLite serialises the writers. */
static int
transfer_data (VocApplication *self,
               const char     *export_path,
               const char     *import_path,
               gboolean        replace)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VocStore) store = voc_store_open (NULL, &error);
  VocTransferCounts counts = { 0 };
  VocTransferOptions options = { NULL };
  g_autoptr (GHashTable) known = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *notes = NULL;

  if (store == NULL)
    {
      print_error (error->message);
      return EXIT_FAILURE;
    }
  if (voc_store_get_recovery_note (store) != NULL)
    print_error (voc_store_get_recovery_note (store));

  if (export_path != NULL)
    {
      if (!voc_store_export_data (store, export_path, &counts, &error))
        {
          print_error (error->message);
          return EXIT_FAILURE;
        }
      summary = voc_transfer_counts_describe (&counts);
      /* Standard output holds the document itself. */
      if (g_str_equal (export_path, "-"))
        g_printerr (_("Exported %s to standard output\n"), summary);
      else
        /* Translators: %s is a list such as "12 ratings, 2 plans, 9 goals, 30 steps and 4 notes" */
        g_print (_("Exported %s to %s\n"), summary, export_path);
      return EXIT_SUCCESS;
    }

  /* Ratings of skills this catalog does not know are kept, and said. */
  if (ensure_catalog (self, NULL))
    options.known_skills = known = voc_catalog_dup_skill_ids (self->catalog);
  if (!voc_store_import_data_full (store, import_path, replace ? VOC_IMPORT_REPLACE : VOC_IMPORT_MERGE,
                                   &options, &counts, &error))
    {
      if (g_error_matches (error, VOC_STORE_ERROR, VOC_STORE_ERROR_IMPORT))
        {
          g_printerr ("%s\n", error->message);
          print_error (_("nothing was imported; your data is unchanged"));
        }
      else
        print_error (error->message);
      return EXIT_FAILURE;
    }
  summary = voc_transfer_counts_describe (&counts);
  notes = voc_transfer_counts_describe_notes (&counts);
  if (!replace && voc_transfer_counts_is_empty (&counts))
    g_print (_("Nothing was added from %s: your data already holds all of it\n"), import_path);
  else
    g_print (replace ? _("Replaced your data with %s from %s\n") : _("Imported %s from %s\n"), summary, import_path);
  if (notes != NULL)
    g_print ("%s\n", notes);
  return EXIT_SUCCESS;
}

static int
validate_catalog (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr (GPtrArray) problems = voc_catalog_check_file (file);
  g_autofree char *name = g_file_get_basename (file);

  for (guint i = 0; i < problems->len; i++)
    g_print ("%s\n", (char *) g_ptr_array_index (problems, i));

  if (problems->len > 0)
    return EXIT_FAILURE;

  g_print (_("%s: valid catalog\n"), name);
  return EXIT_SUCCESS;
}

/* Command-line actions run here, before GTK is initialised, so they work
 * without a display. */
static int
voc_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  VocApplication *self = VOC_APPLICATION (app);
  g_autoptr (GError) error = NULL;
  const char *path = NULL;
  const char *role_id = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("vocation %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "validate-catalog", "^&ay", &path))
    return validate_catalog (path);

  if (g_variant_dict_lookup (options, "export-data", "^&ay", &path))
    return transfer_data (self, path, NULL, FALSE);
  if (g_variant_dict_lookup (options, "import-data", "^&ay", &path))
    return transfer_data (self, NULL, path, g_variant_dict_contains (options, "replace"));
  if (g_variant_dict_contains (options, "replace"))
    {
      print_error (_("--replace only goes with --import-data FILE"));
      return EXIT_FAILURE;
    }

  self->quit_after_first_frame = g_variant_dict_contains (options, "quit-after-first-frame");

  if (g_variant_dict_lookup (options, "catalog", "^&ay", &path))
    self->catalog_path = g_strdup (path);

  if (g_variant_dict_lookup (options, "export-radar", "&s", &role_id))
    return export_radar (self, options, role_id);
  {
    const char *const chart_options[] = { "output", "size", "compare", "no-title" };

    for (guint i = 0; i < G_N_ELEMENTS (chart_options); i++)
      if (g_variant_dict_contains (options, chart_options[i]))
        {
          g_autofree char *message =
            g_strdup_printf (_("--%s only goes with --export-radar ID"), chart_options[i]);

          print_error (message);
          return EXIT_FAILURE;
        }
  }

  if (g_variant_dict_contains (options, "list-roles"))
    {
      g_autofree char *text = NULL;

      if (!ensure_catalog (self, &error))
        {
          print_error (error->message);
          return EXIT_FAILURE;
        }
      text = voc_catalog_format_list (self->catalog);
      g_print ("%s", text);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "search", "&s", &role_id))
    {
      g_autoptr (GPtrArray) found = NULL;

      if (!ensure_catalog (self, &error))
        {
          print_error (error->message);
          return EXIT_FAILURE;
        }
      /* The same order as the Roles view and its Enter. */
      found = voc_catalog_search (self->catalog, role_id);
      for (guint i = 0; i < found->len; i++)
        g_print ("%s\t%s\n", voc_role_get_id (g_ptr_array_index (found, i)),
                 voc_role_get_name (g_ptr_array_index (found, i)));
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "show-role", "&s", &role_id))
    {
      g_autofree char *text = NULL;
      VocRole *role;

      if (!ensure_catalog (self, &error))
        {
          print_error (error->message);
          return EXIT_FAILURE;
        }
      if (!(role = lookup_role_or_complain (self, role_id)))
        return EXIT_FAILURE;
      text = voc_role_format_text (role);
      g_print ("%s", text);
      return EXIT_SUCCESS;
    }

  if (self->catalog_path != NULL && !ensure_catalog (self, &error))
    {
      print_error (error->message);
      return EXIT_FAILURE;
    }

  self->open_store_early = TRUE;
  return -1;
}

static VocStore *
app_store (VocApplication *self)
{
  return self->profile != NULL ? voc_profile_get_store (self->profile) : NULL;
}

static void
first_frame_cb (GdkFrameClock  *clock,
                VocApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
  /* tests/bench-startup.py takes launch to first frame from this, on the
   * same clock as its own (CLOCK_MONOTONIC). */
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  /* The database's check belongs to the launch too: its time to exit
   * includes it. */
  if (app_store (self) != NULL)
    voc_store_finish_check (app_store (self));
  g_application_quit (G_APPLICATION (self));
}

/* The quick_check of a large file takes tens of milliseconds of a core;
 * run beside GTK's start, it slowed the first frame, so it starts once
 * that frame is out. */
static void
check_after_frame_cb (GdkFrameClock  *clock,
                      VocApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, check_after_frame_cb, self);
  if (app_store (self) != NULL)
    voc_store_start_check (app_store (self));
}

static void
voc_application_activate (GApplication *app)
{
  VocApplication *self = VOC_APPLICATION (app);
  GtkWindow *window;
  g_autoptr (GError) error = NULL;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      if (!ensure_catalog (self, &error))
        {
          /* The built-in catalog is validated by the test suite; this only
           * happens with --catalog, which already failed above, or a broken build. */
          print_error (error->message);
          return;
        }
      ensure_profile (self);
      window = GTK_WINDOW (voc_application_new_window (self));
      gtk_window_present (window);
      voc_window_report_recovery (VOC_WINDOW (window));
    }

  gtk_window_present (window);

  if (app_store (self) != NULL && !voc_store_is_checked (app_store (self)))
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                             G_CALLBACK (check_after_frame_cb), self, 0);
  if (self->quit_after_first_frame)
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                             G_CALLBACK (first_frame_cb), self, 0);
}

/* Every way out comes here: Ctrl+Q, the menu's Quit, SIGTERM and SIGINT
 * (logout, a terminal's Ctrl+C). g_application_quit() alone ends the main
 * loop without closing the windows, so what they hold is saved first. */
static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (VOC_IS_WINDOW (l->data))
      voc_window_save (VOC_WINDOW (l->data));
  g_application_quit (G_APPLICATION (app));
}

/* Keys typed just before the signal may still wait in the queue: they are
 * handled first, so the note they went into is saved with them. */
static gboolean
quit_signal_cb (gpointer user_data)
{
  for (guint i = 0; i < 1000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "quit", NULL);
  return G_SOURCE_CONTINUE;
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Vocation developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Vocation"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Vocation developers"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "comments", _("Explore data and AI roles, compare them with your skills "
                                      "and plan what to learn next. Everything stays on your computer."),
                        "website", "https://github.com/vocationapp/vocation",
                        "issue-url", "https://github.com/vocationapp/vocation/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Vocation developers",
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
voc_application_startup (GApplication *app)
{
  static const GActionEntry actions[] = {
    { "quit", quit_activated },
    { "about", about_activated },
  };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *roles_accels[] = { "<Alt>1", NULL };
  static const char *skills_accels[] = { "<Alt>2", NULL };
  static const char *plans_accels[] = { "<Alt>3", NULL };
  VocApplication *self = VOC_APPLICATION (app);

  /* Only the first instance gets here, so only it opens the database. */
  if (self->open_store_early && self->profile == NULL && self->store_thread == NULL)
    {
      OpenResult *result = g_new0 (OpenResult, 1);

      /* A broken built-in catalog is left to ensure_catalog(), which reports it. */
      result->load_catalog = self->catalog == NULL && self->catalog_path == NULL;
      self->store_thread = g_thread_new ("vocation-open", open_early_thread, result);
    }

  G_APPLICATION_CLASS (voc_application_parent_class)->startup (app);

  /* libadwaita 1.2 makes GTK read the icon themes twice; see compat/. */
  if (self->open_store_early)
    voc_icon_theme_preload (gdk_display_get_default ());

  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), app);
  /* Only the instance with the windows: a command-line action ends by itself. */
  if (self->open_store_early)
    {
      g_unix_signal_add (SIGTERM, quit_signal_cb, app);
      g_unix_signal_add (SIGINT, quit_signal_cb, app);
      g_unix_signal_add (SIGHUP, quit_signal_cb, app);
    }
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  /* Application accelerators come before the focused widget, so these
   * work from a search entry or a level selector too. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-view::roles", roles_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-view::skills", skills_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-view::plans", plans_accels);
}

/* The windows may outlive this, and the store with them: the day's copy,
 * taken on the check's thread, must not be cut short by the exit. */
static void
voc_application_shutdown (GApplication *app)
{
  VocApplication *self = VOC_APPLICATION (app);

  if (app_store (self) != NULL)
    voc_store_join (app_store (self));

  G_APPLICATION_CLASS (voc_application_parent_class)->shutdown (app);
}

static void
voc_application_finalize (GObject *object)
{
  VocApplication *self = VOC_APPLICATION (object);

  if (self->store_thread != NULL)
    open_result_free (g_thread_join (g_steal_pointer (&self->store_thread)));
  g_clear_object (&self->early_store);
  g_clear_error (&self->early_error);
  g_clear_object (&self->catalog);
  g_clear_object (&self->profile);
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->catalog_path, g_free);

  G_OBJECT_CLASS (voc_application_parent_class)->finalize (object);
}

static void
voc_application_class_init (VocApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = voc_application_finalize;
  app_class->handle_local_options = voc_application_handle_local_options;
  app_class->startup = voc_application_startup;
  app_class->activate = voc_application_activate;
  app_class->shutdown = voc_application_shutdown;
}

static void
voc_application_init (VocApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Explore data and AI roles and plan your move into one."));
}

VocApplication *
voc_application_new (void)
{
  return g_object_new (VOC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/* Replaces the catalog for windows opened from now on. */
void
voc_application_set_catalog (VocApplication *self,
                             VocCatalog     *catalog)
{
  g_return_if_fail (VOC_IS_APPLICATION (self));
  g_return_if_fail (VOC_IS_CATALOG (catalog));

  g_set_object (&self->catalog, catalog);
}

VocProfile *
voc_application_get_profile (VocApplication *self)
{
  g_return_val_if_fail (VOC_IS_APPLICATION (self), NULL);

  return ensure_profile (self);
}

void
voc_application_set_profile (VocApplication *self,
                             VocProfile     *profile)
{
  g_return_if_fail (VOC_IS_APPLICATION (self));
  g_return_if_fail (VOC_IS_PROFILE (profile));

  g_set_object (&self->profile, profile);
  g_clear_error (&self->store_error);
}

const GError *
voc_application_get_store_error (VocApplication *self)
{
  g_return_val_if_fail (VOC_IS_APPLICATION (self), NULL);

  return self->store_error;
}

VocCatalog *
voc_application_get_catalog (VocApplication *self)
{
  g_return_val_if_fail (VOC_IS_APPLICATION (self), NULL);

  return self->catalog;
}

VocWindow *
voc_application_new_window (VocApplication *self)
{
  const GError *problem;

  g_return_val_if_fail (VOC_IS_APPLICATION (self), NULL);

  problem = voc_application_get_store_error (self);
  return voc_window_new (GTK_APPLICATION (self), voc_application_get_catalog (self),
                         voc_application_get_profile (self), problem ? problem->message : NULL);
}
