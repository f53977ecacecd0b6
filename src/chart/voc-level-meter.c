/* voc-level-meter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "voc-level-meter.h"

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2.0);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

void
voc_level_meter_draw (cairo_t        *cr,
                      double          width,
                      double          height,
                      int             level,
                      int             n_segments,
                      const VocColor *fill,
                      const VocColor *track)
{
  double segment;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (fill != NULL && track != NULL);

  if (n_segments <= 0 || width <= 0 || height <= 0)
    return;

  level = CLAMP (level, 0, n_segments);
  segment = (width - VOC_LEVEL_METER_GAP * (n_segments - 1)) / n_segments;
  if (segment <= 0)
    return;

  cairo_save (cr);
  for (int i = 0; i < n_segments; i++)
    {
      const VocColor *color = i < level ? fill : track;

      rounded_rectangle (cr, i * (segment + VOC_LEVEL_METER_GAP), 0, segment, height, height / 2.0);
      cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}
