/* bench-radar.c: how long one radar chart takes to lay out and draw,
 * against the matplotlib chart a data person would otherwise make
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * usage: bench-radar PEER.py
 * Exits 0 when both goals hold, 1 when one does not, 77 when the peer
 * cannot run here.
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "voc-radar.h"

#define SIZE       600
#define N_AXES     15
#define N_SERIES   3
#define WARM_UP    20
#define N_RUNS     200
#define GOAL_MS    2.0
#define GOAL_RATIO 25.0

/* The rings as the app names them (core/voc-level.c), which the chart
 * leaves to its caller. */
static void
name_rings (VocRadarStyle *style)
{
  static const char *const names[] = { "None", "Awareness", "Beginner", "Practitioner", "Advanced", "Expert" };

  for (guint level = 0; level < G_N_ELEMENTS (names); level++)
    style->ring_labels[level] = names[level];
}

static const char *const skills[N_AXES] = {
  "SQL", "Python", "Text Preprocessing & Tokenization", "Embeddings & Language Models",
  "Project Tracking & Documentation Tools", "Containerization & Orchestration", "CI/CD for ML",
  "Pipeline Orchestration", "Monitoring & Logging", "Infrastructure as Code (IaC)",
  "Statistics (Basic)", "Data Warehousing Concepts", "Business Communication",
  "Stakeholder Liaison", "Report Writing",
};

static VocRadarData *
make_data (void)
{
  static const VocColor colors[N_SERIES] = {
    { 0.902, 0.380, 0.000, 1 }, { 0.110, 0.443, 0.847, 1 }, { 0.506, 0.239, 0.612, 1 },
  };
  static const char *const names[N_SERIES] = { "Machine Learning Engineer", "You", "Data Scientist" };
  static const VocRadarLineStyle line_styles[N_SERIES] = {
    VOC_RADAR_LINE_SOLID, VOC_RADAR_LINE_DASHED, VOC_RADAR_LINE_DOTTED,
  };
  VocRadarData *data = voc_radar_data_new ();

  for (guint i = 0; i < N_AXES; i++)
    voc_radar_data_add_axis (data, skills[i], FALSE);
  for (guint s = 0; s < N_SERIES; s++)
    {
      double values[N_AXES];

      for (guint i = 0; i < N_AXES; i++)
        values[i] = (i * (3 + 2 * s) + s + 1) % 6;
      voc_radar_data_add_series (data, names[s], values, &colors[s], line_styles[s], s < 2);
    }

  return data;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
render (const VocRadarData  *data,
        const VocRadarStyle *style,
        cairo_surface_t     *surface)
{
  g_autoptr (VocRadarLayout) layout = voc_radar_layout_compute (data, style, NULL, SIZE, SIZE);
  cairo_t *cr = cairo_create (surface);

  voc_radar_draw (cr, data, layout, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
}

/* The peer's time per render in ms, or a negative value with @why set. */
static double
run_peer (const char  *peer,
          char       **why)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *out = NULL;
  g_autofree char *output = NULL;
  g_autofree char *errors = NULL;
  const char *each;
  int status;

  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      *why = g_strdup ("/usr/bin/python3 is not installed");
      return -1;
    }
  if (!g_file_test (peer, G_FILE_TEST_EXISTS))
    {
      *why = g_strdup_printf ("the peer %s is missing", peer);
      return -1;
    }

  dir = g_dir_make_tmp ("bench-radar-XXXXXX", &error);
  if (dir == NULL)
    {
      *why = g_strdup (error->message);
      return -1;
    }
  out = g_build_filename (dir, "peer.png", NULL);

  {
    const char *argv[] = { "/usr/bin/python3", peer, out, "--axes", "15", "--repeat", "20", NULL };

    if (!g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                       &output, &errors, &status, &error))
      {
        *why = g_strdup (error->message);
        g_rmdir (dir);
        return -1;
      }
  }
  g_unlink (out);
  g_rmdir (dir);

  if (!g_spawn_check_wait_status (status, NULL))
    {
      *why = g_strdup_printf ("the peer failed (is python3-matplotlib installed?): %s",
                              g_strstrip (errors));
      return -1;
    }

  /* "20 renders, 61.20 ms each" */
  each = strstr (output, " ms each");
  if (each == NULL)
    {
      *why = g_strdup_printf ("unexpected peer output: %s", g_strstrip (output));
      return -1;
    }
  while (each > output && (g_ascii_isdigit (each[-1]) || each[-1] == '.'))
    each--;

  return g_ascii_strtod (each, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (VocRadarData) data = make_data ();
  g_autofree double *times = g_new (double, N_RUNS);
  g_autofree char *why = NULL;
  cairo_surface_t *surface;
  VocRadarStyle style;
  double median, p90, peer, ratio;
  gboolean ok;

  if (argc < 2)
    {
      g_printerr ("usage: %s PEER.py\n", argv[0]);
      return 2;
    }

  voc_radar_style_init_default (&style);
  name_rings (&style);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SIZE, SIZE);

  for (int i = 0; i < WARM_UP; i++)
    render (data, &style, surface);
  for (int i = 0; i < N_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      render (data, &style, surface);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  cairo_surface_destroy (surface);

  qsort (times, N_RUNS, sizeof (double), compare_doubles);
  median = (times[N_RUNS / 2 - 1] + times[N_RUNS / 2]) / 2;
  p90 = times[N_RUNS * 9 / 10];
  g_print ("vocation radar render (%dx%d, %d axes, %d series): median %.2f ms, p90 %.2f ms over %d renders\n",
           SIZE, SIZE, N_AXES, N_SERIES, median, p90, N_RUNS);

  peer = run_peer (argv[1], &why);
  if (peer < 0)
    {
      g_print ("matplotlib peer not run: %s\n", why);
      return 77;
    }

  ratio = peer / median;
  ok = median <= GOAL_MS && ratio >= GOAL_RATIO;
  g_print ("matplotlib peer: %.1f ms per render\n", peer);
  g_print ("speed-up %.1fx (goal: median <= %.0f ms and >= %.0fx): %s\n",
           ratio, GOAL_MS, GOAL_RATIO, ok ? "met" : "NOT met");

  return ok ? 0 : 1;
}
