/* voc-level.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "voc-level.h"

static const struct
{
  const char *name;
  const char *meaning;
} levels[] = {
  { N_("None"), N_("No exposure yet") },
  { N_("Awareness"), N_("Knows what it is and when it is used") },
  { N_("Beginner"), N_("Does routine tasks with guidance") },
  { N_("Practitioner"), N_("Works on typical tasks independently") },
  { N_("Advanced"), N_("Handles hard cases, reviews and guides others") },
  { N_("Expert"), N_("Sets direction; a recognised authority") },
};

/* The one place where the seed's qualifiers become levels. The catalog
 * loader refuses a requirement whose level disagrees with this table, and
 * the README prints the same table. */
static const VocQualifier qualifiers[] = {
  { "Mastery", VOC_LEVEL_EXPERT, FALSE },
  { "Advanced", VOC_LEVEL_ADVANCED, FALSE },
  { "Strong", VOC_LEVEL_ADVANCED, FALSE },
  { "Deep understanding", VOC_LEVEL_ADVANCED, FALSE },
  { "Deep familiarity", VOC_LEVEL_ADVANCED, FALSE },
  { "Moderate", VOC_LEVEL_BEGINNER, FALSE },
  { "Basic", VOC_LEVEL_BEGINNER, FALSE },
  { "Basics", VOC_LEVEL_BEGINNER, FALSE },
  { "Introductory", VOC_LEVEL_BEGINNER, FALSE },
  { "Fundamentals", VOC_LEVEL_BEGINNER, FALSE },
  { "Familiarity", VOC_LEVEL_BEGINNER, FALSE },
  { "High-level", VOC_LEVEL_AWARENESS, FALSE },
  { "Optional but preferred", VOC_LEVEL_BEGINNER, TRUE },
  { "Optional but helpful", VOC_LEVEL_BEGINNER, TRUE },
  { "Not mandatory but beneficial", VOC_LEVEL_BEGINNER, TRUE },
  { "Optional", VOC_LEVEL_BEGINNER, TRUE },
  { "If in GenAI territory", VOC_LEVEL_BEGINNER, TRUE },
  { "If a project requires it", VOC_LEVEL_BEGINNER, TRUE },
};

gboolean
voc_level_is_valid (gint64 level)
{
  return level >= VOC_LEVEL_MIN && level <= VOC_LEVEL_MAX;
}

const char *
voc_level_get_name (VocLevel level)
{
  g_return_val_if_fail (voc_level_is_valid (level), NULL);

  return g_dgettext (GETTEXT_PACKAGE, levels[level].name);
}

const char *
voc_level_get_meaning (VocLevel level)
{
  g_return_val_if_fail (voc_level_is_valid (level), NULL);

  return g_dgettext (GETTEXT_PACKAGE, levels[level].meaning);
}

char *
voc_level_format (VocLevel level)
{
  g_return_val_if_fail (voc_level_is_valid (level), NULL);

  /* Translators: a level with its number, e.g. "Beginner (2)" */
  return g_strdup_printf (_("%s (%d)"), voc_level_get_name (level), level);
}

const VocQualifier *
voc_qualifier_lookup (const char *phrase)
{
  g_return_val_if_fail (phrase != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (qualifiers); i++)
    if (g_ascii_strcasecmp (qualifiers[i].phrase, phrase) == 0)
      return &qualifiers[i];

  return NULL;
}

const VocQualifier *
voc_qualifier_get_all (guint *n_qualifiers)
{
  g_return_val_if_fail (n_qualifiers != NULL, NULL);

  *n_qualifiers = G_N_ELEMENTS (qualifiers);
  return qualifiers;
}
