/* voc-gap-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "voc-gap-row.h"

struct _VocGapRow
{
  AdwPreferencesRow parent_instance;

  GtkLabel *title;
  GtkLabel *subtitle;
  GtkLabel *badge;
};

G_DEFINE_FINAL_TYPE (VocGapRow, voc_gap_row, ADW_TYPE_PREFERENCES_ROW)

static void
voc_gap_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), VOC_TYPE_GAP_ROW);
  G_OBJECT_CLASS (voc_gap_row_parent_class)->dispose (object);
}

static void
voc_gap_row_class_init (VocGapRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = voc_gap_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vocationapp/Vocation/ui/voc-gap-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VocGapRow, title);
  gtk_widget_class_bind_template_child (widget_class, VocGapRow, subtitle);
  gtk_widget_class_bind_template_child (widget_class, VocGapRow, badge);
}

static void
voc_gap_row_init (VocGapRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
voc_gap_row_new (void)
{
  return g_object_new (VOC_TYPE_GAP_ROW, NULL);
}

void
voc_gap_row_set (VocGapRow  *self,
                 const char *title,
                 const char *subtitle,
                 const char *badge)
{
  g_autofree char *accessible = NULL;

  g_return_if_fail (VOC_IS_GAP_ROW (self));

  gtk_label_set_label (self->title, title);
  gtk_label_set_label (self->subtitle, subtitle ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle), subtitle != NULL);
  gtk_label_set_label (self->badge, badge ? badge : "");
  gtk_widget_set_visible (GTK_WIDGET (self->badge), badge != NULL);

  accessible = g_strjoin (", ", title, subtitle ? subtitle : "", badge ? badge : "", NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}
