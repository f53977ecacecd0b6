/* bench-data.c: Vocation with a large data set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * usage: bench-data PYTHON GENERATOR VOCATION
 *
 * The generator (bench-data-gen.py) writes 1,000 plans, 10,000 goals,
 * 50,000 steps and 100,000 notes into a new data folder. Then, in a real
 * window (Xvfb) on that store:
 *
 *  - opening the Plans view: from win.show-view("plans") to the end of the
 *    frame that shows it, the first time and over 20 switches from Roles
 *    (goal: at most 100 ms);
 *  - saving one edit on the UI thread, as the app does it, with every
 *    signal handler of the window connected, on the page of plan 1 with
 *    its first goal open: the call itself (goal: median at most 2 ms), and
 *    separately the time until the main loop is idle again (the deferred
 *    reactions: the page reads the plan, rows change, relayout; goal for
 *    the edits of plans: median at most one frame, 16.7 ms), for goals
 *    across the data set and for the goal open on the page;
 *  - exporting the whole data set to a file, importing it into an empty
 *    store (replace) and merging it into the same store again (figures
 *    only).
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "voc-application.h"
#include "voc-plans-view.h"
#include "voc-store-notes.h"
#include "voc-store-plans.h"
#include "voc-store-transfer.h"
#include "voc-window.h"

#define SWITCHES       20
#define EDITS          200
#define OPEN_GOAL_MS   100.0
#define EDIT_GOAL_MS   2.0
/* An edit of a plan, with what it changes on screen, fits in one frame. */
#define REACTION_GOAL_MS (1000.0 / 60)
/* Waiting for the main loop after each edit can take long when the goal is
 * missed by far; past this much per kind of edit, only the calls are timed
 * (the reactions left pending then run once, before the next kind). */
#define REACTION_BUDGET_S 30.0

/* The frame clock's phases, as seen from handlers connected after GTK's
 * own: layout ends when "layout" reaches us, drawing when "paint" does. */
typedef struct
{
  gint64   begun;        /* before-paint of the frame being timed */
  gint64   laid_out;
  gint64   painted;      /* after-paint */
  gboolean waiting;
  gint64   in_frames;    /* µs spent in all frames, from before- to after-paint */
} FrameWait;

static void
before_paint_cb (GdkFrameClock *clock,
                 FrameWait     *wait)
{
  wait->begun = g_get_monotonic_time ();
  wait->laid_out = 0;
}

static void
layout_cb (GdkFrameClock *clock,
           FrameWait     *wait)
{
  wait->laid_out = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                FrameWait     *wait)
{
  gint64 now = g_get_monotonic_time ();

  if (wait->begun != 0)
    wait->in_frames += now - wait->begun;
  if (wait->waiting)
    {
      wait->painted = now;
      wait->waiting = FALSE;
    }
}

static void
watch_frames (GtkWidget *window,
              FrameWait *wait)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), wait);
  g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), wait);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), wait);
}

/* Runs the main loop until the frame clock has painted (or 30 s passed). */
static gboolean
wait_frame (FrameWait *wait)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (wait->waiting && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  return !wait->waiting;
}

/* Dispatches everything ready to run, until nothing is. */
static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
settle (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      drain ();
      g_usleep (2000);
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
quantile (GArray *values,
          double  q)
{
  if (values->len == 0)
    return 0;
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, MIN ((guint) (values->len * q), values->len - 1));
}

static double
ms_since (gint64 t0)
{
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static double
file_mb (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size / 1e6 : 0;
}

typedef struct
{
  double total;   /* activation to after-paint */
  double before;  /* activation to the frame's before-paint */
  double layout;  /* before-paint to the end of layout */
  double paint;   /* the end of layout to after-paint (snapshot, render) */
} ViewTimes;

/* win.show-view(@view) to the end of the frame that shows it, in ms. */
static ViewTimes
show_view (GtkWidget  *window,
           FrameWait  *wait,
           const char *view)
{
  ViewTimes v;
  gint64 t0;

  drain ();
  wait->begun = wait->laid_out = wait->painted = 0;
  wait->waiting = TRUE;
  t0 = g_get_monotonic_time ();
  gtk_widget_activate_action (window, "win.show-view", "s", view);
  if (!wait_frame (wait))
    g_printerr ("bench-data: no frame within 30 s after showing %s\n", view);
  v.total = (wait->painted - t0) / 1000.0;
  v.before = (wait->begun - t0) / 1000.0;
  v.layout = (wait->laid_out - wait->begun) / 1000.0;
  v.paint = (wait->painted - wait->laid_out) / 1000.0;
  return v;
}

static VocPlansView *
find_plans_view (GtkWidget *root)
{
  if (VOC_IS_PLANS_VIEW (root))
    return VOC_PLANS_VIEW (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      VocPlansView *found = find_plans_view (child);

      if (found)
        return found;
    }
  return NULL;
}

typedef enum
{
  EDIT_NOTE,
  EDIT_STATUS,
  EDIT_STEP_DONE,
  EDIT_ADD_STEP,
  EDIT_RATING,
  EDIT_SHOWN_STATUS,
  EDIT_SHOWN_STEP_DONE,
  EDIT_SHOWN_ADD_STEP,
  N_EDITS
} EditKind;

static const char *const edit_names[N_EDITS] = {
  "save a goal note (autosave)",
  "set a goal's status",
  "tick a step",
  "add a step",
  "rate a skill",
  "set the open goal's status",
  "tick a step of the open goal",
  "add a step to the open goal",
};

/* The edits on the page shown: its first goal, open, as the user has it. */
static gint64 shown_goal_id;
static gint64 shown_step_id;

static const char *const skills[] = { "sql", "python", "statistics", "excel", "bi-dashboards", "data-modeling" };

static void
edit (VocStore   *store,
      VocProfile *profile,
      EditKind    kind,
      int         i)
{
  g_autoptr (GError) error = NULL;
  /* Spread over the data set: goal ids 1-10000, 5 steps each. */
  gint64 goal_id = 1 + (i * 997) % 10000;
  g_autofree char *text = NULL;
  gboolean ok = TRUE;

  switch (kind)
    {
    case EDIT_NOTE:
      {
        g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, goal_id);

        text = g_strdup_printf ("Edited in the benchmark, round %d: read the chapter on window functions, "
                                "then write three queries against the sales data and compare the plans.", i);
        ok = voc_store_save_note (store, VOC_NOTE_GOAL, id, text, &error);
      }
      break;
    case EDIT_STATUS:
      ok = voc_store_set_goal_status (store, goal_id, (VocGoalStatus) (i % 3), &error);
      break;
    case EDIT_STEP_DONE:
      ok = voc_store_set_step_done (store, (goal_id - 1) * 5 + 1 + i % 5, i % 2, &error);
      break;
    case EDIT_ADD_STEP:
      text = g_strdup_printf ("Benchmark step %d: work through the exercises of chapter %d", i, i % 12 + 1);
      ok = voc_store_add_step (store, goal_id, text, i % 3 ? NULL : "https://example.org/exercises", &error) != 0;
      break;
    case EDIT_RATING:
      /* A different level each time: the same one would save nothing. */
      ok = voc_profile_set_rating (profile, skills[i % G_N_ELEMENTS (skills)],
                                   (int) (i / G_N_ELEMENTS (skills)) % 6, TRUE, &error);
      break;
    case EDIT_SHOWN_STATUS:
      ok = voc_store_set_goal_status (store, shown_goal_id, (VocGoalStatus) ((i + 1) % 2), &error);
      break;
    case EDIT_SHOWN_STEP_DONE:
      ok = voc_store_set_step_done (store, shown_step_id, i % 2 == 0, &error);
      break;
    case EDIT_SHOWN_ADD_STEP:
      text = g_strdup_printf ("Open goal, step %d: one more exercise", i);
      ok = voc_store_add_step (store, shown_goal_id, text, NULL, &error) != 0;
      break;
    case N_EDITS:
    default:
      g_assert_not_reached ();
    }
  if (!ok)
    g_error ("bench-data: %s: %s", edit_names[kind], error ? error->message : "failed");
}

static void
print_counts (const char              *what,
              double                   ms,
              double                   mb,
              const VocTransferCounts *c)
{
  g_print ("%-34s %9.1f ms %7.1f MB   %u plans (%u skipped), %u goals, %u steps, %u notes, "
           "%u ratings, %u history\n",
           what, ms, mb, c->plans, c->plans_skipped, c->goals, c->steps, c->notes, c->ratings, c->history);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VocApplication) app = NULL;
  g_autoptr (VocStore) store = NULL;
  g_autoptr (VocStore) fresh = NULL;
  g_autoptr (VocProfile) profile = NULL;
  g_autoptr (VocCatalog) catalog = NULL;
  g_autoptr (GArray) switches = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) switch_before = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) switch_layout = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) switch_paint = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *fresh_path = NULL;
  g_autofree char *gen_out = NULL;
  VocTransferCounts counts = { 0 };
  GArray *call[N_EDITS], *idle[N_EDITS], *framed[N_EDITS];
  FrameWait wait = { 0 };
  GtkWidget *window;
  ViewTimes cold, v;
  double open_median, open_p90, t;
  gint64 t0;
  int status = 0;
  gboolean failed = FALSE;

  if (argc != 4)
    {
      g_printerr ("usage: bench-data PYTHON GENERATOR VOCATION\n");
      return EXIT_FAILURE;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("bench-data: no display; run it through build-aux/dev.sh bench\n");
      return 77;
    }

  /* The data set, in a folder of its own. */
  dir = g_dir_make_tmp ("vocation-bench-data-XXXXXX", &error);
  g_assert_no_error (error);
  {
    const char *gen_argv[] = { argv[1], argv[2], argv[3], dir, NULL };

    t0 = g_get_monotonic_time ();
    if (!g_spawn_sync (NULL, (char **) gen_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &gen_out, NULL, &status,
                       &error) ||
        !g_spawn_check_wait_status (status, &error))
      g_error ("bench-data: the generator failed: %s", error->message);
    g_print ("%s(generated in %.1f s)\n\n", gen_out, ms_since (t0) / 1000);
  }
  db_path = g_build_filename (dir, "vocation", "vocation.db", NULL);

  /* As in bench-startup.py: under Xvfb, GL means llvmpipe. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_init ();
  app = voc_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  catalog = voc_catalog_new_default (&error);
  g_assert_no_error (error);
  t0 = g_get_monotonic_time ();
  store = voc_store_open (db_path, &error);
  g_assert_no_error (error);
  t = ms_since (t0);
  t0 = g_get_monotonic_time ();
  profile = voc_profile_new_for_store (store, &error);
  g_assert_no_error (error);
  g_print ("open the store %.1f ms (with the day's first snapshot, if any), load the profile %.1f ms\n",
           t, ms_since (t0));
  voc_application_set_catalog (app, catalog);
  voc_application_set_profile (app, profile);

  t0 = g_get_monotonic_time ();
  window = GTK_WIDGET (voc_application_new_window (app));
  g_print ("voc_window_new %.1f ms\n", ms_since (t0));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 900);
  t0 = g_get_monotonic_time ();
  wait.waiting = TRUE;
  gtk_window_present (GTK_WINDOW (window));
  if (gtk_widget_get_frame_clock (window) == NULL)
    g_error ("bench-data: the window has no frame clock");
  watch_frames (window, &wait);
  wait_frame (&wait);
  g_print ("present to first frame %.1f ms\n\n", (wait.painted - t0) / 1000.0);
  settle (300);

  /* (a) The Plans view: once cold, then from Roles again and again. */
  cold = show_view (window, &wait, "plans");
  g_print ("the Plans view shows %u plans\n", voc_plans_view_get_n_plans (find_plans_view (window)));
  settle (100);
  for (int i = 0; i < SWITCHES; i++)
    {
      show_view (window, &wait, "roles");
      settle (20);
      v = show_view (window, &wait, "plans");
      g_array_append_val (switches, v.total);
      g_array_append_val (switch_before, v.before);
      g_array_append_val (switch_layout, v.layout);
      g_array_append_val (switch_paint, v.paint);
      settle (20);
    }
  open_median = quantile (switches, 0.5);
  open_p90 = quantile (switches, 0.9);

  /* (b) One edit at a time, on the plan page of plan 1, as the user makes them. */
  voc_window_show_plan (VOC_WINDOW (window), 1);
  {
    g_autoptr (GPtrArray) goals = voc_store_list_goals (store, 1, &error);
    g_autoptr (GPtrArray) steps = NULL;

    g_assert_no_error (error);
    g_assert_true (goals->len > 0);
    shown_goal_id = ((VocGoalInfo *) g_ptr_array_index (goals, 0))->id;
    steps = voc_store_list_steps (store, shown_goal_id, &error);
    g_assert_no_error (error);
    g_assert_true (steps->len > 0);
    shown_step_id = ((VocStepInfo *) g_ptr_array_index (steps, 0))->id;
    gtk_widget_activate_action (window, "win.show-goal", "x", shown_goal_id);
  }
  settle (300);
  for (EditKind k = 0; k < N_EDITS; k++)
    {
      double budget = 0;

      call[k] = g_array_new (FALSE, FALSE, sizeof (double));
      idle[k] = g_array_new (FALSE, FALSE, sizeof (double));
      framed[k] = g_array_new (FALSE, FALSE, sizeof (double));
      for (int i = 0; i < EDITS; i++)
        {
          t0 = g_get_monotonic_time ();
          edit (store, profile, k, i);
          t = ms_since (t0);
          g_array_append_val (call[k], t);
          if (budget < REACTION_BUDGET_S * 1000)
            {
              wait.in_frames = 0;
              drain ();
              t = ms_since (t0);
              g_array_append_val (idle[k], t);
              t = wait.in_frames / 1000.0;
              g_array_append_val (framed[k], t);
              t = ms_since (t0);
              budget += t;
            }
        }
      settle (100);
    }

  /* (c) The whole data set out and back in. */
  export_path = g_build_filename (dir, "export.json", NULL);
  fresh_path = g_build_filename (dir, "fresh", "vocation.db", NULL);
  g_print ("\n%-34s %12s %10s\n", "whole data set", "time", "size");
  t0 = g_get_monotonic_time ();
  if (!voc_store_export_data (store, export_path, &counts, &error))
    g_error ("bench-data: export: %s", error->message);
  print_counts ("export to a file", ms_since (t0), file_mb (export_path), &counts);

  fresh = voc_store_open (fresh_path, &error);
  g_assert_no_error (error);
  counts = (VocTransferCounts) { 0 };
  t0 = g_get_monotonic_time ();
  if (!voc_store_import_data (fresh, export_path, VOC_IMPORT_REPLACE, &counts, &error))
    g_error ("bench-data: import: %s", error->message);
  print_counts ("import into an empty store", ms_since (t0), file_mb (fresh_path), &counts);

  counts = (VocTransferCounts) { 0 };
  t0 = g_get_monotonic_time ();
  if (!voc_store_import_data (store, export_path, VOC_IMPORT_MERGE, &counts, &error))
    g_error ("bench-data: merge: %s", error->message);
  t = ms_since (t0);
  print_counts ("merge into the same store (window)", t, file_mb (db_path), &counts);
  t0 = g_get_monotonic_time ();
  drain ();
  g_print ("%-34s %9.1f ms\n", "  then until the main loop is idle", ms_since (t0));

  /* The table. */
  g_print ("\n%-30s %9s %9s %9s   %s\n", "Plans view (1,000 plans)", "median", "p90", "first", "goal");
  g_print ("%-30s %9.1f %9.1f %9.1f   at most %.0f ms: %s\n", "show-view to painted frame", open_median, open_p90,
           cold.total, OPEN_GOAL_MS, (open_median <= OPEN_GOAL_MS && cold.total <= OPEN_GOAL_MS) ? "met" : "MISSED");
  g_print ("%-30s %9.1f %9.1f %9.1f\n", "  to the frame's start", quantile (switch_before, 0.5),
           quantile (switch_before, 0.9), cold.before);
  g_print ("%-30s %9.1f %9.1f %9.1f\n", "  layout (measure, allocate)", quantile (switch_layout, 0.5),
           quantile (switch_layout, 0.9), cold.layout);
  g_print ("%-30s %9.1f %9.1f %9.1f\n", "  snapshot and render", quantile (switch_paint, 0.5),
           quantile (switch_paint, 0.9), cold.paint);
  failed |= open_median > OPEN_GOAL_MS || cold.total > OPEN_GOAL_MS;

  g_print ("\n%-30s %9s %9s %9s   %s\n", "one edit on the UI thread, ms", "median", "p90", "max", "goal (median of the call)");
  for (EditKind k = 0; k < N_EDITS; k++)
    {
      double m = quantile (call[k], 0.5), p = quantile (call[k], 0.9), mx = quantile (call[k], 1.0);

      g_print ("%-30s %9.2f %9.2f %9.2f   at most %.0f ms: %s\n", edit_names[k], m, p, mx, EDIT_GOAL_MS,
               m <= EDIT_GOAL_MS ? "met" : "MISSED");
      if (k == EDIT_NOTE || k == EDIT_RATING)
        g_print ("%-30s %9.2f %9.2f %9.2f   (%u of %d edits)\n", "  until the main loop is idle",
                 quantile (idle[k], 0.5), quantile (idle[k], 0.9), quantile (idle[k], 1.0), idle[k]->len, EDITS);
      else
        {
          /* Edits of the plans: the rows that show them change in place. */
          double r = quantile (idle[k], 0.5);

          g_print ("%-30s %9.2f %9.2f %9.2f   at most %.1f ms: %s (%u of %d edits)\n",
                   "  until the main loop is idle", r, quantile (idle[k], 0.9), quantile (idle[k], 1.0),
                   REACTION_GOAL_MS, idle[k]->len == EDITS && r <= REACTION_GOAL_MS ? "met" : "MISSED",
                   idle[k]->len, EDITS);
          failed |= idle[k]->len < EDITS || r > REACTION_GOAL_MS;
        }
      g_print ("%-30s %9.2f %9.2f %9.2f\n", "  of which in frames", quantile (framed[k], 0.5),
               quantile (framed[k], 0.9), quantile (framed[k], 1.0));
      failed |= m > EDIT_GOAL_MS;
      g_array_unref (call[k]);
      g_array_unref (idle[k]);
      g_array_unref (framed[k]);
    }
  g_print ("\nGSK_RENDERER=%s\n", g_getenv ("GSK_RENDERER"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&fresh);
  g_clear_object (&store);
  {
    const char *rm_argv[] = { "rm", "-rf", dir, NULL };
    g_spawn_sync (NULL, (char **) rm_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
