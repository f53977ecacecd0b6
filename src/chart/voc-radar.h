/* voc-radar.h: the radar chart, as pure layout and drawing over Cairo and Pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two steps, so that widgets, exports and tests share one code path:
 *   voc_radar_layout_compute()  geometry only: centre, radius, axis angles,
 *                               vertices, label boxes, legend boxes
 *   voc_radar_draw()            paints a computed layout on any cairo_t
 * No GTK here: the widget in src/ui/ reads theme colours into a
 * VocRadarStyle and calls these from its snapshot.
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

#include "voc-level-meter.h" /* VocColor */

G_BEGIN_DECLS

#define VOC_RADAR_MIN_AXES   3
#define VOC_RADAR_MAX_AXES   25
#define VOC_RADAR_MAX_SERIES 4
#define VOC_RADAR_MAX_LEVEL  5

typedef enum
{
  VOC_RADAR_LINE_SOLID,
  VOC_RADAR_LINE_DASHED,
  VOC_RADAR_LINE_DOTTED,
  VOC_RADAR_LINE_DASH_DOT,
} VocRadarLineStyle;

typedef enum
{
  VOC_RADAR_FORMAT_PNG,
  VOC_RADAR_FORMAT_SVG,
  VOC_RADAR_FORMAT_PDF,
} VocRadarFormat;

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} VocRect;

/* What to draw. Build with the functions below; owns copies of everything. */
typedef struct _VocRadarData VocRadarData;

VocRadarData *voc_radar_data_new                (void);
void          voc_radar_data_free               (VocRadarData       *data);
/* @label is the full axis name (a skill name); @excluded marks a skill the
 * user set "not relevant": its label is drawn dimmed. */
void          voc_radar_data_add_axis           (VocRadarData       *data,
                                                 const char         *label,
                                                 gboolean            excluded);
guint         voc_radar_data_get_n_axes         (const VocRadarData *data);
const char   *voc_radar_data_get_axis_label     (const VocRadarData *data,
                                                 guint               axis);
gboolean      voc_radar_data_get_axis_excluded  (const VocRadarData *data,
                                                 guint               axis);
/* Adds a series with one value 0-5 per axis (n_axes values; add the axes
 * first). Returns its index. Series are drawn in order, the first at the
 * bottom; the legend lists them in the same order. */
guint         voc_radar_data_add_series         (VocRadarData       *data,
                                                 const char         *name,
                                                 const double       *values,
                                                 const VocColor     *color,
                                                 VocRadarLineStyle   line_style,
                                                 gboolean            filled);
guint         voc_radar_data_get_n_series       (const VocRadarData *data);
const char   *voc_radar_data_get_series_name    (const VocRadarData *data,
                                                 guint               series);
double        voc_radar_data_get_value          (const VocRadarData *data,
                                                 guint               series,
                                                 guint               axis);
gboolean      voc_radar_data_get_series_visible (const VocRadarData *data,
                                                 guint               series);
void          voc_radar_data_set_series_visible (VocRadarData       *data,
                                                 guint               series,
                                                 gboolean            visible);

/* A title, and a line under it (either may be NULL), drawn above the
 * chart: for exports, which leave the page that names the chart behind.
 * The window's radar has none. */
void          voc_radar_data_set_title          (VocRadarData       *data,
                                                 const char         *title,
                                                 const char         *subtitle);
const char   *voc_radar_data_get_title          (const VocRadarData *data);
const char   *voc_radar_data_get_subtitle       (const VocRadarData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VocRadarData, voc_radar_data_free)

/* How to draw it. Plain values: the widget fills it from the theme. */
typedef struct
{
  VocColor    foreground;       /* labels, legend text */
  VocColor    grid;             /* rings and spokes */
  VocColor    background;       /* alpha 0: leave the canvas as it is */
  const char *font;             /* Pango font description, e.g. "Cantarell 11" */
  gboolean    show_legend;
  gboolean    show_ring_labels; /* the ring labels, where the chart is big enough */
  /* What each ring (level 0 to 5) is called, as the caller names levels
   * ("None" … "Expert", translated); all NULL for no ring labels.  The
   * strings must outlive the style's use. */
  const char *ring_labels[VOC_RADAR_MAX_LEVEL + 1];
  gboolean    show_vertices;    /* a dot on each vertex (off for thumbnails) */
  int         focus_axis;       /* -1, or the axis drawn as focused */
} VocRadarStyle;

/* Fills @style with readable defaults (light theme colours, legend on, no
 * ring labels until the caller names them, no focus), for exports and
 * tests. */
void          voc_radar_style_init_default      (VocRadarStyle      *style);

/* Geometry of one chart at one size; read-only for callers. */
typedef struct
{
  double    width;
  double    height;
  double    cx;
  double    cy;
  double    radius;           /* of level 5 */
  guint     n_axes;
  guint     n_series;
  double   *angles;           /* n_axes, radians; axis 0 points up, clockwise */
  double   *vertex_x;         /* n_series * n_axes, [series * n_axes + axis] */
  double   *vertex_y;
  VocRect  *label_boxes;      /* n_axes: the ink box of each label as drawn */
  char    **label_texts;      /* n_axes: wrapped (max two lines) or ellipsized text */
  gboolean *label_truncated;  /* n_axes: TRUE when text was ellipsized */
  VocRect   legend_box;       /* all zero when there is no legend */
  VocRect   title_box;        /* the title and its line; all zero without */
  VocRect  *legend_entries;   /* n_series: one box per entry, for hit tests */
} VocRadarLayout;

/* A title (see voc_radar_data_set_title()) takes a band across the top,
 * its lines centred and at most two lines each; on a canvas too small
 * for it to be read, it is left out.
 * Labels never overlap each other or the rings and never leave the canvas:
 * they wrap to two lines, then ellipsize, and the radius shrinks to make
 * room rather than cutting text. Works for 3-25 axes and 120-4000 px.
 * @context: the Pango context to measure with (a widget's, or NULL for
 * the default PangoCairo font map at 96 dpi). */
VocRadarLayout *voc_radar_layout_compute        (const VocRadarData  *data,
                                                 const VocRadarStyle *style,
                                                 PangoContext        *context,
                                                 double               width,
                                                 double               height);
void            voc_radar_layout_free           (VocRadarLayout      *layout);
/* The axis whose vertex (of any visible series) or label is nearest to
 * (@x, @y) within @tolerance px, or -1. */
int             voc_radar_layout_hit_axis       (const VocRadarLayout *layout,
                                                 const VocRadarData   *data,
                                                 double                x,
                                                 double                y,
                                                 double                tolerance);
/* The legend entry at (@x, @y), or -1. */
int             voc_radar_layout_hit_legend     (const VocRadarLayout *layout,
                                                 double                x,
                                                 double                y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VocRadarLayout, voc_radar_layout_free)

/* Paints @layout (computed for @data and @style) at the origin of @cr. */
void            voc_radar_draw                  (cairo_t              *cr,
                                                 const VocRadarData   *data,
                                                 const VocRadarLayout *layout,
                                                 const VocRadarStyle  *style);

/* Draws a @size x @size chart in @format and hands its bytes to @write;
 * writing it to a file is the caller's (atomically: ui/voc-chart-file.h).
 * Errors are G_IO_ERROR, a size out of range or what cairo reported. */
gboolean        voc_radar_export_to_stream      (const VocRadarData   *data,
                                                 const VocRadarStyle  *style,
                                                 VocRadarFormat        format,
                                                 int                   size,
                                                 cairo_write_func_t    write,
                                                 void                 *closure,
                                                 GError              **error);
/* The format for a file name's extension (.png, .svg, .pdf, any case);
 * FALSE when the extension is none of these. */
gboolean        voc_radar_format_from_path      (const char           *path,
                                                 VocRadarFormat       *format);

G_END_DECLS
