/* voc-store-transfer.c: what an export or import moved, in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export (voc-store-export.c) reads everything inside one read
 * transaction, so the document is a consistent picture, and writes it
 * atomically, mode 0600. Import is two passes: check the whole document
 * (voc-store-import-check.c), then write it in one transaction
 * (voc-store-import.c).
 */
#include "config.h"

#include "voc-store-transfer-private.h"

char *
voc_transfer_counts_describe (const VocTransferCounts *counts)
{
  /* "%'u": the thousands as the locale groups them (852,102). */
  g_autofree char *ratings = g_strdup_printf (ngettext ("%'u rating", "%'u ratings", counts->ratings),
                                              counts->ratings);
  g_autofree char *history = g_strdup_printf (ngettext ("%'u history entry", "%'u history entries",
                                                        counts->history), counts->history);
  g_autofree char *plans = g_strdup_printf (ngettext ("%'u plan", "%'u plans", counts->plans),
                                            counts->plans);
  g_autofree char *goals = g_strdup_printf (ngettext ("%'u goal", "%'u goals", counts->goals),
                                            counts->goals);
  g_autofree char *steps = g_strdup_printf (ngettext ("%'u step", "%'u steps", counts->steps),
                                            counts->steps);
  g_autofree char *notes = g_strdup_printf (ngettext ("%'u note", "%'u notes", counts->notes),
                                            counts->notes);

  /* The history is said only when there is some: every rating has some,
   * and a file of ratings alone reads better without it. */
  if (counts->history > 0)
    /* Translators: e.g. "12 ratings, 40 history entries, 2 plans, 9 goals, 30 steps and 4 notes" */
    return g_strdup_printf (_("%s, %s, %s, %s, %s and %s"), ratings, history, plans, goals, steps, notes);
  /* Translators: e.g. "12 ratings, 2 plans, 9 goals, 30 steps and 4 notes" */
  return g_strdup_printf (_("%s, %s, %s, %s and %s"), ratings, plans, goals, steps, notes);
}

gboolean
voc_transfer_counts_is_empty (const VocTransferCounts *counts)
{
  return counts->ratings == 0 && counts->history == 0 && counts->plans == 0 && counts->goals == 0 &&
         counts->steps == 0 && counts->notes == 0;
}

char *
voc_transfer_counts_describe_notes (const VocTransferCounts *counts)
{
  g_autoptr (GString) text = g_string_new (NULL);

  if (counts->plans_skipped > 0)
    g_string_append_printf (text, ngettext ("%'u plan was already here and was skipped.",
                                            "%'u plans were already here and were skipped.", counts->plans_skipped),
                            counts->plans_skipped);
  if (counts->unknown_ratings > 0)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("%'u rating for a skill this version does not know was kept.",
                                              "%'u ratings for skills this version does not know were kept.",
                                              counts->unknown_ratings),
                              counts->unknown_ratings);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}
