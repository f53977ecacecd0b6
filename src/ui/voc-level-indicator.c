/* voc-level-indicator.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The widget only measures, reads theme colours when the style changes and
 * hands a cairo_t to the pure drawing code in src/chart/.
 */
#include "config.h"

#include "voc-level-indicator.h"
#include "voc-level-meter.h"
#include "voc-theme.h"

#define SEGMENT_WIDTH  12
#define METER_HEIGHT   6

struct _VocLevelIndicator
{
  GtkWidget parent_instance;

  VocLevel  level;
  VocColor  fill;
  VocColor  track;
};

G_DEFINE_FINAL_TYPE (VocLevelIndicator, voc_level_indicator, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LEVEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
voc_level_indicator_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  VocLevelIndicator *self = VOC_LEVEL_INDICATOR (widget);

  GTK_WIDGET_CLASS (voc_level_indicator_parent_class)->css_changed (widget, change);

  voc_theme_lookup_color (widget, "accent_bg_color", "#3584e4", &self->fill);
  voc_theme_get_foreground (widget, 0.15, &self->track);
  gtk_widget_queue_draw (widget);
}

static void
voc_level_indicator_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = VOC_LEVEL_MAX * SEGMENT_WIDTH + (VOC_LEVEL_MAX - 1) * (int) VOC_LEVEL_METER_GAP;
  else
    *minimum = *natural = METER_HEIGHT;
}

static void
voc_level_indicator_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  VocLevelIndicator *self = VOC_LEVEL_INDICATOR (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  voc_level_meter_draw (cr, width, height, self->level, VOC_LEVEL_MAX, &self->fill, &self->track);
  cairo_destroy (cr);
}

static void
update_accessible (VocLevelIndicator *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, (double) VOC_LEVEL_MIN,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) VOC_LEVEL_MAX,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) self->level,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, voc_level_get_name (self->level),
                                  -1);
}

static void
voc_level_indicator_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  VocLevelIndicator *self = VOC_LEVEL_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_LEVEL:
      g_value_set_int (value, self->level);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
voc_level_indicator_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  VocLevelIndicator *self = VOC_LEVEL_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_LEVEL:
      voc_level_indicator_set_level (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
voc_level_indicator_class_init (VocLevelIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = voc_level_indicator_get_property;
  object_class->set_property = voc_level_indicator_set_property;
  widget_class->css_changed = voc_level_indicator_css_changed;
  widget_class->measure = voc_level_indicator_measure;
  widget_class->snapshot = voc_level_indicator_snapshot;

  properties[PROP_LEVEL] =
    g_param_spec_int ("level", NULL, NULL, VOC_LEVEL_MIN, VOC_LEVEL_MAX, VOC_LEVEL_NONE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "levelindicator");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_METER);
}

static void
voc_level_indicator_init (VocLevelIndicator *self)
{
  update_accessible (self);
}

GtkWidget *
voc_level_indicator_new (VocLevel level)
{
  return g_object_new (VOC_TYPE_LEVEL_INDICATOR, "level", level, NULL);
}

VocLevel
voc_level_indicator_get_level (VocLevelIndicator *self)
{
  g_return_val_if_fail (VOC_IS_LEVEL_INDICATOR (self), VOC_LEVEL_NONE);

  return self->level;
}

void
voc_level_indicator_set_level (VocLevelIndicator *self,
                               VocLevel           level)
{
  g_return_if_fail (VOC_IS_LEVEL_INDICATOR (self));
  g_return_if_fail (voc_level_is_valid (level));

  if (self->level == level)
    return;

  self->level = level;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
}
