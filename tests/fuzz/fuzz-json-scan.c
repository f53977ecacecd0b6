/* fuzz-json-scan.c: the strict JSON scan, its outline and the quoting of
 * values for messages, on any bytes (libFuzzer, or fuzz-main.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "voc-json-scan.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *message = NULL;
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *quoted = voc_json_quote (text);

  if (voc_json_scan ((const char *) data, size, VOC_JSON_MAX_DEPTH, &message))
    {
      g_autoptr (GPtrArray) outline = voc_json_outline ((const char *) data, size);

      /* Every span lies inside the document, in order. */
      for (guint i = 0; outline != NULL && i < outline->len; i++)
        {
          const VocJsonMember *member = g_ptr_array_index (outline, i);

          g_assert (member->span.start <= member->value.start && member->value.end <= size);
          for (guint j = 0; member->elements != NULL && j < member->elements->len; j++)
            g_assert (g_array_index (member->elements, VocJsonSpan, j).end <= member->value.end);
        }
    }
  else
    g_assert (message != NULL && g_str_has_prefix (message, "line "));
  g_assert (quoted[0] == '"' || g_str_equal (quoted, "null"));
  return 0;
}
