/* bench-redraw.c: from a level change to the redrawn radar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In a real window (Xvfb), the role page of a 15-skill role is open. Each
 * round changes one rating as My Skills does (saved to SQLite first), then
 * waits for the frame that shows it. Reported: the change itself (save +
 * match + radar data), the work of that frame (before-paint to after-paint), and
 * their sum against one frame at 60 Hz. The baseline, measured in the same
 * run, is a frame with nothing changed.
 *
 * Reported beside it: opening each role's page from Roles, from the call to
 * the frame that shows it (three rounds over the twelve roles).
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "voc-application.h"
#include "voc-radar-view.h"
#include "voc-role-page.h"
#include "voc-window.h"

#define ROUNDS 60
#define FRAME_MS (1000.0 / 60.0)

typedef struct
{
  gint64   frame_start;
  gint64   painted;
  gboolean waiting;
} FrameTimes;

static void
layout_cb (GdkFrameClock *clock,
           FrameTimes    *times)
{
  if (times->waiting && times->frame_start == 0)
    times->frame_start = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                FrameTimes    *times)
{
  if (times->waiting && times->frame_start != 0)
    {
      times->painted = g_get_monotonic_time ();
      times->waiting = FALSE;
    }
}

static void
wait_frame (FrameTimes *times)
{
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while (times->waiting && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static double
p90 (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, (values->len * 9) / 10);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VocApplication) app = NULL;
  g_autoptr (VocStore) store = NULL;
  g_autoptr (VocProfile) profile = NULL;
  g_autoptr (VocCatalog) catalog = NULL;
  g_autoptr (GArray) change = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) idle = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) open_page = g_array_new (FALSE, FALSE, sizeof (double));
  double first_open = 0;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  FrameTimes times = { 0 };
  GdkFrameClock *clock;
  GtkWindow *window;

  double m_total;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("bench-redraw: no display; run it through build-aux/dev.sh bench\n");
      return 77;
    }

  /* As in bench-startup.py: under Xvfb, GL means llvmpipe, whose texture
   * uploads and shader compiles would be measured instead of Vocation. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_init ();
  app = voc_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  catalog = voc_catalog_new_default (&error);
  g_assert_no_error (error);
  dir = g_dir_make_tmp ("vocation-bench-XXXXXX", NULL);
  path = g_build_filename (dir, "vocation.db", NULL);
  store = voc_store_open (path, &error);
  g_assert_no_error (error);
  profile = voc_profile_new_for_store (store, &error);
  voc_profile_set_rating (profile, "python", 3, TRUE, NULL);
  voc_application_set_catalog (app, catalog);
  voc_application_set_profile (app, profile);

  window = GTK_WINDOW (voc_application_new_window (app));
  gtk_window_set_default_size (window, 1100, 900);
  gtk_window_present (window);
  for (int i = 0; i < 100; i++)
    g_main_context_iteration (NULL, FALSE), g_usleep (5000);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (layout_cb), &times);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &times);

  /* Opening a role page, as a click on its card does, after Roles is drawn. */
  for (int round = 0; round < 3; round++)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (catalog)); i++)
      {
        g_autoptr (VocRole) role = g_list_model_get_item (G_LIST_MODEL (catalog), i);
        gint64 t0;
        double ms;

        gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "roles");
        times = (FrameTimes) { 0, 0, TRUE };
        gtk_widget_queue_draw (GTK_WIDGET (window));
        wait_frame (&times);

        times = (FrameTimes) { 0, 0, TRUE };
        t0 = g_get_monotonic_time ();
        voc_window_show_role (VOC_WINDOW (window), voc_role_get_id (role));
        wait_frame (&times);
        ms = (times.painted - t0) / 1000.0;
        if (round == 0 && i == 0)
          first_open = ms;
        else
          g_array_append_val (open_page, ms);
      }

  voc_window_show_role (VOC_WINDOW (window), "data-engineer");
  for (int i = 0; i < 100; i++)
    g_main_context_iteration (NULL, FALSE), g_usleep (5000);

  for (int round = 0; round < ROUNDS + 5; round++)
    {
      gint64 t0, t1;
      double c, f;

      /* Baseline: a frame where nothing changed. */
      times = (FrameTimes) { 0, 0, TRUE };
      gtk_widget_queue_draw (GTK_WIDGET (window));
      wait_frame (&times);
      if (round >= 5)
        {
          f = (times.painted - times.frame_start) / 1000.0;
          g_array_append_val (idle, f);
        }

      /* A level change, as the selector on My Skills makes it. */
      times = (FrameTimes) { 0, 0, TRUE };
      t0 = g_get_monotonic_time ();
      voc_profile_set_rating (profile, "sql", round % 2 ? 2 : 4, TRUE, NULL);
      t1 = g_get_monotonic_time ();
      wait_frame (&times);
      if (round < 5)
        continue;

      c = (t1 - t0) / 1000.0;
      f = (times.painted - times.frame_start) / 1000.0;
      g_array_append_val (change, c);
      g_array_append_val (frame, f);
      f += c;
      g_array_append_val (total, f);
    }

  m_total = median (total);
  g_print ("level change (save to SQLite, match, radar data): median %.2f ms, p90 %.2f ms\n",
           median (change), p90 (change));
  g_print ("frame showing it (before-paint to after-paint):  median %.2f ms, p90 %.2f ms\n",
           median (frame), p90 (frame));
  g_print ("baseline frame with nothing changed:             median %.2f ms\n", median (idle));
  g_print ("opening a role page (call to painted frame):      median %.2f ms, p90 %.2f ms over %u, "
           "the first %.2f ms (reported)\n", median (open_page), p90 (open_page), open_page->len, first_open);
  g_print ("change to redrawn radar: median %.2f ms, p90 %.2f ms over %d changes "
           "(goal: within one frame, %.1f ms), GSK_RENDERER=%s\n", m_total, p90 (total), ROUNDS, FRAME_MS,
           g_getenv ("GSK_RENDERER"));

  gtk_window_destroy (window);
  g_unlink (path);
  return m_total <= FRAME_MS ? EXIT_SUCCESS : EXIT_FAILURE;
}
