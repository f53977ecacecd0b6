/* test-catalog.c: the shipped catalog holds the seed's roles as the seed groups them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "voc-catalog.h"
#include "voc-role-text.h"

/* The seed's twelve roles, in its order, with the headings it groups each
 * role's requirements under (soft skills listed without a heading form
 * "Soft Skills"). */
static const struct
{
  const char *id;
  const char *name;
  const char *groups[10];
} seed_roles[] = {
  { "data-analyst", "Data Analyst", { "Technical Skills", "Soft Skills" } },
  { "bi-developer", "Business Intelligence Developer", { "Technical Skills", "Soft Skills" } },
  { "data-scientist", "Data Scientist",
    { "Technical Skills", "Machine Learning", "Deep Learning (Introductory)", "Statistics & Math",
      "Data Wrangling", "Basic Deployment", "Soft Skills" } },
  { "ml-engineer", "Machine Learning Engineer",
    { "Technical Skills", "Model Serving & Deployment", "MLOps Tools", "Cloud Platform Experience",
      "Data Engineering Basics", "Optimization & Scaling", "Soft Skills" } },
  { "data-engineer", "Data Engineer",
    { "Technical Skills", "Big Data Ecosystem", "Data Warehouse Technologies",
      "ETL/ELT Tools & Orchestration", "Cloud Infrastructure", "Version Control & CI/CD", "Data Modeling",
      "Soft Skills" } },
  { "mlops-engineer", "MLOps Engineer",
    { "Containerization & Orchestration", "CI/CD for ML", "Pipeline Orchestration",
      "Monitoring & Logging", "Infrastructure as Code (IaC)", "Cloud Services", "Security & Compliance",
      "Soft Skills" } },
  { "deep-learning-engineer", "Deep Learning Engineer / Research Engineer",
    { "Neural Network Architectures", "DL Framework Mastery", "Advanced Topics",
      "Mathematical Foundations", "GPU/Distributed Training",
      "Experiment Tracking & Hyperparameter Tuning", "Soft Skills" } },
  { "nlp-engineer", "NLP Engineer",
    { "Text Preprocessing", "Embeddings & Language Models", "Advanced Architectures",
      "Model Serving for NLP", "Evaluation Metrics", "Speech/NLP Integration", "Soft Skills" } },
  { "computer-vision-engineer", "Computer Vision Engineer",
    { "Technical Skills", "Vision Architectures", "Frameworks & Tools", "Deployment",
      "Evaluation Metrics", "Soft Skills" } },
  { "prompt-engineer", "Prompt Engineer",
    { "Technical Skills", "Prompt Crafting Techniques", "Scripting Automation",
      "Basic NLP Understanding", "Domain-Specific Fine-Tuning/Adapters", "Soft Skills" } },
  { "generative-ai-researcher", "Generative AI Researcher / Architect",
    { "Mathematical Foundations (Advanced)", "Generative Architectures",
      "Distributed & Scalable Training", "Performance Profiling & Optimization",
      "Research Workflow", "Soft Skills" } },
  { "ai-product-manager", "AI Product Manager",
    { "Technical Skills (Moderate Coding/Technical Literacy)", "Business/Domain Skills", "Soft Skills" } },
};

static VocCatalog *
load_shipped (void)
{
  g_autoptr (GError) error = NULL;
  VocCatalog *catalog = voc_catalog_new_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  return catalog;
}

static const VocRequirement *
find_requirement (VocRole    *role,
                  const char *skill_id)
{
  for (guint g = 0; g < voc_role_get_n_groups (role); g++)
    {
      const VocRequirementGroup *group = voc_role_get_group (role, g);

      for (guint r = 0; r < group->requirements->len; r++)
        {
          const VocRequirement *req = g_ptr_array_index (group->requirements, r);

          if (g_str_equal (voc_skill_get_id (req->skill), skill_id))
            return req;
        }
    }
  return NULL;
}

/* The requirement of role @role_id for @skill_id; fails the test if none. */
static const VocRequirement *
requirement_of (VocCatalog *catalog,
                const char *role_id,
                const char *skill_id)
{
  VocRole *role = voc_catalog_lookup_role (catalog, role_id);
  const VocRequirement *req;

  g_assert_nonnull (role);
  req = find_requirement (role, skill_id);
  g_assert_nonnull (req);
  return req;
}

/* The group a requirement of @role_id labelled @label sits in. */
static const char *
group_of (VocCatalog *catalog,
          const char *role_id,
          const char *label)
{
  VocRole *role = voc_catalog_lookup_role (catalog, role_id);

  g_assert_nonnull (role);
  for (guint g = 0; g < voc_role_get_n_groups (role); g++)
    {
      const VocRequirementGroup *group = voc_role_get_group (role, g);

      for (guint r = 0; r < group->requirements->len; r++)
        if (g_str_equal (((VocRequirement *) g_ptr_array_index (group->requirements, r))->label, label))
          return group->title;
    }
  return NULL;
}

static gboolean
requirement_has_skill (const VocRequirement *req,
                       const char           *skill_id)
{
  if (g_str_equal (voc_skill_get_id (req->skill), skill_id))
    return TRUE;
  for (guint a = 0; a < req->alternatives->len; a++)
    if (g_str_equal (voc_skill_get_id (g_ptr_array_index (req->alternatives, a)), skill_id))
      return TRUE;
  return FALSE;
}

static gboolean
details_mention (const VocRequirement *req,
                 const char           *word)
{
  for (guint d = 0; req->details[d]; d++)
    if (strstr (req->details[d], word))
      return TRUE;
  return FALSE;
}

/* Read against the seed again: each requirement under the heading the
 * seed gives it, conditional items optional, one skill for one thing. */
static void
test_seed_reading (void)
{
  g_autoptr (VocCatalog) catalog = load_shipped ();
  GListModel *roles = G_LIST_MODEL (catalog);
  GListModel *skills = voc_catalog_get_skills (catalog);
  const VocRequirement *req;
  guint largest_area = 0;

  g_assert_cmpstr (group_of (catalog, "nlp-engineer", "Speech/NLP Integration"), ==, "Speech/NLP Integration");
  g_assert_cmpstr (group_of (catalog, "mlops-engineer", "Cloud Services (Any One or Multiple)"), ==, "Cloud Services");
  g_assert_cmpstr (group_of (catalog, "mlops-engineer", "Security & Compliance"), ==, "Security & Compliance");
  g_assert_cmpstr (group_of (catalog, "data-engineer", "Version Control"), ==, "Version Control & CI/CD");
  g_assert_cmpstr (group_of (catalog, "data-engineer", "CI/CD"), ==, "Version Control & CI/CD");
  g_assert_cmpstr (group_of (catalog, "data-engineer", "Data Modeling"), ==, "Data Modeling");

  /* "If a project requires fine-tuning…": optional, as "if in GenAI territory" is. */
  req = requirement_of (catalog, "prompt-engineer", "fine-tuning");
  g_assert_true (req->optional);
  g_assert_cmpstr (req->qualifier, ==, "If a project requires it");
  g_assert_nonnull (req->note);
  req = requirement_of (catalog, "deep-learning-engineer", "generative-models");
  g_assert_true (req->optional);
  /* The Data Scientist's Version Control keeps its heading's "Basic", and says why. */
  req = requirement_of (catalog, "data-scientist", "version-control");
  g_assert_cmpstr (req->qualifier, ==, "Basic");
  g_assert_nonnull (req->note);
  g_assert_nonnull (strstr (req->note, "Basic Deployment"));

  /* MongoDB has a skill of its own: the SQL skill is relational. */
  req = requirement_of (catalog, "data-scientist", "sql");
  g_assert_true (details_mention (req, "MongoDB"));
  g_assert_true (requirement_has_skill (req, "nosql-databases"));
  {
    VocSkill *nosql = voc_catalog_lookup_skill (catalog, "nosql-databases");

    g_assert_nonnull (nosql);
    g_assert_nonnull (strstr (voc_skill_get_description (nosql), "MongoDB"));
  }

  for (guint i = 0; i < g_list_model_get_n_items (roles); i++)
    {
      g_autoptr (VocRole) role = g_list_model_get_item (roles, i);

      for (guint g = 0; g < voc_role_get_n_groups (role); g++)
        {
          const VocRequirementGroup *group = voc_role_get_group (role, g);

          for (guint r = 0; r < group->requirements->len; r++)
            {
              req = g_ptr_array_index (group->requirements, r);
              /* Flask and FastAPI endpoints are one skill, in every role. */
              if (details_mention (req, "Flask") || details_mention (req, "FastAPI"))
                g_assert_cmpstr (voc_skill_get_id (req->skill), ==, "api-development");
              /* HDFS is the Hadoop skill's, wherever it is named. */
              if (details_mention (req, "HDFS"))
                g_assert_true (requirement_has_skill (req, "distributed-computing"));
            }
        }
    }

  /* No skill but one describes HDFS; no area is a catch-all. */
  {
    g_autoptr (GHashTable) per_area = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < g_list_model_get_n_items (skills); i++)
      {
        g_autoptr (VocSkill) skill = g_list_model_get_item (skills, i);
        const char *area = voc_skill_get_area_name (skill);
        guint n = GPOINTER_TO_UINT (g_hash_table_lookup (per_area, area)) + 1;

        if (strstr (voc_skill_get_description (skill), "HDFS"))
          g_assert_cmpstr (voc_skill_get_id (skill), ==, "distributed-computing");
        g_hash_table_insert (per_area, (gpointer) area, GUINT_TO_POINTER (n));
        largest_area = MAX (largest_area, n);
      }
    g_assert_cmpuint (largest_area, <=, 12);
    g_assert_cmpuint (g_hash_table_size (per_area), >=, 12);
  }
}

static void
test_roles_in_seed_order (void)
{
  g_autoptr (VocCatalog) catalog = load_shipped ();
  GListModel *model = G_LIST_MODEL (catalog);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (seed_roles));
  for (guint i = 0; i < G_N_ELEMENTS (seed_roles); i++)
    {
      g_autoptr (VocRole) role = g_list_model_get_item (model, i);

      g_assert_cmpstr (voc_role_get_id (role), ==, seed_roles[i].id);
      g_assert_cmpstr (voc_role_get_name (role), ==, seed_roles[i].name);
      g_assert_cmpstr (voc_role_get_family (role), !=, "");
      g_assert_cmpuint (g_utf8_strlen (voc_role_get_tagline (role), -1), <=, 80);
      g_assert_cmpuint (strlen (voc_role_get_summary (role)), >, 80);
    }
}

static void
test_seed_groups (void)
{
  g_autoptr (VocCatalog) catalog = load_shipped ();

  for (guint i = 0; i < G_N_ELEMENTS (seed_roles); i++)
    {
      VocRole *role = voc_catalog_lookup_role (catalog, seed_roles[i].id);
      guint n = 0;

      g_assert_nonnull (role);
      while (n < G_N_ELEMENTS (seed_roles[i].groups) && seed_roles[i].groups[n])
        n++;
      g_assert_cmpuint (voc_role_get_n_groups (role), ==, n);

      for (guint g = 0; g < n; g++)
        {
          const VocRequirementGroup *group = voc_role_get_group (role, g);

          g_assert_cmpstr (group->title, ==, seed_roles[i].groups[g]);
          g_assert_cmpuint (group->requirements->len, >, 0);
          /* Only the last group holds soft skills, and every role has some. */
          g_assert_cmpint (group->kind, ==, g == n - 1 ? VOC_SKILL_KIND_SOFT : VOC_SKILL_KIND_TECHNICAL);
        }
    }
}

static void
test_shared_taxonomy (void)
{
  g_autoptr (VocCatalog) catalog = load_shipped ();
  VocRole *analyst = voc_catalog_lookup_role (catalog, "data-analyst");
  VocRole *engineer = voc_catalog_lookup_role (catalog, "data-engineer");
  VocRole *bi = voc_catalog_lookup_role (catalog, "bi-developer");
  const VocRequirement *a = find_requirement (analyst, "sql");
  const VocRequirement *e = find_requirement (engineer, "sql");
  const VocRequirement *b = find_requirement (bi, "sql");
  guint n_areas = voc_catalog_get_n_areas (catalog);

  /* SQL is one skill at three expected levels, justified by the seed's words. */
  g_assert_nonnull (a);
  g_assert_nonnull (e);
  g_assert_true (a->skill == e->skill && e->skill == b->skill);
  g_assert_cmpint (a->level, ==, VOC_LEVEL_PRACTITIONER);
  g_assert_null (a->qualifier);
  g_assert_cmpint (b->level, ==, VOC_LEVEL_ADVANCED);
  g_assert_cmpstr (b->qualifier, ==, "Advanced");
  g_assert_cmpint (e->level, ==, VOC_LEVEL_EXPERT);
  g_assert_cmpstr (e->qualifier, ==, "Mastery");

  /* Groups of a size My Skills can show at a glance (see seed-reading). */
  g_assert_cmpuint (n_areas, >=, 10);
  g_assert_cmpuint (n_areas, <=, 16);

  for (guint i = 0; i < g_list_model_get_n_items (voc_catalog_get_skills (catalog)); i++)
    {
      g_autoptr (VocSkill) skill = g_list_model_get_item (voc_catalog_get_skills (catalog), i);

      g_assert_nonnull (voc_catalog_get_area_name (catalog, voc_skill_get_area_id (skill)));
      g_assert_cmpstr (voc_skill_get_description (skill), !=, "");
    }
}

static void
test_qualifiers_follow_the_table (void)
{
  g_autoptr (VocCatalog) catalog = load_shipped ();
  VocRole *analyst = voc_catalog_lookup_role (catalog, "data-analyst");
  VocRole *pm = voc_catalog_lookup_role (catalog, "ai-product-manager");
  const VocRequirement *python = find_requirement (analyst, "python");
  const VocRequirement *stats = find_requirement (analyst, "statistics");
  const VocRequirement *excel = find_requirement (analyst, "excel");
  const VocRequirement *pipeline = find_requirement (pm, "ml-pipelines");

  g_assert_true (python->optional);
  g_assert_cmpuint (python->alternatives->len, ==, 1);
  g_assert_cmpstr (voc_skill_get_id (g_ptr_array_index (python->alternatives, 0)), ==, "r-language");
  g_assert_cmpint (stats->level, ==, VOC_LEVEL_BEGINNER);
  g_assert_cmpint (excel->level, ==, VOC_LEVEL_ADVANCED);
  g_assert_cmpint (pipeline->level, ==, VOC_LEVEL_AWARENESS);
}

static void
test_level_names (void)
{
  static const char *names[] = { "None", "Awareness", "Beginner", "Practitioner", "Advanced", "Expert" };
  guint n = 0;
  const VocQualifier *all = voc_qualifier_get_all (&n);

  for (int level = VOC_LEVEL_MIN; level <= VOC_LEVEL_MAX; level++)
    {
      g_assert_cmpstr (voc_level_get_name (level), ==, names[level]);
      g_assert_cmpstr (voc_level_get_meaning (level), !=, "");
    }

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (voc_qualifier_lookup (all[i].phrase) == &all[i]);
      g_assert_true (voc_level_is_valid (all[i].level));
    }
  g_assert_nonnull (voc_qualifier_lookup ("MASTERY"));
  g_assert_null (voc_qualifier_lookup ("Superb"));
}

static void
test_search (void)
{
  g_autoptr (VocCatalog) catalog = load_shipped ();
  VocRole *engineer = voc_catalog_lookup_role (catalog, "data-engineer");
  VocRole *analyst = voc_catalog_lookup_role (catalog, "data-analyst");

  /* By name, by skill, by a tool in the details, several words, any case. */
  g_assert_true (voc_role_matches_query (engineer, "data engineer"));
  g_assert_true (voc_role_matches_query (engineer, "KAFKA"));
  g_assert_true (voc_role_matches_query (analyst, "vlookup"));
  g_assert_true (voc_role_matches_query (analyst, "pivot  sql"));
  g_assert_false (voc_role_matches_query (analyst, "kafka"));
  g_assert_false (voc_role_matches_query (analyst, "pivot kafka"));
  g_assert_true (voc_role_matches_query (analyst, ""));
  g_assert_true (voc_role_matches_query (analyst, NULL));
}

static const char *
first_found (VocCatalog *catalog,
             const char *query)
{
  g_autoptr (GPtrArray) found = voc_catalog_search (catalog, query);

  return found->len > 0 ? voc_role_get_id (g_ptr_array_index (found, 0)) : NULL;
}

/* Search ranks: the whole name, then its start, then its words, then the
 * skills, then anywhere; Enter (and --search) take the first. */
static void
test_search_ranks (void)
{
  g_autoptr (VocCatalog) catalog = load_shipped ();
  g_autoptr (GPtrArray) all = voc_catalog_search (catalog, "");
  g_autoptr (GPtrArray) data = voc_catalog_search (catalog, "data");

  g_assert_cmpstr (first_found (catalog, "data engineer"), ==, "data-engineer");
  g_assert_cmpstr (first_found (catalog, "Data Scientist"), ==, "data-scientist");
  g_assert_cmpstr (first_found (catalog, "mlops"), ==, "mlops-engineer");
  g_assert_cmpstr (first_found (catalog, "eng data"), ==, "data-engineer");
  g_assert_cmpstr (first_found (catalog, "prompt"), ==, "prompt-engineer");
  g_assert_cmpstr (first_found (catalog, "kafka"), ==, "data-engineer");
  g_assert_null (first_found (catalog, "kafka zebra"));
  g_assert_cmpint (voc_role_rank_query (voc_catalog_lookup_role (catalog, "data-engineer"), "data engineer"), ==,
                   VOC_RANK_NAME);
  g_assert_cmpint (voc_role_rank_query (voc_catalog_lookup_role (catalog, "data-scientist"), "data engineer"), ==,
                   VOC_RANK_ANYWHERE);
  g_assert_cmpint (voc_role_rank_query (voc_catalog_lookup_role (catalog, "ml-engineer"), "mlops"), >,
                   VOC_RANK_NAME_WORDS);
  /* No query: all of them, in the catalog's order; equal ranks keep it. */
  g_assert_cmpuint (all->len, ==, 12);
  g_assert_cmpstr (voc_role_get_id (g_ptr_array_index (all, 0)), ==, "data-analyst");
  g_assert_cmpstr (voc_role_get_id (g_ptr_array_index (all, 11)), ==, "ai-product-manager");
  g_assert_cmpstr (voc_role_get_id (g_ptr_array_index (data, 0)), ==, "data-analyst");
  g_assert_cmpstr (voc_role_get_id (g_ptr_array_index (data, 1)), ==, "data-scientist");
}

static void
test_key_skills (void)
{
  g_autoptr (VocCatalog) catalog = load_shipped ();
  VocRole *engineer = voc_catalog_lookup_role (catalog, "data-engineer");
  g_autoptr (GPtrArray) skills = voc_role_get_key_skills (engineer, 3);

  /* SQL Mastery is what a Data Engineer needs most. */
  g_assert_cmpuint (skills->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (skills, 0), ==, "SQL");
}

static void
test_families (void)
{
  g_autoptr (VocCatalog) catalog = load_shipped ();
  g_autoptr (GPtrArray) families = voc_catalog_get_families (catalog);

  g_assert_cmpuint (families->len, ==, 7);
  g_assert_cmpstr (g_ptr_array_index (families, 0), ==, "Analytics");
}

static void
test_text (void)
{
  g_autoptr (VocCatalog) catalog = load_shipped ();
  g_autofree char *list = voc_catalog_format_list (catalog);
  g_autofree char *text = voc_role_format_text (voc_catalog_lookup_role (catalog, "data-analyst"));
  g_auto (GStrv) lines = g_strsplit (list, "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), ==, 13); /* twelve and the final newline */
  g_assert_true (g_str_has_prefix (lines[0], "data-analyst "));
  g_assert_true (strstr (lines[0], "Data Analyst") != NULL);
  g_assert_true (g_str_has_suffix (lines[0], "Analytics"));

  g_assert_true (g_str_has_prefix (text, "Data Analyst\nFamily: Analytics\n"));
  g_assert_nonnull (strstr (text, "  Excel: Advanced (4), seed says “Advanced”\n"));
  g_assert_nonnull (strstr (text, "    - Formulas (VLOOKUP, INDEX-MATCH)\n"));
  g_assert_nonnull (strstr (text, "\nSoft Skills\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/shipped/roles-in-seed-order", test_roles_in_seed_order);
  g_test_add_func ("/catalog/shipped/seed-groups", test_seed_groups);
  g_test_add_func ("/catalog/shipped/seed-reading", test_seed_reading);
  g_test_add_func ("/catalog/shipped/shared-taxonomy", test_shared_taxonomy);
  g_test_add_func ("/catalog/shipped/qualifiers", test_qualifiers_follow_the_table);
  g_test_add_func ("/catalog/levels", test_level_names);
  g_test_add_func ("/catalog/shipped/search", test_search);
  g_test_add_func ("/catalog/shipped/search-ranks", test_search_ranks);
  g_test_add_func ("/catalog/shipped/key-skills", test_key_skills);
  g_test_add_func ("/catalog/shipped/families", test_families);
  g_test_add_func ("/catalog/shipped/text", test_text);

  return g_test_run ();
}
