/* voc-match-series.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "voc-level.h"
#include "voc-match-series.h"

static char *
level_text (double level)
{
  return voc_level_format (CLAMP ((int) level, VOC_LEVEL_MIN, VOC_LEVEL_MAX));
}

/* What axis @i says: your level against the role's, and the third's. */
static char *
caption (VocMatchSeries     *self,
         const VocMatchItem *item,
         guint               i)
{
  const char *label = self->labels[i];
  g_autofree char *need_text = level_text (item->need);
  g_autofree char *you_text = level_text (item->you);
  GString *text = g_string_new (NULL);

  if (item->excluded)
    g_string_append_printf (text, _("%s: not relevant to you; %s needs %s"), label, self->role_name, need_text);
  else if (!item->rated)
    g_string_append_printf (text, _("%s: you have not rated it; %s needs %s"), label, self->role_name, need_text);
  else
    /* Translators: "SQL: you Beginner (2), Data Engineer needs Expert (5)" */
    g_string_append_printf (text, _("%s: you %s, %s needs %s"), label, you_text, self->role_name, need_text);
  return g_string_free (text, FALSE);
}

VocMatchSeries *
voc_match_series_new (const VocMatch *match,
                      VocRole        *role,
                      VocRole        *compare_role,
                      VocProfile     *past,
                      const char     *other_name)
{
  VocMatchSeries *self;
  guint n, alloc;
  int percent;
  GString *description;

  g_return_val_if_fail (match != NULL, NULL);
  g_return_val_if_fail (VOC_IS_ROLE (role), NULL);
  g_return_val_if_fail ((compare_role == NULL && past == NULL) || other_name != NULL, NULL);

  n = match->items->len;
  alloc = MAX (n, 1);
  self = g_new0 (VocMatchSeries, 1);
  self->n_axes = n;
  self->labels = g_new0 (char *, n + 1);
  self->captions = g_new0 (char *, n + 1);
  self->excluded = g_new0 (gboolean, alloc);
  self->need = g_new0 (double, alloc);
  self->you = g_new0 (double, alloc);
  self->role_name = g_strdup (voc_role_get_name (role));
  if (compare_role != NULL || past != NULL)
    {
      self->other = g_new0 (double, alloc);
      self->other_name = g_strdup (other_name);
    }

  description = g_string_new (NULL);
  percent = voc_match_get_percent (match);
  if (percent >= 0)
    {
      g_autofree char *percent_text = voc_format_percent (percent);

      /* Translators: the second %s is a percentage such as "62%" */
      g_string_append_printf (description, _("Your skills against %s: %s match over %u skills."),
                              self->role_name, percent_text, n);
    }

  for (guint i = 0; i < n; i++)
    {
      const VocMatchItem *item = g_ptr_array_index (match->items, i);
      g_autofree char *text = NULL;
      g_autofree char *first = NULL;
      GString *line;

      self->labels[i] = g_strdup (g_dgettext (GETTEXT_PACKAGE, item->requirement->label));
      self->excluded[i] = item->excluded;
      self->need[i] = item->need;
      self->you[i] = item->excluded ? 0 : item->you;
      first = caption (self, item, i);
      line = g_string_new (first);
      if (compare_role != NULL)
        {
          self->other[i] = voc_role_get_level_for (compare_role, item->requirement);
          text = level_text (self->other[i]);
          g_string_append_printf (line, _(", %s needs %s"), other_name, text);
        }
      else if (past != NULL)
        {
          self->other[i] = voc_profile_get_level_for (past, item->requirement);
          text = level_text (self->other[i]);
          g_string_append_printf (line, _(", %s: %s"), other_name, text);
        }
      self->captions[i] = g_string_free (line, FALSE);
      g_string_append_printf (description, " %s.", self->captions[i]);
    }
  self->description = g_string_free (description, FALSE);
  return self;
}

void
voc_match_series_free (VocMatchSeries *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->labels);
  g_strfreev (self->captions);
  g_free (self->excluded);
  g_free (self->need);
  g_free (self->you);
  g_free (self->other);
  g_free (self->role_name);
  g_free (self->other_name);
  g_free (self->description);
  g_free (self);
}
