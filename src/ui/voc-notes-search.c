/* voc-notes-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each result says what its note is on (a role, a plan, or a goal in a
 * plan), shows the words around the match, and when it was last edited.
 * Opening one goes to that page, through the parent window's actions.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "voc-a11y.h"
#include "voc-dates.h"
#include "voc-notes-search.h"
#include "voc-store-notes.h"
#include "voc-store-plans.h"

/* Enough to scan by eye; more words narrow it. */
#define MAX_RESULTS   100
#define EXCERPT_WIDTH 90

struct _VocNotesSearch
{
  AdwWindow parent_instance;

  /* Widgets */
  GtkSearchEntry *entry;
  GtkStack       *stack;
  GtkListBox     *list;
  GtkLabel       *more_label;
  AdwStatusPage  *empty_page;

  /* Owned */
  VocCatalog     *catalog;
  VocStore       *store;
  GPtrArray      *rows;
  GPtrArray      *destinations;  /* Destination of each row, or NULL */
};

G_DEFINE_FINAL_TYPE (VocNotesSearch, voc_notes_search, ADW_TYPE_WINDOW)

static char *
format_edited_long (gint64 usec)
{
  g_autofree char *date = voc_format_moment (usec);

  if (*date == '\0')
    return g_strdup ("");
  /* Translators: "Edited 3 March 2025, 14:05" */
  return g_strdup_printf (_("Edited %s"), date);
}

/* The excerpt as markup, its match in bold; every part escaped. */
static char *
excerpt_markup (const char *body,
                const char *query)
{
  glong start = 0, length = 0;
  g_autofree char *excerpt = voc_note_excerpt (body, query, EXCERPT_WIDTH, &start, &length);
  const char *match = g_utf8_offset_to_pointer (excerpt, start);
  const char *after = g_utf8_offset_to_pointer (match, length);
  g_autofree char *before_text = g_strndup (excerpt, match - excerpt);
  g_autofree char *match_text = g_strndup (match, after - match);
  g_autofree char *before = g_markup_escape_text (before_text, -1);
  g_autofree char *bold = g_markup_escape_text (match_text, -1);
  g_autofree char *rest = g_markup_escape_text (after, -1);

  if (length == 0)
    return g_markup_escape_text (excerpt, -1);
  return g_strdup_printf ("%s<b>%s</b>%s", before, bold, rest);
}

/* What the note is on, as a title, and the action that opens it; FALSE
 * when its plan or goal is gone, so there is nothing to open. */
static gboolean
describe_subject (VocNotesSearch *self,
                  const VocNote  *note,
                  GHashTable     *plan_titles,
                  char          **title,
                  const char    **icon,
                  const char    **action,
                  GVariant      **target)
{
  gint64 id = 0;

  if (note->subject_kind == VOC_NOTE_ROLE)
    {
      VocRole *role = voc_catalog_lookup_role (self->catalog, note->subject_id);

      /* A role the catalog no longer has keeps its note, shown by its id. */
      *title = g_strdup (role ? voc_role_get_name (role) : note->subject_id);
      *icon = "view-grid-symbolic";
      *action = role ? "win.show-role" : NULL;
      *target = role ? g_variant_new_string (note->subject_id) : NULL;
      return TRUE;
    }

  if (!g_ascii_string_to_signed (note->subject_id, 10, 1, G_MAXINT64, &id, NULL))
    return FALSE;

  if (note->subject_kind == VOC_NOTE_PLAN)
    {
      const char *plan_title = g_hash_table_lookup (plan_titles, &id);

      if (plan_title == NULL)
        {
          char *found = voc_store_get_plan_title (self->store, id, NULL);
          gint64 *key = g_new (gint64, 1);

          if (found == NULL)
            {
              g_free (key);
              return FALSE;
            }
          *key = id;
          g_hash_table_insert (plan_titles, key, found);
          plan_title = found;
        }
      *title = g_strdup (plan_title);
      *icon = "view-list-bullet-symbolic";
      *action = "win.show-plan";
      *target = g_variant_new_int64 (id);
      return TRUE;
    }

  if (note->subject_kind == VOC_NOTE_GOAL)
    {
      g_autofree char *plan_title = NULL;
      g_autofree char *skill_id = NULL;
      VocSkill *skill;

      if (!voc_store_get_goal_plan (self->store, id, NULL, &plan_title, &skill_id, NULL))
        return FALSE;
      skill = voc_catalog_lookup_skill (self->catalog, skill_id);
      /* Translators: "Goal: SQL in Become a Data Engineer" (a skill, then a plan's title) */
      *title = g_strdup_printf (_("Goal: %s in %s"), skill ? voc_skill_get_name (skill) : skill_id, plan_title);
      *icon = "checkbox-checked-symbolic";
      *action = "win.show-goal";
      *target = g_variant_new_int64 (id);
      return TRUE;
    }

  return FALSE;
}

/* Where a result leads: a window action and its target. */
typedef struct
{
  char     *action;
  GVariant *target;
} Destination;

static void
destination_free (gpointer data)
{
  Destination *destination = data;

  if (destination == NULL)
    return;
  g_free (destination->action);
  g_clear_pointer (&destination->target, g_variant_unref);
  g_free (destination);
}

static GtkWidget *
create_row (VocNotesSearch *self,
            const VocNote  *note,
            const char     *query,
            GHashTable     *plan_titles,
            Destination   **destination)
{
  g_autofree char *title = NULL;
  g_autofree char *title_markup = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *edited_long = NULL;
  const char *icon = NULL;
  const char *action = NULL;
  GVariant *target = NULL;
  GtkWidget *row, *image, *label;

  if (!describe_subject (self, note, plan_titles, &title, &icon, &action, &target))
    return NULL;

  row = adw_action_row_new ();
  title_markup = g_markup_escape_text (title, -1);
  subtitle = excerpt_markup (note->body, query);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

  image = gtk_image_new_from_icon_name (icon);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  note->subject_kind == VOC_NOTE_ROLE ? _("Role")
                                  : note->subject_kind == VOC_NOTE_PLAN ? _("Plan") : _("Goal"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);

  edited = voc_format_recent (note->updated_at);
  edited_long = format_edited_long (note->updated_at);
  label = gtk_label_new (edited);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "note-edited");
  gtk_widget_set_tooltip_text (label, edited_long);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, edited_long, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  if (action != NULL)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      *destination = g_new0 (Destination, 1);
      (*destination)->action = g_strdup (action);
      (*destination)->target = g_variant_ref_sink (target);
    }
  else
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
    }
  return row;
}

static void
run_search (VocNotesSearch *self)
{
  g_autofree char *query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  g_autoptr (GHashTable) plan_titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr (GPtrArray) notes = NULL;
  g_autoptr (GError) error = NULL;
  guint n_shown = 0;

  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->list, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->destinations, 0);

  notes = voc_store_search_notes (self->store, query, &error);
  if (notes == NULL)
    {
      adw_status_page_set_icon_name (self->empty_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->empty_page, _("Cannot Search Notes"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  /* Newest edit first; with no words, that is every note. */
  for (guint i = 0; i < notes->len && n_shown < MAX_RESULTS; i++)
    {
      Destination *destination = NULL;
      GtkWidget *row = create_row (self, g_ptr_array_index (notes, i), query, plan_titles, &destination);

      if (row == NULL)
        continue;
      gtk_list_box_append (self->list, row);
      g_ptr_array_add (self->rows, row);
      g_ptr_array_add (self->destinations, destination);
      n_shown++;
    }

  if (notes->len > n_shown && n_shown == MAX_RESULTS)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("Showing the %u most recently edited of %u note; "
                                                         "add words to narrow the search.",
                                                         "Showing the %u most recently edited of %u notes; "
                                                         "add words to narrow the search.", notes->len),
                                               n_shown, notes->len);

      gtk_label_set_label (self->more_label, more);
      gtk_widget_set_visible (GTK_WIDGET (self->more_label), TRUE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->more_label), FALSE);
    }

  if (n_shown > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "results");
    }
  else if (*query == '\0')
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
    }
  else
    {
      g_autofree char *description =
        g_markup_printf_escaped (_("No note contains “%s”. Try other words, or fewer."), query);

      adw_status_page_set_icon_name (self->empty_page, "system-search-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Notes Found"));
      adw_status_page_set_description (self->empty_page, description);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
}

static void
row_activated_cb (VocNotesSearch *self,
                  GtkListBoxRow  *row)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr (GtkWidget) parent_ref = parent ? g_object_ref (GTK_WIDGET (parent)) : NULL;
  g_autofree char *action_name = NULL;
  g_autoptr (GVariant) action_target = NULL;
  Destination *destination;
  guint index;

  if (!g_ptr_array_find (self->rows, row, &index) ||
      (destination = g_ptr_array_index (self->destinations, index)) == NULL)
    return;
  action_name = g_strdup (destination->action);
  action_target = g_variant_ref (destination->target);

  /* Closed first, so the page opened has the focus of an active window. */
  gtk_window_destroy (GTK_WINDOW (self));
  if (parent_ref != NULL)
    gtk_widget_activate_action_variant (parent_ref, action_name, action_target);
}

static void
entry_activate_cb (VocNotesSearch *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->list, 0);

  /* Enter opens the first (newest) match. */
  if (first != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "results") == 0)
    g_signal_emit_by_name (self->list, "row-activated", first);
}

static gboolean
entry_key_pressed_cb (VocNotesSearch  *self,
                      guint            keyval,
                      guint            keycode,
                      GdkModifierType  state)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->list, 0);

  /* Down goes from the words to the results. */
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) && first != NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "results") == 0)
    return gtk_widget_grab_focus (GTK_WIDGET (first));
  return FALSE;
}

static void
voc_notes_search_dispose (GObject *object)
{
  VocNotesSearch *self = VOC_NOTES_SEARCH (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->destinations, g_ptr_array_unref);
  g_clear_object (&self->catalog);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (voc_notes_search_parent_class)->dispose (object);
}

static void
voc_notes_search_class_init (VocNotesSearchClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = voc_notes_search_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
status_page (const char *icon,
             const char *title,
             const char *description)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  gtk_widget_set_vexpand (page, TRUE);
  return page;
}

static void
voc_notes_search_init (VocNotesSearch *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *entry_clamp = adw_clamp_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->rows = g_ptr_array_new ();
  self->destinations = g_ptr_array_new_with_free_func (destination_free);
  gtk_window_set_title (GTK_WINDOW (self), _("Search Notes"));
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 560);
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, 294);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->entry, "placeholder-text", _("Search notes"), NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search notes"), -1);
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (run_search), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect_swapped (self->entry, "stop-search", G_CALLBACK (gtk_window_close), self);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);
  gtk_search_entry_set_key_capture_widget (self->entry, GTK_WIDGET (self));
  adw_clamp_set_maximum_size (ADW_CLAMP (entry_clamp), 400);
  adw_clamp_set_child (ADW_CLAMP (entry_clamp), GTK_WIDGET (self->entry));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), entry_clamp);
  gtk_box_append (GTK_BOX (content), header);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Notes"), -1);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);

  self->more_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->more_label, TRUE);
  gtk_label_set_xalign (self->more_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->more_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->more_label), "caption");
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), FALSE);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->more_label));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, scrolled, "results");
  self->empty_page = ADW_STATUS_PAGE (status_page ("system-search-symbolic", _("No Notes Found"), NULL));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");
  gtk_stack_add_named (self->stack,
                       status_page ("document-edit-symbolic", _("No Notes Yet"),
                                    _("Write notes on a role’s page, on a plan, or on any goal of a plan. "
                                      "They are saved as you type, and you can search them all here.")),
                       "none");
  voc_a11y_follow_stack (self->stack);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->stack));

  adw_window_set_content (ADW_WINDOW (self), content);
}

GtkWidget *
voc_notes_search_new (GtkWindow  *parent,
                      VocCatalog *catalog,
                      VocStore   *store)
{
  VocNotesSearch *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (VOC_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (VOC_IS_STORE (store), NULL);

  self = g_object_new (VOC_TYPE_NOTES_SEARCH,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->catalog = g_object_ref (catalog);
  self->store = g_object_ref (store);
  run_search (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  return GTK_WIDGET (self);
}
