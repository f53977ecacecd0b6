/* voc-text-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What My Skills needs of AdwActionRow, built so that GTK 4.8 measures it
 * cheaply. A horizontal GtkBox measured for its height searches for the
 * widths of its children by asking them, again and again, for their width
 * at a given height; AdwActionRow's title box, a vertical GtkBox, answers
 * each question with a search of its own over the widths of its labels,
 * and GtkLabel lays its text out anew for each. For the rows of My Skills
 * (a wrapped description and the roles that need the skill) that came to
 * some 900 layouts and 1 G instructions before the first frame, half of
 * the view's start. Here the texts sit in one widget whose width does not
 * depend on the height it is given, so every search ends at its first
 * question, and they are VocTexts, which keep their layouts.
 *
 * The nodes are AdwActionRow's (row > box.header > box.title > label.title,
 * label.subtitle; box.suffixes), so libadwaita's style applies as it is.
 */
#include "config.h"

#include "voc-text.h"
#include "voc-text-row.h"

/* libadwaita 1.2 gives row > box.header > box.title border-spacing: 3px;
 * GtkBoxLayout reads it from CSS, which custom layouts cannot. */
#define TEXT_SPACING 3

/* The title box: its children stacked, each as wide as the box. */
#define VOC_TYPE_ROW_TEXTS (voc_row_texts_get_type ())
G_DECLARE_FINAL_TYPE (VocRowTexts, voc_row_texts, VOC, ROW_TEXTS, GtkWidget)

struct _VocRowTexts
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (VocRowTexts, voc_row_texts, GTK_TYPE_WIDGET)

static GtkSizeRequestMode
voc_row_texts_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
voc_row_texts_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  gboolean first = TRUE;

  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;

      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          /* The same at any height: the widest line and the longest word. */
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
      else
        {
          gtk_widget_measure (child, orientation, for_size, &child_min, &child_nat, NULL, NULL);
          *minimum += child_min + (first ? 0 : TEXT_SPACING);
          *natural += child_nat + (first ? 0 : TEXT_SPACING);
        }
      first = FALSE;
    }
}

static void
voc_row_texts_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  int y = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_height;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &child_height, NULL, NULL, NULL);
      gtk_widget_size_allocate (child, &(GtkAllocation) { 0, y, width, child_height }, -1);
      y += child_height + TEXT_SPACING;
    }
}

static void
voc_row_texts_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (voc_row_texts_parent_class)->dispose (object);
}

static void
voc_row_texts_class_init (VocRowTextsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = voc_row_texts_dispose;
  widget_class->get_request_mode = voc_row_texts_get_request_mode;
  widget_class->measure = voc_row_texts_measure;
  widget_class->size_allocate = voc_row_texts_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "box");
}

static void
voc_row_texts_init (VocRowTexts *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "title");
}

struct _VocTextRow
{
  AdwPreferencesRow parent_instance;

  GtkWidget *header;
  GtkWidget *title;
  GtkWidget *subtitle;
  GtkWidget *suffixes;
  GtkWidget *activatable_widget;  /* weak */
  GtkWidget *list;                /* the list box it was added to, weak */
  gulong     activated_id;
};

G_DEFINE_FINAL_TYPE (VocTextRow, voc_text_row, ADW_TYPE_PREFERENCES_ROW)

static void
row_activated_cb (GtkListBox    *list,
                  GtkListBoxRow *row,
                  VocTextRow    *self)
{
  if (row == GTK_LIST_BOX_ROW (self) && self->activatable_widget != NULL)
    gtk_widget_mnemonic_activate (self->activatable_widget, FALSE);
}

static void
forget_list (VocTextRow *self)
{
  if (self->list != NULL)
    g_clear_signal_handler (&self->activated_id, self->list);
  g_clear_weak_pointer (&self->list);
}

/* As AdwActionRow does: the list box says which row was activated. */
static void
parent_changed_cb (VocTextRow *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  forget_list (self);
  if (!GTK_IS_LIST_BOX (parent))
    return;
  g_set_weak_pointer (&self->list, parent);
  self->activated_id = g_signal_connect (parent, "row-activated", G_CALLBACK (row_activated_cb), self);
}

static void
title_changed_cb (VocTextRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));

  voc_text_set_text (VOC_TEXT (self->title), title);
  gtk_widget_set_visible (self->title, title != NULL && *title != '\0');
}

static void
voc_text_row_dispose (GObject *object)
{
  VocTextRow *self = VOC_TEXT_ROW (object);

  forget_list (self);
  g_clear_weak_pointer (&self->activatable_widget);

  G_OBJECT_CLASS (voc_text_row_parent_class)->dispose (object);
}

static void
voc_text_row_class_init (VocTextRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = voc_text_row_dispose;
}

static void
voc_text_row_init (VocTextRow *self)
{
  GtkWidget *texts = g_object_new (VOC_TYPE_ROW_TEXTS, NULL);

  self->header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->header, "header");

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  self->title = voc_text_new (NULL);
  gtk_widget_add_css_class (self->title, "title");
  gtk_widget_set_visible (self->title, FALSE);
  gtk_widget_set_parent (self->title, texts);
  self->subtitle = voc_text_new (NULL);
  gtk_widget_add_css_class (self->subtitle, "subtitle");
  gtk_widget_set_visible (self->subtitle, FALSE);
  gtk_widget_set_parent (self->subtitle, texts);
  gtk_box_append (GTK_BOX (self->header), texts);

  self->suffixes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->suffixes, "suffixes");
  gtk_widget_set_visible (self->suffixes, FALSE);
  gtk_box_append (GTK_BOX (self->header), self->suffixes);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), self->header);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);

  /* Read as AdwActionRow is: named by its title, described by its subtitle. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->subtitle, NULL,
                                  -1);

  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed_cb), NULL);
  g_signal_connect (self, "notify::parent", G_CALLBACK (parent_changed_cb), NULL);
}

GtkWidget *
voc_text_row_new (void)
{
  return g_object_new (VOC_TYPE_TEXT_ROW, NULL);
}

const char *
voc_text_row_get_subtitle (VocTextRow *self)
{
  g_return_val_if_fail (VOC_IS_TEXT_ROW (self), NULL);

  return voc_text_get_text (VOC_TEXT (self->subtitle));
}

void
voc_text_row_set_subtitle (VocTextRow *self,
                           const char *subtitle)
{
  g_return_if_fail (VOC_IS_TEXT_ROW (self));

  voc_text_set_text (VOC_TEXT (self->subtitle), subtitle);
  gtk_widget_set_visible (self->subtitle, subtitle != NULL && *subtitle != '\0');
  /* GTK 4.8 gives screen readers no description from the relation alone. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  subtitle != NULL ? subtitle : "", -1);
}

void
voc_text_row_add_suffix (VocTextRow *self,
                         GtkWidget  *widget)
{
  g_return_if_fail (VOC_IS_TEXT_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->suffixes), widget);
  gtk_widget_set_visible (self->suffixes, TRUE);
}

void
voc_text_row_set_activatable_widget (VocTextRow *self,
                                     GtkWidget  *widget)
{
  g_return_if_fail (VOC_IS_TEXT_ROW (self));
  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  g_set_weak_pointer (&self->activatable_widget, widget);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), widget != NULL);
}
