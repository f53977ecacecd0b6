#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Regenerates data/screenshots/ from the running app: each shot starts
# Vocation in its own Xvfb with a chosen window size and colour scheme,
# drives it with the keyboard (xdotool) and captures the window.
#
# usage: build-aux/screenshots.sh [BUILD_DIR]      (default: _build)
#        ONLY="roles my-skills" build-aux/screenshots.sh   only those shots
set -euo pipefail

cd "$(dirname "$0")/.."
top=$PWD
build=${1:-_build}
out=$top/data/screenshots

for tool in xvfb-run xdotool import xrdb python3; do
  command -v "$tool" >/dev/null || { echo "screenshots.sh: needs $tool (apt-get install xvfb xdotool imagemagick x11-xserver-utils)" >&2; exit 1; }
done
[ -x "$build/src/vocation" ] || { echo "screenshots.sh: build first (build-aux/dev.sh test)" >&2; exit 1; }
mkdir -p "$out"

export VOCATION="$top/$build/src/vocation"

# A profile to compare with: a data person a few steps from engineering,
# rated 20 days ago and again today (for "Compare with" a past date).
profile_home=$(mktemp -d)
VOCATION_DATA="$profile_home" python3 - <<'PY'
import os, sqlite3, subprocess, time
home = os.environ["VOCATION_DATA"]
subprocess.run([os.environ.get("VOCATION", "_build/src/vocation"), "--export-radar", "data-analyst",
                "--output", os.path.join(home, "warm-up.png")], env=dict(os.environ, XDG_DATA_HOME=home), check=True)
db = sqlite3.connect(os.path.join(home, "vocation", "vocation.db"))
now = int(time.time() * 1e6)
before = now - 20 * 86400 * 1000000
levels = {"sql": 4, "python": 3, "excel": 5, "statistics": 3, "bi-dashboards": 4, "data-storytelling": 3,
          "etl-pipelines": 2, "data-warehousing": 2, "data-modeling": 2, "big-data-processing": 1,
          "version-control": 3, "stakeholder-communication": 4, "collaboration": 4, "attention-to-detail": 3,
          "troubleshooting": 2, "cloud-platforms": 1, "written-communication": 3, "domain-knowledge": 3}
for skill, level in levels.items():
    db.execute("INSERT OR REPLACE INTO profile_level VALUES (?, ?, 1, ?)", (skill, level, now))
    db.execute("INSERT INTO level_history (skill_id, level, relevant, at) VALUES (?, ?, 1, ?)",
               (skill, max(level - 1, 0), before))
    db.execute("INSERT INTO level_history (skill_id, level, relevant, at) VALUES (?, ?, 1, ?)", (skill, level, now))
# A plan towards Data Engineer, under way.
db.execute("INSERT INTO plan (role_id, title, created_at, target_date) VALUES (?, ?, ?, ?)",
           ("data-engineer", "Become a Data Engineer", now, "2027-06-30"))
plan = db.execute("SELECT last_insert_rowid ()").fetchone()[0]
goals = [("sql", 4, 5, "2027-02-01", 1), ("big-data-processing", 1, 3, "2027-01-15", 0),
         ("stream-processing", 0, 3, "2027-03-31", 0), ("workflow-orchestration", 0, 3, None, 2)]
for position, (skill, start, target, due, status) in enumerate(goals):
    db.execute("INSERT INTO goal (plan_id, skill_id, from_level, target_level, due_date, status, position) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)", (plan, skill, start, target, due, status, position))
goal = db.execute("SELECT id FROM goal WHERE skill_id = 'sql'").fetchone()[0]
db.execute("INSERT INTO step (goal_id, text, url, done, position) VALUES (?, ?, ?, 1, 0)",
           (goal, "Window functions course", "https://example.org/sql-window-functions"))
db.execute("INSERT INTO step (goal_id, text, url, done, position) VALUES (?, ?, NULL, 0, 1)",
           (goal, "Tune three slow queries at work"))
db.execute("INSERT INTO plan (role_id, title, created_at) VALUES (?, ?, ?)",
           ("ml-engineer", "Move towards ML engineering", now - 1000))
# Notes on a role, the plan and its SQL goal, for Search Notes.
notes = [("role", "data-engineer", "Maya at the meetup: their team hires from analytics; ask about Kafka "
          "and how they test pipelines."),
         ("plan", str(plan), "Two evenings a week. Kafka after the warehouse course, not before."),
         ("goal", str(goal), "The course's last module is on Kafka Streams joins; redo its exercises "
          "with our own sales data.")]
for i, (kind, subject, body) in enumerate(notes):
    db.execute("INSERT INTO note (subject_kind, subject_id, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
               (kind, subject, body, before + i * 3600 * 1000000, now - i * 60 * 1000000))
db.commit()
PY

# A role with 20 requirements and long names, to show the chart at its limits.
stress_catalog="$profile_home/stress.json"
python3 - "$stress_catalog" <<'PY'
import json, sys
names = ["Distributed Storage & Computing", "Text Preprocessing & Tokenization", "SQL",
         "Project Tracking & Documentation Tools", "Experiment Tracking", "Kubernetes",
         "Infrastructure as Code", "Model Packaging & Serving", "Data Storytelling", "Stream Processing",
         "Transformer Architectures", "Hyperparameter Tuning", "Security & Compliance", "Go-to-Market",
         "Statistics", "Monitoring & Alerting", "Workflow Orchestration", "Edge Deployment",
         "Stakeholder Communication", "Research Mindset"]
skills = [{"id": f"skill-{i}", "name": n, "area": "all", "description": "A skill."} for i, n in enumerate(names)]
reqs = [{"skill": f"skill-{i}", "label": n, "level": 3, "details": []} for i, n in enumerate(names)]
doc = {"format_version": 1, "areas": [{"id": "all", "name": "All"}], "skills": skills,
       "roles": [{"id": "stress", "name": "Twenty-Skill Role", "family": "Demo", "tagline": "Twenty axes",
                  "summary": "A role with twenty requirements and long skill names, to show the radar at its limits.",
                  "groups": [{"title": "Technical Skills", "kind": "technical", "requirements": reqs}]}]}
json.dump(doc, open(sys.argv[1], "w"))
PY
sqlite3_levels_stress() {
  python3 - "$1" <<'PY'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
for i in range(20):
    db.execute("INSERT OR REPLACE INTO profile_level VALUES (?, ?, 1, ?)", (f"skill-{i}", (i * 7) % 6, int(time.time() * 1e6)))
db.commit()
PY
}

# shot NAME WIDTH HEIGHT SCHEME KEYS...
#   KEYS are xdotool steps: "type:TEXT", "key:KEYSYM" or "sleep:SECONDS".
#   SHOT_TEXT_SCALE=1.5 scales text as the desktop's Large Text does;
#   SHOT_HIGH_CONTRAST=1 turns on the high contrast style.
shot() {
  local name=$1 width=$2 height=$3 scheme=$4; shift 4
  local tmp
  if [ -n "${ONLY:-}" ] && [[ " $ONLY " != *" $name "* ]]; then
    return
  fi
  tmp=$(mktemp -d)
  mkdir -p "$tmp/config/glib-2.0/settings"
  cat > "$tmp/config/glib-2.0/settings/keyfile" <<KEYFILE
[io/github/vocationapp/Vocation]
window-width=$width
window-height=$height
KEYFILE
  cat > "$tmp/drive.sh" <<'DRIVE'
#!/usr/bin/env bash
set -euo pipefail
out=$1; shift
# Large Text: GTK on X11 without a settings daemon takes the text size
# from the Xft.dpi resource (96 is 1x).
if [ -n "${SHOT_TEXT_SCALE:-}" ]; then
  echo "Xft.dpi: $(python3 -c "print(round(96 * ${SHOT_TEXT_SCALE}))")" | xrdb -nocpp -merge
fi
"$VOCATION" $VOCATION_ARGS &
app=$!
for _ in $(seq 100); do
  wid=$(xdotool search --onlyvisible --name '^Vocation$' 2>/dev/null | head -n 1 || true)
  [ -n "$wid" ] && break
  sleep 0.1
done
[ -n "$wid" ] || { echo "no window" >&2; kill $app; exit 1; }
sleep 1.5
for step in "$@"; do
  case "$step" in
    type:*) xdotool type --delay 40 "${step#type:}" ;;
    key:*) xdotool key "${step#key:}" ;;
    sleep:*) sleep "${step#sleep:}" ;;
    # action:NAME:GVARIANT runs a window action, as a menu item would.
    action:*)
      spec=${step#action:}
      gdbus call --session --dest io.github.vocationapp.Vocation \
        --object-path /io/github/vocationapp/Vocation/window/1 \
        --method org.gtk.Actions.Activate "${spec%%:*}" "[${spec#*:}]" {} >/dev/null ;;
  esac
  sleep 0.3
done
sleep 1
# A dialog (SHOT_WINDOW: its title) is captured on its own.
if [ -n "${SHOT_WINDOW:-}" ]; then
  wid=$(xdotool search --onlyvisible --name "^${SHOT_WINDOW}\$" | head -n 1)
fi
import -window "$wid" "$out"
kill $app
wait $app 2>/dev/null || true
DRIVE
  chmod +x "$tmp/drive.sh"
  env -u DISPLAY -u WAYLAND_DISPLAY \
    XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="${SHOT_DATA:-$profile_home}" \
    GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$top/$build/data" \
    ADW_DEBUG_COLOR_SCHEME="$scheme" ADW_DEBUG_HIGH_CONTRAST="${SHOT_HIGH_CONTRAST:-0}" NO_AT_BRIDGE=1 \
    VOCATION="$top/$build/src/vocation" VOCATION_ARGS="${SHOT_ARGS:-}" SHOT_WINDOW="${SHOT_WINDOW:-}" SHOT_TEXT_SCALE="${SHOT_TEXT_SCALE:-}" \
    xvfb-run -a -s "-screen 0 $((width + 40))x$((height + 40))x24 -noreset" \
    dbus-run-session -- "$tmp/drive.sh" "$out/$name.png" "$@"
  rm -rf "$tmp"
  echo "wrote data/screenshots/$name.png"
}

shot roles 1200 800 prefer-light
shot roles-dark 1200 800 prefer-dark
shot role-page 1200 1100 prefer-light type:kafka sleep:0.5 key:Return
shot role-page-dark 1200 1100 prefer-dark type:kafka sleep:0.5 key:Return
shot role-page-8-axes 1000 1100 prefer-light type:"data analyst" sleep:0.5 key:Return
shot search 1200 800 prefer-light type:pytorch sleep:0.5
shot roles-family 1200 800 prefer-light "action:family:<'Analytics'>" sleep:0.5
shot my-skills 1200 800 prefer-light key:alt+2 sleep:0.5
shot my-skills-dark 1200 800 prefer-dark key:alt+2 sleep:0.5
shot my-skills-narrow 360 760 prefer-light key:alt+2 sleep:0.5
shot plans 1200 800 prefer-light key:alt+3 sleep:0.5
shot plan-page 1200 800 prefer-light key:alt+3 sleep:0.5 key:Return sleep:0.5 key:Tab key:Tab key:Tab key:space
shot plan-page-dark 1200 800 prefer-dark key:alt+3 sleep:0.5 key:Return sleep:0.5 key:Tab key:Tab key:Tab key:space
shot plans-narrow 360 760 prefer-dark key:alt+3 sleep:0.5
SHOT_WINDOW="Search Notes" shot notes-search 1200 800 prefer-light key:ctrl+shift+f sleep:0.5 type:kafka sleep:0.8
SHOT_WINDOW="Search Notes" shot notes-search-dark 1200 800 prefer-dark key:ctrl+shift+f sleep:0.5 type:kafka sleep:0.8
shot roles-narrow 400 760 prefer-light
shot role-page-narrow 400 900 prefer-dark type:transformers sleep:0.5 key:Return
SHOT_TEXT_SCALE=1.5 shot roles-large-text 1200 800 prefer-light
SHOT_TEXT_SCALE=1.5 shot role-page-large-text 1200 1100 prefer-light type:kafka sleep:0.5 key:Return
SHOT_TEXT_SCALE=1.5 shot my-skills-large-text 1200 800 prefer-light key:alt+2 sleep:0.5
SHOT_HIGH_CONTRAST=1 shot role-page-high-contrast 1200 1100 prefer-light type:kafka sleep:0.5 key:Return
SHOT_HIGH_CONTRAST=1 shot role-page-high-contrast-dark 1200 1100 prefer-dark type:kafka sleep:0.5 key:Return
SHOT_DATA="$profile_home/empty" shot first-run 1000 800 prefer-light type:kafka sleep:0.5 key:Return

# Twenty long axes, from the stress catalog.
mkdir -p "$profile_home/stress-data"
XDG_DATA_HOME="$profile_home/stress-data" "$VOCATION" --catalog "$stress_catalog" --export-radar stress \
  --output "$profile_home/warm.png" >/dev/null
sqlite3_levels_stress "$profile_home/stress-data/vocation/vocation.db"
SHOT_DATA="$profile_home/stress-data" SHOT_ARGS="--catalog $stress_catalog" \
  shot radar-20-axes 1200 1100 prefer-dark key:Return
SHOT_DATA="$profile_home/stress-data" SHOT_ARGS="--catalog $stress_catalog" \
  shot radar-20-axes-narrow 420 900 prefer-light key:Return

rm -rf "$profile_home"
