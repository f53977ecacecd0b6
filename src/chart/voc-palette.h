/* voc-palette.h: the colours of the radar's series, in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libadwaita's palette: the role orange, you blue (the accent), a third
 * series purple, a fourth green; a lighter shade on dark backgrounds.
 */
#pragma once

#include "voc-level-meter.h" /* VocColor */

G_BEGIN_DECLS

typedef enum
{
  VOC_PALETTE_YOU,
  VOC_PALETTE_ROLE,
  VOC_PALETTE_COMPARE,
  VOC_PALETTE_EXTRA,
  VOC_PALETTE_N_COLORS
} VocPaletteColor;

/* "#e66100" */
const char *voc_palette_get_hex  (VocPaletteColor  which,
                                  gboolean         dark);
/* The theme's name for it ("orange_4", "accent_color"), to follow the
 * theme where there is one. */
const char *voc_palette_get_name (VocPaletteColor  which,
                                  gboolean         dark);
void        voc_palette_get      (VocPaletteColor  which,
                                  gboolean         dark,
                                  VocColor        *color);

G_END_DECLS
