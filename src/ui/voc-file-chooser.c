/* voc-file-chooser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "voc-file-chooser.h"

GtkFileChooserNative *
voc_file_chooser_new (GtkWindow            *parent,
                      GtkFileChooserAction  action,
                      const char           *title,
                      const char           *accept,
                      GUserDirectory        folder,
                      const char           *name,
                      const char *const    *filters)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, parent, action, accept, _("_Cancel"));
  const char *start = g_get_user_special_dir (folder);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* XDG folders may be unset or not made yet: then the home folder. */
  if (start == NULL || !g_file_test (start, G_FILE_TEST_IS_DIR))
    start = g_get_home_dir ();
  {
    g_autoptr (GFile) dir = g_file_new_for_path (start);

    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), dir, NULL);
  }
  if (name != NULL && action == GTK_FILE_CHOOSER_ACTION_SAVE)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  for (guint i = 0; filters != NULL && filters[i] != NULL && filters[i + 1] != NULL; i += 2)
    {
      g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, filters[i]);
      gtk_file_filter_add_pattern (filter, filters[i + 1]);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      if (i == 0)
        gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  return chooser;
}
