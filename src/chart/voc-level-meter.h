/* voc-level-meter.h: the 0-5 level as a row of segments, drawn with Cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} VocColor;

#define VOC_LEVEL_METER_GAP 3.0

/* Draws @n_segments rounded segments filling @width x @height at the
 * origin of @cr; the first @level (clamped to 0..@n_segments) use @fill,
 * the rest @track. Pure drawing: no widget, no theme lookup. */
void voc_level_meter_draw (cairo_t        *cr,
                           double          width,
                           double          height,
                           int             level,
                           int             n_segments,
                           const VocColor *fill,
                           const VocColor *track);

G_END_DECLS
