/* voc-plan-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "voc-dates.h"
#include "voc-plan-row.h"

struct _VocPlanRow
{
  GtkBox parent_instance;

  GtkLabel    *title;
  GtkLabel    *subtitle;
  GtkLabel    *progress;
  GtkLevelBar *bar;

  VocCatalog  *catalog;
  VocPlan     *plan;
};

G_DEFINE_FINAL_TYPE (VocPlanRow, voc_plan_row, GTK_TYPE_BOX)

static void
update (VocPlanRow *self)
{
  VocRole *role = voc_catalog_lookup_role (self->catalog, voc_plan_get_role_id (self->plan));
  const char *title = voc_plan_get_title (self->plan);
  guint n_goals = voc_plan_get_n_goals (self->plan);
  guint n_done = voc_plan_get_n_done (self->plan);
  g_autofree char *due = voc_format_iso_day (voc_plan_get_next_due (self->plan));
  g_autofree char *progress = NULL;
  g_autofree char *tooltip = NULL;
  g_autoptr (GString) text = NULL;

  text = g_string_new (role ? voc_role_get_name (role) : _("A role no longer in the catalog"));
  if (due != NULL)
    /* Translators: "next due 15 January 2027" */
    g_string_append_printf (text, _(" · next due %s"), due);
  if (n_goals == 0)
    progress = g_strdup (_("No goals yet"));
  else
    progress = g_strdup_printf (ngettext ("%u of %u goal done", "%u of %u goals done", n_goals), n_done, n_goals);

  gtk_label_set_text (self->title, title);
  gtk_label_set_text (self->subtitle, text->str);
  gtk_label_set_text (self->progress, progress);
  gtk_level_bar_set_value (self->bar, n_goals > 0 ? (double) n_done / n_goals : 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bar), GTK_ACCESSIBLE_PROPERTY_LABEL, progress, -1);
  /* The whole of what an ellipsis may have cut. */
  tooltip = g_strdup_printf ("%s\n%s · %s", title, text->str, progress);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
}

static void
voc_plan_row_dispose (GObject *object)
{
  VocPlanRow *self = VOC_PLAN_ROW (object);

  voc_plan_row_set_plan (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VOC_TYPE_PLAN_ROW);
  g_clear_object (&self->catalog);
  G_OBJECT_CLASS (voc_plan_row_parent_class)->dispose (object);
}

static void
voc_plan_row_class_init (VocPlanRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = voc_plan_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vocationapp/Vocation/ui/voc-plan-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VocPlanRow, title);
  gtk_widget_class_bind_template_child (widget_class, VocPlanRow, subtitle);
  gtk_widget_class_bind_template_child (widget_class, VocPlanRow, progress);
  gtk_widget_class_bind_template_child (widget_class, VocPlanRow, bar);
}

static void
voc_plan_row_init (VocPlanRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Blue while under way, green when every goal is done; a plan just begun
   * is not a warning. */
  gtk_level_bar_remove_offset_value (self->bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_add_offset_value (self->bar, "under-way", 0.999);
}

GtkWidget *
voc_plan_row_new (VocCatalog *catalog)
{
  VocPlanRow *self = g_object_new (VOC_TYPE_PLAN_ROW, NULL);

  self->catalog = g_object_ref (catalog);
  return GTK_WIDGET (self);
}

void
voc_plan_row_set_plan (VocPlanRow *self,
                       VocPlan    *plan)
{
  g_return_if_fail (VOC_IS_PLAN_ROW (self));

  if (self->plan == plan)
    return;
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_set_object (&self->plan, plan);
  if (plan == NULL)
    return;
  g_signal_connect_swapped (plan, "notify", G_CALLBACK (update), self);
  update (self);
}

VocPlan *
voc_plan_row_get_plan (VocPlanRow *self)
{
  g_return_val_if_fail (VOC_IS_PLAN_ROW (self), NULL);
  return self->plan;
}
