/* voc-role-card.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "voc-profile.h"
#include "voc-role.h"

G_BEGIN_DECLS

#define VOC_TYPE_ROLE_CARD (voc_role_card_get_type ())
G_DECLARE_FINAL_TYPE (VocRoleCard, voc_role_card, VOC, ROLE_CARD, GtkWidget)

GtkWidget *voc_role_card_new      (void);
VocRole   *voc_role_card_get_role (VocRoleCard *self);
void       voc_role_card_set_role (VocRoleCard *self,
                                   VocRole     *role);
/* The profile the small radar and the match compare with the role. */
void       voc_role_card_set_profile (VocRoleCard *self,
                                      VocProfile  *profile);

G_END_DECLS
