/* test-fault-vfs.c: a disk that fails the Nth write, sync or truncate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A shim over the default VFS, registered as the default, counts every
 * xWrite, xSync and xTruncate and fails the Nth of one kind: once, or
 * from then on (a disk that stays broken). For each edit, a first run
 * counts what it reaches: the transaction, a later note saved on the same
 * connection, and the close, whose checkpoint writes, syncs and truncates
 * the database file. Then every N of every kind is failed in turn, on a
 * fresh copy of the same database. The edit must report the error in
 * words or succeed; the file, reopened without faults and without
 * recovery, must pass integrity_check and hold exactly the data from
 * before or from after the edit (and the later note), never a mix; what
 * was reported saved must be there. Opening does the same for its own
 * transactions: a new file, and a version 1 file turned to WAL and
 * migrated.
 *
 * By default each N is failed once with the later note and from then on
 * without it; -m thorough runs the other two combinations as well.
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include <glib/gstdio.h>

#include "voc-store-notes.h"
#include "voc-store-plans.h"
#include "voc-test-utils.h"

/* The shim VFS */

typedef enum
{
  FAULT_WRITE,
  FAULT_SYNC,
  FAULT_TRUNCATE,
  N_FAULT_KINDS
} FaultKind;

static const char *const kind_names[N_FAULT_KINDS] = { "write", "sync", "truncate" };
static const int kind_errors[N_FAULT_KINDS] = { SQLITE_IOERR_WRITE, SQLITE_IOERR_FSYNC, SQLITE_IOERR_TRUNCATE };

static struct
{
  gboolean counting;
  guint    count[N_FAULT_KINDS];
  int      armed;       /* a FaultKind, or -1 */
  guint    fail_at;     /* the call, counting from 1, that fails */
  gboolean persistent;  /* and every later one of the kind */
  guint    injected;
} fault = { FALSE, { 0, 0, 0 }, -1, 0, FALSE, 0 };

static sqlite3_vfs *real_vfs;

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;  /* right after this struct, in the same block */
} ShimFile;

#define REAL(file) (((ShimFile *) (file))->real)

static gboolean
fault_hit (FaultKind kind)
{
  guint n;

  if (!fault.counting)
    return FALSE;
  n = ++fault.count[kind];
  if (fault.armed != (int) kind || n < fault.fail_at || (n > fault.fail_at && !fault.persistent))
    return FALSE;
  fault.injected++;
  return TRUE;
}

static int
shim_close (sqlite3_file *file)
{
  return REAL (file)->pMethods->xClose (REAL (file));
}

static int
shim_read (sqlite3_file *file,
           void         *buffer,
           int           amount,
           sqlite3_int64 offset)
{
  return REAL (file)->pMethods->xRead (REAL (file), buffer, amount, offset);
}

static int
shim_write (sqlite3_file *file,
            const void   *buffer,
            int           amount,
            sqlite3_int64 offset)
{
  if (fault_hit (FAULT_WRITE))
    return kind_errors[FAULT_WRITE];
  return REAL (file)->pMethods->xWrite (REAL (file), buffer, amount, offset);
}

static int
shim_truncate (sqlite3_file  *file,
               sqlite3_int64  size)
{
  if (fault_hit (FAULT_TRUNCATE))
    return kind_errors[FAULT_TRUNCATE];
  return REAL (file)->pMethods->xTruncate (REAL (file), size);
}

/* A sync that succeeds does not reach the disk: this test is about
 * errors, not power cuts (test-crash-loop kills a writer that syncs), the
 * page cache serves every later read, and a thousand fsyncs are slow. */
static int
shim_sync (sqlite3_file *file,
           int           flags)
{
  if (fault_hit (FAULT_SYNC))
    return kind_errors[FAULT_SYNC];
  return SQLITE_OK;
}

static int
shim_file_size (sqlite3_file  *file,
                sqlite3_int64 *size)
{
  return REAL (file)->pMethods->xFileSize (REAL (file), size);
}

static int
shim_lock (sqlite3_file *file,
           int           lock)
{
  return REAL (file)->pMethods->xLock (REAL (file), lock);
}

static int
shim_unlock (sqlite3_file *file,
             int           lock)
{
  return REAL (file)->pMethods->xUnlock (REAL (file), lock);
}

static int
shim_check_reserved_lock (sqlite3_file *file,
                          int          *out)
{
  return REAL (file)->pMethods->xCheckReservedLock (REAL (file), out);
}

static int
shim_file_control (sqlite3_file *file,
                   int           op,
                   void         *arg)
{
  return REAL (file)->pMethods->xFileControl (REAL (file), op, arg);
}

static int
shim_sector_size (sqlite3_file *file)
{
  return REAL (file)->pMethods->xSectorSize (REAL (file));
}

static int
shim_device_characteristics (sqlite3_file *file)
{
  return REAL (file)->pMethods->xDeviceCharacteristics (REAL (file));
}

/* Version 2: the shared memory of WAL mode. */
static int
shim_shm_map (sqlite3_file  *file,
              int            page,
              int            page_size,
              int            extend,
              void volatile **out)
{
  return REAL (file)->pMethods->xShmMap (REAL (file), page, page_size, extend, out);
}

static int
shim_shm_lock (sqlite3_file *file,
               int           offset,
               int           n,
               int           flags)
{
  return REAL (file)->pMethods->xShmLock (REAL (file), offset, n, flags);
}

static void
shim_shm_barrier (sqlite3_file *file)
{
  REAL (file)->pMethods->xShmBarrier (REAL (file));
}

static int
shim_shm_unmap (sqlite3_file *file,
                int           delete_flag)
{
  return REAL (file)->pMethods->xShmUnmap (REAL (file), delete_flag);
}

/* Version 3: memory-mapped reads. */
static int
shim_fetch (sqlite3_file   *file,
            sqlite3_int64   offset,
            int             amount,
            void          **out)
{
  return REAL (file)->pMethods->xFetch (REAL (file), offset, amount, out);
}

static int
shim_unfetch (sqlite3_file  *file,
              sqlite3_int64  offset,
              void          *page)
{
  return REAL (file)->pMethods->xUnfetch (REAL (file), offset, page);
}

/* One table per version, so SQLite calls no method the real file lacks. */
static sqlite3_io_methods shim_io[3];

static int
shim_open (sqlite3_vfs  *vfs,
           const char   *name,
           sqlite3_file *file,
           int           flags,
           int          *out_flags)
{
  ShimFile *shim = (ShimFile *) file;
  int rc;

  shim->real = (sqlite3_file *) (shim + 1);
  rc = real_vfs->xOpen (real_vfs, name, shim->real, flags, out_flags);
  /* SQLite calls xClose whenever pMethods is set, even after a failure. */
  if (shim->real->pMethods == NULL)
    shim->base.pMethods = NULL;
  else
    shim->base.pMethods = &shim_io[CLAMP (shim->real->pMethods->iVersion, 1, 3) - 1];
  return rc;
}

static int
shim_delete (sqlite3_vfs *vfs,
             const char  *name,
             int          sync_dir)
{
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
shim_access (sqlite3_vfs *vfs,
             const char  *name,
             int          flags,
             int         *out)
{
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
shim_full_pathname (sqlite3_vfs *vfs,
                    const char  *name,
                    int          n,
                    char        *out)
{
  return real_vfs->xFullPathname (real_vfs, name, n, out);
}

static void *
shim_dl_open (sqlite3_vfs *vfs,
              const char  *name)
{
  return real_vfs->xDlOpen (real_vfs, name);
}

static void
shim_dl_error (sqlite3_vfs *vfs,
               int          n,
               char        *message)
{
  real_vfs->xDlError (real_vfs, n, message);
}

typedef void (*Symbol) (void);

static Symbol
shim_dl_sym (sqlite3_vfs *vfs,
             void        *handle,
             const char  *symbol)
{
  return real_vfs->xDlSym (real_vfs, handle, symbol);
}

static void
shim_dl_close (sqlite3_vfs *vfs,
               void        *handle)
{
  real_vfs->xDlClose (real_vfs, handle);
}

static int
shim_randomness (sqlite3_vfs *vfs,
                 int          n,
                 char        *out)
{
  return real_vfs->xRandomness (real_vfs, n, out);
}

static int
shim_sleep (sqlite3_vfs *vfs,
            int          microseconds)
{
  return real_vfs->xSleep (real_vfs, microseconds);
}

static int
shim_current_time (sqlite3_vfs *vfs,
                   double      *out)
{
  return real_vfs->xCurrentTime (real_vfs, out);
}

static int
shim_get_last_error (sqlite3_vfs *vfs,
                     int          n,
                     char        *out)
{
  return real_vfs->xGetLastError (real_vfs, n, out);
}

static int
shim_current_time_int64 (sqlite3_vfs   *vfs,
                         sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

static sqlite3_vfs shim_vfs;

static void
register_shim (void)
{
  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);
  g_assert_cmpint (real_vfs->iVersion, >=, 2);

  for (int i = 0; i < 3; i++)
    shim_io[i] = (sqlite3_io_methods) {
      i + 1,
      shim_close, shim_read, shim_write, shim_truncate, shim_sync, shim_file_size,
      shim_lock, shim_unlock, shim_check_reserved_lock, shim_file_control,
      shim_sector_size, shim_device_characteristics,
      i >= 1 ? shim_shm_map : NULL, i >= 1 ? shim_shm_lock : NULL,
      i >= 1 ? shim_shm_barrier : NULL, i >= 1 ? shim_shm_unmap : NULL,
      i >= 2 ? shim_fetch : NULL, i >= 2 ? shim_unfetch : NULL,
    };

  shim_vfs = (sqlite3_vfs) {
    2, (int) sizeof (ShimFile) + real_vfs->szOsFile, real_vfs->mxPathname, NULL, "voc-fault", NULL,
    shim_open, shim_delete, shim_access, shim_full_pathname,
    shim_dl_open, shim_dl_error, shim_dl_sym, shim_dl_close,
    shim_randomness, shim_sleep, shim_current_time, shim_get_last_error,
    shim_current_time_int64, NULL, NULL, NULL,
  };
  /* The default: the store opens with a NULL VFS name. */
  g_assert_cmpint (sqlite3_vfs_register (&shim_vfs, 1), ==, SQLITE_OK);
  g_assert_true (sqlite3_vfs_find (NULL) == &shim_vfs);
}

static void
fault_start (int      kind,
             guint    fail_at,
             gboolean persistent)
{
  memset (fault.count, 0, sizeof fault.count);
  fault.counting = TRUE;
  fault.armed = kind;
  fault.fail_at = fail_at;
  fault.persistent = persistent;
  fault.injected = 0;
}

static void
fault_stop (void)
{
  fault.counting = FALSE;
  fault.armed = -1;
}

/* Files */

static char *baseline_dir;
static char *baseline_path;
static gint64 plan_a, plan_a_goals[3], plan_b;

/* A copy of the baseline in a folder of its own; returns the path. */
static char *
copy_baseline (char **dir_out)
{
  g_autofree char *contents = NULL;
  g_autofree char *dir = voc_test_make_folder ("vocation-fault-XXXXXX");
  char *path = g_build_filename (dir, "vocation.db", NULL);
  gsize length = 0;

  g_assert_true (g_file_get_contents (baseline_path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  /* Today's copy is made: no open takes another. */
  {
    g_autofree char *snapshots = g_build_filename (dir, "snapshots", NULL);
    g_autofree char *snapshot = g_build_filename (snapshots, "vocation-20260101-000000-000000.db", NULL);

    g_assert_cmpint (g_mkdir (snapshots, 0700), ==, 0);
    g_assert_true (g_file_set_contents (snapshot, contents, length, NULL));
  }
  *dir_out = g_steal_pointer (&dir);
  return path;
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return stmt;
}

/* Every row of every table but the times, which differ from run to run. */
static const char *const dump_queries[] = {
  "PRAGMA user_version",
  "SELECT skill_id, level, relevant FROM profile_level ORDER BY skill_id",
  "SELECT id, skill_id, level, relevant FROM level_history ORDER BY id",
  "SELECT id, role_id, title, target_date, archived FROM plan ORDER BY id",
  "SELECT id, plan_id, skill_id, from_level, target_level, due_date, status, position FROM goal ORDER BY id",
  "SELECT id, goal_id, text, url, done, position FROM step ORDER BY id",
  "SELECT id, subject_kind, subject_id, body FROM note ORDER BY id",
};

/* integrity_check, foreign keys, the profile against its history; then
 * the dump. */
static char *
check_and_dump (const char *path)
{
  GString *dump = g_string_new (NULL);
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

  stmt = prepare (db, "SELECT COUNT (*) FROM profile_level AS p WHERE p.updated_at IS NOT "
                      "(SELECT at FROM level_history WHERE skill_id = p.skill_id ORDER BY id DESC LIMIT 1)");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);

  for (guint q = 0; q < G_N_ELEMENTS (dump_queries); q++)
    {
      stmt = prepare (db, dump_queries[q]);
      g_string_append_printf (dump, "-- %s\n", dump_queries[q]);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);

              if (c > 0)
                g_string_append_c (dump, '|');
              g_string_append (dump, text ? text : "NULL");
            }
          g_string_append_c (dump, '\n');
        }
      g_assert_cmpint (rc, ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
    }

  sqlite3_close (db);
  return g_string_free (dump, FALSE);
}

/* The baseline: ratings with history, two plans with goals, steps and
 * notes on a role, a plan and a goal; closed, so there is no -wal. */
static void
make_baseline (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VocStore) store = NULL;
  g_autoptr (GPtrArray) goals = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *id = NULL;
  const VocGoalSpec goals_a[] = {
    { "python", 2, 4, "2026-12-31" },
    { "sql", 3, 5, NULL },
    { "go", 1, 3, "2027-02-01" },
  };
  const VocGoalSpec goals_b[] = {
    { "sql", 3, 4, NULL },
    { "spark", 0, 3, NULL },
  };
  static const char *const skills[] = { "python", "sql", "rust", "go", "docker", "kubernetes" };

  baseline_dir = voc_test_make_folder ("vocation-fault-baseline-XXXXXX");
  baseline_path = g_build_filename (baseline_dir, "vocation.db", NULL);
  store = voc_store_open (baseline_path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (skills); i++)
    {
      g_assert_true (voc_store_set_rating (store, skills[i], (int) i % 6, TRUE, &error));
      g_assert_true (voc_store_set_rating (store, skills[i], (int) (i + 1) % 6, i != 4, &error));
    }

  plan_a = voc_store_create_plan (store, "backend-developer", "Backend", "2027-06-30", goals_a, 3, &error);
  g_assert_no_error (error);
  plan_b = voc_store_create_plan (store, "data-engineer", "Data", NULL, goals_b, 2, &error);
  g_assert_no_error (error);
  goals = voc_store_list_goals (store, plan_a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (goals->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    plan_a_goals[i] = ((VocGoalInfo *) g_ptr_array_index (goals, i))->id;

  g_assert_cmpint (voc_store_add_step (store, plan_a_goals[0], "Read the tutorial", NULL, &error), >, 0);
  g_assert_cmpint (voc_store_add_step (store, plan_a_goals[0], "Build a CLI", "https://docs.python.org/3/", &error), >, 0);
  g_assert_cmpint (voc_store_add_step (store, plan_a_goals[1], "Window functions", NULL, &error), >, 0);
  g_assert_true (voc_store_set_goal_status (store, plan_a_goals[0], VOC_GOAL_IN_PROGRESS, &error));

  g_assert_true (voc_store_save_note (store, VOC_NOTE_ROLE, "backend-developer", "Ask Sam about the on-call rota", &error));
  id = g_strdup_printf ("%" G_GINT64_FORMAT, plan_a);
  g_assert_true (voc_store_save_note (store, VOC_NOTE_PLAN, id, "One evening a week", &error));
  g_clear_pointer (&id, g_free);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, plan_a_goals[0]);
  g_assert_true (voc_store_save_note (store, VOC_NOTE_GOAL, id, "The official tutorial first", &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  wal = g_strconcat (baseline_path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* The edits */

typedef gboolean (*EditFunc) (VocStore *store, GError **error);

static gboolean
edit_rating (VocStore  *store,
             GError   **error)
{
  return voc_store_set_rating (store, "python", 5, TRUE, error);
}

static gboolean
edit_create_plan (VocStore  *store,
                  GError   **error)
{
  const VocGoalSpec goals[] = {
    { "kubernetes", 0, 3, "2027-03-31" },
    { "docker", 2, 4, NULL },
    { "terraform", 0, 2, NULL },
  };

  return voc_store_create_plan (store, "platform-engineer", "Platform", "2027-09-30", goals, 3, error) != 0;
}

static gboolean
edit_add_step (VocStore  *store,
               GError   **error)
{
  return voc_store_add_step (store, plan_a_goals[1], "Write a migration", "https://www.sqlite.org/lang.html",
                             error) != 0;
}

/* About 24 kB: the note spans several overflow pages. */
static gboolean
edit_save_note (VocStore  *store,
                GError   **error)
{
  g_autoptr (GString) body = g_string_new (NULL);

  for (guint i = 0; body->len < 24000; i++)
    g_string_append_printf (body, "Line %u of a long note about the on-call rota and what to ask Sam.\n", i);
  return voc_store_save_note (store, VOC_NOTE_ROLE, "backend-developer", body->str, error);
}

static gboolean
edit_delete_plan (VocStore  *store,
                  GError   **error)
{
  g_autoptr (VocPlanCopy) copy = voc_store_delete_plan (store, plan_a, error);

  return copy != NULL;
}

static gboolean
edit_move_goal (VocStore  *store,
                GError   **error)
{
  return voc_store_move_goal (store, plan_a_goals[2], 0, error);
}

/* Saved after the edit on the same connection: it must not be lost or
 * swallowed by what the failure left behind. */
static gboolean
save_probe (VocStore  *store,
            GError   **error)
{
  return voc_store_save_note (store, VOC_NOTE_ROLE, "probe", "Saved after the edit", error);
}

typedef struct
{
  const char *name;
  EditFunc    edit;
} Edit;

static const Edit edits[] = {
  { "rating", edit_rating },
  { "create-plan", edit_create_plan },
  { "add-step", edit_add_step },
  { "save-note", edit_save_note },
  { "delete-plan", edit_delete_plan },
  { "move-goal", edit_move_goal },
};

/* The four states a file may be in after a run: the baseline, with the
 * edit, with the probe note, with both. */
enum
{
  STATE_BEFORE,
  STATE_PROBE,
  STATE_EDIT,
  STATE_EDIT_PROBE,
  N_STATES
};

typedef struct
{
  char  *states[N_STATES];
  /* Calls counted after the edit, the probe and the close; without the
   * probe and with it. */
  guint  counts[2][3][N_FAULT_KINDS];
} Reference;

static void
reference_clear (Reference *ref)
{
  for (guint s = 0; s < N_STATES; s++)
    g_free (ref->states[s]);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reference, reference_clear)

/* @context says, on failure, what was done to the file. */
static void
reopen_clean (const char *path,
              const char *context)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VocStore) store = voc_store_open (path, &error);

  if (error || voc_store_get_recovery_note (store))
    g_test_message ("%s: the next open %s", context, error ? error->message : voc_store_get_recovery_note (store));
  g_assert_no_error (error);
  g_assert_nonnull (store);
  /* Nothing was damaged, so nothing may be moved aside or restored. */
  g_assert_null (voc_store_get_recovery_note (store));
}

/* Without faults: the four states, and how many calls each part makes. */
static void
make_reference (const Edit *edit,
                Reference  *ref)
{
  for (guint s = 0; s < N_STATES; s++)
    {
      g_autofree char *dir = NULL;
      g_autofree char *path = copy_baseline (&dir);
      g_autoptr (GError) error = NULL;
      VocStore *store = voc_store_open (path, &error);
      gboolean with_edit = s == STATE_EDIT || s == STATE_EDIT_PROBE;
      gboolean with_probe = s == STATE_PROBE || s == STATE_EDIT_PROBE;
      guint (*counts)[N_FAULT_KINDS] = ref->counts[with_probe];

      g_assert_no_error (error);
      fault_start (-1, 0, FALSE);
      if (with_edit)
        g_assert_true (edit->edit (store, &error));
      g_assert_no_error (error);
      memcpy (counts[0], fault.count, sizeof fault.count);
      if (with_probe)
        g_assert_true (save_probe (store, &error));
      g_assert_no_error (error);
      memcpy (counts[1], fault.count, sizeof fault.count);
      g_object_unref (store);
      memcpy (counts[2], fault.count, sizeof fault.count);
      fault_stop ();

      reopen_clean (path, edit->name);
      ref->states[s] = check_and_dump (path);
      voc_test_remove_tree (dir);
    }

  g_assert_cmpstr (ref->states[STATE_BEFORE], !=, ref->states[STATE_EDIT]);
  g_assert_cmpstr (ref->states[STATE_PROBE], !=, ref->states[STATE_EDIT_PROBE]);
}

typedef struct
{
  guint trials;
  guint injected;
  guint in_edit_reported;      /* the edit failed with an error */
  guint in_edit_tolerated;     /* a fault in the edit, yet it succeeded */
  guint in_probe;
  guint in_close;
  guint failed_but_kept;       /* reported failed, found whole after reopen */
  guint probe_failed;          /* the probe failed after a fault in the edit */
  guint probe_failed_but_kept;
  char *messages[N_FAULT_KINDS];  /* the first error of each kind, for the log */
} Stats;

static void
run_trial (const Edit      *edit,
           const Reference *ref,
           FaultKind        kind,
           guint            fail_at,
           gboolean         persistent,
           gboolean         with_probe,
           Stats           *stats)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_baseline (&dir);
  g_autofree char *dump = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) probe_error = NULL;
  VocStore *store = voc_store_open (path, &error);
  gboolean edit_ok, probe_ok = FALSE;
  guint in_edit, in_probe, in_close;
  int state = -1;

  g_assert_no_error (error);

  fault_start (kind, fail_at, persistent);
  edit_ok = edit->edit (store, &error);
  in_edit = fault.injected;
  if (with_probe)
    probe_ok = save_probe (store, &probe_error);
  in_probe = fault.injected - in_edit;
  g_object_unref (store);
  in_close = fault.injected - in_edit - in_probe;
  fault_stop ();

  /* A failure is told, in words. */
  if (!edit_ok)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == VOC_STORE_ERROR);
      g_assert_cmpstr (error->message, !=, "");
    }
  else
    g_assert_no_error (error);
  if (with_probe && !probe_ok)
    {
      g_assert_nonnull (probe_error);
      g_assert_cmpstr (probe_error->message, !=, "");
    }
  else
    g_assert_no_error (probe_error);

  {
    g_autofree char *context = g_strdup_printf ("%s: failing %s %u (%s)", edit->name, kind_names[kind], fail_at,
                                                persistent ? "and later ones" : "once");

    reopen_clean (path, context);
  }
  dump = check_and_dump (path);
  for (int s = 0; s < N_STATES && state < 0; s++)
    if ((with_probe || s == STATE_BEFORE || s == STATE_EDIT) && strcmp (dump, ref->states[s]) == 0)
      state = s;
  if (state < 0)
    {
      g_test_message ("%s: failing %s %u (%s): the file is in none of the states it may be in; edit %s (%s), "
                      "later note %s (%s)\n%s", edit->name, kind_names[kind], fail_at,
                      persistent ? "and every later one" : "once", edit_ok ? "saved" : "failed",
                      error ? error->message : "", !with_probe ? "not tried" : probe_ok ? "saved" : "failed",
                      probe_error ? probe_error->message : "", dump);
      g_assert_cmpstr (dump, ==, ref->states[with_probe ? STATE_EDIT_PROBE : STATE_EDIT]);
    }

  /* What was reported saved is there. */
  if (edit_ok)
    g_assert_true (state == STATE_EDIT || state == STATE_EDIT_PROBE);
  if (probe_ok)
    g_assert_true (state == STATE_PROBE || state == STATE_EDIT_PROBE);

  /* Calls are counted the same way every run: this one was reached. */
  g_assert_cmpuint (fault.injected, >, 0);

  stats->trials++;
  stats->injected += fault.injected;
  if (in_edit > 0 && !edit_ok)
    stats->in_edit_reported++;
  else if (in_edit > 0)
    stats->in_edit_tolerated++;
  else if (in_probe > 0)
    stats->in_probe++;
  else if (in_close > 0)
    stats->in_close++;
  if (!edit_ok && (state == STATE_EDIT || state == STATE_EDIT_PROBE))
    {
      stats->failed_but_kept++;
      g_test_message ("%s: failing %s %u (%s): reported “%s”, yet the whole edit is in the file",
                      edit->name, kind_names[kind], fail_at, persistent ? "and later ones" : "once",
                      error->message);
    }
  if (with_probe && in_edit > 0 && !probe_ok)
    stats->probe_failed++;
  if (with_probe && !probe_ok && (state == STATE_PROBE || state == STATE_EDIT_PROBE))
    {
      stats->probe_failed_but_kept++;
      g_test_message ("%s: failing %s %u (%s): the later note reported “%s”, yet it is in the file",
                      edit->name, kind_names[kind], fail_at, persistent ? "and later ones" : "once",
                      probe_error->message);
    }
  if (!edit_ok && in_edit > 0 && stats->messages[kind] == NULL)
    stats->messages[kind] = g_strdup (error->message);

  voc_test_remove_tree (dir);
}

static void
test_edit (gconstpointer data)
{
  const Edit *edit = data;
  g_auto (Reference) ref = { { NULL } };
  Stats stats = { 0 };
  gint64 began = g_get_monotonic_time ();

  make_reference (edit, &ref);

  /* Every call is failed once, with the later note, and from then on,
   * without it (a disk that stays broken); -m thorough adds the other two. */
  for (int with_probe = 0; with_probe <= 1; with_probe++)
    for (int kind = 0; kind < N_FAULT_KINDS; kind++)
      for (guint n = 1; n <= ref.counts[with_probe][2][kind]; n++)
        for (int persistent = 0; persistent <= 1; persistent++)
          if (persistent != with_probe || g_test_thorough ())
            run_trial (edit, &ref, (FaultKind) kind, n, persistent, with_probe, &stats);

  g_test_message ("%s: the transaction makes %u writes, %u syncs, %u truncates; with the close %u, %u, %u; "
                  "with a later note and the close %u, %u, %u",
                  edit->name, ref.counts[0][0][FAULT_WRITE], ref.counts[0][0][FAULT_SYNC],
                  ref.counts[0][0][FAULT_TRUNCATE], ref.counts[0][2][FAULT_WRITE], ref.counts[0][2][FAULT_SYNC],
                  ref.counts[0][2][FAULT_TRUNCATE], ref.counts[1][2][FAULT_WRITE], ref.counts[1][2][FAULT_SYNC],
                  ref.counts[1][2][FAULT_TRUNCATE]);
  g_test_message ("%s: %u runs, %u faults injected; faults in the "
                  "edit: %u reported as errors, %u tolerated; %u in the later note, %u in the close; "
                  "reported failed yet whole in the file: %u edits, %u later notes; every file all or nothing "
                  "(%.1f s)",
                  edit->name, stats.trials, stats.injected, stats.in_edit_reported, stats.in_edit_tolerated,
                  stats.in_probe, stats.in_close, stats.failed_but_kept, stats.probe_failed_but_kept,
                  (g_get_monotonic_time () - began) / (double) G_USEC_PER_SEC);
  for (int kind = 0; kind < N_FAULT_KINDS; kind++)
    {
      if (stats.messages[kind])
        g_test_message ("%s: a failed %s reads: %s", edit->name, kind_names[kind], stats.messages[kind]);
      g_free (stats.messages[kind]);
    }

  /* Each part is reached, so each was failed at least once. */
  g_assert_cmpuint (ref.counts[0][0][FAULT_WRITE], >, 0);
  g_assert_cmpuint (ref.counts[0][0][FAULT_SYNC], >, 0);
  g_assert_cmpuint (ref.counts[0][2][FAULT_TRUNCATE], >, 0);
  g_assert_cmpuint (stats.in_edit_reported, >, 0);
}

/* Opening: a new file, and a version 1 file that is converted to WAL and
 * migrated. The references are every state a file may be left in: one
 * per committed migration. */

typedef struct
{
  const char *name;
  const char *fixture;  /* in fixtures/db; NULL for a new file */
} OpenCase;

static const OpenCase open_cases[] = {
  { "open-new", NULL },
  { "open-v1", "v1.db" },
};

static char *
new_case_path (const OpenCase  *open_case,
               char           **dir_out)
{
  g_autofree char *dir = voc_test_make_folder ("vocation-fault-XXXXXX");
  char *path = g_build_filename (dir, "vocation.db", NULL);

  if (open_case->fixture)
    {
      g_autofree char *source = g_test_build_filename (G_TEST_DIST, "fixtures", "db", open_case->fixture, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (path, contents, length, NULL));
    }
  *dir_out = g_steal_pointer (&dir);
  return path;
}

/* The schema and every row of every table, times included: nothing here
 * writes rows, so they do not change. */
static char *
check_and_dump_all (const char *path)
{
  GString *dump = g_string_new (NULL);
  g_autoptr (GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);

  stmt = prepare (db, "PRAGMA integrity_check");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  stmt = prepare (db, "PRAGMA user_version");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_string_append_printf (dump, "user_version %d\n", sqlite3_column_int (stmt, 0));
  sqlite3_finalize (stmt);

  stmt = prepare (db, "SELECT type, name, sql FROM sqlite_schema ORDER BY type, name");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_append_printf (dump, "%s %s: %s\n", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                              sqlite3_column_text (stmt, 2));
      if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "table") == 0)
        g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  for (guint t = 0; t < tables->len; t++)
    {
      /* Names from the file's own schema, quoted with %w. */
      char *sql = sqlite3_mprintf ("SELECT * FROM \"%w\" ORDER BY rowid", (char *) g_ptr_array_index (tables, t));

      stmt = prepare (db, sql);
      sqlite3_free (sql);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_string_append_printf (dump, "%s", (char *) g_ptr_array_index (tables, t));
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);

              g_string_append_printf (dump, "|%s", text ? text : "NULL");
            }
          g_string_append_c (dump, '\n');
        }
      g_assert_cmpint (rc, ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
    }

  sqlite3_close (db);
  return g_string_free (dump, FALSE);
}

/* The file as it was left, before anything opens it: a copy of the
 * database and its -wal and -journal, read by plain SQLite. */
static char *
dump_as_left (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-journal" };
  g_autofree char *dir = voc_test_make_folder ("vocation-fault-copy-XXXXXX");
  g_autofree char *copy = g_build_filename (dir, "vocation.db", NULL);
  char *dump;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (copy, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_get_contents (from, &contents, &length, NULL))
        g_assert_true (g_file_set_contents (to, contents, length, NULL));
    }
  dump = check_and_dump_all (copy);
  voc_test_remove_tree (dir);
  return dump;
}

static void
test_open (gconstpointer data)
{
  const OpenCase *open_case = data;
  g_autoptr (GPtrArray) states = g_ptr_array_new_with_free_func (g_free);
  char *messages[N_FAULT_KINDS] = { NULL, NULL, NULL };
  guint counts[N_FAULT_KINDS];
  guint trials = 0, injected = 0, reported = 0, tolerated = 0, in_close = 0;
  guint migrated = 0, unchanged = 0, partly = 0;
  gint64 began = g_get_monotonic_time ();

  /* The states: as it was, after each migration that can commit alone. */
  {
    g_autofree char *dir = NULL;
    g_autofree char *path = new_case_path (open_case, &dir);
    g_autofree char *sql = NULL;
    g_autofree char *file = g_test_build_filename (G_TEST_DIST, "..", "data", "sql", "001-profile.sql", NULL);
    g_autoptr (GError) error = NULL;
    VocStore *store;
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
    g_ptr_array_add (states, check_and_dump_all (path));

    if (open_case->fixture == NULL)
      {
        g_assert_true (g_file_get_contents (file, &sql, NULL, NULL));
        g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 1", NULL, NULL, NULL), ==, SQLITE_OK);
        sqlite3_close (db);
        g_ptr_array_add (states, check_and_dump_all (path));
        voc_test_remove_tree (dir);
        g_clear_pointer (&dir, g_free);
        g_clear_pointer (&path, g_free);
        path = new_case_path (open_case, &dir);
      }

    fault_start (-1, 0, FALSE);
    store = voc_store_open (path, &error);
    g_assert_no_error (error);
    g_object_unref (store);
    memcpy (counts, fault.count, sizeof counts);
    fault_stop ();
    g_ptr_array_add (states, check_and_dump_all (path));
    voc_test_remove_tree (dir);
  }

  for (int kind = 0; kind < N_FAULT_KINDS; kind++)
    for (guint n = 1; n <= counts[kind]; n++)
      for (int persistent = 0; persistent <= 1; persistent++)
        {
          g_autofree char *dir = NULL;
          g_autofree char *path = new_case_path (open_case, &dir);
          g_autofree char *dump = NULL;
          g_autoptr (GError) error = NULL;
          VocStore *store;
          guint in_open;
          int state = -1;

          fault_start (kind, n, persistent);
          store = voc_store_open (path, &error);
          in_open = fault.injected;
          if (store)
            {
              g_assert_null (voc_store_get_recovery_note (store));
              g_object_unref (store);
            }
          fault_stop ();
          g_assert_cmpuint (fault.injected, >, 0);

          if (store == NULL)
            {
              g_assert_nonnull (error);
              g_assert_cmpstr (error->message, !=, "");
              reported++;
              if (messages[kind] == NULL)
                messages[kind] = g_strdup (error->message);
            }
          else if (in_open > 0)
            tolerated++;
          else
            in_close++;

          /* One transaction at a time, each all or nothing. */
          dump = dump_as_left (path);
          for (guint s = 0; s < states->len && state < 0; s++)
            if (strcmp (dump, g_ptr_array_index (states, s)) == 0)
              state = (int) s;
          if (state < 0)
            {
              g_test_message ("%s: failing %s %u (%s): the file is in none of the states it may be in (%s)\n%s",
                              open_case->name, kind_names[kind], n, persistent ? "and later ones" : "once",
                              error ? error->message : "opened", dump);
              g_assert_cmpstr (dump, ==, g_ptr_array_index (states, states->len - 1));
            }
          if (store)
            g_assert_cmpint (state, ==, (int) states->len - 1);
          if (state == (int) states->len - 1)
            migrated++;
          else if (state == 0)
            unchanged++;
          else
            partly++;

          /* And the next start finds it healthy, data intact, migrated. */
          {
            g_autofree char *context = g_strdup_printf ("%s: failing %s %u (%s), %s", open_case->name,
                                                        kind_names[kind], n, persistent ? "and later ones" : "once",
                                                        error ? error->message : "opened");

            reopen_clean (path, context);
          }
          g_clear_pointer (&dump, g_free);
          dump = check_and_dump_all (path);
          g_assert_cmpstr (dump, ==, g_ptr_array_index (states, states->len - 1));

          trials++;
          injected += fault.injected;
          voc_test_remove_tree (dir);
        }

  g_test_message ("%s: opening and closing makes %u writes, %u syncs, %u truncates; %u runs, %u faults "
                  "injected: %u reported by voc_store_open, %u tolerated, %u in the close; the file was left "
                  "as it was %u times, migrated %u times, after its first migration of two %u times; every "
                  "next open healthy and migrated, without recovery (%.1f s)",
                  open_case->name, counts[FAULT_WRITE], counts[FAULT_SYNC], counts[FAULT_TRUNCATE], trials,
                  injected, reported, tolerated, in_close, unchanged, migrated, partly,
                  (g_get_monotonic_time () - began) / (double) G_USEC_PER_SEC);
  for (int kind = 0; kind < N_FAULT_KINDS; kind++)
    {
      if (messages[kind])
        g_test_message ("%s: a failed %s reads: %s", open_case->name, kind_names[kind], messages[kind]);
      g_free (messages[kind]);
    }
  g_assert_cmpuint (reported, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  register_shim ();
  make_baseline ();

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/fault-vfs/%s", edits[i].name);

      g_test_add_data_func (test_path, &edits[i], test_edit);
    }
  for (guint i = 0; i < G_N_ELEMENTS (open_cases); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/fault-vfs/%s", open_cases[i].name);

      g_test_add_data_func (test_path, &open_cases[i], test_open);
    }

  status = g_test_run ();
  voc_test_remove_tree (baseline_dir);
  g_free (baseline_dir);
  g_free (baseline_path);
  return status;
}
