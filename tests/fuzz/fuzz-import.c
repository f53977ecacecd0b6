/* fuzz-import.c: the check of a data file to import, on any bytes
 * (libFuzzer, or fuzz-main.c); nothing is written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "voc-store-transfer.h"
#include "voc-test-utils.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static VocStore *
scratch_store (void)
{
  static VocStore *store;

  if (store == NULL)
    {
      g_autofree char *dir = voc_test_make_folder ("fuzz-import-XXXXXX");
      g_autofree char *path = g_build_filename (dir, "vocation.db", NULL);

      store = voc_store_open (path, NULL);
      g_assert (store != NULL);
    }
  return store;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (GError) error = NULL;
  VocTransferCounts counts = { 0 };
  gboolean ok = voc_store_import_bytes (scratch_store (), bytes, "fuzz.json", VOC_IMPORT_CHECK, &counts, &error);

  g_assert (ok == (error == NULL));
  if (error != NULL)
    g_assert (g_str_has_prefix (error->message, "fuzz.json: "));
  return 0;
}
