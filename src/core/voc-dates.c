/* voc-dates.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "voc-dates.h"

char *
voc_format_day (GDateTime *when)
{
  g_return_val_if_fail (when != NULL, NULL);

  /* Translators: a day, as in "due 3 March 2026" or "you on 3 March 2026";
   * see g_date_time_format() */
  return g_date_time_format (when, _("%-d %B %Y"));
}

char *
voc_format_day_of (gint64 usec)
{
  g_autoptr (GDateTime) when = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);

  return when ? voc_format_day (when) : g_strdup ("?");
}

char *
voc_format_iso_day (const char *iso)
{
  g_autoptr (GDateTime) day = NULL;
  g_autoptr (GTimeZone) local = NULL;
  g_autofree char *with_time = NULL;

  if (iso == NULL)
    return NULL;
  with_time = g_strconcat (iso, "T00:00:00", NULL);
  local = g_time_zone_new_local ();
  day = g_date_time_new_from_iso8601 (with_time, local);
  return day ? voc_format_day (day) : g_strdup (iso);
}

char *
voc_format_moment (gint64 usec)
{
  g_autoptr (GDateTime) when = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);

  /* Translators: when a note was written or edited; see g_date_time_format() */
  return when ? g_date_time_format (when, _("%-d %B %Y, %H:%M")) : g_strdup ("");
}

char *
voc_format_recent (gint64 usec)
{
  g_autoptr (GDateTime) when = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  if (when == NULL)
    return g_strdup ("");
  if (g_date_time_get_year (when) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (when) == g_date_time_get_day_of_year (now))
    /* Translators: when a note was edited today; see g_date_time_format() */
    return g_date_time_format (when, _("%H:%M"));
  if (g_date_time_get_year (when) == g_date_time_get_year (now))
    /* Translators: when a note was edited this year; see g_date_time_format() */
    return g_date_time_format (when, _("%-d %B"));
  return voc_format_day (when);
}
