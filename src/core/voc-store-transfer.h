/* voc-store-transfer.h: all user data as one JSON document, out and back in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document ("format": "vocation-data", "format_version": 1) holds the
 * profile, its history, every plan with its goals, steps and notes, and
 * the notes on roles. It carries no row ids: goals, steps and notes sit
 * inside what they belong to, so a document merges into any database.
 */
#pragma once

#include "voc-store.h"

G_BEGIN_DECLS

#define VOC_DATA_FORMAT         "vocation-data"
#define VOC_DATA_FORMAT_VERSION 1
/* The same limits as a catalog: size, nesting and problems listed. */
#define VOC_DATA_MAX_SIZE       (64 * 1024 * 1024)
#define VOC_DATA_MAX_PROBLEMS   200

typedef enum
{
  /* Adds what the database lacks: plans already there (same role, title
   * and creation time) are skipped, a newer rating wins, and a role note
   * that differs keeps both texts. */
  VOC_IMPORT_MERGE,
  /* Everything in the database is replaced by the document. */
  VOC_IMPORT_REPLACE,
  /* Only checks the document: the counts say what it holds, nothing is
   * written, no snapshot taken. */
  VOC_IMPORT_CHECK,
} VocImportMode;

/* What a long export or import reports, and how it is stopped. */
typedef void (*VocTransferProgress) (double   fraction,
                                     gpointer user_data);

typedef struct
{
  /* Import: the skill ids this version knows; ratings of others are kept
   * (a newer catalog may know them) and counted. NULL: all are known. */
  GHashTable          *known_skills;
  /* Cancelled: the work stops with nothing written, G_IO_ERROR_CANCELLED. */
  GCancellable        *cancellable;
  /* Called now and then, from the thread doing the work. */
  VocTransferProgress  progress;
  gpointer             progress_data;
} VocTransferOptions;

typedef struct
{
  guint ratings;
  guint history;
  guint plans;
  guint goals;
  guint steps;
  guint notes;
  guint plans_skipped;  /* merge: already in the database */
  guint unknown_ratings; /* import: ratings of skills not in known_skills, kept */
} VocTransferCounts;

/* "12 ratings, 2 plans, 9 goals, 30 steps and 4 notes", for the user. */
char    *voc_transfer_counts_describe (const VocTransferCounts *counts);
/* TRUE when nothing was (or would be) written: a merge of data already here. */
gboolean voc_transfer_counts_is_empty (const VocTransferCounts *counts);
/* Sentences about what was not imported as such ("2 plans were already
 * here and were skipped. 1 rating for a skill this version does not know
 * was kept."), or NULL. */
char    *voc_transfer_counts_describe_notes (const VocTransferCounts *counts);

/* Writes everything to @path atomically (a temporary file renamed over
 * it), readable by the user only (0600). */
gboolean voc_store_export_data  (VocStore           *self,
                                 const char         *path,
                                 VocTransferCounts  *counts,
                                 GError            **error);
gboolean voc_store_export_data_full (VocStore                 *self,
                                     const char               *path,
                                     const VocTransferOptions *options,
                                     VocTransferCounts        *counts,
                                     GError                  **error);
/* The document as text, for tests and benchmarks. */
GBytes  *voc_store_export_bytes (VocStore           *self,
                                 VocTransferCounts  *counts,
                                 GError            **error);

/* Checks the whole file first; with any problem nothing is written and
 * the error (VOC_STORE_ERROR_IMPORT) lists each problem on its own line as
 * "FILE: PATH: what was expected". Otherwise writes it all in one
 * transaction, after saving a snapshot of the database as it was. */
gboolean voc_store_import_data  (VocStore           *self,
                                 const char         *path,
                                 VocImportMode       mode,
                                 VocTransferCounts  *counts,
                                 GError            **error);
gboolean voc_store_import_data_full (VocStore                 *self,
                                     const char               *path,
                                     VocImportMode             mode,
                                     const VocTransferOptions *options,
                                     VocTransferCounts        *counts,
                                     GError                  **error);
gboolean voc_store_import_bytes (VocStore           *self,
                                 GBytes             *bytes,
                                 const char         *display_name,
                                 VocImportMode       mode,
                                 VocTransferCounts  *counts,
                                 GError            **error);

G_END_DECLS
