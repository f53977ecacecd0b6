/* voc-radar-labels.c: how the axis labels wrap, shrink and ellipsize
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout tries a short list of label fits (font scale, line width,
 * lines), from the most readable down. Each label is shaped once; its
 * characters' advances and break points then predict its size in every
 * fit without asking Pango again. Lines break between words only.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "voc-radar-layout-private.h"

/* Label fits, most readable first. Widths are in ems of the scaled font;
 * the last ones only ellipsize harder. */
const double voc_radar_fit_scales[VOC_RADAR_N_FIT_SCALES] = { 1.0, 0.9, 0.8, 0.7, 0.6, 0.5 };

const VocRadarLabelFit voc_radar_label_fits[VOC_RADAR_N_LABEL_FITS] = {
  { 0, 12, 2 }, { 0, 9, 2 }, { 0, 7, 2 },
  { 1, 8, 2 }, { 1, 6, 2 },
  { 2, 7, 2 }, { 2, 5, 2 }, { 2, 9, 1 },
  { 3, 6, 2 }, { 3, 4, 2 }, { 3, 8, 1 },
  { 4, 5, 2 }, { 4, 7, 1 }, { 4, 4, 1 },
  { 5, 6, 1 }, { 5, 3, 1 },
};

enum
{
  CAN_BREAK = 1 << 0, /* a line may start at this character */
  IS_SPACE  = 1 << 1,
};

/* Font sizes in half pixels: each size costs Pango and fontconfig a
 * font set that they keep, so a chart being resized should not ask for
 * a new one at every step. */
double
voc_radar_round_px (double px)
{
  return round (px * 2) / 2;
}

PangoFontDescription *
voc_radar_scaled_font (const PangoFontDescription *base,
             double                      px)
{
  PangoFontDescription *font = pango_font_description_copy_static (base);

  pango_font_description_set_absolute_size (font, px * PANGO_SCALE);
  return font;
}

VocRect
voc_radar_logical_box (PangoLayout *layout)
{
  PangoRectangle rect;

  pango_layout_get_extents (layout, NULL, &rect);
  return (VocRect) { (double) rect.x / PANGO_SCALE, (double) rect.y / PANGO_SCALE,
                     (double) rect.width / PANGO_SCALE, (double) rect.height / PANGO_SCALE };
}

/* Shapes @layout into at most @max_lines lines of @max_width px,
 * ellipsizing the last, and returns its logical box in px. */
void
voc_radar_shape_text (PangoLayout                *layout,
             const PangoFontDescription *font,
             double                      max_width,
             int                         max_lines,
             VocRect                    *logical)
{
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, MAX (1, (int) floor (max_width * PANGO_SCALE)));
  pango_layout_set_height (layout, -max_lines);
  *logical = voc_radar_logical_box (layout);
}

double
voc_radar_font_px (const PangoFontDescription *font,
         PangoContext               *context)
{
  double size = (double) pango_font_description_get_size (font) / PANGO_SCALE;
  double dpi;

  if (pango_font_description_get_size_is_absolute (font))
    return size;

  dpi = pango_cairo_context_get_resolution (context);
  return size * (dpi > 0 ? dpi : 96) / 72;
}

/* The text as shown: the lines joined by newlines, an ellipsis where
 * Pango cut the text short. */
char *
voc_radar_shown_text (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  GString *shown = g_string_new (NULL);

  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      int start = line->start_index;
      int end = line->start_index + line->length;
      int cut = -1;
      int cut_end = -1;

      for (GSList *r = line->runs; r != NULL; r = r->next)
        {
          PangoGlyphItem *run = r->data;

          if (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS)
            {
              cut = run->item->offset;
              cut_end = run->item->offset + run->item->length;
            }
        }

      if (shown->len > 0)
        g_string_append_c (shown, '\n');
      if (cut >= 0)
        {
          int keep = cut;

          while (keep > start && g_ascii_isspace (text[keep - 1]))
            keep--;
          g_string_append_len (shown, text + start, keep - start);
          g_string_append (shown, "…");
          if (cut_end < end)
            g_string_append_len (shown, text + cut_end, end - cut_end);
        }
      else
        {
          /* Wrapping leaves the space that broke the line at its end. */
          while (end > start && g_ascii_isspace (text[end - 1]))
            end--;
          g_string_append_len (shown, text + start, end - start);
        }
    }

  return g_string_free (shown, FALSE);
}

/* Shapes @label's text once at the base size, and keeps how wide each
 * character is and where lines may break: enough to predict its size at
 * any line width and font scale without shaping again. */
static void
prepare_label (LabelCache *label)
{
  const char *text = pango_layout_get_text (label->layout);
  const PangoLogAttr *attrs;
  PangoRectangle logical;
  g_autofree int *char_at = NULL;
  g_autofree double *advance = NULL;
  int length = strlen (text);
  int n_attrs;

  pango_layout_get_extents (label->layout, NULL, &logical);
  label->line_height = (double) logical.height / PANGO_SCALE / pango_layout_get_line_count (label->layout);
  attrs = pango_layout_get_log_attrs_readonly (label->layout, &n_attrs);
  label->n_chars = MAX (n_attrs - 1, 0);
  label->x = g_new0 (double, label->n_chars + 1);
  label->flags = g_new0 (guint8, label->n_chars + 1);
  advance = g_new0 (double, label->n_chars + 1);

  /* Character index of each byte of the text. */
  char_at = g_new0 (int, length + 1);
  for (int i = 0, c = 0; i < length; c++)
    {
      int next = g_utf8_next_char (text + i) - text;

      for (; i < next && i < length; i++)
        char_at[i] = c;
    }
  char_at[length] = label->n_chars;

  /* Each glyph's advance goes to the first character of its cluster. */
  for (GSList *l = pango_layout_get_lines_readonly (label->layout); l != NULL; l = l->next)
    for (GSList *r = ((PangoLayoutLine *) l->data)->runs; r != NULL; r = r->next)
      {
        PangoGlyphItem *run = r->data;

        for (int g = 0; g < run->glyphs->num_glyphs; g++)
          {
            int byte = run->item->offset + run->glyphs->log_clusters[g];

            if (byte >= 0 && byte < length)
              advance[char_at[byte]] += (double) run->glyphs->glyphs[g].geometry.width / PANGO_SCALE;
          }
      }

  for (int i = 0; i < label->n_chars; i++)
    label->x[i + 1] = label->x[i] + advance[i];
  for (int i = 0; i <= label->n_chars; i++)
    label->flags[i] = (attrs[i].is_line_break ? CAN_BREAK : 0) | (attrs[i].is_white ? IS_SPACE : 0);
}

/* Predicts what Pango makes of @label in at most @max_lines lines of
 * @max_width px at @scale times the base size: the size, and how much
 * text gets cut, counted as voc_radar_labels_measure () does. Lines break only
 * between words: a word longer than a line gets a line of its own, cut
 * short with an ellipsis, never broken in two. @lines, if set, gets
 * where each line starts and ends (character offsets, spaces trimmed);
 * @split is set when a word is cut so, as Pango cannot do that alone. */
static double
estimate_label (const LabelCache *label,
                double            scale,
                double            max_width,
                int               max_lines,
                double            ellipsis,
                double           *width,
                double           *height,
                GArray           *lines,
                gboolean         *split)
{
  const double *x = label->x;
  int n = label->n_chars;
  double limit = max_width / scale;
  double widest = 0;
  double cut = 0;
  int pos = 0;
  int n_lines = 0;

  if (split != NULL)
    *split = FALSE;

  while (pos < n && n_lines < max_lines)
    {
      int end = n;
      int best = -1;
      int line_start, line_end;

      while (pos < n && (label->flags[pos] & IS_SPACE))
        pos++;
      /* Only spaces left (after a word cut short): no line for them. */
      if (pos == n)
        break;
      n_lines++;
      while (end > pos && (label->flags[end - 1] & IS_SPACE))
        end--;
      line_start = pos;

      if (x[end] - x[pos] <= limit)
        {
          widest = MAX (widest, x[end] - x[pos]);
          line_end = end;
          pos = n;
        }
      else if (n_lines == max_lines)
        {
          /* The last line ends with as much as fits before an ellipsis. */
          int keep = pos;

          while (keep < end && x[keep + 1] - x[pos] + ellipsis <= limit)
            keep++;
          cut += 3 + 6.0 * (n - keep) / n;
          while (keep > pos && (label->flags[keep - 1] & IS_SPACE))
            keep--;
          widest = MAX (widest, x[keep] - x[pos] + ellipsis);
          line_end = end;
          pos = n;
        }
      else
        {
          /* The last break at which the line still fits. */
          for (int k = pos + 1; k < end; k++)
            {
              int trim = k;

              if (!(label->flags[k] & CAN_BREAK))
                continue;
              while (trim > pos && (label->flags[trim - 1] & IS_SPACE))
                trim--;
              if (x[trim] - x[pos] > limit)
                break;
              best = k;
            }

          if (best < 0)
            {
              /* A word longer than the line: a line of its own, cut short,
               * which reads better than "Troubleshoot-" over "ing". */
              int next = pos + 1;
              int keep = pos;

              while (next < end && !(label->flags[next] & CAN_BREAK))
                next++;
              line_end = next;
              while (line_end > pos && (label->flags[line_end - 1] & IS_SPACE))
                line_end--;
              while (keep < line_end && x[keep + 1] - x[pos] + ellipsis <= limit)
                keep++;
              cut += 3 + 6.0 * (line_end - keep) / n;
              widest = MAX (widest, x[keep] - x[pos] + ellipsis);
              pos = next;
              if (split != NULL)
                *split = TRUE;
            }
          else
            {
              line_end = best;
              while (line_end > pos && (label->flags[line_end - 1] & IS_SPACE))
                line_end--;
              widest = MAX (widest, x[line_end] - x[pos]);
              pos = best;
            }
        }

      if (lines != NULL)
        {
          g_array_append_val (lines, line_start);
          g_array_append_val (lines, line_end);
        }
    }

  *width = MIN (widest, limit) * scale;
  *height = MAX (n_lines, 1) * label->line_height * scale;
  return cut;
}

static double
label_max_width (const Fit        *fit,
                 const LabelCache *label,
                 guint             f,
                 const double     *font_sizes)
{
  double ems = voc_radar_label_fits[f].max_ems * font_sizes[voc_radar_label_fits[f].scale];

  return MIN (ems * label->widen, fit->avail_width * (label->widen > 1 ? 0.9 : 0.45));
}

/* Predicts every label's size for label fit @f; returns how much text it
 * cuts: per label, 3 for being cut plus 6 times the share of text cut. */
double
voc_radar_labels_measure (const LabelCache *cache,
             guint             f,
             const double     *font_sizes,
             double            ellipsis,
             Fit              *fit)
{
  double scale = font_sizes[voc_radar_label_fits[f].scale] / font_sizes[0];
  double cut = 0;

  for (guint i = 0; i < fit->n; i++)
    {
      if (cache[i].layout == NULL)
        {
          fit->width[i] = fit->height[i] = 0;
          continue;
        }

      cut += estimate_label (&cache[i], scale, label_max_width (fit, &cache[i], f, font_sizes),
                             voc_radar_label_fits[f].max_lines, ellipsis, &fit->width[i], &fit->height[i], NULL, NULL);
    }

  return cut;
}

/* Sets up @label for axis @i's @text, shaped as the first label fit
 * would: that fit is often the one chosen, and then needs no shaping
 * again. */
void
voc_radar_label_create (LabelCache                 *label,
              const Fit                  *fit,
              guint                       i,
              const char                 *text,
              PangoContext               *context,
              const PangoFontDescription *font,
              const double               *font_sizes)
{
  PangoAlignment alignment;

  if (text[0] == '\0')
    return;

  /* A label at the top or bottom may spread as far as its neighbours
   * are apart. */
  label->widen = 1;
  if (fabs (fit->sin_a[i]) < 0.05)
    label->widen = fit->n <= 4 ? 2.5 : fit->n <= 8 ? 1.6 : fit->n <= 12 ? 1.3 : 1;

  /* Lines of a wrapped label line up on the side facing the chart. */
  if (fabs (fit->sin_a[i]) < 0.05)
    alignment = PANGO_ALIGN_CENTER;
  else
    alignment = fit->sin_a[i] > 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;

  label->layout = pango_layout_new (context);
  pango_layout_set_text (label->layout, text, -1);
  pango_layout_set_alignment (label->layout, alignment);
  /* Between words only; a word too long for a line is cut short with an
   * ellipsis instead (see voc_radar_labels_shape ()). */
  pango_layout_set_wrap (label->layout, PANGO_WRAP_WORD);
  pango_layout_set_font_description (label->layout, font);
  pango_layout_set_width (label->layout, (int) floor (label_max_width (fit, label, 0, font_sizes) * PANGO_SCALE));
  prepare_label (label);
}

/* Shapes the labels for real, in label fit @f with @font, and puts their
 * sizes in @fit. */
void
voc_radar_labels_shape (RadarLayout                *self,
              const LabelCache           *cache,
              Fit                        *fit,
              guint                       f,
              const PangoFontDescription *font,
              const double               *font_sizes,
              double                      ellipsis)
{
  double scale = font_sizes[voc_radar_label_fits[f].scale] / font_sizes[0];
  int max_lines = voc_radar_label_fits[f].max_lines;

  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < fit->n; i++)
    {
      PangoLayout *layout = cache[i].layout;
      double max_width = label_max_width (fit, &cache[i], f, font_sizes);
      double predicted_width, predicted_height, cut = 0;
      gboolean split = FALSE;
      VocRect logical;

      if (layout == NULL)
        continue;

      pango_layout_set_font_description (layout, font);
      pango_layout_set_width (layout, MAX (1, (int) floor (max_width * PANGO_SCALE)));
      g_array_set_size (lines, 0);
      if (cache[i].x[cache[i].n_chars] * scale > max_width)
        cut = estimate_label (&cache[i], scale, max_width, max_lines, ellipsis,
                              &predicted_width, &predicted_height, lines, &split);

      if (split)
        {
          /* Pango's word wrap lets a long word run past the line, and its
           * word-and-character wrap breaks it in two. Instead the lines
           * become paragraphs of one line each, so that the word's line
           * alone gets the ellipsis. */
          const char *text = pango_layout_get_text (layout);
          g_autoptr (GString) broken = g_string_new (NULL);

          for (guint l = 0; l < lines->len; l += 2)
            {
              const char *from = g_utf8_offset_to_pointer (text, g_array_index (lines, int, l));
              /* The last line takes the rest, for its ellipsis. */
              const char *to = l + 2 < lines->len ? g_utf8_offset_to_pointer (text, g_array_index (lines, int, l + 1))
                                                  : text + strlen (text);

              if (l > 0)
                g_string_append_c (broken, '\n');
              g_string_append_len (broken, from, to - from);
            }
          pango_layout_set_text (layout, broken->str, broken->len);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_height (layout, -1);
        }
      /* Any change of settings makes Pango shape again, so the ellipsis
       * is asked for only when it will show. */
      else if (cut >= 3 || pango_layout_get_line_count (layout) > max_lines)
        {
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_height (layout, -max_lines);
        }

      logical = voc_radar_logical_box (layout);
      fit->width[i] = logical.width;
      fit->height[i] = logical.height;
      self->label_dx[i] = -logical.x;
      self->label_dy[i] = -logical.y;
    }
}

/* Picks the label fit that reads best: a big chart, big text, and as
 * little text cut as possible. Returns its index, or -1 when no fit
 * leaves room for a chart. */
int
voc_radar_labels_choose (Fit                   *fit,
            const LabelCache      *cache,
            const double          *font_sizes,
            double                 ellipsis,
            double                 side,
            double                 r_hi,
            double                *radius)
{
  double r_good = MIN (side * 0.25, r_hi);
  double r_ok = MIN (side * 0.15, r_hi);
  double best_score = -INFINITY;
  int best = -1;
  guint n_labels = 0;

  for (guint i = 0; i < fit->n; i++)
    n_labels += cache[i].layout != NULL;

  for (guint f = 0; f < G_N_ELEMENTS (voc_radar_label_fits); f++)
    {
      double px = font_sizes[voc_radar_label_fits[f].scale];
      /* Text under 8 px is hard to read; below 15% the chart is. */
      double text_score = 1.5 * log (voc_radar_fit_scales[voc_radar_label_fits[f].scale]) - 0.3 * MAX (8 - px, 0);
      double cut, r, score;

      /* Not even the largest chart with nothing cut could beat the best. */
      if (log (r_hi / side) + text_score <= best_score)
        continue;

      voc_radar_fit_set_spacing (fit, px);
      cut = voc_radar_labels_measure (cache, f, font_sizes, ellipsis, fit);
      if (log (MIN (r_hi, voc_radar_radius_bound (fit)) / side) + text_score - cut / MAX (n_labels, 1) <= best_score)
        continue;
      r = voc_radar_fit_radius (fit, MIN (MAX (2, side * 0.03), r_hi), r_hi);
      if (r <= 0)
        continue;

      /* Labels pushed far from their spoke are hard to match with it,
       * and under a fifth of the canvas the chart starts to look lost. */
      score = log (r / side) + text_score - cut / MAX (n_labels, 1) - 0.2 * fit->max_push / px -
              3 * MAX (0.2 - r / side, 0) / 0.2 - (r < r_ok ? 5 : 0);
      if (score > best_score)
        {
          best_score = score;
          best = f;
          *radius = r;
        }

      /* The usual case: everything fits at a good size, stop measuring. */
      if (r >= r_good && cut == 0)
        break;
    }

  return best;
}
