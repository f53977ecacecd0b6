/* voc-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "voc-chart-file.h"
#include "voc-export.h"
#include "voc-match-series.h"
#include "voc-palette.h"

VocRadarData *
voc_export_build_radar (VocRole    *role,
                        VocProfile *profile,
                        VocRole    *compare,
                        gboolean    with_title)
{
  g_autoptr (VocMatch) match = voc_match_compute (role, profile, VOC_MATCH_SCOPE_ALL);
  g_autoptr (VocMatchSeries) series =
    voc_match_series_new (match, role, compare, NULL, compare ? voc_role_get_name (compare) : NULL);
  VocRadarData *data = voc_radar_data_new ();
  VocColor color;

  for (guint i = 0; i < series->n_axes; i++)
    voc_radar_data_add_axis (data, series->labels[i], series->excluded[i]);
  voc_palette_get (VOC_PALETTE_ROLE, FALSE, &color);
  voc_radar_data_add_series (data, series->role_name, series->need, &color, VOC_RADAR_LINE_SOLID, TRUE);
  voc_palette_get (VOC_PALETTE_YOU, FALSE, &color);
  voc_radar_data_add_series (data, _("You"), series->you, &color, VOC_RADAR_LINE_DASHED, TRUE);
  if (series->other != NULL)
    {
      voc_palette_get (VOC_PALETTE_COMPARE, FALSE, &color);
      voc_radar_data_add_series (data, series->other_name, series->other, &color, VOC_RADAR_LINE_DOTTED, FALSE);
    }

  if (with_title)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *line = voc_match_describe (match, VOC_MATCH_SCOPE_ALL, now);

      voc_radar_data_set_title (data, voc_role_get_name (role), line);
    }

  return data;
}

gboolean
voc_export_radar (VocRole     *role,
                  VocProfile  *profile,
                  VocRole     *compare,
                  const char  *path,
                  int          size,
                  gboolean     with_title,
                  GError     **error)
{
  g_autoptr (VocRadarData) data = NULL;
  VocRadarFormat format;
  VocRadarStyle style;

  g_return_val_if_fail (VOC_IS_ROLE (role), FALSE);
  g_return_val_if_fail (VOC_IS_PROFILE (profile), FALSE);

  if (!voc_radar_format_from_path (path, &format))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” does not end in .png, .svg or .pdf; name the format with the extension"), path);
      return FALSE;
    }

  data = voc_export_build_radar (role, profile, compare, with_title);
  voc_radar_style_init_default (&style);
  voc_chart_name_rings (&style);
  return voc_chart_file_save_radar (data, &style, format, size, path, error);
}
