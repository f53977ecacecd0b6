/* voc-role-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "voc-a11y.h"
#include "voc-chart-file.h"
#include "voc-dates.h"
#include "voc-file-chooser.h"
#include "voc-gap-row.h"
#include "voc-level-indicator.h"
#include "voc-level.h"
#include "voc-match-series.h"
#include "voc-note-editor.h"
#include "voc-plan-from-gaps-dialog.h"
#include "voc-radar-view.h"
#include "voc-role-page.h"
#include "voc-text-row.h"

#define MAX_GAP_ROWS 8

typedef enum
{
  COMPARE_NONE,
  COMPARE_ROLE,
  COMPARE_PAST,
} CompareKind;

typedef struct
{
  CompareKind  kind;
  VocRole     *role;  /* borrowed from the catalog */
  gint64       time;  /* end of a day, µs */
} CompareOption;

struct _VocRolePage
{
  GtkWidget parent_instance;

  /* Template widgets */
  AdwHeaderBar      *header_bar;
  GtkButton         *back_button;
  GtkWidget         *rate_button;
  AdwWindowTitle    *window_title;
  GtkScrolledWindow *scrolled_window;
  GtkLabel          *family_label;
  GtkLabel          *name_label;
  GtkLabel          *tagline_label;
  GtkLabel          *summary_label;
  GtkBox            *groups_box;
  GtkStack          *match_stack;
  GtkLabel          *percent_label;
  GtkLabel          *percent_caption;
  GtkLabel          *explain_label;
  GtkToggleButton   *scope_all;
  GtkToggleButton   *scope_technical;
  GtkToggleButton   *scope_soft;
  GtkDropDown       *compare_dropdown;
  VocRadarView      *radar_view;
  GtkLabel          *caption_label;
  AdwPreferencesGroup *gaps_group;

  /* Owned */
  VocRole           *role;
  VocCatalog        *catalog;
  VocProfile        *profile;
  VocProfile        *past_profile;   /* the compared past date, if any */
  VocNoteEditor     *notes;
  GArray            *compare_options; /* CompareOption */
  GPtrArray         *gap_rows;
  AdwActionRow      *more_row;       /* "Show All 13 Gaps" / "Show Only the 8 Largest" */
  gboolean           all_gaps;       /* every gap shown, not only the largest */
  gboolean           filling_compare;
};

G_DEFINE_FINAL_TYPE (VocRolePage, voc_role_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static VocMatchScope
current_scope (VocRolePage *self)
{
  if (gtk_toggle_button_get_active (self->scope_technical))
    return VOC_MATCH_SCOPE_TECHNICAL;
  if (gtk_toggle_button_get_active (self->scope_soft))
    return VOC_MATCH_SCOPE_SOFT;
  return VOC_MATCH_SCOPE_ALL;
}

static const CompareOption *
current_compare (VocRolePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->compare_dropdown);

  if (self->compare_options == NULL || selected >= self->compare_options->len)
    return NULL;
  return &g_array_index (self->compare_options, CompareOption, selected);
}

/* The gap rows are made once and then only relabelled: rebuilding rows
 * restyled the whole list, and changing an AdwActionRow's title is costly
 * too; together they made a level change take ~100 ms to show. */
static VocGapRow *
gap_row (VocRolePage *self,
         guint        index)
{
  while (self->gap_rows->len <= index)
    {
      GtkWidget *row = voc_gap_row_new ();

      adw_preferences_group_add (self->gaps_group, row);
      g_ptr_array_add (self->gap_rows, row);
    }
  gtk_widget_set_visible (g_ptr_array_index (self->gap_rows, index), TRUE);
  return g_ptr_array_index (self->gap_rows, index);
}

static void update_match (VocRolePage *self);

static void
toggle_all_gaps_cb (VocRolePage *self)
{
  self->all_gaps = !self->all_gaps;
  update_match (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->more_row));
}

static void
update_gaps (VocRolePage    *self,
             const VocMatch *match)
{
  guint shown = 0;

  if (match->gaps->len == 0)
    {
      voc_gap_row_set (gap_row (self, 0), _("No gaps: you meet every requirement here"), NULL, NULL);
      adw_preferences_group_set_description (self->gaps_group, NULL);
      shown = 1;
    }
  else if (match->gaps->len > MAX_GAP_ROWS && !self->all_gaps)
    {
      /* Not "13 skills below" over a list of eight: says how many show. */
      g_autofree char *description =
        g_strdup_printf (ngettext ("The largest %u of %u skill below what the role expects",
                                   "The largest %u of %u skills below what the role expects",
                                   match->gaps->len), MAX_GAP_ROWS, match->gaps->len);
      adw_preferences_group_set_description (self->gaps_group, description);
    }
  else
    {
      g_autofree char *description =
        g_strdup_printf (ngettext ("%u skill below what the role expects, largest first",
                                   "%u skills below what the role expects, largest first",
                                   match->gaps->len), match->gaps->len);
      adw_preferences_group_set_description (self->gaps_group, description);
    }

  for (guint i = 0; i < match->gaps->len && (i < MAX_GAP_ROWS || self->all_gaps); i++, shown++)
    {
      const VocMatchItem *item = g_ptr_array_index (match->gaps, i);
      g_autofree char *you = voc_level_format (CLAMP (item->you, VOC_LEVEL_MIN, VOC_LEVEL_MAX));
      g_autofree char *need = voc_level_format (CLAMP (item->need, VOC_LEVEL_MIN, VOC_LEVEL_MAX));
      g_autofree char *subtitle = NULL;
      g_autofree char *gap_text = NULL;

      if (item->rated)
        /* Translators: "You: Beginner (2) · Needed: Expert (5)" */
        subtitle = g_strdup_printf (_("You: %s · Needed: %s"), you, need);
      else
        subtitle = g_strdup_printf (_("You: not rated · Needed: %s"), need);
      if (item->requirement->optional)
        {
          g_autofree char *with = g_strdup_printf (_("%s · optional"), subtitle);
          g_free (subtitle);
          subtitle = g_steal_pointer (&with);
        }
      gap_text = g_strdup_printf (ngettext ("%d level", "%d levels", item->gap), item->gap);
      voc_gap_row_set (gap_row (self, i), g_dgettext (GETTEXT_PACKAGE, item->requirement->label), subtitle, gap_text);
    }

  for (guint i = shown; i < self->gap_rows->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->gap_rows, i), FALSE);

  /* Last in the list, so it follows the rows it adds or takes away. */
  if (self->more_row == NULL)
    {
      /* Kept: it is taken out of the list and put back at its end. */
      self->more_row = g_object_ref_sink (ADW_ACTION_ROW (adw_action_row_new ()));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->more_row), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->more_row), "gaps-more");
      g_signal_connect_swapped (self->more_row, "activated", G_CALLBACK (toggle_all_gaps_cb), self);
    }
  if (gtk_widget_get_parent (GTK_WIDGET (self->more_row)) != NULL)
    adw_preferences_group_remove (self->gaps_group, GTK_WIDGET (self->more_row));
  if (match->gaps->len > MAX_GAP_ROWS)
    {
      g_autofree char *title = self->all_gaps
        ? g_strdup_printf (ngettext ("Show Only the Largest %u", "Show Only the Largest %u", MAX_GAP_ROWS), MAX_GAP_ROWS)
        : g_strdup_printf (ngettext ("Show All %u Gap", "Show All %u Gaps", match->gaps->len), match->gaps->len);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->more_row), title);
      adw_preferences_group_add (self->gaps_group, GTK_WIDGET (self->more_row));
    }
}

static void
update_match (VocRolePage *self)
{
  g_autoptr (VocMatch) match = NULL;
  g_autoptr (VocMatchSeries) series = NULL;
  g_autofree char *explanation = NULL;
  g_autofree char *other_name = NULL;
  const CompareOption *compare;
  int percent;

  if (self->role == NULL || self->profile == NULL)
    return;

  if (voc_profile_get_n_rated (self->profile) == 0)
    {
      gtk_stack_set_visible_child_name (self->match_stack, "start");
      return;
    }
  gtk_stack_set_visible_child_name (self->match_stack, "match");

  match = voc_match_compute (self->role, self->profile, current_scope (self));
  percent = voc_match_get_percent (match);
  compare = current_compare (self);

  if (percent >= 0)
    {
      g_autofree char *shown = voc_format_percent (percent);
      /* Translators: "73% match" */
      g_autofree char *text = g_strdup_printf (_("%s match"), shown);
      gtk_label_set_label (self->percent_label, text);
    }
  else
    gtk_label_set_label (self->percent_label, _("No match to compute"));
  {
    g_autofree char *caption =
      g_strdup_printf (ngettext ("Your levels against what this role needs, over %u skill",
                                 "Your levels against what this role needs, over %u skills", match->items->len),
                       match->items->len);
    gtk_label_set_label (self->percent_caption, caption);
  }
  explanation = voc_match_explain (match);
  gtk_label_set_label (self->explain_label, explanation);

  if (compare && compare->kind == COMPARE_ROLE)
    other_name = g_strdup (voc_role_get_name (compare->role));
  else if (compare && compare->kind == COMPARE_PAST)
    {
      g_autofree char *day = voc_format_day_of (compare->time);
      /* Translators: a radar series: your profile as it was on a date */
      other_name = g_strdup_printf (_("You on %s"), day);
    }
  series = voc_match_series_new (match, self->role,
                                 compare && compare->kind == COMPARE_ROLE ? compare->role : NULL,
                                 compare && compare->kind == COMPARE_PAST ? self->past_profile : NULL,
                                 other_name);

  /* The radar: one axis per requirement in scope. */
  voc_radar_view_clear (self->radar_view);
  for (guint i = 0; i < series->n_axes; i++)
    voc_radar_view_add_axis (self->radar_view, series->labels[i], series->excluded[i], series->captions[i]);
  voc_radar_view_add_series (self->radar_view, VOC_RADAR_SLOT_ROLE, series->role_name, series->need);
  voc_radar_view_add_series (self->radar_view, VOC_RADAR_SLOT_YOU, _("You"), series->you);
  if (series->other != NULL)
    voc_radar_view_add_series (self->radar_view, VOC_RADAR_SLOT_COMPARE, series->other_name, series->other);
  voc_radar_view_commit (self->radar_view, series->description);

  update_gaps (self, match);
}

/* "Create Plan from Gaps": pick which gaps become goals. */
static void
create_plan_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VocRolePage *self = VOC_ROLE_PAGE (widget);

  if (self->role != NULL && self->profile != NULL)
    voc_plan_from_gaps_dialog_present (widget, self->role, self->profile);
}

static void
caption_changed_cb (VocRolePage *self)
{
  const char *caption = voc_radar_view_get_caption (self->radar_view);

  gtk_label_set_label (self->caption_label,
                       caption ? caption : _("Point at a skill, or focus the chart and use the arrow keys, to read its levels"));
}

static void
scope_toggled_cb (VocRolePage     *self,
                  GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
    update_match (self);
}

static void
compare_changed_cb (VocRolePage *self)
{
  const CompareOption *compare = current_compare (self);

  if (self->filling_compare)
    return;

  g_clear_object (&self->past_profile);
  if (compare && compare->kind == COMPARE_PAST && voc_profile_get_store (self->profile))
    {
      g_autoptr (GPtrArray) ratings = voc_store_load_ratings_at (voc_profile_get_store (self->profile),
                                                                 compare->time, NULL);
      self->past_profile = voc_profile_new_from_ratings (ratings);
    }
  update_match (self);
}

static void
fill_compare_options (VocRolePage *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GArray) days = NULL;
  g_autoptr (GError) error = NULL;
  const CompareOption *before = current_compare (self);
  CompareOption keep = before ? *before : (CompareOption) { COMPARE_NONE, NULL, 0 };
  GListModel *roles = G_LIST_MODEL (self->catalog);
  guint selected = 0;

  g_array_set_size (self->compare_options, 0);
  {
    CompareOption none = { COMPARE_NONE, NULL, 0 };
    g_array_append_val (self->compare_options, none);
    gtk_string_list_append (names, _("No Comparison"));
  }

  for (guint i = 0; i < g_list_model_get_n_items (roles); i++)
    {
      g_autoptr (VocRole) role = g_list_model_get_item (roles, i);
      CompareOption option = { COMPARE_ROLE, role, 0 };

      if (role == self->role)
        continue;
      if (keep.kind == COMPARE_ROLE && keep.role == role)
        selected = self->compare_options->len;
      g_array_append_val (self->compare_options, option);
      gtk_string_list_append (names, voc_role_get_name (role));
    }

  if (voc_profile_get_store (self->profile) &&
      !(days = voc_store_list_history_days (voc_profile_get_store (self->profile), &error)))
    voc_store_log_error ("listing the days of your history", error);
  if (days != NULL)
    {
      /* The newest day is today's profile; earlier ones are worth comparing. */
      for (guint i = 1; i < days->len; i++)
        {
          CompareOption option = { COMPARE_PAST, NULL, g_array_index (days, gint64, i) };
          g_autofree char *day = voc_format_day_of (option.time);
          g_autofree char *label = g_strdup_printf (_("Your Skills on %s"), day);

          if (keep.kind == COMPARE_PAST && keep.time == option.time)
            selected = self->compare_options->len;
          g_array_append_val (self->compare_options, option);
          gtk_string_list_append (names, label);
        }
    }

  self->filling_compare = TRUE;
  gtk_drop_down_set_model (self->compare_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->compare_dropdown, selected);
  self->filling_compare = FALSE;
}

static void
profile_changed_cb (VocRolePage *self)
{
  if (self->role == NULL)
    return;
  update_match (self);
}

gboolean
voc_role_page_export_chart (VocRolePage  *self,
                            const char   *path,
                            gboolean      with_title,
                            GError      **error)
{
  g_autoptr (VocRadarData) data = NULL;
  VocRadarFormat format;
  VocRadarStyle style;

  g_return_val_if_fail (VOC_IS_ROLE_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->role == NULL || self->profile == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There is no chart to export"));
      return FALSE;
    }
  if (!voc_radar_format_from_path (path, &format))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” does not end in .png, .svg or .pdf"), path);
      return FALSE;
    }

  /* Exports are for documents: the light style, with the on-screen series. */
  data = voc_radar_view_dup_data (self->radar_view);
  if (with_title)
    {
      VocMatchScope scope = current_scope (self);
      g_autoptr (VocMatch) match = voc_match_compute (self->role, self->profile, scope);
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *line = voc_match_describe (match, scope, now);

      voc_radar_data_set_title (data, voc_role_get_name (self->role), line);
    }
  voc_radar_style_init_default (&style);
  voc_chart_name_rings (&style);
  return voc_chart_file_save_radar (data, &style, format, 1200, path, error);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    VocRolePage     *self)
{
  g_autoptr (GSettings) settings = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  const char *choice;
  gboolean with_title;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = g_file_get_path (file);
  if (path == NULL)
    goto out;

  if (!voc_radar_format_from_path (path, NULL))
    {
      /* No known extension: PNG, and say so in the name. */
      g_autofree char *with = g_strconcat (path, ".png", NULL);
      g_free (path);
      path = g_steal_pointer (&with);
    }

  choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "title");
  with_title = g_strcmp0 (choice, "false") != 0;
  settings = g_settings_new (SCHEMA_ID);
  g_settings_set_boolean (settings, "chart-title", with_title);

  if (!voc_role_page_export_chart (self, path, with_title, &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
  else
    {
      /* A file name need not be UTF-8: the toast shows it as the file
       * chooser does, and the action gets it as a URI. */
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *message = g_strdup_printf (_("Chart saved as “%s”"), name);
      g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

      if (uri != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.toast-action", "(sssv)", message, _("_Open"),
                                    "win.open-file", g_variant_new_string (uri));
      else
        gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
    }

out:
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VocRolePage *self = VOC_ROLE_PAGE (widget);
  const char *const filters[] = { _("PNG Image"), "*.png", _("SVG Image"), "*.svg", _("PDF Document"), "*.pdf",
                                  NULL };
  g_autoptr (GSettings) settings = NULL;
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  if (self->role == NULL)
    return;

  name = g_strdup_printf ("%s-radar.png", voc_role_get_id (self->role));
  dialog = voc_file_chooser_new (GTK_WINDOW (gtk_widget_get_root (widget)), GTK_FILE_CHOOSER_ACTION_SAVE,
                                 _("Export Chart"), _("_Export"), G_USER_DIRECTORY_PICTURES, name, filters);
  /* A check box in the dialog: the title suits a report, not every slide. */
  settings = g_settings_new (SCHEMA_ID);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "title", _("Title, match and date above the chart"),
                               NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "title",
                               g_settings_get_boolean (settings, "chart-title") ? "true" : "false");
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

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
  if (req->note)
    {
      g_autofree char *with_note = g_strconcat (tooltip, "\n", g_dgettext (GETTEXT_PACKAGE, req->note), NULL);

      g_free (tooltip);
      tooltip = g_steal_pointer (&with_note);
    }
  gtk_widget_set_tooltip_text (box, tooltip);

  return box;
}

static GtkWidget *
create_requirement_row (const VocRequirement *req)
{
  GtkWidget *row = voc_text_row_new ();
  g_autoptr (GString) subtitle = g_string_new (NULL);
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
  voc_text_row_set_subtitle (VOC_TEXT_ROW (row), subtitle->str);
  voc_text_row_add_suffix (VOC_TEXT_ROW (row), create_level_badge (req));

  accessible = g_strdup_printf (_("%s, expected level %s"), g_dgettext (GETTEXT_PACKAGE, req->label),
                                voc_level_get_name (req->level));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle->str,
                                  -1);
  /* The row is labelled by its title too; GTK 4.8 would read "SQL, expected
   * level Practitioner SQL". */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
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
      voc_a11y_wrap_group_title (ADW_PREFERENCES_GROUP (prefs));
      description = g_strdup_printf (ngettext ("%u skill", "%u skills", group->requirements->len),
                                     group->requirements->len);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (prefs), description);

      for (guint r = 0; r < group->requirements->len; r++)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs),
                                   create_requirement_row (g_ptr_array_index (group->requirements, r)));

      gtk_box_append (self->groups_box, prefs);
    }

  fill_compare_options (self);
  update_match (self);
  voc_note_editor_set_subject (self->notes, self->profile ? voc_profile_get_store (self->profile) : NULL,
                               VOC_NOTE_ROLE, voc_role_get_id (self->role));
  caption_changed_cb (self);

  /* A new role starts at its top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

static void
voc_role_page_dispose (GObject *object)
{
  VocRolePage *self = VOC_ROLE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VOC_TYPE_ROLE_PAGE);
  g_clear_object (&self->role);
  g_clear_object (&self->catalog);
  g_clear_object (&self->profile);
  g_clear_object (&self->past_profile);
  g_clear_pointer (&self->compare_options, g_array_unref);
  g_clear_pointer (&self->gap_rows, g_ptr_array_unref);
  g_clear_object (&self->more_row);

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

static gboolean
unselect_explanation_cb (gpointer data)
{
  g_autoptr (GtkLabel) label = data;

  gtk_label_select_region (label, 0, 0);
  return G_SOURCE_REMOVE;
}

/* The popover gives the label the focus, and a selectable label takes
 * the focus by selecting all it says: the explanation opened all
 * highlighted. It stays selectable, to copy the formula, with nothing
 * selected once it has the focus. */
static void
unselect_explanation (VocRolePage *self)
{
  /* Before the next frame, not at idle: the popover's frames come first. */
  g_idle_add_full (G_PRIORITY_DEFAULT, unselect_explanation_cb, g_object_ref (self->explain_label), NULL);
}

static void
explain_focused_cb (GtkEventControllerFocus *controller,
                    VocRolePage             *self)
{
  unselect_explanation (self);
}

static void
explain_shown_cb (VocRolePage *self)
{
  unselect_explanation (self);
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

  g_type_ensure (VOC_TYPE_RADAR_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/voc-role-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VocRolePage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, VocRolePage, back_button);
  gtk_widget_class_bind_template_child (widget_class, VocRolePage, rate_button);
  gtk_widget_class_bind_template_child (widget_class, VocRolePage, window_title);
  gtk_widget_class_bind_template_child (widget_class, VocRolePage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, VocRolePage, family_label);
  gtk_widget_class_bind_template_child (widget_class, VocRolePage, name_label);
  gtk_widget_class_bind_template_child (widget_class, VocRolePage, tagline_label);
  gtk_widget_class_bind_template_child (widget_class, VocRolePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, VocRolePage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, VocRolePage, match_stack);
  gtk_widget_class_bind_template_child (widget_class, VocRolePage, percent_label);
  gtk_widget_class_bind_template_child (widget_class, VocRolePage, percent_caption);
  gtk_widget_class_bind_template_child (widget_class, VocRolePage, explain_label);
  gtk_widget_class_bind_template_callback (widget_class, explain_shown_cb);
  gtk_widget_class_bind_template_child (widget_class, VocRolePage, scope_all);
  gtk_widget_class_bind_template_child (widget_class, VocRolePage, scope_technical);
  gtk_widget_class_bind_template_child (widget_class, VocRolePage, scope_soft);
  gtk_widget_class_bind_template_child (widget_class, VocRolePage, compare_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VocRolePage, radar_view);
  gtk_widget_class_bind_template_child (widget_class, VocRolePage, caption_label);
  gtk_widget_class_bind_template_child (widget_class, VocRolePage, gaps_group);
  gtk_widget_class_bind_template_callback (widget_class, caption_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, scope_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, compare_changed_cb);
  gtk_widget_class_install_action (widget_class, "role.export", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "role.create-plan", NULL, create_plan_action_cb);
}

static void
voc_role_page_init (VocRolePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  voc_a11y_name_button (self->rate_button);
  voc_a11y_name_drop_down (self->compare_dropdown, _("Compare With"));
  voc_a11y_follow_stack (self->match_stack);
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect (focus, "enter", G_CALLBACK (explain_focused_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->explain_label), focus);
  }

  self->compare_options = g_array_new (FALSE, TRUE, sizeof (CompareOption));
  self->gap_rows = g_ptr_array_new ();

  {
    GtkWidget *create = gtk_button_new_with_mnemonic (_("Create _Plan From Gaps…"));

    voc_a11y_name_button (create);

    gtk_actionable_set_action_name (GTK_ACTIONABLE (create), "role.create-plan");
    gtk_widget_add_css_class (create, "flat");
    gtk_widget_set_valign (create, GTK_ALIGN_CENTER);
    adw_preferences_group_set_header_suffix (self->gaps_group, create);
  }

  {
    /* Your own notes on the role, between your match and its requirements. */
    GtkWidget *group = adw_preferences_group_new ();

    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Your Notes"));
    voc_a11y_wrap_group_title (ADW_PREFERENCES_GROUP (group));
    self->notes = VOC_NOTE_EDITOR (voc_note_editor_new ());
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->notes));
    gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->groups_box))), group,
                                GTK_WIDGET (self->match_stack));
  }
}

void
voc_role_page_set_context (VocRolePage *self,
                           VocCatalog  *catalog,
                           VocProfile  *profile)
{
  g_return_if_fail (VOC_IS_ROLE_PAGE (self));
  g_return_if_fail (VOC_IS_CATALOG (catalog));
  g_return_if_fail (VOC_IS_PROFILE (profile));
  g_return_if_fail (self->profile == NULL);

  self->catalog = g_object_ref (catalog);
  self->profile = g_object_ref (profile);
  g_signal_connect_object (profile, "changed", G_CALLBACK (profile_changed_cb), self, G_CONNECT_SWAPPED);
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
      self->all_gaps = FALSE;
      update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
    }
}
