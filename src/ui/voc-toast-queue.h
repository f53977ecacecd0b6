/* voc-toast-queue.h: one toast at a time, with a queue of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VOC_TYPE_TOAST_QUEUE (voc_toast_queue_get_type ())
G_DECLARE_FINAL_TYPE (VocToastQueue, voc_toast_queue, VOC, TOAST_QUEUE, GObject)

VocToastQueue *voc_toast_queue_new      (AdwToastOverlay *overlay);
/* Shows @text (as it is, not as markup) for @timeout seconds (0: until
 * dismissed), with a button for @action_name and @target if
 * @button_label is set. @urgent shows it at once, and the toast it
 * replaces comes back after it; otherwise it waits its turn. Returns an
 * id for voc_toast_queue_withdraw(). */
guint          voc_toast_queue_add      (VocToastQueue   *self,
                                         const char      *text,
                                         const char      *button_label,
                                         const char      *action_name,
                                         GVariant        *target,
                                         guint            timeout,
                                         gboolean         urgent);
/* Takes toast @id off the screen, or out of the queue. */
void           voc_toast_queue_withdraw (VocToastQueue   *self,
                                         guint            id);
/* The text of the toast on screen, or NULL. */
const char    *voc_toast_queue_get_shown (VocToastQueue  *self);
/* How many toasts wait to be shown. */
guint          voc_toast_queue_get_n_waiting (VocToastQueue *self);

G_END_DECLS
