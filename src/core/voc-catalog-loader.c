/* voc-catalog-loader.c: validation and construction of the catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole document is checked before anything is used: a strict syntax
 * scan (voc-json-scan.c) guards json-glib, then every member is checked
 * here. Problems are collected rather than returned at the first one, so
 * an author fixes a file in one pass. Objects are built alongside but only
 * handed to the catalog when there was no problem at all.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "voc-catalog-private.h"
#include "voc-json-check.h"
#include "voc-json-scan.h"

typedef struct
{
  VocJsonCheck check;

  GHashTable *area_names;     /* id -> name, borrowed from the tree */
  GHashTable *declared_skills;/* id -> path of its first declaration */
  GHashTable *skills;         /* id -> VocSkill (owned) */
  GHashTable *role_ids;       /* id -> path */
  GPtrArray  *areas;          /* VocArea, owned */
  GPtrArray  *skill_list;     /* VocSkill, owned */
  GPtrArray  *roles;          /* VocRole, owned */
  GPtrArray  *role_families;  /* untranslated family of each role, borrowed */
} Loader;

static void
load_areas (Loader     *l,
            JsonObject *root)
{
  static const char *const allowed[] = { "id", "name", NULL };
  JsonArray *areas = voc_json_get_array (&l->check, root, "", "areas", "competency areas", VOC_JSON_REQUIRED | VOC_JSON_NON_EMPTY);

  for (guint i = 0; areas && i < json_array_get_length (areas); i++)
    {
      g_autofree char *path = g_strdup_printf ("areas[%u]", i);
      JsonObject *object = voc_json_get_object (&l->check, json_array_get_element (areas, i), path);
      const char *id, *name;

      if (object == NULL)
        continue;
      voc_json_check_members (&l->check, object, path, allowed);
      id = voc_json_get_id (&l->check, object, path, "id", "an id", "data-analyst");
      name = voc_json_get_string (&l->check, object, path, "name", VOC_JSON_REQUIRED);
      if (id == NULL)
        continue;
      if (g_hash_table_contains (l->area_names, id))
        {
          g_autofree char *where = voc_json_join_path (path, "id");
          voc_json_problem (&l->check, where, _("duplicate area id \"%s\""), id);
          continue;
        }
      g_hash_table_insert (l->area_names, (gpointer) id, (gpointer) name);
      if (name != NULL)
        {
          VocArea *area = g_new0 (VocArea, 1);

          area->id = g_strdup (id);
          area->name = g_strdup (name);
          g_ptr_array_add (l->areas, area);
        }
    }
}

static void
load_skills (Loader     *l,
             JsonObject *root)
{
  static const char *const allowed[] = { "id", "name", "area", "description", NULL };
  JsonArray *skills = voc_json_get_array (&l->check, root, "", "skills", "skills", VOC_JSON_REQUIRED | VOC_JSON_NON_EMPTY);

  for (guint i = 0; skills && i < json_array_get_length (skills); i++)
    {
      g_autofree char *path = g_strdup_printf ("skills[%u]", i);
      JsonObject *object = voc_json_get_object (&l->check, json_array_get_element (skills, i), path);
      const char *id, *name, *area, *description;
      const char *first;

      if (object == NULL)
        continue;
      voc_json_check_members (&l->check, object, path, allowed);
      id = voc_json_get_id (&l->check, object, path, "id", "an id", "data-analyst");
      name = voc_json_get_string (&l->check, object, path, "name", VOC_JSON_REQUIRED);
      area = voc_json_get_string (&l->check, object, path, "area", VOC_JSON_REQUIRED);
      description = voc_json_get_string (&l->check, object, path, "description", VOC_JSON_REQUIRED);

      if (area != NULL && !g_hash_table_contains (l->area_names, area))
        {
          g_autofree char *where = voc_json_join_path (path, "area");
          g_autofree char *shown = voc_json_quote (area);

          voc_json_problem (&l->check, where, _("unknown area %s; expected the id of an entry in \"areas\""), shown);
          area = NULL;
        }
      if (id == NULL)
        continue;
      if ((first = g_hash_table_lookup (l->declared_skills, id)) != NULL)
        {
          g_autofree char *where = voc_json_join_path (path, "id");
          voc_json_problem (&l->check, where, _("duplicate skill id \"%s\" (already used by %s)"), id, first);
          continue;
        }
      g_hash_table_insert (l->declared_skills, (gpointer) id, g_strdup (path));
      if (name && area && description)
        {
          VocSkill *skill = voc_skill_new (id, name, area, g_hash_table_lookup (l->area_names, area), description);

          g_hash_table_insert (l->skills, (gpointer) voc_skill_get_id (skill), skill);
          g_ptr_array_add (l->skill_list, g_object_ref (skill));
        }
    }
}

static VocSkill *
resolve_skill (Loader     *l,
               JsonNode   *node,
               const char *where)
{
  const char *id;

  if (!voc_json_is_string (node) || voc_json_is_blank (json_node_get_string (node)))
    {
      g_autofree char *found = voc_json_describe (node);
      voc_json_problem (&l->check, where, _("expected a skill id, found %s"), found);
      return NULL;
    }

  id = json_node_get_string (node);
  if (!g_hash_table_contains (l->declared_skills, id))
    {
      g_autofree char *shown = voc_json_quote (id);

      voc_json_problem (&l->check, where, _("unknown skill %s; expected the id of an entry in \"skills\""), shown);
      return NULL;
    }

  /* Declared but itself invalid: that problem is reported once, at the skill. */
  return g_hash_table_lookup (l->skills, id);
}

static char *
known_qualifiers (void)
{
  g_autoptr (GString) text = g_string_new (NULL);
  const VocQualifier *all;
  guint n;

  all = voc_qualifier_get_all (&n);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s\"%s\"", i ? ", " : "", all[i].phrase);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A requirement's level and the seed's words for it ("qualifier"), which
 * must agree. */
static gboolean
load_level (Loader              *l,
            JsonObject          *object,
            const char          *path,
            gint64              *level_out,
            const VocQualifier **qualifier_out)
{
  g_autofree char *level_path = voc_json_join_path (path, "level");
  g_autofree char *qualifier_path = voc_json_join_path (path, "qualifier");
  const VocQualifier *qualifier = NULL;
  JsonNode *member;
  gint64 level = -1;
  gboolean ok = TRUE;

  member = json_object_get_member (object, "level");
  if (member == NULL)
    {
      voc_json_problem (&l->check, level_path, _("missing; expected an integer 0-5"));
      ok = FALSE;
    }
  else if (!JSON_NODE_HOLDS_VALUE (member) ||
           json_node_get_value_type (member) != G_TYPE_INT64 ||
           !voc_level_is_valid (json_node_get_int (member)))
    {
      g_autofree char *found = voc_json_describe (member);
      voc_json_problem (&l->check, level_path, _("expected an integer 0-5, found %s"), found);
      ok = FALSE;
    }
  else
    level = json_node_get_int (member);

  member = json_object_get_member (object, "qualifier");
  if (member != NULL)
    {
      if (!voc_json_is_string (member))
        {
          g_autofree char *found = voc_json_describe (member);
          voc_json_problem (&l->check, qualifier_path, _("expected the seed's words for the level as a string, found %s"), found);
          ok = FALSE;
        }
      else if ((qualifier = voc_qualifier_lookup (json_node_get_string (member))) == NULL)
        {
          g_autofree char *known = known_qualifiers ();
          g_autofree char *shown = voc_json_quote (json_node_get_string (member));

          voc_json_problem (&l->check, qualifier_path, _("unknown qualifier %s; expected one of %s"), shown, known);
          ok = FALSE;
        }
    }

  /* The level follows from the seed's words: the table in voc-level.c is
   * the only place that turns words into levels. */
  if (level >= 0 && (member == NULL || qualifier != NULL))
    {
      VocLevel expected = qualifier ? qualifier->level : VOC_LEVEL_UNQUALIFIED;

      if (level != expected)
        {
          g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, level);

          if (qualifier)
            voc_json_problem (&l->check, level_path, _("the qualifier \"%s\" means level %d (%s), found %s"),
                              qualifier->phrase, expected, voc_level_get_name (expected), found);
          else
            voc_json_problem (&l->check, level_path, _("a requirement without a qualifier expects level %d (%s), "
                                                       "found %s; add the seed's qualifier or change the level"),
                              expected, voc_level_get_name (expected), found);
          ok = FALSE;
        }
    }

  *level_out = level;
  *qualifier_out = qualifier;
  return ok;
}

/* The seed's sentences behind a requirement, one string each. */
static gboolean
load_details (Loader       *l,
              JsonObject   *object,
              const char   *path,
              GStrvBuilder *details)
{
  JsonArray *array;
  gboolean ok = TRUE;

  if ((array = voc_json_get_array (&l->check, object, path, "details", "strings", VOC_JSON_REQUIRED)))
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonNode *detail = json_array_get_element (array, i);

        if (!voc_json_is_string (detail) || voc_json_is_blank (json_node_get_string (detail)))
          {
            g_autofree char *where = g_strdup_printf ("%s.details[%u]", path, i);
            g_autofree char *found = voc_json_describe (detail);
            voc_json_problem (&l->check, where, _("expected a non-empty string, found %s"), found);
            ok = FALSE;
            continue;
          }
        g_strv_builder_add (details, json_node_get_string (detail));
      }
  else
    ok = FALSE;
  return ok;
}

static VocRequirement *
load_requirement (Loader       *l,
                  JsonNode     *node,
                  const char   *path,
                  VocSkillKind  kind)
{
  static const char *const allowed[] = { "skill", "alternatives", "label", "level", "qualifier", "details", "note",
                                         NULL };
  g_autoptr (GPtrArray) alternatives = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GStrvBuilder) details = g_strv_builder_new ();
  const VocQualifier *qualifier = NULL;
  JsonObject *object;
  JsonNode *member;
  JsonArray *array;
  VocSkill *skill = NULL;
  const char *label;
  const char *note;
  gint64 level = -1;
  gboolean ok = TRUE;
  VocRequirement *req;

  if (!(object = voc_json_get_object (&l->check, node, path)))
    return NULL;
  voc_json_check_members (&l->check, object, path, allowed);

  if ((member = json_object_get_member (object, "skill")) == NULL)
    {
      g_autofree char *where = voc_json_join_path (path, "skill");
      voc_json_problem (&l->check, where, _("missing; expected a skill id"));
      ok = FALSE;
    }
  else
    {
      g_autofree char *where = voc_json_join_path (path, "skill");
      skill = resolve_skill (l, member, where);
      ok &= skill != NULL;
    }

  if ((array = voc_json_get_array (&l->check, object, path, "alternatives", "skill ids", 0)))
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        g_autofree char *where = g_strdup_printf ("%s.alternatives[%u]", path, i);
        VocSkill *alt = resolve_skill (l, json_array_get_element (array, i), where);

        if (alt != NULL)
          g_ptr_array_add (alternatives, g_object_ref (alt));
        ok &= alt != NULL;
      }

  label = voc_json_get_string (&l->check, object, path, "label", VOC_JSON_REQUIRED);
  ok &= label != NULL;
  /* An editor's note on how the seed was read; a wrong type is a problem. */
  note = voc_json_get_string (&l->check, object, path, "note", 0);
  ok &= note != NULL || json_object_get_member (object, "note") == NULL;

  ok &= load_level (l, object, path, &level, &qualifier);
  ok &= load_details (l, object, path, details);

  if (!ok)
    return NULL;

  req = voc_requirement_new (skill, label, (VocLevel) level,
                             qualifier ? json_node_get_string (json_object_get_member (object, "qualifier")) : NULL,
                             qualifier ? qualifier->optional : FALSE,
                             g_strv_builder_end (details));
  req->kind = kind;
  req->note = g_strdup (note);
  g_ptr_array_extend_and_steal (req->alternatives, g_steal_pointer (&alternatives));
  return req;
}

static VocRequirementGroup *
load_group (Loader     *l,
            JsonNode   *node,
            const char *path)
{
  static const char *const allowed[] = { "title", "kind", "requirements", NULL };
  g_autoptr (VocRequirementGroup) group = NULL;
  JsonObject *object;
  JsonArray *requirements;
  const char *title, *kind_name;
  VocSkillKind kind = VOC_SKILL_KIND_TECHNICAL;
  gboolean ok = TRUE;

  if (!(object = voc_json_get_object (&l->check, node, path)))
    return NULL;
  voc_json_check_members (&l->check, object, path, allowed);

  title = voc_json_get_string (&l->check, object, path, "title", VOC_JSON_REQUIRED);
  kind_name = voc_json_get_string (&l->check, object, path, "kind", VOC_JSON_REQUIRED);
  if (g_strcmp0 (kind_name, "soft") == 0)
    kind = VOC_SKILL_KIND_SOFT;
  else if (kind_name != NULL && g_strcmp0 (kind_name, "technical") != 0)
    {
      g_autofree char *where = voc_json_join_path (path, "kind");
      g_autofree char *shown = voc_json_quote (kind_name);

      voc_json_problem (&l->check, where, _("expected \"technical\" or \"soft\", found %s"), shown);
      ok = FALSE;
    }
  ok &= title != NULL && kind_name != NULL;

  group = voc_requirement_group_new (title, kind);
  requirements = voc_json_get_array (&l->check, object, path, "requirements", "requirements", VOC_JSON_REQUIRED | VOC_JSON_NON_EMPTY);
  ok &= requirements != NULL;
  for (guint i = 0; requirements && i < json_array_get_length (requirements); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s.requirements[%u]", path, i);
      VocRequirement *req = load_requirement (l, json_array_get_element (requirements, i), where, kind);

      if (req != NULL)
        g_ptr_array_add (group->requirements, req);
      ok &= req != NULL;
    }

  return ok ? g_steal_pointer (&group) : NULL;
}

static void
load_roles (Loader     *l,
            JsonObject *root)
{
  static const char *const allowed[] = { "id", "name", "family", "tagline", "summary", "groups", NULL };
  JsonArray *roles = voc_json_get_array (&l->check, root, "", "roles", "roles", VOC_JSON_REQUIRED | VOC_JSON_NON_EMPTY);

  for (guint i = 0; roles && i < json_array_get_length (roles); i++)
    {
      g_autofree char *path = g_strdup_printf ("roles[%u]", i);
      g_autoptr (VocRole) role = NULL;
      JsonObject *object = voc_json_get_object (&l->check, json_array_get_element (roles, i), path);
      const char *id, *name, *family, *tagline, *summary, *first;
      JsonArray *groups;
      gboolean ok = TRUE;

      if (object == NULL)
        continue;
      voc_json_check_members (&l->check, object, path, allowed);
      id = voc_json_get_id (&l->check, object, path, "id", "an id", "data-analyst");
      name = voc_json_get_string (&l->check, object, path, "name", VOC_JSON_REQUIRED);
      family = voc_json_get_string (&l->check, object, path, "family", VOC_JSON_REQUIRED);
      tagline = voc_json_get_string (&l->check, object, path, "tagline", VOC_JSON_REQUIRED);
      summary = voc_json_get_string (&l->check, object, path, "summary", VOC_JSON_REQUIRED);
      ok = id && name && family && tagline && summary;

      if (id != NULL && (first = g_hash_table_lookup (l->role_ids, id)) != NULL)
        {
          g_autofree char *where = voc_json_join_path (path, "id");
          voc_json_problem (&l->check, where, _("duplicate role id \"%s\" (already used by %s)"), id, first);
          ok = FALSE;
        }
      else if (id != NULL)
        g_hash_table_insert (l->role_ids, (gpointer) id, g_strdup (path));

      if (ok)
        role = voc_role_new (id, name, family, tagline, summary);

      groups = voc_json_get_array (&l->check, object, path, "groups", "requirement groups", VOC_JSON_REQUIRED | VOC_JSON_NON_EMPTY);
      ok &= groups != NULL;
      for (guint g = 0; groups && g < json_array_get_length (groups); g++)
        {
          g_autofree char *where = g_strdup_printf ("%s.groups[%u]", path, g);
          VocRequirementGroup *group = load_group (l, json_array_get_element (groups, g), where);

          if (group != NULL && role != NULL)
            voc_role_add_group (role, group);
          else
            voc_requirement_group_free (group);
        }

      if (ok && role != NULL)
        {
          g_ptr_array_add (l->roles, g_steal_pointer (&role));
          g_ptr_array_add (l->role_families, (gpointer) family);
        }
    }
}

static void
load_root (Loader   *l,
           JsonNode *root_node)
{
  static const char *const allowed[] = { "format_version", "areas", "skills", "roles", NULL };
  JsonObject *root;
  JsonNode *version;

  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    {
      g_autofree char *found = voc_json_describe (root_node);
      voc_json_problem (&l->check, NULL, _("expected a JSON object at the top level, found %s"), found);
      return;
    }
  root = json_node_get_object (root_node);

  /* A different version may mean anything: say so and check nothing else. */
  version = json_object_get_member (root, "format_version");
  if (version == NULL)
    {
      voc_json_problem (&l->check, _("format_version"), "missing; expected the integer %d", VOC_CATALOG_FORMAT_VERSION);
      return;
    }
  if (!JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64)
    {
      g_autofree char *found = voc_json_describe (version);
      voc_json_problem (&l->check, _("format_version"), "expected the integer %d, found %s", VOC_CATALOG_FORMAT_VERSION, found);
      return;
    }
  if (json_node_get_int (version) != VOC_CATALOG_FORMAT_VERSION)
    {
      voc_json_problem (&l->check, _("format_version"), "unknown format version %" G_GINT64_FORMAT
               "; this version of Vocation reads format version %d",
               json_node_get_int (version), VOC_CATALOG_FORMAT_VERSION);
      return;
    }

  voc_json_check_members (&l->check, root, "", allowed);
  load_areas (l, root);
  load_skills (l, root);
  load_roles (l, root);

  /* Every declared skill should be needed by some role; an unused one is
   * most likely a typo in a requirement. */
  if (l->check.problems->len == 0)
    {
      g_autoptr (GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint r = 0; r < l->roles->len; r++)
        {
          VocRole *role = g_ptr_array_index (l->roles, r);

          for (guint g = 0; g < voc_role_get_n_groups (role); g++)
            {
              const VocRequirementGroup *group = voc_role_get_group (role, g);

              for (guint q = 0; q < group->requirements->len; q++)
                {
                  VocRequirement *req = g_ptr_array_index (group->requirements, q);

                  g_hash_table_add (used, (gpointer) voc_skill_get_id (req->skill));
                  for (guint a = 0; a < req->alternatives->len; a++)
                    g_hash_table_add (used, (gpointer) voc_skill_get_id (g_ptr_array_index (req->alternatives, a)));
                }
            }
        }
      for (guint s = 0; s < l->skill_list->len; s++)
        {
          VocSkill *skill = g_ptr_array_index (l->skill_list, s);

          if (!g_hash_table_contains (used, voc_skill_get_id (skill)))
            {
              g_autofree char *where = g_strdup_printf ("skills[%u]", s);
              voc_json_problem (&l->check, where, _("the skill \"%s\" is not required by any role"), voc_skill_get_id (skill));
            }
        }
    }
}

gboolean
_voc_catalog_load (VocCatalog *catalog,
                   const char *data,
                   gsize       length,
                   const char *display_name,
                   GPtrArray  *problems)
{
  g_autoptr (JsonParser) parser = NULL;
  Loader l = { 0 };
  gboolean ok;

  g_return_val_if_fail (VOC_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (catalog->roles->len == 0, FALSE);

  voc_json_check_init (&l.check, display_name, problems, VOC_CATALOG_MAX_PROBLEMS);
  if (!(parser = voc_json_parse (&l.check, data, length, VOC_CATALOG_MAX_SIZE, _("a catalog"))))
    return FALSE;

  l.area_names = g_hash_table_new (g_str_hash, g_str_equal);
  l.declared_skills = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  l.skills = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  l.role_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  l.areas = g_ptr_array_new_with_free_func ((GDestroyNotify) _voc_area_free);
  l.skill_list = g_ptr_array_new_with_free_func (g_object_unref);
  l.roles = g_ptr_array_new_with_free_func (g_object_unref);
  l.role_families = g_ptr_array_new ();

  load_root (&l, json_parser_get_root (parser));

  voc_json_check_finish (&l.check);

  ok = problems->len == 0;
  if (ok)
    {
      /* Nothing reaches the catalog unless the whole document was valid. */
      g_ptr_array_extend_and_steal (catalog->areas, g_steal_pointer (&l.areas));
      for (guint i = 0; i < l.skill_list->len; i++)
        {
          VocSkill *skill = g_ptr_array_index (l.skill_list, i);

          g_list_store_append (catalog->skills, skill);
          g_hash_table_insert (catalog->skills_by_id, (gpointer) voc_skill_get_id (skill), skill);
        }
      for (guint i = 0; i < l.roles->len; i++)
        _voc_catalog_add_role (catalog, g_ptr_array_index (l.roles, i),
                               g_ptr_array_index (l.role_families, i));
    }

  g_clear_pointer (&l.area_names, g_hash_table_unref);
  g_clear_pointer (&l.declared_skills, g_hash_table_unref);
  g_clear_pointer (&l.skills, g_hash_table_unref);
  g_clear_pointer (&l.role_ids, g_hash_table_unref);
  g_clear_pointer (&l.areas, g_ptr_array_unref);
  g_clear_pointer (&l.skill_list, g_ptr_array_unref);
  g_clear_pointer (&l.roles, g_ptr_array_unref);
  g_clear_pointer (&l.role_families, g_ptr_array_unref);

  return ok;
}
