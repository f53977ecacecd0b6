/* voc-goal-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row follows its VocGoal: a change of status, due date or steps done
 * changes the labels and controls that show it, in place, so the focus
 * stays where it was.  Its inside is made when it first opens: a plan of
 * many goals shows its page without them.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "voc-a11y.h"
#include "voc-dates.h"
#include "voc-goal-row.h"
#include "voc-level.h"
#include "voc-note-editor.h"
#include "voc-row-utils.h"
#include "voc-step-row.h"
#include "voc-store.h"

struct _VocGoalRow
{
  AdwExpanderRow parent_instance;

  GtkDropDown   *status;

  VocGoal       *goal;
  VocStore      *store;
  guint          n_goals;
  gboolean       updating;   /* the row shows a change, not the user */

  /* Made when the row first opens. */
  GPtrArray     *step_rows;  /* in the steps' order */
  AdwEntryRow   *due_row;
  GtkWidget     *up_button;
  GtkWidget     *down_button;
  AdwEntryRow   *add_row;
  GtkListBoxRow *note_row;
  VocNoteEditor *note;
};

G_DEFINE_FINAL_TYPE (VocGoalRow, voc_goal_row, ADW_TYPE_EXPANDER_ROW)

enum { CHANGE_STATUS, TOGGLE_STEP, ADD_STEP, CHANGE_DUE, MOVE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
update_subtitle (VocGoalRow *self)
{
  g_autofree char *from = voc_level_format (voc_goal_get_from_level (self->goal));
  g_autofree char *to = voc_level_format (voc_goal_get_target_level (self->goal));
  g_autoptr (GString) subtitle = g_string_new (NULL);
  const char *due_date = voc_goal_get_due_date (self->goal);
  guint n_steps = voc_goal_get_n_steps (self->goal);

  /* Translators: "Beginner (2) → Expert (5)" */
  g_string_append_printf (subtitle, _("%s → %s"), from, to);
  if (due_date != NULL)
    {
      g_autofree char *due = voc_format_iso_day (due_date);

      g_string_append_printf (subtitle, _(" · due %s"), due);
    }
  if (n_steps > 0)
    g_string_append_printf (subtitle, ngettext (" · %u of %u step done", " · %u of %u steps done", n_steps),
                            voc_goal_get_n_steps_done (self->goal), n_steps);
  if (g_strcmp0 (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (self)), subtitle->str) != 0)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle->str);
}

static void
update_status (VocGoalRow *self)
{
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->status, voc_goal_get_status (self->goal));
  self->updating = FALSE;
}

static void
update_order (VocGoalRow *self)
{
  guint position = voc_goal_get_position (self->goal);
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  if (self->up_button != NULL)
    {
      gtk_widget_set_sensitive (self->up_button, position > 0);
      gtk_widget_set_sensitive (self->down_button, position + 1 < self->n_goals);
    }
  /* The plan's list keeps its rows in the goals' order. */
  if (GTK_IS_LIST_BOX (parent))
    gtk_list_box_invalidate_sort (GTK_LIST_BOX (parent));
}

static void
update_due (VocGoalRow *self)
{
  const char *due_date = voc_goal_get_due_date (self->goal);

  if (self->due_row != NULL)
    voc_entry_row_set_saved_text (self->due_row, due_date ? due_date : "");
}

static void
status_selected_cb (VocGoalRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->status);
  gboolean saved = FALSE;

  if (self->updating || self->goal == NULL || selected == (guint) voc_goal_get_status (self->goal))
    return;
  g_signal_emit (self, signals[CHANGE_STATUS], 0, (int) selected, &saved);
  if (!saved)
    update_status (self);
}

static void
step_toggled_cb (VocStepRow *row,
                 gboolean    done,
                 VocGoalRow *self)
{
  g_signal_emit (self, signals[TOGGLE_STEP], 0, voc_step_get_id (voc_step_row_get_step (row)), done);
}

static void
add_step_cb (VocGoalRow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_row))));
  gboolean saved = FALSE;

  if (*text == '\0')
    return;
  g_signal_emit (self, signals[ADD_STEP], 0, text, &saved);
  if (saved)
    voc_entry_row_set_saved_text (self->add_row, "");
}

static void
due_applied_cb (VocGoalRow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->due_row))));

  g_signal_emit (self, signals[CHANGE_DUE], 0, text);
}

static void
move_clicked_cb (GtkButton  *button,
                 VocGoalRow *self)
{
  guint position = voc_goal_get_position (self->goal);

  if (GTK_WIDGET (button) == self->up_button && position > 0)
    g_signal_emit (self, signals[MOVE], 0, position - 1);
  else if (GTK_WIDGET (button) == self->down_button && position + 1 < self->n_goals)
    g_signal_emit (self, signals[MOVE], 0, position + 1);
}

/* Steps: a row each, before the rest of what the goal holds. */
static void
steps_changed_cb (GListModel *steps,
                  guint       position,
                  guint       removed,
                  guint       added,
                  VocGoalRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  gboolean lost_focus = FALSE;
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (self->due_row)));

  for (guint i = 0; i < removed; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->step_rows, position + i);

      lost_focus |= focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row));
      adw_expander_row_remove (ADW_EXPANDER_ROW (self), row);
    }
  g_ptr_array_remove_range (self->step_rows, position, removed);

  for (guint i = 0; i < added; i++)
    {
      g_autoptr (VocStep) step = g_list_model_get_item (steps, position + i);
      GtkWidget *row = voc_step_row_new (step);

      g_signal_connect (row, "toggled", G_CALLBACK (step_toggled_cb), self);
      g_ptr_array_insert (self->step_rows, (int) (position + i), row);
      gtk_list_box_insert (list, row, (int) (position + i));
    }

  /* A deleted step had the focus: its goal takes it, never nowhere. */
  if (lost_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static GtkWidget *
move_button (VocGoalRow *self,
             const char *icon,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  /* GTK 4.8 reads an icon button's tooltip as its description, not its name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", G_CALLBACK (move_clicked_cb), self);
  return button;
}

/* When it is due, and where it stands among the plan's goals. */
static void
add_due_and_order (VocGoalRow *self)
{
  GtkWidget *order = adw_action_row_new ();

  self->due_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->due_row), _("Due Date (YYYY-MM-DD)"));
  adw_entry_row_set_show_apply_button (self->due_row, TRUE);
  update_due (self);
  g_signal_connect_swapped (self->due_row, "apply", G_CALLBACK (due_applied_cb), self);
  g_signal_connect_swapped (self->due_row, "entry-activated", G_CALLBACK (due_applied_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->due_row));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (order), _("Order in the Plan"));
  self->up_button = move_button (self, "go-up-symbolic", _("Move Up"));
  self->down_button = move_button (self, "go-down-symbolic", _("Move Down"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (order), self->up_button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (order), self->down_button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), order);
  update_order (self);
}

static void
add_new_step_row (VocGoalRow *self)
{
  self->add_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row), _("Add a Step or a Link"));
  adw_entry_row_set_show_apply_button (self->add_row, TRUE);
  g_signal_connect_swapped (self->add_row, "apply", G_CALLBACK (add_step_cb), self);
  g_signal_connect_swapped (self->add_row, "entry-activated", G_CALLBACK (add_step_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->add_row));
}

/* Last, as destructive actions are; Undo brings the goal back whole. */
static void
add_delete_row (VocGoalRow *self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Delete Goal"));

  voc_a11y_name_button (button);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Removes this goal, its steps and its note"));
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.delete-goal");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", voc_goal_get_id (self->goal));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
}

/* The inside: steps, due date, order, a new step, the note's place and
 * Delete.  The steps are read now, and kept up to date from then on. */
static void
ensure_inside (VocGoalRow *self)
{
  GListModel *steps = voc_goal_get_steps (self->goal);
  g_autoptr (GError) error = NULL;

  if (self->step_rows != NULL)
    return;
  self->step_rows = g_ptr_array_new ();

  add_due_and_order (self);
  add_new_step_row (self);
  /* Only a place for the note: its editor comes when the row opens. */
  self->note_row = GTK_LIST_BOX_ROW (gtk_list_box_row_new ());
  gtk_list_box_row_set_activatable (self->note_row, FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self->note_row), FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->note_row));
  add_delete_row (self);

  if (self->store != NULL && !voc_goal_get_steps_loaded (self->goal) &&
      !voc_goal_load_steps (self->goal, self->store, &error))
    voc_store_log_error ("listing a goal's steps", error);
  g_signal_connect_object (steps, "items-changed", G_CALLBACK (steps_changed_cb), self, 0);
  steps_changed_cb (steps, 0, 0, g_list_model_get_n_items (steps), self);
}

static void
ensure_note (VocGoalRow *self)
{
  GtkWidget *box, *label;
  g_autofree char *subject = NULL;

  if (self->note != NULL || self->note_row == NULL)
    return;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  label = gtk_label_new (_("Notes on This Goal"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  self->note = VOC_NOTE_EDITOR (voc_note_editor_new ());
  subject = g_strdup_printf ("%" G_GINT64_FORMAT, voc_goal_get_id (self->goal));
  voc_note_editor_set_subject (self->note, self->store, VOC_NOTE_GOAL, subject);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->note));
  gtk_list_box_row_set_child (self->note_row, box);
}

static void
expanded_cb (VocGoalRow *self)
{
  if (!adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)) || self->goal == NULL)
    return;
  ensure_inside (self);
  ensure_note (self);
}

/* Delete on a goal's row or its status: the goal. Inside the open row
 * (a step, its due date, the order buttons) the focus is on something
 * else, which handles the key itself or leaves it. */
static gboolean
delete_shortcut_cb (GtkWidget *row,
                    GVariant  *arguments,
                    gpointer   user_data)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (row));
  GtkWidget *inside = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_REVEALER) : NULL;

  if (inside != NULL && gtk_widget_is_ancestor (inside, row))
    return FALSE;
  gtk_widget_activate_action_variant (row, "win.delete-goal", arguments);
  return TRUE;
}

static void
goal_changed_cb (VocGoalRow *self,
                 GParamSpec *pspec)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "status"))
    update_status (self);
  else if (g_str_equal (name, "position"))
    update_order (self);
  else
    {
      update_subtitle (self);
      if (g_str_equal (name, "due-date"))
        update_due (self);
    }
}

static void
voc_goal_row_dispose (GObject *object)
{
  VocGoalRow *self = VOC_GOAL_ROW (object);

  voc_goal_row_flush_note (self);
  self->note = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), VOC_TYPE_GOAL_ROW);
  g_clear_pointer (&self->step_rows, g_ptr_array_unref);
  g_clear_object (&self->goal);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (voc_goal_row_parent_class)->dispose (object);
}

static void
voc_goal_row_class_init (VocGoalRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GType type = G_TYPE_FROM_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = voc_goal_row_dispose;

  signals[CHANGE_STATUS] = g_signal_new ("change-status", type, G_SIGNAL_RUN_LAST, 0,
                                         g_signal_accumulator_first_wins, NULL, NULL,
                                         G_TYPE_BOOLEAN, 1, G_TYPE_INT);
  signals[TOGGLE_STEP] = g_signal_new ("toggle-step", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_BOOLEAN);
  signals[ADD_STEP] = g_signal_new ("add-step", type, G_SIGNAL_RUN_LAST, 0,
                                    g_signal_accumulator_first_wins, NULL, NULL,
                                    G_TYPE_BOOLEAN, 1, G_TYPE_STRING);
  signals[CHANGE_DUE] = g_signal_new ("change-due", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                      G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[MOVE] = g_signal_new ("move", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vocationapp/Vocation/ui/voc-goal-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VocGoalRow, status);
  gtk_widget_class_bind_template_callback (widget_class, status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, expanded_cb);
}

static void
voc_goal_row_init (VocGoalRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
voc_goal_row_new (VocGoal      *goal,
                  const char   *skill_name,
                  VocStore     *store,
                  GtkSizeGroup *statuses)
{
  VocGoalRow *self;
  g_autofree char *status_label = NULL;

  g_return_val_if_fail (VOC_IS_GOAL (goal), NULL);

  self = g_object_new (VOC_TYPE_GOAL_ROW, NULL);
  self->goal = g_object_ref (goal);
  self->store = store ? g_object_ref (store) : NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), skill_name);
  status_label = g_strdup_printf (_("Status of %s"), skill_name);
  voc_a11y_name_drop_down (self->status, status_label);
  if (statuses != NULL)
    gtk_size_group_add_widget (statuses, GTK_WIDGET (self->status));
  update_subtitle (self);
  update_status (self);
  voc_add_delete_shortcut (GTK_WIDGET (self), gtk_callback_action_new (delete_shortcut_cb, NULL, NULL),
                           g_variant_new_int64 (voc_goal_get_id (goal)));
  g_signal_connect_object (goal, "notify", G_CALLBACK (goal_changed_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

VocGoal *
voc_goal_row_get_goal (VocGoalRow *self)
{
  g_return_val_if_fail (VOC_IS_GOAL_ROW (self), NULL);
  return self->goal;
}

void
voc_goal_row_set_n_goals (VocGoalRow *self,
                          guint       n_goals)
{
  g_return_if_fail (VOC_IS_GOAL_ROW (self));

  if (self->n_goals == n_goals)
    return;
  self->n_goals = n_goals;
  if (self->up_button != NULL)
    gtk_widget_set_sensitive (self->down_button, voc_goal_get_position (self->goal) + 1 < n_goals);
}

void
voc_goal_row_flush_note (VocGoalRow *self)
{
  g_return_if_fail (VOC_IS_GOAL_ROW (self));

  if (self->note != NULL)
    voc_note_editor_flush (self->note);
}

void
voc_goal_row_show_note (VocGoalRow *self)
{
  g_return_if_fail (VOC_IS_GOAL_ROW (self));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  ensure_inside (self);
  ensure_note (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->note));
}
