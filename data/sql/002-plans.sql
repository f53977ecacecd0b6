-- 002: learning plans, their goals and steps, and notes.
-- Dates the user picks (target and due dates) are ISO 8601 days
-- ("2026-12-31"); times are microseconds since 1970-01-01 UTC.

CREATE TABLE plan (
  id          INTEGER PRIMARY KEY,
  role_id     TEXT    NOT NULL,
  title       TEXT    NOT NULL CHECK (length (trim (title)) > 0),
  created_at  INTEGER NOT NULL,
  target_date TEXT    CHECK (target_date IS NULL OR date (target_date) IS target_date),
  archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
) STRICT;

-- status: 0 not started, 1 in progress, 2 done.
CREATE TABLE goal (
  id           INTEGER PRIMARY KEY,
  plan_id      INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  skill_id     TEXT    NOT NULL,
  from_level   INTEGER NOT NULL CHECK (from_level BETWEEN 0 AND 5),
  target_level INTEGER NOT NULL CHECK (target_level BETWEEN 0 AND 5),
  due_date     TEXT    CHECK (due_date IS NULL OR date (due_date) IS due_date),
  status       INTEGER NOT NULL DEFAULT 0 CHECK (status IN (0, 1, 2)),
  position     INTEGER NOT NULL
) STRICT;

CREATE TABLE step (
  id       INTEGER PRIMARY KEY,
  goal_id  INTEGER NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
  text     TEXT    NOT NULL,
  url      TEXT,
  done     INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
  position INTEGER NOT NULL
) STRICT;

-- A note belongs to a role (by catalog id), a plan or a goal (by row id).
CREATE TABLE note (
  id           INTEGER PRIMARY KEY,
  subject_kind TEXT    NOT NULL CHECK (subject_kind IN ('role', 'plan', 'goal')),
  subject_id   TEXT    NOT NULL,
  body         TEXT    NOT NULL,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
) STRICT;

CREATE INDEX goal_by_plan ON goal (plan_id, position);
CREATE INDEX step_by_goal ON step (goal_id, position);
-- One note per subject: the notes of a role, a plan or a goal are one text.
CREATE UNIQUE INDEX note_by_subject ON note (subject_kind, subject_id);
