/* voc-role-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "voc-match.h"
#include "voc-radar-view.h"
#include "voc-role-card.h"
#include "voc-tag-box.h"

#define N_KEY_SKILLS 4

struct _VocRoleCard
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget  *top_box;
  GtkLabel   *family_label;
  GtkLabel   *name_label;
  GtkLabel   *tagline_label;
  VocTagBox  *tags_box;
  GtkWidget  *match_box;
  VocRadarView *mini_radar;
  GtkLabel   *match_label;

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
      g_autofree char *text = g_strdup_printf (_("%d %% match"), percent);
      gtk_label_set_label (self->match_label, text);
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
      gtk_label_set_label (self->family_label, "");
      gtk_label_set_label (self->name_label, "");
      gtk_label_set_label (self->tagline_label, "");
      return;
    }

  gtk_label_set_label (self->family_label, voc_role_get_family (self->role));
  gtk_label_set_label (self->name_label, voc_role_get_name (self->role));
  gtk_label_set_label (self->tagline_label, voc_role_get_tagline (self->role));

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
      g_string_append (description, gtk_label_get_label (self->match_label));
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

static void
voc_role_card_class_init (VocRoleCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = voc_role_card_dispose;
  object_class->get_property = voc_role_card_get_property;
  object_class->set_property = voc_role_card_set_property;

  properties[PROP_ROLE] =
    g_param_spec_object ("role", NULL, NULL, VOC_TYPE_ROLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VOC_TYPE_TAG_BOX);
  g_type_ensure (VOC_TYPE_RADAR_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/voc-role-card.ui");
  /* Every direct child is bound, so dispose_template() unparents it. */
  gtk_widget_class_bind_template_child (widget_class, VocRoleCard, top_box);
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
