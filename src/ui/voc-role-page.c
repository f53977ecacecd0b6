/* voc-role-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "voc-level-indicator.h"
#include "voc-role-page.h"

struct _VocRolePage
{
  GtkWidget parent_instance;

  /* Template widgets */
  AdwHeaderBar      *header_bar;
  GtkButton         *back_button;
  AdwWindowTitle    *window_title;
  GtkScrolledWindow *scrolled_window;
  GtkLabel          *family_label;
  GtkLabel          *name_label;
  GtkLabel          *tagline_label;
  GtkLabel          *summary_label;
  GtkBox            *groups_box;

  /* Owned */
  VocRole           *role;
};

G_DEFINE_FINAL_TYPE (VocRolePage, voc_role_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_level_badge (const VocRequirement *req)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *level = gtk_label_new (voc_level_get_name (req->level));
  g_autofree char *tooltip = NULL;

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (level, "level-badge");
  gtk_label_set_xalign (GTK_LABEL (level), 0.5);
  gtk_box_append (GTK_BOX (box), level);
  gtk_box_append (GTK_BOX (box), voc_level_indicator_new (req->level));

  if (req->optional)
    {
      GtkWidget *optional = gtk_label_new (_("Optional"));

      gtk_widget_add_css_class (optional, "caption");
      gtk_widget_add_css_class (optional, "dim-label");
      gtk_box_append (GTK_BOX (box), optional);
    }

  if (req->qualifier)
    /* Translators: "Advanced (4 of 5): handles hard cases… The role description says “Strong”." */
    tooltip = g_strdup_printf (_("%s (%d of 5): %s. The role description says “%s”."),
                               voc_level_get_name (req->level), req->level,
                               voc_level_get_meaning (req->level), req->qualifier);
  else
    tooltip = g_strdup_printf (_("%s (%d of 5): %s."),
                               voc_level_get_name (req->level), req->level,
                               voc_level_get_meaning (req->level));
  gtk_widget_set_tooltip_text (box, tooltip);

  return box;
}

static GtkWidget *
create_requirement_row (const VocRequirement *req)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr (GString) subtitle = g_string_new (NULL);
  g_autofree char *details = NULL;
  g_autofree char *accessible = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_dgettext (GETTEXT_PACKAGE, req->label));

  for (guint i = 0; req->details[i]; i++)
    {
      if (i > 0)
        g_string_append (subtitle, " · ");
      g_string_append (subtitle, g_dgettext (GETTEXT_PACKAGE, req->details[i]));
    }
  if (req->qualifier)
    {
      if (subtitle->len > 0)
        g_string_append_c (subtitle, '\n');
      g_string_append_printf (subtitle, _("Described as “%s”"), req->qualifier);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), create_level_badge (req));

  accessible = g_strdup_printf (_("%s, expected level %s"), g_dgettext (GETTEXT_PACKAGE, req->label),
                                voc_level_get_name (req->level));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle->str,
                                  -1);
  return row;
}

static void
clear_groups (VocRolePage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))))
    gtk_box_remove (self->groups_box, child);
}

static void
update (VocRolePage *self)
{
  clear_groups (self);

  if (self->role == NULL)
    return;

  adw_window_title_set_title (self->window_title, voc_role_get_name (self->role));
  adw_window_title_set_subtitle (self->window_title, voc_role_get_family (self->role));
  gtk_label_set_label (self->family_label, voc_role_get_family (self->role));
  gtk_label_set_label (self->name_label, voc_role_get_name (self->role));
  gtk_label_set_label (self->tagline_label, voc_role_get_tagline (self->role));
  gtk_label_set_label (self->summary_label, voc_role_get_summary (self->role));

  for (guint g = 0; g < voc_role_get_n_groups (self->role); g++)
    {
      const VocRequirementGroup *group = voc_role_get_group (self->role, g);
      GtkWidget *prefs = adw_preferences_group_new ();
      g_autofree char *title = g_markup_escape_text (g_dgettext (GETTEXT_PACKAGE, group->title), -1);
      g_autofree char *description = NULL;

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (prefs), title);
      description = g_strdup_printf (ngettext ("%u skill", "%u skills", group->requirements->len),
                                     group->requirements->len);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (prefs), description);

      for (guint r = 0; r < group->requirements->len; r++)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs),
                                   create_requirement_row (g_ptr_array_index (group->requirements, r)));

      gtk_box_append (self->groups_box, prefs);
    }

  /* A new role starts at its top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

static void
voc_role_page_dispose (GObject *object)
{
  VocRolePage *self = VOC_ROLE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VOC_TYPE_ROLE_PAGE);
  g_clear_object (&self->role);

  G_OBJECT_CLASS (voc_role_page_parent_class)->dispose (object);
}

static void
voc_role_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VocRolePage *self = VOC_ROLE_PAGE (object);

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
voc_role_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  VocRolePage *self = VOC_ROLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      voc_role_page_set_role (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
voc_role_page_class_init (VocRolePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = voc_role_page_dispose;
  object_class->get_property = voc_role_page_get_property;
  object_class->set_property = voc_role_page_set_property;

  properties[PROP_ROLE] =
    g_param_spec_object ("role", NULL, NULL, VOC_TYPE_ROLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/voc-role-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VocRolePage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, VocRolePage, back_button);
  gtk_widget_class_bind_template_child (widget_class, VocRolePage, window_title);
  gtk_widget_class_bind_template_child (widget_class, VocRolePage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, VocRolePage, family_label);
  gtk_widget_class_bind_template_child (widget_class, VocRolePage, name_label);
  gtk_widget_class_bind_template_child (widget_class, VocRolePage, tagline_label);
  gtk_widget_class_bind_template_child (widget_class, VocRolePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, VocRolePage, groups_box);
}

static void
voc_role_page_init (VocRolePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
voc_role_page_focus_start (VocRolePage *self)
{
  g_return_if_fail (VOC_IS_ROLE_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->back_button));
}

VocRole *
voc_role_page_get_role (VocRolePage *self)
{
  g_return_val_if_fail (VOC_IS_ROLE_PAGE (self), NULL);

  return self->role;
}

void
voc_role_page_set_role (VocRolePage *self,
                        VocRole     *role)
{
  g_return_if_fail (VOC_IS_ROLE_PAGE (self));
  g_return_if_fail (role == NULL || VOC_IS_ROLE (role));

  if (g_set_object (&self->role, role))
    {
      update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
    }
}
