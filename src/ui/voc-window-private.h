/* voc-window-private.h: what the window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * voc-window.c            navigation, search, state, pages
 * voc-window-actions.c    the win.* actions: views, pages, toasts, links
 * voc-window-deletions.c  deleting plans, goals and steps, and Undo
 * voc-window-transfer.c   Export Data… and Import Data…, off the UI thread
 */
#pragma once

#include <adwaita.h>

#include "voc-catalog.h"
#include "voc-catalog-view.h"
#include "voc-plan-page.h"
#include "voc-plans-view.h"
#include "voc-profile.h"
#include "voc-role-page.h"
#include "voc-skills-view.h"
#include "voc-toast-queue.h"
#include "voc-window.h"

G_BEGIN_DECLS

struct _VocWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwLeaflet          *leaflet;
  GtkWidget           *browse_page;
  AdwHeaderBar        *header_bar;
  GtkToggleButton     *search_button;
  GtkMenuButton       *family_button;
  GtkMenuButton       *main_menu_button;
  GMenuModel          *primary_menu;
  AdwViewSwitcherTitle *switcher_title;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkRevealer         *family_bar;
  GtkLabel            *family_label;
  GtkWidget           *all_families_button;
  AdwViewStack        *view_stack;
  VocCatalogView      *catalog_view;
  AdwBin              *skills_page;
  AdwBin              *plans_page;
  VocSkillsView       *skills_view;   /* NULL until first shown */
  VocPlansView        *plans_view;    /* NULL until first shown */

  /* Owned by the leaflet; made when the first role or plan is opened */
  VocRolePage         *role_page;
  VocPlanPage         *plan_page;

  /* Owned: every deletion since the window opened, oldest first, for Undo */
  GPtrArray           *deletions;
  guint64              last_deletion;
  VocToastQueue       *toasts;
  guint                chart_toast;   /* the last "Chart saved" toast */

  gboolean             recovery_reported;  /* the dialog is shown once */

  /* Owned */
  GSettings           *settings;

  /* Construct-only: what the window shows and keeps. */
  VocCatalog           *catalog;
  VocProfile           *profile;
  VocStore             *store;          /* NULL when the data folder could not be opened */
  char                 *store_problem;  /* why, then */
};

VocStore   *_voc_window_get_store   (VocWindow  *self);
VocCatalog *_voc_window_get_catalog (VocWindow  *self);
VocProfile *_voc_window_get_profile (VocWindow  *self);
/* A toast, in its turn; with @button_label, a button for @action_name. */
void        _voc_window_toast       (VocWindow  *self,
                                     const char *text,
                                     const char *button_label,
                                     const char *action_name,
                                     GVariant   *target);
/* Saves what is being typed in every note. */
void        _voc_window_save_notes  (VocWindow  *self);
/* Back to the views: a page's notes are saved before its data changes. */
void        _voc_window_leave_pages (VocWindow  *self);
/* Emits ::transfer-finished. */
void        _voc_window_transfer_finished (VocWindow *self,
                                           gboolean   success);

/* voc-window-actions.c */
void        _voc_window_class_add_actions          (GtkWidgetClass *widget_class);

/* voc-window-deletions.c */
void        _voc_window_init_deletions             (VocWindow      *self);
void        _voc_window_class_add_deletion_actions (GtkWidgetClass *widget_class);

/* voc-window-transfer.c */
void        _voc_window_choose_export (VocWindow *self);
void        _voc_window_choose_import (VocWindow *self);

G_END_DECLS
