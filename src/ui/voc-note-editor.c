/* voc-note-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No Save button: a pause in typing saves, and so do hiding the editor,
 * changing its subject and closing the window, so the last keystrokes
 * are never lost.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "voc-dates.h"
#include "voc-note-editor.h"
#include "voc-store-notes.h"

#define SAVE_DELAY_MS 400

struct _VocNoteEditor
{
  GtkWidget parent_instance;

  GtkTextView *view;
  GtkLabel    *status;

  VocStore    *store;
  VocNoteSubject kind;
  char        *subject_id;
  guint        save_id;
  gboolean     pending;
  gboolean     loading;
};

G_DEFINE_FINAL_TYPE (VocNoteEditor, voc_note_editor, GTK_TYPE_WIDGET)

static void
show_times (VocNoteEditor *self,
            const VocNote *note)
{
  g_autofree char *created = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *text = NULL;

  if (note == NULL)
    {
      gtk_label_set_label (self->status, _("Notes are saved as you type"));
      return;
    }
  created = voc_format_moment (note->created_at);
  edited = voc_format_moment (note->updated_at);
  text = note->created_at == note->updated_at
           ? g_strdup_printf (_("Written %s"), created)
           : g_strdup_printf (_("Written %s · edited %s"), created, edited);
  gtk_label_set_label (self->status, text);
}

void
voc_note_editor_flush (VocNoteEditor *self)
{
  g_autoptr (GError) read_error = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (VocNote) note = NULL;
  g_autofree char *body = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (VOC_IS_NOTE_EDITOR (self));

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (!self->pending || self->store == NULL || self->subject_id == NULL)
    return;

  buffer = gtk_text_view_get_buffer (self->view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  if (!voc_store_save_note (self->store, self->kind, self->subject_id, body, &error))
    {
      /* The text stays in the editor, and the next keystroke tries again. */
      g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);
      gtk_label_set_label (self->status, message);
      return;
    }
  self->pending = FALSE;
  note = voc_store_get_note (self->store, self->kind, self->subject_id, &read_error);
  voc_store_log_error ("reading the note just saved", read_error);
  show_times (self, note);
}

static gboolean
save_cb (gpointer data)
{
  VocNoteEditor *self = data;

  self->save_id = 0;
  voc_note_editor_flush (self);
  return G_SOURCE_REMOVE;
}

static void
changed_cb (VocNoteEditor *self)
{
  if (self->loading)
    return;
  self->pending = TRUE;
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
}

static void
voc_note_editor_unmap (GtkWidget *widget)
{
  voc_note_editor_flush (VOC_NOTE_EDITOR (widget));

  GTK_WIDGET_CLASS (voc_note_editor_parent_class)->unmap (widget);
}

/* Focusing the editor puts the cursor in its text. Shift+Tab out of the
 * text asks the editor for the focus on its way back; handing it to the
 * text again would keep the keyboard in the note. */
static gboolean
voc_note_editor_grab_focus (GtkWidget *widget)
{
  GtkWidget *view = GTK_WIDGET (VOC_NOTE_EDITOR (widget)->view);

  if (gtk_widget_has_focus (view))
    return FALSE;
  return gtk_widget_grab_focus (view);
}

static void
voc_note_editor_dispose (GObject *object)
{
  VocNoteEditor *self = VOC_NOTE_EDITOR (object);
  GtkWidget *child;

  voc_note_editor_flush (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (voc_note_editor_parent_class)->dispose (object);
}

static void
voc_note_editor_finalize (GObject *object)
{
  VocNoteEditor *self = VOC_NOTE_EDITOR (object);

  g_clear_pointer (&self->subject_id, g_free);

  G_OBJECT_CLASS (voc_note_editor_parent_class)->finalize (object);
}

static void
voc_note_editor_class_init (VocNoteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = voc_note_editor_dispose;
  object_class->finalize = voc_note_editor_finalize;
  widget_class->unmap = voc_note_editor_unmap;
  widget_class->grab_focus = voc_note_editor_grab_focus;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "noteeditor");
}

static void
voc_note_editor_init (VocNoteEditor *self)
{
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);

  self->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->view, GTK_WRAP_WORD_CHAR);
  /* A note is a field on a page: Tab goes on to the next control rather
   * than typing a tab and keeping the keyboard here. */
  gtk_text_view_set_accepts_tab (self->view, FALSE);
  gtk_text_view_set_top_margin (self->view, 12);
  gtk_text_view_set_bottom_margin (self->view, 12);
  gtk_text_view_set_left_margin (self->view, 12);
  gtk_text_view_set_right_margin (self->view, 12);
  gtk_widget_set_size_request (GTK_WIDGET (self->view), -1, 96);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Notes"), -1);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->view));
  gtk_widget_add_css_class (frame, "view");
  gtk_widget_add_css_class (frame, "note-frame");
  gtk_widget_set_parent (frame, GTK_WIDGET (self));

  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->status, 0);
  /* Both dates are long: the caption wraps rather than widen a narrow window. */
  gtk_label_set_wrap (self->status, TRUE);
  gtk_label_set_wrap_mode (self->status, PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "dim-label");
  gtk_widget_set_parent (GTK_WIDGET (self->status), GTK_WIDGET (self));

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->view), "changed", G_CALLBACK (changed_cb), self);
}

GtkWidget *
voc_note_editor_new (void)
{
  return g_object_new (VOC_TYPE_NOTE_EDITOR, NULL);
}

void
voc_note_editor_set_subject (VocNoteEditor *self,
                             VocStore      *store,
                             VocNoteSubject kind,
                             const char    *subject_id)
{
  g_autoptr (VocNote) note = NULL;

  g_return_if_fail (VOC_IS_NOTE_EDITOR (self));

  voc_note_editor_flush (self);
  g_set_object (&self->store, store);
  self->kind = kind;
  g_free (self->subject_id);
  self->subject_id = g_strdup (subject_id);

  if (store != NULL && subject_id != NULL)
    {
      g_autoptr (GError) error = NULL;

      note = voc_store_get_note (store, kind, subject_id, &error);
      voc_store_log_error ("reading a note", error);
    }

  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->view), note ? note->body : "", -1);
  self->loading = FALSE;
  self->pending = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->view), store != NULL);
  show_times (self, note);
}

GtkTextBuffer *
voc_note_editor_get_buffer (VocNoteEditor *self)
{
  g_return_val_if_fail (VOC_IS_NOTE_EDITOR (self), NULL);

  return gtk_text_view_get_buffer (self->view);
}
