/* test-match.c: scores and gap order against hand-computed values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "voc-catalog.h"
#include "voc-match.h"

static VocCatalog *
load (void)
{
  g_autoptr (GError) error = NULL;
  VocCatalog *catalog = voc_catalog_new_default (&error);

  g_assert_no_error (error);
  return catalog;
}

static void
rate (VocProfile *profile,
      const char *skill,
      int         level)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (voc_profile_set_rating (profile, skill, level, TRUE, &error));
  g_assert_no_error (error);
}

/* Data Analyst asks for: Excel 4, SQL 3, Python-or-R 2 (optional, w 0.5),
 * Visualization 3, Statistics 2; soft: communication 3, writing 3, domain 3.
 * Σ w·need = 4+3+1+3+2+3+3+3 = 22. */
static void
test_empty_profile (void)
{
  g_autoptr (VocCatalog) catalog = load ();
  g_autoptr (VocProfile) profile = voc_profile_new ();
  g_autoptr (VocMatch) match = voc_match_compute (voc_catalog_lookup_role (catalog, "data-analyst"),
                                                  profile, VOC_MATCH_SCOPE_ALL);

  g_assert_cmpfloat (match->possible, ==, 22.0);
  g_assert_cmpfloat (match->achieved, ==, 0.0);
  g_assert_cmpint (voc_match_get_percent (match), ==, 0);
  g_assert_cmpuint (match->items->len, ==, 8);
  g_assert_cmpuint (match->gaps->len, ==, 8);
  /* An exported chart does not call it "0% match": nothing was rated. */
  {
    g_autofree char *line = voc_match_describe (match, VOC_MATCH_SCOPE_ALL, NULL);

    g_assert_cmpstr (line, ==, "8 skills, none rated yet");
  }
  /* The biggest weighted gap first: Excel (4), then the 3s in role order. */
  g_assert_cmpstr (((VocMatchItem *) g_ptr_array_index (match->gaps, 0))->requirement->label, ==, "Excel");
  g_assert_cmpstr (((VocMatchItem *) g_ptr_array_index (match->gaps, 1))->requirement->label, ==, "SQL");
  /* The optional Python-or-R gap (0.5 × 2 = 1) comes last. */
  g_assert_cmpstr (((VocMatchItem *) g_ptr_array_index (match->gaps, 7))->requirement->label, ==, "Python or R");
}

static void
test_hand_computed (void)
{
  g_autoptr (VocCatalog) catalog = load ();
  g_autoptr (VocProfile) profile = voc_profile_new ();
  VocRole *analyst = voc_catalog_lookup_role (catalog, "data-analyst");
  g_autoptr (VocMatch) match = NULL;
  g_autoptr (VocMatch) technical = NULL;
  g_autofree char *explanation = NULL;
  VocMatchItem *first;

  rate (profile, "excel", 5);        /* min(5, 4) = 4 */
  rate (profile, "sql", 2);          /* 2, gap 1 */
  rate (profile, "r-language", 4);   /* "Python or R": min(4, 2) × 0.5 = 1 */
  rate (profile, "statistics", 1);   /* 1, gap 1 */
  /* achieved = 4 + 2 + 1 + 0 + 1 = 8 of 22 → 36 % */
  match = voc_match_compute (analyst, profile, VOC_MATCH_SCOPE_ALL);
  g_assert_cmpfloat (match->achieved, ==, 8.0);
  g_assert_cmpfloat (match->possible, ==, 22.0);
  g_assert_cmpint (voc_match_get_percent (match), ==, 36);

  /* Gaps: visualization 3, the three soft skills 3, then SQL 1 and Statistics 1. */
  g_assert_cmpuint (match->gaps->len, ==, 6);
  first = g_ptr_array_index (match->gaps, 0);
  g_assert_cmpstr (first->requirement->label, ==, "Visualization Platforms");
  g_assert_cmpint (first->gap, ==, 3);
  g_assert_cmpstr (((VocMatchItem *) g_ptr_array_index (match->gaps, 4))->requirement->label, ==, "SQL");
  g_assert_cmpstr (((VocMatchItem *) g_ptr_array_index (match->gaps, 5))->requirement->label, ==, "Statistics");

  /* Technical only: Σ w·need = 4+3+1+3+2 = 13, achieved 8 → 62 %. */
  technical = voc_match_compute (analyst, profile, VOC_MATCH_SCOPE_TECHNICAL);
  g_assert_cmpfloat (technical->possible, ==, 13.0);
  g_assert_cmpint (voc_match_get_percent (technical), ==, 62);

  explanation = voc_match_explain (match);
  g_assert_nonnull (strstr (explanation, "= 8 ÷ 22 = 36%"));

  /* The line under an exported chart's title. */
  {
    g_autoptr (GDateTime) day = g_date_time_new_local (2026, 12, 4, 10, 0, 0);
    g_autofree char *line = voc_match_describe (match, VOC_MATCH_SCOPE_ALL, day);
    g_autofree char *tech = voc_match_describe (technical, VOC_MATCH_SCOPE_TECHNICAL, NULL);

    g_assert_cmpstr (line, ==, "36% match over 8 skills · 4 December 2026");
    g_assert_cmpstr (tech, ==, "62% match over 5 technical skills");
  }
}

static void
test_not_relevant (void)
{
  g_autoptr (VocCatalog) catalog = load ();
  g_autoptr (VocProfile) profile = voc_profile_new ();
  VocRole *analyst = voc_catalog_lookup_role (catalog, "data-analyst");
  g_autoptr (VocMatch) match = NULL;
  g_autoptr (GError) error = NULL;

  rate (profile, "excel", 4);
  /* Excel is not relevant to me: it leaves both sums (22 − 4 = 18, 4 − 4 = 0). */
  g_assert_true (voc_profile_set_rating (profile, "excel", 4, FALSE, &error));
  /* Python not relevant, R not rated: the pair still counts through R. */
  g_assert_true (voc_profile_set_rating (profile, "python", -1, FALSE, &error));
  rate (profile, "sql", 3);

  match = voc_match_compute (analyst, profile, VOC_MATCH_SCOPE_ALL);
  g_assert_cmpfloat (match->possible, ==, 18.0);
  g_assert_cmpfloat (match->achieved, ==, 3.0);
  g_assert_cmpint (voc_match_get_percent (match), ==, 17);
  g_assert_true (((VocMatchItem *) g_ptr_array_index (match->items, 0))->excluded);
  g_assert_false (((VocMatchItem *) g_ptr_array_index (match->items, 2))->excluded);

  /* Both of "Python or R" not relevant: that requirement is left out too. */
  g_assert_true (voc_profile_set_rating (profile, "r-language", -1, FALSE, &error));
  g_clear_pointer (&match, voc_match_free);
  match = voc_match_compute (analyst, profile, VOC_MATCH_SCOPE_ALL);
  g_assert_cmpfloat (match->possible, ==, 17.0);
  g_assert_true (((VocMatchItem *) g_ptr_array_index (match->items, 2))->excluded);
}

static void
test_everything_excluded (void)
{
  g_autoptr (VocCatalog) catalog = load ();
  g_autoptr (VocProfile) profile = voc_profile_new ();
  VocRole *analyst = voc_catalog_lookup_role (catalog, "data-analyst");
  g_autoptr (VocMatch) match = NULL;
  g_autofree char *explanation = NULL;

  for (guint g = 0; g < voc_role_get_n_groups (analyst); g++)
    {
      const VocRequirementGroup *group = voc_role_get_group (analyst, g);

      for (guint r = 0; r < group->requirements->len; r++)
        {
          const VocRequirement *req = g_ptr_array_index (group->requirements, r);

          voc_profile_set_rating (profile, voc_skill_get_id (req->skill), -1, FALSE, NULL);
          for (guint a = 0; a < req->alternatives->len; a++)
            voc_profile_set_rating (profile, voc_skill_get_id (g_ptr_array_index (req->alternatives, a)), -1, FALSE, NULL);
        }
    }

  match = voc_match_compute (analyst, profile, VOC_MATCH_SCOPE_ALL);
  g_assert_cmpint (voc_match_get_percent (match), ==, -1);
  explanation = voc_match_explain (match);
  g_assert_nonnull (strstr (explanation, "Nothing to compare"));
}

static void
test_role_similarity (void)
{
  g_autoptr (VocCatalog) catalog = load ();
  VocRole *analyst = voc_catalog_lookup_role (catalog, "data-analyst");
  VocRole *bi = voc_catalog_lookup_role (catalog, "bi-developer");
  VocRole *engineer = voc_catalog_lookup_role (catalog, "data-engineer");

  g_assert_cmpint (voc_role_similarity (analyst, analyst), ==, 100);
  /* Moving from analyst to BI: the analyst's SQL 3 covers 3 of BI's 4, ... */
  g_assert_cmpint (voc_role_similarity (analyst, bi), >, 0);
  g_assert_cmpint (voc_role_similarity (analyst, bi), <, 100);
  /* Not symmetric: an engineer's SQL 5 fully covers an analyst's SQL 3. */
  g_assert_cmpint (voc_role_similarity (engineer, analyst), !=, voc_role_similarity (analyst, engineer));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/match/empty-profile", test_empty_profile);
  g_test_add_func ("/match/hand-computed", test_hand_computed);
  g_test_add_func ("/match/not-relevant", test_not_relevant);
  g_test_add_func ("/match/everything-excluded", test_everything_excluded);
  g_test_add_func ("/match/role-similarity", test_role_similarity);

  return g_test_run ();
}
