/* voc-chart-file.h: a chart saved to a file, whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "voc-radar.h"

G_BEGIN_DECLS

/* Writes the chart to @path through a temporary file renamed over it when
 * whole: a kill or a full disk leaves the previous file of that name as it
 * was. @path may not be a symbolic link, a FIFO or a device. Errors are
 * G_IO_ERROR, with a message that names the file. */
gboolean voc_chart_file_save_radar (const VocRadarData   *data,
                                    const VocRadarStyle  *style,
                                    VocRadarFormat        format,
                                    int                   size,
                                    const char           *path,
                                    GError              **error);

/* Names @style's rings with the app's level names ("None" … "Expert"),
 * translated: the chart itself knows no level names. */
void     voc_chart_name_rings      (VocRadarStyle        *style);

G_END_DECLS
