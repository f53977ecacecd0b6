/* voc-step-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "voc-row-utils.h"
#include "voc-step-row.h"

struct _VocStepRow
{
  AdwActionRow parent_instance;

  GtkCheckButton *check;
  GtkButton      *open_button;
  GtkButton      *remove_button;

  VocStep        *step;
};

G_DEFINE_FINAL_TYPE (VocStepRow, voc_step_row, ADW_TYPE_ACTION_ROW)

static guint toggled_signal;

static void
toggled_cb (VocStepRow *self)
{
  gboolean active = gtk_check_button_get_active (self->check);

  if (active != voc_step_get_done (self->step))
    g_signal_emit (self, toggled_signal, 0, active);
}

static void
done_changed_cb (VocStepRow *self)
{
  gtk_check_button_set_active (self->check, voc_step_get_done (self->step));
}

static void
voc_step_row_dispose (GObject *object)
{
  VocStepRow *self = VOC_STEP_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VOC_TYPE_STEP_ROW);
  g_clear_object (&self->step);
  G_OBJECT_CLASS (voc_step_row_parent_class)->dispose (object);
}

static void
voc_step_row_class_init (VocStepRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = voc_step_row_dispose;
  /* The user ticked the step (TRUE) or cleared it; the row shows the
   * step's state again when it is saved, or stays as the step is. */
  toggled_signal = g_signal_new ("toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vocationapp/Vocation/ui/voc-step-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VocStepRow, check);
  gtk_widget_class_bind_template_child (widget_class, VocStepRow, open_button);
  gtk_widget_class_bind_template_child (widget_class, VocStepRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, toggled_cb);
}

static void
voc_step_row_init (VocStepRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The row makes its title label the check's too; GTK 4.8 would then
   * read the step twice. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->check), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

GtkWidget *
voc_step_row_new (VocStep *step)
{
  VocStepRow *self;
  const char *text, *url;
  g_autofree char *remove_label = NULL;

  g_return_val_if_fail (VOC_IS_STEP (step), NULL);

  self = g_object_new (VOC_TYPE_STEP_ROW, NULL);
  self->step = g_object_ref (step);
  text = voc_step_get_text (step);
  url = voc_step_get_url (step);

  if (url != NULL)
    {
      /* A link looks like one and opens in the browser: from its
       * address, or from the button beside it, for the keyboard. */
      g_autofree char *title = g_markup_escape_text (text, -1);
      g_autofree char *link = g_markup_printf_escaped ("<a href=\"%s\">%s</a>", url, url);
      g_autofree char *open_label = g_strdup_printf (_("Open Link “%s”"), url);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), TRUE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), link);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      open_label, -1);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->open_button), "s", url);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->open_button), "win.open-link");
      gtk_widget_set_visible (GTK_WIDGET (self->open_button), TRUE);
    }
  else
    {
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), text);
    }

  gtk_check_button_set_active (self->check, voc_step_get_done (step));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);

  remove_label = g_strdup_printf (_("Delete Step “%s”"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->remove_button), "x", voc_step_get_id (step));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->remove_button), "win.delete-step");
  voc_add_delete_shortcut (GTK_WIDGET (self), gtk_named_action_new ("win.delete-step"),
                           g_variant_new_int64 (voc_step_get_id (step)));

  g_signal_connect_object (step, "notify::done", G_CALLBACK (done_changed_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

VocStep *
voc_step_row_get_step (VocStepRow *self)
{
  g_return_val_if_fail (VOC_IS_STEP_ROW (self), NULL);
  return self->step;
}
