/* ui-test-utils.h: what the widget tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "voc-application.h"

G_BEGIN_DECLS

/* g_test_init() with G_TEST_OPTION_ISOLATE_DIRS: each test case gets its
 * own HOME and XDG folders (GTK writes recent files and caches there),
 * removed after it.  The system's XDG_DATA_DIRS and XDG_CONFIG_DIRS are
 * kept for the cases ui_test_add() registers: GTK finds its icons and
 * the MIME database there. */
void       ui_test_init  (int        *argc,
                          char     ***argv);
void       ui_test_add   (const char *path,
                          void      (*test) (void));

/* Runs the main loop for @ms milliseconds. */
void       ui_spin       (guint      ms);
/* Runs the main loop until @condition holds; fails the test after 5 s
 * (times $UI_TIMEOUT_SCALE, for runs under valgrind). */
void       ui_wait_until (gboolean (*condition) (gpointer),
                          gpointer   data);
gboolean   ui_is_mapped  (gpointer   widget);
/* The @nth widget of @type (with @css_class, unless NULL) below @root,
 * breadth first, or NULL. */
GtkWidget *ui_find       (GtkWidget  *root,
                          GType       type,
                          const char *css_class,
                          guint       nth);
/* The first label at or below @root whose text is @text, or NULL. */
GtkWidget *ui_find_label (GtkWidget  *root,
                          const char *text);
/* The first button at or below @root whose label or tooltip is @text. */
GtkWidget *ui_find_button (GtkWidget  *root,
                           const char *text);
/* The open message dialog whose heading is @heading, or NULL. */
AdwMessageDialog *ui_find_dialog (const char *heading);
/* The @nth of them (0 is the first), or NULL. */
AdwMessageDialog *ui_find_nth_dialog (const char *heading,
                                      guint       nth);
/* Closes @window and checks that it, and every widget in it, is
 * finalized: nothing the window made keeps it alive. */
void       ui_close_window (GtkWindow  *window);
/* How many widgets of @type are below @root (only mapped ones if asked). */
guint      ui_count      (GtkWidget  *root,
                          GType       type,
                          gboolean    mapped_only);
/* The view @name of a Vocation @window (My Skills and Plans are made when
 * first shown), found as the widget of @type; the view shown before is
 * shown again. */
GtkWidget *ui_window_view (GtkWindow  *window,
                           const char *name,
                           GType       type);
/* A registered, non-unique application with the built-in catalog and
 * @profile, as the windows under test expect it. */
VocApplication *ui_test_app_new (VocProfile *profile);
/* The same with a profile saved in a new store in a temporary folder;
 * @db_path_out gets the database's path, to check what was saved. */
VocApplication *ui_test_app_new_with_store (char **db_path_out);
/* A display is needed; without one the test is skipped (exit 77). */
void       ui_require_display (void);

G_END_DECLS
