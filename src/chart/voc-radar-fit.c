/* voc-radar-fit.c: label boxes around the rim, and the radius they allow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each label sits just outside the rim at the end of its spoke. Labels
 * that crowd each other are pushed outward along their spoke, where the
 * spokes spread apart; a grid of cells finds the crowding in about linear
 * time, so 1,000 axes cost little more than 25.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "voc-radar-layout-private.h"

static gboolean
rect_intersects (const VocRect *a,
                 const VocRect *b,
                 double         pad_x,
                 double         pad_y)
{
  return a->x < b->x + b->width + pad_x && b->x < a->x + a->width + pad_x &&
         a->y < b->y + b->height + pad_y && b->y < a->y + a->height + pad_y;
}

gboolean
voc_radar_rect_contains (const VocRect *rect,
               double         x,
               double         y)
{
  return x >= rect->x && x <= rect->x + rect->width &&
         y >= rect->y && y <= rect->y + rect->height;
}

void
voc_radar_rect_union (VocRect       *dest,
            const VocRect *src)
{
  double x1 = MIN (dest->x, src->x);
  double y1 = MIN (dest->y, src->y);
  double x2 = MAX (dest->x + dest->width, src->x + src->width);
  double y2 = MAX (dest->y + dest->height, src->y + src->height);

  *dest = (VocRect) { x1, y1, x2 - x1, y2 - y1 };
}

/* Distance from (@cx, @cy) to the nearest point of @rect; 0 inside. */
double
voc_radar_rect_distance (const VocRect *rect,
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
gboolean
voc_radar_fit_at (Fit    *fit,
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
          d = voc_radar_rect_distance (&fit->boxes[i], 0, 0);
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
      voc_radar_rect_union (&fit->bounds, &fit->boxes[i]);

  /* One pixel spare, for snapping the centre to the pixel grid. */
  return fit->bounds.width <= fit->avail_width - 1 && fit->bounds.height <= fit->avail_height - 1;
}

/* A radius no fit can exceed: each label alone, where voc_radar_fit_at () first
 * puts it, must fit beside the rim; pushes only move labels outward. */
double
voc_radar_radius_bound (const Fit *fit)
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
double
voc_radar_fit_radius (Fit    *fit,
            double  lo,
            double  hi)
{
  double step;
  double good = -1;
  double bad;

  hi = MIN (hi, voc_radar_radius_bound (fit));
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
      if (voc_radar_fit_at (fit, r))
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

      if (voc_radar_fit_at (fit, mid))
        good = mid;
      else
        bad = mid;
    }

  return good;
}

void
voc_radar_fit_set_spacing (Fit    *fit,
                 double  em)
{
  fit->gap = round (4 + em * 0.3);
  fit->pad_x = round (em * 0.6);
  fit->pad_y = round (1 + em * 0.2);
}

void
voc_radar_fit_set_available (Fit    *fit,
               double  width,
               double  height,
               double  margin,
               double  legend_height,
               double  legend_gap)
{
  fit->avail_width = width - 2 * margin;
  fit->avail_height = height - 2 * margin - (legend_height > 0 ? legend_height + legend_gap : 0);
}
