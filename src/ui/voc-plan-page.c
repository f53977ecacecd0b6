/* voc-plan-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page shows a VocPlan: its goals are VocGoalRows, which follow their
 * goals.  After a change the plan is read again and its objects change in
 * place, so only what changed is laid out again, and the focus stays on
 * the control that had it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "voc-a11y.h"
#include "voc-dates.h"
#include "voc-goal-row.h"
#include "voc-level.h"
#include "voc-note-editor.h"
#include "voc-plan-page.h"
#include "voc-plan.h"
#include "voc-row-utils.h"
#include "voc-store-plans.h"

struct _VocPlanPage
{
  GtkWidget parent_instance;

  AdwWindowTitle      *window_title;
  GtkButton           *back_button;
  GtkLabel            *title_label;
  GtkLabel            *role_label;
  AdwPreferencesGroup *goals_group;
  GtkListBox          *goals_list;  /* the group's, once it has a row */
  GHashTable          *rows;        /* VocGoal -> its VocGoalRow */
  GHashTable          *expanded;    /* goal ids whose row is open */
  GtkSizeGroup        *statuses;    /* the status selectors line up */
  VocNoteEditor       *notes;
  AdwEntryRow         *target_entry;

  VocCatalog          *catalog;
  VocProfile          *profile;
  VocPlan             *plan;
  guint                refresh_id;
};

G_DEFINE_FINAL_TYPE (VocPlanPage, voc_plan_page, GTK_TYPE_WIDGET)

static VocStore *
store_of (VocPlanPage *self)
{
  return voc_profile_get_store (self->profile);
}

static const char *
skill_name (VocPlanPage *self,
            const char  *skill_id)
{
  VocSkill *skill = voc_catalog_lookup_skill (self->catalog, skill_id);

  return skill ? voc_skill_get_name (skill) : skill_id;
}

static void
toast (VocPlanPage *self,
       const char  *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
}

typedef struct
{
  VocPlanPage *self;
  char        *skill_id;
  int          level;
} RaiseData;

static void
raise_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   RaiseData        *data)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "raise") == 0 &&
      !voc_profile_set_rating (data->self->profile, data->skill_id, data->level, TRUE, &error))
    toast (data->self, error->message);

  g_object_unref (data->self);
  g_free (data->skill_id);
  g_free (data);
}

/* The loop closes: a goal done is a level gained, if the user agrees. */
static void
offer_raise (VocPlanPage *self,
             const char  *skill_id,
             int          target)
{
  g_autofree char *level = voc_level_format (CLAMP (target, VOC_LEVEL_MIN, VOC_LEVEL_MAX));
  g_autofree char *heading = g_strdup_printf (_("Raise Your %s Level?"), skill_name (self, skill_id));
  g_autofree char *body = g_strdup_printf (_("You marked this goal done. Set %s to %s in My Skills? "
                                             "The change goes into your history and the radar."),
                                           skill_name (self, skill_id), level);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
  RaiseData *data = g_new0 (RaiseData, 1);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", _("_Keep My Level"),
                                    "raise", _("_Raise Level"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "raise", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "raise");
  data->self = g_object_ref (self);
  data->skill_id = g_strdup (skill_id);
  data->level = target;
  g_signal_connect (dialog, "response", G_CALLBACK (raise_response_cb), data);
  voc_a11y_name_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
change_status_cb (VocGoalRow  *row,
                  int          status,
                  VocPlanPage *self)
{
  VocGoal *goal = voc_goal_row_get_goal (row);
  g_autoptr (GError) error = NULL;

  if (!voc_store_set_goal_status (store_of (self), voc_goal_get_id (goal), (VocGoalStatus) status, &error))
    {
      toast (self, error->message);
      return FALSE;
    }
  if (status == VOC_GOAL_DONE &&
      voc_profile_get_level (self->profile, voc_goal_get_skill_id (goal)) < voc_goal_get_target_level (goal))
    offer_raise (self, voc_goal_get_skill_id (goal), voc_goal_get_target_level (goal));
  return TRUE;
}

static void
toggle_step_cb (VocGoalRow  *row,
                gint64       step_id,
                gboolean     done,
                VocPlanPage *self)
{
  g_autoptr (GError) error = NULL;

  if (!voc_store_set_step_done (store_of (self), step_id, done, &error))
    toast (self, error->message);
}

static gboolean
add_step_cb (VocGoalRow  *row,
             const char  *text,
             VocPlanPage *self)
{
  gint64 goal_id = voc_goal_get_id (voc_goal_row_get_goal (row));
  g_autoptr (GError) error = NULL;

  /* A link pasted as the whole step is kept as its link. */
  if (g_str_has_prefix (text, "https://") || g_str_has_prefix (text, "http://"))
    voc_store_add_step (store_of (self), goal_id, text, text, &error);
  else
    voc_store_add_step (store_of (self), goal_id, text, NULL, &error);
  if (error != NULL)
    toast (self, error->message);
  return error == NULL;
}

static void
change_due_cb (VocGoalRow  *row,
               const char  *text,
               VocPlanPage *self)
{
  g_autoptr (GError) error = NULL;

  if (!voc_store_set_goal_due (store_of (self), voc_goal_get_id (voc_goal_row_get_goal (row)), text, &error))
    toast (self, error->message);
}

static void
move_cb (VocGoalRow  *row,
         guint        position,
         VocPlanPage *self)
{
  g_autoptr (GError) error = NULL;

  if (!voc_store_move_goal (store_of (self), voc_goal_get_id (voc_goal_row_get_goal (row)), position, &error))
    toast (self, error->message);
}

static void
target_applied_cb (AdwEntryRow *entry,
                   VocPlanPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr (GError) error = NULL;

  if (self->plan != NULL &&
      !voc_store_set_plan_target (store_of (self), voc_plan_get_id (self->plan), text, &error))
    toast (self, error->message);
}

static void
row_expanded_cb (AdwExpanderRow *row,
                 GParamSpec     *pspec,
                 VocPlanPage    *self)
{
  gpointer goal_id = GSIZE_TO_POINTER (voc_goal_get_id (voc_goal_row_get_goal (VOC_GOAL_ROW (row))));

  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded, goal_id);
  else
    g_hash_table_remove (self->expanded, goal_id);
}

/* The rows stand in the goals' order, which a move changes in place. */
static int
sort_rows (GtkListBoxRow *a,
           GtkListBoxRow *b,
           gpointer       user_data)
{
  guint pa = VOC_IS_GOAL_ROW (a) ? voc_goal_get_position (voc_goal_row_get_goal (VOC_GOAL_ROW (a))) : G_MAXUINT;
  guint pb = VOC_IS_GOAL_ROW (b) ? voc_goal_get_position (voc_goal_row_get_goal (VOC_GOAL_ROW (b))) : G_MAXUINT;

  return pa < pb ? -1 : pa > pb;
}

static GtkWidget *
add_goal_row (VocPlanPage *self,
              VocGoal     *goal)
{
  GtkWidget *row = voc_goal_row_new (goal, skill_name (self, voc_goal_get_skill_id (goal)), store_of (self),
                                     self->statuses);

  g_signal_connect (row, "change-status", G_CALLBACK (change_status_cb), self);
  g_signal_connect (row, "toggle-step", G_CALLBACK (toggle_step_cb), self);
  g_signal_connect (row, "add-step", G_CALLBACK (add_step_cb), self);
  g_signal_connect (row, "change-due", G_CALLBACK (change_due_cb), self);
  g_signal_connect (row, "move", G_CALLBACK (move_cb), self);
  adw_preferences_group_add (self->goals_group, row);
  if (self->goals_list == NULL)
    {
      /* The group's own list, which knows nothing of the goals' order. */
      self->goals_list = GTK_LIST_BOX (gtk_widget_get_parent (row));
      gtk_list_box_set_sort_func (self->goals_list, sort_rows, NULL, NULL);
    }
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row),
                                 g_hash_table_contains (self->expanded, GSIZE_TO_POINTER (voc_goal_get_id (goal))));
  g_signal_connect (row, "notify::expanded", G_CALLBACK (row_expanded_cb), self);
  g_hash_table_insert (self->rows, goal, row);
  return row;
}

/* Rows for new goals come, those of goals gone go; the others stay.  If
 * the focus was in a row that went, the first goal takes it. */
static void
goals_changed_cb (GListModel  *goals,
                  guint        position,
                  guint        removed,
                  guint        added,
                  VocPlanPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  g_autoptr (GHashTable) present = g_hash_table_new (NULL, NULL);
  guint n = g_list_model_get_n_items (goals);
  gboolean lost_focus = FALSE;
  GHashTableIter iter;
  gpointer goal, row;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (VocGoal) item = g_list_model_get_item (goals, i);

      g_hash_table_add (present, item);
    }

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &goal, &row))
    if (!g_hash_table_contains (present, goal))
      {
        lost_focus |= focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row));
        /* The row goes: what was typed in its note is saved first. */
        voc_goal_row_flush_note (row);
        adw_preferences_group_remove (self->goals_group, row);
        g_hash_table_iter_remove (&iter);
      }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (VocGoal) item = g_list_model_get_item (goals, i);

      row = g_hash_table_lookup (self->rows, item);
      if (row == NULL)
        row = add_goal_row (self, item);
      voc_goal_row_set_n_goals (row, n);
    }

  if (lost_focus && self->goals_list != NULL && gtk_list_box_get_row_at_index (self->goals_list, 0) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->goals_list, 0)));
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  if (g_strcmp0 (gtk_label_get_label (label), text) != 0)
    gtk_label_set_label (label, text);
}

/* The title, the role, how many goals are done and the target date. */
static void
update_header (VocPlanPage *self)
{
  const char *role_id = voc_plan_get_role_id (self->plan);
  const char *target_date = voc_plan_get_target_date (self->plan);
  VocRole *role = voc_catalog_lookup_role (self->catalog, role_id);
  guint n_goals = voc_plan_get_n_goals (self->plan);
  g_autofree char *target = voc_format_iso_day (target_date);
  g_autoptr (GString) text = g_string_new (NULL);

  adw_window_title_set_title (self->window_title, voc_plan_get_title (self->plan));
  adw_window_title_set_subtitle (self->window_title, role ? voc_role_get_name (role) : NULL);
  set_label (self->title_label, voc_plan_get_title (self->plan));
  /* Translators: "Towards Data Engineer · 1 of 3 goals done" */
  g_string_append_printf (text, _("Towards %s"), role ? voc_role_get_name (role) : role_id);
  g_string_append_printf (text, ngettext (" · %u of %u goal done", " · %u of %u goals done", n_goals),
                          voc_plan_get_n_done (self->plan), n_goals);
  if (target)
    g_string_append_printf (text, _(" · by %s"), target);
  set_label (self->role_label, text->str);
  voc_entry_row_set_saved_text (self->target_entry, target_date ? target_date : "");
}

static void
refresh (VocPlanPage *self)
{
  g_autoptr (GError) error = NULL;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->plan == NULL || store_of (self) == NULL)
    return;
  if (!voc_plan_load (self->plan, store_of (self), &error))
    voc_store_log_error ("reading the plan shown", error);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  VocPlanPage *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Read again after the change that asked for it has finished (a row
 * must not go inside its own signal), and before the next frame. */
static void
queue_refresh (VocPlanPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

static void
flush_goal_notes (VocPlanPage *self)
{
  GHashTableIter iter;
  gpointer row;

  if (self->rows == NULL)
    return;
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    voc_goal_row_flush_note (row);
}

/* Lets go of the plan shown and its rows. */
static void
clear_plan (VocPlanPage *self)
{
  GHashTableIter iter;
  gpointer row;

  if (self->plan == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->plan, self);
  g_signal_handlers_disconnect_by_data (voc_plan_get_goals (self->plan), self);
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    {
      voc_goal_row_flush_note (row);
      adw_preferences_group_remove (self->goals_group, row);
      g_hash_table_iter_remove (&iter);
    }
  g_clear_object (&self->plan);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VocPlanPage *self = VOC_PLAN_PAGE (widget);

  if (self->plan != NULL)
    gtk_widget_activate_action (widget, "win.delete-plan", "x", voc_plan_get_id (self->plan));
}

static void
voc_plan_page_dispose (GObject *object)
{
  VocPlanPage *self = VOC_PLAN_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->notes != NULL)
    voc_note_editor_flush (self->notes);
  self->notes = NULL;
  if (self->rows != NULL)
    clear_plan (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_object (&self->statuses);
  g_clear_object (&self->catalog);
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (voc_plan_page_parent_class)->dispose (object);
}

static void
voc_plan_page_class_init (VocPlanPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = voc_plan_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_install_action (widget_class, "plan.delete", NULL, delete_action_cb);
}

static void
voc_plan_page_init (VocPlanPage *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->rows = g_hash_table_new (NULL, NULL);
  self->expanded = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->statuses = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  self->back_button = GTK_BUTTON (gtk_button_new_from_icon_name ("go-previous-symbolic"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->back_button), _("Back"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->back_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->back_button), "win.back");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->back_button));
  gtk_widget_set_tooltip_text (delete, _("Delete Plan"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Plan"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "plan.delete");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), delete);
  self->window_title = ADW_WINDOW_TITLE (adw_window_title_new (NULL, NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->window_title));
  gtk_widget_set_parent (header, GTK_WIDGET (self));
  /* Delete deletes the plan only from its header; on a goal or a step,
   * it deletes that. */
  voc_add_delete_shortcut (header, gtk_named_action_new ("plan.delete"), NULL);

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title_label, 0);
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "title-1");
  self->role_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->role_label, 0);
  gtk_label_set_wrap (self->role_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->role_label), "dim-label");
  gtk_box_append (GTK_BOX (heading), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (heading), GTK_WIDGET (self->role_label));

  self->goals_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->goals_group, _("Goals"));
  voc_a11y_wrap_group_title (self->goals_group);
  adw_preferences_group_set_description (self->goals_group,
                                         _("Open a goal to add steps and links; set it to Done when you reach the level."));

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 36);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), heading);
  {
    GtkWidget *group = adw_preferences_group_new ();

    self->target_entry = ADW_ENTRY_ROW (adw_entry_row_new ());
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->target_entry), _("Target Date (YYYY-MM-DD)"));
    adw_entry_row_set_show_apply_button (self->target_entry, TRUE);
    g_signal_connect (self->target_entry, "apply", G_CALLBACK (target_applied_cb), self);
    g_signal_connect (self->target_entry, "entry-activated", G_CALLBACK (target_applied_cb), self);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->target_entry));
    gtk_box_append (GTK_BOX (box), group);
  }
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->goals_group));
  {
    GtkWidget *group = adw_preferences_group_new ();

    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Notes on This Plan"));
    voc_a11y_wrap_group_title (ADW_PREFERENCES_GROUP (group));
    self->notes = VOC_NOTE_EDITOR (voc_note_editor_new ());
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->notes));
    gtk_box_append (GTK_BOX (box), group);
  }
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 840);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_set_parent (scrolled, GTK_WIDGET (self));

  /* Escape and Alt+Left go back, as on the role page. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Escape|<Alt>Left"),
                                                          gtk_named_action_new ("win.back")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

GtkWidget *
voc_plan_page_new (VocCatalog *catalog,
                   VocProfile *profile)
{
  VocPlanPage *self = g_object_new (VOC_TYPE_PLAN_PAGE, NULL);

  self->catalog = g_object_ref (catalog);
  self->profile = g_object_ref (profile);
  if (store_of (self) != NULL)
    g_signal_connect_object (store_of (self), "plans-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

gboolean
voc_plan_page_set_plan (VocPlanPage *self,
                        gint64       plan_id)
{
  g_autoptr (VocPlanInfo) info = NULL;
  GListModel *goals;

  g_return_val_if_fail (VOC_IS_PLAN_PAGE (self), FALSE);

  if (store_of (self) == NULL || !(info = voc_store_get_plan (store_of (self), plan_id, NULL)))
    return FALSE;

  if (self->plan == NULL || voc_plan_get_id (self->plan) != plan_id)
    {
      g_autofree char *subject = g_strdup_printf ("%" G_GINT64_FORMAT, plan_id);

      clear_plan (self);
      g_hash_table_remove_all (self->expanded);
      voc_note_editor_set_subject (self->notes, store_of (self), VOC_NOTE_PLAN, subject);
      self->plan = voc_plan_new (info);
      goals = voc_plan_get_goals (self->plan);
      g_signal_connect_swapped (self->plan, "notify", G_CALLBACK (update_header), self);
      g_signal_connect (goals, "items-changed", G_CALLBACK (goals_changed_cb), self);
      update_header (self);
    }
  refresh (self);
  return TRUE;
}

gint64
voc_plan_page_get_plan (VocPlanPage *self)
{
  g_return_val_if_fail (VOC_IS_PLAN_PAGE (self), 0);

  return self->plan ? voc_plan_get_id (self->plan) : 0;
}

void
voc_plan_page_focus_start (VocPlanPage *self)
{
  g_return_if_fail (VOC_IS_PLAN_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->back_button));
}

void
voc_plan_page_flush_notes (VocPlanPage *self)
{
  g_return_if_fail (VOC_IS_PLAN_PAGE (self));

  if (self->notes != NULL)
    voc_note_editor_flush (self->notes);
  flush_goal_notes (self);
}

gboolean
voc_plan_page_show_goal (VocPlanPage *self,
                         gint64       goal_id)
{
  GHashTableIter iter;
  gpointer goal, row;

  g_return_val_if_fail (VOC_IS_PLAN_PAGE (self), FALSE);

  /* A change not yet read could bring the goal. */
  if (self->refresh_id != 0)
    refresh (self);
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &goal, &row))
    if (voc_goal_get_id (goal) == goal_id)
      {
        voc_goal_row_show_note (row);
        return TRUE;
      }
  return FALSE;
}
