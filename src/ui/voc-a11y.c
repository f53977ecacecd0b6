/* voc-a11y.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "voc-a11y.h"

void
voc_a11y_name_button (GtkWidget *button)
{
  const char *label = NULL;
  GString *name;

  g_return_if_fail (GTK_IS_WIDGET (button));

  if (GTK_IS_BUTTON (button))
    label = gtk_button_get_label (GTK_BUTTON (button));
  if (label == NULL && GTK_IS_BUTTON (button) && ADW_IS_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (button))))
    label = adw_button_content_get_label (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (button))));
  if (label == NULL)
    return;

  /* "__" is a literal underscore; a single one marks the mnemonic. */
  name = g_string_new (NULL);
  for (const char *p = label; *p; p++)
    {
      if (*p == '_' && p[1] == '_')
        g_string_append_c (name, *++p);
      else if (*p != '_')
        g_string_append_c (name, *p);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name->str, -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  g_string_free (name, TRUE);
}
