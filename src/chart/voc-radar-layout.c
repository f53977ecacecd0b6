/* voc-radar-layout.c: geometry of the chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hard part is the labels: skill names are long, there can be 25 of
 * them, and the chart must stay readable from 240 to 1600 px. The layout
 * tries a short list of label fits (font scale, line width, lines), from
 * the most readable down; for each it looks for the largest radius at
 * which every label sits outside the rings, clear of its neighbours and
 * inside the canvas. Labels that crowd each other are pushed outward
 * along their spoke, where the spokes spread apart.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "voc-radar-private.h"

/* The same words as core/voc-level.c, so they share its translations. */
static const char *const level_names[VOC_RADAR_MAX_LEVEL + 1] = {
  N_("None"), N_("Awareness"), N_("Beginner"), N_("Practitioner"), N_("Advanced"), N_("Expert"),
};
/* Layout */

/* Label fits, most readable first. Widths are in ems of the scaled font;
 * the last ones only ellipsize harder. */
static const double fit_scales[] = { 1.0, 0.9, 0.8, 0.7, 0.6, 0.5 };

static const struct
{
  guint  scale;     /* index into fit_scales */
  double max_ems;
  int    max_lines;
} label_fits[] = {
  { 0, 12, 2 }, { 0, 9, 2 }, { 0, 7, 2 },
  { 1, 8, 2 }, { 1, 6, 2 },
  { 2, 7, 2 }, { 2, 5, 2 }, { 2, 9, 1 },
  { 3, 6, 2 }, { 3, 4, 2 }, { 3, 8, 1 },
  { 4, 5, 2 }, { 4, 7, 1 }, { 4, 4, 1 },
  { 5, 6, 1 }, { 5, 3, 1 },
};

enum
{
  CAN_BREAK = 1 << 0, /* a line may start at this character */
  IS_SPACE  = 1 << 1,
};

typedef struct
{
  PangoLayout *layout;      /* NULL for an empty label */
  double       widen;       /* of the line width, for labels with room to the sides */
  int          n_chars;
  double      *x;           /* n_chars + 1: where each character starts, in one line */
  guint8      *flags;       /* n_chars + 1 */
  double       line_height;
} LabelCache;

/* The label problem for one fit, relative to the chart centre. */
typedef struct
{
  guint    n;
  double  *sin_a;
  double  *cos_a;
  double  *width;   /* 0 for an empty label */
  double  *height;
  VocRect *boxes;
  double  *pushed;  /* how far each label was pushed away from the rim */
  double   max_push;
  double   gap;     /* between the rim and a label */
  double   pad_x;   /* between two labels side by side: more than a space */
  double   pad_y;   /* between two labels one above the other */
  double   rim;     /* drawn beyond the radius: vertex dots, strokes */
  double   avail_width;
  double   avail_height;
  VocRect  bounds;  /* of the labels and the rim, after fit_at () */
} Fit;

static PangoContext *
get_default_context (void)
{
  /* Font maps and contexts are slow to make; exports and tests share one.
   * Not thread-safe, as the chart is drawn from the main thread only. */
  static PangoContext *context = NULL;

  if (context == NULL)
    {
      cairo_font_options_t *options = cairo_font_options_create ();

      context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      pango_cairo_context_set_resolution (context, 96);
      /* Unhinted metrics give the same geometry in PNG, SVG and PDF. */
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      pango_cairo_context_set_font_options (context, options);
      cairo_font_options_destroy (options);
    }

  return context;
}

static gboolean
rect_intersects (const VocRect *a,
                 const VocRect *b,
                 double         pad_x,
                 double         pad_y)
{
  return a->x < b->x + b->width + pad_x && b->x < a->x + a->width + pad_x &&
         a->y < b->y + b->height + pad_y && b->y < a->y + a->height + pad_y;
}

static gboolean
rect_contains (const VocRect *rect,
               double         x,
               double         y)
{
  return x >= rect->x && x <= rect->x + rect->width &&
         y >= rect->y && y <= rect->y + rect->height;
}

static void
rect_union (VocRect       *dest,
            const VocRect *src)
{
  double x1 = MIN (dest->x, src->x);
  double y1 = MIN (dest->y, src->y);
  double x2 = MAX (dest->x + dest->width, src->x + src->width);
  double y2 = MAX (dest->y + dest->height, src->y + src->height);

  *dest = (VocRect) { x1, y1, x2 - x1, y2 - y1 };
}

/* Distance from (@cx, @cy) to the nearest point of @rect; 0 inside. */
static double
rect_distance (const VocRect *rect,
               double         cx,
               double         cy)
{
  double dx = MAX (MAX (rect->x - cx, cx - (rect->x + rect->width)), 0);
  double dy = MAX (MAX (rect->y - cy, cy - (rect->y + rect->height)), 0);

  return sqrt (dx * dx + dy * dy);
}

/* Puts a @width x @height label at @distance along a spoke: left of the
 * anchor on the left side, right of it on the right, centred at the top
 * and bottom, and above or below it as the spoke points up or down. */
static void
anchor_box (double   sin_a,
            double   cos_a,
            double   width,
            double   height,
            double   distance,
            VocRect *box)
{
  double px = distance * sin_a;
  double py = -distance * cos_a;

  if (fabs (sin_a) < 0.05)
    box->x = px - width / 2;
  else if (sin_a > 0)
    box->x = px;
  else
    box->x = px - width;
  box->y = py - height / 2 - cos_a * height / 2;
  box->width = width;
  box->height = height;
}

/* How far label @i must move out along its spoke to clear label @j. */
static double
push_needed (const Fit *fit,
             guint      i,
             guint      j)
{
  const VocRect *a = &fit->boxes[i];
  const VocRect *b = &fit->boxes[j];
  double dx = fit->sin_a[i];
  double dy = -fit->cos_a[i];
  double best = INFINITY;

  /* Moving almost across the spoke direction would need a huge push. */
  if (dx > 0.05)
    best = MIN (best, (b->x + b->width + fit->pad_x - a->x) / dx);
  else if (dx < -0.05)
    best = MIN (best, (a->x + a->width - (b->x - fit->pad_x)) / -dx);
  if (dy > 0.05)
    best = MIN (best, (b->y + b->height + fit->pad_y - a->y) / dy);
  else if (dy < -0.05)
    best = MIN (best, (a->y + a->height - (b->y - fit->pad_y)) / -dy);

  return best;
}

static void
push_box (Fit    *fit,
          guint   i,
          double  amount)
{
  fit->boxes[i].x += amount * fit->sin_a[i];
  fit->boxes[i].y -= amount * fit->cos_a[i];
  fit->pushed[i] += amount;
  fit->max_push = MAX (fit->max_push, fit->pushed[i]);
}

/* The labels' boxes in a grid of cells as wide as the widest box and as
 * tall as the tallest (each with its padding), filed by their top left
 * corner: a box can only overlap the boxes filed in the 3 x 3 cells
 * around its own, so finding the overlaps of one costs what is near it,
 * not all of them. Boxes off the grid are filed in its border cells. */
typedef struct
{
  double x0, y0;
  double cell_w, cell_h;
  int    cols, rows;
  int   *head;  /* per cell: its first box, or -1 */
  int   *next;  /* per box: the next in its cell, or -1 */
  int   *prev;
  int   *cell;
} Grid;

static int
grid_col (const Grid *g,
          double      x)
{
  double c = floor ((x - g->x0) / g->cell_w);

  return (int) CLAMP (c, 0, g->cols - 1);
}

static int
grid_row (const Grid *g,
          double      y)
{
  double r = floor ((y - g->y0) / g->cell_h);

  return (int) CLAMP (r, 0, g->rows - 1);
}

static void
grid_insert (Grid          *g,
             int            i,
             const VocRect *box)
{
  int cell = grid_row (g, box->y) * g->cols + grid_col (g, box->x);

  g->cell[i] = cell;
  g->prev[i] = -1;
  g->next[i] = g->head[cell];
  if (g->head[cell] >= 0)
    g->prev[g->head[cell]] = i;
  g->head[cell] = i;
}

static void
grid_remove (Grid *g,
             int   i)
{
  if (g->prev[i] >= 0)
    g->next[g->prev[i]] = g->next[i];
  else
    g->head[g->cell[i]] = g->next[i];
  if (g->next[i] >= 0)
    g->prev[g->next[i]] = g->prev[i];
}

static void
grid_move (Grid          *g,
           int            i,
           const VocRect *box)
{
  int cell = grid_row (g, box->y) * g->cols + grid_col (g, box->x);

  if (cell != g->cell[i])
    {
      grid_remove (g, i);
      grid_insert (g, i, box);
    }
}

static void
grid_init (Grid      *g,
           const Fit *fit)
{
  double max_w = 1, max_h = 1;

  for (guint i = 0; i < fit->n; i++)
    if (fit->width[i] > 0)
      {
        max_w = MAX (max_w, fit->width[i]);
        max_h = MAX (max_h, fit->height[i]);
      }
  g->cell_w = max_w + fit->pad_x;
  g->cell_h = max_h + fit->pad_y;
  g->x0 = -fit->avail_width;
  g->y0 = -fit->avail_height;
  g->cols = (int) CLAMP (ceil (2 * fit->avail_width / g->cell_w), 1, 256);
  g->rows = (int) CLAMP (ceil (2 * fit->avail_height / g->cell_h), 1, 256);
  g->head = g_new (int, g->cols * g->rows);
  for (int c = 0; c < g->cols * g->rows; c++)
    g->head[c] = -1;
  g->next = g_new (int, MAX (fit->n, 1));
  g->prev = g_new (int, MAX (fit->n, 1));
  g->cell = g_new (int, MAX (fit->n, 1));
  for (guint i = 0; i < fit->n; i++)
    if (fit->width[i] > 0)
      grid_insert (g, (int) i, &fit->boxes[i]);
}

static void
grid_clear (Grid *g)
{
  g_free (g->head);
  g_free (g->next);
  g_free (g->prev);
  g_free (g->cell);
}

/* The lowest-numbered box after @after that overlaps box @i where the
 * boxes are now, or -1; @work counts the boxes looked at. */
static int
next_overlap (const Fit  *fit,
              const Grid *g,
              guint       i,
              int         after,
              guint64    *work)
{
  const VocRect *a = &fit->boxes[i];
  int col0 = grid_col (g, a->x - g->cell_w);
  int col1 = grid_col (g, a->x + a->width + fit->pad_x);
  int row0 = grid_row (g, a->y - g->cell_h);
  int row1 = grid_row (g, a->y + a->height + fit->pad_y);
  int best = -1;

  for (int row = row0; row <= row1; row++)
    for (int col = col0; col <= col1; col++)
      for (int j = g->head[row * g->cols + col]; j >= 0; j = g->next[j])
        {
          (*work)++;
          if (j > after && (best < 0 || j < best) &&
              rect_intersects (a, &fit->boxes[j], fit->pad_x, fit->pad_y))
            best = j;
        }
  return best;
}

/* TRUE when label @i already reaches too far to fit the canvas beside a
 * rim of @outer. A push moves a label outward along its spoke, so the
 * edge it moves towards only ever moves further: once past, for good. */
static gboolean
beyond_canvas (const Fit *fit,
               guint      i,
               double     outer)
{
  const VocRect *box = &fit->boxes[i];
  double room_x = fit->avail_width - 1 - outer;
  double room_y = fit->avail_height - 1 - outer;

  return (fit->sin_a[i] > 0 && box->x + box->width > room_x) ||
         (fit->sin_a[i] < 0 && box->x < -room_x) ||
         (fit->cos_a[i] < 0 && box->y + box->height > room_y) ||
         (fit->cos_a[i] > 0 && box->y < -room_y);
}

/* Places the labels around a rim of @radius; FALSE when they cannot be
 * kept apart or do not fit the available area.
 *
 * Overlapping labels are pushed out along their spokes, pass after pass,
 * each pass taking every pair in order (the lower-numbered label first,
 * then the others by number) as the labels stand at that moment. The
 * grid finds each label's overlaps among its neighbours, so a pass costs
 * about the number of labels, and the work of one placement is capped
 * at a multiple of the square of that number: a chart of a thousand
 * axes is laid out in well under two seconds, never in cubic time. */
static gboolean
fit_at (Fit    *fit,
        double  radius)
{
  double clearance = radius + fit->gap;
  double outer = radius + fit->rim;
  double area = 0;
  gboolean clear = FALSE;
  guint64 work = 0;
  guint64 budget = 8 * (guint64) fit->n * fit->n + 200000;
  Grid grid;

  fit->max_push = 0;
  memset (fit->pushed, 0, fit->n * sizeof (double));

  for (guint i = 0; i < fit->n; i++)
    {
      double distance = clearance;

      if (fit->width[i] <= 0)
        continue;

      /* Corner boxes reach back towards the rim; step out until clear. */
      for (int k = 0; k < 8; k++)
        {
          double d;

          anchor_box (fit->sin_a[i], fit->cos_a[i], fit->width[i], fit->height[i], distance, &fit->boxes[i]);
          d = rect_distance (&fit->boxes[i], 0, 0);
          if (d >= clearance - 0.01)
            break;
          distance += clearance - d + 0.25;
        }
      area += (fit->width[i] + fit->pad_x) * (fit->height[i] + fit->pad_y);
      if (beyond_canvas (fit, i, outer))
        return FALSE;
    }

  /* Apart, the labels with their padding cover separate parts of the
   * canvas (their padding may reach past its edge, and into the chart by
   * as much): if together they cover more, no pushing can place them. */
  {
    double inner = MAX (radius - hypot (fit->pad_x, fit->pad_y), 0);

    if (area > (fit->avail_width + fit->pad_x) * (fit->avail_height + fit->pad_y) - G_PI * inner * inner)
      return FALSE;
  }

  grid_init (&grid, fit);
  for (guint pass = 0; pass < 2 * fit->n + 4 && !clear; pass++)
    {
      clear = TRUE;
      for (guint i = 0; i < fit->n; i++)
        {
          int j = (int) i;

          if (fit->width[i] <= 0)
            continue;
          while ((j = next_overlap (fit, &grid, i, j, &work)) >= 0)
            {
              double push_i, push_j, cost_i, cost_j;
              guint moved;

              if (work > budget)
                {
                  grid_clear (&grid);
                  return FALSE;
                }
              clear = FALSE;
              push_i = push_needed (fit, i, (guint) j);
              push_j = push_needed (fit, (guint) j, i);
              if (!isfinite (push_i) && !isfinite (push_j))
                {
                  grid_clear (&grid);
                  return FALSE;
                }
              /* Prefer moving the label nearer the top or bottom: the
               * crowd there then stacks outward from the middle rather
               * than in a staircase to one side. */
              cost_i = push_i * (fabs (fit->cos_a[i]) < fabs (fit->cos_a[j]) ? 2.5 : 1);
              cost_j = push_j * (fabs (fit->cos_a[i]) < fabs (fit->cos_a[j]) ? 1 : 2.5);
              moved = cost_i <= cost_j ? i : (guint) j;
              push_box (fit, moved, (moved == i ? push_i : push_j) + 0.25);
              if (beyond_canvas (fit, moved, outer))
                {
                  grid_clear (&grid);
                  return FALSE;
                }
              grid_move (&grid, (int) moved, &fit->boxes[moved]);
            }
        }
    }
  grid_clear (&grid);
  if (!clear)
    return FALSE;

  fit->bounds = (VocRect) { -outer, -outer, 2 * outer, 2 * outer };
  for (guint i = 0; i < fit->n; i++)
    if (fit->width[i] > 0)
      rect_union (&fit->bounds, &fit->boxes[i]);

  /* One pixel spare, for snapping the centre to the pixel grid. */
  return fit->bounds.width <= fit->avail_width - 1 && fit->bounds.height <= fit->avail_height - 1;
}

/* A radius no fit can exceed: each label alone, where fit_at () first
 * puts it, must fit beside the rim; pushes only move labels outward. */
static double
radius_bound (const Fit *fit)
{
  double bound = INFINITY;
  double room_x = fit->avail_width - 1 - fit->rim;
  double room_y = fit->avail_height - 1 - fit->rim;

  for (guint i = 0; i < fit->n; i++)
    {
      double sin_a = fabs (fit->sin_a[i]);
      double cos_a = fabs (fit->cos_a[i]);

      if (fit->width[i] <= 0)
        continue;
      if (sin_a >= 0.05)
        bound = MIN (bound, (room_x - fit->gap * sin_a - fit->width[i]) / (1 + sin_a));
      bound = MIN (bound, (room_y - fit->gap * cos_a - fit->height[i] * (1 + cos_a) / 2) / (1 + cos_a));
    }

  return bound;
}

/* The largest radius in [@lo, @hi] at which the labels fit, or -1. */
static double
fit_radius (Fit    *fit,
            double  lo,
            double  hi)
{
  double step;
  double good = -1;
  double bad;

  hi = MIN (hi, radius_bound (fit));
  if (hi <= 0 || lo > hi)
    return -1;
  step = MAX (1.0, hi * 0.04);
  bad = hi;

  /* A big radius pushes labels off the canvas, a small one crowds them:
   * scan down for the first fit, then refine between it and the misfit
   * above it. */
  for (double r = hi;; r -= step)
    {
      r = MAX (r, lo);
      if (fit_at (fit, r))
        {
          good = r;
          break;
        }
      bad = r;
      if (r <= lo)
        return -1;
    }

  if (good >= hi)
    return good;

  for (int k = 0; k < 6 && bad - good > 0.5; k++)
    {
      double mid = (good + bad) / 2;

      if (fit_at (fit, mid))
        good = mid;
      else
        bad = mid;
    }

  return good;
}

/* Font sizes in half pixels: each size costs Pango and fontconfig a
 * font set that they keep, so a chart being resized should not ask for
 * a new one at every step. */
static double
round_px (double px)
{
  return round (px * 2) / 2;
}

static PangoFontDescription *
scaled_font (const PangoFontDescription *base,
             double                      px)
{
  PangoFontDescription *font = pango_font_description_copy_static (base);

  pango_font_description_set_absolute_size (font, px * PANGO_SCALE);
  return font;
}

static VocRect
layout_logical_box (PangoLayout *layout)
{
  PangoRectangle rect;

  pango_layout_get_extents (layout, NULL, &rect);
  return (VocRect) { (double) rect.x / PANGO_SCALE, (double) rect.y / PANGO_SCALE,
                     (double) rect.width / PANGO_SCALE, (double) rect.height / PANGO_SCALE };
}

/* Shapes @layout into at most @max_lines lines of @max_width px,
 * ellipsizing the last, and returns its logical box in px. */
static void
shape_label (PangoLayout                *layout,
             const PangoFontDescription *font,
             double                      max_width,
             int                         max_lines,
             VocRect                    *logical)
{
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, MAX (1, (int) floor (max_width * PANGO_SCALE)));
  pango_layout_set_height (layout, -max_lines);
  *logical = layout_logical_box (layout);
}

static double
font_px (const PangoFontDescription *font,
         PangoContext               *context)
{
  double size = (double) pango_font_description_get_size (font) / PANGO_SCALE;
  double dpi;

  if (pango_font_description_get_size_is_absolute (font))
    return size;

  dpi = pango_cairo_context_get_resolution (context);
  return size * (dpi > 0 ? dpi : 96) / 72;
}

static void
clear_legend (RadarLayout *self)
{
  for (guint i = 0; self->legend_texts != NULL && i < self->pub.n_series; i++)
    g_clear_object (&self->legend_texts[i]);
  g_clear_pointer (&self->legend_texts, g_free);
  g_clear_pointer (&self->legend_text_boxes, g_free);
  if (self->pub.legend_entries != NULL)
    memset (self->pub.legend_entries, 0, self->pub.n_series * sizeof (VocRect));
  self->pub.legend_box = (VocRect) { 0, 0, 0, 0 };
}

/* Lays the legend out in centred rows from y = 0 with text of @px;
 * returns its height, 0 when there is no legend. */
static double
compute_legend (RadarLayout                *self,
                const VocRadarData         *data,
                PangoContext               *context,
                const PangoFontDescription *base_font,
                double                      px,
                double                      margin)
{
  VocRadarLayout *pub = &self->pub;
  g_autoptr (PangoFontDescription) font = scaled_font (base_font, px);
  double gap = round (px * 0.4);
  double spacing = round (px * 1.3);
  double row_gap = round (px * 0.25);
  double avail = pub->width - 2 * margin;
  double max_text = avail - LEGEND_SAMPLE - gap;
  double row_height = 0;
  double total;
  guint n_rows = 0;

  if (pub->n_series == 0 || max_text < px * 2)
    return 0;

  self->legend_texts = g_new0 (PangoLayout *, pub->n_series);
  self->legend_text_boxes = g_new0 (VocRect, pub->n_series);

  for (guint i = 0; i < pub->n_series; i++)
    {
      const Series *series = &g_array_index (data->series, Series, i);
      PangoLayout *text = pango_layout_new (context);
      VocRect logical;

      pango_layout_set_text (text, series->name, -1);
      pango_layout_set_font_description (text, font);
      if (!series->visible)
        {
          /* Struck through: the entry stays, to show the series again. */
          g_autoptr (PangoAttrList) attrs = pango_attr_list_new ();

          pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
          pango_layout_set_attributes (text, attrs);
        }
      /* Names that fit keep their own width; longer ones end in "…". */
      logical = layout_logical_box (text);
      if (logical.width > max_text)
        {
          pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
          shape_label (text, font, max_text, 1, &logical);
        }
      self->legend_texts[i] = text;
      self->legend_text_dx = -logical.x;
      self->legend_text_dy = -logical.y;
      self->legend_text_boxes[i] = (VocRect) { 0, 0, logical.width, logical.height };
      row_height = MAX (row_height, logical.height);
    }

  /* Rows, each centred, filled greedily in series order. */
  for (guint i = 0; i < pub->n_series;)
    {
      guint start = i;
      double row_width = 0;
      double x;

      for (; i < pub->n_series; i++)
        {
          double entry = LEGEND_SAMPLE + gap + self->legend_text_boxes[i].width;

          if (i > start && row_width + spacing + entry > avail)
            break;
          row_width += (i > start ? spacing : 0) + entry;
          pub->legend_entries[i].width = entry;
        }

      x = margin + (avail - row_width) / 2;
      for (guint k = start; k < i; k++)
        {
          pub->legend_entries[k].x = x;
          pub->legend_entries[k].y = n_rows * (row_height + row_gap);
          pub->legend_entries[k].height = row_height;
          self->legend_text_boxes[k].x = x + LEGEND_SAMPLE + gap;
          self->legend_text_boxes[k].y = pub->legend_entries[k].y +
                                         (row_height - self->legend_text_boxes[k].height) / 2;
          if (k == 0)
            pub->legend_box = pub->legend_entries[k];
          else
            rect_union (&pub->legend_box, &pub->legend_entries[k]);
          x += pub->legend_entries[k].width + spacing;
        }
      n_rows++;
    }

  total = n_rows * row_height + (n_rows - 1) * row_gap;
  if (total > pub->height * 0.4)
    {
      /* No room for a legend on a canvas this small. */
      clear_legend (self);
      return 0;
    }

  return total;
}

static void
clear_title (RadarLayout *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->title_texts); i++)
    g_clear_object (&self->title_texts[i]);
  self->pub.title_box = (VocRect) { 0, 0, 0, 0 };
}

/* The title band across the top: the title in bold, the line under it in
 * body type, each centred and at most two lines. Returns the height the
 * chart below gives up for it; 0 with no title or no room for one. */
static double
compute_title (RadarLayout                *self,
               const VocRadarData         *data,
               PangoContext               *context,
               const PangoFontDescription *base_font,
               double                      base_px,
               double                      side,
               double                      margin)
{
  VocRadarLayout *pub = &self->pub;
  const char *texts[2] = { data->title, data->subtitle };
  double px[2], y = margin, avail = pub->width - 2 * margin;

  if (texts[0] == NULL && texts[1] == NULL)
    return 0;

  px[0] = round_px (MIN (base_px * 1.45, side * 0.05));
  px[1] = round_px (MIN (base_px, side * 0.036));
  if (px[1] < 7 || avail < px[0] * 4)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (PangoFontDescription) font = NULL;
      PangoLayout *text;
      VocRect logical, box;

      if (texts[i] == NULL)
        continue;

      font = scaled_font (base_font, px[i]);
      if (i == 0)
        pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      text = pango_layout_new (context);
      pango_layout_set_text (text, texts[i], -1);
      pango_layout_set_alignment (text, PANGO_ALIGN_CENTER);
      pango_layout_set_wrap (text, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
      shape_label (text, font, avail, 2, &logical);

      if (y > margin)
        y += round (px[i] * 0.3);
      self->title_texts[i] = text;
      self->title_x[i] = margin;
      self->title_y[i] = y - logical.y;
      box = (VocRect) { margin + logical.x, y, logical.width, logical.height };
      if (pub->title_box.width == 0)
        pub->title_box = box;
      else
        rect_union (&pub->title_box, &box);
      y += logical.height;
    }

  y += round (px[0] * 0.8);
  if (y - margin > pub->height * 0.3)
    {
      /* A title taking a third of the canvas leaves too little chart. */
      clear_title (self);
      return 0;
    }
  return y - margin;
}

static void
move_legend (RadarLayout *self,
             double       y)
{
  for (guint i = 0; self->legend_texts != NULL && i < self->pub.n_series; i++)
    {
      self->pub.legend_entries[i].y += y;
      self->legend_text_boxes[i].y += y;
    }
  self->pub.legend_box.y += y;
}

/* The text as shown: the lines joined by newlines, an ellipsis where
 * Pango cut the text short. */
static char *
shown_text (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  GString *shown = g_string_new (NULL);

  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      int start = line->start_index;
      int end = line->start_index + line->length;
      int cut = -1;
      int cut_end = -1;

      for (GSList *r = line->runs; r != NULL; r = r->next)
        {
          PangoGlyphItem *run = r->data;

          if (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS)
            {
              cut = run->item->offset;
              cut_end = run->item->offset + run->item->length;
            }
        }

      if (shown->len > 0)
        g_string_append_c (shown, '\n');
      if (cut >= 0)
        {
          int keep = cut;

          while (keep > start && g_ascii_isspace (text[keep - 1]))
            keep--;
          g_string_append_len (shown, text + start, keep - start);
          g_string_append (shown, "…");
          if (cut_end < end)
            g_string_append_len (shown, text + cut_end, end - cut_end);
        }
      else
        {
          /* Wrapping leaves the space that broke the line at its end. */
          while (end > start && g_ascii_isspace (text[end - 1]))
            end--;
          g_string_append_len (shown, text + start, end - start);
        }
    }

  return g_string_free (shown, FALSE);
}

/* Shapes @label's text once at the base size, and keeps how wide each
 * character is and where lines may break: enough to predict its size at
 * any line width and font scale without shaping again. */
static void
prepare_label (LabelCache *label)
{
  const char *text = pango_layout_get_text (label->layout);
  const PangoLogAttr *attrs;
  PangoRectangle logical;
  g_autofree int *char_at = NULL;
  g_autofree double *advance = NULL;
  int length = strlen (text);
  int n_attrs;

  pango_layout_get_extents (label->layout, NULL, &logical);
  label->line_height = (double) logical.height / PANGO_SCALE / pango_layout_get_line_count (label->layout);
  attrs = pango_layout_get_log_attrs_readonly (label->layout, &n_attrs);
  label->n_chars = MAX (n_attrs - 1, 0);
  label->x = g_new0 (double, label->n_chars + 1);
  label->flags = g_new0 (guint8, label->n_chars + 1);
  advance = g_new0 (double, label->n_chars + 1);

  /* Character index of each byte of the text. */
  char_at = g_new0 (int, length + 1);
  for (int i = 0, c = 0; i < length; c++)
    {
      int next = g_utf8_next_char (text + i) - text;

      for (; i < next && i < length; i++)
        char_at[i] = c;
    }
  char_at[length] = label->n_chars;

  /* Each glyph's advance goes to the first character of its cluster. */
  for (GSList *l = pango_layout_get_lines_readonly (label->layout); l != NULL; l = l->next)
    for (GSList *r = ((PangoLayoutLine *) l->data)->runs; r != NULL; r = r->next)
      {
        PangoGlyphItem *run = r->data;

        for (int g = 0; g < run->glyphs->num_glyphs; g++)
          {
            int byte = run->item->offset + run->glyphs->log_clusters[g];

            if (byte >= 0 && byte < length)
              advance[char_at[byte]] += (double) run->glyphs->glyphs[g].geometry.width / PANGO_SCALE;
          }
      }

  for (int i = 0; i < label->n_chars; i++)
    label->x[i + 1] = label->x[i] + advance[i];
  for (int i = 0; i <= label->n_chars; i++)
    label->flags[i] = (attrs[i].is_line_break ? CAN_BREAK : 0) | (attrs[i].is_white ? IS_SPACE : 0);
}

/* Predicts what Pango makes of @label in at most @max_lines lines of
 * @max_width px at @scale times the base size: the size, and how much
 * text gets cut, counted as measure_fit () does. Lines break only
 * between words: a word longer than a line gets a line of its own, cut
 * short with an ellipsis, never broken in two. @lines, if set, gets
 * where each line starts and ends (character offsets, spaces trimmed);
 * @split is set when a word is cut so, as Pango cannot do that alone. */
static double
estimate_label (const LabelCache *label,
                double            scale,
                double            max_width,
                int               max_lines,
                double            ellipsis,
                double           *width,
                double           *height,
                GArray           *lines,
                gboolean         *split)
{
  const double *x = label->x;
  int n = label->n_chars;
  double limit = max_width / scale;
  double widest = 0;
  double cut = 0;
  int pos = 0;
  int n_lines = 0;

  if (split != NULL)
    *split = FALSE;

  while (pos < n && n_lines < max_lines)
    {
      int end = n;
      int best = -1;
      int line_start, line_end;

      while (pos < n && (label->flags[pos] & IS_SPACE))
        pos++;
      /* Only spaces left (after a word cut short): no line for them. */
      if (pos == n)
        break;
      n_lines++;
      while (end > pos && (label->flags[end - 1] & IS_SPACE))
        end--;
      line_start = pos;

      if (x[end] - x[pos] <= limit)
        {
          widest = MAX (widest, x[end] - x[pos]);
          line_end = end;
          pos = n;
        }
      else if (n_lines == max_lines)
        {
          /* The last line ends with as much as fits before an ellipsis. */
          int keep = pos;

          while (keep < end && x[keep + 1] - x[pos] + ellipsis <= limit)
            keep++;
          cut += 3 + 6.0 * (n - keep) / n;
          while (keep > pos && (label->flags[keep - 1] & IS_SPACE))
            keep--;
          widest = MAX (widest, x[keep] - x[pos] + ellipsis);
          line_end = end;
          pos = n;
        }
      else
        {
          /* The last break at which the line still fits. */
          for (int k = pos + 1; k < end; k++)
            {
              int trim = k;

              if (!(label->flags[k] & CAN_BREAK))
                continue;
              while (trim > pos && (label->flags[trim - 1] & IS_SPACE))
                trim--;
              if (x[trim] - x[pos] > limit)
                break;
              best = k;
            }

          if (best < 0)
            {
              /* A word longer than the line: a line of its own, cut short,
               * which reads better than "Troubleshoot-" over "ing". */
              int next = pos + 1;
              int keep = pos;

              while (next < end && !(label->flags[next] & CAN_BREAK))
                next++;
              line_end = next;
              while (line_end > pos && (label->flags[line_end - 1] & IS_SPACE))
                line_end--;
              while (keep < line_end && x[keep + 1] - x[pos] + ellipsis <= limit)
                keep++;
              cut += 3 + 6.0 * (line_end - keep) / n;
              widest = MAX (widest, x[keep] - x[pos] + ellipsis);
              pos = next;
              if (split != NULL)
                *split = TRUE;
            }
          else
            {
              line_end = best;
              while (line_end > pos && (label->flags[line_end - 1] & IS_SPACE))
                line_end--;
              widest = MAX (widest, x[line_end] - x[pos]);
              pos = best;
            }
        }

      if (lines != NULL)
        {
          g_array_append_val (lines, line_start);
          g_array_append_val (lines, line_end);
        }
    }

  *width = MIN (widest, limit) * scale;
  *height = MAX (n_lines, 1) * label->line_height * scale;
  return cut;
}

static double
label_max_width (const Fit        *fit,
                 const LabelCache *label,
                 guint             f,
                 const double     *font_sizes)
{
  double ems = label_fits[f].max_ems * font_sizes[label_fits[f].scale];

  return MIN (ems * label->widen, fit->avail_width * (label->widen > 1 ? 0.9 : 0.45));
}

/* Predicts every label's size for label fit @f; returns how much text it
 * cuts: per label, 3 for being cut plus 6 times the share of text cut,
 * and a little for a word broken in two. */
static double
measure_fit (const LabelCache *cache,
             guint             f,
             const double     *font_sizes,
             double            ellipsis,
             Fit              *fit)
{
  double scale = font_sizes[label_fits[f].scale] / font_sizes[0];
  double cut = 0;

  for (guint i = 0; i < fit->n; i++)
    {
      if (cache[i].layout == NULL)
        {
          fit->width[i] = fit->height[i] = 0;
          continue;
        }

      cut += estimate_label (&cache[i], scale, label_max_width (fit, &cache[i], f, font_sizes),
                             label_fits[f].max_lines, ellipsis, &fit->width[i], &fit->height[i], NULL, NULL);
    }

  return cut;
}

/* Sets up @label for axis @i's @text, shaped as the first label fit
 * would: that fit is often the one chosen, and then needs no shaping
 * again. */
static void
create_label (LabelCache                 *label,
              const Fit                  *fit,
              guint                       i,
              const char                 *text,
              PangoContext               *context,
              const PangoFontDescription *font,
              const double               *font_sizes)
{
  PangoAlignment alignment;

  if (text[0] == '\0')
    return;

  /* A label at the top or bottom may spread as far as its neighbours
   * are apart. */
  label->widen = 1;
  if (fabs (fit->sin_a[i]) < 0.05)
    label->widen = fit->n <= 4 ? 2.5 : fit->n <= 8 ? 1.6 : fit->n <= 12 ? 1.3 : 1;

  /* Lines of a wrapped label line up on the side facing the chart. */
  if (fabs (fit->sin_a[i]) < 0.05)
    alignment = PANGO_ALIGN_CENTER;
  else
    alignment = fit->sin_a[i] > 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;

  label->layout = pango_layout_new (context);
  pango_layout_set_text (label->layout, text, -1);
  pango_layout_set_alignment (label->layout, alignment);
  /* Between words only; a word too long for a line is cut short with an
   * ellipsis instead (see shape_labels ()). */
  pango_layout_set_wrap (label->layout, PANGO_WRAP_WORD);
  pango_layout_set_font_description (label->layout, font);
  pango_layout_set_width (label->layout, (int) floor (label_max_width (fit, label, 0, font_sizes) * PANGO_SCALE));
  prepare_label (label);
}

/* Shapes the labels for real, in label fit @f with @font, and puts their
 * sizes in @fit. */
static void
shape_labels (RadarLayout                *self,
              const LabelCache           *cache,
              Fit                        *fit,
              guint                       f,
              const PangoFontDescription *font,
              const double               *font_sizes,
              double                      ellipsis)
{
  double scale = font_sizes[label_fits[f].scale] / font_sizes[0];
  int max_lines = label_fits[f].max_lines;

  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < fit->n; i++)
    {
      PangoLayout *layout = cache[i].layout;
      double max_width = label_max_width (fit, &cache[i], f, font_sizes);
      double predicted_width, predicted_height, cut = 0;
      gboolean split = FALSE;
      VocRect logical;

      if (layout == NULL)
        continue;

      pango_layout_set_font_description (layout, font);
      pango_layout_set_width (layout, MAX (1, (int) floor (max_width * PANGO_SCALE)));
      g_array_set_size (lines, 0);
      if (cache[i].x[cache[i].n_chars] * scale > max_width)
        cut = estimate_label (&cache[i], scale, max_width, max_lines, ellipsis,
                              &predicted_width, &predicted_height, lines, &split);

      if (split)
        {
          /* Pango's word wrap lets a long word run past the line, and its
           * word-and-character wrap breaks it in two. Instead the lines
           * become paragraphs of one line each, so that the word's line
           * alone gets the ellipsis. */
          const char *text = pango_layout_get_text (layout);
          g_autoptr (GString) broken = g_string_new (NULL);

          for (guint l = 0; l < lines->len; l += 2)
            {
              const char *from = g_utf8_offset_to_pointer (text, g_array_index (lines, int, l));
              /* The last line takes the rest, for its ellipsis. */
              const char *to = l + 2 < lines->len ? g_utf8_offset_to_pointer (text, g_array_index (lines, int, l + 1))
                                                  : text + strlen (text);

              if (l > 0)
                g_string_append_c (broken, '\n');
              g_string_append_len (broken, from, to - from);
            }
          pango_layout_set_text (layout, broken->str, broken->len);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_height (layout, -1);
        }
      /* Any change of settings makes Pango shape again, so the ellipsis
       * is asked for only when it will show. */
      else if (cut >= 3 || pango_layout_get_line_count (layout) > max_lines)
        {
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_height (layout, -max_lines);
        }

      logical = layout_logical_box (layout);
      fit->width[i] = logical.width;
      fit->height[i] = logical.height;
      self->label_dx[i] = -logical.x;
      self->label_dy[i] = -logical.y;
    }
}

static void
set_fit_spacing (Fit    *fit,
                 double  em)
{
  fit->gap = round (4 + em * 0.3);
  fit->pad_x = round (em * 0.6);
  fit->pad_y = round (1 + em * 0.2);
}

static void
compute_rings (RadarLayout                *self,
               const VocRadarStyle        *style,
               PangoContext               *context,
               const PangoFontDescription *base_font,
               double                      label_px)
{
  VocRadarLayout *pub = &self->pub;
  double spacing = pub->radius / VOC_RADAR_MAX_LEVEL;
  double px = round_px (MIN (label_px * 0.75, spacing * 0.55));
  double inset = DOT_RADIUS + 1;
  g_autoptr (PangoFontDescription) font = NULL;
  PangoLayoutIter *iter;
  GString *names;

  /* Below that they only add clutter to a chart too small to read them. */
  if (!style->show_ring_labels || px < 7.5 || pub->radius < 90)
    return;

  /* One layout for the six names, cheaper than six; drawn line by line. */
  font = scaled_font (base_font, px);
  names = g_string_new (NULL);
  for (int level = 0; level <= VOC_RADAR_MAX_LEVEL; level++)
    {
      if (level > 0)
        g_string_append_c (names, '\n');
      g_string_append (names, g_dgettext (GETTEXT_PACKAGE, level_names[level]));
    }
  self->rings = pango_layout_new (context);
  pango_layout_set_font_description (self->rings, font);
  pango_layout_set_text (self->rings, names->str, names->len);
  g_string_free (names, TRUE);

  iter = pango_layout_get_iter (self->rings);
  for (int level = 0; level <= VOC_RADAR_MAX_LEVEL; level++, pango_layout_iter_next_line (iter))
    {
      VocRect *box = &self->ring_boxes[level];
      double outer = pub->radius + 1.5;
      PangoRectangle logical;
      double reach;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      self->ring_baselines[level] = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;

      /* Hanging just below where the ring crosses spoke 0, in the gap
       * before axis 1, and kept inside the outer ring so that no axis
       * label can meet it. */
      box->x = pub->cx + inset;
      box->y = pub->cy - level * spacing + 1;
      box->width = (double) logical.width / PANGO_SCALE;
      box->height = (double) logical.height / PANGO_SCALE;
      reach = inset + box->width;
      if (reach >= outer)
        continue;
      box->y = MAX (box->y, pub->cy - sqrt (outer * outer - reach * reach));
      self->ring_shown[level] = level == 0 || !self->ring_shown[level - 1] ||
                                box->y + box->height <= self->ring_boxes[level - 1].y;
    }
  pango_layout_iter_free (iter);
}

/* Picks the label fit that reads best: a big chart, big text, and as
 * little text cut as possible. Returns its index, or -1 when no fit
 * leaves room for a chart. */
static int
choose_fit (Fit                   *fit,
            const LabelCache      *cache,
            const double          *font_sizes,
            double                 ellipsis,
            double                 side,
            double                 r_hi,
            double                *radius)
{
  double r_good = MIN (side * 0.25, r_hi);
  double r_ok = MIN (side * 0.15, r_hi);
  double best_score = -INFINITY;
  int best = -1;
  guint n_labels = 0;

  for (guint i = 0; i < fit->n; i++)
    n_labels += cache[i].layout != NULL;

  for (guint f = 0; f < G_N_ELEMENTS (label_fits); f++)
    {
      double px = font_sizes[label_fits[f].scale];
      /* Text under 8 px is hard to read; below 15% the chart is. */
      double text_score = 1.5 * log (fit_scales[label_fits[f].scale]) - 0.3 * MAX (8 - px, 0);
      double cut, r, score;

      /* Not even the largest chart with nothing cut could beat the best. */
      if (log (r_hi / side) + text_score <= best_score)
        continue;

      set_fit_spacing (fit, px);
      cut = measure_fit (cache, f, font_sizes, ellipsis, fit);
      if (log (MIN (r_hi, radius_bound (fit)) / side) + text_score - cut / MAX (n_labels, 1) <= best_score)
        continue;
      r = fit_radius (fit, MIN (MAX (2, side * 0.03), r_hi), r_hi);
      if (r <= 0)
        continue;

      /* Labels pushed far from their spoke are hard to match with it,
       * and under a fifth of the canvas the chart starts to look lost. */
      score = log (r / side) + text_score - cut / MAX (n_labels, 1) - 0.2 * fit->max_push / px -
              3 * MAX (0.2 - r / side, 0) / 0.2 - (r < r_ok ? 5 : 0);
      if (score > best_score)
        {
          best_score = score;
          best = f;
          *radius = r;
        }

      /* The usual case: everything fits at a good size, stop measuring. */
      if (r >= r_good && cut == 0)
        break;
    }

  return best;
}

static void
set_available (Fit    *fit,
               double  width,
               double  height,
               double  margin,
               double  legend_height,
               double  legend_gap)
{
  fit->avail_width = width - 2 * margin;
  fit->avail_height = height - 2 * margin - (legend_height > 0 ? legend_height + legend_gap : 0);
}

VocRadarLayout *
voc_radar_layout_compute (const VocRadarData  *data,
                          const VocRadarStyle *style,
                          PangoContext        *context,
                          double               width,
                          double               height)
{
  RadarLayout *self;
  VocRadarLayout *pub;
  g_autoptr (PangoFontDescription) base_font = NULL;
  PangoFontDescription *fonts[G_N_ELEMENTS (fit_scales)] = { NULL };
  double font_sizes[G_N_ELEMENTS (fit_scales)];
  g_autofree LabelCache *cache = NULL;
  double base_px, label_px, side, margin, r_hi;
  double legend_px = 0, legend_height = 0, legend_gap = 0, top, ellipsis;
  double title_height, chart_height;
  int chosen = -1;
  double radius = 0;
  Fit fit = { 0 };

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  self = g_new0 (RadarLayout, 1);
  pub = &self->pub;
  pub->width = width;
  pub->height = height;
  pub->n_axes = data->axes->len;
  pub->n_series = data->series->len;
  pub->cx = isfinite (width) ? width / 2 : 0;
  pub->cy = isfinite (height) ? height / 2 : 0;

  if (pub->n_axes > 0)
    {
      pub->angles = g_new0 (double, pub->n_axes);
      pub->label_boxes = g_new0 (VocRect, pub->n_axes);
      pub->label_texts = g_new0 (char *, pub->n_axes + 1);
      pub->label_truncated = g_new0 (gboolean, pub->n_axes);
      self->labels = g_new0 (PangoLayout *, pub->n_axes);
      self->label_dx = g_new0 (double, pub->n_axes);
      self->label_dy = g_new0 (double, pub->n_axes);
      for (guint i = 0; i < pub->n_axes; i++)
        {
          pub->angles[i] = 2 * G_PI * i / pub->n_axes;
          pub->label_texts[i] = g_strdup ("");
        }
    }
  if (pub->n_series > 0)
    pub->legend_entries = g_new0 (VocRect, pub->n_series);
  if (pub->n_axes > 0 && pub->n_series > 0)
    {
      pub->vertex_x = g_new0 (double, pub->n_axes * pub->n_series);
      pub->vertex_y = g_new0 (double, pub->n_axes * pub->n_series);
    }

  if (!(width > 0 && height > 0 && isfinite (width) && isfinite (height)))
    goto vertices;

  if (context == NULL)
    context = get_default_context ();

  base_font = pango_font_description_from_string (style->font ? style->font : DEFAULT_FONT);
  if (pango_font_description_get_size (base_font) <= 0)
    pango_font_description_set_size (base_font, 11 * PANGO_SCALE);
  base_px = font_px (base_font, context);
  side = MIN (width, height);
  margin = CLAMP (round (side * 0.025), 4, 16);
  title_height = compute_title (self, data, context, base_font, base_px, side, margin);
  chart_height = height - title_height;

  if (style->show_legend)
    {
      legend_px = round_px (base_px * (side >= 360 ? 1.0 : side >= 240 ? 0.9 : 0.8));
      legend_height = compute_legend (self, data, context, base_font, legend_px, margin);
      legend_gap = round (legend_px * 0.8);
    }

  fit.rim = DOT_RADIUS + SERIES_LINE_WIDTH / 2 + 0.5;
  set_available (&fit, width, chart_height, margin, legend_height, legend_gap);
  r_hi = MIN (fit.avail_width, fit.avail_height) / 2 - fit.rim - 1;
  if (r_hi <= 0)
    {
      clear_legend (self);
      clear_title (self);
      goto vertices;
    }

  fit.n = pub->n_axes;
  fit.sin_a = g_new0 (double, MAX (fit.n, 1));
  fit.cos_a = g_new0 (double, MAX (fit.n, 1));
  fit.width = g_new0 (double, MAX (fit.n, 1));
  fit.height = g_new0 (double, MAX (fit.n, 1));
  fit.boxes = g_new0 (VocRect, MAX (fit.n, 1));
  fit.pushed = g_new0 (double, MAX (fit.n, 1));
  cache = g_new0 (LabelCache, MAX (fit.n, 1));

  for (guint s = 0; s < G_N_ELEMENTS (fit_scales); s++)
    {
      font_sizes[s] = round_px (MAX (base_px * fit_scales[s], 5));
      fonts[s] = scaled_font (base_font, font_sizes[s]);
    }

  for (guint i = 0; i < fit.n; i++)
    {
      fit.sin_a[i] = sin (pub->angles[i]);
      fit.cos_a[i] = cos (pub->angles[i]);
      create_label (&cache[i], &fit, i, g_array_index (data->axes, Axis, i).label,
                    context, fonts[0], font_sizes);
    }

  /* Only for predictions, which the real shaping below checks. */
  ellipsis = font_sizes[0] * 0.85;
  chosen = choose_fit (&fit, cache, font_sizes, ellipsis, side, r_hi, &radius);
  label_px = chosen >= 0 ? font_sizes[label_fits[chosen].scale] : base_px;

  /* A legend in bigger type than the labels looks out of place, and
   * smaller type gives the chart more room. */
  if (chosen >= 0 && legend_height > 0 && label_px < legend_px - 0.01)
    {
      double r_more;

      clear_legend (self);
      legend_px = label_px;
      legend_height = compute_legend (self, data, context, base_font, legend_px, margin);
      legend_gap = round (legend_px * 0.8);
      set_available (&fit, width, chart_height, margin, legend_height, legend_gap);
      r_hi = MIN (fit.avail_width, fit.avail_height) / 2 - fit.rim - 1;
      set_fit_spacing (&fit, label_px);
      measure_fit (cache, chosen, font_sizes, ellipsis, &fit);
      r_more = fit_radius (&fit, radius, r_hi);
      radius = MAX (radius, r_more);
    }

  if (chosen >= 0)
    {
      set_fit_spacing (&fit, label_px);
      shape_labels (self, cache, &fit, chosen, fonts[label_fits[chosen].scale], font_sizes, ellipsis);

      /* The prediction is close, not exact: step down if need be. */
      if (!fit_at (&fit, radius))
        {
          radius = fit_radius (&fit, MIN (MAX (2, side * 0.03), radius), radius);
          if (radius <= 0 || !fit_at (&fit, radius))
            chosen = -1;
        }
    }

  if (chosen < 0)
    {
      /* Not even the smallest text fits: a chart without labels beats
       * labels on top of each other. */
      memset (fit.width, 0, MAX (fit.n, 1) * sizeof (double));
      radius = r_hi;
      fit_at (&fit, radius);
    }

  /* The chart and its labels, with the legend under them, centred. */
  pub->radius = radius;
  pub->cx = floor (margin + (fit.avail_width - fit.bounds.width) / 2 - fit.bounds.x) + 0.5;
  top = title_height + margin +
        (chart_height - 2 * margin - fit.bounds.height - (legend_height > 0 ? legend_gap + legend_height : 0)) / 2;
  pub->cy = floor (top - fit.bounds.y) + 0.5;
  if (legend_height > 0)
    move_legend (self, ceil (top + fit.bounds.height + legend_gap));

  for (guint i = 0; i < fit.n; i++)
    {
      if (chosen < 0 || cache[i].layout == NULL)
        {
          /* An empty box on the rim, for hit tests and tooltips. */
          pub->label_boxes[i] = (VocRect) { pub->cx + (radius + fit.gap) * fit.sin_a[i],
                                            pub->cy - (radius + fit.gap) * fit.cos_a[i], 0, 0 };
          pub->label_truncated[i] = cache[i].layout != NULL;
          g_clear_object (&cache[i].layout);
          continue;
        }

      pub->label_boxes[i] = fit.boxes[i];
      pub->label_boxes[i].x += pub->cx;
      pub->label_boxes[i].y += pub->cy;
      pub->label_truncated[i] = pango_layout_is_ellipsized (cache[i].layout);
      g_free (pub->label_texts[i]);
      pub->label_texts[i] = shown_text (cache[i].layout);
      self->labels[i] = g_steal_pointer (&cache[i].layout);
    }

  compute_rings (self, style, context, base_font, label_px);

vertices:
  for (guint s = 0; s < pub->n_series && pub->n_axes > 0; s++)
    {
      const Series *series = &g_array_index (data->series, Series, s);

      for (guint i = 0; i < pub->n_axes; i++)
        {
          double value = i < series->n_values ? series->values[i] : 0;
          double distance;

          /* NAN means "no value": drawn at the centre like a 0. */
          value = isnan (value) ? 0 : CLAMP (value, 0, VOC_RADAR_MAX_LEVEL);
          distance = pub->radius * value / VOC_RADAR_MAX_LEVEL;
          pub->vertex_x[s * pub->n_axes + i] = pub->cx + distance * sin (pub->angles[i]);
          pub->vertex_y[s * pub->n_axes + i] = pub->cy - distance * cos (pub->angles[i]);
        }
    }

  for (guint s = 0; s < G_N_ELEMENTS (fit_scales); s++)
    g_clear_pointer (&fonts[s], pango_font_description_free);
  for (guint i = 0; cache != NULL && i < fit.n; i++)
    {
      g_clear_object (&cache[i].layout);
      g_free (cache[i].x);
      g_free (cache[i].flags);
    }
  g_free (fit.sin_a);
  g_free (fit.cos_a);
  g_free (fit.width);
  g_free (fit.height);
  g_free (fit.boxes);
  g_free (fit.pushed);

  return pub;
}

void
voc_radar_layout_free (VocRadarLayout *layout)
{
  RadarLayout *self = (RadarLayout *) layout;

  if (layout == NULL)
    return;

  for (guint i = 0; self->labels != NULL && i < layout->n_axes; i++)
    g_clear_object (&self->labels[i]);
  for (guint i = 0; self->legend_texts != NULL && i < layout->n_series; i++)
    g_clear_object (&self->legend_texts[i]);
  g_clear_object (&self->rings);
  clear_title (self);

  g_free (self->labels);
  g_free (self->label_dx);
  g_free (self->label_dy);
  g_free (self->legend_texts);
  g_free (self->legend_text_boxes);
  g_free (layout->angles);
  g_free (layout->vertex_x);
  g_free (layout->vertex_y);
  g_free (layout->label_boxes);
  g_strfreev (layout->label_texts);
  g_free (layout->label_truncated);
  g_free (layout->legend_entries);
  g_free (self);
}

int
voc_radar_layout_hit_axis (const VocRadarLayout *layout,
                           const VocRadarData   *data,
                           double                x,
                           double                y,
                           double                tolerance)
{
  guint n_series;
  double best = tolerance;
  int hit = -1;

  g_return_val_if_fail (layout != NULL, -1);
  g_return_val_if_fail (data != NULL, -1);

  if (layout->radius <= 0)
    return -1;

  n_series = MIN (layout->n_series, data->series->len);
  for (guint s = 0; s < n_series; s++)
    {
      if (!g_array_index (data->series, Series, s).visible)
        continue;

      for (guint i = 0; i < layout->n_axes; i++)
        {
          double d = hypot (layout->vertex_x[s * layout->n_axes + i] - x,
                            layout->vertex_y[s * layout->n_axes + i] - y);

          /* Ties go to the first axis: at level 0 all vertices meet. */
          if (d < best || (hit < 0 && d <= best))
            {
              best = d;
              hit = i;
            }
        }
    }

  /* A vertex right under the pointer beats the label it sits near. */
  if (hit >= 0 && best < 1)
    return hit;

  for (guint i = 0; i < layout->n_axes; i++)
    if (layout->label_boxes[i].width > 0 && rect_contains (&layout->label_boxes[i], x, y))
      return i;

  return hit;
}

int
voc_radar_layout_hit_legend (const VocRadarLayout *layout,
                             double                x,
                             double                y)
{
  g_return_val_if_fail (layout != NULL, -1);

  for (guint i = 0; i < layout->n_series; i++)
    if (layout->legend_entries[i].width > 0 && rect_contains (&layout->legend_entries[i], x, y))
      return i;

  return -1;
}
