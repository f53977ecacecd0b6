/* voc-store-plans.h: learning plans, their goals and steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "voc-store.h"

G_BEGIN_DECLS

typedef enum
{
  VOC_GOAL_NOT_STARTED = 0,
  VOC_GOAL_IN_PROGRESS = 1,
  VOC_GOAL_DONE        = 2,
} VocGoalStatus;

/* A goal to create: raise @skill_id from @from_level to @target_level. */
typedef struct
{
  const char *skill_id;
  int         from_level;
  int         target_level;
  const char *due_date;    /* "2026-12-31", or NULL */
} VocGoalSpec;

typedef struct
{
  gint64    id;
  char     *role_id;
  char     *title;
  gint64    created_at;
  char     *target_date;   /* or NULL */
  gboolean  archived;
  guint     n_goals;
  guint     n_done;
  char     *next_due;      /* the earliest due date of an open goal, or NULL */
} VocPlanInfo;

typedef struct
{
  gint64         id;
  gint64         plan_id;
  char          *skill_id;
  int            from_level;
  int            target_level;
  char          *due_date;
  VocGoalStatus  status;
  int            position;
  guint          n_steps;
  guint          n_steps_done;
} VocGoalInfo;

typedef struct
{
  gint64    id;
  gint64    goal_id;
  char     *text;
  char     *url;
  gboolean  done;
  int       position;
} VocStepInfo;

/* Everything a deleted plan was, so Undo puts it back as it was. */
typedef struct _VocPlanCopy VocPlanCopy;

void         voc_plan_info_free        (VocPlanInfo   *info);
void         voc_goal_info_free        (VocGoalInfo   *info);
void         voc_step_info_free        (VocStepInfo   *info);
void         voc_plan_copy_free        (VocPlanCopy   *copy);

/* Creates a plan and its goals in one transaction; returns its id, or 0. */
gint64       voc_store_create_plan     (VocStore           *self,
                                        const char         *role_id,
                                        const char         *title,
                                        const char         *target_date,
                                        const VocGoalSpec  *goals,
                                        guint               n_goals,
                                        GError            **error);
/* Of VocPlanInfo, newest first. */
GPtrArray   *voc_store_list_plans      (VocStore           *self,
                                        GError            **error);
/* Plan @plan_id with its counts; NULL, and no error, when there is none. */
VocPlanInfo *voc_store_get_plan        (VocStore           *self,
                                        gint64              plan_id,
                                        GError            **error);
/* The title of plan @plan_id; NULL, and no error, when there is none. */
char        *voc_store_get_plan_title  (VocStore           *self,
                                        gint64              plan_id,
                                        GError            **error);
/* What goal @goal_id is part of: its plan's id and title, and its skill.
 * FALSE, and no error, when there is no such goal. */
gboolean     voc_store_get_goal_plan   (VocStore           *self,
                                        gint64              goal_id,
                                        gint64             *plan_id,
                                        char              **plan_title,
                                        char              **skill_id,
                                        GError            **error);
/* Of VocGoalInfo, in the plan's order. */
GPtrArray   *voc_store_list_goals      (VocStore           *self,
                                        gint64              plan_id,
                                        GError            **error);
gboolean     voc_store_set_goal_status (VocStore           *self,
                                        gint64              goal_id,
                                        VocGoalStatus       status,
                                        GError            **error);
/* @due_date is YYYY-MM-DD, or NULL / "" to clear it. */
gboolean     voc_store_set_goal_due    (VocStore           *self,
                                        gint64              goal_id,
                                        const char         *due_date,
                                        GError            **error);
/* @target_date is YYYY-MM-DD, or NULL / "" to clear it. */
gboolean     voc_store_set_plan_target (VocStore           *self,
                                        gint64              plan_id,
                                        const char         *target_date,
                                        GError            **error);
/* Moves a goal to @position (0-based) within its plan. */
gboolean     voc_store_move_goal       (VocStore           *self,
                                        gint64              goal_id,
                                        guint               position,
                                        GError            **error);
gint64       voc_store_add_step        (VocStore           *self,
                                        gint64              goal_id,
                                        const char         *text,
                                        const char         *url,
                                        GError            **error);
gboolean     voc_store_set_step_done   (VocStore           *self,
                                        gint64              step_id,
                                        gboolean            done,
                                        GError            **error);
/* Of VocStepInfo, in order. */
GPtrArray   *voc_store_list_steps      (VocStore           *self,
                                        gint64              goal_id,
                                        GError            **error);
/* Deletes the plan with its goals and steps; returns what Undo needs. */
VocPlanCopy *voc_store_delete_plan     (VocStore           *self,
                                        gint64              plan_id,
                                        GError            **error);
/* Deletes a goal (with its steps and note) or a step; the copy brings it
 * back through voc_store_restore_plan(). */
VocPlanCopy *voc_store_delete_goal     (VocStore           *self,
                                        gint64              goal_id,
                                        GError            **error);
VocPlanCopy *voc_store_delete_step     (VocStore           *self,
                                        gint64              step_id,
                                        GError            **error);
typedef enum
{
  VOC_PLAN_COPY_PLAN,
  VOC_PLAN_COPY_GOAL,
  VOC_PLAN_COPY_STEP,
} VocPlanCopyKind;

/* What was deleted: a plan, a goal or a step. */
VocPlanCopyKind voc_plan_copy_get_kind  (const VocPlanCopy *copy);
/* The plan's title, the goal's skill id or the step's text. */
const char  *voc_plan_copy_get_label    (const VocPlanCopy *copy);
/* TRUE if @copy can only be restored once @other is: @other holds the goal
 * a deleted step was on, or the plan a deleted goal was in. */
gboolean     voc_plan_copy_needs        (const VocPlanCopy *copy,
                                         const VocPlanCopy *other);
/* Puts back what a delete took, with the same ids. */
gboolean     voc_store_restore_plan    (VocStore           *self,
                                        const VocPlanCopy  *copy,
                                        GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VocPlanInfo, voc_plan_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VocPlanCopy, voc_plan_copy_free)

G_END_DECLS
