/* voc-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "voc-chart-file.h"
#include "voc-export.h"
#include "voc-match.h"

/* libadwaita's light palette, as the window uses it on a light background. */
static const VocColor role_color = { 0xe6 / 255.0, 0x61 / 255.0, 0x00 / 255.0, 1 };  /* orange 4 */
static const VocColor you_color = { 0x1c / 255.0, 0x71 / 255.0, 0xd8 / 255.0, 1 };   /* blue 4 */
static const VocColor other_color = { 0x81 / 255.0, 0x3d / 255.0, 0x9c / 255.0, 1 }; /* purple 4 */

VocRadarData *
voc_export_build_radar (VocRole    *role,
                        VocProfile *profile,
                        VocRole    *compare,
                        gboolean    with_title)
{
  g_autoptr (VocMatch) match = voc_match_compute (role, profile, VOC_MATCH_SCOPE_ALL);
  g_autofree double *need = g_new0 (double, MAX (match->items->len, 1));
  g_autofree double *you = g_new0 (double, MAX (match->items->len, 1));
  g_autofree double *other = g_new0 (double, MAX (match->items->len, 1));
  VocRadarData *data = voc_radar_data_new ();

  for (guint i = 0; i < match->items->len; i++)
    {
      const VocMatchItem *item = g_ptr_array_index (match->items, i);

      voc_radar_data_add_axis (data, g_dgettext (GETTEXT_PACKAGE, item->requirement->label), item->excluded);
      need[i] = item->need;
      you[i] = item->excluded ? 0 : item->you;
      if (compare != NULL)
        other[i] = voc_role_get_level_for (compare, item->requirement);
    }

  voc_radar_data_add_series (data, voc_role_get_name (role), need, &role_color, VOC_RADAR_LINE_SOLID, TRUE);
  voc_radar_data_add_series (data, _("You"), you, &you_color, VOC_RADAR_LINE_DASHED, TRUE);
  if (compare != NULL)
    voc_radar_data_add_series (data, voc_role_get_name (compare), other, &other_color, VOC_RADAR_LINE_DOTTED, FALSE);

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
  return voc_chart_file_save_radar (data, &style, format, size, path, error);
}
