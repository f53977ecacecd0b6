/* fuzz-catalog.c: the catalog loader on any bytes (libFuzzer, or fuzz-main.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "voc-catalog.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (VocCatalog) catalog = voc_catalog_new_from_bytes (bytes, "fuzz.json", &error);

  /* Either a catalog, or a message that names the file. */
  g_assert ((catalog != NULL) != (error != NULL));
  if (error != NULL)
    g_assert (g_str_has_prefix (error->message, "fuzz.json: "));
  return 0;
}
