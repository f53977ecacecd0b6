/* voc-export.h: the radar of a role as a file, without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "voc-catalog.h"
#include "voc-profile.h"
#include "voc-radar.h"

G_BEGIN_DECLS

/* Builds the chart the role page shows (the role, you and optionally a
 * second role) in the light style, for exports and the command line;
 * @with_title puts the role's name, the match and today's date above it. */
VocRadarData *voc_export_build_radar (VocRole     *role,
                                      VocProfile  *profile,
                                      VocRole     *compare,
                                      gboolean     with_title);
gboolean      voc_export_radar       (VocRole     *role,
                                      VocProfile  *profile,
                                      VocRole     *compare,
                                      const char  *path,
                                      int          size,
                                      gboolean     with_title,
                                      GError     **error);

G_END_DECLS
