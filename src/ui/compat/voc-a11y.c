/* voc-a11y.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

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

  /* An AdwButtonContent's label names its button (labelled-by, set when
   * the content is added), and a name set here would be read before it:
   * "Search Notes Search Notes". That name is already right. */
  if (GTK_IS_BUTTON (button) && ADW_IS_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (button))))
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

void
voc_a11y_name_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)))
    voc_a11y_name_button (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    voc_a11y_name_buttons (child);
}

/* The toasts on screen are the overlay's children other than its content;
 * a toast's only button without a label is its close button. */
static void
name_toasts (AdwToastOverlay *overlay)
{
  for (GtkWidget *toast = gtk_widget_get_first_child (GTK_WIDGET (overlay)); toast;
       toast = gtk_widget_get_next_sibling (toast))
    {
      if (toast == adw_toast_overlay_get_child (overlay))
        continue;
      voc_a11y_name_buttons (toast);
      for (GtkWidget *child = gtk_widget_get_first_child (toast); child; child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_BUTTON (child) && gtk_button_get_label (GTK_BUTTON (child)) == NULL)
          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Dismiss"), -1);
    }
}

AdwToast *
voc_a11y_toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

void
voc_a11y_add_toast (AdwToastOverlay *overlay,
                    AdwToast        *toast)
{
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (overlay, toast);
  /* The overlay shows the next toast from its own "dismissed" handler,
   * which runs before this one. */
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (name_toasts), overlay, G_CONNECT_SWAPPED);
  name_toasts (overlay);
}

/* What the closed drop-down shows, when its items are strings. */
static void
describe_choice (GtkDropDown *drop_down,
                 GParamSpec  *pspec,
                 GtkWidget   *button)
{
  gpointer item = gtk_drop_down_get_selected_item (drop_down);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (item) : "",
                                  -1);
}

void
voc_a11y_name_drop_down (GtkDropDown *drop_down,
                         const char  *label)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (label != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      {
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
        g_signal_handlers_disconnect_by_func (drop_down, describe_choice, child);
        g_signal_connect_object (drop_down, "notify::selected-item", G_CALLBACK (describe_choice), child, 0);
        describe_choice (drop_down, NULL, child);
        break;
      }
}

static GtkLabel *
find_heading (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "heading"))
        return GTK_LABEL (child);
      /* The title is in the header, before the rows. */
      if (GTK_IS_LIST_BOX (child))
        continue;
      if ((found = find_heading (child)) != NULL)
        return found;
    }
  return NULL;
}

void
voc_a11y_wrap_group_title (AdwPreferencesGroup *group)
{
  GtkLabel *title;

  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));

  title = find_heading (GTK_WIDGET (group));
  if (title == NULL)
    return;
  gtk_label_set_ellipsize (title, PANGO_ELLIPSIZE_NONE);
  gtk_label_set_wrap (title, TRUE);
  gtk_label_set_wrap_mode (title, PANGO_WRAP_WORD_CHAR);
}

static void
stack_changed_cb (GtkStack *stack)
{
  GtkWidget *shown = gtk_stack_get_visible_child (stack);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack)); child;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, child != shown, -1);
}

void
voc_a11y_follow_stack (GtkStack *stack)
{
  g_return_if_fail (GTK_IS_STACK (stack));

  g_signal_connect (stack, "notify::visible-child", G_CALLBACK (stack_changed_cb), NULL);
  stack_changed_cb (stack);
}
