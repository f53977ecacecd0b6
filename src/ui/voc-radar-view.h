/* voc-radar-view.h: the radar chart as a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "voc-radar.h"

G_BEGIN_DECLS

/* Which colour and line style a series gets from the theme. */
typedef enum
{
  VOC_RADAR_SLOT_ROLE,     /* orange, solid, filled */
  VOC_RADAR_SLOT_YOU,      /* accent blue, dashed, filled */
  VOC_RADAR_SLOT_COMPARE,  /* purple, dotted: a second role or a past date */
} VocRadarSlot;

#define VOC_TYPE_RADAR_VIEW (voc_radar_view_get_type ())
G_DECLARE_FINAL_TYPE (VocRadarView, voc_radar_view, VOC, RADAR_VIEW, GtkWidget)

GtkWidget  *voc_radar_view_new            (void);
/* Small and bare: no labels, legend or ring names (role cards). */
void        voc_radar_view_set_compact    (VocRadarView *self,
                                           gboolean      compact);

/* Replace the data: clear, add axes and series, then commit. */
void        voc_radar_view_clear          (VocRadarView *self);
/* @caption is what hovering or focusing the axis reads, e.g.
 * "SQL: you Beginner (2), Data Engineer needs Expert (5)". */
void        voc_radar_view_add_axis       (VocRadarView *self,
                                           const char   *label,
                                           gboolean      excluded,
                                           const char   *caption);
void        voc_radar_view_add_series     (VocRadarView *self,
                                           VocRadarSlot  slot,
                                           const char   *name,
                                           const double *values);
/* The accessible description: the whole comparison as text. */
void        voc_radar_view_commit         (VocRadarView *self,
                                           const char   *description);

guint       voc_radar_view_get_n_axes     (VocRadarView *self);
/* The caption of the hovered or focused axis, or NULL. */
const char *voc_radar_view_get_caption    (VocRadarView *self);
const char *voc_radar_view_get_description (VocRadarView *self);
gboolean    voc_radar_view_get_series_visible (VocRadarView *self,
                                           guint         series);
void        voc_radar_view_set_series_visible (VocRadarView *self,
                                           guint         series,
                                           gboolean      visible);
/* The data and style as drawn, for "Export Chart…". */
VocRadarData *voc_radar_view_dup_data     (VocRadarView *self);
void        voc_radar_view_get_style      (VocRadarView *self,
                                           VocRadarStyle *style);

G_END_DECLS
