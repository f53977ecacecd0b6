/* voc-palette.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "voc-palette.h"

static const struct
{
  const char *name[2];
  const char *hex[2];
  guint32     rgb[2];
} palette[VOC_PALETTE_N_COLORS] = {
  [VOC_PALETTE_YOU] = { { "accent_color", "accent_color" }, { "#1c71d8", "#78aeed" }, { 0x1c71d8, 0x78aeed } },
  [VOC_PALETTE_ROLE] = { { "orange_4", "orange_2" }, { "#e66100", "#ffa348" }, { 0xe66100, 0xffa348 } },
  [VOC_PALETTE_COMPARE] = { { "purple_4", "purple_1" }, { "#813d9c", "#dc8add" }, { 0x813d9c, 0xdc8add } },
  [VOC_PALETTE_EXTRA] = { { "green_4", "green_2" }, { "#2ec27e", "#57e389" }, { 0x2ec27e, 0x57e389 } },
};

const char *
voc_palette_get_hex (VocPaletteColor which,
                     gboolean        dark)
{
  g_return_val_if_fail (which < VOC_PALETTE_N_COLORS, NULL);
  return palette[which].hex[!!dark];
}

const char *
voc_palette_get_name (VocPaletteColor which,
                      gboolean        dark)
{
  g_return_val_if_fail (which < VOC_PALETTE_N_COLORS, NULL);
  return palette[which].name[!!dark];
}

void
voc_palette_get (VocPaletteColor  which,
                 gboolean         dark,
                 VocColor        *color)
{
  guint32 rgb;

  g_return_if_fail (which < VOC_PALETTE_N_COLORS);
  g_return_if_fail (color != NULL);

  rgb = palette[which].rgb[!!dark];
  color->red = ((rgb >> 16) & 0xff) / 255.0;
  color->green = ((rgb >> 8) & 0xff) / 255.0;
  color->blue = (rgb & 0xff) / 255.0;
  color->alpha = 1;
}
