/* voc-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plain, start-aligned text that wraps at words when it is given less
 * than its natural width: what the role cards need of GtkLabel, and no
 * more. GtkLabel in GTK 4.8 lays its text out anew for every size it is
 * asked about (a copy of the layout each time, shaped again); the twelve
 * cards of the Roles view asked for about four hundred layouts before the
 * first frame. This keeps the one-line layout and its sizes, so a text
 * that fits is laid out once and a text that wraps twice, for as long as
 * its text and font stay the same.
 *
 * Its CSS name is "label", so the type classes (title-4, caption-heading,
 * dim-label, accent) apply as they do to labels, and it reads as a label
 * to screen readers.
 */
#include "config.h"

#include "voc-text.h"

struct _VocText
{
  GtkWidget parent_instance;

  char        *text;
  PangoLayout *layout;

  /* In pixels, for the font of context_serial; valid while natural_width > 0. */
  guint        context_serial;
  int          natural_width;   /* on one line */
  int          natural_height;
  int          minimum_width;   /* the longest word */
  int          wrapped_width;   /* the last width it was wrapped at, and its height */
  int          wrapped_height;
};

G_DEFINE_FINAL_TYPE (VocText, voc_text, GTK_TYPE_WIDGET)

/* The texts made before the first one is drawn, for warm_glyphs(). */
static GList *unwarmed;
static gboolean glyphs_warmed;

enum {
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
layout_set_width (PangoLayout *layout,
                  int          width)
{
  int pango_width = width < 0 ? -1 : width * PANGO_SCALE;

  if (pango_layout_get_width (layout) != pango_width)
    pango_layout_set_width (layout, pango_width);
}

static void
layout_size (PangoLayout *layout,
             int         *width,
             int         *height)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  if (width != NULL)
    *width = PANGO_PIXELS_CEIL (w);
  if (height != NULL)
    *height = PANGO_PIXELS_CEIL (h);
}

static gboolean
is_space (gunichar c)
{
  /* No-break spaces hold words together. */
  return g_unichar_isspace (c) && c != 0x00A0 && c != 0x2007 && c != 0x202F;
}

/* The widest word of the one-line @layout, read off its glyph positions
 * instead of laying the text out again at width 0. Words are what stands
 * between spaces: Pango may also break after "/" or "-", so this is never
 * less than what wrapping needs. */
static int
longest_word_width (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  int widest = 0;

  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      const char *p = text + line->start_index;
      const char *end = p + line->length;

      while (p < end)
        {
          const char *word;
          int *ranges = NULL;
          int n_ranges = 0;
          int left = G_MAXINT, right = G_MININT;

          while (p < end && is_space (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          word = p;
          while (p < end && !is_space (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          if (p == word)
            break;

          /* A word of mixed directions can come in pieces. */
          pango_layout_line_get_x_ranges (line, word - text, p - text, &ranges, &n_ranges);
          for (int i = 0; i < n_ranges; i++)
            {
              left = MIN (left, ranges[2 * i]);
              right = MAX (right, ranges[2 * i + 1]);
            }
          if (n_ranges > 0)
            widest = MAX (widest, right - left);
          g_free (ranges);
        }
    }

  return PANGO_PIXELS_CEIL (widest);
}

static void
update_alignment (VocText *self)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;

  pango_layout_set_alignment (self->layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
}

/* The layout, with its sizes measured for the widget's current font. */
static PangoLayout *
ensure_layout (VocText *self)
{
  PangoContext *context;

  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
      pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD);
      update_alignment (self);
      self->natural_width = 0;
    }

  /* GTK sets the font from CSS on the widget's context; a new font, text
   * scale or font options change the serial. */
  context = pango_layout_get_context (self->layout);
  if (self->natural_width > 0 && self->context_serial == pango_context_get_serial (context))
    return self->layout;

  self->context_serial = pango_context_get_serial (context);
  layout_set_width (self->layout, -1);
  layout_size (self->layout, &self->natural_width, &self->natural_height);
  self->minimum_width = longest_word_width (self->layout);
  /* An empty text still has a line's height; keep "measured" above 0. */
  self->natural_width = MAX (self->natural_width, 1);
  self->minimum_width = MIN (MAX (self->minimum_width, 1), self->natural_width);
  self->wrapped_width = -1;

  return self->layout;
}

static int
height_for_width (VocText *self,
                  int      width)
{
  PangoLayout *layout = ensure_layout (self);

  if (width < 0 || width >= self->natural_width)
    return self->natural_height;

  if (width != self->wrapped_width)
    {
      layout_set_width (layout, MAX (width, self->minimum_width));
      layout_size (layout, NULL, &self->wrapped_height);
      self->wrapped_width = width;
    }
  return self->wrapped_height;
}

static GtkSizeRequestMode
voc_text_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
voc_text_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  VocText *self = VOC_TEXT (widget);

  ensure_layout (self);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Its widths do not depend on the height it is given. */
      *minimum = self->minimum_width;
      *natural = self->natural_width;
    }
  else
    {
      /* Given no width, the height at the natural width. */
      *minimum = *natural = height_for_width (self, for_size);
    }
}

typedef struct
{
  PangoFont  *font;
  PangoGlyph  glyph;
} FontGlyph;

static int
compare_font_glyphs (gconstpointer a,
                     gconstpointer b)
{
  const FontGlyph *x = a, *y = b;

  if (x->font != y->font)
    return x->font < y->font ? -1 : 1;
  return x->glyph < y->glyph ? -1 : x->glyph > y->glyph;
}

static void
collect_glyphs (PangoLayout *layout,
                GArray      *found)
{
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    for (GSList *r = ((PangoLayoutLine *) l->data)->runs; r != NULL; r = r->next)
      {
        PangoGlyphItem *run = r->data;

        for (int i = 0; i < run->glyphs->num_glyphs; i++)
          {
            FontGlyph fg = { run->item->analysis.font, run->glyphs->glyphs[i].glyph };

            if (fg.font != NULL && PANGO_IS_CAIRO_FONT (fg.font) &&
                fg.glyph != PANGO_GLYPH_EMPTY && !(fg.glyph & PANGO_GLYPH_UNKNOWN_FLAG))
              g_array_append_val (found, fg);
          }
      }
}

/* Draws every glyph of the texts made so far, one font after the other,
 * before the first frame draws them card by card. Cairo shares one
 * FreeType face between the sizes of a font file, and a hinted TrueType
 * face runs its size program again whenever the size changes: drawn card
 * by card (family, name, match, tagline, tags), the Roles view switched
 * sizes about a hundred times for its first frame, 32 M instructions (by
 * callgrind, with DejaVu Sans), more than all its glyphs together. Drawn
 * here, each size is set once and the frame finds every glyph cached. */
static void
warm_glyphs (void)
{
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (FontGlyph));
  g_autofree cairo_glyph_t *glyphs = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint start = 0;

  glyphs_warmed = TRUE;
  for (GList *l = unwarmed; l != NULL; l = l->next)
    if (VOC_TEXT (l->data)->layout != NULL)
      collect_glyphs (VOC_TEXT (l->data)->layout, found);
  g_clear_pointer (&unwarmed, g_list_free);
  if (found->len == 0)
    return;

  g_array_sort (found, compare_font_glyphs);
  glyphs = g_new (cairo_glyph_t, found->len);
  /* Large enough to hold a glyph, so cairo renders each one. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 64, 64);
  cr = cairo_create (surface);
  while (start < found->len)
    {
      PangoFont *font = g_array_index (found, FontGlyph, start).font;
      cairo_scaled_font_t *scaled = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font));
      int n = 0;

      for (; start < found->len && g_array_index (found, FontGlyph, start).font == font; start++)
        if (n == 0 || glyphs[n - 1].index != g_array_index (found, FontGlyph, start).glyph)
          glyphs[n++] = (cairo_glyph_t) { g_array_index (found, FontGlyph, start).glyph, 16, 48 };
      /* A font cairo cannot use is skipped here and reported where drawn. */
      if (scaled == NULL || cairo_scaled_font_status (scaled) != CAIRO_STATUS_SUCCESS)
        continue;
      cairo_set_scaled_font (cr, scaled);
      cairo_show_glyphs (cr, glyphs, n);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
voc_text_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  VocText *self = VOC_TEXT (widget);
  PangoLayout *layout = ensure_layout (self);
  int width = gtk_widget_get_width (widget);
  int x = 0;
  GdkRGBA color;

  if (!glyphs_warmed)
    warm_glyphs ();

  if (width >= self->natural_width)
    {
      /* On one line, placed at the start, as the sizes were measured. */
      layout_set_width (layout, -1);
      if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
        x = width - self->natural_width;
    }
  else
    {
      layout_set_width (layout, MAX (width, self->minimum_width));
    }

  /* gtk_widget_get_color() is GTK 4.10, newer than the floor. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, 0));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
voc_text_direction_changed (GtkWidget        *widget,
                            GtkTextDirection  previous_direction)
{
  VocText *self = VOC_TEXT (widget);

  if (self->layout != NULL)
    update_alignment (self);
  GTK_WIDGET_CLASS (voc_text_parent_class)->direction_changed (widget, previous_direction);
  gtk_widget_queue_draw (widget);
}

static void
voc_text_finalize (GObject *object)
{
  VocText *self = VOC_TEXT (object);

  unwarmed = g_list_remove (unwarmed, self);
  g_clear_object (&self->layout);
  g_free (self->text);

  G_OBJECT_CLASS (voc_text_parent_class)->finalize (object);
}

static void
voc_text_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  VocText *self = VOC_TEXT (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, voc_text_get_text (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
voc_text_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  VocText *self = VOC_TEXT (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      voc_text_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
voc_text_class_init (VocTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = voc_text_finalize;
  object_class->get_property = voc_text_get_property;
  object_class->set_property = voc_text_set_property;
  widget_class->get_request_mode = voc_text_get_request_mode;
  widget_class->measure = voc_text_measure;
  widget_class->snapshot = voc_text_snapshot;
  widget_class->direction_changed = voc_text_direction_changed;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
voc_text_init (VocText *self)
{
  self->text = g_strdup ("");
  if (!glyphs_warmed)
    unwarmed = g_list_prepend (unwarmed, self);
}

GtkWidget *
voc_text_new (const char *text)
{
  return g_object_new (VOC_TYPE_TEXT, "text", text, NULL);
}

const char *
voc_text_get_text (VocText *self)
{
  g_return_val_if_fail (VOC_IS_TEXT (self), NULL);

  return self->text;
}

void
voc_text_set_text (VocText    *self,
                   const char *text)
{
  g_return_if_fail (VOC_IS_TEXT (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    {
      pango_layout_set_text (self->layout, text, -1);
      self->natural_width = 0;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}
