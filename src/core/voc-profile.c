/* voc-profile.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "voc-level.h"
#include "voc-profile.h"

typedef struct
{
  int      level;
  gboolean relevant;
} Entry;

struct _VocProfile
{
  GObject parent_instance;

  VocStore   *store;   /* NULL for in-memory profiles and snapshots */
  GHashTable *entries; /* skill id -> Entry */
};

G_DEFINE_FINAL_TYPE (VocProfile, voc_profile, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
voc_profile_finalize (GObject *object)
{
  VocProfile *self = VOC_PROFILE (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->entries, g_hash_table_unref);

  G_OBJECT_CLASS (voc_profile_parent_class)->finalize (object);
}

static void
voc_profile_class_init (VocProfileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = voc_profile_finalize;

  /**
   * VocProfile::changed:
   * @skill_id: the skill whose rating changed
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
voc_profile_init (VocProfile *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
put (VocProfile *self,
     const char *skill_id,
     int         level,
     gboolean    relevant)
{
  Entry *entry;

  if (level < 0 && relevant)
    {
      g_hash_table_remove (self->entries, skill_id);
      return;
    }

  entry = g_new (Entry, 1);
  entry->level = level;
  entry->relevant = relevant;
  g_hash_table_insert (self->entries, g_strdup (skill_id), entry);
}

VocProfile *
voc_profile_new (void)
{
  return g_object_new (VOC_TYPE_PROFILE, NULL);
}

VocProfile *
voc_profile_new_from_ratings (GPtrArray *ratings)
{
  VocProfile *self = voc_profile_new ();

  for (guint i = 0; ratings && i < ratings->len; i++)
    {
      VocRating *rating = g_ptr_array_index (ratings, i);
      put (self, rating->skill_id, rating->level, rating->relevant);
    }

  return self;
}

VocProfile *
voc_profile_new_for_store (VocStore  *store,
                           GError   **error)
{
  g_autoptr (GPtrArray) ratings = NULL;
  VocProfile *self;

  g_return_val_if_fail (VOC_IS_STORE (store), NULL);

  if (!(ratings = voc_store_load_ratings (store, error)))
    return NULL;

  self = voc_profile_new_from_ratings (ratings);
  self->store = g_object_ref (store);
  return self;
}

static gboolean
same_entry (Entry *a,
            Entry *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->level == b->level && a->relevant == b->relevant;
}

gboolean
voc_profile_reload (VocProfile  *self,
                    GError     **error)
{
  g_autoptr (GPtrArray) ratings = NULL;
  g_autoptr (GHashTable) old = NULL;
  g_autoptr (GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (VOC_IS_PROFILE (self), FALSE);

  if (self->store == NULL)
    return TRUE;
  if (!(ratings = voc_store_load_ratings (self->store, error)))
    return FALSE;

  old = g_steal_pointer (&self->entries);
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < ratings->len; i++)
    {
      VocRating *rating = g_ptr_array_index (ratings, i);
      put (self, rating->skill_id, rating->level, rating->relevant);
    }

  /* Every skill rated before or after, once. */
  g_hash_table_iter_init (&iter, old);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!same_entry (value, g_hash_table_lookup (self->entries, key)))
      g_ptr_array_add (changed, g_strdup (key));
  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (old, key) && !same_entry (value, NULL))
      g_ptr_array_add (changed, g_strdup (key));

  for (guint i = 0; i < changed->len; i++)
    g_signal_emit (self, signals[CHANGED], 0, g_ptr_array_index (changed, i));
  return TRUE;
}

VocStore *
voc_profile_get_store (VocProfile *self)
{
  g_return_val_if_fail (VOC_IS_PROFILE (self), NULL);

  return self->store;
}

int
voc_profile_get_level (VocProfile *self,
                       const char *skill_id)
{
  Entry *entry;

  g_return_val_if_fail (VOC_IS_PROFILE (self), -1);
  g_return_val_if_fail (skill_id != NULL, -1);

  entry = g_hash_table_lookup (self->entries, skill_id);
  return entry ? entry->level : -1;
}

gboolean
voc_profile_is_relevant (VocProfile *self,
                         const char *skill_id)
{
  Entry *entry;

  g_return_val_if_fail (VOC_IS_PROFILE (self), TRUE);
  g_return_val_if_fail (skill_id != NULL, TRUE);

  entry = g_hash_table_lookup (self->entries, skill_id);
  return entry ? entry->relevant : TRUE;
}

gboolean
voc_profile_set_rating (VocProfile  *self,
                        const char  *skill_id,
                        int          level,
                        gboolean     relevant,
                        GError     **error)
{
  g_return_val_if_fail (VOC_IS_PROFILE (self), FALSE);
  g_return_val_if_fail (skill_id != NULL, FALSE);
  g_return_val_if_fail (level >= -1 && level <= VOC_LEVEL_MAX, FALSE);

  if (voc_profile_get_level (self, skill_id) == level && voc_profile_is_relevant (self, skill_id) == relevant)
    return TRUE;

  /* Saved before it is shown: what the user sees is always on disk. */
  if (self->store != NULL && !voc_store_set_rating (self->store, skill_id, level, relevant, error))
    return FALSE;

  put (self, skill_id, level, relevant);
  g_signal_emit (self, signals[CHANGED], 0, skill_id);
  return TRUE;
}

guint
voc_profile_get_n_rated (VocProfile *self)
{
  GHashTableIter iter;
  Entry *entry;
  guint n = 0;

  g_return_val_if_fail (VOC_IS_PROFILE (self), 0);

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    if (entry->level >= 0 && entry->relevant)
      n++;

  return n;
}
