/* voc-model-sync.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "voc-model-sync.h"

gboolean
voc_set_str (char       **field,
             const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

void
voc_list_store_sync (GListStore         *store,
                     GPtrArray          *infos,
                     const VocSyncFuncs *funcs)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_autoptr (GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr (GPtrArray) objects = g_ptr_array_new_full (infos->len, g_object_unref);
  guint prefix = 0, suffix = 0;

  for (guint i = 0; i < n_old; i++)
    {
      gpointer object = g_list_model_get_item (G_LIST_MODEL (store), i);
      gint64 *id = g_new (gint64, 1);

      *id = funcs->object_id (object);
      g_hash_table_replace (by_id, id, object);
    }

  for (guint i = 0; i < infos->len; i++)
    {
      gconstpointer info = g_ptr_array_index (infos, i);
      gint64 id = funcs->info_id (info);
      gpointer object = g_hash_table_lookup (by_id, &id);

      if (object != NULL)
        {
          funcs->update (object, info);
          g_ptr_array_add (objects, g_object_ref (object));
        }
      else
        g_ptr_array_add (objects, funcs->create (info));
    }

  /* The same objects at the start and the end stay where they are. */
  while (prefix < MIN (n_old, objects->len))
    {
      g_autoptr (GObject) old = g_list_model_get_item (G_LIST_MODEL (store), prefix);

      if (old != g_ptr_array_index (objects, prefix))
        break;
      prefix++;
    }
  while (suffix < MIN (n_old, objects->len) - prefix)
    {
      g_autoptr (GObject) old = g_list_model_get_item (G_LIST_MODEL (store), n_old - 1 - suffix);

      if (old != g_ptr_array_index (objects, objects->len - 1 - suffix))
        break;
      suffix++;
    }
  if (n_old - prefix - suffix > 0 || objects->len - prefix - suffix > 0)
    g_list_store_splice (store, prefix, n_old - prefix - suffix,
                         objects->pdata + prefix, objects->len - prefix - suffix);
}
