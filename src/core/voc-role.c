/* voc-role.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "voc-role.h"

struct _VocRole
{
  GObject parent_instance;

  char      *id;
  char      *name;
  char      *family;
  char      *tagline;
  char      *summary;
  GPtrArray *groups;      /* of VocRequirementGroup */

  char      *search_text; /* built on first search: everything */
  char      *skills_text; /* its skills, labels, alternatives and group titles */
  char      *name_key;
};

G_DEFINE_FINAL_TYPE (VocRole, voc_role, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_FAMILY,
  PROP_TAGLINE,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
translate (const char *text)
{
  /* g_dgettext ("") would return the catalog's header. */
  return text && *text ? g_dgettext (GETTEXT_PACKAGE, text) : "";
}

static void
voc_role_finalize (GObject *object)
{
  VocRole *self = VOC_ROLE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->family, g_free);
  g_clear_pointer (&self->tagline, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->skills_text, g_free);
  g_clear_pointer (&self->name_key, g_free);

  G_OBJECT_CLASS (voc_role_parent_class)->finalize (object);
}

static void
voc_role_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  VocRole *self = VOC_ROLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, voc_role_get_name (self));
      break;
    case PROP_FAMILY:
      g_value_set_string (value, voc_role_get_family (self));
      break;
    case PROP_TAGLINE:
      g_value_set_string (value, voc_role_get_tagline (self));
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, voc_role_get_summary (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
voc_role_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  VocRole *self = VOC_ROLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_FAMILY:
      self->family = g_value_dup_string (value);
      break;
    case PROP_TAGLINE:
      self->tagline = g_value_dup_string (value);
      break;
    case PROP_SUMMARY:
      self->summary = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
voc_role_class_init (VocRoleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = voc_role_finalize;
  object_class->get_property = voc_role_get_property;
  object_class->set_property = voc_role_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_FAMILY] = g_param_spec_string ("family", NULL, NULL, NULL, flags);
  properties[PROP_TAGLINE] = g_param_spec_string ("tagline", NULL, NULL, NULL, flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
voc_role_init (VocRole *self)
{
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) voc_requirement_group_free);
}

VocRole *
voc_role_new (const char *id,
              const char *name,
              const char *family,
              const char *tagline,
              const char *summary)
{
  return g_object_new (VOC_TYPE_ROLE,
                       "id", id,
                       "name", name,
                       "family", family,
                       "tagline", tagline,
                       "summary", summary,
                       NULL);
}

const char *
voc_role_get_id (VocRole *self)
{
  g_return_val_if_fail (VOC_IS_ROLE (self), NULL);

  return self->id;
}

const char *
voc_role_get_name (VocRole *self)
{
  g_return_val_if_fail (VOC_IS_ROLE (self), NULL);

  return translate (self->name);
}

const char *
voc_role_get_family (VocRole *self)
{
  g_return_val_if_fail (VOC_IS_ROLE (self), NULL);

  return translate (self->family);
}

const char *
voc_role_get_tagline (VocRole *self)
{
  g_return_val_if_fail (VOC_IS_ROLE (self), NULL);

  return translate (self->tagline);
}

const char *
voc_role_get_summary (VocRole *self)
{
  g_return_val_if_fail (VOC_IS_ROLE (self), NULL);

  return translate (self->summary);
}

guint
voc_role_get_n_groups (VocRole *self)
{
  g_return_val_if_fail (VOC_IS_ROLE (self), 0);

  return self->groups->len;
}

const VocRequirementGroup *
voc_role_get_group (VocRole *self,
                    guint    index)
{
  g_return_val_if_fail (VOC_IS_ROLE (self), NULL);
  g_return_val_if_fail (index < self->groups->len, NULL);

  return g_ptr_array_index (self->groups, index);
}

guint
voc_role_get_n_requirements (VocRole *self)
{
  guint n = 0;

  g_return_val_if_fail (VOC_IS_ROLE (self), 0);

  for (guint i = 0; i < self->groups->len; i++)
    n += ((VocRequirementGroup *) g_ptr_array_index (self->groups, i))->requirements->len;

  return n;
}

void
voc_role_add_group (VocRole             *self,
                    VocRequirementGroup *group)
{
  g_return_if_fail (VOC_IS_ROLE (self));
  g_return_if_fail (group != NULL);

  g_ptr_array_add (self->groups, group);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->skills_text, g_free);
}

GPtrArray *
voc_role_get_key_skills (VocRole *self,
                         guint    max)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);

  g_return_val_if_fail (VOC_IS_ROLE (self), NULL);

  for (int level = VOC_LEVEL_MAX; level > VOC_LEVEL_MIN && names->len < max; level--)
    for (guint g = 0; g < self->groups->len && names->len < max; g++)
      {
        VocRequirementGroup *group = g_ptr_array_index (self->groups, g);

        for (guint r = 0; r < group->requirements->len && names->len < max; r++)
          {
            VocRequirement *req = g_ptr_array_index (group->requirements, r);

            if (req->kind != VOC_SKILL_KIND_TECHNICAL || req->optional ||
                (int) req->level != level || !g_hash_table_add (seen, req->skill))
              continue;
            g_ptr_array_add (names, (gpointer) voc_skill_get_name (req->skill));
          }
      }

  return g_steal_pointer (&names);
}

char *
voc_search_key (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *key;

  if (text == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (decomposed, -1);
  key = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

static void
append_search_text (GString    *text,
                    const char *part)
{
  if (part == NULL)
    return;
  g_string_append (text, part);
  g_string_append_c (text, '\n');
}

static const char *
get_search_text (VocRole *self)
{
  g_autoptr (GString) text = NULL;

  if (self->search_text != NULL)
    return self->search_text;

  text = g_string_new (NULL);
  append_search_text (text, voc_role_get_name (self));
  append_search_text (text, voc_role_get_family (self));
  append_search_text (text, voc_role_get_tagline (self));
  append_search_text (text, voc_role_get_summary (self));

  for (guint g = 0; g < self->groups->len; g++)
    {
      VocRequirementGroup *group = g_ptr_array_index (self->groups, g);

      append_search_text (text, translate (group->title));
      for (guint r = 0; r < group->requirements->len; r++)
        {
          VocRequirement *req = g_ptr_array_index (group->requirements, r);

          append_search_text (text, voc_skill_get_name (req->skill));
          append_search_text (text, translate (req->label));
          for (guint a = 0; a < req->alternatives->len; a++)
            append_search_text (text, voc_skill_get_name (g_ptr_array_index (req->alternatives, a)));
          for (guint d = 0; req->details && req->details[d]; d++)
            append_search_text (text, translate (req->details[d]));
        }
    }

  self->search_text = voc_search_key (text->str);
  return self->search_text;
}

static const char *
get_skills_text (VocRole *self)
{
  g_autoptr (GString) text = NULL;

  if (self->skills_text != NULL)
    return self->skills_text;

  text = g_string_new (NULL);
  for (guint g = 0; g < self->groups->len; g++)
    {
      VocRequirementGroup *group = g_ptr_array_index (self->groups, g);

      append_search_text (text, translate (group->title));
      for (guint r = 0; r < group->requirements->len; r++)
        {
          VocRequirement *req = g_ptr_array_index (group->requirements, r);

          append_search_text (text, voc_skill_get_name (req->skill));
          append_search_text (text, translate (req->label));
          for (guint a = 0; a < req->alternatives->len; a++)
            append_search_text (text, voc_skill_get_name (g_ptr_array_index (req->alternatives, a)));
        }
    }
  self->skills_text = voc_search_key (text->str);
  return self->skills_text;
}

/* Every word of @words occurs in @haystack. */
static gboolean
all_in (char       **words,
        const char  *haystack)
{
  for (guint i = 0; words[i]; i++)
    if (strstr (haystack, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* Every word of @words starts a word of @name ("data eng": Data Engineer). */
static gboolean
all_start_words (char       **words,
                 const char  *name)
{
  for (guint i = 0; words[i]; i++)
    {
      gboolean found = FALSE;

      for (const char *p = strstr (name, words[i]); p != NULL && !found; p = strstr (p + 1, words[i]))
        found = p == name || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p)));
      if (!found)
        return FALSE;
    }
  return TRUE;
}

VocRank
voc_role_rank_query (VocRole    *self,
                     const char *query)
{
  g_autofree char *key = NULL;
  g_autofree char *joined = NULL;
  g_auto (GStrv) parts = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) words = NULL;

  g_return_val_if_fail (VOC_IS_ROLE (self), VOC_RANK_NONE);

  if (query == NULL)
    return VOC_RANK_ANYWHERE;

  key = voc_search_key (query);
  parts = g_strsplit_set (key, " \t\n", -1);
  for (guint i = 0; parts[i]; i++)
    if (*parts[i])
      g_strv_builder_add (builder, parts[i]);
  words = g_strv_builder_end (builder);
  if (words[0] == NULL)
    return VOC_RANK_ANYWHERE;

  if (self->name_key == NULL)
    self->name_key = voc_search_key (voc_role_get_name (self));
  joined = g_strjoinv (" ", words);
  if (g_str_equal (self->name_key, joined))
    return VOC_RANK_NAME;
  if (g_str_has_prefix (self->name_key, joined))
    return VOC_RANK_NAME_PREFIX;
  if (all_start_words (words, self->name_key))
    return VOC_RANK_NAME_WORDS;
  if (all_in (words, self->name_key))
    return VOC_RANK_NAME_WORDS;
  if (all_in (words, get_skills_text (self)))
    return VOC_RANK_SKILLS;
  if (all_in (words, get_search_text (self)))
    return VOC_RANK_ANYWHERE;
  return VOC_RANK_NONE;
}

gboolean
voc_role_matches_query (VocRole    *self,
                        const char *query)
{
  g_return_val_if_fail (VOC_IS_ROLE (self), FALSE);

  return voc_role_rank_query (self, query) != VOC_RANK_NONE;
}

VocRequirementGroup *
voc_requirement_group_new (const char   *title,
                           VocSkillKind  kind)
{
  VocRequirementGroup *group = g_new0 (VocRequirementGroup, 1);

  group->title = g_strdup (title);
  group->kind = kind;
  group->requirements = g_ptr_array_new_with_free_func ((GDestroyNotify) voc_requirement_free);

  return group;
}

void
voc_requirement_group_free (VocRequirementGroup *group)
{
  if (group == NULL)
    return;

  g_free (group->title);
  g_ptr_array_unref (group->requirements);
  g_free (group);
}

VocRequirement *
voc_requirement_new (VocSkill    *skill,
                     const char  *label,
                     VocLevel     level,
                     const char  *qualifier,
                     gboolean     optional,
                     char       **details)
{
  VocRequirement *req;

  g_return_val_if_fail (VOC_IS_SKILL (skill), NULL);

  req = g_new0 (VocRequirement, 1);
  req->skill = g_object_ref (skill);
  req->alternatives = g_ptr_array_new_with_free_func (g_object_unref);
  req->label = g_strdup (label);
  req->level = level;
  req->qualifier = g_strdup (qualifier);
  req->optional = optional;
  req->details = details;
  req->kind = VOC_SKILL_KIND_TECHNICAL;

  return req;
}

void
voc_requirement_free (VocRequirement *requirement)
{
  if (requirement == NULL)
    return;

  g_clear_object (&requirement->skill);
  g_ptr_array_unref (requirement->alternatives);
  g_free (requirement->label);
  g_free (requirement->qualifier);
  g_free (requirement->note);
  g_strfreev (requirement->details);
  g_free (requirement);
}
