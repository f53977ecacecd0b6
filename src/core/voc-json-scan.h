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

G_END_DECLS
