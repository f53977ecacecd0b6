/* voc-tag-box.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkFlowBox lines its children up in columns, which spreads short tags
 * far apart; tags read better packed from the start of each line.
 */
#include "config.h"

#include "voc-tag-box.h"
#include "voc-text.h"

#define SPACING 6

struct _VocTagBox
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (VocTagBox, voc_tag_box, GTK_TYPE_WIDGET)

/* Lays the children out in @width; stores positions when @allocate. */
static int
layout (VocTagBox *self,
        int        width,
        gboolean   allocate)
{
  int x = 0, y = 0, line_height = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min_w, nat_w, h;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
      nat_w = MIN (nat_w, MAX (width, min_w));
      if (x > 0 && x + nat_w > width)
        {
          x = 0;
          y += line_height + SPACING;
          line_height = 0;
        }
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, nat_w, NULL, &h, NULL, NULL);

      if (allocate)
        {
          GtkAllocation alloc = { x, y, nat_w, h };
          gtk_widget_size_allocate (child, &alloc, -1);
        }

      x += nat_w + SPACING;
      line_height = MAX (line_height, h);
    }

  return y + line_height;
}

static GtkSizeRequestMode
voc_tag_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
voc_tag_box_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  VocTagBox *self = VOC_TAG_BOX (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int min = 0, nat = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          min = MAX (min, child_min);
          nat += child_nat + (nat > 0 ? SPACING : 0);
        }
      *minimum = min;
      *natural = nat;
    }
  else
    {
      int height;

      if (for_size < 0)
        {
          int min_width, nat_width;
          voc_tag_box_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &nat_width, NULL, NULL);
          for_size = nat_width;
        }
      height = layout (self, for_size, FALSE);
      *minimum = *natural = height;
    }
}

static void
voc_tag_box_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  layout (VOC_TAG_BOX (widget), width, TRUE);
}

static void
voc_tag_box_dispose (GObject *object)
{
  voc_tag_box_clear (VOC_TAG_BOX (object));

  G_OBJECT_CLASS (voc_tag_box_parent_class)->dispose (object);
}

static void
voc_tag_box_class_init (VocTagBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = voc_tag_box_dispose;
  widget_class->get_request_mode = voc_tag_box_get_request_mode;
  widget_class->measure = voc_tag_box_measure;
  widget_class->size_allocate = voc_tag_box_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "tagbox");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
voc_tag_box_init (VocTagBox *self)
{
}

GtkWidget *
voc_tag_box_new (void)
{
  return g_object_new (VOC_TYPE_TAG_BOX, NULL);
}

GtkWidget *
voc_tag_box_add_tag (VocTagBox  *self,
                     const char *text)
{
  GtkWidget *tag;

  g_return_val_if_fail (VOC_IS_TAG_BOX (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  /* Whole words, on a second line if need be: never cut, whatever the
   * text size. */
  tag = voc_text_new (text);
  gtk_widget_add_css_class (tag, "skill-tag");
  gtk_widget_set_parent (tag, GTK_WIDGET (self));

  return tag;
}

void
voc_tag_box_clear (VocTagBox *self)
{
  GtkWidget *child;

  g_return_if_fail (VOC_IS_TAG_BOX (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
}
