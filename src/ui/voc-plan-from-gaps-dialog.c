/* voc-plan-from-gaps-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "voc-a11y.h"
#include "voc-level.h"
#include "voc-match.h"
#include "voc-plan-from-gaps-dialog.h"
#include "voc-store-plans.h"

struct _VocPlanFromGapsDialog
{
  AdwMessageDialog parent_instance;

  GtkBox      *box;
  GtkEditable *title_entry;

  GtkWidget   *source;   /* what asked, to say what happened */
  VocRole     *role;
  VocProfile  *profile;
  GPtrArray   *checks;   /* GtkCheckButton, one per gap */
  GArray      *goals;    /* VocGoalSpec with skill ids borrowed from the catalog */
};

G_DEFINE_FINAL_TYPE (VocPlanFromGapsDialog, voc_plan_from_gaps_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
toast (VocPlanFromGapsDialog *self,
       const char            *message)
{
  gtk_widget_activate_action (self->source, "win.toast", "s", message);
}

static void
create_plan (VocPlanFromGapsDialog *self)
{
  g_autoptr (GArray) chosen = g_array_new (FALSE, FALSE, sizeof (VocGoalSpec));
  g_autoptr (GError) error = NULL;
  VocStore *store = voc_profile_get_store (self->profile);
  gint64 plan_id;

  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_array_append_val (chosen, g_array_index (self->goals, VocGoalSpec, i));

  if (store == NULL)
    {
      toast (self, _("Plans cannot be saved: the data folder could not be opened"));
      return;
    }

  plan_id = voc_store_create_plan (store, voc_role_get_id (self->role), gtk_editable_get_text (self->title_entry),
                                   NULL, (VocGoalSpec *) chosen->data, chosen->len, &error);
  if (plan_id == 0)
    toast (self, error->message);
  else
    gtk_widget_activate_action (self->source, "win.toast-action", "(sssv)", _("Plan created"), _("_Open"),
                                "win.show-plan", g_variant_new_int64 (plan_id));
}

static void
voc_plan_from_gaps_dialog_response (AdwMessageDialog *dialog,
                                    const char       *response)
{
  if (g_strcmp0 (response, "create") == 0)
    create_plan (VOC_PLAN_FROM_GAPS_DIALOG (dialog));
}

static void
voc_plan_from_gaps_dialog_dispose (GObject *object)
{
  VocPlanFromGapsDialog *self = VOC_PLAN_FROM_GAPS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VOC_TYPE_PLAN_FROM_GAPS_DIALOG);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->goals, g_array_unref);
  g_clear_object (&self->source);
  g_clear_object (&self->role);
  g_clear_object (&self->profile);
  G_OBJECT_CLASS (voc_plan_from_gaps_dialog_parent_class)->dispose (object);
}

static void
voc_plan_from_gaps_dialog_class_init (VocPlanFromGapsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = voc_plan_from_gaps_dialog_dispose;
  ADW_MESSAGE_DIALOG_CLASS (klass)->response = voc_plan_from_gaps_dialog_response;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vocationapp/Vocation/ui/voc-plan-from-gaps-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VocPlanFromGapsDialog, box);
  gtk_widget_class_bind_template_child (widget_class, VocPlanFromGapsDialog, title_entry);
}

static void
voc_plan_from_gaps_dialog_init (VocPlanFromGapsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->checks = g_ptr_array_new ();
  self->goals = g_array_new (FALSE, FALSE, sizeof (VocGoalSpec));
}

void
voc_plan_from_gaps_dialog_present (GtkWidget  *source,
                                   VocRole    *role,
                                   VocProfile *profile)
{
  VocPlanFromGapsDialog *self;
  g_autoptr (VocMatch) match = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (GTK_IS_WIDGET (source));
  g_return_if_fail (VOC_IS_ROLE (role));
  g_return_if_fail (VOC_IS_PROFILE (profile));

  self = g_object_new (VOC_TYPE_PLAN_FROM_GAPS_DIALOG,
                       "transient-for", gtk_widget_get_root (source),
                       "modal", TRUE,
                       NULL);
  self->source = g_object_ref (source);
  self->role = g_object_ref (role);
  self->profile = g_object_ref (profile);

  /* Translators: the default title of a new plan, e.g. "Become a Data Engineer" */
  title = g_strdup_printf (_("Become a %s"), voc_role_get_name (role));
  gtk_editable_set_text (self->title_entry, title);

  match = voc_match_compute (role, profile, VOC_MATCH_SCOPE_ALL);
  for (guint i = 0; i < match->gaps->len; i++)
    {
      const VocMatchItem *item = g_ptr_array_index (match->gaps, i);
      VocGoalSpec spec = { voc_skill_get_id (item->requirement->skill), item->you, item->need, NULL };
      g_autofree char *from = voc_level_format (CLAMP (item->you, VOC_LEVEL_MIN, VOC_LEVEL_MAX));
      g_autofree char *to = voc_level_format (CLAMP (item->need, VOC_LEVEL_MIN, VOC_LEVEL_MAX));
      g_autofree char *label = g_strdup_printf (_("%s: %s → %s"),
                                                g_dgettext (GETTEXT_PACKAGE, item->requirement->label), from, to);
      GtkWidget *check = gtk_check_button_new_with_label (label);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_box_append (self->box, check);
      g_ptr_array_add (self->checks, check);
      g_array_append_val (self->goals, spec);
    }
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create", match->gaps->len > 0);
  voc_a11y_name_buttons (GTK_WIDGET (self));
  gtk_window_present (GTK_WINDOW (self));
}
