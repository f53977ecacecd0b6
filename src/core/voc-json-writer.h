/* voc-json-writer.h: a small JSON writer for documents people also read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes straight into a GString, which beats building a JsonNode tree
 * for JsonGenerator: the export of the 100,000-note benchmark data set
 * (45 MB) takes about 0.4 s and needs no second copy of the data.
 *
 * Objects are either block objects (one member per line) or inline
 * objects (members on one line, "{ "a": 1, "b": 2 }"); arrays put one
 * element per line. The indentation follows from the nesting.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define VOC_JSON_WRITER_MAX_DEPTH 8

typedef struct
{
  gboolean is_array;
  gboolean is_inline;
  gboolean first;   /* nothing written in it yet */
  gboolean broken;  /* an inline object whose members now go on lines of their own */
  int      base;    /* the indentation its members or elements hang from */
} VocJsonLevel;

typedef struct
{
  GString      *out;
  VocJsonLevel  levels[VOC_JSON_WRITER_MAX_DEPTH];
  int           depth;
} VocJsonWriter;

void voc_json_writer_init         (VocJsonWriter *w,
                                   GString       *out);
/* A block object; @is_inline: an inline one. */
void voc_json_writer_begin_object (VocJsonWriter *w,
                                   gboolean       is_inline);
void voc_json_writer_end_object   (VocJsonWriter *w);
void voc_json_writer_begin_array  (VocJsonWriter *w);
void voc_json_writer_end_array    (VocJsonWriter *w);
/* The name of the next member of the object being written. */
void voc_json_writer_member       (VocJsonWriter *w,
                                   const char    *name);
/* In an inline object: the members from here on start lines of their own. */
void voc_json_writer_break        (VocJsonWriter *w);

/* Values. A string that is not valid UTF-8 has its bad bytes replaced
 * (a document that cannot be read back is worse); NULL writes null. */
void voc_json_writer_string       (VocJsonWriter *w,
                                   const char    *text);
void voc_json_writer_int          (VocJsonWriter *w,
                                   gint64         value);
void voc_json_writer_boolean      (VocJsonWriter *w,
                                   gboolean       value);
void voc_json_writer_null         (VocJsonWriter *w);
/* A time in microseconds since 1970 as "2026-11-28T09:30:00.123456Z":
 * readable, and exact to the microsecond (no fraction when it is 0). */
void voc_json_writer_time         (VocJsonWriter *w,
                                   gint64         usec);

G_END_DECLS
