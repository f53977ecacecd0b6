/* voc-window-transfer.c: Export Data… and Import Data…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both run on a thread, through a connection of their own to the data
 * file, so the window goes on drawing and answering: the 41 MB data set
 * of the benchmark takes seconds to merge. One that takes longer than a
 * moment shows its progress in a dialog with Cancel, and a cancelled one
 * writes nothing. The dialog is modal: nothing else changes the data
 * while the transfer writes it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "voc-a11y.h"
#include "voc-file-chooser.h"
#include "voc-store-transfer.h"
#include "voc-window-private.h"

/* Quicker than this, no progress dialog is worth showing. */
#define SHOW_PROGRESS_AFTER_MS 300

typedef enum
{
  TRANSFER_EXPORT,
  TRANSFER_CHECK,   /* an import checked before it is asked how to import */
  TRANSFER_IMPORT,
} TransferKind;

typedef struct
{
  VocWindow         *window;      /* owned */
  TransferKind       kind;
  VocImportMode      mode;
  GFile             *file;
  char              *path;
  char              *name;        /* for the messages: the file's name */
  char              *db_path;
  GHashTable        *known;       /* the catalog's skill ids */
  GCancellable      *cancellable;
  gint               permille;    /* atomic: the progress, 0-1000 */
  VocTransferCounts  counts;
  GError            *error;
  AdwMessageDialog  *dialog;      /* the progress, once shown */
  GtkProgressBar    *bar;
  guint              show_id;
  guint              tick_id;
} Transfer;

static void
transfer_free (Transfer *t)
{
  g_clear_handle_id (&t->show_id, g_source_remove);
  g_clear_handle_id (&t->tick_id, g_source_remove);
  if (t->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (t->dialog));
  g_clear_object (&t->window);
  g_clear_object (&t->file);
  g_clear_object (&t->cancellable);
  g_clear_pointer (&t->known, g_hash_table_unref);
  g_clear_error (&t->error);
  g_free (t->path);
  g_free (t->name);
  g_free (t->db_path);
  g_free (t);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Transfer, transfer_free)

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Transfer *t = user_data;

  g_atomic_int_set (&t->permille, (gint) CLAMP (fraction * 1000, 0, 1000));
}

/* The thread: a connection of its own, so the window's stays free. */
static void
transfer_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Transfer *t = task_data;
  VocTransferOptions options = { t->known, t->cancellable, progress_cb, t };
  g_autoptr (VocStore) store = voc_store_open (t->db_path, &t->error);
  gboolean ok = FALSE;

  if (store != NULL)
    {
      if (t->kind == TRANSFER_EXPORT)
        ok = voc_store_export_data_full (store, t->path, &options, &t->counts, &t->error);
      else
        ok = voc_store_import_data_full (store, t->path, t->kind == TRANSFER_CHECK ? VOC_IMPORT_CHECK : t->mode,
                                         &options, &t->counts, &t->error);
    }
  g_task_return_boolean (task, ok);
}

static gboolean
tick_cb (gpointer data)
{
  Transfer *t = data;

  if (t->bar != NULL)
    gtk_progress_bar_set_fraction (t->bar, g_atomic_int_get (&t->permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
progress_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      Transfer         *t)
{
  /* Closed or Cancel: stop, with nothing written; the dialog stays until
   * the thread has stopped, saying so. */
  g_cancellable_cancel (t->cancellable);
  adw_message_dialog_set_body (dialog, _("Cancelling…"));
  adw_message_dialog_set_response_enabled (dialog, "cancel", FALSE);
}

static gboolean
stay_open_cb (GtkWindow *window)
{
  return TRUE;
}

static gboolean
show_progress_cb (gpointer data)
{
  Transfer *t = data;
  g_autofree char *heading = NULL;
  const char *body;
  GtkWidget *dialog;

  t->show_id = 0;
  switch (t->kind)
    {
    case TRANSFER_EXPORT:
      heading = g_strdup_printf (_("Exporting to “%s”"), t->name);
      body = _("Writing your ratings, plans and notes…");
      break;
    case TRANSFER_CHECK:
      heading = g_strdup_printf (_("Checking “%s”"), t->name);
      body = _("Reading the whole file before anything is imported…");
      break;
    case TRANSFER_IMPORT:
    default:
      heading = g_strdup_printf (_("Importing “%s”"), t->name);
      body = t->mode == VOC_IMPORT_REPLACE ? _("Replacing your data…") : _("Adding to your data…");
      break;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (t->window), heading, body);
  t->dialog = ADW_MESSAGE_DIALOG (dialog);
  t->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (t->bar), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  gtk_progress_bar_set_fraction (t->bar, g_atomic_int_get (&t->permille) / 1000.0);
  adw_message_dialog_set_extra_child (t->dialog, GTK_WIDGET (t->bar));
  adw_message_dialog_add_response (t->dialog, "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (t->dialog, "cancel");
  /* Answering closes a message dialog; this one stays until the work is done. */
  g_signal_connect (dialog, "response", G_CALLBACK (progress_response_cb), t);
  g_signal_connect (dialog, "close-request", G_CALLBACK (stay_open_cb), NULL);
  voc_a11y_name_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  t->tick_id = g_timeout_add (100, tick_cb, t);
  return G_SOURCE_REMOVE;
}

static void transfer_start (Transfer *t);

/* Says what is wrong with the file, that nothing changed and what to do. */
static void
show_import_error (VocWindow    *self,
                   const char   *name,
                   const GError *error)
{
  g_autofree char *message = NULL;
  g_autoptr (GString) body = g_string_new (NULL);
  g_auto (GStrv) lines = g_strsplit (error ? error->message : _("not a local file"), "\n", 0);
  guint n = g_strv_length (lines);
  GtkWidget *dialog;

  /* A long list of problems is cut; the command line prints them all. */
  for (guint i = 0; i < MIN (n, 8); i++)
    g_string_append_printf (body, "%s%s", i ? "\n" : "", lines[i]);
  if (n > 8)
    g_string_append_printf (body, "\n%s", _("… and more; “vocation --import-data FILE” lists them all."));
  g_string_append_printf (body, "\n\n%s", _("Nothing was imported; your data is unchanged."));
  /* What to do about it, not only what is wrong. */
  if (g_error_matches (error, VOC_STORE_ERROR, VOC_STORE_ERROR_IMPORT))
    g_string_append_printf (body, " %s", _("Choose a file made with “Export Data…” and not changed since, "
                                           "or export your data again."));

  message = g_strdup_printf (_("Cannot Import “%s”"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), message, body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  voc_a11y_name_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_mode_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         Transfer         *t)
{
  g_autoptr (Transfer) owned = t;

  if (!g_str_equal (response, "merge") && !g_str_equal (response, "replace"))
    {
      _voc_window_transfer_finished (t->window, FALSE);
      return;
    }
  t->kind = TRANSFER_IMPORT;
  t->mode = g_str_equal (response, "replace") ? VOC_IMPORT_REPLACE : VOC_IMPORT_MERGE;
  transfer_start (g_steal_pointer (&owned));
}

/* The file is good: how to import it? Adding is the safe choice and the
 * default; replacing says what it costs. */
static void
ask_import_mode (Transfer *t)
{
  g_autofree char *summary = voc_transfer_counts_describe (&t->counts);
  g_autofree char *heading = g_strdup_printf (_("Import “%s”?"), t->name);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is e.g. "12 ratings, 2 plans, 9 goals, 30 steps and 4 notes" */
  body = g_strdup_printf (_("It holds %s. Add them to your data, or replace all your data with them. "
                            "Plans you already have are not added twice. Before anything changes, "
                            "Vocation saves a copy of your data in its snapshots folder."), summary);
  dialog = adw_message_dialog_new (GTK_WINDOW (t->window), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace All"),
                                    "merge", _("_Add to My Data"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "merge");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (import_mode_response_cb), t);
  voc_a11y_name_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
transfer_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  /* The transfer is this callback's now, unless it goes on to an import. */
  g_autoptr (Transfer) t = user_data;
  VocWindow *self = t->window;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), NULL);
  g_autofree char *summary = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *message = NULL;
  g_autoptr (GError) error = NULL;

  g_clear_handle_id (&t->show_id, g_source_remove);
  g_clear_handle_id (&t->tick_id, g_source_remove);
  if (t->dialog != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (t->dialog));
      t->dialog = NULL;
      t->bar = NULL;
    }

  if (g_error_matches (t->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      _voc_window_toast (self, t->kind == TRANSFER_EXPORT ? _("Export cancelled; nothing was written")
                                                          : _("Import cancelled; your data is unchanged"),
                         NULL, NULL, NULL);
      _voc_window_transfer_finished (self, FALSE);
      return;
    }

  summary = voc_transfer_counts_describe (&t->counts);
  notes = voc_transfer_counts_describe_notes (&t->counts);
  switch (t->kind)
    {
    case TRANSFER_EXPORT:
      if (!ok)
        message = g_strdup_printf (_("Cannot export to “%s”: %s"), t->name, t->error->message);
      else
        /* Translators: the first %s is e.g. "12 ratings, 2 plans, 9 goals, 30 steps and 4 notes" */
        message = g_strdup_printf (_("Exported %s to “%s”"), summary, t->name);
      _voc_window_toast (self, message, NULL, NULL, NULL);
      _voc_window_transfer_finished (self, ok);
      return;

    case TRANSFER_CHECK:
      if (!ok)
        {
          show_import_error (self, t->name, t->error);
          _voc_window_transfer_finished (self, FALSE);
          return;
        }
      ask_import_mode (g_steal_pointer (&t));
      return;

    case TRANSFER_IMPORT:
    default:
      if (!ok)
        {
          show_import_error (self, t->name, t->error);
          _voc_window_transfer_finished (self, FALSE);
          return;
        }
      /* Another connection wrote it: everything shown is read again. */
      voc_store_changed_elsewhere (_voc_window_get_store (self));
      if (!voc_profile_reload (_voc_window_get_profile (self), &error))
        _voc_window_toast (self, error->message, NULL, NULL, NULL);
      if (t->mode == VOC_IMPORT_MERGE && voc_transfer_counts_is_empty (&t->counts))
        message = g_strdup_printf (_("Nothing was added: your data already holds all of “%s”"), t->name);
      else
        message = g_strdup_printf (t->mode == VOC_IMPORT_REPLACE ? _("Replaced your data with %s")
                                                                 : _("Imported %s"), summary);
      if (notes != NULL)
        {
          g_autofree char *both = g_strconcat (message, ". ", notes, NULL);

          g_free (message);
          message = g_steal_pointer (&both);
        }
      _voc_window_toast (self, message, NULL, NULL, NULL);
      _voc_window_transfer_finished (self, TRUE);
      return;
    }
}

static void
transfer_start (Transfer *t)
{
  g_autoptr (GTask) task = g_task_new (NULL, NULL, transfer_done_cb, t);

  g_atomic_int_set (&t->permille, 0);
  g_clear_error (&t->error);
  g_clear_object (&t->cancellable);
  t->cancellable = g_cancellable_new ();
  t->counts = (VocTransferCounts) { 0 };
  t->show_id = g_timeout_add (SHOW_PROGRESS_AFTER_MS, show_progress_cb, t);
  g_task_set_task_data (task, t, NULL);
  g_task_run_in_thread (task, transfer_thread);
}

static Transfer *
transfer_new (VocWindow    *self,
              GFile        *file,
              TransferKind  kind,
              GError      **error)
{
  VocStore *store = _voc_window_get_store (self);
  Transfer *t;

  if (store == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           kind == TRANSFER_EXPORT ? _("There is no saved data to export")
                                                   : _("Your data cannot be saved, so nothing can be imported"));
      return NULL;
    }
  t = g_new0 (Transfer, 1);
  t->window = g_object_ref (self);
  t->kind = kind;
  t->file = g_object_ref (file);
  t->path = g_file_get_path (file);
  t->name = g_file_get_basename (file);
  t->db_path = g_strdup (voc_store_get_path (store));
  t->known = voc_catalog_dup_skill_ids (_voc_window_get_catalog (self));
  if (t->path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("not a local file"));
      transfer_free (t);
      return NULL;
    }
  return t;
}

void
voc_window_export_data (VocWindow *self,
                        GFile     *file)
{
  g_autoptr (GError) error = NULL;
  Transfer *t;

  g_return_if_fail (VOC_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* The notes typed a moment ago go into the file too. */
  _voc_window_save_notes (self);
  if (!(t = transfer_new (self, file, TRANSFER_EXPORT, &error)))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = g_strdup_printf (_("Cannot export to “%s”: %s"), name, error->message);

      _voc_window_toast (self, message, NULL, NULL, NULL);
      _voc_window_transfer_finished (self, FALSE);
      return;
    }
  transfer_start (t);
}

static void
start_import (VocWindow    *self,
              GFile        *file,
              TransferKind  kind,
              VocImportMode mode)
{
  g_autoptr (GError) error = NULL;
  Transfer *t;

  /* Leaving the page saves any note being typed before the data changes. */
  _voc_window_leave_pages (self);
  if (!(t = transfer_new (self, file, kind, &error)))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
        {
          g_autofree char *name = g_file_get_basename (file);

          show_import_error (self, name, error);
        }
      else
        _voc_window_toast (self, error->message, NULL, NULL, NULL);
      _voc_window_transfer_finished (self, FALSE);
      return;
    }
  t->mode = mode;
  transfer_start (t);
}

void
voc_window_import_data (VocWindow *self,
                        GFile     *file,
                        gboolean   replace)
{
  g_return_if_fail (VOC_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  start_import (self, file, TRANSFER_IMPORT, replace ? VOC_IMPORT_REPLACE : VOC_IMPORT_MERGE);
}

void
voc_window_check_and_import_data (VocWindow *self,
                                  GFile     *file)
{
  g_return_if_fail (VOC_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  start_import (self, file, TRANSFER_CHECK, VOC_IMPORT_MERGE);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    VocWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        voc_window_export_data (self, file);
    }
  g_object_unref (chooser);
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    VocWindow       *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    voc_window_check_and_import_data (self, file);
  g_object_unref (chooser);
}

void
_voc_window_choose_export (VocWindow *self)
{
  const char *const filters[] = { _("Vocation Data (JSON)"), "*.json", NULL };
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, "vocation-data-%Y-%m-%d.json");
  GtkFileChooserNative *chooser;

  chooser = voc_file_chooser_new (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Data"), _("_Export"),
                                  G_USER_DIRECTORY_DOCUMENTS, name, filters);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_voc_window_choose_import (VocWindow *self)
{
  const char *const filters[] = { _("Vocation Data (JSON)"), "*.json", NULL };
  GtkFileChooserNative *chooser;

  chooser = voc_file_chooser_new (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN, _("Import Data"), _("_Import"),
                                  G_USER_DIRECTORY_DOCUMENTS, NULL, filters);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
