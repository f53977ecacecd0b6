/* voc-catalog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "voc-catalog-private.h"
#include "voc-file.h"
#include "vocation-core-resources.h"

static void voc_catalog_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VocCatalog, voc_catalog, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, voc_catalog_list_model_init))

G_DEFINE_QUARK (voc-catalog-error-quark, voc_catalog_error)

static GType
voc_catalog_get_item_type (GListModel *model)
{
  return VOC_TYPE_ROLE;
}

static guint
voc_catalog_get_n_items (GListModel *model)
{
  return VOC_CATALOG (model)->roles->len;
}

static gpointer
voc_catalog_get_item (GListModel *model,
                      guint       position)
{
  VocCatalog *self = VOC_CATALOG (model);

  if (position >= self->roles->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->roles, position));
}

static void
voc_catalog_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = voc_catalog_get_item_type;
  iface->get_n_items = voc_catalog_get_n_items;
  iface->get_item = voc_catalog_get_item;
}

static void
voc_catalog_finalize (GObject *object)
{
  VocCatalog *self = VOC_CATALOG (object);

  g_clear_pointer (&self->roles_by_id, g_hash_table_unref);
  g_clear_pointer (&self->roles, g_ptr_array_unref);
  g_clear_pointer (&self->skills_by_id, g_hash_table_unref);
  g_clear_object (&self->skills);
  g_clear_pointer (&self->areas, g_ptr_array_unref);
  g_clear_pointer (&self->families, g_ptr_array_unref);

  G_OBJECT_CLASS (voc_catalog_parent_class)->finalize (object);
}

static void
voc_catalog_class_init (VocCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = voc_catalog_finalize;
}

static void
voc_catalog_init (VocCatalog *self)
{
  self->roles = g_ptr_array_new_with_free_func (g_object_unref);
  self->roles_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->skills = g_list_store_new (VOC_TYPE_SKILL);
  self->skills_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->areas = g_ptr_array_new_with_free_func ((GDestroyNotify) _voc_area_free);
  self->families = g_ptr_array_new_with_free_func (g_free);
}

VocCatalog *
_voc_catalog_new (void)
{
  return g_object_new (VOC_TYPE_CATALOG, NULL);
}

void
_voc_area_free (VocArea *area)
{
  g_free (area->id);
  g_free (area->name);
  g_free (area);
}

void
_voc_catalog_add_role (VocCatalog *self,
                       VocRole    *role,
                       const char *family)
{
  g_ptr_array_add (self->roles, g_object_ref (role));
  g_hash_table_insert (self->roles_by_id, (gpointer) voc_role_get_id (role), role);

  /* Untranslated, so a change of language translates it again. */
  if (!g_ptr_array_find_with_equal_func (self->families, family, g_str_equal, NULL))
    g_ptr_array_add (self->families, g_strdup (family));
}

static GPtrArray *
new_problems (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

static char *
join_problems (GPtrArray *problems)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (problems, i));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

VocCatalog *
voc_catalog_new_from_bytes (GBytes      *bytes,
                            const char  *display_name,
                            GError     **error)
{
  g_autoptr (VocCatalog) self = NULL;
  g_autoptr (GPtrArray) problems = new_problems ();
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (length > VOC_CATALOG_MAX_SIZE)
    {
      g_set_error (error, VOC_CATALOG_ERROR, VOC_CATALOG_ERROR_TOO_LARGE,
                   _("%s: the file is %.1f MiB; a catalog may be at most %d MiB"),
                   display_name, length / (1024.0 * 1024.0), VOC_CATALOG_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  self = _voc_catalog_new ();
  if (!_voc_catalog_load (self, data, length, display_name, problems))
    {
      g_autofree char *message = join_problems (problems);

      g_set_error_literal (error, VOC_CATALOG_ERROR, VOC_CATALOG_ERROR_INVALID, message);
      return NULL;
    }

  return g_steal_pointer (&self);
}

static GBytes *
read_file (GFile   *file,
           GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  GBytes *bytes;

  if (path == NULL)
    {
      g_set_error (error, VOC_CATALOG_ERROR, VOC_CATALOG_ERROR_READ,
                   _("%s: cannot read the file: it is not a local file"), name);
      return NULL;
    }
  /* A regular file only, and never more than the limit, whatever it
   * claims: /dev/zero, a FIFO or a file that grows are refused. */
  if (!(bytes = voc_file_read (path, VOC_CATALOG_MAX_SIZE, &local_error)))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        message = g_strdup_printf (_("%s: cannot read the file: %s"), name, local_error->message);
      else
        message = voc_file_read_error_message (path, local_error, _("a catalog file"), _("a catalog"),
                                               VOC_CATALOG_MAX_SIZE);
      g_set_error_literal (error, VOC_CATALOG_ERROR,
                           g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE)
                             ? VOC_CATALOG_ERROR_TOO_LARGE : VOC_CATALOG_ERROR_READ,
                           message);
      return NULL;
    }
  return bytes;
}

VocCatalog *
voc_catalog_new_from_file (GFile   *file,
                           GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(bytes = read_file (file, error)))
    return NULL;

  name = g_file_get_basename (file);
  return voc_catalog_new_from_bytes (bytes, name, error);
}

GPtrArray *
voc_catalog_check_file (GFile *file)
{
  g_autoptr (GPtrArray) problems = new_problems ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (VocCatalog) scratch = NULL;
  g_autofree char *name = NULL;
  const char *data;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!(bytes = read_file (file, &error)))
    {
      g_ptr_array_add (problems, g_strdup (error->message));
      return g_steal_pointer (&problems);
    }

  name = g_file_get_basename (file);
  data = g_bytes_get_data (bytes, &length);
  scratch = _voc_catalog_new ();
  _voc_catalog_load (scratch, data, length, name, problems);

  return g_steal_pointer (&problems);
}

VocCatalog *
voc_catalog_new_default (GError **error)
{
  g_autoptr (GBytes) bytes = NULL;

  /* Naming the resource links it in, even from a static library. */
  bytes = g_resource_lookup_data (voc_core_get_resource (), RESOURCE_BASE "/catalog/roles.json",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return voc_catalog_new_from_bytes (bytes, "roles.json", error);
}

VocRole *
voc_catalog_lookup_role (VocCatalog *self,
                         const char *id)
{
  g_return_val_if_fail (VOC_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->roles_by_id, id);
}

VocSkill *
voc_catalog_lookup_skill (VocCatalog *self,
                          const char *id)
{
  g_return_val_if_fail (VOC_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->skills_by_id, id);
}

GListModel *
voc_catalog_get_skills (VocCatalog *self)
{
  g_return_val_if_fail (VOC_IS_CATALOG (self), NULL);

  return G_LIST_MODEL (self->skills);
}

GPtrArray *
voc_catalog_get_families (VocCatalog *self)
{
  GPtrArray *families;

  g_return_val_if_fail (VOC_IS_CATALOG (self), NULL);

  families = g_ptr_array_new ();
  for (guint i = 0; i < self->families->len; i++)
    g_ptr_array_add (families, (gpointer) g_dgettext (GETTEXT_PACKAGE, g_ptr_array_index (self->families, i)));

  return families;
}

guint
voc_catalog_get_n_areas (VocCatalog *self)
{
  g_return_val_if_fail (VOC_IS_CATALOG (self), 0);

  return self->areas->len;
}

const char *
voc_catalog_get_area_name (VocCatalog *self,
                           const char *area_id)
{
  g_return_val_if_fail (VOC_IS_CATALOG (self), NULL);

  for (guint i = 0; i < self->areas->len; i++)
    {
      VocArea *area = g_ptr_array_index (self->areas, i);

      if (g_strcmp0 (area->id, area_id) == 0)
        return g_dgettext (GETTEXT_PACKAGE, area->name);
    }

  return NULL;
}

GHashTable *
voc_catalog_dup_skill_ids (VocCatalog *self)
{
  GHashTable *ids;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (VOC_IS_CATALOG (self), NULL);

  ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_iter_init (&iter, self->skills_by_id);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (ids, key);
  return ids;
}

int
voc_catalog_compare_ranks (VocRank a,
                           VocRank b)
{
  /* No match sorts last. */
  if (a == b)
    return 0;
  if (a == VOC_RANK_NONE)
    return 1;
  if (b == VOC_RANK_NONE)
    return -1;
  return a < b ? -1 : 1;
}

typedef struct
{
  VocRole *role;
  VocRank  rank;
  guint    position;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a;
  const Ranked *y = b;
  int by_rank = voc_catalog_compare_ranks (x->rank, y->rank);

  return by_rank != 0 ? by_rank : (x->position > y->position) - (x->position < y->position);
}

GPtrArray *
voc_catalog_search (VocCatalog *self,
                    const char *query)
{
  g_autoptr (GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  GPtrArray *roles = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (VOC_IS_CATALOG (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (VocRole) role = g_list_model_get_item (G_LIST_MODEL (self), i);
      Ranked r = { role, voc_role_rank_query (role, query), i };

      if (r.rank != VOC_RANK_NONE)
        g_array_append_val (ranked, r);
    }
  g_array_sort (ranked, compare_ranked);
  for (guint i = 0; i < ranked->len; i++)
    g_ptr_array_add (roles, g_object_ref (g_array_index (ranked, Ranked, i).role));
  return roles;
}
