/* voc-note-editor.h: a plain-text note, saved while you type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "voc-store-notes.h"

G_BEGIN_DECLS

#define VOC_TYPE_NOTE_EDITOR (voc_note_editor_get_type ())
G_DECLARE_FINAL_TYPE (VocNoteEditor, voc_note_editor, VOC, NOTE_EDITOR, GtkWidget)

GtkWidget *voc_note_editor_new         (void);
/* Saves what is pending for the old subject, then shows @kind/@subject_id. */
void       voc_note_editor_set_subject (VocNoteEditor *self,
                                        VocStore      *store,
                                        VocNoteSubject kind,
                                        const char    *subject_id);
/* Writes pending keystrokes now (also done on a pause, on hide and on close). */
void       voc_note_editor_flush       (VocNoteEditor *self);
GtkTextBuffer *voc_note_editor_get_buffer (VocNoteEditor *self);

G_END_DECLS
