/* voc-store-transfer-private.h: what export and import share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   voc-store-transfer.c      counting and describing what moved
 *   voc-store-export.c        the export: the whole store as one document
 *   voc-store-import-check.c  an import's document, read and checked
 *   voc-store-import.c        an import written: merged, or replacing all
 */
#pragma once

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "voc-json-check.h"
#include "voc-store-private.h"
#include "voc-store-transfer.h"

G_BEGIN_DECLS

/* The names a goal's status has in a document, by VocGoalStatus. */
G_GNUC_UNUSED static const char *const status_names[] = { "not-started", "in-progress", "done" };

/* One stage of a long export or import: its share of the whole (@from to
 * @to), how far it got, and whether it was asked to stop. */
typedef struct
{
  const VocTransferOptions *options;
  double   from;
  double   to;
  guint64  done;
  guint64  total;
  guint64  next;     /* when to report and look at the cancellable again */
  gboolean stop;
} Progress;

static inline void
progress_begin (Progress                 *p,
                const VocTransferOptions *options,
                double                    from,
                double                    to,
                guint64                   total)
{
  *p = (Progress) { options, from, to, 0, MAX (total, 1), 0, FALSE };
  if (options != NULL && options->progress != NULL)
    options->progress (from, options->progress_data);
}

/* @n more units done; FALSE once the work is to stop. */
static inline gboolean
tick (Progress *p,
      guint64   n)
{
  p->done += n;
  if (p->options == NULL || p->done < p->next)
    return !p->stop;
  p->next = p->done + 512;
  if (g_cancellable_is_cancelled (p->options->cancellable))
    p->stop = TRUE;
  else if (p->options->progress != NULL)
    p->options->progress (p->from + (p->to - p->from) * MIN (1.0, (double) p->done / p->total),
                          p->options->progress_data);
  return !p->stop;
}

static inline gboolean
cancelled (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled; nothing was written"));
  return FALSE;
}

/* An import's document, as checked: plans, goals and steps, ratings,
 * notes. Strings point into the checker's string chunk. */
typedef struct
{
  const char *body;  /* NULL: no note */
  gint64      created_at;
  gint64      updated_at;
} Note;

typedef struct
{
  const char *text;
  const char *url;
  gboolean    done;
} Step;

typedef struct
{
  const char *skill;
  int         from_level;
  int         target_level;
  const char *due_date;
  int         status;
  Note        note;
  GArray     *steps;  /* of Step */
} Goal;

typedef struct
{
  const char *role;
  const char *title;
  gint64      created_at;
  const char *target_date;
  gboolean    archived;
  Note        note;
  GArray     *goals;  /* of Goal */
} Plan;

typedef struct
{
  const char *skill;
  int         level;     /* -1: null (history only) */
  gboolean    relevant;
  gint64      time;
} Rating;

typedef struct
{
  const char *role;
  Note        note;
} RoleNote;

/* What a checked document holds, its strings copied out of the parsed
 * parts (which go as soon as each is checked) into one string chunk. */
typedef struct
{
  VocJsonCheck check;

  GArray       *profile;     /* of Rating */
  GArray       *history;     /* of Rating */
  GArray       *plans;       /* of Plan */
  GArray       *role_notes;  /* of RoleNote */
  GStringChunk *strings;
  GHashTable   *rated;       /* skill -> path of its rating, for ratings given twice */
  GHashTable   *noted;       /* role -> path of its note */
  Progress     *progress;    /* in bytes of the document */
} Checker;

/* A checker for a document called @display_name, its problems going to
 * @problems, its progress to @progress (in bytes of the document). */
void  _voc_import_checker_init  (Checker           *c,
                                 const char        *display_name,
                                 GPtrArray         *problems,
                                 Progress          *progress);
void  _voc_import_checker_clear (Checker           *c);
/* Checks @data (already through voc_json_prepare ()) part by part. */
void  _voc_import_check         (Checker           *c,
                                 const char        *data,
                                 gsize              length);
/* Every problem found, one per line. */
char *_voc_import_problems      (Checker           *c);
/* What the checked document holds, as an import counts it. */
void  _voc_import_count         (const Checker     *c,
                                 VocTransferCounts *counts);

G_END_DECLS
