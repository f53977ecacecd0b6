/* voc-role-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "voc-role-card.h"
#include "voc-tag-box.h"

#define N_KEY_SKILLS 4

struct _VocRoleCard
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkLabel   *family_label;
  GtkLabel   *name_label;
  GtkLabel   *tagline_label;
  VocTagBox  *tags_box;

  /* Owned */
  VocRole    *role;
};

G_DEFINE_FINAL_TYPE (VocRoleCard, voc_role_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->tagline_label), voc_role_get_summary (self->role));

  skills = voc_role_get_key_skills (self->role, N_KEY_SKILLS);
  description = g_string_new (voc_role_get_tagline (self->role));
  if (skills->len > 0)
    {
      g_string_append (description, ". ");
      g_string_append (description, _("Key skills:"));
    }

  for (guint i = 0; i < skills->len; i++)
    {
      GtkWidget *tag = voc_tag_box_add_tag (self->tags_box, g_ptr_array_index (skills, i));

      gtk_label_set_max_width_chars (GTK_LABEL (tag), 32);
      g_string_append_printf (description, "%s %s", i ? "," : "", (char *) g_ptr_array_index (skills, i));
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
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/voc-role-card.ui");
  gtk_widget_class_bind_template_child (widget_class, VocRoleCard, family_label);
  gtk_widget_class_bind_template_child (widget_class, VocRoleCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, VocRoleCard, tagline_label);
  gtk_widget_class_bind_template_child (widget_class, VocRoleCard, tags_box);
  gtk_widget_class_set_css_name (widget_class, "rolecard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
voc_role_card_init (VocRoleCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
