/* voc-radar-layout.c: geometry of the chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hard part is the labels: skill names are long, there can be 25 of
 * them, and the chart must stay readable from 240 to 1600 px. For each
 * label fit (voc-radar-labels.c), from the most readable down, the layout
 * looks for the largest radius at which every label sits outside the
 * rings, clear of its neighbours and inside the canvas (voc-radar-fit.c),
 * and keeps the fit that reads best.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "voc-radar-layout-private.h"


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
  g_autoptr (PangoFontDescription) font = voc_radar_scaled_font (base_font, px);
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
      logical = voc_radar_logical_box (text);
      if (logical.width > max_text)
        {
          pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
          voc_radar_shape_text (text, font, max_text, 1, &logical);
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
            voc_radar_rect_union (&pub->legend_box, &pub->legend_entries[k]);
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

  px[0] = voc_radar_round_px (MIN (base_px * 1.45, side * 0.05));
  px[1] = voc_radar_round_px (MIN (base_px, side * 0.036));
  if (px[1] < 7 || avail < px[0] * 4)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (PangoFontDescription) font = NULL;
      PangoLayout *text;
      VocRect logical, box;

      if (texts[i] == NULL)
        continue;

      font = voc_radar_scaled_font (base_font, px[i]);
      if (i == 0)
        pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      text = pango_layout_new (context);
      pango_layout_set_text (text, texts[i], -1);
      pango_layout_set_alignment (text, PANGO_ALIGN_CENTER);
      pango_layout_set_wrap (text, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
      voc_radar_shape_text (text, font, avail, 2, &logical);

      if (y > margin)
        y += round (px[i] * 0.3);
      self->title_texts[i] = text;
      self->title_x[i] = margin;
      self->title_y[i] = y - logical.y;
      box = (VocRect) { margin + logical.x, y, logical.width, logical.height };
      if (pub->title_box.width == 0)
        pub->title_box = box;
      else
        voc_radar_rect_union (&pub->title_box, &box);
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

static void
compute_rings (RadarLayout                *self,
               const VocRadarStyle        *style,
               PangoContext               *context,
               const PangoFontDescription *base_font,
               double                      label_px)
{
  VocRadarLayout *pub = &self->pub;
  double spacing = pub->radius / VOC_RADAR_MAX_LEVEL;
  double px = voc_radar_round_px (MIN (label_px * 0.75, spacing * 0.55));
  double inset = DOT_RADIUS + 1;
  g_autoptr (PangoFontDescription) font = NULL;
  PangoLayoutIter *iter;
  GString *names;

  /* Below that they only add clutter to a chart too small to read them. */
  if (!style->show_ring_labels || style->ring_labels[0] == NULL || px < 7.5 || pub->radius < 90)
    return;

  /* One layout for the six names, cheaper than six; drawn line by line. */
  font = voc_radar_scaled_font (base_font, px);
  names = g_string_new (NULL);
  for (int level = 0; level <= VOC_RADAR_MAX_LEVEL; level++)
    {
      if (level > 0)
        g_string_append_c (names, '\n');
      g_string_append (names, style->ring_labels[level] ? style->ring_labels[level] : "");
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

/* What one layout computation works with, from fonts to the label fit. */
typedef struct
{
  RadarLayout           *self;
  const VocRadarData    *data;
  PangoContext          *context;
  PangoFontDescription  *base_font;
  PangoFontDescription  *fonts[VOC_RADAR_N_FIT_SCALES];
  double                 font_sizes[VOC_RADAR_N_FIT_SCALES];
  LabelCache            *cache;
  Fit                    fit;
  double                 base_px;
  double                 side;
  double                 margin;
  double                 title_height;
  double                 chart_height; /* the canvas below the title */
  double                 legend_px;
  double                 legend_height;
  double                 legend_gap;
  double                 r_hi;         /* the largest radius the canvas allows */
  double                 ellipsis;
  double                 label_px;
  double                 radius;
  int                    chosen;       /* the label fit, or -1: no labels */
} Work;

/* A layout with every array allocated, the axes' angles set and the chart
 * at the centre: what a canvas too small to draw on gets. */
static RadarLayout *
layout_new (const VocRadarData *data,
            double              width,
            double              height)
{
  RadarLayout *self = g_new0 (RadarLayout, 1);
  VocRadarLayout *pub = &self->pub;

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

  return self;
}

/* Fonts, title and legend; FALSE when the canvas leaves no room for a
 * chart. */
static gboolean
setup_frame (Work                *w,
             const VocRadarStyle *style)
{
  VocRadarLayout *pub = &w->self->pub;

  w->base_font = pango_font_description_from_string (style->font ? style->font : DEFAULT_FONT);
  if (pango_font_description_get_size (w->base_font) <= 0)
    pango_font_description_set_size (w->base_font, 11 * PANGO_SCALE);
  w->base_px = voc_radar_font_px (w->base_font, w->context);
  w->side = MIN (pub->width, pub->height);
  w->margin = CLAMP (round (w->side * 0.025), 4, 16);
  w->title_height = compute_title (w->self, w->data, w->context, w->base_font, w->base_px, w->side, w->margin);
  w->chart_height = pub->height - w->title_height;

  if (style->show_legend)
    {
      w->legend_px = voc_radar_round_px (w->base_px * (w->side >= 360 ? 1.0 : w->side >= 240 ? 0.9 : 0.8));
      w->legend_height = compute_legend (w->self, w->data, w->context, w->base_font, w->legend_px, w->margin);
      w->legend_gap = round (w->legend_px * 0.8);
    }

  w->fit.rim = DOT_RADIUS + SERIES_LINE_WIDTH / 2 + 0.5;
  voc_radar_fit_set_available (&w->fit, pub->width, w->chart_height, w->margin, w->legend_height, w->legend_gap);
  w->r_hi = MIN (w->fit.avail_width, w->fit.avail_height) / 2 - w->fit.rim - 1;
  if (w->r_hi <= 0)
    {
      clear_legend (w->self);
      clear_title (w->self);
      return FALSE;
    }
  return TRUE;
}

/* The label problem: one box per axis, each label shaped once. */
static void
setup_labels (Work *w)
{
  VocRadarLayout *pub = &w->self->pub;
  Fit *fit = &w->fit;

  fit->n = pub->n_axes;
  fit->sin_a = g_new0 (double, MAX (fit->n, 1));
  fit->cos_a = g_new0 (double, MAX (fit->n, 1));
  fit->width = g_new0 (double, MAX (fit->n, 1));
  fit->height = g_new0 (double, MAX (fit->n, 1));
  fit->boxes = g_new0 (VocRect, MAX (fit->n, 1));
  fit->pushed = g_new0 (double, MAX (fit->n, 1));
  w->cache = g_new0 (LabelCache, MAX (fit->n, 1));

  for (guint s = 0; s < VOC_RADAR_N_FIT_SCALES; s++)
    {
      w->font_sizes[s] = voc_radar_round_px (MAX (w->base_px * voc_radar_fit_scales[s], 5));
      w->fonts[s] = voc_radar_scaled_font (w->base_font, w->font_sizes[s]);
    }

  for (guint i = 0; i < fit->n; i++)
    {
      fit->sin_a[i] = sin (pub->angles[i]);
      fit->cos_a[i] = cos (pub->angles[i]);
      voc_radar_label_create (&w->cache[i], fit, i, g_array_index (w->data->axes, Axis, i).label,
                              w->context, w->fonts[0], w->font_sizes);
    }
}

/* Picks the label fit and the radius, and shapes the labels for it. */
static void
choose_labels (Work *w)
{
  Fit *fit = &w->fit;

  /* Only for predictions, which the real shaping below checks. */
  w->ellipsis = w->font_sizes[0] * 0.85;
  w->chosen = voc_radar_labels_choose (fit, w->cache, w->font_sizes, w->ellipsis, w->side, w->r_hi, &w->radius);
  w->label_px = w->chosen >= 0 ? w->font_sizes[voc_radar_label_fits[w->chosen].scale] : w->base_px;

  /* A legend in bigger type than the labels looks out of place, and
   * smaller type gives the chart more room. */
  if (w->chosen >= 0 && w->legend_height > 0 && w->label_px < w->legend_px - 0.01)
    {
      double r_more;

      clear_legend (w->self);
      w->legend_px = w->label_px;
      w->legend_height = compute_legend (w->self, w->data, w->context, w->base_font, w->legend_px, w->margin);
      w->legend_gap = round (w->legend_px * 0.8);
      voc_radar_fit_set_available (fit, w->self->pub.width, w->chart_height, w->margin, w->legend_height,
                                   w->legend_gap);
      w->r_hi = MIN (fit->avail_width, fit->avail_height) / 2 - fit->rim - 1;
      voc_radar_fit_set_spacing (fit, w->label_px);
      voc_radar_labels_measure (w->cache, w->chosen, w->font_sizes, w->ellipsis, fit);
      r_more = voc_radar_fit_radius (fit, w->radius, w->r_hi);
      w->radius = MAX (w->radius, r_more);
    }

  if (w->chosen >= 0)
    {
      voc_radar_fit_set_spacing (fit, w->label_px);
      voc_radar_labels_shape (w->self, w->cache, fit, w->chosen, w->fonts[voc_radar_label_fits[w->chosen].scale],
                              w->font_sizes, w->ellipsis);

      /* The prediction is close, not exact: step down if need be. */
      if (!voc_radar_fit_at (fit, w->radius))
        {
          w->radius = voc_radar_fit_radius (fit, MIN (MAX (2, w->side * 0.03), w->radius), w->radius);
          if (w->radius <= 0 || !voc_radar_fit_at (fit, w->radius))
            w->chosen = -1;
        }
    }

  if (w->chosen < 0)
    {
      /* Not even the smallest text fits: a chart without labels beats
       * labels on top of each other. */
      memset (fit->width, 0, MAX (fit->n, 1) * sizeof (double));
      w->radius = w->r_hi;
      voc_radar_fit_at (fit, w->radius);
    }
}

/* The chart and its labels, with the legend under them, centred; the
 * layout takes the labels' Pango layouts. */
static void
place (Work *w)
{
  RadarLayout *self = w->self;
  VocRadarLayout *pub = &self->pub;
  const Fit *fit = &w->fit;
  double top;

  pub->radius = w->radius;
  pub->cx = floor (w->margin + (fit->avail_width - fit->bounds.width) / 2 - fit->bounds.x) + 0.5;
  top = w->title_height + w->margin +
        (w->chart_height - 2 * w->margin - fit->bounds.height -
         (w->legend_height > 0 ? w->legend_gap + w->legend_height : 0)) / 2;
  pub->cy = floor (top - fit->bounds.y) + 0.5;
  if (w->legend_height > 0)
    move_legend (self, ceil (top + fit->bounds.height + w->legend_gap));

  for (guint i = 0; i < fit->n; i++)
    {
      LabelCache *label = &w->cache[i];

      if (w->chosen < 0 || label->layout == NULL)
        {
          /* An empty box on the rim, for hit tests and tooltips. */
          pub->label_boxes[i] = (VocRect) { pub->cx + (w->radius + fit->gap) * fit->sin_a[i],
                                            pub->cy - (w->radius + fit->gap) * fit->cos_a[i], 0, 0 };
          pub->label_truncated[i] = label->layout != NULL;
          g_clear_object (&label->layout);
          continue;
        }

      pub->label_boxes[i] = fit->boxes[i];
      pub->label_boxes[i].x += pub->cx;
      pub->label_boxes[i].y += pub->cy;
      pub->label_truncated[i] = pango_layout_is_ellipsized (label->layout);
      g_free (pub->label_texts[i]);
      pub->label_texts[i] = voc_radar_shown_text (label->layout);
      self->labels[i] = g_steal_pointer (&label->layout);
    }
}

/* Each series' vertices, at the radius chosen. */
static void
compute_vertices (RadarLayout        *self,
                  const VocRadarData *data)
{
  VocRadarLayout *pub = &self->pub;

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
}

static void
work_clear (Work *w)
{
  for (guint s = 0; s < VOC_RADAR_N_FIT_SCALES; s++)
    g_clear_pointer (&w->fonts[s], pango_font_description_free);
  g_clear_pointer (&w->base_font, pango_font_description_free);
  for (guint i = 0; w->cache != NULL && i < w->fit.n; i++)
    {
      g_clear_object (&w->cache[i].layout);
      g_free (w->cache[i].x);
      g_free (w->cache[i].flags);
    }
  g_clear_pointer (&w->cache, g_free);
  g_free (w->fit.sin_a);
  g_free (w->fit.cos_a);
  g_free (w->fit.width);
  g_free (w->fit.height);
  g_free (w->fit.boxes);
  g_free (w->fit.pushed);
}

VocRadarLayout *
voc_radar_layout_compute (const VocRadarData  *data,
                          const VocRadarStyle *style,
                          PangoContext        *context,
                          double               width,
                          double               height)
{
  RadarLayout *self;
  Work w = { 0 };

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  self = layout_new (data, width, height);
  if (width > 0 && height > 0 && isfinite (width) && isfinite (height))
    {
      w.self = self;
      w.data = data;
      w.context = context ? context : get_default_context ();
      w.chosen = -1;
      if (setup_frame (&w, style))
        {
          setup_labels (&w);
          choose_labels (&w);
          place (&w);
          compute_rings (self, style, w.context, w.base_font, w.label_px);
        }
      work_clear (&w);
    }
  compute_vertices (self, data);

  return &self->pub;
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
    if (layout->label_boxes[i].width > 0 && voc_radar_rect_contains (&layout->label_boxes[i], x, y))
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
    if (layout->legend_entries[i].width > 0 && voc_radar_rect_contains (&layout->legend_entries[i], x, y))
      return i;

  return -1;
}
