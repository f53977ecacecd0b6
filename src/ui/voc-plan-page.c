/* voc-plan-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "voc-a11y.h"
#include "voc-note-editor.h"
#include "voc-plan-page.h"
#include "voc-plans-view.h"
#include "voc-store-plans.h"

struct _VocPlanPage
{
  GtkWidget parent_instance;

  AdwWindowTitle      *window_title;
  GtkButton           *back_button;
  GtkLabel            *title_label;
  GtkLabel            *role_label;
  AdwPreferencesGroup *goals_group;
  GPtrArray           *goal_rows;
  GHashTable          *expanded;   /* goal ids whose row is open */
  GtkSizeGroup        *statuses;   /* the status selectors line up */
  VocNoteEditor       *notes;
  AdwEntryRow         *target_entry;

  VocCatalog          *catalog;
  guint                refresh_id;
  VocProfile          *profile;
  gint64               plan_id;
  gboolean             filling;
};

G_DEFINE_FINAL_TYPE (VocPlanPage, voc_plan_page, GTK_TYPE_WIDGET)

static void refresh (VocPlanPage *self);
static void queue_refresh (VocPlanPage *self);

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

/* Rows are rebuilt after a change; the control that had the keyboard
 * focus gets it back in its new row. Each one says what it is. */
static void
set_focus_key (GtkWidget  *widget,
               const char *kind,
               gint64      id,
               gint64      goal_id)
{
  g_object_set_data_full (G_OBJECT (widget), "focus-key",
                          g_strdup_printf ("%s:%" G_GINT64_FORMAT, kind, id), g_free);
  g_object_set_data (G_OBJECT (widget), "focus-goal", GSIZE_TO_POINTER (goal_id));
}

static GtkWidget *
find_focus_key (GtkWidget  *root,
                const char *key)
{
  if (g_strcmp0 (g_object_get_data (G_OBJECT (root), "focus-key"), key) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_focus_key (child, key);

      if (found)
        return found;
    }
  return NULL;
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
  g_autofree char *level = voc_level_format (CLAMP (target, 0, 5));
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

static void
status_changed_cb (GtkDropDown *status,
                   GParamSpec  *pspec,
                   VocPlanPage *self)
{
  gint64 goal_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (status), "goal-id"));
  const char *skill_id = g_object_get_data (G_OBJECT (status), "skill-id");
  int target = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (status), "target"));
  guint selected = gtk_drop_down_get_selected (status);
  g_autoptr (GError) error = NULL;

  if (self->filling)
    return;

  if (!voc_store_set_goal_status (store_of (self), goal_id, (VocGoalStatus) selected, &error))
    {
      toast (self, error->message);
      queue_refresh (self);
      return;
    }
  if (selected == VOC_GOAL_DONE && voc_profile_get_level (self->profile, skill_id) < target)
    offer_raise (self, skill_id, target);
}

static void
step_toggled_cb (GtkCheckButton *check,
                 VocPlanPage    *self)
{
  gint64 step_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "step-id"));
  g_autoptr (GError) error = NULL;

  if (!self->filling && !voc_store_set_step_done (store_of (self), step_id, gtk_check_button_get_active (check), &error))
    toast (self, error->message);
}

static void
add_step_cb (AdwEntryRow *entry,
             VocPlanPage *self)
{
  gint64 goal_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (entry), "goal-id"));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr (GError) error = NULL;

  if (*text == '\0')
    return;
  /* A link pasted as the whole step is kept as its link. */
  if (g_str_has_prefix (text, "https://") || g_str_has_prefix (text, "http://"))
    voc_store_add_step (store_of (self), goal_id, text, text, &error);
  else
    voc_store_add_step (store_of (self), goal_id, text, NULL, &error);
  if (error != NULL)
    toast (self, error->message);
}

static void
due_applied_cb (AdwEntryRow *entry,
                VocPlanPage *self)
{
  gint64 goal_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (entry), "goal-id"));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr (GError) error = NULL;

  if (!voc_store_set_goal_due (store_of (self), goal_id, text, &error))
    toast (self, error->message);
}

static void
target_applied_cb (AdwEntryRow *entry,
                   VocPlanPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr (GError) error = NULL;

  if (!voc_store_set_plan_target (store_of (self), self->plan_id, text, &error))
    toast (self, error->message);
}

static void
move_clicked_cb (GtkButton   *button,
                 VocPlanPage *self)
{
  gint64 goal_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "goal-id"));
  int position = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "position"));
  g_autoptr (GError) error = NULL;

  if (position >= 0 && !voc_store_move_goal (store_of (self), goal_id, (guint) position, &error))
    toast (self, error->message);
}

static GtkWidget *
move_button (VocPlanPage *self,
             const char  *icon,
             const char  *tooltip,
             gint64       goal_id,
             int          position)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  /* GTK 4.8 reads an icon button's tooltip as its description, not its name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, position >= 0);
  g_object_set_data (G_OBJECT (button), "goal-id", GSIZE_TO_POINTER (goal_id));
  g_object_set_data (G_OBJECT (button), "position", GINT_TO_POINTER (position));
  set_focus_key (button, tooltip, goal_id, goal_id);
  g_signal_connect (button, "clicked", G_CALLBACK (move_clicked_cb), self);
  return button;
}

/* Delete on @widget, or on what has the focus inside it, runs @action. */
static void
add_delete_shortcut (GtkWidget      *widget,
                     GtkShortcutAction *action,
                     GVariant       *arguments)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0), action);

  if (arguments != NULL)
    gtk_shortcut_set_arguments (shortcut, arguments);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (widget, controller);
}

/* Delete on a goal's row or its status: the goal. Inside the open row
 * (a step, its due date, the order buttons) the focus is on something
 * else, which handles the key itself or leaves it. */
static gboolean
delete_goal_shortcut_cb (GtkWidget *row,
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

/* A goal's note is built when its row is first opened: a plan can have
 * many goals, and most are never opened in a visit. */
static VocNoteEditor *
ensure_goal_note (VocPlanPage    *self,
                  AdwExpanderRow *row)
{
  GtkListBoxRow *holder = g_object_get_data (G_OBJECT (row), "note-row");
  VocNoteEditor *editor = g_object_get_data (G_OBJECT (row), "note-editor");
  gint64 goal_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "goal-id"));
  g_autofree char *subject = NULL;
  GtkWidget *box, *label;

  if (editor != NULL || holder == NULL)
    return editor;

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

  editor = VOC_NOTE_EDITOR (voc_note_editor_new ());
  subject = g_strdup_printf ("%" G_GINT64_FORMAT, goal_id);
  voc_note_editor_set_subject (editor, store_of (self), "goal", subject);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (editor));
  gtk_list_box_row_set_child (holder, box);
  g_object_set_data (G_OBJECT (row), "note-editor", editor);
  return editor;
}

static void
flush_goal_notes (VocPlanPage *self)
{
  for (guint i = 0; self->goal_rows && i < self->goal_rows->len; i++)
    {
      VocNoteEditor *editor = g_object_get_data (g_ptr_array_index (self->goal_rows, i), "note-editor");

      if (editor != NULL)
        voc_note_editor_flush (editor);
    }
}

static void ensure_goal_children (VocPlanPage    *self,
                                  AdwExpanderRow *row);

static void
expanded_cb (AdwExpanderRow *row,
             GParamSpec     *pspec,
             VocPlanPage    *self)
{
  gpointer goal_id = g_object_get_data (G_OBJECT (row), "goal-id");

  if (adw_expander_row_get_expanded (row))
    {
      ensure_goal_children (self, row);
      ensure_goal_note (self, row);
    }
  if (self->filling)
    return;
  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded, goal_id);
  else
    g_hash_table_remove (self->expanded, goal_id);
}

/* The inside of a goal's row: its steps, due date, order, a new step and
 * the note. Built when the row first opens: a plan of many goals shows
 * its page, and an edit rebuilds it, without them. */
static void
ensure_goal_children (VocPlanPage    *self,
                      AdwExpanderRow *row)
{
  gint64 goal_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "goal-id"));
  const char *due_date = g_object_get_data (G_OBJECT (row), "due-date");
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "position"));
  guint n_goals = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "n-goals"));
  GtkWidget *entry;
  g_autoptr (GPtrArray) steps = NULL;
  g_autoptr (GError) error = NULL;

  if (g_object_get_data (G_OBJECT (row), "built") != NULL)
    return;
  g_object_set_data (G_OBJECT (row), "built", GINT_TO_POINTER (TRUE));

  entry = adw_entry_row_new ();
  steps = voc_store_list_steps (store_of (self), goal_id, &error);
  voc_store_log_error ("listing a goal's steps", error);
  for (guint i = 0; steps && i < steps->len; i++)
    {
      VocStepInfo *step = g_ptr_array_index (steps, i);
      GtkWidget *step_row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      if (step->url != NULL)
        {
          /* A link looks like one and opens in the browser: from its
           * address, or from the button beside it, for the keyboard. */
          g_autofree char *title = g_markup_escape_text (step->text, -1);
          g_autofree char *link = g_markup_printf_escaped ("<a href=\"%s\">%s</a>", step->url, step->url);
          g_autofree char *open_label = g_strdup_printf (_("Open Link “%s”"), step->url);
          GtkWidget *open = gtk_button_new_from_icon_name ("web-browser-symbolic");

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (step_row), TRUE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (step_row), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (step_row), link);
          gtk_widget_add_css_class (open, "flat");
          gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (open, _("Open Link"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, open_label, -1);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "win.open-link");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "s", step->url);
          set_focus_key (open, "open-link", step->id, goal_id);
          adw_action_row_add_suffix (ADW_ACTION_ROW (step_row), open);
        }
      else
        {
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (step_row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (step_row), step->text);
        }
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), step->done);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, step->text, -1);
      g_object_set_data (G_OBJECT (check), "step-id", GSIZE_TO_POINTER (step->id));
      set_focus_key (check, "step", step->id, goal_id);
      set_focus_key (step_row, "step-row", step->id, goal_id);
      g_signal_connect (check, "toggled", G_CALLBACK (step_toggled_cb), self);
      add_delete_shortcut (step_row, gtk_named_action_new ("win.delete-step"), g_variant_new_int64 (step->id));
      adw_action_row_add_prefix (ADW_ACTION_ROW (step_row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (step_row), check);
      /* The row makes its title label the check's too; GTK 4.8 would then
       * read the step twice. */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      {
        GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
        g_autofree char *remove_label = g_strdup_printf (_("Delete Step “%s”"), step->text);

        gtk_widget_add_css_class (remove, "flat");
        gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
        gtk_widget_set_tooltip_text (remove, _("Delete Step"));
        gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
        gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "win.delete-step");
        gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "x", step->id);
        set_focus_key (remove, "remove-step", step->id, goal_id);
        adw_action_row_add_suffix (ADW_ACTION_ROW (step_row), remove);
      }
      adw_expander_row_add_row (row, step_row);
    }

  {
    /* When it is due, and where it stands among the plan's goals. */
    GtkWidget *due = adw_entry_row_new ();
    GtkWidget *order = adw_action_row_new ();

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (due), _("Due Date (YYYY-MM-DD)"));
    gtk_editable_set_text (GTK_EDITABLE (due), due_date ? due_date : "");
    adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (due), TRUE);
    g_object_set_data (G_OBJECT (due), "goal-id", GSIZE_TO_POINTER (goal_id));
    set_focus_key (due, "due", goal_id, goal_id);
    g_signal_connect (due, "apply", G_CALLBACK (due_applied_cb), self);
    g_signal_connect (due, "entry-activated", G_CALLBACK (due_applied_cb), self);
    adw_expander_row_add_row (row, due);

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (order), _("Order in the Plan"));
    adw_action_row_add_suffix (ADW_ACTION_ROW (order),
                               move_button (self, "go-up-symbolic", _("Move Up"), goal_id,
                                            position > 0 ? (int) position - 1 : -1));
    adw_action_row_add_suffix (ADW_ACTION_ROW (order),
                               move_button (self, "go-down-symbolic", _("Move Down"), goal_id,
                                            position + 1 < n_goals ? (int) position + 1 : -1));
    adw_expander_row_add_row (row, order);
  }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Add a Step or a Link"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
  g_object_set_data (G_OBJECT (entry), "goal-id", GSIZE_TO_POINTER (goal_id));
  set_focus_key (entry, "add", goal_id, goal_id);
  g_signal_connect (entry, "apply", G_CALLBACK (add_step_cb), self);
  g_signal_connect (entry, "entry-activated", G_CALLBACK (add_step_cb), self);
  adw_expander_row_add_row (row, entry);

  {
    /* Only a place for the note: its editor comes when the row opens. */
    GtkWidget *holder = gtk_list_box_row_new ();

    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (holder), FALSE);
    gtk_widget_set_focusable (holder, FALSE);
    g_object_set_data (G_OBJECT (row), "note-row", holder);
    adw_expander_row_add_row (row, holder);
  }

  {
    /* Last, as destructive actions are; Undo brings the goal back whole. */
    GtkWidget *remove_row = adw_action_row_new ();
    GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Delete Goal"));

    voc_a11y_name_button (remove);

    adw_action_row_set_subtitle (ADW_ACTION_ROW (remove_row), _("Removes this goal, its steps and its note"));
    gtk_widget_add_css_class (remove, "destructive-action");
    gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
    gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "win.delete-goal");
    gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "x", goal_id);
    adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);
    adw_expander_row_add_row (row, remove_row);
  }

}

static GtkWidget *
create_goal_row (VocPlanPage       *self,
                 const VocGoalInfo *goal,
                 guint              n_goals)
{
  static const char *statuses[] = { N_("Not Started"), N_("In Progress"), N_("Done"), NULL };
  const char *translated[4] = { _(statuses[0]), _(statuses[1]), _(statuses[2]), NULL };
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *status = gtk_drop_down_new_from_strings (translated);
  g_autofree char *from = voc_level_format (CLAMP (goal->from_level, 0, 5));
  g_autofree char *to = voc_level_format (CLAMP (goal->target_level, 0, 5));
  g_autoptr (GString) subtitle = g_string_new (NULL);
  g_autofree char *status_label = NULL;

  /* Translators: "Beginner (2) → Expert (5)" */
  g_string_append_printf (subtitle, _("%s → %s"), from, to);
  if (goal->due_date)
    {
      g_autofree char *due = voc_format_iso_day (goal->due_date);
      g_string_append_printf (subtitle, _(" · due %s"), due);
    }
  if (goal->n_steps > 0)
    g_string_append_printf (subtitle, ngettext (" · %u of %u step done", " · %u of %u steps done", goal->n_steps),
                            goal->n_steps_done, goal->n_steps);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), skill_name (self, goal->skill_id));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle->str);
  g_object_set_data (G_OBJECT (row), "goal-id", GSIZE_TO_POINTER (goal->id));
  set_focus_key (row, "goal", goal->id, goal->id);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), goal->status);
  gtk_size_group_add_widget (self->statuses, status);
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  status_label = g_strdup_printf (_("Status of %s"), skill_name (self, goal->skill_id));
  voc_a11y_name_drop_down (GTK_DROP_DOWN (status), status_label);
  g_object_set_data (G_OBJECT (status), "goal-id", GSIZE_TO_POINTER (goal->id));
  set_focus_key (status, "status", goal->id, goal->id);
  g_object_set_data_full (G_OBJECT (status), "skill-id", g_strdup (goal->skill_id), g_free);
  g_object_set_data (G_OBJECT (status), "target", GINT_TO_POINTER (goal->target_level));
  g_signal_connect (status, "notify::selected", G_CALLBACK (status_changed_cb), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), status);

  /* What the row needs to build its inside, the first time it opens. */
  g_object_set_data_full (G_OBJECT (row), "due-date", g_strdup (goal->due_date), g_free);
  g_object_set_data (G_OBJECT (row), "position", GUINT_TO_POINTER (goal->position));
  g_object_set_data (G_OBJECT (row), "n-goals", GUINT_TO_POINTER (n_goals));

  add_delete_shortcut (row, gtk_callback_action_new (delete_goal_shortcut_cb, NULL, NULL),
                       g_variant_new_int64 (goal->id));
  g_signal_connect (row, "notify::expanded", G_CALLBACK (expanded_cb), self);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row),
                                 g_hash_table_contains (self->expanded, GSIZE_TO_POINTER (goal->id)));
  return row;
}

/* Sets what a field shows after it was saved. Set while the field has
 * the focus, its text would count as edited again, and the entry row
 * would bring back the apply button that saving had just put away. */
static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) == 0)
    return;
  adw_entry_row_set_show_apply_button (row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_entry_row_set_show_apply_button (row, TRUE);
}

static void
refresh (VocPlanPage *self)
{
  g_autoptr (GPtrArray) goals = NULL;
  g_autoptr (VocPlanInfo) plan = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *focus_key = NULL;
  g_autofree char *focus_goal = NULL;
  VocRole *role;

  if (self->plan_id == 0 || store_of (self) == NULL)
    return;

  if (!(plan = voc_store_get_plan (store_of (self), self->plan_id, &error)))
    {
      voc_store_log_error ("reading the plan shown", error);
      return;
    }

  self->filling = TRUE;
  role = voc_catalog_lookup_role (self->catalog, plan->role_id);
  adw_window_title_set_title (self->window_title, plan->title);
  gtk_label_set_label (self->title_label, plan->title);
  {
    g_autoptr (GString) text = g_string_new (NULL);
    g_autofree char *target = voc_format_iso_day (plan->target_date);

    /* Translators: "Towards Data Engineer · 1 of 3 goals done" */
    g_string_append_printf (text, _("Towards %s"), role ? voc_role_get_name (role) : plan->role_id);
    g_string_append_printf (text, ngettext (" · %u of %u goal done", " · %u of %u goals done", plan->n_goals),
                            plan->n_done, plan->n_goals);
    if (target)
      g_string_append_printf (text, _(" · by %s"), target);
    gtk_label_set_label (self->role_label, text->str);
    set_entry_text (self->target_entry, plan->target_date ? plan->target_date : "");
    adw_window_title_set_subtitle (self->window_title, role ? voc_role_get_name (role) : NULL);
  }

  /* Which control had the focus, to give it back in the new rows. */
  for (GtkWidget *w = gtk_widget_get_root (GTK_WIDGET (self)) ?
                        gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))) : NULL;
       w != NULL && w != GTK_WIDGET (self); w = gtk_widget_get_parent (w))
    if (g_object_get_data (G_OBJECT (w), "focus-key") != NULL)
      {
        focus_key = g_strdup (g_object_get_data (G_OBJECT (w), "focus-key"));
        focus_goal = g_strdup_printf ("goal:%" G_GINT64_FORMAT,
                                      (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (w), "focus-goal")));
        break;
      }

  /* The rows go: what was typed in their notes is saved first. */
  flush_goal_notes (self);
  for (guint i = 0; i < self->goal_rows->len; i++)
    adw_preferences_group_remove (self->goals_group, g_ptr_array_index (self->goal_rows, i));
  g_ptr_array_set_size (self->goal_rows, 0);

  goals = voc_store_list_goals (store_of (self), self->plan_id, &error);
  voc_store_log_error ("listing the plan's goals", error);
  for (guint i = 0; goals && i < goals->len; i++)
    {
      GtkWidget *row = create_goal_row (self, g_ptr_array_index (goals, i), goals->len);

      adw_preferences_group_add (self->goals_group, row);
      g_ptr_array_add (self->goal_rows, row);
    }
  self->filling = FALSE;

  /* The same control if it is still there (and can take the focus), else
   * its goal, else the first goal: never nowhere. */
  if (focus_key != NULL)
    {
      GtkWidget *target = find_focus_key (GTK_WIDGET (self->goals_group), focus_key);

      if (target == NULL || !gtk_widget_is_sensitive (target) || !gtk_widget_grab_focus (target))
        {
          target = find_focus_key (GTK_WIDGET (self->goals_group), focus_goal);
          if (target == NULL && self->goal_rows->len > 0)
            target = g_ptr_array_index (self->goal_rows, 0);
          if (target != NULL)
            gtk_widget_grab_focus (target);
        }
    }
}

static gboolean
refresh_idle_cb (gpointer data)
{
  VocPlanPage *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Rows are rebuilt after the change that asked for it has finished (a
 * selector must not be destroyed inside its own signal), but before the
 * next frame is laid out, so an animation cannot hold it back. */
static void
queue_refresh (VocPlanPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VocPlanPage *self = VOC_PLAN_PAGE (widget);

  gtk_widget_activate_action (widget, "win.delete-plan", "x", self->plan_id);
}

static void
voc_plan_page_dispose (GObject *object)
{
  VocPlanPage *self = VOC_PLAN_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  flush_goal_notes (self);
  if (self->notes != NULL)
    voc_note_editor_flush (self->notes);
  self->notes = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_pointer (&self->goal_rows, g_ptr_array_unref);
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
  self->goal_rows = g_ptr_array_new ();
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
  add_delete_shortcut (header, gtk_named_action_new ("plan.delete"), NULL);

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
  g_autoptr (VocPlanInfo) plan = NULL;

  g_return_val_if_fail (VOC_IS_PLAN_PAGE (self), FALSE);

  if (store_of (self) == NULL || !(plan = voc_store_get_plan (store_of (self), plan_id, NULL)))
    return FALSE;

  if (self->plan_id != plan_id)
    {
      g_autofree char *subject = g_strdup_printf ("%" G_GINT64_FORMAT, plan_id);

      g_hash_table_remove_all (self->expanded);
      voc_note_editor_set_subject (self->notes, store_of (self), "plan", subject);
    }
  self->plan_id = plan_id;
  refresh (self);
  return TRUE;
}

gint64
voc_plan_page_get_plan (VocPlanPage *self)
{
  g_return_val_if_fail (VOC_IS_PLAN_PAGE (self), 0);

  return self->plan_id;
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
  g_return_val_if_fail (VOC_IS_PLAN_PAGE (self), FALSE);

  /* Rows built by a refresh still waiting would replace the one opened here. */
  if (self->refresh_id != 0)
    {
      g_clear_handle_id (&self->refresh_id, g_source_remove);
      refresh (self);
    }
  for (guint i = 0; i < self->goal_rows->len; i++)
    {
      AdwExpanderRow *row = g_ptr_array_index (self->goal_rows, i);

      if ((gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "goal-id")) == goal_id)
        {
          adw_expander_row_set_expanded (row, TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (ensure_goal_note (self, row)));
          return TRUE;
        }
    }
  return FALSE;
}
