/* voc-radar.c: the chart's data, default style and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "voc-palette.h"
#include "voc-radar-private.h"

/* Used when a series is added without a colour: the palette, in order. */
static const VocPaletteColor fallback_colors[VOC_RADAR_MAX_SERIES] = {
  VOC_PALETTE_YOU, VOC_PALETTE_ROLE, VOC_PALETTE_COMPARE, VOC_PALETTE_EXTRA,
};

static void
clear_axis (gpointer item)
{
  Axis *axis = item;

  g_free (axis->label);
}

static void
clear_series (gpointer item)
{
  Series *series = item;

  g_free (series->name);
  g_free (series->values);
}

VocRadarData *
voc_radar_data_new (void)
{
  VocRadarData *data = g_new0 (VocRadarData, 1);

  data->axes = g_array_new (FALSE, TRUE, sizeof (Axis));
  g_array_set_clear_func (data->axes, clear_axis);
  data->series = g_array_new (FALSE, TRUE, sizeof (Series));
  g_array_set_clear_func (data->series, clear_series);

  return data;
}

void
voc_radar_data_free (VocRadarData *data)
{
  if (data == NULL)
    return;

  g_array_unref (data->axes);
  g_array_unref (data->series);
  g_free (data->title);
  g_free (data->subtitle);
  g_free (data);
}

void
voc_radar_data_add_axis (VocRadarData *data,
                         const char   *label,
                         gboolean      excluded)
{
  Axis axis;

  g_return_if_fail (data != NULL);

  axis.label = g_strdup (label ? label : "");
  axis.excluded = !!excluded;
  g_array_append_val (data->axes, axis);
}

guint
voc_radar_data_get_n_axes (const VocRadarData *data)
{
  g_return_val_if_fail (data != NULL, 0);

  return data->axes->len;
}

const char *
voc_radar_data_get_axis_label (const VocRadarData *data,
                               guint               axis)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (axis < data->axes->len, NULL);

  return g_array_index (data->axes, Axis, axis).label;
}

gboolean
voc_radar_data_get_axis_excluded (const VocRadarData *data,
                                  guint               axis)
{
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (axis < data->axes->len, FALSE);

  return g_array_index (data->axes, Axis, axis).excluded;
}

guint
voc_radar_data_add_series (VocRadarData      *data,
                           const char        *name,
                           const double      *values,
                           const VocColor    *color,
                           VocRadarLineStyle  line_style,
                           gboolean           filled)
{
  Series series;

  g_return_val_if_fail (data != NULL, 0);

  series.name = g_strdup (name ? name : "");
  series.n_values = data->axes->len;
  series.values = g_new0 (double, MAX (series.n_values, 1));
  if (values != NULL)
    memcpy (series.values, values, series.n_values * sizeof (double));
  if (color != NULL)
    series.color = *color;
  else
    voc_palette_get (fallback_colors[data->series->len % VOC_RADAR_MAX_SERIES], FALSE, &series.color);
  series.line_style = line_style;
  series.filled = !!filled;
  series.visible = TRUE;
  g_array_append_val (data->series, series);

  return data->series->len - 1;
}

guint
voc_radar_data_get_n_series (const VocRadarData *data)
{
  g_return_val_if_fail (data != NULL, 0);

  return data->series->len;
}

const char *
voc_radar_data_get_series_name (const VocRadarData *data,
                                guint               series)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (series < data->series->len, NULL);

  return g_array_index (data->series, Series, series).name;
}

double
voc_radar_data_get_value (const VocRadarData *data,
                          guint               series,
                          guint               axis)
{
  const Series *s;

  g_return_val_if_fail (data != NULL, 0);
  g_return_val_if_fail (series < data->series->len, 0);

  s = &g_array_index (data->series, Series, series);
  /* Axes added after the series have no value yet. */
  return axis < s->n_values ? s->values[axis] : 0;
}

gboolean
voc_radar_data_get_series_visible (const VocRadarData *data,
                                   guint               series)
{
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (series < data->series->len, FALSE);

  return g_array_index (data->series, Series, series).visible;
}

void
voc_radar_data_set_series_visible (VocRadarData *data,
                                   guint         series,
                                   gboolean      visible)
{
  g_return_if_fail (data != NULL);
  g_return_if_fail (series < data->series->len);

  g_array_index (data->series, Series, series).visible = !!visible;
}

void
voc_radar_data_set_title (VocRadarData *data,
                          const char   *title,
                          const char   *subtitle)
{
  char *new_title, *new_subtitle;

  g_return_if_fail (data != NULL);

  /* Copies first: either may be the string being replaced. */
  new_title = title && *title ? g_strdup (title) : NULL;
  new_subtitle = subtitle && *subtitle ? g_strdup (subtitle) : NULL;
  g_free (data->title);
  g_free (data->subtitle);
  data->title = new_title;
  data->subtitle = new_subtitle;
}

const char *
voc_radar_data_get_title (const VocRadarData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  return data->title;
}

const char *
voc_radar_data_get_subtitle (const VocRadarData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  return data->subtitle;
}

void
voc_radar_style_init_default (VocRadarStyle *style)
{
  g_return_if_fail (style != NULL);

  /* Adwaita's light window colours. */
  style->foreground = (VocColor) { 0.14, 0.14, 0.16, 1 };
  style->grid = (VocColor) { 0.14, 0.14, 0.16, 0.18 };
  style->background = (VocColor) { 1, 1, 1, 1 };
  style->font = DEFAULT_FONT;
  style->show_legend = TRUE;
  style->show_ring_labels = TRUE;
  style->show_vertices = TRUE;
  style->focus_axis = -1;
  for (int level = 0; level <= VOC_RADAR_MAX_LEVEL; level++)
    style->ring_labels[level] = NULL;
}

/* Export */

gboolean
voc_radar_export_to_stream (const VocRadarData  *data,
                            const VocRadarStyle *style,
                            VocRadarFormat       format,
                            int                  size,
                            cairo_write_func_t   write,
                            void                *closure,
                            GError             **error)
{
  g_autoptr (VocRadarLayout) layout = NULL;
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (write != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (size <= 0 || size > 16384)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("a chart of %d px is not possible"), size);
      return FALSE;
    }

  switch (format)
    {
    case VOC_RADAR_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (write, closure, size, size);
      break;
    case VOC_RADAR_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (write, closure, size, size);
      break;
    case VOC_RADAR_FORMAT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
      break;
    }

  layout = voc_radar_layout_compute (data, style, NULL, size, size);
  cr = cairo_create (surface);
  voc_radar_draw (cr, data, layout, style);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format != VOC_RADAR_FORMAT_SVG && format != VOC_RADAR_FORMAT_PDF)
    status = cairo_surface_write_to_png_stream (surface, write, closure);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
voc_radar_format_from_path (const char     *path,
                            VocRadarFormat *format)
{
  static const struct
  {
    const char     *extension;
    VocRadarFormat  format;
  } formats[] = {
    { "png", VOC_RADAR_FORMAT_PNG },
    { "svg", VOC_RADAR_FORMAT_SVG },
    { "pdf", VOC_RADAR_FORMAT_PDF },
  };
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);

  dot = strrchr (path, '.');
  if (dot == NULL || strchr (dot, '/') != NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (dot + 1, formats[i].extension) == 0)
      {
        if (format != NULL)
          *format = formats[i].format;
        return TRUE;
      }

  return FALSE;
}
