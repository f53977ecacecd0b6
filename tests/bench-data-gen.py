#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the large data set the data benchmarks use: 1,000 plans with
10,000 goals and 50,000 steps, 100,000 notes (one on each goal, one on each
plan, the rest on roles of a large custom catalog), 89 ratings and 500
history rows, always the same (fixed seed).

usage: bench-data-gen.py VOCATION DATA_HOME

The database is created and migrated by Vocation itself (an export with
XDG_DATA_HOME=DATA_HOME), so it has the app's schema, WAL mode and 0600;
the rows then go in with one transaction. DATA_HOME/vocation must not hold
a database yet.
"""
import json
import os
import random
import sqlite3
import subprocess
import sys
import time

N_PLANS = 1000
GOALS_PER_PLAN = 10
STEPS_PER_GOAL = 5
N_NOTES = 100_000

ROLES = [
    "data-analyst", "bi-developer", "data-scientist", "ml-engineer", "data-engineer", "mlops-engineer",
    "deep-learning-engineer", "nlp-engineer", "computer-vision-engineer", "prompt-engineer",
    "generative-ai-researcher", "ai-product-manager",
]

WORDS = (
    "read the chapter on window functions then write three queries against the sales data and compare "
    "plans with explain analyze practice joins indexes partitions notebook model baseline feature "
    "pipeline review notes from the meetup summarise paper ablation dataset split validation metric "
    "dashboard stakeholder deadline refactor tests deploy container cluster latency throughput budget "
    "mentor weekly retro course exercise kaggle competition leaderboard error analysis confusion matrix "
    "gradient descent learning rate schedule tokenizer embedding retrieval prompt evaluation rubric "
    "draft blog post slides demo interview portfolio project repository documentation"
).split()


def skill_ids(vocation_dir):
    """The 89 skills of the built-in catalog, or a fixed list without it."""
    catalog = os.path.join(vocation_dir, "data", "catalog", "roles.json")
    try:
        with open(catalog, encoding="utf-8") as f:
            return [s["id"] for s in json.load(f)["skills"]]
    except OSError:
        return ["sql", "python", "statistics", "excel", "bi-dashboards", "data-modeling", "etl-pipelines",
                "supervised-learning", "neural-networks", "transformers", "llms", "rag", "kubernetes"]


def text(rng, low, high):
    words, length = [], 0
    target = rng.randint(low, high)
    while length < target:
        w = rng.choice(WORDS)
        words.append(w)
        length += len(w) + 1
    s = " ".join(words)[:high]
    return s[0].upper() + s[1:]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    vocation, data_home = sys.argv[1], os.path.abspath(sys.argv[2])
    db_path = os.path.join(data_home, "vocation", "vocation.db")
    if os.path.exists(db_path):
        sys.exit(f"bench-data-gen: {db_path} exists already")

    started = time.perf_counter()
    os.makedirs(data_home, exist_ok=True)
    # Not /dev/null: the export is renamed over its target, and as root that
    # would replace the device node.
    scratch = os.path.join(data_home, "bench-data-gen-empty.json")
    env = dict(os.environ, XDG_DATA_HOME=data_home)
    subprocess.run([vocation, "--export-data", scratch], env=env, check=True, stdout=subprocess.DEVNULL)
    os.unlink(scratch)

    # A fixed seed and a fixed "now", so every run writes the same rows.
    rng = random.Random(20240611)
    now = 1_718_000_000_000_000
    day = 86_400 * 1_000_000
    skills = skill_ids(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

    def iso_day(offset_days):
        return time.strftime("%Y-%m-%d", time.gmtime(now / 1e6 + offset_days * 86400))

    plans, goals, steps, notes = [], [], [], []
    goal_id = step_id = 0
    for plan_id in range(1, N_PLANS + 1):
        created = now - rng.randint(1, 900) * day - plan_id
        target = iso_day(rng.randint(30, 700)) if rng.random() < 0.5 else None
        role = ROLES[plan_id % len(ROLES)]
        plans.append((plan_id, role, f"Plan {plan_id}: {text(rng, 10, 40)}", created, target,
                      1 if rng.random() < 0.05 else 0))
        notes.append(("plan", str(plan_id), text(rng, 100, 400), created, created + rng.randint(0, 90) * day))
        for position in range(GOALS_PER_PLAN):
            goal_id += 1
            from_level = rng.randint(0, 4)
            goals.append((goal_id, plan_id, rng.choice(skills), from_level, rng.randint(from_level + 1, 5),
                          iso_day(rng.randint(-60, 400)) if rng.random() < 0.4 else None,
                          rng.choice((0, 0, 1, 2)), position))
            notes.append(("goal", str(goal_id), text(rng, 100, 400), created, created + rng.randint(0, 90) * day))
            for step_position in range(STEPS_PER_GOAL):
                step_id += 1
                url = f"https://example.org/course/{goal_id}/{step_position}" if rng.random() < 0.3 else None
                steps.append((step_id, goal_id, text(rng, 40, 80), url, rng.randint(0, 1), step_position))

    n = 0
    while len(notes) < N_NOTES:
        n += 1
        created = now - rng.randint(1, 900) * day
        notes.append(("role", f"custom-role-{n}", text(rng, 100, 400), created, created + rng.randint(0, 90) * day))

    ratings = [(s, rng.randint(0, 5), 1 if rng.random() < 0.9 else 0, now - rng.randint(1, 300) * day)
               for s in skills]
    history = []
    for i in range(500):
        skill, _, relevant, _ = ratings[i % len(ratings)]
        history.append((skill, rng.randint(0, 5), relevant, now - (500 - i) * day // 2))

    db = sqlite3.connect(db_path)
    db.execute("PRAGMA foreign_keys = ON")
    with db:
        db.executemany("INSERT INTO plan (id, role_id, title, created_at, target_date, archived) "
                       "VALUES (?, ?, ?, ?, ?, ?)", plans)
        db.executemany("INSERT INTO goal (id, plan_id, skill_id, from_level, target_level, due_date, status, "
                       "position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", goals)
        db.executemany("INSERT INTO step (id, goal_id, text, url, done, position) VALUES (?, ?, ?, ?, ?, ?)",
                       steps)
        db.executemany("INSERT INTO note (subject_kind, subject_id, body, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?)", notes)
        db.executemany("INSERT INTO profile_level (skill_id, level, relevant, updated_at) VALUES (?, ?, ?, ?)",
                       ratings)
        db.executemany("INSERT INTO level_history (skill_id, level, relevant, at) VALUES (?, ?, ?, ?)", history)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()

    size = os.path.getsize(db_path) / 1e6
    print(f"bench-data-gen: {len(plans)} plans, {len(goals)} goals, {len(steps)} steps, {len(notes)} notes, "
          f"{len(ratings)} ratings, {len(history)} history rows; {size:.1f} MB in "
          f"{time.perf_counter() - started:.1f} s ({db_path})")


if __name__ == "__main__":
    main()
