/* voc-store-notes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "voc-store-notes.h"
#include "voc-store-private.h"

void
voc_note_free (VocNote *note)
{
  if (note == NULL)
    return;
  g_free (note->subject_id);
  g_free (note->body);
  g_free (note);
}

static const char *const subject_names[] = {
  [VOC_NOTE_ROLE] = "role",
  [VOC_NOTE_PLAN] = "plan",
  [VOC_NOTE_GOAL] = "goal",
};

const char *
voc_note_subject_to_string (VocNoteSubject subject)
{
  return (guint) subject < G_N_ELEMENTS (subject_names) ? subject_names[subject] : NULL;
}

gboolean
voc_note_subject_from_string (const char     *text,
                              VocNoteSubject *subject)
{
  for (guint i = 0; i < G_N_ELEMENTS (subject_names); i++)
    if (g_strcmp0 (text, subject_names[i]) == 0)
      {
        *subject = (VocNoteSubject) i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
check_kind (VocNoteSubject   kind,
            GError         **error)
{
  if (voc_note_subject_to_string (kind) != NULL)
    return TRUE;
  g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_INVALID,
               _("Notes belong to a role, a plan or a goal, not to subject %d"), (int) kind);
  return FALSE;
}

static VocNote *
read_note (sqlite3_stmt *stmt)
{
  VocNote *note = g_new0 (VocNote, 1);

  /* The schema's CHECK admits only these. */
  if (!voc_note_subject_from_string ((const char *) sqlite3_column_text (stmt, 0), &note->subject_kind))
    note->subject_kind = VOC_NOTE_ROLE;
  note->subject_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  note->body = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  note->created_at = sqlite3_column_int64 (stmt, 3);
  note->updated_at = sqlite3_column_int64 (stmt, 4);
  return note;
}

VocNote *
voc_store_get_note (VocStore    *self,
                    VocNoteSubject  subject_kind,
                    const char  *subject_id,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  VocNote *note = NULL;
  int rc;

  g_return_val_if_fail (VOC_IS_STORE (self), NULL);
  g_return_val_if_fail (subject_id != NULL, NULL);

  if (!check_kind (subject_kind, error))
    return NULL;
  if (!(stmt = _voc_store_prepare (self,
                                   "SELECT subject_kind, subject_id, body, created_at, updated_at FROM note "
                                   "WHERE subject_kind = ?1 AND subject_id = ?2", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, voc_note_subject_to_string (subject_kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, subject_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    note = read_note (stmt);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _voc_store_fail (self, error, VOC_STORE_ERROR_QUERY, _("cannot read the note"));
  return note;
}

gboolean
voc_store_save_note (VocStore    *self,
                     VocNoteSubject  subject_kind,
                     const char  *subject_id,
                     const char  *body,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VOC_IS_STORE (self), FALSE);
  g_return_val_if_fail (subject_id != NULL, FALSE);

  if (!check_kind (subject_kind, error))
    return FALSE;

  if (body == NULL || *body == '\0')
    {
      if (!(stmt = _voc_store_prepare (self, "DELETE FROM note WHERE subject_kind = ?1 AND subject_id = ?2", error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, voc_note_subject_to_string (subject_kind), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, subject_id, -1, SQLITE_TRANSIENT);
      return _voc_store_step_done (self, stmt, error);
    }

  if (!g_utf8_validate (body, -1, NULL))
    {
      g_set_error (error, VOC_STORE_ERROR, VOC_STORE_ERROR_INVALID, _("A note must be valid UTF-8 text"));
      return FALSE;
    }

  /* One statement: the first save sets created_at, later ones only updated_at. */
  if (!(stmt = _voc_store_prepare (self,
                                   "INSERT INTO note (subject_kind, subject_id, body, created_at, updated_at) "
                                   "VALUES (?1, ?2, ?3, ?4, ?4) "
                                   "ON CONFLICT (subject_kind, subject_id) DO UPDATE SET "
                                   "body = excluded.body, updated_at = excluded.updated_at", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, voc_note_subject_to_string (subject_kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, subject_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, body, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time ());
  return _voc_store_step_done (self, stmt, error);
}

/* @text as it compares: composed the same way, case folded. */
static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal ? normal : "", -1);
}

static gboolean
is_ascii (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p; p++)
    if (*p >= 0x80)
      return FALSE;
  return TRUE;
}

/* Whether @haystack holds @needle (lower case), ignoring ASCII case. */
static gboolean
ascii_contains (const char *haystack,
                const char *needle)
{
  for (const char *h = haystack; *h; h++)
    {
      const char *a = h, *b = needle;

      while (*a && *b && g_ascii_tolower (*a) == *b)
        a++, b++;
      if (*b == '\0')
        return TRUE;
    }
  return FALSE;
}

/* voc_contains(body, folded query): 1 when the body holds the query. */
static void
contains_func (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  const char *body = (const char *) sqlite3_value_text (argv[0]);
  const char *query = (const char *) sqlite3_value_text (argv[1]);
  g_autofree char *folded = NULL;

  if (query == NULL || *query == '\0')
    {
      sqlite3_result_int (context, 1);
      return;
    }
  if (body == NULL)
    {
      sqlite3_result_int (context, 0);
      return;
    }
  /* Most notes are ASCII, and so folded with a byte compare: ten times
   * faster than normalising and folding each of a hundred thousand. */
  if (is_ascii (body))
    {
      sqlite3_result_int (context, is_ascii (query) && ascii_contains (body, query));
      return;
    }
  if (!g_utf8_validate (body, -1, NULL))
    {
      sqlite3_result_int (context, 0);
      return;
    }
  folded = fold (body);
  sqlite3_result_int (context, strstr (folded, query) != NULL);
}

GPtrArray *
voc_store_search_notes (VocStore    *self,
                        const char  *query,
                        GError     **error)
{
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func ((GDestroyNotify) voc_note_free);
  g_autofree char *folded = fold (query ? query : "");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VOC_IS_STORE (self), NULL);

  /* SQLite's LIKE ignores case for ASCII letters only; "é" must find "É". */
  sqlite3_create_function_v2 (self->db, "voc_contains", 2,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, NULL,
                              contains_func, NULL, NULL, NULL);
  if (!(stmt = _voc_store_prepare (self,
                                   "SELECT subject_kind, subject_id, body, created_at, updated_at FROM note "
                                   "WHERE voc_contains (body, ?1) ORDER BY updated_at DESC", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, folded, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (notes, read_note (stmt));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _voc_store_fail (self, error, VOC_STORE_ERROR_QUERY, _("cannot search the notes"));
      return NULL;
    }
  return g_steal_pointer (&notes);
}

/* @text as characters, every run of white space one space, none at the ends. */
static gunichar *
collapse_spaces (const char *text,
                 glong      *length)
{
  gunichar *chars = g_utf8_to_ucs4_fast (text ? text : "", -1, NULL);
  glong n = 0;

  for (glong i = 0; chars[i]; i++)
    {
      if (!g_unichar_isspace (chars[i]))
        chars[n++] = chars[i];
      else if (n > 0 && chars[n - 1] != ' ')
        chars[n++] = ' ';
    }
  if (n > 0 && chars[n - 1] == ' ')
    n--;
  chars[n] = 0;
  *length = n;
  return chars;
}

static glong
find_folded (const gunichar *text,
             glong           n_text,
             const gunichar *needle,
             glong           n_needle)
{
  for (glong i = 0; n_needle > 0 && i + n_needle <= n_text; i++)
    {
      glong j = 0;

      while (j < n_needle && g_unichar_tolower (text[i + j]) == g_unichar_tolower (needle[j]))
        j++;
      if (j == n_needle)
        return i;
    }
  return -1;
}

char *
voc_note_excerpt (const char *body,
                  const char *query,
                  guint       width,
                  glong      *match_start,
                  glong      *match_length)
{
  g_autofree gunichar *text = NULL;
  g_autofree gunichar *needle = NULL;
  g_autofree char *middle = NULL;
  glong n_text, n_needle, at, start, end;

  g_return_val_if_fail (width > 0, NULL);

  text = collapse_spaces (body, &n_text);
  needle = collapse_spaces (query, &n_needle);
  at = find_folded (text, n_text, needle, n_needle);
  if (at < 0)
    n_needle = 0;

  /* A third of the line before the match, the rest after it; at a word
   * boundary when one is near. */
  start = at > (glong) width / 3 ? at - (glong) width / 3 : 0;
  end = MIN (n_text, start + MAX ((glong) width, n_needle));
  if (end - start < (glong) width)
    start = MAX (0, end - (glong) width);
  if (start > 0)
    for (glong i = start; i < start + 12 && i < MAX (at, start); i++)
      if (text[i] == ' ')
        {
          start = i + 1;
          break;
        }
  if (end < n_text)
    for (glong i = end; i > end - 12 && i > at + n_needle; i--)
      if (text[i] == ' ')
        {
          end = i;
          break;
        }

  middle = g_ucs4_to_utf8 (text + start, end - start, NULL, NULL, NULL);
  if (match_start)
    *match_start = at >= 0 ? at - start + (start > 0 ? 1 : 0) : 0;
  if (match_length)
    *match_length = n_needle;
  return g_strconcat (start > 0 ? "…" : "", middle, end < n_text ? "…" : "", NULL);
}
