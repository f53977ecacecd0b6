/* voc-store.h: everything the user enters, in one SQLite database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define VOC_STORE_ERROR (voc_store_error_quark ())

typedef enum
{
  VOC_STORE_ERROR_OPEN,       /* the file or folder cannot be created or opened */
  VOC_STORE_ERROR_TOO_NEW,    /* made by a newer Vocation; left untouched */
  VOC_STORE_ERROR_MIGRATION,
  VOC_STORE_ERROR_QUERY,
  VOC_STORE_ERROR_INVALID,    /* a value out of range was passed */
  VOC_STORE_ERROR_IMPORT,     /* a data file to import has problems; nothing was written */
  VOC_STORE_ERROR_READ_ONLY,  /* the data can be read, not changed (a read-only file or disk) */
} VocStoreError;

/* A skill's rating. level is -1 when the skill is not rated. */
typedef struct
{
  char   *skill_id;
  int     level;
  gboolean relevant;
  gint64  updated_at;         /* µs since the epoch, UTC */
} VocRating;

void       voc_rating_free            (VocRating *rating);

#define VOC_TYPE_STORE (voc_store_get_type ())
G_DECLARE_FINAL_TYPE (VocStore, voc_store, VOC, STORE, GObject)

GQuark     voc_store_error_quark      (void);

/* $XDG_DATA_HOME/vocation/vocation.db */
char      *voc_store_default_path     (void);
/* Opens (creating when missing, folder 0700 and files 0600) and migrates. */
VocStore  *voc_store_open             (const char  *path,
                                       GError     **error);
/* For the window's start: opens a file this version wrote without its
 * quick_check, which voc_store_start_check() runs in a thread (after the
 * first frame). Reading goes on meanwhile; anything that writes waits for
 * the result. Any other file is checked here, as voc_store_open() does. */
VocStore  *voc_store_open_unchecked   (const char  *path,
                                       GError     **error);
void       voc_store_start_check      (VocStore    *self);
/* Waits for the check and handles its result; the main context does this
 * by itself when the check ends. A damaged file is then replaced as at
 * open, ::recovered is emitted and TRUE returned. */
gboolean   voc_store_finish_check     (VocStore    *self);
/* Waits for what the store does on a thread of its own (the check and
 * the day's copy) to end, without handling the check's result: for the
 * application's shutdown, so that a copy is never cut short. */
void       voc_store_join             (VocStore    *self);
/* FALSE while the check of an unchecked store is pending or unhandled. */
gboolean   voc_store_is_checked       (VocStore    *self);
const char *voc_store_get_path        (VocStore    *self);
/* When the file was damaged at open: what Vocation did about it, in words
 * for the user (where the old file is, what was restored); else NULL. */
const char *voc_store_get_recovery_note (VocStore  *self);
/* Why the data can be read and exported but not changed ("the folder is
 * on a read-only disk"), or NULL. */
const char *voc_store_get_read_only   (VocStore    *self);
/* Saves a consistent copy in the snapshots folder beside the database,
 * keeping the newest five. Taken before migrations and at most daily. */
gboolean   voc_store_snapshot         (VocStore    *self,
                                       GError     **error);
int        voc_store_get_schema_version (VocStore  *self);
/* Another connection (a thread's import) changed the data: emits
 * ::plans-changed so what shows it is read again. */
void       voc_store_changed_elsewhere (VocStore  *self);

/* Sets one skill's rating and appends it to the history, in one
 * transaction. @level is 0-5, or -1 to clear the rating. */
gboolean   voc_store_set_rating       (VocStore    *self,
                                       const char  *skill_id,
                                       int          level,
                                       gboolean     relevant,
                                       GError     **error);
/* Of VocRating: the current profile. */
GPtrArray *voc_store_load_ratings     (VocStore    *self,
                                       GError     **error);
/* Of VocRating: the profile as it stood at @time (µs since the epoch). */
GPtrArray *voc_store_load_ratings_at  (VocStore    *self,
                                       gint64       time,
                                       GError     **error);
/* The end of each local day on which the profile changed, newest first,
 * as µs since the epoch: the "past dates" a profile can be compared with. */
GArray    *voc_store_list_history_days (VocStore   *self,
                                       GError     **error);

/* Leaves a trace of an error the caller can do nothing about (a view
 * that cannot read what it shows): g_debug for something already deleted,
 * g_warning for anything else. @what says what was being done. Does
 * nothing when @error is NULL. */
void voc_store_log_error (const char   *what,
                          const GError *error);

G_END_DECLS
