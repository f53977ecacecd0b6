/* voc-store-notes.h: plain-text notes on a role, a plan or a goal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "voc-store.h"

G_BEGIN_DECLS

/* What a note is on. */
typedef enum
{
  VOC_NOTE_ROLE,
  VOC_NOTE_PLAN,
  VOC_NOTE_GOAL,
} VocNoteSubject;

/* "role", "plan" or "goal", as the database and exports write it; NULL
 * for a value that is none of them. */
const char *voc_note_subject_to_string   (VocNoteSubject  subject);
/* FALSE if @text is none of them. */
gboolean    voc_note_subject_from_string (const char     *text,
                                          VocNoteSubject *subject);

typedef struct
{
  VocNoteSubject subject_kind;
  char          *subject_id;    /* a role id, or a plan or goal row id as text */
  char          *body;
  gint64         created_at;    /* µs since the epoch */
  gint64         updated_at;
} VocNote;

void       voc_note_free           (VocNote     *note);

/* The note on a subject, or NULL (and no error) when it has none. */
VocNote   *voc_store_get_note      (VocStore    *self,
                                    VocNoteSubject  subject_kind,
                                    const char  *subject_id,
                                    GError     **error);
/* Creates or updates the note; an empty @body deletes it. */
gboolean   voc_store_save_note     (VocStore    *self,
                                    VocNoteSubject  subject_kind,
                                    const char  *subject_id,
                                    const char  *body,
                                    GError     **error);
/* Of VocNote: every note containing @query (any case), newest edit first. */
GPtrArray *voc_store_search_notes  (VocStore    *self,
                                    const char  *query,
                                    GError     **error);

/* One line of @body around the first @query (any case), about @width
 * characters long: runs of spaces and line breaks become one space, and
 * "…" marks where it was cut. Where @query is, in characters of the
 * result, goes to @match_start and @match_length (both 0 if it is not
 * there; then the excerpt is the start of @body). */
char      *voc_note_excerpt        (const char  *body,
                                    const char  *query,
                                    guint        width,
                                    glong       *match_start,
                                    glong       *match_length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VocNote, voc_note_free)

G_END_DECLS
