/* voc-radar-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The widget measures, reads theme colours when the style changes, handles
 * pointer and keyboard, and hands a cairo_t to src/chart/voc-radar.c.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "voc-chart-file.h"
#include "voc-palette.h"
#include "voc-radar-view.h"
#include "voc-theme.h"

typedef struct
{
  char     *label;
  char     *caption;
  gboolean  excluded;
} Axis;

typedef struct
{
  VocRadarSlot  slot;
  char         *name;
  double       *values;
  gboolean      visible;
} Series;

struct _VocRadarView
{
  GtkWidget parent_instance;

  GArray         *axes;        /* Axis */
  GArray         *series;      /* Series */
  char           *description;
  gboolean        compact;

  VocRadarData   *data;        /* built from axes and series on commit */
  VocRadarLayout *layout;      /* for the current size; NULL when stale */
  VocRadarStyle   style;
  char           *font;
  VocColor        slot_colors[3];

  int             hover_axis;
  int             focus_axis;
};

G_DEFINE_FINAL_TYPE (VocRadarView, voc_radar_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CAPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const VocRadarLineStyle slot_lines[] = {
  [VOC_RADAR_SLOT_ROLE] = VOC_RADAR_LINE_SOLID,
  [VOC_RADAR_SLOT_YOU] = VOC_RADAR_LINE_DASHED,
  [VOC_RADAR_SLOT_COMPARE] = VOC_RADAR_LINE_DOTTED,
};

static const VocPaletteColor slot_palette[] = {
  [VOC_RADAR_SLOT_ROLE] = VOC_PALETTE_ROLE,
  [VOC_RADAR_SLOT_YOU] = VOC_PALETTE_YOU,
  [VOC_RADAR_SLOT_COMPARE] = VOC_PALETTE_COMPARE,
};

static void
clear_axis (gpointer data)
{
  Axis *axis = data;

  g_free (axis->label);
  g_free (axis->caption);
}

static void
clear_series (gpointer data)
{
  Series *series = data;

  g_free (series->name);
  g_free (series->values);
}

static VocRadarData *
build_data (VocRadarView *self)
{
  VocRadarData *data = voc_radar_data_new ();

  for (guint i = 0; i < self->axes->len; i++)
    {
      Axis *axis = &g_array_index (self->axes, Axis, i);
      voc_radar_data_add_axis (data, self->compact ? "" : axis->label, axis->excluded);
    }
  for (guint i = 0; i < self->series->len; i++)
    {
      Series *series = &g_array_index (self->series, Series, i);
      guint index = voc_radar_data_add_series (data, series->name, series->values,
                                               &self->slot_colors[series->slot],
                                               slot_lines[series->slot],
                                               series->slot != VOC_RADAR_SLOT_COMPARE);

      voc_radar_data_set_series_visible (data, index, series->visible);
    }

  return data;
}

static void
invalidate (VocRadarView *self)
{
  g_clear_pointer (&self->layout, voc_radar_layout_free);
  g_clear_pointer (&self->data, voc_radar_data_free);
  self->data = build_data (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static int
active_axis (VocRadarView *self)
{
  if (self->focus_axis >= 0 && gtk_widget_has_focus (GTK_WIDGET (self)))
    return self->focus_axis;
  return self->hover_axis;
}

static void
set_axes (VocRadarView *self,
          int           hover,
          int           focus)
{
  const char *before = voc_radar_view_get_caption (self);

  if (hover == self->hover_axis && focus == self->focus_axis)
    return;

  self->hover_axis = hover;
  self->focus_axis = focus;
  g_clear_pointer (&self->layout, voc_radar_layout_free); /* the focused spoke is drawn differently */
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (g_strcmp0 (before, voc_radar_view_get_caption (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTION]);
}

static VocRadarLayout *
ensure_layout (VocRadarView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->layout && (self->layout->width != width || self->layout->height != height))
    g_clear_pointer (&self->layout, voc_radar_layout_free);

  if (self->layout == NULL && self->data != NULL)
    {
      self->style.focus_axis = gtk_widget_has_focus (GTK_WIDGET (self)) ? self->focus_axis : -1;
      self->layout = voc_radar_layout_compute (self->data, &self->style,
                                               gtk_widget_get_pango_context (GTK_WIDGET (self)),
                                               width, height);
    }

  return self->layout;
}

static void
voc_radar_view_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  VocRadarView *self = VOC_RADAR_VIEW (widget);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);
  gboolean high_contrast = adw_style_manager_get_high_contrast (manager);
  PangoFontDescription *font;

  GTK_WIDGET_CLASS (voc_radar_view_parent_class)->css_changed (widget, change);

  voc_theme_get_foreground (widget, 1.0, &self->style.foreground);
  voc_theme_get_foreground (widget, high_contrast ? 0.5 : 0.2, &self->style.grid);
  self->style.background = (VocColor) { 0, 0, 0, 0 };

  /* The libadwaita palette, a lighter shade on dark backgrounds. */
  for (guint i = 0; i < G_N_ELEMENTS (slot_palette); i++)
    voc_theme_lookup_color (widget, voc_palette_get_name (slot_palette[i], dark),
                            voc_palette_get_hex (slot_palette[i], dark), &self->slot_colors[i]);

  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  g_free (self->font);
  self->font = font ? pango_font_description_to_string (font) : NULL;
  self->style.font = self->font;

  invalidate (self);
}

static GtkSizeRequestMode
voc_radar_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
voc_radar_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  VocRadarView *self = VOC_RADAR_VIEW (widget);

  if (self->compact)
    {
      *minimum = *natural = 72;
      return;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 560;
    }
  else
    {
      /* As tall as it is wide, within reason. */
      int side = for_size < 0 ? 480 : CLAMP (for_size, 240, 560);
      *minimum = *natural = side;
    }
}

static void
voc_radar_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  VocRadarView *self = VOC_RADAR_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  VocRadarLayout *layout;
  cairo_t *cr;

  if (self->axes->len == 0 || !(layout = ensure_layout (self)))
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  voc_radar_draw (cr, self->data, layout, &self->style);
  cairo_destroy (cr);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           VocRadarView             *self)
{
  VocRadarLayout *layout = ensure_layout (self);

  if (layout != NULL && !self->compact)
    set_axes (self, voc_radar_layout_hit_axis (layout, self->data, x, y, 14), self->focus_axis);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          VocRadarView             *self)
{
  set_axes (self, -1, self->focus_axis);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            VocRadarView    *self)
{
  VocRadarLayout *layout = ensure_layout (self);
  int entry, axis;

  if (layout == NULL || self->compact)
    return;

  if ((entry = voc_radar_layout_hit_legend (layout, x, y)) >= 0)
    {
      voc_radar_view_set_series_visible (self, entry, !voc_radar_view_get_series_visible (self, entry));
      return;
    }
  if ((axis = voc_radar_layout_hit_axis (layout, self->data, x, y, 14)) >= 0)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self));
      set_axes (self, self->hover_axis, axis);
    }
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                VocRadarView          *self)
{
  int n = (int) self->axes->len;
  int axis = self->focus_axis;

  if (n == 0 || self->compact || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Right:
    case GDK_KEY_KP_Down:
      axis = axis < 0 ? 0 : (axis + 1) % n;
      break;
    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Up:
      axis = axis < 0 ? n - 1 : (axis + n - 1) % n;
      break;
    case GDK_KEY_Home:
      axis = 0;
      break;
    case GDK_KEY_End:
      axis = n - 1;
      break;
    case GDK_KEY_1:
    case GDK_KEY_2:
    case GDK_KEY_3:
    case GDK_KEY_4:
      {
        guint series = keyval - GDK_KEY_1;

        if (series < self->series->len)
          voc_radar_view_set_series_visible (self, series, !voc_radar_view_get_series_visible (self, series));
        return TRUE;
      }
    default:
      return FALSE;
    }

  set_axes (self, self->hover_axis, axis);
  return TRUE;
}

static void
focus_changed_cb (VocRadarView *self)
{
  gboolean focused = gtk_widget_has_focus (GTK_WIDGET (self));

  /* Tabbing in starts at the first axis, so the caption reads at once. */
  set_axes (self, self->hover_axis, focused && self->focus_axis < 0 ? 0 : self->focus_axis);
  g_clear_pointer (&self->layout, voc_radar_layout_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTION]);
}

static gboolean
query_tooltip_cb (GtkWidget    *widget,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip,
                  VocRadarView *self)
{
  VocRadarLayout *layout = ensure_layout (self);
  int axis;

  if (keyboard)
    axis = self->focus_axis;
  else
    axis = layout ? voc_radar_layout_hit_axis (layout, self->data, x, y, 14) : -1;

  if (axis < 0 || (guint) axis >= self->axes->len)
    return FALSE;

  gtk_tooltip_set_text (tooltip, g_array_index (self->axes, Axis, axis).caption);
  return TRUE;
}

static void
voc_radar_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VocRadarView *self = VOC_RADAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_CAPTION:
      g_value_set_string (value, voc_radar_view_get_caption (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
voc_radar_view_finalize (GObject *object)
{
  VocRadarView *self = VOC_RADAR_VIEW (object);

  g_clear_pointer (&self->layout, voc_radar_layout_free);
  g_clear_pointer (&self->data, voc_radar_data_free);
  g_clear_pointer (&self->axes, g_array_unref);
  g_clear_pointer (&self->series, g_array_unref);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->font, g_free);

  G_OBJECT_CLASS (voc_radar_view_parent_class)->finalize (object);
}

static void
voc_radar_view_class_init (VocRadarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = voc_radar_view_finalize;
  object_class->get_property = voc_radar_view_get_property;
  widget_class->css_changed = voc_radar_view_css_changed;
  widget_class->get_request_mode = voc_radar_view_get_request_mode;
  widget_class->measure = voc_radar_view_measure;
  widget_class->snapshot = voc_radar_view_snapshot;

  properties[PROP_CAPTION] =
    g_param_spec_string ("caption", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "radar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
voc_radar_view_init (VocRadarView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->axes = g_array_new (FALSE, TRUE, sizeof (Axis));
  g_array_set_clear_func (self->axes, clear_axis);
  self->series = g_array_new (FALSE, TRUE, sizeof (Series));
  g_array_set_clear_func (self->series, clear_series);
  self->hover_axis = -1;
  self->focus_axis = -1;

  voc_radar_style_init_default (&self->style);
  voc_chart_name_rings (&self->style);
  self->style.background = (VocColor) { 0, 0, 0, 0 };

  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Radar Chart"), -1);
}

GtkWidget *
voc_radar_view_new (void)
{
  return g_object_new (VOC_TYPE_RADAR_VIEW, NULL);
}

void
voc_radar_view_set_compact (VocRadarView *self,
                            gboolean      compact)
{
  g_return_if_fail (VOC_IS_RADAR_VIEW (self));

  self->compact = compact;
  self->style.show_legend = !compact;
  self->style.show_ring_labels = !compact;
  self->style.show_vertices = !compact;
  gtk_widget_set_focusable (GTK_WIDGET (self), !compact);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), !compact);
  invalidate (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
voc_radar_view_clear (VocRadarView *self)
{
  g_return_if_fail (VOC_IS_RADAR_VIEW (self));

  g_array_set_size (self->axes, 0);
  g_array_set_size (self->series, 0);
}

void
voc_radar_view_add_axis (VocRadarView *self,
                         const char   *label,
                         gboolean      excluded,
                         const char   *caption)
{
  Axis axis;

  g_return_if_fail (VOC_IS_RADAR_VIEW (self));
  g_return_if_fail (self->series->len == 0);

  axis.label = g_strdup (label);
  axis.caption = g_strdup (caption ? caption : label);
  axis.excluded = excluded;
  g_array_append_val (self->axes, axis);
}

void
voc_radar_view_add_series (VocRadarView *self,
                           VocRadarSlot  slot,
                           const char   *name,
                           const double *values)
{
  Series series;

  g_return_if_fail (VOC_IS_RADAR_VIEW (self));
  g_return_if_fail (slot <= VOC_RADAR_SLOT_COMPARE);

  series.slot = slot;
  series.name = g_strdup (name);
  series.values = g_memdup2 (values, sizeof (double) * MAX (self->axes->len, 1));
  series.visible = TRUE;
  g_array_append_val (self->series, series);
}

void
voc_radar_view_commit (VocRadarView *self,
                       const char   *description)
{
  g_return_if_fail (VOC_IS_RADAR_VIEW (self));

  g_free (self->description);
  self->description = g_strdup (description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description ? description : "", -1);

  if (self->focus_axis >= (int) self->axes->len)
    self->focus_axis = -1;
  if (self->hover_axis >= (int) self->axes->len)
    self->hover_axis = -1;

  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTION]);
}

guint
voc_radar_view_get_n_axes (VocRadarView *self)
{
  g_return_val_if_fail (VOC_IS_RADAR_VIEW (self), 0);

  return self->axes->len;
}

const char *
voc_radar_view_get_caption (VocRadarView *self)
{
  int axis;

  g_return_val_if_fail (VOC_IS_RADAR_VIEW (self), NULL);

  axis = active_axis (self);
  if (axis < 0 || (guint) axis >= self->axes->len)
    return NULL;
  return g_array_index (self->axes, Axis, axis).caption;
}

const char *
voc_radar_view_get_description (VocRadarView *self)
{
  g_return_val_if_fail (VOC_IS_RADAR_VIEW (self), NULL);

  return self->description;
}

gboolean
voc_radar_view_get_series_visible (VocRadarView *self,
                                   guint         series)
{
  g_return_val_if_fail (VOC_IS_RADAR_VIEW (self), FALSE);
  g_return_val_if_fail (series < self->series->len, FALSE);

  return g_array_index (self->series, Series, series).visible;
}

void
voc_radar_view_set_series_visible (VocRadarView *self,
                                   guint         series,
                                   gboolean      visible)
{
  g_return_if_fail (VOC_IS_RADAR_VIEW (self));
  g_return_if_fail (series < self->series->len);

  g_array_index (self->series, Series, series).visible = visible;
  invalidate (self);
}

VocRadarData *
voc_radar_view_dup_data (VocRadarView *self)
{
  g_return_val_if_fail (VOC_IS_RADAR_VIEW (self), NULL);

  return build_data (self);
}

void
voc_radar_view_get_style (VocRadarView  *self,
                          VocRadarStyle *style)
{
  g_return_if_fail (VOC_IS_RADAR_VIEW (self));
  g_return_if_fail (style != NULL);

  *style = self->style;
  style->focus_axis = -1;
}
