/* voc-dates.h: dates as the user reads them, in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "3 March 2026" */
char *voc_format_day        (GDateTime  *when);
/* The day of @usec (µs since the epoch, local time); "?" if out of range. */
char *voc_format_day_of     (gint64      usec);
/* "2027-01-15" as "15 January 2027"; NULL for NULL, @iso itself if it is
 * not a day. */
char *voc_format_iso_day    (const char *iso);
/* "3 March 2026, 14:05"; "" if out of range. */
char *voc_format_moment     (gint64      usec);
/* "14:05" today, "3 March" this year, "3 March 2024" before; "" if out
 * of range. */
char *voc_format_recent     (gint64      usec);

G_END_DECLS
