/* voc-toast-queue.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libadwaita 1.2's toast overlay has faults a quick hand finds:
 *  - a high-priority toast puts the one on screen back in the overlay's
 *    queue while it fades out (300 ms); if the new toast is dismissed
 *    before then, the overlay shows the old one while its widget still
 *    exists, and aborts (adw-toast-overlay.c:244, "!info->widget");
 *  - a toast dismissed while it still slides in (300 ms, or 500 ms while
 *    another fades out) is freed when its fade ends, and the slide's end
 *    then writes to freed memory.
 * So the overlay is only ever given the toast on screen, only once the one
 * before has faded out, and a toast is taken down only once it is in
 * place: the queue is kept here, and a toast that makes way is dismissed
 * (never postponed) and shown again later as a new AdwToast. What is left
 * is the overlay's own Escape or close button within 0.3 s of a toast
 * appearing, which no hand is quick enough for.
 */
#include "config.h"

#include "voc-a11y.h"
#include "voc-toast-queue.h"

/* The overlay's slide-in and fade-out (SHOW_DURATION, HIDE_DURATION and
 * REPLACE_DURATION are 300, 300 and 500 ms), with time to spare. */
#define IN_PLACE_MS 600
#define FADE_OUT_MS 400

typedef struct
{
  guint     id;
  char     *text;
  char     *button_label;
  char     *action_name;
  GVariant *target;
  guint     timeout;
} Message;

struct _VocToastQueue
{
  GObject parent_instance;

  AdwToastOverlay *overlay;   /* weak */
  GQueue           waiting;   /* of Message, the next first */
  AdwToast        *toast;     /* weak: the toast on screen, if any */
  Message         *shown;     /* what it says, until it is to go */
  gint64           shown_at;
  gint64           faded_at;  /* when the last toast taken down has faded out */
  guint            show_id;
  guint            take_down_id;
  guint            last_id;
};

G_DEFINE_FINAL_TYPE (VocToastQueue, voc_toast_queue, G_TYPE_OBJECT)

static void
message_free (Message *message)
{
  if (message == NULL)
    return;
  g_free (message->text);
  g_free (message->button_label);
  g_free (message->action_name);
  g_clear_pointer (&message->target, g_variant_unref);
  g_free (message);
}

static void show_next (VocToastQueue *self);

/* The toast on screen is no longer followed; it fades out from now. */
static AdwToast *
forget_toast (VocToastQueue *self)
{
  AdwToast *toast = self->toast;

  if (toast == NULL)
    return NULL;
  g_clear_handle_id (&self->take_down_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (toast, self);
  g_object_remove_weak_pointer (G_OBJECT (toast), (gpointer *) &self->toast);
  self->toast = NULL;
  self->faded_at = g_get_monotonic_time () + FADE_OUT_MS * G_TIME_SPAN_MILLISECOND;
  return toast;
}

static gboolean
show_next_cb (gpointer data)
{
  VocToastQueue *self = data;

  self->show_id = 0;
  show_next (self);
  return G_SOURCE_REMOVE;
}

/* The overlay has let go of the toast (its timeout, its close button,
 * Escape, its own button): the next one can come. */
static void
dismissed_cb (AdwToast      *toast,
              VocToastQueue *self)
{
  if (toast != self->toast)
    return;
  forget_toast (self);
  g_clear_pointer (&self->shown, message_free);
  show_next (self);
}

static gboolean take_down_cb (gpointer data);

/* Takes the toast on screen down, once it is in place. */
static void
take_down (VocToastQueue *self)
{
  gint64 wait;
  AdwToast *toast;

  if (self->toast == NULL || self->take_down_id != 0)
    return;
  if ((wait = self->shown_at + IN_PLACE_MS * G_TIME_SPAN_MILLISECOND - g_get_monotonic_time ()) > 0)
    {
      self->take_down_id = g_timeout_add ((guint) (wait / G_TIME_SPAN_MILLISECOND) + 1, take_down_cb, self);
      return;
    }
  toast = forget_toast (self);
  adw_toast_dismiss (toast);
  show_next (self);
}

static gboolean
take_down_cb (gpointer data)
{
  VocToastQueue *self = data;

  self->take_down_id = 0;
  take_down (self);
  return G_SOURCE_REMOVE;
}

static void
show_next (VocToastQueue *self)
{
  AdwToast *toast;
  Message *message;
  gint64 wait;

  if (self->toast != NULL || self->overlay == NULL || self->waiting.length == 0 || self->show_id != 0)
    return;
  if ((wait = self->faded_at - g_get_monotonic_time ()) > 0)
    {
      self->show_id = g_timeout_add ((guint) (wait / G_TIME_SPAN_MILLISECOND) + 1, show_next_cb, self);
      return;
    }

  message = g_queue_pop_head (&self->waiting);
  toast = voc_a11y_toast_new (message->text);
  adw_toast_set_timeout (toast, message->timeout);
  if (message->button_label != NULL)
    {
      adw_toast_set_button_label (toast, message->button_label);
      adw_toast_set_action_name (toast, message->action_name);
      if (message->target != NULL)
        adw_toast_set_action_target_value (toast, message->target);
    }
  self->shown = message;
  self->shown_at = g_get_monotonic_time ();
  self->toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->toast);
  voc_a11y_add_toast (self->overlay, toast);
  /* After the overlay's own handler, so it has let go when this runs. */
  g_signal_connect (toast, "dismissed", G_CALLBACK (dismissed_cb), self);
}

static void
voc_toast_queue_dispose (GObject *object)
{
  VocToastQueue *self = VOC_TOAST_QUEUE (object);

  g_clear_handle_id (&self->show_id, g_source_remove);
  forget_toast (self);
  g_clear_pointer (&self->shown, message_free);
  g_queue_clear_full (&self->waiting, (GDestroyNotify) message_free);
  if (self->overlay != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->overlay), (gpointer *) &self->overlay);
  self->overlay = NULL;

  G_OBJECT_CLASS (voc_toast_queue_parent_class)->dispose (object);
}

static void
voc_toast_queue_class_init (VocToastQueueClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = voc_toast_queue_dispose;
}

static void
voc_toast_queue_init (VocToastQueue *self)
{
  g_queue_init (&self->waiting);
}

VocToastQueue *
voc_toast_queue_new (AdwToastOverlay *overlay)
{
  VocToastQueue *self;

  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (overlay), NULL);

  self = g_object_new (VOC_TYPE_TOAST_QUEUE, NULL);
  self->overlay = overlay;
  g_object_add_weak_pointer (G_OBJECT (overlay), (gpointer *) &self->overlay);
  return self;
}

guint
voc_toast_queue_add (VocToastQueue *self,
                     const char    *text,
                     const char    *button_label,
                     const char    *action_name,
                     GVariant      *target,
                     guint          timeout,
                     gboolean       urgent)
{
  Message *message;

  g_return_val_if_fail (VOC_IS_TOAST_QUEUE (self), 0);
  g_return_val_if_fail (text != NULL, 0);

  message = g_new0 (Message, 1);
  message->id = ++self->last_id;
  message->text = g_strdup (text);
  message->button_label = g_strdup (button_label);
  message->action_name = g_strdup (action_name);
  message->target = target ? g_variant_ref_sink (target) : NULL;
  message->timeout = timeout;

  if (!urgent)
    {
      g_queue_push_tail (&self->waiting, message);
      show_next (self);
      return message->id;
    }

  /* The toast on screen makes way, and comes back after this one. */
  if (self->shown != NULL)
    g_queue_push_head (&self->waiting, g_steal_pointer (&self->shown));
  g_queue_push_head (&self->waiting, message);
  take_down (self);
  show_next (self);
  return message->id;
}

void
voc_toast_queue_withdraw (VocToastQueue *self,
                          guint          id)
{
  g_return_if_fail (VOC_IS_TOAST_QUEUE (self));

  if (self->shown != NULL && self->shown->id == id)
    {
      g_clear_pointer (&self->shown, message_free);
      take_down (self);
      return;
    }
  for (GList *l = self->waiting.head; l != NULL; l = l->next)
    if (((Message *) l->data)->id == id)
      {
        message_free (l->data);
        g_queue_delete_link (&self->waiting, l);
        return;
      }
}

const char *
voc_toast_queue_get_shown (VocToastQueue *self)
{
  g_return_val_if_fail (VOC_IS_TOAST_QUEUE (self), NULL);

  return self->shown ? self->shown->text : NULL;
}

guint
voc_toast_queue_get_n_waiting (VocToastQueue *self)
{
  g_return_val_if_fail (VOC_IS_TOAST_QUEUE (self), 0);

  return self->waiting.length;
}
