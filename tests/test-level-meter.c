/* test-level-meter.c: the segmented level meter, drawn off screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "voc-level-meter.h"

static const VocColor red = { 1, 0, 0, 1 };
static const VocColor blue = { 0, 0, 1, 1 };

/* Returns 'r' or 'b' for the colour at the middle of segment @i, '.' for neither. */
static char
segment_color (cairo_surface_t *surface,
               int              i)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  double segment = (width - VOC_LEVEL_METER_GAP * 4) / 5.0;
  int x = (int) (i * (segment + VOC_LEVEL_METER_GAP) + segment / 2);
  guint32 pixel;

  cairo_surface_flush (surface);
  pixel = *(guint32 *) (cairo_image_surface_get_data (surface) +
                        (height / 2) * cairo_image_surface_get_stride (surface) + x * 4);
  if (pixel == 0xffff0000)
    return 'r';
  if (pixel == 0xff0000ff)
    return 'b';
  return '.';
}

static char *
draw (int level)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 72, 8);
  cairo_t *cr = cairo_create (surface);
  char *colors = g_malloc0 (6);

  voc_level_meter_draw (cr, 72, 8, level, 5, &red, &blue);
  for (int i = 0; i < 5; i++)
    colors[i] = segment_color (surface, i);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return colors;
}

static void
test_levels (void)
{
  static const char *expected[] = { "bbbbb", "rbbbb", "rrbbb", "rrrbb", "rrrrb", "rrrrr" };

  for (int level = 0; level <= 5; level++)
    {
      g_autofree char *colors = draw (level);
      g_assert_cmpstr (colors, ==, expected[level]);
    }
}

static void
test_out_of_range_is_clamped (void)
{
  g_autofree char *low = draw (-3);
  g_autofree char *high = draw (9);

  g_assert_cmpstr (low, ==, "bbbbb");
  g_assert_cmpstr (high, ==, "rrrrr");
}

static void
test_gaps_stay_empty (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 72, 8);
  cairo_t *cr = cairo_create (surface);
  double segment = (72 - VOC_LEVEL_METER_GAP * 4) / 5.0;
  int gap_x = (int) (segment + VOC_LEVEL_METER_GAP / 2);
  guint32 pixel;

  voc_level_meter_draw (cr, 72, 8, 5, 5, &red, &blue);
  cairo_surface_flush (surface);
  pixel = *(guint32 *) (cairo_image_surface_get_data (surface) + 4 * cairo_image_surface_get_stride (surface) + gap_x * 4);
  g_assert_cmphex (pixel, ==, 0);

  /* A canvas too small to draw in is left alone rather than drawn wrongly. */
  voc_level_meter_draw (cr, 0, 8, 3, 5, &red, &blue);
  voc_level_meter_draw (cr, 72, 8, 3, 0, &red, &blue);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/level-meter/levels", test_levels);
  g_test_add_func ("/chart/level-meter/clamped", test_out_of_range_is_clamped);
  g_test_add_func ("/chart/level-meter/gaps", test_gaps_stay_empty);

  return g_test_run ();
}
