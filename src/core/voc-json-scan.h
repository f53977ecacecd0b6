/* voc-json-scan.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define VOC_JSON_MAX_DEPTH 32

/* Strict RFC 8259 syntax check run before json-glib sees a document.
 * json-glib 1.6 accepts several things that are not JSON (a second root
 * value, single-quoted strings, raw control characters, duplicate keys)
 * and recurses without a limit, so every byte is checked here first.
 *
 * On failure returns FALSE and sets @message to a sentence that starts
 * with "line L, column C: ". */
gboolean voc_json_scan (const char  *data,
                        gsize        length,
                        guint        max_depth,
                        char       **message);

/* Where a part of a document lies: bytes [start, end). */
typedef struct
{
  gsize start;
  gsize end;
} VocJsonSpan;

/* A member of the top-level object: its decoded name, where the whole
 * member ("name": value) and its value lie, and for an array value where
 * each element lies. */
typedef struct
{
  char        *name;
  VocJsonSpan  span;
  VocJsonSpan  value;
  GArray      *elements;  /* of VocJsonSpan, or NULL if the value is no array */
} VocJsonMember;

/* The members of the top-level object of a document voc_json_scan()
 * accepted, found in one quick pass without building a tree: a large
 * document is then read one part at a time. NULL if the top level is not
 * an object. */
GPtrArray *voc_json_outline (const char *data,
                             gsize       length);

/* How many characters of a value a message shows. */
#define VOC_JSON_QUOTE_MAX 40

/* @text as a message shows it: in double quotes, at most
 * VOC_JSON_QUOTE_MAX characters (then "…"), with every character that
 * would act instead of showing (a terminal's escape sequences, control
 * characters, bidirectional overrides) and invalid UTF-8 written as an
 * escape. NULL gives null. */
char    *voc_json_quote (const char *text);

G_END_DECLS
