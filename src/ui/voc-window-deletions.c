/* voc-window-deletions.c: deleting plans, goals and steps, and Undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deleting is never final: every deletion since the window opened is
 * kept, with what it removed, and can be undone, newest first (Ctrl+Z),
 * or from its own toast.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "voc-store-plans.h"
#include "voc-window-private.h"

#define DELETION_TOAST_SECONDS 12

typedef VocPlanCopy *(*DeleteFunc) (VocStore  *store,
                                    gint64     id,
                                    GError   **error);

/* A deletion Undo can bring back, and the toast that offers it. */
typedef struct
{
  guint64      serial;
  VocPlanCopy *copy;
  guint        toast;  /* its toast in the queue */
} Deletion;

static void
deletion_free (Deletion *deletion)
{
  voc_plan_copy_free (deletion->copy);
  g_free (deletion);
}

static gboolean
restore_deletion (VocWindow  *self,
                  guint       index,
                  GError    **error)
{
  Deletion *deletion = g_ptr_array_index (self->deletions, index);

  /* A step whose goal went later, or a goal whose plan did, comes back
   * with it: what it belongs to is restored first. */
  for (guint i = self->deletions->len; i > index + 1; i--)
    if (voc_plan_copy_needs (deletion->copy, ((Deletion *) g_ptr_array_index (self->deletions, i - 1))->copy))
      {
        if (!restore_deletion (self, i - 1, error))
          return FALSE;
        i = self->deletions->len + 1;
      }

  if (!voc_store_restore_plan (_voc_window_get_store (self), deletion->copy, error))
    return FALSE;
  voc_toast_queue_withdraw (self->toasts, deletion->toast);
  g_ptr_array_remove_index (self->deletions, index);
  return TRUE;
}

static void
undo_deletion (VocWindow *self,
               guint64    serial)
{
  g_autoptr (GError) error = NULL;

  if (_voc_window_get_store (self) == NULL)
    return;
  for (guint i = self->deletions->len; i > 0; i--)
    if (serial == 0 || ((Deletion *) g_ptr_array_index (self->deletions, i - 1))->serial == serial)
      {
        if (!restore_deletion (self, i - 1, &error))
          _voc_window_toast (self, error->message, NULL, NULL, NULL);
        return;
      }
}

/* A toast's Undo: the deletion it told of. */
static void
undo_delete_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  undo_deletion (VOC_WINDOW (widget), (guint64) g_variant_get_int64 (parameter));
}

/* Ctrl+Z and win.undo: the newest deletion not undone yet. */
static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  undo_deletion (VOC_WINDOW (widget), 0);
}

/* Ctrl+Z in a text field undoes its typing (GtkText and GtkTextView take
 * it themselves while they have something to undo); never a deletion. */
static gboolean
undo_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  VocWindow *self = VOC_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus)))
    return FALSE;
  if (self->deletions->len == 0)
    return FALSE;
  undo_deletion (self, 0);
  return TRUE;
}

/* Keeps @copy for Undo and says what went, with an Undo button. */
static void
offer_undo (VocWindow   *self,
            VocPlanCopy *copy,
            const char  *message)
{
  Deletion *deletion = g_new0 (Deletion, 1);

  deletion->serial = ++self->last_deletion;
  deletion->copy = copy;
  g_ptr_array_add (self->deletions, deletion);

  /* Deleting is never final: every deletion since the window opened can
   * be undone, this one from its toast (shown at once; the toast it
   * replaces comes back after it), the newest with Ctrl+Z. */
  deletion->toast = voc_toast_queue_add (self->toasts, message, _("_Undo"), "win.undo-delete",
                                         g_variant_new_int64 ((gint64) deletion->serial),
                                         DELETION_TOAST_SECONDS, TRUE);
}

/* "Step “Read the Kafka docs” deleted": a long text is cut, never the quotes. */
static char *
describe_deletion (VocWindow   *self,
                   VocPlanCopy *copy)
{
  const char *label = voc_plan_copy_get_label (copy);
  g_autofree char *name = NULL;

  if (voc_plan_copy_get_kind (copy) == VOC_PLAN_COPY_GOAL)
    {
      VocSkill *skill = voc_catalog_lookup_skill (self->catalog, label);

      if (skill != NULL)
        label = voc_skill_get_name (skill);
    }
  if (g_utf8_strlen (label, -1) > 48)
    {
      g_autofree char *head = g_utf8_substring (label, 0, 47);

      name = g_strconcat (g_strchomp (head), "…", NULL);
    }
  else
    name = g_strdup (label);

  switch (voc_plan_copy_get_kind (copy))
    {
    case VOC_PLAN_COPY_PLAN:
      return g_strdup_printf (_("Plan “%s” deleted"), name);
    case VOC_PLAN_COPY_GOAL:
      return g_strdup_printf (_("Goal “%s” deleted"), name);
    case VOC_PLAN_COPY_STEP:
      return g_strdup_printf (_("Step “%s” deleted"), name);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Deletes with @delete and offers Undo; FALSE (and a toast saying why) if
 * nothing was deleted. Notes typed a moment ago are saved first, so they go
 * with what they are on and come back with Undo; saved after the delete
 * they would be left behind with nothing to belong to. */
static gboolean
delete_with_undo (VocWindow  *self,
                  DeleteFunc  delete,
                  gint64      id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  VocPlanCopy *copy;

  if (_voc_window_get_store (self) == NULL)
    return FALSE;
  if (self->plan_page != NULL)
    voc_plan_page_flush_notes (self->plan_page);
  if (!(copy = delete (_voc_window_get_store (self), id, &error)))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
      return FALSE;
    }
  message = describe_deletion (self, copy);
  offer_undo (self, copy, message);
  return TRUE;
}

static void
delete_plan_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VocWindow *self = VOC_WINDOW (widget);

  if (delete_with_undo (self, voc_store_delete_plan, g_variant_get_int64 (parameter)) &&
      adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->plan_page))
    /* Back, the focus with it: the plan page's bin button that had it is gone from view. */
    gtk_widget_activate_action (widget, "win.back", NULL);
}

static void
delete_goal_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  delete_with_undo (VOC_WINDOW (widget), voc_store_delete_goal, g_variant_get_int64 (parameter));
}

static void
delete_step_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  delete_with_undo (VOC_WINDOW (widget), voc_store_delete_step, g_variant_get_int64 (parameter));
}

void
_voc_window_init_deletions (VocWindow *self)
{
  self->deletions = g_ptr_array_new_with_free_func ((GDestroyNotify) deletion_free);
}

void
_voc_window_class_add_deletion_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.delete-plan", "x", delete_plan_action_cb);
  gtk_widget_class_install_action (widget_class, "win.delete-goal", "x", delete_goal_action_cb);
  gtk_widget_class_install_action (widget_class, "win.delete-step", "x", delete_step_action_cb);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", "x", undo_delete_action_cb);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action_cb);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, undo_shortcut_cb, NULL);
}
