/* voc-skills-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "voc-a11y.h"
#include "voc-skills-view.h"
#include "voc-text-row.h"

#define POS_NOT_RATED    0
#define POS_NOT_RELEVANT 7

#define FIRST_ROWS     10     /* about what a window shows */
#define FRAME_BUDGET_US 8000  /* then rows for this long per frame */

typedef struct
{
  VocSkill    *skill;      /* borrowed from the catalog */
  GtkWidget   *row;
  GtkDropDown *selector;
  GtkWidget   *group;
  char        *search_key;
} SkillRow;

typedef struct
{
  GtkWidget *group;
  char      *area_id;
} AreaGroup;

struct _VocSkillsView
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkScrolledWindow *scrolled_window;
  GtkLabel          *intro_label;
  GtkSearchEntry    *filter_entry;
  AdwStatusPage     *no_match_page;
  GtkBox            *groups_box;

  /* Owned */
  VocCatalog        *catalog;
  VocProfile        *profile;
  GtkStringList     *choices;
  GHashTable        *rows;      /* skill id -> SkillRow */
  GtkSizeGroup      *selectors; /* one width for every selector, so they line up */
  GPtrArray         *areas;     /* AreaGroup */
  gulong             changed_id;
  gboolean           updating;
  /* Rows are built a few at a time (see build_rows()): */
  GtkListItemFactory *button_factory;
  GtkListItemFactory *list_factory;
  guint              n_built;   /* skills of the catalog with a row so far */
  guint              tick_id;   /* builds the next ones, once per frame */
};

G_DEFINE_FINAL_TYPE (VocSkillsView, voc_skills_view, GTK_TYPE_WIDGET)

static void
skill_row_free (SkillRow *row)
{
  g_free (row->search_key);
  g_free (row);
}

static void
area_group_free (AreaGroup *area)
{
  g_free (area->area_id);
  g_free (area);
}

static guint
position_for (VocProfile *profile,
              const char *skill_id)
{
  int level = voc_profile_get_level (profile, skill_id);

  if (!voc_profile_is_relevant (profile, skill_id))
    return POS_NOT_RELEVANT;
  return level < 0 ? POS_NOT_RATED : (guint) level + 1;
}

/* A level, or "not relevant to me": a choice made, as Export Data and
 * Import Data count ratings too. */
static gboolean
is_rated (VocProfile *profile,
          VocSkill   *skill)
{
  return voc_profile_get_level (profile, voc_skill_get_id (skill)) >= 0 ||
         !voc_profile_is_relevant (profile, voc_skill_get_id (skill));
}

static void
update_counts (VocSkillsView *self)
{
  GListModel *skills = voc_catalog_get_skills (self->catalog);
  guint n = g_list_model_get_n_items (skills);
  guint total_rated = 0;
  guint not_relevant = 0;

  /* From the catalog and the profile, not the rows: rows still to come
   * count too. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (VocSkill) skill = g_list_model_get_item (skills, i);

      total_rated += is_rated (self->profile, skill);
      not_relevant += !voc_profile_is_relevant (self->profile, voc_skill_get_id (skill));
    }

  for (guint a = 0; a < self->areas->len; a++)
    {
      AreaGroup *area = g_ptr_array_index (self->areas, a);
      guint rated = 0, in_area = 0;
      g_autofree char *description = NULL;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr (VocSkill) skill = g_list_model_get_item (skills, i);

          if (!g_str_equal (voc_skill_get_area_id (skill), area->area_id))
            continue;
          in_area++;
          rated += is_rated (self->profile, skill);
        }

      /* Translators: "3 of 9 rated", in a competency area of My Skills */
      description = g_strdup_printf (_("%u of %u rated"), rated, in_area);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (area->group), description);
    }

  if (total_rated == 0)
    gtk_label_set_label (self->intro_label, _("Rate a few skills to see how you compare"));
  else if (not_relevant == 0)
    {
      g_autofree char *intro = g_strdup_printf (ngettext ("You have rated %u skill", "You have rated %u skills",
                                                          total_rated), total_rated);
      gtk_label_set_label (self->intro_label, intro);
    }
  else
    {
      g_autofree char *rated = g_strdup_printf (ngettext ("You have rated %u skill", "You have rated %u skills",
                                                          total_rated), total_rated);
      /* Translators: "You have rated 4 skills", then this: the not relevant ones are among them */
      g_autofree char *intro = g_strdup_printf (ngettext ("%s, %u of them as not relevant to you",
                                                          "%s, %u of them as not relevant to you", not_relevant),
                                                rated, not_relevant);
      gtk_label_set_label (self->intro_label, intro);
    }
}

static void
selector_changed_cb (GtkDropDown *selector,
                     GParamSpec  *pspec,
                     SkillRow    *row)
{
  VocSkillsView *self = VOC_SKILLS_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (selector), VOC_TYPE_SKILLS_VIEW));
  const char *skill_id = voc_skill_get_id (row->skill);
  guint position = gtk_drop_down_get_selected (selector);
  g_autoptr (GError) error = NULL;
  int level;
  gboolean relevant = TRUE;

  if (self == NULL || self->updating || position == GTK_INVALID_LIST_POSITION)
    return;

  if (position == POS_NOT_RELEVANT)
    {
      level = voc_profile_get_level (self->profile, skill_id);
      relevant = FALSE;
    }
  else
    level = (int) position - 1;

  if (!voc_profile_set_rating (self->profile, skill_id, level, relevant, &error))
    {
      /* Nothing was saved: show the saved value again and say why. */
      self->updating = TRUE;
      gtk_drop_down_set_selected (selector, position_for (self->profile, skill_id));
      self->updating = FALSE;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
    }
}

static void
profile_changed_cb (VocSkillsView *self,
                    const char    *skill_id,
                    VocProfile    *profile)
{
  SkillRow *row = g_hash_table_lookup (self->rows, skill_id);

  if (row != NULL)
    {
      self->updating = TRUE;
      gtk_drop_down_set_selected (row->selector, position_for (profile, skill_id));
      self->updating = FALSE;
    }
  update_counts (self);
}

/* The closed selector shows the level's name ... */
static void
setup_button_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_button_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkStringObject *choice = gtk_list_item_get_item (item);

  /* Every selector is as wide as the widest (a size group lines them up):
   * the closed one says "Not Relevant", no wider than "Practitioner", so
   * one such rating widens neither the others nor a 360 px window. */
  if (gtk_list_item_get_position (item) == POS_NOT_RELEVANT)
    gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), C_("level selector, closed", "Not Relevant"));
  else
    gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (choice));
}

/* ... and the open list each name with its meaning. */
static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *meaning = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (meaning), 0);
  gtk_label_set_wrap (GTK_LABEL (meaning), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (meaning), 36);
  gtk_widget_add_css_class (meaning, "caption");
  gtk_widget_add_css_class (meaning, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), meaning);
  gtk_list_item_set_child (item, box);
}

static const char *
choice_meaning (guint position)
{
  if (position == POS_NOT_RATED)
    return _("Counts as None until you rate it");
  if (position == POS_NOT_RELEVANT)
    return _("Left out of every match");
  return voc_level_get_meaning ((VocLevel) (position - 1));
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *meaning = gtk_widget_get_next_sibling (name);
  guint position = gtk_list_item_get_position (item);
  g_autofree char *accessible = NULL;

  gtk_label_set_label (GTK_LABEL (name), gtk_string_object_get_string (gtk_list_item_get_item (item)));
  gtk_label_set_label (GTK_LABEL (meaning), choice_meaning (position));
  accessible = g_strdup_printf ("%s: %s", gtk_label_get_label (GTK_LABEL (name)), choice_meaning (position));
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static char *
roles_needing (VocSkillsView *self,
               VocSkill      *skill)
{
  g_autoptr (GString) text = g_string_new (NULL);
  GListModel *roles = G_LIST_MODEL (self->catalog);

  for (guint i = 0; i < g_list_model_get_n_items (roles); i++)
    {
      g_autoptr (VocRole) role = g_list_model_get_item (roles, i);

      for (guint g = 0; g < voc_role_get_n_groups (role); g++)
        {
          const VocRequirementGroup *group = voc_role_get_group (role, g);
          gboolean found = FALSE;

          for (guint r = 0; r < group->requirements->len && !found; r++)
            {
              const VocRequirement *req = g_ptr_array_index (group->requirements, r);

              found = req->skill == skill;
              for (guint a = 0; a < req->alternatives->len && !found; a++)
                found = g_ptr_array_index (req->alternatives, a) == skill;
              if (found)
                g_string_append_printf (text, "%s%s (%s)", text->len ? ", " : "",
                                        voc_role_get_name (role), voc_level_get_name (req->level));
            }
          if (found)
            break;
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The group of @skill's competency area, made when its first skill is. */
static AreaGroup *
area_for (VocSkillsView *self,
          VocSkill      *skill)
{
  g_autofree char *title = NULL;
  AreaGroup *area;

  for (guint a = 0; a < self->areas->len; a++)
    {
      area = g_ptr_array_index (self->areas, a);
      if (g_str_equal (area->area_id, voc_skill_get_area_id (skill)))
        return area;
    }

  area = g_new0 (AreaGroup, 1);
  area->area_id = g_strdup (voc_skill_get_area_id (skill));
  title = g_markup_escape_text (voc_skill_get_area_name (skill), -1);
  area->group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (area->group), title);
  voc_a11y_wrap_group_title (ADW_PREFERENCES_GROUP (area->group));
  gtk_box_append (self->groups_box, area->group);
  g_ptr_array_add (self->areas, area);

  return area;
}

static void
build_row (VocSkillsView *self,
           VocSkill      *skill)
{
  g_autofree char *needed = roles_needing (self, skill);
  g_autofree char *subtitle = NULL;
  g_autofree char *selector_label = NULL;
  g_autofree char *search = NULL;
  AreaGroup *area = area_for (self, skill);
  SkillRow *row;

  row = g_new0 (SkillRow, 1);
  row->skill = skill;
  row->group = area->group;
  row->row = voc_text_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), voc_skill_get_name (skill));
  /* Translators: "Needed by Data Analyst (Practitioner), …" */
  subtitle = g_strdup_printf (_("%s\nNeeded by %s"), voc_skill_get_description (skill), needed);
  voc_text_row_set_subtitle (VOC_TEXT_ROW (row->row), subtitle);

  row->selector = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->choices)), NULL));
  gtk_drop_down_set_factory (row->selector, self->button_factory);
  gtk_drop_down_set_list_factory (row->selector, self->list_factory);
  gtk_widget_set_valign (GTK_WIDGET (row->selector), GTK_ALIGN_CENTER);
  gtk_size_group_add_widget (self->selectors, GTK_WIDGET (row->selector));
  gtk_drop_down_set_selected (row->selector, position_for (self->profile, voc_skill_get_id (skill)));
  selector_label = g_strdup_printf (_("Your level in %s"), voc_skill_get_name (skill));
  voc_a11y_name_drop_down (row->selector, selector_label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->selector), selector_label);
  g_signal_connect (row->selector, "notify::selected", G_CALLBACK (selector_changed_cb), row);
  voc_text_row_add_suffix (VOC_TEXT_ROW (row->row), GTK_WIDGET (row->selector));
  voc_text_row_set_activatable_widget (VOC_TEXT_ROW (row->row), GTK_WIDGET (row->selector));

  search = g_strjoin ("\n", voc_skill_get_name (skill), voc_skill_get_description (skill),
                      voc_skill_get_area_name (skill), needed, NULL);
  row->search_key = voc_search_key (search);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (area->group), row->row);
  g_hash_table_insert (self->rows, (gpointer) voc_skill_get_id (skill), row);
}

/* Builds the rows of up to @limit more skills, stopping at @deadline
 * (monotonic time, 0 for none) after the first; TRUE when all have one. */
static gboolean
build_rows_up_to (VocSkillsView *self,
                  guint          limit,
                  gint64         deadline)
{
  GListModel *skills;
  guint n;

  if (self->catalog == NULL || self->profile == NULL)
    return FALSE;

  skills = voc_catalog_get_skills (self->catalog);
  n = g_list_model_get_n_items (skills);
  if (self->n_built == n)
    return TRUE;

  if (self->button_factory == NULL)
    {
      self->button_factory = gtk_signal_list_item_factory_new ();
      g_signal_connect (self->button_factory, "setup", G_CALLBACK (setup_button_cb), NULL);
      g_signal_connect (self->button_factory, "bind", G_CALLBACK (bind_button_cb), NULL);
      self->list_factory = gtk_signal_list_item_factory_new ();
      g_signal_connect (self->list_factory, "setup", G_CALLBACK (setup_choice_cb), NULL);
      g_signal_connect (self->list_factory, "bind", G_CALLBACK (bind_choice_cb), NULL);
    }

  for (guint built = 0; self->n_built < n && built < limit; built++)
    {
      g_autoptr (VocSkill) skill = g_list_model_get_item (skills, self->n_built);

      build_row (self, skill);
      self->n_built++;
      if (deadline > 0 && g_get_monotonic_time () >= deadline)
        break;
    }

  update_counts (self);

  return self->n_built == n;
}

static gboolean
build_more_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  VocSkillsView *self = VOC_SKILLS_VIEW (widget);

  if (build_rows_up_to (self, G_MAXUINT, g_get_monotonic_time () + FRAME_BUDGET_US))
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* Rows and their selectors are not free to make and lay out, and there
 * are 88: the first frame gets the rows a window shows, the others follow
 * a few per frame, so My Skills opens at once. */
static void
build_rows (VocSkillsView *self)
{
  if (build_rows_up_to (self, FIRST_ROWS, 0) || self->tick_id != 0)
    return;
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), build_more_cb, NULL, NULL);
}

/* Every row, now: for a filter, or a caller that needs a given one. */
static void
build_all_rows (VocSkillsView *self)
{
  build_rows_up_to (self, G_MAXUINT, 0);
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
}

static void
filter_changed_cb (VocSkillsView *self)
{
  g_autofree char *key = voc_search_key (gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)));
  g_auto (GStrv) words = g_strsplit_set (key, " \t", -1);
  gboolean any = FALSE;

  /* The filter looks at every skill, built or not yet. */
  build_all_rows (self);

  for (guint a = 0; a < self->areas->len; a++)
    {
      AreaGroup *area = g_ptr_array_index (self->areas, a);
      GHashTableIter iter;
      SkillRow *row;
      gboolean visible_in_area = FALSE;

      g_hash_table_iter_init (&iter, self->rows);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
        {
          gboolean visible = TRUE;

          if (row->group != area->group)
            continue;
          for (guint w = 0; words[w] && visible; w++)
            visible = *words[w] == '\0' || strstr (row->search_key, words[w]) != NULL;
          gtk_widget_set_visible (row->row, visible);
          visible_in_area |= visible;
        }
      gtk_widget_set_visible (area->group, visible_in_area);
      any |= visible_in_area;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->no_match_page), !any);
}

static void
voc_skills_view_map (GtkWidget *widget)
{
  /* 88 rows with a selector each: built when first shown, not at start-up. */
  build_rows (VOC_SKILLS_VIEW (widget));

  GTK_WIDGET_CLASS (voc_skills_view_parent_class)->map (widget);
}

static void
voc_skills_view_dispose (GObject *object)
{
  VocSkillsView *self = VOC_SKILLS_VIEW (object);

  if (self->profile != NULL)
    g_clear_signal_handler (&self->changed_id, self->profile);
  gtk_widget_dispose_template (GTK_WIDGET (self), VOC_TYPE_SKILLS_VIEW);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->areas, g_ptr_array_unref);
  g_clear_object (&self->choices);
  g_clear_object (&self->selectors);
  g_clear_object (&self->button_factory);
  g_clear_object (&self->list_factory);
  g_clear_object (&self->catalog);
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (voc_skills_view_parent_class)->dispose (object);
}

static void
voc_skills_view_class_init (VocSkillsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = voc_skills_view_dispose;
  widget_class->map = voc_skills_view_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/voc-skills-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VocSkillsView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, VocSkillsView, intro_label);
  gtk_widget_class_bind_template_child (widget_class, VocSkillsView, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, VocSkillsView, no_match_page);
  gtk_widget_class_bind_template_child (widget_class, VocSkillsView, groups_box);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
}

static void
voc_skills_view_init (VocSkillsView *self)
{
  const char *names[] = {
    _("Not Rated"),
    voc_level_get_name (VOC_LEVEL_NONE),
    voc_level_get_name (VOC_LEVEL_AWARENESS),
    voc_level_get_name (VOC_LEVEL_BEGINNER),
    voc_level_get_name (VOC_LEVEL_PRACTITIONER),
    voc_level_get_name (VOC_LEVEL_ADVANCED),
    voc_level_get_name (VOC_LEVEL_EXPERT),
    _("Not Relevant to Me"),
    NULL
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->choices = gtk_string_list_new (names);
  self->selectors = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) skill_row_free);
  self->areas = g_ptr_array_new_with_free_func ((GDestroyNotify) area_group_free);
}

void
voc_skills_view_set_data (VocSkillsView *self,
                          VocCatalog    *catalog,
                          VocProfile    *profile)
{
  g_return_if_fail (VOC_IS_SKILLS_VIEW (self));
  g_return_if_fail (VOC_IS_CATALOG (catalog));
  g_return_if_fail (VOC_IS_PROFILE (profile));
  g_return_if_fail (self->catalog == NULL);

  self->catalog = g_object_ref (catalog);
  self->profile = g_object_ref (profile);
  self->changed_id = g_signal_connect_object (profile, "changed", G_CALLBACK (profile_changed_cb),
                                              self, G_CONNECT_SWAPPED);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    build_rows (self);
}

void
voc_skills_view_ensure_rows (VocSkillsView *self)
{
  g_return_if_fail (VOC_IS_SKILLS_VIEW (self));

  build_all_rows (self);
}

GtkDropDown *
voc_skills_view_get_selector (VocSkillsView *self,
                              const char    *skill_id)
{
  SkillRow *row;

  g_return_val_if_fail (VOC_IS_SKILLS_VIEW (self), NULL);

  build_all_rows (self);
  row = g_hash_table_lookup (self->rows, skill_id);
  return row ? row->selector : NULL;
}
