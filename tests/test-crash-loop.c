/* test-crash-loop.c: a writer killed with SIGKILL, over and over
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A child process edits the store without pause: ratings, plans with
 * goals, steps, notes several kilobytes long, plan deletions. After each
 * call that reported success it tells the parent, through a pipe. The
 * parent kills it at a random moment, then opens the file as the next
 * start of Vocation would: no recovery, integrity_check "ok", and the
 * data equal, field for field, to a model replaying every acknowledged
 * edit, plus perhaps the one edit that was in flight, whole or not at all.
 * The next writer carries on after a gap, so the data grows over rounds.
 * A second test kills the first open of a version 1 file, while it turns
 * to WAL and is migrated: the next open must find all its data.
 *
 * VOC_CRASH_SEED sets the seed of the kill times; -m thorough runs more
 * rounds.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "voc-store-notes.h"
#include "voc-store-plans.h"
#include "voc-test-utils.h"

#define ROUNDS 120
#define THOROUGH_ROUNDS 1000
#define DEFAULT_SEED 20240611u
#define MIN_DELAY_US 1000
#define MAX_DELAY_US 40000
#define MAX_EDITS_BEFORE_KILL 20

/* Every sequence number is one edit; its remainder says which. */
enum
{
  OP_RATING,
  OP_PLAN,
  OP_STEP,
  OP_ROLE_NOTE,
  OP_PLAN_NOTE,
  OP_DELETE_PLAN,
  OPS_PER_BLOCK
};

#define N_ROLES 30
#define N_SKILLS 40
#define DELETE_AFTER 3  /* the plan of block b is deleted in block b + 3 */

/* What the writer tells the parent; smaller than PIPE_BUF, so one write()
 * arrives whole or not at all. */
typedef enum
{
  MSG_OPENED = 1,
  MSG_RECOVERED,
  MSG_SAVED,
  MSG_FAILED,
} MessageType;

typedef struct
{
  guint32 type;
  guint32 seq;
  char    text[248];
} Message;

/* The edits, as both the writer and the model see them. */

static guint
rating_skill (guint block)
{
  return block % N_SKILLS;
}

static int
rating_level (guint block)
{
  /* -1 clears the rating; with relevant set, that deletes its row. */
  return (int) (block % 6) - 1;
}

static gboolean
rating_relevant (guint block)
{
  return block % 7 != 3;
}

static char *
plan_title (guint block)
{
  return g_strdup_printf ("plan-%06u", block);
}

static char *
plan_role (guint block)
{
  return g_strdup_printf ("role-%02u", block % N_ROLES);
}

static const char *
plan_target (guint block)
{
  return block % 3 == 0 ? "2027-12-31" : NULL;
}

static guint
plan_n_goals (guint block)
{
  return 2 + block % 2;
}

static char *
goal_skill (guint block,
            guint i)
{
  return g_strdup_printf ("goal-%06u-%u", block, i);
}

static const char *
goal_due (guint i)
{
  static const char *const dues[] = { NULL, "2027-01-02", "2027-03-04" };

  return dues[i % G_N_ELEMENTS (dues)];
}

static guint
step_goal (guint block)
{
  return block % 2;
}

static char *
step_text (guint seq)
{
  return g_strdup_printf ("step-%u", seq);
}

static char *
step_url (guint seq)
{
  return seq % 4 == 0 ? g_strdup_printf ("https://example.org/%u", seq) : NULL;
}

static char *
role_subject (guint block)
{
  return g_strdup_printf ("role-%02u", block % N_ROLES);
}

/* 1.5 to 10.5 kB, so a note spans several pages and a torn one shows. */
static char *
note_body (guint seq)
{
  gsize length = 1500 + (seq * 7919u) % 9000;
  GString *body = g_string_sized_new (length + 100);
  char line[100];

  g_string_append_printf (body, "note %u\n", seq);
  for (guint i = 0; body->len < length; i++)
    {
      g_snprintf (line, sizeof line, "%u: line %u of the note written as edit %u\n", seq, i, seq);
      g_string_append (body, line);
    }
  g_string_truncate (body, length);
  return g_string_free (body, FALSE);
}

/* The writer: the child process. */

static void
send_message (int          fd,
              MessageType  type,
              guint        seq,
              const char  *text)
{
  Message message = { type, seq, { 0 } };
  const char *p = (const char *) &message;
  gsize left = sizeof message;

  if (text)
    g_strlcpy (message.text, text, sizeof message.text);
  while (left > 0)
    {
      ssize_t n = write (fd, p, left);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        _exit (3);
      p += n;
      left -= (gsize) n;
    }
}

static gint64
find_plan (VocStore  *store,
           guint      block,
           GError   **error)
{
  g_autoptr (GPtrArray) plans = voc_store_list_plans (store, error);
  g_autofree char *title = plan_title (block);

  for (guint i = 0; plans && i < plans->len; i++)
    {
      VocPlanInfo *info = g_ptr_array_index (plans, i);

      if (g_strcmp0 (info->title, title) == 0)
        return info->id;
    }
  return 0;
}

/* One edit; FALSE with @error set when the store refused it. */
static gboolean
write_edit (VocStore  *store,
            guint      seq,
            gint64    *plan_id,
            gint64    *goal_ids,
            GError   **error)
{
  guint block = seq / OPS_PER_BLOCK;

  switch (seq % OPS_PER_BLOCK)
    {
    case OP_RATING:
      {
        g_autofree char *skill = g_strdup_printf ("skill-%02u", rating_skill (block));

        return voc_store_set_rating (store, skill, rating_level (block), rating_relevant (block), error);
      }

    case OP_PLAN:
      {
        g_autofree char *title = plan_title (block);
        g_autofree char *role = plan_role (block);
        g_autoptr (GPtrArray) skills = g_ptr_array_new_with_free_func (g_free);
        g_autoptr (GPtrArray) goals = NULL;
        VocGoalSpec specs[3];
        guint n = plan_n_goals (block);

        for (guint i = 0; i < n; i++)
          {
            g_ptr_array_add (skills, goal_skill (block, i));
            specs[i] = (VocGoalSpec) { g_ptr_array_index (skills, i), (int) i, 5 - (int) (i % 2), goal_due (i) };
          }
        *plan_id = voc_store_create_plan (store, role, title, plan_target (block), specs, n, error);
        if (*plan_id == 0)
          return FALSE;
        /* Reading the ids back is no edit; the steps need them. */
        if (!(goals = voc_store_list_goals (store, *plan_id, error)))
          return FALSE;
        for (guint i = 0; i < goals->len && i < 3; i++)
          goal_ids[i] = ((VocGoalInfo *) g_ptr_array_index (goals, i))->id;
        return TRUE;
      }

    case OP_STEP:
      {
        g_autofree char *text = step_text (seq);
        g_autofree char *url = step_url (seq);

        return voc_store_add_step (store, goal_ids[step_goal (block)], text, url, error) != 0;
      }

    case OP_ROLE_NOTE:
      {
        g_autofree char *subject = role_subject (block);
        g_autofree char *body = note_body (seq);

        return voc_store_save_note (store, VOC_NOTE_ROLE, subject, body, error);
      }

    case OP_PLAN_NOTE:
      {
        g_autofree char *subject = g_strdup_printf ("%" G_GINT64_FORMAT, *plan_id);
        g_autofree char *body = note_body (seq);

        return voc_store_save_note (store, VOC_NOTE_PLAN, subject, body, error);
      }

    case OP_DELETE_PLAN:
      {
        g_autoptr (VocPlanCopy) copy = NULL;
        g_autoptr (GError) local_error = NULL;
        gint64 id;

        if (block < DELETE_AFTER)
          return TRUE;
        /* The plan was never made when its block fell in a gap. */
        id = find_plan (store, block - DELETE_AFTER, &local_error);
        if (local_error)
          {
            g_propagate_error (error, g_steal_pointer (&local_error));
            return FALSE;
          }
        if (id == 0)
          return TRUE;
        copy = voc_store_delete_plan (store, id, error);
        return copy != NULL;
      }

    default:
      g_assert_not_reached ();
    }
}

static void G_GNUC_NORETURN
run_writer (const char *path,
            guint       start,
            int         fd)
{
  g_autoptr (GError) error = NULL;
  VocStore *store = voc_store_open (path, &error);
  gint64 plan_id = 0;
  gint64 goal_ids[3] = { 0, 0, 0 };

  if (store == NULL)
    {
      send_message (fd, MSG_FAILED, start, error->message);
      _exit (1);
    }
  if (voc_store_get_recovery_note (store))
    {
      send_message (fd, MSG_RECOVERED, start, voc_store_get_recovery_note (store));
      _exit (1);
    }
  send_message (fd, MSG_OPENED, start, NULL);

  for (guint seq = start;; seq++)
    {
      if (!write_edit (store, seq, &plan_id, goal_ids, &error))
        {
          send_message (fd, MSG_FAILED, seq, error ? error->message : "no error");
          _exit (1);
        }
      send_message (fd, MSG_SAVED, seq, NULL);
    }
}

/* The model: what the data must be after a list of committed edits. */

typedef struct
{
  guint block;
  int   step_seq;  /* -1 when none */
  int   note_seq;
} PlanModel;

typedef struct
{
  GHashTable *profile;     /* skill id → "level|relevant" */
  GString    *history;     /* lines, in order */
  GHashTable *plans;       /* block + 1 → PlanModel */
  GHashTable *role_notes;  /* subject → seq + 1 */
} Model;

static Model *
model_new (void)
{
  Model *model = g_new0 (Model, 1);

  model->profile = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  model->history = g_string_new (NULL);
  model->plans = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  model->role_notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return model;
}

static void
model_free (Model *model)
{
  g_hash_table_unref (model->profile);
  g_string_free (model->history, TRUE);
  g_hash_table_unref (model->plans);
  g_hash_table_unref (model->role_notes);
  g_free (model);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Model, model_free)

static void
model_apply (Model *model,
             guint  seq)
{
  guint block = seq / OPS_PER_BLOCK;
  PlanModel *plan = g_hash_table_lookup (model->plans, GUINT_TO_POINTER (block + 1));

  switch (seq % OPS_PER_BLOCK)
    {
    case OP_RATING:
      {
        char *skill = g_strdup_printf ("skill-%02u", rating_skill (block));
        int level = rating_level (block);
        gboolean relevant = rating_relevant (block);

        if (level < 0)
          g_string_append_printf (model->history, "history|%s|NULL|%d\n", skill, relevant);
        else
          g_string_append_printf (model->history, "history|%s|%d|%d\n", skill, level, relevant);
        if (level < 0 && relevant)
          {
            g_hash_table_remove (model->profile, skill);
            g_free (skill);
          }
        else
          g_hash_table_replace (model->profile, skill, g_strdup_printf ("%d|%d", MAX (level, 0), relevant));
        break;
      }

    case OP_PLAN:
      plan = g_new0 (PlanModel, 1);
      plan->block = block;
      plan->step_seq = plan->note_seq = -1;
      g_hash_table_replace (model->plans, GUINT_TO_POINTER (block + 1), plan);
      break;

    case OP_STEP:
      /* The writer only gets here once the plan was saved. */
      g_assert_nonnull (plan);
      plan->step_seq = (int) seq;
      break;

    case OP_ROLE_NOTE:
      g_hash_table_replace (model->role_notes, role_subject (block), GUINT_TO_POINTER (seq + 1));
      break;

    case OP_PLAN_NOTE:
      g_assert_nonnull (plan);
      plan->note_seq = (int) seq;
      break;

    case OP_DELETE_PLAN:
      if (block >= DELETE_AFTER)
        g_hash_table_remove (model->plans, GUINT_TO_POINTER (block - DELETE_AFTER + 1));
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Sections of the canonical dump; every section but the history is
 * sorted, so the dump does not depend on row ids. */
enum
{
  SECTION_PROFILE,
  SECTION_HISTORY,
  SECTION_PLAN,
  SECTION_GOAL,
  SECTION_STEP,
  SECTION_ROLE_NOTE,
  SECTION_PLAN_NOTE,
  N_SECTIONS
};

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
join_sections (GPtrArray **sections)
{
  GString *dump = g_string_new (NULL);

  for (guint s = 0; s < N_SECTIONS; s++)
    {
      if (s != SECTION_HISTORY)
        g_ptr_array_sort (sections[s], compare_lines);
      for (guint i = 0; i < sections[s]->len; i++)
        {
          g_string_append (dump, g_ptr_array_index (sections[s], i));
          g_string_append_c (dump, '\n');
        }
      g_ptr_array_unref (sections[s]);
    }
  return g_string_free (dump, FALSE);
}

static char *
model_dump (Model *model)
{
  GPtrArray *sections[N_SECTIONS];
  GHashTableIter iter;
  gpointer key, value;

  for (guint s = 0; s < N_SECTIONS; s++)
    sections[s] = g_ptr_array_new_with_free_func (g_free);

  g_hash_table_iter_init (&iter, model->profile);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_ptr_array_add (sections[SECTION_PROFILE], g_strdup_printf ("profile|%s|%s", (char *) key, (char *) value));

  /* One element: join_sections ends it with the last newline. */
  if (model->history->len > 0)
    g_ptr_array_add (sections[SECTION_HISTORY], g_strndup (model->history->str, model->history->len - 1));

  g_hash_table_iter_init (&iter, model->plans);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      PlanModel *plan = value;
      g_autofree char *title = plan_title (plan->block);
      g_autofree char *role = plan_role (plan->block);
      const char *target = plan_target (plan->block);

      g_ptr_array_add (sections[SECTION_PLAN],
                       g_strdup_printf ("plan|%s|%s|%s|0", title, role, target ? target : "NULL"));
      for (guint i = 0; i < plan_n_goals (plan->block); i++)
        {
          g_autofree char *skill = goal_skill (plan->block, i);
          const char *due = goal_due (i);

          g_ptr_array_add (sections[SECTION_GOAL],
                           g_strdup_printf ("goal|%s|%u|%s|%u|%u|%s|0", title, i, skill, i, 5 - i % 2,
                                            due ? due : "NULL"));
        }
      if (plan->step_seq >= 0)
        {
          g_autofree char *skill = goal_skill (plan->block, step_goal (plan->block));
          g_autofree char *text = step_text ((guint) plan->step_seq);
          g_autofree char *url = step_url ((guint) plan->step_seq);

          g_ptr_array_add (sections[SECTION_STEP],
                           g_strdup_printf ("step|%s|%s|0|%s|%s|0", title, skill, text, url ? url : "NULL"));
        }
      if (plan->note_seq >= 0)
        {
          g_autofree char *body = note_body ((guint) plan->note_seq);

          g_ptr_array_add (sections[SECTION_PLAN_NOTE], g_strdup_printf ("note|plan|%s|%s", title, body));
        }
    }

  g_hash_table_iter_init (&iter, model->role_notes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *body = note_body (GPOINTER_TO_UINT (value) - 1);

      g_ptr_array_add (sections[SECTION_ROLE_NOTE], g_strdup_printf ("note|role|%s|%s", (char *) key, body));
    }

  return join_sections (sections);
}

/* The same dump, from the file. */

static const struct
{
  guint       section;
  const char *prefix;
  const char *sql;
} dump_queries[] = {
  { SECTION_PROFILE, "profile", "SELECT skill_id, level, relevant FROM profile_level" },
  { SECTION_HISTORY, "history", "SELECT skill_id, level, relevant FROM level_history ORDER BY id" },
  { SECTION_PLAN, "plan", "SELECT title, role_id, target_date, archived FROM plan" },
  { SECTION_GOAL, "goal",
    "SELECT p.title, g.position, g.skill_id, g.from_level, g.target_level, g.due_date, g.status "
    "FROM goal AS g LEFT JOIN plan AS p ON p.id = g.plan_id" },
  { SECTION_STEP, "step",
    "SELECT p.title, g.skill_id, s.position, s.text, s.url, s.done "
    "FROM step AS s LEFT JOIN goal AS g ON g.id = s.goal_id LEFT JOIN plan AS p ON p.id = g.plan_id" },
  { SECTION_ROLE_NOTE, "note|role", "SELECT subject_id, body FROM note WHERE subject_kind = 'role'" },
  /* A note whose plan is gone dumps as NULL, which no model has. */
  { SECTION_PLAN_NOTE, "note|plan",
    "SELECT p.title, n.body FROM note AS n LEFT JOIN plan AS p ON CAST (p.id AS TEXT) = n.subject_id "
    "WHERE n.subject_kind != 'role'" },
};

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return stmt;
}

/* integrity_check, foreign keys and the profile against its history;
 * then the dump. */
static char *
check_and_dump (const char *path)
{
  GPtrArray *sections[N_SECTIONS];
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);

  stmt = prepare (db, "PRAGMA integrity_check");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  stmt = prepare (db, "PRAGMA foreign_key_check");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  /* A rating and its history entry are one transaction: same time. */
  stmt = prepare (db, "SELECT COUNT (*) FROM profile_level AS p WHERE p.updated_at IS NOT "
                      "(SELECT at FROM level_history WHERE skill_id = p.skill_id ORDER BY id DESC LIMIT 1)");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);

  for (guint s = 0; s < N_SECTIONS; s++)
    sections[s] = g_ptr_array_new_with_free_func (g_free);

  for (guint q = 0; q < G_N_ELEMENTS (dump_queries); q++)
    {
      stmt = prepare (db, dump_queries[q].sql);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          GString *line = g_string_new (dump_queries[q].prefix);

          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);

              g_string_append_c (line, '|');
              g_string_append (line, text ? text : "NULL");
            }
          g_ptr_array_add (sections[dump_queries[q].section], g_string_free (line, FALSE));
        }
      g_assert_cmpint (rc, ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
    }

  sqlite3_close (db);
  return join_sections (sections);
}

/* For a failure message: the first line where two dumps part. */
static void
assert_same_dump (const char *got,
                  const char *expected)
{
  g_auto (GStrv) got_lines = g_strsplit (got, "\n", -1);
  g_auto (GStrv) expected_lines = g_strsplit (expected, "\n", -1);
  guint i = 0;

  while (got_lines[i] && expected_lines[i] && strcmp (got_lines[i], expected_lines[i]) == 0)
    i++;
  g_test_message ("the file and the model part at line %u", i + 1);
  g_assert_cmpstr (got_lines[i], ==, expected_lines[i]);
}

/* The parent. */

typedef struct
{
  gint64 edit_us;  /* how long an edit takes here, about */
  guint rounds;
  guint killed_before_open;
  guint acknowledged;
  guint in_flight_found;
  guint in_flight_absent;
  guint committed;
  guint64 edits_checked;
} Stats;

static gboolean
read_message (int      fd,
              Message *message)
{
  char *p = (char *) message;
  gsize got = 0;

  while (got < sizeof *message)
    {
      ssize_t n = read (fd, p + got, sizeof *message - got);

      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >=, 0);
      if (n == 0)
        {
          g_assert_cmpuint (got, ==, 0);
          return FALSE;
        }
      got += (gsize) n;
    }
  return TRUE;
}

static void
check_message (const Message *message,
               guint         *next,
               gboolean      *opened)
{
  switch ((MessageType) message->type)
    {
    case MSG_OPENED:
      g_assert_false (*opened);
      *opened = TRUE;
      break;
    case MSG_RECOVERED:
      g_error ("the writer found the file damaged at open: %s", message->text);
      break;
    case MSG_FAILED:
      g_error ("the writer's edit %u failed: %s", message->seq, message->text);
      break;
    case MSG_SAVED:
      g_assert_true (*opened);
      g_assert_cmpuint (message->seq, ==, *next);
      (*next)++;
      break;
    default:
      g_error ("unknown message %u from the writer", message->type);
    }
}

/* One writer, one kill, one check; returns the first sequence number
 * after the last edit that may have been made. */
static guint
run_round (const char *path,
           guint       round,
           guint       start,
           GRand      *rand,
           Model      *model,
           Stats      *stats)
{
  int fds[2];
  pid_t pid;
  int status = 0;
  guint next = start;
  gboolean opened = FALSE;
  Message message;
  g_autofree char *dump = NULL;
  g_autofree char *without = NULL;
  g_autofree char *with = NULL;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (fds[0]);
      run_writer (path, start, fds[1]);
    }
  close (fds[1]);

  if (round % 2 == 0)
    {
      /* At any time from the start: while the store opens (migrations and
       * the daily copy included) or while it edits. */
      g_usleep (g_rand_int_range (rand, MIN_DELAY_US, MAX_DELAY_US + 1));
    }
  else
    {
      /* After some edits, at any moment of the next one or two: as many
       * edits in a slow build (ASan) as in a fast one. */
      guint target = g_rand_int_range (rand, 0, MAX_EDITS_BEFORE_KILL + 1);
      gint64 opened_at = 0;

      while ((!opened || next - start < target) && read_message (fds[0], &message))
        {
          check_message (&message, &next, &opened);
          if (opened && opened_at == 0)
            opened_at = g_get_monotonic_time ();
        }
      if (next - start > 0)
        stats->edit_us = (stats->edit_us + (g_get_monotonic_time () - opened_at) / (next - start)) / 2;
      g_usleep (g_rand_int_range (rand, 0, 2 * (gint32) MAX (stats->edit_us, 100) + 1));
    }
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

  while (read_message (fds[0], &message))
    check_message (&message, &next, &opened);
  close (fds[0]);

  /* It must have died of the kill, not of an error of its own. */
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  stats->rounds++;
  if (!opened)
    stats->killed_before_open++;
  for (guint seq = start; seq < next; seq++)
    model_apply (model, seq);
  stats->acknowledged += next - start;
  stats->committed += next - start;

  /* What the next start of Vocation does first. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (VocStore) store = voc_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_null (voc_store_get_recovery_note (store));
  }

  dump = check_and_dump (path);
  without = model_dump (model);
  stats->edits_checked += stats->committed;
  if (strcmp (dump, without) == 0)
    {
      stats->in_flight_absent++;
      return next;
    }

  /* Edit @next may have committed before its acknowledgement was sent. */
  model_apply (model, next);
  with = model_dump (model);
  if (strcmp (dump, with) != 0)
    {
      g_test_message ("round %u: writer started at %u, acknowledged up to %d", round, start, (int) next - 1);
      assert_same_dump (dump, with);
      assert_same_dump (dump, without);
    }
  stats->committed++;
  stats->in_flight_found++;
  stats->edits_checked++;
  return next + 1;
}

static void
test_crash_loop (void)
{
  g_autofree char *dir = voc_test_make_folder ("vocation-crash-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "vocation.db", NULL);
  g_autoptr (Model) model = model_new ();
  const char *seed_env = g_getenv ("VOC_CRASH_SEED");
  guint32 seed = seed_env ? (guint32) g_ascii_strtoull (seed_env, NULL, 10) : DEFAULT_SEED;
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  guint rounds = g_test_thorough () ? THOROUGH_ROUNDS : ROUNDS;
  Stats stats = { 1000, 0 };
  guint start = 0;
  gint64 began = g_get_monotonic_time ();

  g_assert_nonnull (dir);
  g_test_message ("seed %u (VOC_CRASH_SEED), %u rounds; the even ones kill %d-%d ms after the start, the odd "
                  "ones after 0-%d edits, within the next one or two", seed, rounds, MIN_DELAY_US / 1000,
                  MAX_DELAY_US / 1000, MAX_EDITS_BEFORE_KILL);

  for (guint round = 0; round < rounds; round++)
    {
      guint next = run_round (path, round, start, rand, model, &stats);
      /* The next writer starts a new block, now and then skipping one. */
      guint block = (next + OPS_PER_BLOCK - 1) / OPS_PER_BLOCK + (round % 4 == 3 ? 1 : 0);

      start = block * OPS_PER_BLOCK;
    }

  g_test_message ("%u rounds, %u writers killed: %u before the store was open; "
                  "%u edits acknowledged, all present and whole after every kill; "
                  "the edit in flight was found whole %u times and absent %u times; "
                  "%" G_GUINT64_FORMAT " edits checked in all; an edit takes about %.1f ms; %.1f s",
                  stats.rounds, stats.rounds, stats.killed_before_open, stats.acknowledged,
                  stats.in_flight_found, stats.in_flight_absent, stats.edits_checked, stats.edit_us / 1000.0,
                  (g_get_monotonic_time () - began) / (double) G_USEC_PER_SEC);
  g_assert_cmpuint (stats.rounds, >=, 100);
  g_assert_cmpuint (stats.acknowledged, >, 0);

  voc_test_remove_tree (dir);
}

/* Killed while opening a version 1 file: while it turns to WAL (in
 * rollback mode, behind a journal), while the copy taken before
 * migrations is saved, while it is migrated. */

#define MIGRATION_ROUNDS 60
#define THOROUGH_MIGRATION_ROUNDS 300

/* The schema version, the profile and its history, times included. */
static char *
check_and_dump_profile (const char *path)
{
  static const char *const queries[] = {
    "PRAGMA user_version",
    "SELECT * FROM profile_level ORDER BY skill_id",
    "SELECT * FROM level_history ORDER BY id",
  };
  GString *dump = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  stmt = prepare (db, "PRAGMA integrity_check");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      stmt = prepare (db, queries[q]);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);

              g_string_append_printf (dump, "%s%s", c > 0 ? "|" : "", text ? text : "NULL");
            }
          g_string_append_c (dump, '\n');
        }
      g_assert_cmpint (rc, ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (dump, FALSE);
}

/* An empty @dir with the version 1 fixture in it; returns its path. */
static char *
fresh_v1 (const char *dir)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "db", "v1.db", NULL);
  g_autofree char *contents = NULL;
  char *path = g_build_filename (dir, "vocation.db", NULL);
  gsize length = 0;

  voc_test_remove_tree (dir);
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_true (g_file_get_contents (fixture, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

/* A child that opens the store, says so and leaves; returns its pid. */
static pid_t
spawn_opener (const char *path,
              int        *fd_out)
{
  int fds[2];
  pid_t pid;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr (GError) error = NULL;
      VocStore *store;

      close (fds[0]);
      store = voc_store_open (path, &error);
      if (store == NULL)
        send_message (fds[1], MSG_FAILED, 0, error->message);
      else if (voc_store_get_recovery_note (store))
        send_message (fds[1], MSG_RECOVERED, 0, voc_store_get_recovery_note (store));
      else
        send_message (fds[1], MSG_OPENED, 0, NULL);
      _exit (0);
    }
  close (fds[1]);
  *fd_out = fds[0];
  return pid;
}

static void
test_kill_migration (void)
{
  g_autofree char *dir = voc_test_make_folder ("vocation-crash-XXXXXX");
  g_autofree char *expected = NULL;
  const char *seed_env = g_getenv ("VOC_CRASH_SEED");
  guint32 seed = seed_env ? (guint32) g_ascii_strtoull (seed_env, NULL, 10) : DEFAULT_SEED;
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  int rounds = g_test_thorough () ? THOROUGH_MIGRATION_ROUNDS : MIGRATION_ROUNDS;
  gint64 open_time = 0;
  guint killed = 0, finished = 0, journals = 0, wals = 0;

  /* What every kill must end in, once the next open is done. */
  {
    g_autofree char *path = fresh_v1 (dir);
    g_autoptr (GError) error = NULL;
    g_autoptr (VocStore) store = voc_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_cmpint (voc_store_get_schema_version (store), ==, 2);
    g_clear_object (&store);
    expected = check_and_dump_profile (path);
  }

  /* How long an open takes here, so the kills fall inside it. */
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *path = fresh_v1 (dir);
      gint64 began = g_get_monotonic_time ();
      Message message;
      int fd, status;
      pid_t pid = spawn_opener (path, &fd);

      g_assert_true (read_message (fd, &message));
      g_assert_cmpuint (message.type, ==, MSG_OPENED);
      /* The quickest, so that most kills fall inside the open. */
      open_time = i == 0 ? g_get_monotonic_time () - began : MIN (open_time, g_get_monotonic_time () - began);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      close (fd);
    }
  g_test_message ("seed %u; opening and migrating a version 1 file takes %.1f ms; %d kills in that time",
                  seed, open_time / 1000.0, rounds);

  for (int round = 0; round < rounds; round++)
    {
      g_autofree char *path = fresh_v1 (dir);
      g_autofree char *journal = g_strconcat (path, "-journal", NULL);
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *dump = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (VocStore) store = NULL;
      Message message;
      int fd, status = 0;
      pid_t pid = spawn_opener (path, &fd);

      g_usleep (g_rand_int_range (rand, 0, (gint32) open_time + 1));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (read_message (fd, &message))
        {
          if (message.type != MSG_OPENED)
            g_error ("the store, opened without a kill, reported: %s", message.text);
          finished++;
        }
      else
        {
          g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
          killed++;
        }
      close (fd);

      /* A journal left behind is hot: the next open must play it back,
       * not take the file for damaged. */
      journals += g_file_test (journal, G_FILE_TEST_EXISTS);
      wals += g_file_test (wal, G_FILE_TEST_EXISTS);

      store = voc_store_open (path, &error);
      g_assert_no_error (error);
      if (voc_store_get_recovery_note (store))
        g_test_message ("round %d: %s", round, voc_store_get_recovery_note (store));
      g_assert_null (voc_store_get_recovery_note (store));
      g_assert_cmpint (voc_store_get_schema_version (store), ==, 2);
      g_clear_object (&store);

      dump = check_and_dump_profile (path);
      g_assert_cmpstr (dump, ==, expected);
    }

  g_test_message ("%d rounds: %u openers killed, %u done before the kill; a journal was left %u times, a "
                  "-wal %u times; every next open without recovery, migrated, every rating and history "
                  "entry there", rounds, killed, finished, journals, wals);
  voc_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash-loop/sigkill-writer", test_crash_loop);
  g_test_add_func ("/crash-loop/sigkill-migration", test_kill_migration);

  return g_test_run ();
}
