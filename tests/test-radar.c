/* test-radar.c: the radar chart's geometry, labels, drawing and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "voc-radar.h"

/* The rings as the app names them (core/voc-level.c), which the chart
 * leaves to its caller. */
static void
name_rings (VocRadarStyle *style)
{
  static const char *const names[] = { "None", "Awareness", "Beginner", "Practitioner", "Advanced", "Expert" };

  for (guint level = 0; level < G_N_ELEMENTS (names); level++)
    style->ring_labels[level] = names[level];
}

static const VocColor red = { 1, 0, 0, 1 };
static const VocColor blue = { 0, 0, 1, 1 };

/* Requirement names from the seed, the longest ones included. */
static const char *const long_names[] = {
  "Text Preprocessing & Tokenization", "Project Tracking & Documentation Tools",
  "Embeddings & Language Models", "Containerization & Orchestration", "CI/CD for ML",
  "Pipeline Orchestration", "Monitoring & Logging", "Infrastructure as Code (IaC)",
  "Business Communication", "Experiment Tracking & Hyperparameter Tuning", "Python",
  "Data Warehousing Concepts", "Visual Design Principles", "Statistics (Basic)",
  "Dimensionality Reduction", "Model Evaluation", "GPU/Distributed Training",
  "Stakeholder Liaison", "Domain Knowledge", "Report Writing", "Excel (Advanced)",
  "ETL Tools", "Mathematical Foundations", "Neural Network Architectures", "SQL",
};

typedef enum
{
  LABELS_SHORT,
  LABELS_LONG,
  LABELS_PATHOLOGICAL,
} LabelSet;

static char *
axis_name (LabelSet set,
           guint    i)
{
  switch (set)
    {
    case LABELS_SHORT:
      return g_strdup ("SQL");
    case LABELS_LONG:
      return g_strdup (long_names[i % G_N_ELEMENTS (long_names)]);
    case LABELS_PATHOLOGICAL:
    default:
      /* 60 characters, in words, as a careless catalog might hold. */
      return g_strdup_printf ("Requirement %02u with an absurdly long name nobody can read", i);
    }
}

static VocRadarData *
make_data (guint    n_axes,
           LabelSet set,
           guint    n_series)
{
  static const VocColor colors[] = { { 0.9, 0.38, 0, 1 }, { 0.1, 0.44, 0.85, 1 }, { 0.5, 0.24, 0.6, 1 } };
  static const char *const names[] = { "Machine Learning Engineer", "You", "Data Scientist" };
  VocRadarData *data = voc_radar_data_new ();

  for (guint i = 0; i < n_axes; i++)
    {
      g_autofree char *name = axis_name (set, i);

      voc_radar_data_add_axis (data, name, i == 1);
    }
  for (guint s = 0; s < n_series; s++)
    {
      double values[VOC_RADAR_MAX_AXES];

      for (guint i = 0; i < n_axes; i++)
        values[i] = (i * (3 + 2 * s) + s + 1) % 6;
      voc_radar_data_add_series (data, names[s % 3], values, &colors[s % 3], (VocRadarLineStyle) s, s < 2);
    }

  return data;
}

static gboolean
rects_overlap (const VocRect *a,
               const VocRect *b)
{
  /* Touching is fine; a hundredth of a pixel is rounding. */
  return a->x + 0.01 < b->x + b->width && b->x + 0.01 < a->x + a->width &&
         a->y + 0.01 < b->y + b->height && b->y + 0.01 < a->y + a->height;
}

static gboolean
rect_inside (const VocRect *rect,
             double         width,
             double         height)
{
  return rect->x >= -0.01 && rect->y >= -0.01 &&
         rect->x + rect->width <= width + 0.01 && rect->y + rect->height <= height + 0.01;
}

/* Distance from the chart centre to the nearest point of @rect. */
static double
distance_to_centre (const VocRadarLayout *layout,
                    const VocRect        *rect)
{
  double dx = MAX (MAX (rect->x - layout->cx, layout->cx - (rect->x + rect->width)), 0);
  double dy = MAX (MAX (rect->y - layout->cy, layout->cy - (rect->y + rect->height)), 0);

  return hypot (dx, dy);
}

static guint
count_lines (const char *text)
{
  guint lines = 1;

  for (const char *p = text; *p; p++)
    lines += *p == '\n';
  return lines;
}

/* Everything a user would see go wrong with the labels at one size. */
static void
check_layout (const VocRadarLayout *layout,
              guint                 n_axes,
              LabelSet              set,
              double                width,
              double                height)
{
  double side = MIN (width, height);
  g_autofree char *where = g_strdup_printf ("%u axes, %s labels, %gx%g", n_axes,
                                            set == LABELS_SHORT ? "short" : set == LABELS_LONG ? "long" : "60-char",
                                            width, height);

  g_assert_cmpuint (layout->n_axes, ==, n_axes);
  /* With short names, the chart takes most of the room; on small
   * canvases the labels and a two-row legend leave a little less. */
  if (layout->radius < side * 0.15 ||
      (set == LABELS_SHORT && layout->radius < side * (side < 400 ? 0.25 : 0.3)))
    g_error ("%s: radius %.1f is too small", where, layout->radius);

  for (guint i = 0; i < n_axes; i++)
    {
      const VocRect *box = &layout->label_boxes[i];

      if (box->width <= 0 || box->height <= 0)
        g_error ("%s: label %u is not shown", where, i);
      if (!rect_inside (box, width, height))
        g_error ("%s: label %u (%.1f, %.1f, %.1f x %.1f) leaves the canvas",
                 where, i, box->x, box->y, box->width, box->height);
      if (distance_to_centre (layout, box) < layout->radius)
        g_error ("%s: label %u overlaps the chart", where, i);
      g_assert_nonnull (layout->label_texts[i]);
      if (count_lines (layout->label_texts[i]) > 2)
        g_error ("%s: label %u has more than two lines: %s", where, i, layout->label_texts[i]);
      for (guint j = i + 1; j < n_axes; j++)
        if (rects_overlap (box, &layout->label_boxes[j]))
          g_error ("%s: labels %u and %u overlap", where, i, j);
      if (layout->legend_box.width > 0 && rects_overlap (box, &layout->legend_box))
        g_error ("%s: label %u overlaps the legend", where, i);
    }

  if (set == LABELS_SHORT)
    for (guint i = 0; i < n_axes; i++)
      g_assert_false (layout->label_truncated[i]);

  g_assert_cmpfloat (layout->legend_box.width, >, 0);
  if (!rect_inside (&layout->legend_box, width, height))
    g_error ("%s: the legend leaves the canvas", where);
  if (distance_to_centre (layout, &layout->legend_box) < layout->radius)
    g_error ("%s: the legend overlaps the chart", where);
}

static void
test_data (void)
{
  g_autoptr (VocRadarData) data = voc_radar_data_new ();
  const double values[] = { 1, 2, 3 };
  guint series;

  voc_radar_data_add_axis (data, "SQL", FALSE);
  voc_radar_data_add_axis (data, "Python", TRUE);
  voc_radar_data_add_axis (data, NULL, FALSE);
  series = voc_radar_data_add_series (data, "You", values, &red, VOC_RADAR_LINE_DASHED, TRUE);
  voc_radar_data_add_axis (data, "Added late", FALSE);

  g_assert_cmpuint (series, ==, 0);
  g_assert_cmpuint (voc_radar_data_get_n_axes (data), ==, 4);
  g_assert_cmpstr (voc_radar_data_get_axis_label (data, 1), ==, "Python");
  g_assert_cmpstr (voc_radar_data_get_axis_label (data, 2), ==, "");
  g_assert_true (voc_radar_data_get_axis_excluded (data, 1));
  g_assert_false (voc_radar_data_get_axis_excluded (data, 0));
  g_assert_cmpuint (voc_radar_data_get_n_series (data), ==, 1);
  g_assert_cmpstr (voc_radar_data_get_series_name (data, 0), ==, "You");
  g_assert_cmpfloat (voc_radar_data_get_value (data, 0, 2), ==, 3);
  g_assert_cmpfloat (voc_radar_data_get_value (data, 0, 3), ==, 0);
  g_assert_true (voc_radar_data_get_series_visible (data, 0));
  voc_radar_data_set_series_visible (data, 0, FALSE);
  g_assert_false (voc_radar_data_get_series_visible (data, 0));
}

static void
test_geometry (void)
{
  g_autoptr (VocRadarData) data = voc_radar_data_new ();
  g_autoptr (VocRadarLayout) layout = NULL;
  const double you[] = { 5, 0, 2.5, 5 };
  const double role[] = { 1, 5, 1, 1 };
  VocRadarStyle style;
  double r;

  for (guint i = 0; i < 4; i++)
    voc_radar_data_add_axis (data, "SQL", FALSE);
  voc_radar_data_add_series (data, "You", you, &red, VOC_RADAR_LINE_SOLID, TRUE);
  voc_radar_data_add_series (data, "Role", role, &blue, VOC_RADAR_LINE_DASHED, FALSE);
  voc_radar_style_init_default (&style);
  name_rings (&style);
  layout = voc_radar_layout_compute (data, &style, NULL, 600, 600);
  r = layout->radius;

  g_assert_cmpfloat (r, >, 0);
  g_assert_cmpuint (layout->n_series, ==, 2);
  g_assert_cmpfloat_with_epsilon (layout->angles[0], 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (layout->angles[1], G_PI / 2, 1e-9);

  /* Axis 0 points straight up; level 5 is on the outer ring. */
  g_assert_cmpfloat_with_epsilon (layout->vertex_x[0], layout->cx, 1e-6);
  g_assert_cmpfloat_with_epsilon (layout->vertex_y[0], layout->cy - r, 1e-6);
  /* Level 0 is the centre. */
  g_assert_cmpfloat_with_epsilon (layout->vertex_x[1], layout->cx, 1e-6);
  g_assert_cmpfloat_with_epsilon (layout->vertex_y[1], layout->cy, 1e-6);
  /* 2.5 is halfway, on axis 2, which points down. */
  g_assert_cmpfloat_with_epsilon (layout->vertex_x[2], layout->cx, 1e-6);
  g_assert_cmpfloat_with_epsilon (layout->vertex_y[2], layout->cy + r / 2, 1e-6);
  /* Clockwise: axis 3 points left, and axis 1 right. */
  g_assert_cmpfloat_with_epsilon (layout->vertex_x[3], layout->cx - r, 1e-6);
  g_assert_cmpfloat_with_epsilon (layout->vertex_y[3], layout->cy, 1e-6);
  g_assert_cmpfloat_with_epsilon (layout->vertex_x[4 + 1], layout->cx + r, 1e-6);
  g_assert_cmpfloat_with_epsilon (layout->vertex_y[4 + 1], layout->cy, 1e-6);
}

static void
test_out_of_range_values (void)
{
  g_autoptr (VocRadarData) data = voc_radar_data_new ();
  g_autoptr (VocRadarLayout) layout = NULL;
  const double values[] = { -3, 9, NAN, INFINITY };
  VocRadarStyle style;

  for (guint i = 0; i < 4; i++)
    voc_radar_data_add_axis (data, "SQL", FALSE);
  voc_radar_data_add_series (data, "You", values, &red, VOC_RADAR_LINE_SOLID, TRUE);
  voc_radar_style_init_default (&style);
  name_rings (&style);
  layout = voc_radar_layout_compute (data, &style, NULL, 400, 400);

  g_assert_cmpfloat_with_epsilon (layout->vertex_y[0], layout->cy, 1e-6);
  g_assert_cmpfloat_with_epsilon (layout->vertex_x[1], layout->cx + layout->radius, 1e-6);
  g_assert_cmpfloat_with_epsilon (layout->vertex_y[2], layout->cy, 1e-6);
  g_assert_cmpfloat_with_epsilon (layout->vertex_x[3], layout->cx - layout->radius, 1e-6);
}

static void
test_labels_fit (void)
{
  static const guint axes[] = { 3, 4, 5, 8, 12, 15, 20, 25 };
  static const double sizes[][2] = {
    { 240, 240 }, { 300, 300 }, { 400, 400 }, { 600, 600 }, { 800, 800 }, { 1200, 1200 },
    { 1600, 1600 }, { 240, 600 }, { 1600, 300 }, { 600, 400 },
  };
  VocRadarStyle style;

  voc_radar_style_init_default (&style);
  name_rings (&style);
  for (LabelSet set = LABELS_SHORT; set <= LABELS_PATHOLOGICAL; set++)
    for (guint a = 0; a < G_N_ELEMENTS (axes); a++)
      {
        g_autoptr (VocRadarData) data = make_data (axes[a], set, 3);

        for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
          {
            g_autoptr (VocRadarLayout) layout = voc_radar_layout_compute (data, &style, NULL,
                                                                          sizes[s][0], sizes[s][1]);

            check_layout (layout, axes[a], set, sizes[s][0], sizes[s][1]);
          }
      }
}

static void
test_labels_wrap (void)
{
  g_autoptr (VocRadarData) data = voc_radar_data_new ();
  g_autoptr (VocRadarLayout) layout = NULL;
  VocRadarStyle style;
  const char *long_label = "Experiment Tracking & Hyperparameter Tuning";
  const char *absurd = "Requirement 07 with an absurdly long name nobody can read at all, ever, anywhere";

  voc_radar_style_init_default (&style);
  name_rings (&style);
  voc_radar_data_add_axis (data, "SQL", FALSE);
  voc_radar_data_add_axis (data, long_label, FALSE);
  voc_radar_data_add_axis (data, "Python", FALSE);
  voc_radar_data_add_axis (data, absurd, FALSE);
  voc_radar_data_add_axis (data, "R", FALSE);
  layout = voc_radar_layout_compute (data, &style, NULL, 600, 600);

  /* A long name wraps, whole, in two lines. */
  g_assert_false (layout->label_truncated[1]);
  g_assert_cmpuint (count_lines (layout->label_texts[1]), ==, 2);
  {
    g_auto (GStrv) words = g_strsplit_set (layout->label_texts[1], " \n", -1);
    g_autofree char *joined = g_strjoinv (" ", words);

    g_assert_cmpstr (joined, ==, long_label);
  }

  /* One beyond reason is cut short with an ellipsis, at most two lines. */
  g_assert_true (layout->label_truncated[3]);
  g_assert_true (g_str_has_suffix (layout->label_texts[3], "…"));
  g_assert_cmpuint (count_lines (layout->label_texts[3]), <=, 2);
  g_assert_true (g_str_has_prefix (layout->label_texts[3], "Requirement 07"));

  /* Short names stay as they are. */
  g_assert_cmpstr (layout->label_texts[0], ==, "SQL");
  g_assert_false (layout->label_truncated[0]);
  g_assert_cmpstr (layout->label_texts[4], ==, "R");
  g_assert_false (layout->label_truncated[4]);
}

/* Every line of @shown (a label as laid out) is whole words of @label,
 * in order; only a line that ends in "…" may end inside a word. */
static void
assert_whole_words (const char *label,
                    const char *shown)
{
  g_auto (GStrv) lines = g_strsplit (shown, "\n", -1);
  const char *cursor = label;

  for (guint l = 0; lines[l] != NULL; l++)
    {
      char *line = lines[l];
      gboolean cut = g_str_has_suffix (line, "…");
      const char *at;
      gsize length;

      if (cut)
        line[strlen (line) - strlen ("…")] = '\0';
      g_strstrip (line);
      length = strlen (line);
      /* No blank line either, as trailing spaces once made. */
      if (length == 0)
        g_error ("“%s” is laid out as “%s”: line %u is blank", label, shown, l);
      at = strstr (cursor, line);
      if (at == NULL || !(at == label || at[-1] == ' ' || at[-1] == '/' || at[-1] == '-') ||
          !(cut || at[length] == '\0' || at[length] == ' ' || line[length - 1] == '/' || line[length - 1] == '-'))
        g_error ("“%s” is laid out as “%s”: line “%s” breaks a word", label, shown, line);
      cursor = at + length;
    }
}

/* Labels break between words, then shrink, then are cut short with an
 * ellipsis: never "Troubleshoot-" over "ing", at any size or count. */
static void
test_labels_whole_words (void)
{
  /* The Data Engineer's radar, where 360 px once broke "Troubleshooting". */
  static const char *const engineer[] = {
    "SQL", "Apache Hadoop", "Apache Spark", "Kafka", "Data Warehouse Technologies", "Apache Airflow",
    "ETL/ELT Tools", "Python or Scala", "Cloud Infrastructure", "Version Control", "CI/CD", "Data Modeling",
    "Communication", "Attention to Detail", "Troubleshooting",
  };
  VocRadarStyle style;
  guint checked = 0;

  voc_radar_style_init_default (&style);
  name_rings (&style);
  for (guint set = 0; set < 3; set++)
    for (guint n = 3; n <= VOC_RADAR_MAX_AXES; n += set == 0 ? 25 : 3)
      {
        g_autoptr (VocRadarData) data = voc_radar_data_new ();

        for (guint i = 0; i < (set == 0 ? G_N_ELEMENTS (engineer) : n); i++)
          voc_radar_data_add_axis (data, set == 0 ? engineer[i]
                                   : set == 1 ? long_names[i % G_N_ELEMENTS (long_names)]
                                   /* One word no line can hold, among others. */
                                   : i == 2 ? "Pneumonoultramicroscopicsilicovolcanoconiosis"
                                   /* And one with spaces after it, as a translation may have. */
                                   : i == 3 ? "Supercalifragilisticexpialidociously   "
                                            : long_names[(i * 7) % G_N_ELEMENTS (long_names)],
                                   FALSE);
        voc_radar_data_add_series (data, "Data Engineer", NULL, NULL, VOC_RADAR_LINE_SOLID, TRUE);
        voc_radar_data_add_series (data, "You", NULL, NULL, VOC_RADAR_LINE_DASHED, TRUE);
        /* Every 16 px where labels are tight, then every 60. */
        for (int size = 120; size <= 1200; size += size < 480 ? 16 : 60)
          {
            g_autoptr (VocRadarLayout) layout = voc_radar_layout_compute (data, &style, NULL, size, size);

            for (guint i = 0; i < layout->n_axes; i++)
              {
                assert_whole_words (voc_radar_data_get_axis_label (data, i), layout->label_texts[i]);
                checked++;
              }
          }
      }
  g_test_message ("%u labels laid out, every line whole words", checked);
}

static void
test_robustness (void)
{
  static const double sizes[][2] = { { 0, 0 }, { -5, 300 }, { 300, 0 }, { 120, 120 }, { 90, 400 }, { 4000, 4000 } };
  VocRadarStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
  cairo_t *cr = cairo_create (surface);

  voc_radar_style_init_default (&style);
  name_rings (&style);
  for (guint n = 0; n <= VOC_RADAR_MAX_AXES; n += n < 4 ? 1 : 7)
    for (LabelSet set = LABELS_SHORT; set <= LABELS_PATHOLOGICAL; set++)
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autoptr (VocRadarData) data = make_data (n, set, n % 4 + 1);
          g_autoptr (VocRadarLayout) layout = voc_radar_layout_compute (data, &style, NULL,
                                                                        sizes[s][0], sizes[s][1]);

          g_assert_cmpuint (layout->n_axes, ==, n);
          if (sizes[s][0] <= 0 || sizes[s][1] <= 0)
            g_assert_cmpfloat (layout->radius, ==, 0);
          else
            g_assert_cmpfloat (layout->radius, >, 0);
          if (n > 0 && layout->radius > 0)
            for (guint i = 0; i < n; i++)
              g_assert_true (rect_inside (&layout->label_boxes[i], sizes[s][0], sizes[s][1]));
          voc_radar_draw (cr, data, layout, &style);
          voc_radar_layout_hit_axis (layout, data, 10, 10, 14);
          voc_radar_layout_hit_legend (layout, 10, 10);
        }

  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The colour at (@x, @y) as 0-255 red, green, blue. */
static void
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y,
          int              rgb[3])
{
  guint32 pixel;

  cairo_surface_flush (surface);
  pixel = *(guint32 *) (cairo_image_surface_get_data (surface) +
                        (int) y * cairo_image_surface_get_stride (surface) + (int) x * 4);
  rgb[0] = (pixel >> 16) & 0xff;
  rgb[1] = (pixel >> 8) & 0xff;
  rgb[2] = pixel & 0xff;
}

static cairo_surface_t *
render (const VocRadarData   *data,
        const VocRadarLayout *layout,
        const VocRadarStyle  *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, layout->width, layout->height);
  cairo_t *cr = cairo_create (surface);

  voc_radar_draw (cr, data, layout, style);
  cairo_destroy (cr);
  return surface;
}

/* Darkness of the ink in @box, summed. */
static double
ink_in (cairo_surface_t *surface,
        const VocRect   *box)
{
  double ink = 0;

  for (int y = (int) box->y; y < (int) (box->y + box->height); y++)
    for (int x = (int) box->x; x < (int) (box->x + box->width); x++)
      {
        int rgb[3];

        pixel_at (surface, x, y, rgb);
        ink += 255 * 3 - rgb[0] - rgb[1] - rgb[2];
      }

  return ink;
}

static void
test_draw (void)
{
  g_autoptr (VocRadarData) data = voc_radar_data_new ();
  g_autoptr (VocRadarLayout) layout = NULL;
  g_autoptr (VocRadarLayout) hidden_layout = NULL;
  const double values[] = { 5, 5, 5, 5, 5, 5 };
  cairo_surface_t *surface;
  VocRadarStyle style;
  int rgb[3];
  double x, y;

  for (guint i = 0; i < 6; i++)
    voc_radar_data_add_axis (data, "Skill", FALSE);
  voc_radar_data_add_series (data, "Red", values, &red, VOC_RADAR_LINE_SOLID, TRUE);
  voc_radar_style_init_default (&style);
  name_rings (&style);
  style.show_ring_labels = FALSE;
  layout = voc_radar_layout_compute (data, &style, NULL, 400, 400);

  /* Inside the filled area, between two rings and off the spokes. */
  x = layout->cx - layout->radius * 0.08;
  y = layout->cy - layout->radius * 0.5;
  surface = render (data, layout, &style);
  pixel_at (surface, x, y, rgb);
  g_assert_cmpint (rgb[0], >=, 240);
  g_assert_cmpint (rgb[0] - rgb[1], >, 30);
  g_assert_cmpint (rgb[1], ==, rgb[2]);
  /* The stroke on the outer vertex is pure red. */
  pixel_at (surface, layout->vertex_x[0], layout->vertex_y[0] + 1, rgb);
  g_assert_cmpint (rgb[0], >, 200);
  g_assert_cmpint (rgb[1], <, 60);
  /* Outside the chart, the background is white. */
  pixel_at (surface, 1, 1, rgb);
  g_assert_cmpint (rgb[0] + rgb[1] + rgb[2], ==, 3 * 255);
  cairo_surface_destroy (surface);

  /* Hidden, the series is gone, but its legend entry stays. */
  voc_radar_data_set_series_visible (data, 0, FALSE);
  hidden_layout = voc_radar_layout_compute (data, &style, NULL, 400, 400);
  surface = render (data, hidden_layout, &style);
  pixel_at (surface, x, y, rgb);
  g_assert_cmpint (rgb[0] - rgb[1], <, 5);
  g_assert_cmpfloat (hidden_layout->legend_entries[0].width, >, 0);
  g_assert_cmpfloat (ink_in (surface, &hidden_layout->legend_entries[0]), >, 0);
  cairo_surface_destroy (surface);
}

/* How many times the blue line along spoke @axis of series @s breaks,
 * between a fifth and four fifths of the way out. */
static guint
gaps_along (cairo_surface_t      *surface,
            const VocRadarLayout *layout,
            guint                 axis,
            double                level)
{
  double angle = layout->angles[axis];
  gboolean was_ink = TRUE;
  guint gaps = 0;

  for (double t = 0.2; t <= 0.8; t += 0.005)
    {
      double r = layout->radius * level / VOC_RADAR_MAX_LEVEL * t;
      int rgb[3];
      gboolean ink;

      pixel_at (surface, layout->cx + r * sin (angle), layout->cy - r * cos (angle), rgb);
      ink = rgb[2] - rgb[0] > 60;
      gaps += was_ink && !ink;
      was_ink = ink;
    }
  return gaps;
}

/* A profile of isolated levels draws spikes: out along a spoke and back.
 * Dashed, dotted or dash-dotted, the spike keeps its gaps (the way back
 * once filled in the gaps of the way out, and looked solid like the
 * role); solid, it has none. */
static void
test_isolated_spikes (void)
{
  static const VocRadarLineStyle styles[] = { VOC_RADAR_LINE_DASHED, VOC_RADAR_LINE_DOTTED,
                                              VOC_RADAR_LINE_DASH_DOT, VOC_RADAR_LINE_SOLID };
  const double values[] = { 5, 0, 0, 4, 0, 0, 0, 0, 3, 0 };
  VocRadarStyle style;

  voc_radar_style_init_default (&style);
  name_rings (&style);
  style.show_ring_labels = FALSE;
  style.show_vertices = FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (styles); k++)
    {
      g_autoptr (VocRadarData) data = voc_radar_data_new ();
      g_autoptr (VocRadarLayout) layout = NULL;
      cairo_surface_t *surface;

      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        voc_radar_data_add_axis (data, "Skill", FALSE);
      voc_radar_data_add_series (data, "You", values, &blue, styles[k], FALSE);
      layout = voc_radar_layout_compute (data, &style, NULL, 500, 500);
      surface = render (data, layout, &style);
      for (guint axis = 0; axis < G_N_ELEMENTS (values); axis++)
        {
          guint gaps;

          if (values[axis] == 0)
            continue;
          gaps = gaps_along (surface, layout, axis, values[axis]);
          g_test_message ("style %u, axis %u: %u gaps", styles[k], axis, gaps);
          if (styles[k] == VOC_RADAR_LINE_SOLID)
            g_assert_cmpuint (gaps, ==, 0);
          else
            g_assert_cmpuint (gaps, >=, 3);
        }
      cairo_surface_destroy (surface);
    }
}

static void
test_draw_excluded_and_focus (void)
{
  g_autoptr (VocRadarData) data = make_data (6, LABELS_LONG, 1);
  g_autoptr (VocRadarLayout) layout = NULL;
  g_autoptr (VocRadarLayout) focused_layout = NULL;
  cairo_surface_t *plain, *focused;
  VocRadarStyle style;
  VocRect box;

  voc_radar_style_init_default (&style);
  name_rings (&style);
  layout = voc_radar_layout_compute (data, &style, NULL, 500, 500);
  plain = render (data, layout, &style);

  /* make_data () marks axis 1 "not relevant": the same text, lighter. */
  {
    g_autoptr (VocRadarData) included = voc_radar_data_new ();
    g_autoptr (VocRadarLayout) included_layout = NULL;
    cairo_surface_t *surface;

    for (guint i = 0; i < 6; i++)
      voc_radar_data_add_axis (included, voc_radar_data_get_axis_label (data, i), FALSE);
    voc_radar_data_add_series (included, "Machine Learning Engineer", NULL, NULL, VOC_RADAR_LINE_SOLID, TRUE);
    included_layout = voc_radar_layout_compute (included, &style, NULL, 500, 500);
    g_assert_cmpstr (included_layout->label_texts[1], ==, layout->label_texts[1]);
    surface = render (included, included_layout, &style);
    g_assert_cmpfloat (ink_in (plain, &layout->label_boxes[1]), <,
                       ink_in (surface, &included_layout->label_boxes[1]) * 0.75);
    cairo_surface_destroy (surface);
  }

  /* Focus does not move anything, and marks the label. */
  style.focus_axis = 2;
  focused_layout = voc_radar_layout_compute (data, &style, NULL, 500, 500);
  g_assert_cmpfloat (focused_layout->radius, ==, layout->radius);
  box = focused_layout->label_boxes[2];
  g_assert_cmpfloat (box.x, ==, layout->label_boxes[2].x);
  g_assert_cmpfloat (box.y, ==, layout->label_boxes[2].y);
  focused = render (data, focused_layout, &style);
  g_assert_cmpfloat (ink_in (focused, &box), >, ink_in (plain, &box) * 1.05);

  cairo_surface_destroy (plain);
  cairo_surface_destroy (focused);
}

static void
test_hit (void)
{
  g_autoptr (VocRadarData) data = make_data (6, LABELS_LONG, 2);
  g_autoptr (VocRadarLayout) layout = NULL;
  const VocRect *entry;
  const VocRect *label;
  VocRadarStyle style;
  double x, y;

  voc_radar_style_init_default (&style);
  name_rings (&style);
  layout = voc_radar_layout_compute (data, &style, NULL, 600, 600);

  x = layout->vertex_x[2];
  y = layout->vertex_y[2];
  g_assert_cmpint (voc_radar_layout_hit_axis (layout, data, x + 3, y - 2, 14), ==, 2);
  g_assert_cmpint (voc_radar_layout_hit_axis (layout, data, 2, 2, 14), ==, -1);
  label = &layout->label_boxes[4];
  g_assert_cmpint (voc_radar_layout_hit_axis (layout, data, label->x + label->width / 2,
                                              label->y + label->height / 2, 0), ==, 4);

  entry = &layout->legend_entries[1];
  g_assert_cmpint (voc_radar_layout_hit_legend (layout, entry->x + entry->width / 2,
                                                entry->y + entry->height / 2), ==, 1);
  entry = &layout->legend_entries[0];
  g_assert_cmpint (voc_radar_layout_hit_legend (layout, entry->x + 1, entry->y + 1), ==, 0);
  g_assert_cmpint (voc_radar_layout_hit_legend (layout, layout->cx, layout->cy), ==, -1);

  /* A hidden series has no vertices to point at. */
  voc_radar_data_set_series_visible (data, 0, FALSE);
  voc_radar_data_set_series_visible (data, 1, FALSE);
  g_assert_cmpint (voc_radar_layout_hit_axis (layout, data, x, y, 14), ==, -1);
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *bytes,
           unsigned int         length)
{
  g_byte_array_append (closure, bytes, length);
  return CAIRO_STATUS_SUCCESS;
}

static char *
export (VocRadarFormat  format,
        int             size,
        const char     *name,
        gsize          *length)
{
  g_autoptr (VocRadarData) data = make_data (8, LABELS_LONG, 3);
  g_autoptr (GError) error = NULL;
  GByteArray *bytes = g_byte_array_new ();
  VocRadarStyle style;

  voc_radar_style_init_default (&style);
  name_rings (&style);
  g_assert_true (voc_radar_export_to_stream (data, &style, format, size, append_cb, bytes, &error));
  g_assert_no_error (error);
  *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (bytes, FALSE);
}

static void
test_export_png (void)
{
  gsize length;
  g_autofree char *png = export (VOC_RADAR_FORMAT_PNG, 320, "chart.png", &length);
  const guchar *bytes = (const guchar *) png;

  g_assert_cmpuint (length, >, 33);
  g_assert_cmpmem (bytes, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (bytes + 12, 4, "IHDR", 4);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (bytes + 16)), ==, 320);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (bytes + 20)), ==, 320);
}

static void
test_export_svg (void)
{
  gsize length;
  g_autofree char *svg = export (VOC_RADAR_FORMAT_SVG, 480, "chart.svg", &length);
  g_autoptr (GMarkupParseContext) parser = NULL;
  g_autoptr (GError) error = NULL;
  GMarkupParser nothing = { NULL };

  g_assert_true (g_str_has_prefix (svg, "<?xml"));
  g_assert_nonnull (strstr (svg, "<svg"));
  g_assert_nonnull (strstr (svg, "width=\"480pt\""));
  g_assert_nonnull (strstr (svg, "height=\"480pt\""));

  parser = g_markup_parse_context_new (&nothing, 0, NULL, NULL);
  g_assert_true (g_markup_parse_context_parse (parser, svg, length, &error));
  g_assert_true (g_markup_parse_context_end_parse (parser, &error));
  g_assert_no_error (error);
}

static void
test_export_pdf (void)
{
  gsize length;
  g_autofree char *pdf = export (VOC_RADAR_FORMAT_PDF, 500, "chart.pdf", &length);
  /* Raw: the file holds binary streams. */
  g_autoptr (GRegex) media_box = g_regex_new ("/MediaBox\\s*\\[\\s*0\\s+0\\s+500\\s+500\\s*\\]",
                                              G_REGEX_RAW, 0, NULL);

  g_assert_cmpmem (pdf, 5, "%PDF-", 5);
  g_assert_true (g_regex_match_full (media_box, pdf, length, 0, 0, NULL, NULL));
}

typedef struct
{
  const guchar *bytes;
  gsize         left;
} PngReader;

static cairo_status_t
read_cb (void          *closure,
         unsigned char *buffer,
         unsigned int   length)
{
  PngReader *reader = closure;

  if (length > reader->left)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (buffer, reader->bytes, length);
  reader->bytes += length;
  reader->left -= length;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
decode_png (const char *png,
            gsize       length)
{
  PngReader reader = { (const guchar *) png, length };
  cairo_surface_t *surface = cairo_image_surface_create_from_png_stream (read_cb, &reader);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  return surface;
}

/* Counts the pixels that differ between two PNGs of one size, inside
 * @box and outside it. */
static void
count_changes (const char    *a,
               gsize          a_length,
               const char    *b,
               gsize          b_length,
               const VocRect *box,
               guint         *inside,
               guint         *outside)
{
  cairo_surface_t *one = decode_png (a, a_length);
  cairo_surface_t *two = decode_png (b, b_length);
  int stride = cairo_image_surface_get_stride (one);

  g_assert_cmpint (cairo_image_surface_get_width (one), ==, cairo_image_surface_get_width (two));
  g_assert_cmpint (cairo_image_surface_get_height (one), ==, cairo_image_surface_get_height (two));
  *inside = *outside = 0;
  for (int y = 0; y < cairo_image_surface_get_height (one); y++)
    for (int x = 0; x < cairo_image_surface_get_width (one); x++)
      {
        guint32 p = *(const guint32 *) (cairo_image_surface_get_data (one) + y * stride + x * 4);
        guint32 q = *(const guint32 *) (cairo_image_surface_get_data (two) + y * stride + x * 4);

        if (p == q)
          continue;
        if (x >= box->x && x < box->x + box->width && y >= box->y && y < box->y + box->height)
          (*inside)++;
        else
          (*outside)++;
      }
  cairo_surface_destroy (one);
  cairo_surface_destroy (two);
}

static char *
export_data (const VocRadarData *data,
             int                 size,
             gsize              *length)
{
  g_autoptr (GError) error = NULL;
  GByteArray *bytes = g_byte_array_new ();
  VocRadarStyle style;

  voc_radar_style_init_default (&style);
  name_rings (&style);
  g_assert_true (voc_radar_export_to_stream (data, &style, VOC_RADAR_FORMAT_PNG, size, append_cb, bytes, &error));
  g_assert_no_error (error);
  *length = bytes->len;
  return (char *) g_byte_array_free (bytes, FALSE);
}

/* An exported chart carries its title above the chart, never over it,
 * in at most two lines of each text however long; without one, or on a
 * canvas too small to read it, the chart has the whole canvas. */
static void
test_export_title (void)
{
  g_autoptr (VocRadarData) data = make_data (12, LABELS_LONG, 2);
  VocRadarStyle style;
  const int sizes[] = { 240, 360, 800, 1200 };

  voc_radar_style_init_default (&style);
  name_rings (&style);
  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      int size = sizes[k];
      g_autoptr (VocRadarLayout) plain = NULL;
      g_autoptr (VocRadarLayout) titled = NULL;
      g_autofree char *plain_png = NULL;
      g_autofree char *titled_png = NULL;
      gsize plain_length, titled_length;
      double bottom;

      voc_radar_data_set_title (data, NULL, NULL);
      plain = voc_radar_layout_compute (data, &style, NULL, size, size);
      plain_png = export_data (data, size, &plain_length);
      g_assert_cmpfloat (plain->title_box.height, ==, 0);

      voc_radar_data_set_title (data, "Data Engineer", "55% match over 15 skills · 4 December 2026");
      titled = voc_radar_layout_compute (data, &style, NULL, size, size);
      titled_png = export_data (data, size, &titled_length);

      g_assert_cmpfloat (titled->title_box.height, >, 10);
      g_assert_cmpfloat (titled->title_box.y, >=, 0);
      g_assert_cmpfloat (titled->title_box.x, >=, 0);
      g_assert_cmpfloat (titled->title_box.x + titled->title_box.width, <=, size);
      /* Centred. */
      g_assert_cmpfloat (fabs (titled->title_box.x + titled->title_box.width / 2 - size / 2.0), <, 2);
      bottom = titled->title_box.y + titled->title_box.height;
      /* Everything of the chart is below it. */
      g_assert_cmpfloat (titled->cy - titled->radius, >, bottom);
      for (guint i = 0; i < titled->n_axes; i++)
        if (titled->label_boxes[i].height > 0)
          g_assert_cmpfloat (titled->label_boxes[i].y, >=, bottom);
      /* The chart gives up little room for it (with smaller labels it
       * can even grow a little). */
      g_test_message ("%d px: radius %.1f → %.1f", size, plain->radius, titled->radius);
      g_assert_cmpfloat (titled->radius, >, plain->radius * (size < 360 ? 0.65 : 0.8));

      /* It is drawn there and nowhere else: another title changes pixels
       * in its box, none outside. */
      {
        g_autofree char *other_png = NULL;
        gsize other_length;
        guint inside, outside;

        voc_radar_data_set_title (data, "Data Scientist", "55% match over 15 skills · 4 December 2026");
        other_png = export_data (data, size, &other_length);
        count_changes (titled_png, titled_length, other_png, other_length, &titled->title_box, &inside, &outside);
        g_assert_cmpuint (inside, >, 20);
        g_assert_cmpuint (outside, ==, 0);
        /* And the chart under it moved down to make room. */
        count_changes (plain_png, plain_length, titled_png, titled_length, &titled->title_box, &inside, &outside);
        g_assert_cmpuint (outside, >, 0);
      }
    }

  /* A title as long as a paragraph: two lines each, ellipsized. */
  {
    g_autoptr (GString) long_title = g_string_new (NULL);
    g_autoptr (VocRadarLayout) one = NULL;
    g_autoptr (VocRadarLayout) layout = NULL;

    for (guint i = 0; i < 60; i++)
      g_string_append (long_title, "Principal Machine Learning Platform Engineer ");
    voc_radar_data_set_title (data, "Data Engineer", "55% match");
    one = voc_radar_layout_compute (data, &style, NULL, 800, 800);
    voc_radar_data_set_title (data, long_title->str, long_title->str);
    layout = voc_radar_layout_compute (data, &style, NULL, 800, 800);
    g_assert_cmpfloat (layout->title_box.height, >, one->title_box.height);
    g_assert_cmpfloat (layout->title_box.height, <=, one->title_box.height * 2.3);
    g_assert_cmpfloat (layout->title_box.width, <=, 800);
    g_assert_cmpfloat (layout->radius, >, 0);
  }

  /* A title set from its own getters is kept, not freed first. */
  voc_radar_data_set_title (data, "Data Engineer", "55% match");
  voc_radar_data_set_title (data, voc_radar_data_get_title (data), voc_radar_data_get_subtitle (data));
  g_assert_cmpstr (voc_radar_data_get_title (data), ==, "Data Engineer");
  g_assert_cmpstr (voc_radar_data_get_subtitle (data), ==, "55% match");

  /* Too small to read: left out, and the chart keeps its room. */
  {
    g_autoptr (VocRadarLayout) plain = NULL;
    g_autoptr (VocRadarLayout) layout = NULL;

    voc_radar_data_set_title (data, NULL, NULL);
    plain = voc_radar_layout_compute (data, &style, NULL, 120, 120);
    voc_radar_data_set_title (data, "Data Engineer", "55% match");
    layout = voc_radar_layout_compute (data, &style, NULL, 120, 120);
    g_assert_cmpfloat (layout->title_box.height, ==, 0);
    g_assert_cmpfloat (layout->radius, ==, plain->radius);
  }
}

static cairo_status_t
fail_after_cb (void                *closure,
               const unsigned char *bytes,
               unsigned int         length)
{
  guint *left = closure;

  if (*left < length)
    return CAIRO_STATUS_WRITE_ERROR;
  *left -= length;
  return CAIRO_STATUS_SUCCESS;
}

/* A write that fails part way (a full disk) fails the export, in every
 * format; so does a size no chart can have. */
static void
test_export_error (void)
{
  g_autoptr (VocRadarData) data = make_data (5, LABELS_SHORT, 1);
  VocRadarStyle style;

  voc_radar_style_init_default (&style);
  name_rings (&style);
  for (VocRadarFormat format = VOC_RADAR_FORMAT_PNG; format <= VOC_RADAR_FORMAT_PDF; format++)
    {
      g_autoptr (GError) error = NULL;
      guint left = 100;

      g_assert_false (voc_radar_export_to_stream (data, &style, format, 300, fail_after_cb, &left, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
    }
  {
    g_autoptr (GError) error = NULL;
    guint left = G_MAXUINT;

    g_assert_false (voc_radar_export_to_stream (data, &style, VOC_RADAR_FORMAT_PNG, 0, fail_after_cb, &left, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  }
}

static void
test_format_from_path (void)
{
  VocRadarFormat format = VOC_RADAR_FORMAT_PDF;

  g_assert_true (voc_radar_format_from_path ("chart.png", &format));
  g_assert_cmpint (format, ==, VOC_RADAR_FORMAT_PNG);
  g_assert_true (voc_radar_format_from_path ("/tmp/Chart.SVG", &format));
  g_assert_cmpint (format, ==, VOC_RADAR_FORMAT_SVG);
  g_assert_true (voc_radar_format_from_path ("a.b/report.Pdf", &format));
  g_assert_cmpint (format, ==, VOC_RADAR_FORMAT_PDF);
  g_assert_false (voc_radar_format_from_path ("chart.jpeg", &format));
  g_assert_false (voc_radar_format_from_path ("chart", &format));
  g_assert_false (voc_radar_format_from_path ("png", &format));
  g_assert_false (voc_radar_format_from_path ("dir.png/chart", &format));
  g_assert_false (voc_radar_format_from_path ("chart.png.txt", &format));
}

/* A catalog file may hold a role of any size: a thousand axes are laid
 * out (in quadratic time at most: cubic took minutes), every label shown
 * clear of the others and on the canvas. */
static void
test_many_axes (void)
{
  static const guint counts[] = { 100, 1000 };
  static const double sizes[] = { 800, 2400 };
  VocRadarStyle style;

  voc_radar_style_init_default (&style);
  name_rings (&style);
  for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
    for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
      {
        g_autoptr (VocRadarData) data = voc_radar_data_new ();
        g_autoptr (VocRadarLayout) layout = NULL;
        g_autofree double *values = g_new0 (double, counts[c]);
        static const VocColor color = { 0.1, 0.44, 0.85, 1 };
        guint shown = 0;

        for (guint i = 0; i < counts[c]; i++)
          {
            g_autofree char *name = g_strdup_printf ("Skill number %u with a long name", i);

            voc_radar_data_add_axis (data, name, FALSE);
            values[i] = i % 6;
          }
        voc_radar_data_add_series (data, "You", values, &color, VOC_RADAR_LINE_DASHED, TRUE);
        layout = voc_radar_layout_compute (data, &style, NULL, sizes[z], sizes[z]);
        g_assert_cmpfloat (layout->radius, >, 0);
        for (guint i = 0; i < counts[c]; i++)
          {
            const VocRect *a = &layout->label_boxes[i];

            if (a->width <= 0)
              continue;
            shown++;
            g_assert_true (rect_inside (a, sizes[z], sizes[z]));
            for (guint j = i + 1; j < counts[c]; j++)
              {
                const VocRect *b = &layout->label_boxes[j];

                g_assert_false (b->width > 0 && a->x < b->x + b->width && b->x < a->x + a->width &&
                                a->y < b->y + b->height && b->y < a->y + a->height);
              }
          }
        g_test_message ("%u axes at %.0f px: %u labels shown, radius %.0f", counts[c], sizes[z], shown,
                        layout->radius);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/chart/radar/data", test_data);
  g_test_add_func ("/chart/radar/geometry", test_geometry);
  g_test_add_func ("/chart/radar/out-of-range-values", test_out_of_range_values);
  g_test_add_func ("/chart/radar/labels/fit", test_labels_fit);
  g_test_add_func ("/chart/radar/labels/wrap", test_labels_wrap);
  g_test_add_func ("/chart/radar/labels/whole-words", test_labels_whole_words);
  g_test_add_func ("/chart/radar/robustness", test_robustness);
  g_test_add_func ("/chart/radar/many-axes", test_many_axes);
  g_test_add_func ("/chart/radar/draw/series", test_draw);
  g_test_add_func ("/chart/radar/draw/excluded-and-focus", test_draw_excluded_and_focus);
  g_test_add_func ("/chart/radar/draw/isolated-spikes", test_isolated_spikes);
  g_test_add_func ("/chart/radar/hit", test_hit);
  g_test_add_func ("/chart/radar/export/png", test_export_png);
  g_test_add_func ("/chart/radar/export/svg", test_export_svg);
  g_test_add_func ("/chart/radar/export/pdf", test_export_pdf);
  g_test_add_func ("/chart/radar/export/error", test_export_error);
  g_test_add_func ("/chart/radar/export/title", test_export_title);
  g_test_add_func ("/chart/radar/format-from-path", test_format_from_path);

  return g_test_run ();
}
