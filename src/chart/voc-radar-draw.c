/* voc-radar-draw.c: paints a computed layout on any cairo_t
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "voc-radar-private.h"

/* Drawing */

static void
set_source (cairo_t        *cr,
            const VocColor *color,
            double          alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* The dashes of @line_style; each pattern reads the same backwards from
 * the end of its first element, which stroke_series() relies on. */
static const double *
line_dashes (VocRadarLineStyle  line_style,
             int               *n_dashes)
{
  /* Round caps turn the zero-length dashes into dots. */
  static const double dashed[] = { 6, 5 };
  static const double dotted[] = { 0, 4.5 };
  static const double dash_dot[] = { 7, 4.5, 0, 4.5 };

  switch (line_style)
    {
    case VOC_RADAR_LINE_DASHED:
      *n_dashes = G_N_ELEMENTS (dashed);
      return dashed;
    case VOC_RADAR_LINE_DOTTED:
      *n_dashes = G_N_ELEMENTS (dotted);
      return dotted;
    case VOC_RADAR_LINE_DASH_DOT:
      *n_dashes = G_N_ELEMENTS (dash_dot);
      return dash_dot;
    case VOC_RADAR_LINE_SOLID:
    default:
      *n_dashes = 0;
      return NULL;
    }
}

static void
set_line_style (cairo_t           *cr,
                VocRadarLineStyle  line_style)
{
  int n_dashes;
  const double *dashes = line_dashes (line_style, &n_dashes);

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  /* The vertex dots cover the joins. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_set_dash (cr, dashes, n_dashes, 0);
}

static gboolean
at_centre (double x,
           double y,
           double cx,
           double cy)
{
  return fabs (x - cx) < 0.5 && fabs (y - cy) < 0.5;
}

/* Strokes a series' outline in its line style. A level of 0 puts a
 * vertex at the centre, and an isolated level then makes a spike: out
 * along a spoke and back along the same line. Dashed as one path, the
 * way back filled the gaps of the way out and the spike looked solid,
 * like the role's line. So the edges that run along a spoke take their
 * dashes from the distance to the centre, the same going out as coming
 * back, and stay dashed; the others are dashed as one path, as before. */
static void
stroke_series (cairo_t           *cr,
               const double      *xs,
               const double      *ys,
               guint              n,
               gboolean           closed,
               double             cx,
               double             cy,
               VocRadarLineStyle  line_style)
{
  int n_dashes;
  const double *dashes = line_dashes (line_style, &n_dashes);
  guint n_edges = closed ? n : n - 1;
  gboolean any_centre = FALSE;
  gboolean in_run = FALSE;
  double period = 0;

  for (guint i = 0; i < n && !any_centre; i++)
    any_centre = at_centre (xs[i], ys[i], cx, cy);

  cairo_new_path (cr);
  if (n_dashes == 0 || !any_centre)
    {
      for (guint i = 0; i < n; i++)
        cairo_line_to (cr, xs[i], ys[i]);
      if (closed)
        cairo_close_path (cr);
      cairo_stroke (cr);
      return;
    }

  for (guint e = 0; e < n_edges; e++)
    {
      guint a = e, b = (e + 1) % n;

      if (at_centre (xs[a], ys[a], cx, cy) || at_centre (xs[b], ys[b], cx, cy))
        {
          in_run = FALSE;
          continue;
        }
      if (!in_run)
        cairo_move_to (cr, xs[a], ys[a]);
      cairo_line_to (cr, xs[b], ys[b]);
      in_run = TRUE;
    }
  cairo_stroke (cr);

  for (int i = 0; i < n_dashes; i++)
    period += dashes[i];
  for (guint e = 0; e < n_edges; e++)
    {
      guint a = e, b = (e + 1) % n;
      double ra = hypot (xs[a] - cx, ys[a] - cy);
      double rb = hypot (xs[b] - cx, ys[b] - cy);
      double offset;

      if (at_centre (xs[a], ys[a], cx, cy) == at_centre (xs[b], ys[b], cx, cy))
        continue;
      /* A point at distance r from the centre is on a dash when r, taken
       * through the pattern, is: outward the pattern starts r_a in;
       * inward it runs backwards, from the end of its first element. */
      if (rb > ra)
        offset = fmod (ra, period);
      else
        offset = fmod (dashes[0] - ra + ceil (ra / period + 1) * period, period);
      cairo_set_dash (cr, dashes, n_dashes, offset);
      cairo_move_to (cr, xs[a], ys[a]);
      cairo_line_to (cr, xs[b], ys[b]);
      cairo_stroke (cr);
    }
  cairo_set_dash (cr, dashes, n_dashes, 0);
}

static void
draw_grid (cairo_t              *cr,
           const VocRadarLayout *layout,
           const VocRadarStyle  *style)
{
  double cx = layout->cx;
  double cy = layout->cy;
  guint n = layout->n_axes;
  VocColor grid = style->grid;
  gboolean opaque = grid.alpha >= 1;
  cairo_antialias_t antialias = cairo_get_antialias (cr);

  /* Over an opaque background the grid colour blended onto it looks the
   * same, and opaque lines are much cheaper for cairo to draw: it can
   * stroke them piece by piece (translucent pieces would darken where
   * they cross) and take its fast path for opaque spans. */
  if (!opaque && style->background.alpha >= 1)
    {
      grid.red = grid.red * grid.alpha + style->background.red * (1 - grid.alpha);
      grid.green = grid.green * grid.alpha + style->background.green * (1 - grid.alpha);
      grid.blue = grid.blue * grid.alpha + style->background.blue * (1 - grid.alpha);
      grid.alpha = 1;
      opaque = TRUE;
    }

  cairo_set_line_width (cr, GRID_LINE_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  set_source (cr, &grid, 1);
  /* A thumbnail's grid, translucent over a card, is one path of short
   * lines that cost cairo 1.5 M instructions with its finest sampling, most
   * of a card's radar; four by four samples draw it at half that, and no
   * pixel differs by 3 %. */
  if (layout->radius < THUMBNAIL_RADIUS)
    cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);

  /* Straight rings between the spokes match the polygons of the series;
   * with fewer than three spokes there is no polygon, so circles. */
  for (int level = 1; level <= VOC_RADAR_MAX_LEVEL; level++)
    {
      double r = layout->radius * level / VOC_RADAR_MAX_LEVEL;

      cairo_new_sub_path (cr);
      if (n >= VOC_RADAR_MIN_AXES)
        {
          for (guint i = 0; i < n; i++)
            cairo_line_to (cr, cx + r * sin (layout->angles[i]), cy - r * cos (layout->angles[i]));
          cairo_close_path (cr);
        }
      else
        cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      if (opaque)
        cairo_stroke (cr);
    }
  for (guint i = 0; i < n; i++)
    {
      if ((int) i == style->focus_axis)
        continue;
      cairo_move_to (cr, cx, cy);
      cairo_line_to (cr, cx + layout->radius * sin (layout->angles[i]),
                     cy - layout->radius * cos (layout->angles[i]));
    }
  cairo_stroke (cr);

  if (style->focus_axis >= 0 && (guint) style->focus_axis < n)
    {
      double angle = layout->angles[style->focus_axis];

      cairo_set_line_width (cr, 2);
      set_source (cr, &style->foreground, 0.7);
      cairo_move_to (cr, cx, cy);
      cairo_line_to (cr, cx + layout->radius * sin (angle), cy - layout->radius * cos (angle));
      cairo_stroke (cr);
    }
  cairo_set_antialias (cr, antialias);
}

static void
draw_series (cairo_t              *cr,
             const VocRadarData   *data,
             const VocRadarLayout *layout,
             gboolean              vertices)
{
  guint n = layout->n_axes;
  guint n_series = MIN (layout->n_series, data->series->len);
  cairo_antialias_t antialias = cairo_get_antialias (cr);
  cairo_surface_type_t target = cairo_surface_get_type (cairo_get_target (cr));
  gboolean vector = target == CAIRO_SURFACE_TYPE_SVG || target == CAIRO_SURFACE_TYPE_PDF ||
                    target == CAIRO_SURFACE_TYPE_PS;

  if (n == 0)
    return;

  for (guint s = 0; s < n_series; s++)
    {
      const Series *series = &g_array_index (data->series, Series, s);
      const double *xs = layout->vertex_x + s * n;
      const double *ys = layout->vertex_y + s * n;

      if (!series->visible)
        continue;

      if (series->filled && n >= VOC_RADAR_MIN_AXES)
        {
          cairo_new_path (cr);
          for (guint i = 0; i < n; i++)
            cairo_line_to (cr, xs[i], ys[i]);
          cairo_close_path (cr);
          /* The stroke covers the edge of the fill, so pixels need no
           * antialiasing there, which would cost more than the rest of
           * the series; vector files keep their smooth edges. */
          set_source (cr, &series->color, FILL_ALPHA);
          if (!vector)
            cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
          cairo_fill (cr);
        }
      set_source (cr, &series->color, 1);
      cairo_set_line_width (cr, SERIES_LINE_WIDTH);
      set_line_style (cr, series->line_style);
      /* Four by four samples look the same on 2 px lines and small
       * dots, and take half the time on dashes and dots. */
      cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
      stroke_series (cr, xs, ys, n, n >= VOC_RADAR_MIN_AXES, layout->cx, layout->cy, series->line_style);

      for (guint i = 0; vertices && i < n; i++)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, xs[i], ys[i], DOT_RADIUS, 0, 2 * G_PI);
        }
      cairo_fill (cr);
      cairo_set_antialias (cr, antialias);
    }
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
underline_layout (cairo_t     *cr,
                  PangoLayout *text,
                  double       x,
                  double       y)
{
  PangoLayoutIter *iter = pango_layout_get_iter (text);

  cairo_set_line_width (cr, 1.5);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  do
    {
      PangoRectangle logical;
      double baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      double bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
      /* In the descent, so the underline stays inside the label box. */
      cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE, y + baseline + (bottom - baseline) * 0.5);
      cairo_rel_line_to (cr, (double) logical.width / PANGO_SCALE, 0);
    }
  while (pango_layout_iter_next_line (iter));
  cairo_stroke (cr);
  pango_layout_iter_free (iter);
}

static void
draw_labels (cairo_t              *cr,
             const VocRadarData   *data,
             const RadarLayout    *self,
             const VocRadarStyle  *style)
{
  const VocRadarLayout *pub = &self->pub;
  guint n = MIN (pub->n_axes, data->axes->len);

  for (guint i = 0; i < n; i++)
    {
      const VocRect *box = &pub->label_boxes[i];
      double x = box->x + self->label_dx[i];
      double y = box->y + self->label_dy[i];

      if (self->labels[i] == NULL)
        continue;

      set_source (cr, &style->foreground, g_array_index (data->axes, Axis, i).excluded ? DIM_ALPHA : 1);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, self->labels[i]);
      if ((int) i == style->focus_axis)
        underline_layout (cr, self->labels[i], x, y);
    }
}

static void
draw_title (cairo_t             *cr,
            const RadarLayout   *self,
            const VocRadarStyle *style)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->title_texts); i++)
    {
      if (self->title_texts[i] == NULL)
        continue;
      /* The line under the title is secondary: dimmed, as .dim-label is. */
      set_source (cr, &style->foreground, i == 0 ? 1 : 0.7);
      cairo_move_to (cr, self->title_x[i], self->title_y[i]);
      pango_cairo_show_layout (cr, self->title_texts[i]);
    }
}

static void
draw_legend (cairo_t             *cr,
             const VocRadarData  *data,
             const RadarLayout   *self,
             const VocRadarStyle *style)
{
  const VocRadarLayout *pub = &self->pub;
  guint n = MIN (pub->n_series, data->series->len);

  if (self->legend_texts == NULL)
    return;

  for (guint i = 0; i < n; i++)
    {
      const Series *series = &g_array_index (data->series, Series, i);
      const VocRect *entry = &pub->legend_entries[i];
      const VocRect *text = &self->legend_text_boxes[i];
      double alpha = series->visible ? 1 : HIDDEN_ALPHA;
      double y = entry->y + entry->height / 2;

      set_source (cr, &series->color, alpha);
      cairo_set_line_width (cr, SERIES_LINE_WIDTH);
      set_line_style (cr, series->line_style);
      cairo_move_to (cr, entry->x + 1, y);
      cairo_line_to (cr, entry->x + LEGEND_SAMPLE - 1, y);
      cairo_stroke (cr);
      cairo_arc (cr, entry->x + LEGEND_SAMPLE / 2, y, DOT_RADIUS, 0, 2 * G_PI);
      cairo_fill (cr);

      set_source (cr, &style->foreground, series->visible ? 1 : HIDDEN_ALPHA);
      cairo_move_to (cr, text->x + self->legend_text_dx, text->y + self->legend_text_dy);
      pango_cairo_show_layout (cr, self->legend_texts[i]);
    }
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_ring_labels (cairo_t             *cr,
                  const RadarLayout   *self,
                  const VocRadarStyle *style)
{
  if (self->rings == NULL)
    return;

  set_source (cr, &style->foreground, 0.55);
  for (int level = 0; level <= VOC_RADAR_MAX_LEVEL; level++)
    {
      if (!self->ring_shown[level])
        continue;
      cairo_move_to (cr, self->ring_boxes[level].x, self->ring_boxes[level].y + self->ring_baselines[level]);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (self->rings, level));
    }
}

void
voc_radar_draw (cairo_t              *cr,
                const VocRadarData   *data,
                const VocRadarLayout *layout,
                const VocRadarStyle  *style)
{
  const RadarLayout *self = (const RadarLayout *) layout;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (style != NULL);

  if (!(layout->width > 0 && layout->height > 0) || layout->radius <= 0)
    return;

  cairo_save (cr);
  cairo_new_path (cr);

  if (style->background.alpha > 0)
    {
      set_source (cr, &style->background, 1);
      cairo_rectangle (cr, 0, 0, layout->width, layout->height);
      cairo_fill (cr);
    }

  draw_grid (cr, layout, style);
  draw_ring_labels (cr, self, style);
  draw_series (cr, data, layout, style->show_vertices);
  draw_labels (cr, data, self, style);
  draw_legend (cr, data, self, style);
  draw_title (cr, self, style);

  cairo_restore (cr);
}
