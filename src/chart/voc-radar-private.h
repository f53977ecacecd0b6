/* voc-radar-private.h: what the radar's data, layout, drawing and export
 * files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "voc-radar.h"

G_BEGIN_DECLS

#define DEFAULT_FONT      "Cantarell 11"
#define FILL_ALPHA        0.22
#define DIM_ALPHA         0.5
#define HIDDEN_ALPHA      0.4
#define GRID_LINE_WIDTH   1.0
#define SERIES_LINE_WIDTH 2.0
#define DOT_RADIUS        3.0
/* Below this radius a chart is a thumbnail (the cards' radars are 26 px). */
#define THUMBNAIL_RADIUS  60.0
#define LEGEND_SAMPLE     24.0



typedef struct
{
  char     *label;
  gboolean  excluded;
} Axis;

typedef struct
{
  char              *name;
  double            *values;
  guint              n_values;
  VocColor           color;
  VocRadarLineStyle  line_style;
  gboolean           filled;
  gboolean           visible;
} Series;

struct _VocRadarData
{
  GArray *axes;   /* Axis */
  GArray *series; /* Series */
  char   *title;
  char   *subtitle;
};

/* The public layout plus what drawing needs and callers do not. */
typedef struct
{
  VocRadarLayout  pub;

  /* Owned; NULL entries where there is nothing to draw */
  PangoLayout   **labels;       /* n_axes */
  double         *label_dx;     /* n_axes: box origin to layout origin */
  double         *label_dy;
  PangoLayout    *rings;        /* one line per level */
  gboolean        ring_shown[VOC_RADAR_MAX_LEVEL + 1];
  VocRect         ring_boxes[VOC_RADAR_MAX_LEVEL + 1];
  double          ring_baselines[VOC_RADAR_MAX_LEVEL + 1]; /* below the box top */
  PangoLayout   **legend_texts; /* n_series */
  VocRect        *legend_text_boxes;
  double          legend_text_dx;
  double          legend_text_dy;
  PangoLayout    *title_texts[2]; /* the title and the line under it */
  double          title_x[2];     /* layout origins */
  double          title_y[2];
} RadarLayout;

G_END_DECLS
