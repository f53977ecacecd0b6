/* voc-radar-layout-private.h: what the radar's layout files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   voc-radar-layout.c  the layout as a whole: fonts, legend, title,
 *                       rings, where everything goes; hit tests
 *   voc-radar-labels.c  the axis labels: predicting, choosing and shaping
 *                       how they wrap, shrink and ellipsize
 *   voc-radar-fit.c     placing label boxes around a rim of a given
 *                       radius, and the largest radius at which they fit
 */
#pragma once

#include "voc-radar-private.h"

G_BEGIN_DECLS

/* voc-radar-fit.c */

/* The label problem for one fit, relative to the chart centre. */
typedef struct
{
  guint    n;
  double  *sin_a;
  double  *cos_a;
  double  *width;   /* 0 for an empty label */
  double  *height;
  VocRect *boxes;
  double  *pushed;  /* how far each label was pushed away from the rim */
  double   max_push;
  double   gap;     /* between the rim and a label */
  double   pad_x;   /* between two labels side by side: more than a space */
  double   pad_y;   /* between two labels one above the other */
  double   rim;     /* drawn beyond the radius: vertex dots, strokes */
  double   avail_width;
  double   avail_height;
  VocRect  bounds;  /* of the labels and the rim, after voc_radar_fit_at () */
} Fit;

/* Rectangles */
gboolean  voc_radar_rect_contains     (const VocRect *rect,
                                       double         x,
                                       double         y);
void      voc_radar_rect_union        (VocRect       *dest,
                                       const VocRect *src);
double    voc_radar_rect_distance     (const VocRect *rect,
                                       double         cx,
                                       double         cy);

/* Places the labels around a rim of @radius; FALSE when they overlap or
 * leave the available area. */
gboolean  voc_radar_fit_at            (Fit           *fit,
                                       double         radius);
/* A radius no fit can exceed. */
double    voc_radar_radius_bound      (const Fit     *fit);
/* The largest radius in [@lo, @hi] at which the labels fit, or -1. */
double    voc_radar_fit_radius        (Fit           *fit,
                                       double         lo,
                                       double         hi);
/* Gaps between labels and the rim for labels of @em px. */
void      voc_radar_fit_set_spacing   (Fit           *fit,
                                       double         em);
/* The area the chart and its labels may take, above the legend. */
void      voc_radar_fit_set_available (Fit           *fit,
                                       double         width,
                                       double         height,
                                       double         margin,
                                       double         legend_height,
                                       double         legend_gap);

/* voc-radar-labels.c */

/* A way to set the labels: a font scale, a line width, a number of lines. */
typedef struct
{
  guint  scale;     /* index into voc_radar_fit_scales */
  double max_ems;   /* line width, in ems of the scaled font */
  int    max_lines;
} VocRadarLabelFit;

#define VOC_RADAR_N_FIT_SCALES 6
#define VOC_RADAR_N_LABEL_FITS 16

/* Font scales, and label fits from the most readable down. */
extern const double           voc_radar_fit_scales[VOC_RADAR_N_FIT_SCALES];
extern const VocRadarLabelFit voc_radar_label_fits[VOC_RADAR_N_LABEL_FITS];

/* One axis label: its layout, and what predicting its size needs. */
typedef struct
{
  PangoLayout *layout;      /* NULL for an empty label */
  double       widen;       /* of the line width, for labels with room to the sides */
  int          n_chars;
  double      *x;           /* n_chars + 1: where each character starts, in one line */
  guint8      *flags;       /* n_chars + 1 */
  double       line_height;
} LabelCache;

/* Text */
double                voc_radar_round_px      (double                      px);
PangoFontDescription *voc_radar_scaled_font   (const PangoFontDescription *base,
                                               double                      px);
double                voc_radar_font_px       (const PangoFontDescription *font,
                                               PangoContext               *context);
VocRect               voc_radar_logical_box   (PangoLayout                *layout);
void                  voc_radar_shape_text    (PangoLayout                *layout,
                                               const PangoFontDescription *font,
                                               double                      max_width,
                                               int                         max_lines,
                                               VocRect                    *logical);
char                 *voc_radar_shown_text    (PangoLayout                *layout);

/* Labels: set up @label for axis @i; predict every label's size in fit
 * @f (returns how much text is cut); pick the fit that reads best (-1:
 * none leaves room for a chart); shape the labels in the fit chosen. */
void                  voc_radar_label_create  (LabelCache                 *label,
                                               const Fit                  *fit,
                                               guint                       i,
                                               const char                 *text,
                                               PangoContext               *context,
                                               const PangoFontDescription *font,
                                               const double               *font_sizes);
double                voc_radar_labels_measure (const LabelCache          *cache,
                                                guint                      f,
                                                const double              *font_sizes,
                                                double                     ellipsis,
                                                Fit                       *fit);
int                   voc_radar_labels_choose (Fit                        *fit,
                                               const LabelCache           *cache,
                                               const double               *font_sizes,
                                               double                      ellipsis,
                                               double                      side,
                                               double                      r_hi,
                                               double                     *radius);
void                  voc_radar_labels_shape  (RadarLayout                *self,
                                               const LabelCache           *cache,
                                               Fit                        *fit,
                                               guint                       f,
                                               const PangoFontDescription *font,
                                               const double               *font_sizes,
                                               double                      ellipsis);

G_END_DECLS
