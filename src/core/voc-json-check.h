/* voc-json-check.h: checking a JSON document member by member, for catalogs and data files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Problems are collected, not returned at the first one, each as
 * "FILE: PATH: what was expected, found what", so that one pass over a
 * file shows all that is wrong with it. Every value a message shows comes
 * through voc_json_quote(): quoted, cut at 40 characters, with anything
 * that would act in a terminal written as an escape.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *file;          /* the name each problem starts with */
  GPtrArray  *problems;      /* of char *, owned by the caller */
  guint       max_problems;  /* past it, problems are only counted */
  guint       n_dropped;
} VocJsonCheck;

typedef enum
{
  VOC_JSON_REQUIRED    = 1 << 0,
  VOC_JSON_NON_EMPTY   = 1 << 1,  /* an array with at least one element */
  VOC_JSON_SAY_EMPTY   = 1 << 2,  /* "(it may be empty)" when missing */
  VOC_JSON_MAY_BE_BLANK = 1 << 3, /* a string may be "" or spaces */
} VocJsonFlags;

void        voc_json_check_init   (VocJsonCheck       *c,
                                   const char         *file,
                                   GPtrArray          *problems,
                                   guint               max_problems);
void        voc_json_problem      (VocJsonCheck       *c,
                                   const char         *path,
                                   const char         *format,
                                   ...) G_GNUC_PRINTF (3, 4);
/* Adds "FILE: … and N more problems" if any were only counted. */
void        voc_json_check_finish (VocJsonCheck       *c);

/* The size limit, a byte order mark skipped (@data and @length move past
 * it) and the strict syntax scan: FALSE (with the problem added) if the
 * document cannot be read as JSON. */
gboolean    voc_json_prepare      (VocJsonCheck       *c,
                                   const char        **data,
                                   gsize              *length,
                                   gsize               max_size,
                                   const char         *kind);
/* The checks every document starts with: the size limit, a byte order
 * mark skipped, the strict syntax scan, then json-glib. NULL (with the
 * problem added) if any fails. @kind words the limit: "a catalog". */
JsonParser *voc_json_parse        (VocJsonCheck       *c,
                                   const char         *data,
                                   gsize               length,
                                   gsize               max_size,
                                   const char         *kind);

/* "an object", "null", "3", "\"sql\"": what was found, for a message. */
char       *voc_json_describe     (JsonNode           *node);
/* "roles[2].name"; a member name that is not a plain word is quoted. */
char       *voc_json_join_path    (const char         *path,
                                   const char         *member);
gboolean    voc_json_is_string    (JsonNode           *node);
gboolean    voc_json_is_blank     (const char         *text);
/* Lowercase letters, digits and single hyphens, at most 64 characters. */
gboolean    voc_json_is_valid_id  (const char         *id);

/* Members not in @allowed are problems: a misspelt key must not pass. */
void        voc_json_check_members (VocJsonCheck      *c,
                                    JsonObject        *object,
                                    const char        *path,
                                    const char *const *allowed);
/* @node as an object, or NULL and "expected an object, found …". */
JsonObject *voc_json_get_object   (VocJsonCheck       *c,
                                   JsonNode           *node,
                                   const char         *path);
/* Member @member, an array of @what. */
JsonArray  *voc_json_get_array    (VocJsonCheck       *c,
                                   JsonObject         *object,
                                   const char         *path,
                                   const char         *member,
                                   const char         *what,
                                   VocJsonFlags        flags);
/* Member @member, a non-empty string (or any string, with
 * VOC_JSON_MAY_BE_BLANK); NULL if missing (a problem if required). */
const char *voc_json_get_string   (VocJsonCheck       *c,
                                   JsonObject         *object,
                                   const char         *path,
                                   const char         *member,
                                   VocJsonFlags        flags);
/* Member @member, a required id; @kind names it ("a role id"), @example
 * shows one ("data-analyst"). */
const char *voc_json_get_id       (VocJsonCheck       *c,
                                   JsonObject         *object,
                                   const char         *path,
                                   const char         *member,
                                   const char         *kind,
                                   const char         *example);

G_END_DECLS
