/* voc-file-chooser.h: the save and open dialogs, all made the same way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A modal native dialog over @parent that starts in the user's @folder
 * (Documents, Pictures; never the working folder, which for an app
 * started from the desktop is the home folder or /), with @name filled
 * in when saving, and one filter per name and pattern pair of @filters
 * (NULL-terminated; the first is chosen). */
GtkFileChooserNative *voc_file_chooser_new (GtkWindow            *parent,
                                            GtkFileChooserAction  action,
                                            const char           *title,
                                            const char           *accept,
                                            GUserDirectory        folder,
                                            const char           *name,
                                            const char *const    *filters);

G_END_DECLS
