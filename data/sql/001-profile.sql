-- 001: the skill profile and its history.
-- Levels follow DESIGN.md's 0-5 scale; a skill without a row is not rated.
-- Times are microseconds since 1970-01-01 UTC (g_get_real_time ()).

CREATE TABLE profile_level (
  skill_id   TEXT    PRIMARY KEY NOT NULL,
  level      INTEGER NOT NULL CHECK (level BETWEEN 0 AND 5),
  relevant   INTEGER NOT NULL DEFAULT 1 CHECK (relevant IN (0, 1)),
  updated_at INTEGER NOT NULL
) STRICT;

-- Every change, appended in the same transaction as the change itself.
-- level is NULL when the rating was cleared.
CREATE TABLE level_history (
  id       INTEGER PRIMARY KEY,
  skill_id TEXT    NOT NULL,
  level    INTEGER CHECK (level IS NULL OR level BETWEEN 0 AND 5),
  relevant INTEGER NOT NULL CHECK (relevant IN (0, 1)),
  at       INTEGER NOT NULL
) STRICT;

CREATE INDEX level_history_by_skill ON level_history (skill_id, at);
CREATE INDEX level_history_by_time ON level_history (at);
