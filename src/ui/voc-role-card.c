/* voc-role-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "voc-match.h"
#include "voc-radar-view.h"
#include "voc-role-card.h"
#include "voc-tag-box.h"
#include "voc-text.h"

#define N_KEY_SKILLS 4
#define ROW_SPACING 6      /* between the lines of the card */
#define MATCH_SPACING 12   /* between the name and the match */

struct _VocRoleCard
{
  GtkWidget parent_instance;

  /* Template widgets, all direct children */
  VocText    *family_label;
  VocText    *name_label;
  VocText    *tagline_label;
  VocTagBox  *tags_box;
  GtkWidget  *match_box;
  VocRadarView *mini_radar;
  VocText    *match_label;

  /* Owned */
  VocRole    *role;
  VocProfile *profile;
};

G_DEFINE_FINAL_TYPE (VocRoleCard, voc_role_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The small radar (you over the role) and the match, when you rated something. */
static void
update_match (VocRoleCard *self)
{
  g_autoptr (VocMatch) match = NULL;
  g_autofree double *need = NULL;
  g_autofree double *you = NULL;
  int percent;

  if (self->role == NULL || self->profile == NULL)
    {
      gtk_widget_set_visible (self->match_box, FALSE);
      return;
    }

  match = voc_match_compute (self->role, self->profile, VOC_MATCH_SCOPE_ALL);
  need = g_new0 (double, MAX (match->items->len, 1));
  you = g_new0 (double, MAX (match->items->len, 1));

  voc_radar_view_clear (self->mini_radar);
  for (guint i = 0; i < match->items->len; i++)
    {
      const VocMatchItem *item = g_ptr_array_index (match->items, i);

      need[i] = item->need;
      you[i] = item->excluded ? 0 : item->you;
      voc_radar_view_add_axis (self->mini_radar, "", item->excluded, NULL);
    }
  voc_radar_view_add_series (self->mini_radar, VOC_RADAR_SLOT_ROLE, voc_role_get_name (self->role), need);
  voc_radar_view_add_series (self->mini_radar, VOC_RADAR_SLOT_YOU, _("You"), you);
  voc_radar_view_commit (self->mini_radar, NULL);

  percent = voc_profile_get_n_rated (self->profile) > 0 ? voc_match_get_percent (match) : -1;
  if (percent >= 0)
    {
      g_autofree char *shown = voc_format_percent (percent);
      /* Translators: "73% match" */
      g_autofree char *text = g_strdup_printf (_("%s match"), shown);
      voc_text_set_text (self->match_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->match_label), percent >= 0);
  gtk_widget_set_visible (self->match_box, TRUE);
}

static void
profile_changed_cb (VocRoleCard *self)
{
  update_match (self);
}

static void
update (VocRoleCard *self)
{
  g_autoptr (GPtrArray) skills = NULL;
  g_autoptr (GString) description = NULL;

  voc_tag_box_clear (self->tags_box);

  if (self->role == NULL)
    {
      voc_text_set_text (self->family_label, "");
      voc_text_set_text (self->name_label, "");
      voc_text_set_text (self->tagline_label, "");
      return;
    }

  voc_text_set_text (self->family_label, voc_role_get_family (self->role));
  voc_text_set_text (self->name_label, voc_role_get_name (self->role));
  voc_text_set_text (self->tagline_label, voc_role_get_tagline (self->role));

  skills = voc_role_get_key_skills (self->role, N_KEY_SKILLS);
  description = g_string_new (voc_role_get_tagline (self->role));
  if (skills->len > 0)
    {
      g_string_append (description, ". ");
      g_string_append (description, _("Key skills:"));
    }

  for (guint i = 0; i < skills->len; i++)
    {
      voc_tag_box_add_tag (self->tags_box, g_ptr_array_index (skills, i));
      g_string_append_printf (description, "%s %s", i ? "," : "", (char *) g_ptr_array_index (skills, i));
    }

  update_match (self);
  if (gtk_widget_get_visible (GTK_WIDGET (self->match_label)))
    {
      g_string_append (description, ". ");
      g_string_append (description, voc_text_get_text (self->match_label));
    }

  /* Read as one item by screen readers: "Data Analyst, Analytics". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, voc_role_get_name (self->role),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
}

static void
voc_role_card_dispose (GObject *object)
{
  VocRoleCard *self = VOC_ROLE_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VOC_TYPE_ROLE_CARD);
  g_clear_object (&self->role);
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (voc_role_card_parent_class)->dispose (object);
}

static void
voc_role_card_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VocRoleCard *self = VOC_ROLE_CARD (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      g_value_set_object (value, self->role);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
voc_role_card_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  VocRoleCard *self = VOC_ROLE_CARD (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      voc_role_card_set_role (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The card lays its children out itself. In GTK 4.8 a horizontal GtkBox
 * holding wrapping labels works out its height by searching the labels'
 * widths for each height it tries; for twelve cards that was 9 ms of text
 * layout before the first frame. Here each label is measured once for its
 * widths and once per width it is given. */

static int
child_height (GtkWidget *child,
              int        width)
{
  int height = 0;

  if (gtk_widget_should_layout (child))
    gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &height, NULL, NULL, NULL);
  return height;
}

static void
child_widths (GtkWidget *child,
              int       *minimum,
              int       *natural)
{
  *minimum = *natural = 0;
  if (gtk_widget_should_layout (child))
    gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, minimum, natural, NULL, NULL);
}

/* Adds a line of @height below the lines so far, with spacing between. */
static void
stack_line (int       *total,
            GtkWidget *child,
            int        height)
{
  if (!gtk_widget_should_layout (child))
    return;
  if (*total > 0)
    *total += ROW_SPACING;
  *total += height;
}

typedef struct
{
  int match_width;   /* 0 when there is no match to show */
  int text_width;    /* family and name, beside the match */
  int family_height;
  int name_height;
  int match_height;
  int header_height;
  int tagline_height;
  int tags_height;
} CardLayout;

static void
compute_layout (VocRoleCard *self,
                int          width,
                CardLayout  *out)
{
  int text = 0;

  memset (out, 0, sizeof *out);
  if (gtk_widget_should_layout (self->match_box))
    {
      int min, nat;

      child_widths (self->match_box, &min, &nat);
      out->match_width = nat;
      out->match_height = child_height (self->match_box, nat);
    }
  out->text_width = MAX (width - (out->match_width > 0 ? out->match_width + MATCH_SPACING : 0), 0);
  out->family_height = child_height (GTK_WIDGET (self->family_label), out->text_width);
  out->name_height = child_height (GTK_WIDGET (self->name_label), out->text_width);
  stack_line (&text, GTK_WIDGET (self->family_label), out->family_height);
  stack_line (&text, GTK_WIDGET (self->name_label), out->name_height);
  out->header_height = MAX (text, out->match_height);
  out->tagline_height = child_height (GTK_WIDGET (self->tagline_label), width);
  out->tags_height = child_height (GTK_WIDGET (self->tags_box), width);
}

static int
layout_height (VocRoleCard      *self,
               const CardLayout *layout)
{
  int total = layout->header_height;

  stack_line (&total, GTK_WIDGET (self->tagline_label), layout->tagline_height);
  stack_line (&total, GTK_WIDGET (self->tags_box), layout->tags_height);
  return total;
}

static GtkSizeRequestMode
voc_role_card_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
voc_role_card_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  VocRoleCard *self = VOC_ROLE_CARD (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int family_min, family_nat, name_min, name_nat, match_min, match_nat;
      int tagline_min, tagline_nat, tags_min, tags_nat;
      int header_min, header_nat;

      /* Widths do not depend on the height: for_size is not needed. */
      child_widths (GTK_WIDGET (self->family_label), &family_min, &family_nat);
      child_widths (GTK_WIDGET (self->name_label), &name_min, &name_nat);
      child_widths (self->match_box, &match_min, &match_nat);
      child_widths (GTK_WIDGET (self->tagline_label), &tagline_min, &tagline_nat);
      child_widths (GTK_WIDGET (self->tags_box), &tags_min, &tags_nat);

      header_min = MAX (family_min, name_min);
      header_nat = MAX (family_nat, name_nat);
      if (match_nat > 0)
        {
          /* The match keeps its natural size; only the text wraps. */
          header_min += MATCH_SPACING + match_nat;
          header_nat += MATCH_SPACING + match_nat;
        }
      *minimum = MAX (header_min, MAX (tagline_min, tags_min));
      *natural = MAX (header_nat, MAX (tagline_nat, tags_nat));
    }
  else
    {
      CardLayout layout;

      if (for_size < 0)
        {
          int min_width, nat_width;

          voc_role_card_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &nat_width, NULL, NULL);
          compute_layout (self, min_width, &layout);
          *minimum = layout_height (self, &layout);
          compute_layout (self, nat_width, &layout);
          *natural = layout_height (self, &layout);
        }
      else
        {
          compute_layout (self, for_size, &layout);
          *minimum = *natural = layout_height (self, &layout);
        }
    }
}

static void
place (GtkWidget *child,
       int        x,
       int        y,
       int        width,
       int        height)
{
  if (gtk_widget_should_layout (child))
    gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, width, height }, -1);
}

static void
voc_role_card_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  VocRoleCard *self = VOC_ROLE_CARD (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  CardLayout layout;
  int text_x, y, extra;

  compute_layout (self, width, &layout);
  text_x = rtl && layout.match_width > 0 ? layout.match_width + MATCH_SPACING : 0;

  y = 0;
  place (GTK_WIDGET (self->family_label), text_x, y, layout.text_width, layout.family_height);
  if (gtk_widget_should_layout (GTK_WIDGET (self->family_label)))
    y += layout.family_height + ROW_SPACING;
  place (GTK_WIDGET (self->name_label), text_x, y, layout.text_width, layout.name_height);
  place (self->match_box, rtl ? 0 : width - layout.match_width, 0, layout.match_width, layout.match_height);

  /* The tagline takes what is left over, so the tags of a row of cards
   * line up at the bottom. */
  extra = MAX (height - layout_height (self, &layout), 0);
  y = layout.header_height + ROW_SPACING;
  place (GTK_WIDGET (self->tagline_label), 0, y, width, layout.tagline_height + extra);
  if (gtk_widget_should_layout (GTK_WIDGET (self->tagline_label)))
    y += layout.tagline_height + extra + ROW_SPACING;
  place (GTK_WIDGET (self->tags_box), 0, y, width, layout.tags_height);
}

static void
voc_role_card_class_init (VocRoleCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = voc_role_card_dispose;
  object_class->get_property = voc_role_card_get_property;
  object_class->set_property = voc_role_card_set_property;
  widget_class->get_request_mode = voc_role_card_get_request_mode;
  widget_class->measure = voc_role_card_measure;
  widget_class->size_allocate = voc_role_card_size_allocate;

  properties[PROP_ROLE] =
    g_param_spec_object ("role", NULL, NULL, VOC_TYPE_ROLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VOC_TYPE_TAG_BOX);
  g_type_ensure (VOC_TYPE_TEXT);
  g_type_ensure (VOC_TYPE_RADAR_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/voc-role-card.ui");
  /* Every direct child is bound, so dispose_template() unparents it. */
  gtk_widget_class_bind_template_child (widget_class, VocRoleCard, family_label);
  gtk_widget_class_bind_template_child (widget_class, VocRoleCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, VocRoleCard, tagline_label);
  gtk_widget_class_bind_template_child (widget_class, VocRoleCard, tags_box);
  gtk_widget_class_bind_template_child (widget_class, VocRoleCard, match_box);
  gtk_widget_class_bind_template_child (widget_class, VocRoleCard, mini_radar);
  gtk_widget_class_bind_template_child (widget_class, VocRoleCard, match_label);
  gtk_widget_class_set_css_name (widget_class, "rolecard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* The whole summary over the short tagline. Given when asked for, not set
 * on every card: a tooltip set ahead costs each card an accessible
 * context at start-up, and the card's description already says it. */
static gboolean
tagline_query_tooltip_cb (GtkWidget   *label,
                          int          x,
                          int          y,
                          gboolean     keyboard_mode,
                          GtkTooltip  *tooltip,
                          VocRoleCard *self)
{
  if (self->role == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, voc_role_get_summary (self->role));
  return TRUE;
}

static void
voc_role_card_init (VocRoleCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->tagline_label), TRUE);
  g_signal_connect (self->tagline_label, "query-tooltip", G_CALLBACK (tagline_query_tooltip_cb), self);
  voc_radar_view_set_compact (self->mini_radar, TRUE);
  gtk_widget_set_visible (self->match_box, FALSE);
}

void
voc_role_card_set_profile (VocRoleCard *self,
                           VocProfile  *profile)
{
  g_return_if_fail (VOC_IS_ROLE_CARD (self));
  g_return_if_fail (profile == NULL || VOC_IS_PROFILE (profile));

  if (self->profile == profile)
    return;
  if (self->profile != NULL)
    g_signal_handlers_disconnect_by_func (self->profile, profile_changed_cb, self);
  g_set_object (&self->profile, profile);
  if (profile != NULL)
    g_signal_connect_object (profile, "changed", G_CALLBACK (profile_changed_cb), self, G_CONNECT_SWAPPED);
  update_match (self);
}

GtkWidget *
voc_role_card_new (void)
{
  return g_object_new (VOC_TYPE_ROLE_CARD, NULL);
}

VocRole *
voc_role_card_get_role (VocRoleCard *self)
{
  g_return_val_if_fail (VOC_IS_ROLE_CARD (self), NULL);

  return self->role;
}

void
voc_role_card_set_role (VocRoleCard *self,
                        VocRole     *role)
{
  g_return_if_fail (VOC_IS_ROLE_CARD (self));
  g_return_if_fail (role == NULL || VOC_IS_ROLE (role));

  if (g_set_object (&self->role, role))
    {
      update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
    }
}
