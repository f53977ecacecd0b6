/* voc-match.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "voc-dates.h"
#include "voc-match.h"

typedef int (*LevelFunc) (gpointer source, VocSkill *skill, gboolean *rated, gboolean *relevant);

static int
profile_level (gpointer  source,
               VocSkill *skill,
               gboolean *rated,
               gboolean *relevant)
{
  int level = voc_profile_get_level (source, voc_skill_get_id (skill));

  *rated = level >= 0;
  *relevant = voc_profile_is_relevant (source, voc_skill_get_id (skill));
  return MAX (level, 0);
}

static int
role_level (gpointer  source,
            VocSkill *skill,
            gboolean *rated,
            gboolean *relevant)
{
  VocRole *role = source;
  int best = -1;

  for (guint g = 0; g < voc_role_get_n_groups (role); g++)
    {
      const VocRequirementGroup *group = voc_role_get_group (role, g);

      for (guint r = 0; r < group->requirements->len; r++)
        {
          const VocRequirement *req = g_ptr_array_index (group->requirements, r);

          if (req->skill == skill)
            best = MAX (best, (int) req->level);
          for (guint a = 0; a < req->alternatives->len; a++)
            if (g_ptr_array_index (req->alternatives, a) == skill)
              best = MAX (best, (int) req->level);
        }
    }

  *rated = best >= 0;
  *relevant = TRUE;
  return MAX (best, 0);
}

static gboolean
in_scope (const VocRequirement *req,
          VocMatchScope         scope)
{
  switch (scope)
    {
    case VOC_MATCH_SCOPE_TECHNICAL:
      return req->kind == VOC_SKILL_KIND_TECHNICAL;
    case VOC_MATCH_SCOPE_SOFT:
      return req->kind == VOC_SKILL_KIND_SOFT;
    case VOC_MATCH_SCOPE_ALL:
    default:
      return TRUE;
    }
}

static int
compare_gaps (gconstpointer a,
              gconstpointer b)
{
  const VocMatchItem *x = *(VocMatchItem * const *) a;
  const VocMatchItem *y = *(VocMatchItem * const *) b;
  double wx = x->weight * x->gap, wy = y->weight * y->gap;

  if (wx != wy)
    return wx > wy ? -1 : 1;
  if (x->need != y->need)
    return y->need - x->need;
  return 0; /* g_ptr_array_sort is stable (merge sort): the role's order stays */
}

static VocMatch *
compute (VocRole       *role,
         gpointer       source,
         LevelFunc      level_of,
         VocMatchScope  scope)
{
  VocMatch *match = g_new0 (VocMatch, 1);

  match->role = g_object_ref (role);
  match->items = g_ptr_array_new_with_free_func (g_free);
  match->gaps = g_ptr_array_new ();

  for (guint g = 0; g < voc_role_get_n_groups (role); g++)
    {
      const VocRequirementGroup *group = voc_role_get_group (role, g);

      for (guint r = 0; r < group->requirements->len; r++)
        {
          const VocRequirement *req = g_ptr_array_index (group->requirements, r);
          VocMatchItem *item;
          gboolean any_relevant = FALSE;

          if (!in_scope (req, scope))
            continue;

          item = g_new0 (VocMatchItem, 1);
          item->requirement = req;
          item->need = req->level;
          item->weight = req->optional ? VOC_MATCH_WEIGHT_OPTIONAL : VOC_MATCH_WEIGHT_REQUIRED;

          /* The best of the skill and its alternatives ("Python or R"). */
          for (guint a = 0; a <= req->alternatives->len; a++)
            {
              VocSkill *skill = a == 0 ? req->skill : g_ptr_array_index (req->alternatives, a - 1);
              gboolean rated, relevant;
              int level = level_of (source, skill, &rated, &relevant);

              if (!relevant)
                continue;
              any_relevant = TRUE;
              item->you = MAX (item->you, level);
              item->rated |= rated;
            }

          item->excluded = !any_relevant;
          item->gap = item->excluded ? 0 : MAX (item->need - item->you, 0);
          if (!item->excluded)
            {
              match->achieved += item->weight * MIN (item->you, item->need);
              match->possible += item->weight * item->need;
            }
          g_ptr_array_add (match->items, item);
          if (item->gap > 0)
            g_ptr_array_add (match->gaps, item);
        }
    }

  g_ptr_array_sort (match->gaps, compare_gaps);
  return match;
}

VocMatch *
voc_match_compute (VocRole       *role,
                   VocProfile    *profile,
                   VocMatchScope  scope)
{
  g_return_val_if_fail (VOC_IS_ROLE (role), NULL);
  g_return_val_if_fail (VOC_IS_PROFILE (profile), NULL);

  return compute (role, profile, profile_level, scope);
}

void
voc_match_free (VocMatch *match)
{
  if (match == NULL)
    return;

  g_clear_object (&match->role);
  g_ptr_array_unref (match->gaps);
  g_ptr_array_unref (match->items);
  g_free (match);
}

int
voc_match_get_percent (const VocMatch *match)
{
  g_return_val_if_fail (match != NULL, -1);

  if (match->possible <= 0)
    return -1;
  return (int) floor (100.0 * match->achieved / match->possible + 0.5);
}

static char *
format_number (double value)
{
  /* 23.5 stays 23.5, 41.0 shows as 41. */
  if (value == floor (value))
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.1f", value);
}

char *
voc_match_explain (const VocMatch *match)
{
  g_autofree char *achieved = NULL;
  g_autofree char *possible = NULL;
  g_autofree char *shown = NULL;
  int percent;

  g_return_val_if_fail (match != NULL, NULL);

  percent = voc_match_get_percent (match);
  if (percent < 0)
    return g_strdup (_("Nothing to compare: every skill of this role is marked “not relevant”."));

  achieved = format_number (match->achieved);
  possible = format_number (match->possible);
  shown = voc_format_percent (percent);
  return g_strdup_printf (_("Match = Σ w × min(you, need) ÷ Σ w × need = %s ÷ %s = %s.\n"
                            "For each requirement, “need” is the level the role expects and “you” "
                            "is your level (a skill you have not rated counts as 0; for “Python or R” "
                            "the better of the two counts). The weight w is %.0f for required items "
                            "and %.1f for optional ones. Skills you marked “not relevant” are left out. "
                            "Gaps are ranked by w × (need − you)."),
                          achieved, possible, shown,
                          VOC_MATCH_WEIGHT_REQUIRED, VOC_MATCH_WEIGHT_OPTIONAL);
}

int
voc_role_similarity (VocRole *from,
                     VocRole *to)
{
  g_autoptr (VocMatch) match = NULL;

  g_return_val_if_fail (VOC_IS_ROLE (from), -1);
  g_return_val_if_fail (VOC_IS_ROLE (to), -1);

  match = compute (to, from, role_level, VOC_MATCH_SCOPE_ALL);
  return voc_match_get_percent (match);
}

int
voc_role_get_level_for (VocRole              *role,
                        const VocRequirement *requirement)
{
  int best = 0;

  g_return_val_if_fail (VOC_IS_ROLE (role), 0);
  g_return_val_if_fail (requirement != NULL, 0);

  for (guint a = 0; a <= requirement->alternatives->len; a++)
    {
      VocSkill *skill = a == 0 ? requirement->skill : g_ptr_array_index (requirement->alternatives, a - 1);
      gboolean rated, relevant;

      best = MAX (best, role_level (role, skill, &rated, &relevant));
    }
  return best;
}

int
voc_profile_get_level_for (VocProfile           *profile,
                           const VocRequirement *requirement)
{
  int best = 0;

  g_return_val_if_fail (VOC_IS_PROFILE (profile), 0);
  g_return_val_if_fail (requirement != NULL, 0);

  for (guint a = 0; a <= requirement->alternatives->len; a++)
    {
      VocSkill *skill = a == 0 ? requirement->skill : g_ptr_array_index (requirement->alternatives, a - 1);
      best = MAX (best, voc_profile_get_level (profile, voc_skill_get_id (skill)));
    }
  return best;
}

char *
voc_format_percent (int percent)
{
  /* Translators: a percentage as your language writes it: "73%", or
   * "73 %" (with a no-break space), or "%73" */
  return g_strdup_printf (C_("percentage", "%d%%"), percent);
}

char *
voc_match_describe (const VocMatch *match,
                    VocMatchScope   scope,
                    GDateTime      *when)
{
  guint n, rated = 0;
  int percent;
  g_autofree char *counted = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (match != NULL, NULL);

  n = match->items->len;
  percent = voc_match_get_percent (match);
  for (guint i = 0; i < n; i++)
    {
      const VocMatchItem *item = g_ptr_array_index (match->items, i);

      rated += item->rated || item->excluded;
    }
  if (rated == 0 && n > 0)
    /* Not "0% match": nothing has been measured yet. */
    counted = g_strdup_printf (ngettext ("%u skill, not rated yet", "%u skills, none rated yet", n), n);
  else if (percent >= 0)
    {
      g_autofree char *shown = voc_format_percent (percent);

      switch (scope)
        {
        case VOC_MATCH_SCOPE_TECHNICAL:
          /* Translators: "62% match over 9 technical skills" */
          counted = g_strdup_printf (ngettext ("%s match over %u technical skill",
                                               "%s match over %u technical skills", n), shown, n);
          break;
        case VOC_MATCH_SCOPE_SOFT:
          counted = g_strdup_printf (ngettext ("%s match over %u soft skill",
                                               "%s match over %u soft skills", n), shown, n);
          break;
        case VOC_MATCH_SCOPE_ALL:
        default:
          counted = g_strdup_printf (ngettext ("%s match over %u skill",
                                               "%s match over %u skills", n), shown, n);
          break;
        }
    }
  else
    counted = g_strdup (_("No match to compute"));

  if (when == NULL)
    return g_steal_pointer (&counted);

  day = voc_format_day (when);
  /* Translators: "62% match over 9 skills · 4 December 2026" */
  return g_strdup_printf (_("%s · %s"), counted, day ? day : "");
}
