#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end data scenarios: what you enter is still there after a
restart, after an export and an import into an empty data folder, and a
malformed file changes nothing (suite e2e).

usage: test-e2e-data.py VOCATION [SCENARIO...]     prints TAP
"""
import configparser
import itertools
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    print("1..0 # SKIP no display; build-aux/dev.sh test starts one")
    sys.exit(0)
try:
    import pyatspi  # noqa: E402
    from dogtail import rawinput  # noqa: E402
    from vocation_e2e import App, Suite, check, role, text_of, wait_for  # noqa: E402
except ImportError as e:
    print(f"1..0 # SKIP {e}: apt-get install python3-pyatspi")
    sys.exit(0)

VOCATION = sys.argv[1]
SUITE = Suite()
scenario = SUITE.scenario

# What the scenarios enter, and look for again.
RATINGS = {"SQL": "Advanced", "Python": "Practitioner", "Statistics": "Beginner"}
ROLE = "Data Analyst"
PLAN = "Become a Data Analyst"
GOAL = "Excel & Spreadsheets"
STEP = "Finish the pivot table course"
GOAL_NOTE = "Practise on the sales sheet"
ROLE_NOTE = "Ask the team which reports they read"


# The same data, as a file from Export Data: for the scenarios about
# moving data rather than entering it.
SEED = {
    "format": "vocation-data",
    "format_version": 1,
    "exported_at": "2026-11-02T09:00:00Z",
    "application": "Vocation 0.1.0",
    "profile": [
        {"skill": "python", "level": 3, "relevant": True, "updated_at": "2026-11-01T10:02:00Z"},
        {"skill": "sql", "level": 4, "relevant": True, "updated_at": "2026-11-01T10:01:00Z"},
        {"skill": "statistics", "level": 2, "relevant": True, "updated_at": "2026-11-01T10:03:00Z"},
    ],
    "history": [
        {"skill": "sql", "level": 4, "relevant": True, "at": "2026-11-01T10:01:00Z"},
        {"skill": "python", "level": 3, "relevant": True, "at": "2026-11-01T10:02:00Z"},
        {"skill": "statistics", "level": 2, "relevant": True, "at": "2026-11-01T10:03:00Z"},
    ],
    "plans": [{
        "role": "data-analyst", "title": PLAN, "created_at": "2026-11-01T10:05:00Z",
        "target_date": None, "archived": False,
        "goals": [
            {"skill": "excel", "from_level": 0, "target_level": 4, "due_date": None, "status": "in-progress",
             "note": {"body": GOAL_NOTE, "created_at": "2026-11-01T10:07:00Z", "updated_at": "2026-11-01T10:07:00Z"},
             "steps": [{"text": STEP, "done": False}]},
            {"skill": "bi-dashboards", "from_level": 0, "target_level": 3, "due_date": None,
             "status": "not-started", "steps": []},
            {"skill": "stakeholder-communication", "from_level": 0, "target_level": 3, "due_date": None,
             "status": "not-started", "steps": []},
            {"skill": "written-communication", "from_level": 0, "target_level": 3, "due_date": None,
             "status": "not-started", "steps": []},
            {"skill": "domain-knowledge", "from_level": 0, "target_level": 3, "due_date": None,
             "status": "not-started", "steps": []},
        ],
    }],
    "role_notes": [{"role": "data-analyst", "body": ROLE_NOTE,
                    "created_at": "2026-11-01T10:04:00Z", "updated_at": "2026-11-01T10:04:00Z"}],
}


_dirs = itertools.count(1)


def scratch_dir():
    """A folder for files the user saves. Its name has only letters, digits
    and dashes, which type as they are into a file chooser."""
    path = os.path.join(tempfile.gettempdir(), f"vocation-e2e-files-{os.getpid()}-{next(_dirs)}")
    shutil.rmtree(path, ignore_errors=True)
    os.mkdir(path, 0o700)
    return path


def window(app, name):
    """A window of the app (a dialog, a file chooser) by its title."""
    def find():
        for i in range(app.app.childCount):
            w = app.app.getChildAtIndex(i)
            if w is not None and w.name == name:
                return w
        return None
    return wait_for(f"the window {name!r}", find)


def no_window(app, name):
    def gone():
        return all(app.app.getChildAtIndex(i) is None or app.app.getChildAtIndex(i).name != name
                   for i in range(app.app.childCount))
    wait_for(f"the window {name!r} to close", gone)


def menu(app, item):
    """Main Menu → @item."""
    app.act(app.get("push button", "Main Menu"))
    app.act(app.get("menu item", item, root=app.app))


def toast(app, contains):
    """The text of the toast that says @contains."""
    return text_of(app.get("label", contains=contains))


def export_from_menu(app, path):
    """Main Menu → Export Data…; in the file chooser, the name entry has the
    focus, with a name filled in: Ctrl+A and a whole path replace it."""
    menu(app, "Export Data…")
    chooser = window(app, "Export Data")
    name = app.get("text", "Name:", root=chooser)
    check(text_of(name).startswith("vocation-data-") and text_of(name).endswith(".json"),
          f"the chooser offers a dated name, saw {text_of(name)!r}")
    app.key("ctrl+a")
    app.type(path)
    wait_for("the path as typed", lambda: text_of(name) == path)
    app.key("Return")
    no_window(app, "Export Data")


def choose_import_file(app, path):
    """Main Menu → Import Data…; Ctrl+L opens the file chooser's location
    entry, the path is typed there and Return opens it."""
    menu(app, "Import Data…")
    chooser = window(app, "Import Data")
    app.key("ctrl+l")
    app.type(path)
    wait_for("the path as typed", lambda: any(text_of(n) == path for n in app.all("text", root=chooser)))
    app.key("Return")
    no_window(app, "Import Data")


def import_from_menu(app, path):
    """Chooses @path to import; returns the dialog that asks how to import
    it (the file was found good first)."""
    choose_import_file(app, path)
    return window(app, f"Import “{os.path.basename(path)}”?")


# My Skills.

def show_skill(app, skill):
    """My Skills, filtered to @skill, so its selector is on screen (a
    drop-down opened out of sight has no monitor to place its list on)."""
    app.key("alt+2")
    app.set_text(app.get("entry", "Filter skills"), skill)
    return app.get("combo box", f"Your level in {skill}")


def rate(app, skill, level):
    """Opens the level selector and moves down its list to @level with the
    keyboard, as someone without a pointer would."""
    combo = show_skill(app, skill)
    app.act(combo)
    app.tab_to(f"{level} in the level list",
               lambda n: role(n) == "list item" and any((c.name or "").startswith(level + ":") for c in n),
               key="Down", limit=10)
    app.key("Return")
    wait_for(f"{skill} to show {level}", lambda: app.shown(combo) == level)


def skill_levels(app):
    """Each rated skill of RATINGS as My Skills shows it, and its summary."""
    levels = {skill: app.shown(show_skill(app, skill)) for skill in RATINGS}
    app.set_text(app.get("entry", "Filter skills"), "")
    intro = wait_for("the summary of My Skills", lambda: next(
        (text_of(n) for n in app.all("label", root=app.window)
         if text_of(n).startswith(("You have rated", "Rate a few skills"))), None))
    return levels, intro


# Roles and plans.

def open_role(app, name, rated=True):
    app.key("alt+1")
    app.key("ctrl+f")
    app.set_text(app.get("entry", "Search roles"), name.lower())
    table = app.get("table", "Roles")
    wait_for(f"{name} first among the cards",
             lambda: [c.name for c in app.all("panel", root=table, only_showing=False) if c.name][:1] == [name])
    app.key("Return")
    app.get("push button", "Back to Roles")
    return app.get("label", contains="% match") if rated else None


def role_page_facts(app):
    """The match, the biggest gaps and the note a role page shows."""
    match = app.get("label", contains="% match").name
    gaps = [n.name for n in app.all("list item", root=app.get("list", "Biggest Gaps"))]
    return match, gaps, text_of(app.get("text", "Notes"))


def open_plan(app, title):
    """Plans (Alt+3), then the plan's row with the keyboard."""
    app.key("alt+3")
    plans = app.get("list", "Your Plans")
    app.tab_to(f"the plan {title!r}",
               lambda n: role(n) == "list item" and any(text_of(label) == title for label in app.all("label", root=n)))
    app.key("Return")
    app.get("push button", "Back")
    app.get("label", title)
    return plans


def plan_rows(app):
    """Each plan row of the Plans view as the words it shows."""
    app.key("alt+3")
    plans = app.get("list", "Your Plans")
    return [tuple(text_of(label) for label in app.all("label", root=row)) for row in app.all("list item", root=plans)]


def goal_box(app, skill):
    """A goal's row with all it holds when open: steps, entries, its note."""
    return app.get("list item", skill).parent.parent.parent


def goal_is_open(app, skill):
    # AdwExpanderRow (libadwaita 1.2) tells AT-SPI nothing of being open;
    # what it shows does.
    return bool(app.all("text", "Add a Step or a Link", root=goal_box(app, skill)))


def open_goal(app, skill):
    """Opens a goal of the plan shown, if it is not open yet (the page
    keeps open the goals that were): its row expands with Return."""
    if not goal_is_open(app, skill):
        app.tab_to(f"the goal {skill!r}", lambda n: role(n) == "list item" and n.name == skill)
        app.key("Return")
        wait_for(f"the goal {skill!r} to open", lambda: goal_is_open(app, skill))
    return goal_box(app, skill)


def goal_facts(app, skill):
    """A goal's status, its steps and its note, as its open row shows them."""
    box = open_goal(app, skill)
    status = app.shown(app.get("combo box", f"Status of {skill}", root=box))
    steps = [n.name for n in app.all("check box", root=box)]
    notes = app.all("text", "Notes", root=box)
    return status, steps, text_of(notes[0]) if notes else None


def everything(app):
    """All the scenarios entered, as the app shows it: ratings, the plans
    list, the role page, and the plan's goal with its step and note."""
    seen = {}
    seen["skills"] = skill_levels(app)
    seen["plans"] = plan_rows(app)
    open_role(app, ROLE)
    seen["role"] = role_page_facts(app)
    app.key("Escape")
    open_plan(app, PLAN)
    seen["goal"] = goal_facts(app, GOAL)
    # Back goes to the Plans view the plan was opened from (not to the
    # role page opened before it).
    app.act(app.get("push button", "Back"))
    app.get("list", "Your Plans")
    return seen


def enter_data(app):
    """Rates three skills, writes a note on a role, makes a plan from its
    gaps, and adds a step and a note to one of its goals; all with the
    keyboard but for the buttons AT-SPI presses."""
    for skill, level in RATINGS.items():
        rate(app, skill, level)

    open_role(app, ROLE)
    app.tab_to("the role's notes", lambda n: role(n) == "text" and n.name == "Notes")
    app.type(ROLE_NOTE)
    wait_for("the note as typed", lambda: text_of(app.get("text", "Notes")) == ROLE_NOTE)

    app.act(app.get("push button", "Create Plan From Gaps…"))
    dialog = window(app, "Create a Plan")
    title = app.get("text", "Plan Title", root=dialog)
    check(text_of(title) == PLAN, f"the plan is named after the role, saw {text_of(title)!r}")
    goals = [n.name for n in app.all("check box", root=dialog)]
    check(len(goals) == 5 and goals[0].startswith("Excel:"), f"the five gaps to choose from, saw {goals}")
    app.act(app.get("push button", "Create Plan", root=dialog))
    no_window(app, "Create a Plan")
    # The toast offers to open it.
    app.act(app.get("push button", "Open"))
    app.get("label", PLAN)

    box = open_goal(app, GOAL)
    # The goal's note comes right after the step entry.
    app.tab_to("the goal's notes", lambda n: role(n) == "text" and n.name == "Notes")
    app.type(GOAL_NOTE)
    wait_for("the goal note as typed", lambda: text_of(app.all("text", "Notes", root=box)[0]) == GOAL_NOTE)
    # libadwaita 1.2 shows no focus on an entry row through AT-SPI: Shift+Tab
    # from the note is the step entry, and what is typed shows up there.
    app.key("shift+Tab")
    app.type(STEP)
    wait_for("the step as typed", lambda: text_of(app.get("text", "Add a Step or a Link")) == STEP)
    app.key("Return")
    app.get("check box", STEP)


@scenario
def everything_is_there_after_a_restart(app):
    """Ratings, a plan, a step and notes, then Ctrl+Q and a new start on
    the same data folder: all of it is shown again."""
    enter_data(app)
    before = everything(app)
    check(before["skills"][0] == RATINGS, f"My Skills shows the ratings, saw {before['skills'][0]}")
    check(before["skills"][1] == "You have rated 3 skills", f"the summary, saw {before['skills'][1]!r}")
    check(before["goal"] == ("Not Started", [STEP], GOAL_NOTE), f"the goal, saw {before['goal']}")
    check(before["role"][2] == ROLE_NOTE, f"the role note, saw {before['role'][2]!r}")
    check(len(before["plans"]) == 1 and before["plans"][0][0] == PLAN, f"one plan, saw {before['plans']}")

    check(app.quit() == 0, "Ctrl+Q quits with status 0")
    again = App(VOCATION, data_home=app.data_home)
    try:
        after = everything(again)
    finally:
        again.close()
    for part in before:
        check(after[part] == before[part], f"after a restart, {part}: saw {after[part]}, expected {before[part]}")


@scenario(data=SEED)
def export_then_import_into_an_empty_data_folder(app):
    """Export Data… from the menu writes one file; a new start with an empty
    data folder and Import Data… of that file shows the same ratings, plan,
    steps and notes."""
    before = everything(app)
    check(before["goal"] == ("In Progress", [STEP], GOAL_NOTE), f"the seeded goal, saw {before['goal']}")

    folder = scratch_dir()
    path = os.path.join(folder, "my-vocation-data.json")
    try:
        export_from_menu(app, path)
        said = toast(app, "Exported")
        check(said == "Exported 3 ratings, 3 history entries, 1 plan, 5 goals, 1 step and 2 notes to “my-vocation-data.json”",
              f"the toast says what was exported and where, saw {said!r}")
        check(os.path.exists(path), f"{path} was written")
        check(app.quit() == 0, "Ctrl+Q quits with status 0")

        empty = App(VOCATION)
        try:
            levels, summary = skill_levels(empty)
            check(summary == "Rate a few skills to see how you compare", f"an empty start, saw {summary!r}")
            empty.key("alt+3")
            empty.get("label", "No Plans Yet")

            dialog = import_from_menu(empty, path)
            buttons = [n.name for n in empty.all("push button", root=dialog)]
            check(buttons == ["Cancel", "Replace All", "Add to My Data"], f"how to import, saw {buttons}")
            said = "\n".join(text_of(n) for n in empty.all("label", root=dialog))
            check("It holds 3 ratings, 3 history entries, 1 plan, 5 goals, 1 step and 2 notes." in said,
                  f"the question says what the file holds, saw {said!r}")
            # Adding is the default: Return.
            check(app.focused(dialog).name == "Add to My Data", "Add to My Data has the focus")
            empty.key("Return")
            no_window(empty, dialog.name)
            said = toast(empty, "Imported")
            check(said == "Imported 3 ratings, 3 history entries, 1 plan, 5 goals, 1 step and 2 notes",
                  f"the toast says what was imported, saw {said!r}")
            after = everything(empty)
        finally:
            empty.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    for part in before:
        check(after[part] == before[part], f"after the import, {part}: saw {after[part]}, expected {before[part]}")


@scenario(data=SEED)
def a_malformed_file_is_refused_and_changes_nothing(app):
    """Importing a file cut short, or one that is not Vocation's, shows a
    message that says what is wrong and what to do, before asking how to
    import it; nothing changes."""
    before = (skill_levels(app), plan_rows(app))
    folder = scratch_dir()
    whole = json.dumps(SEED, indent=2)
    files = {
        # A download or a copy cut short.
        "cut-short.json": (whole[:len(whole) // 2], "is it truncated?"),
        # Some other program's JSON.
        "other-app.json": (json.dumps({"bookmarks": []}), "not a Vocation data file"),
    }
    try:
        for name, (content, problem) in files.items():
            path = os.path.join(folder, name)
            with open(path, "w") as f:
                f.write(content)
            # Checked before anything is asked: the refusal comes at once.
            choose_import_file(app, path)
            refusal = window(app, f"Cannot Import “{name}”")
            app.get("push button", "Close", root=refusal)   # laid out
            said = "\n".join(text_of(n) for n in app.all("label", root=refusal))
            print(f"# {name}: " + said.replace("\n", "\n#   "))
            check(problem in said, f"the message says what is wrong ({problem!r}), saw {said!r}")
            check("Nothing was imported; your data is unchanged." in said, f"and that nothing changed, saw {said!r}")
            check("Export Data" in said, f"and what to do, saw {said!r}")
            close = app.get("push button", "Close", root=refusal)
            check(app.focused(refusal) == close, "Close has the focus")
            app.key("Return")
            no_window(app, refusal.name)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    after = (skill_levels(app), plan_rows(app))
    check(after == before, f"nothing changed: saw {after}, expected {before}")


def damage_history(binary, data_home):
    """A copy of the imported data is taken, then garbage goes over the page
    of the rating history: the Roles view does not read it, so the window
    opens and only the check finds it."""
    env = dict(os.environ, XDG_DATA_HOME=data_home, GSETTINGS_BACKEND="memory")
    # The import kept a copy of the empty data it found; two days old, it
    # lets the next open take the day's copy, of the imported data.
    snapshots = os.path.join(data_home, "vocation", "snapshots")
    for name in os.listdir(snapshots):
        old = time.time() - 2 * 24 * 3600
        os.utime(os.path.join(snapshots, name), (old, old))
    subprocess.run([binary, "--export-data", os.path.join(data_home, "copy.json")], check=True,
                   stdout=subprocess.DEVNULL, env=env)
    path = os.path.join(data_home, "vocation", "vocation.db")
    with sqlite3.connect(path) as db:
        page, = db.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'level_history'").fetchone()
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    with open(path, "r+b") as f:
        f.seek((page - 1) * 4096)
        f.write(b"\xaa" * 4096)


@scenario(data=SEED, then=damage_history)
def a_damaged_file_found_after_start_is_restored(app):
    """The data file is checked once the window is up; damaged, it is set
    aside, the day's copy takes its place, a dialog says where the old file
    is, and My Skills shows the ratings of the copy."""
    dialog = window(app, "Your Data Was Recovered")
    said = "\n".join(text_of(n) for n in app.all("label", root=dialog))
    print("# " + said.replace("\n", "\n#   "))
    check(".damaged-" in said and "restored the copy" in said, f"the dialog says what happened, saw {said!r}")
    app.act(app.get("push button", "OK", root=dialog))
    no_window(app, "Your Data Was Recovered")
    levels, intro = skill_levels(app)
    check(levels == RATINGS, f"My Skills shows the copy's ratings, saw {levels}")
    folder = os.path.join(app.data_home, "vocation")
    check(any(".damaged-" in name for name in os.listdir(folder)), f"the damaged file is kept, saw {os.listdir(folder)}")


def saved_note(data_home, kind, subject):
    path = os.path.join(data_home, "vocation", "vocation.db")
    with sqlite3.connect(path) as db:
        row = db.execute("SELECT body FROM note WHERE subject_kind = ? AND subject_id = ?", (kind, subject)).fetchone()
    db.close()
    return row[0] if row else None


def saved_window_state(config_home):
    """The window settings GSettings' keyfile backend wrote, or {}."""
    path = os.path.join(config_home, "glib-2.0", "settings", "keyfile")
    keyfile = configparser.ConfigParser(interpolation=None)
    keyfile.read(path)
    group = "io/github/vocationapp/Vocation"
    return dict(keyfile[group]) if keyfile.has_section(group) else {}


def quit_over_dbus(app):
    """What GNOME Shell's Quit (in the dash or the overview) does: app.quit
    through the application's exported actions. The keys typed arrive over
    X, the call over D-Bus; no hand gets from the keys to the dash in less
    than the 30 ms given to the keys to arrive."""
    time.sleep(0.03)
    subprocess.run(["gdbus", "call", "--session", "--dest", "io.github.vocationapp.Vocation",
                    "--object-path", "/io/github/vocationapp/Vocation",
                    "--method", "org.gtk.Actions.Activate", "quit", "[]", "{}"],
                   check=True, stdout=subprocess.DEVNULL, timeout=10)


# Each way out, taken right after the last keystroke (no pause for the
# note's save delay, 0.4 s).
WAYS_OUT = {
    "Ctrl+Q": lambda app: rawinput.keyCombo("<Control>q"),
    "Ctrl+W, closing the last window": lambda app: rawinput.keyCombo("<Control>w"),
    "Quit from GNOME Shell": quit_over_dbus,
    "SIGTERM, as at logout": lambda app: (time.sleep(0.03), app.process.send_signal(signal.SIGTERM)),
    "SIGINT, Ctrl+C in a terminal": lambda app: (time.sleep(0.03), app.process.send_signal(signal.SIGINT)),
    "SIGHUP, the terminal closed": lambda app: (time.sleep(0.03), app.process.send_signal(signal.SIGHUP)),
}


@scenario
def every_way_out_keeps_the_last_keystroke(first):
    """A note typed into a role page, then at once each way out of the app:
    the whole note is saved, the window's size too, and the exit is clean."""
    first.close()
    failures = []
    for name, leave in WAYS_OUT.items():
        app = App(VOCATION, env={"GSETTINGS_BACKEND": "keyfile"})
        try:
            open_role(app, ROLE, rated=False)
            app.tab_to("the role's notes", lambda n: role(n) == "text" and n.name == "Notes")
            text = f"Typed right before {name}"
            check(saved_window_state(app.config_home).get("window-width") is None,
                  f"{name}: nothing written to the window's settings before leaving")
            pyatspi.Registry.generateKeyboardEvent(0, text, pyatspi.KEY_STRING)
            leave(app)
            try:
                status = app.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                failures.append(f"{name}: vocation did not quit")
                continue
            saved = saved_note(app.data_home, "role", "data-analyst")
            state = saved_window_state(app.config_home)
            problems = []
            if status != 0:
                problems.append(f"exit status {status}")
            if saved != text:
                problems.append(f"the note saved is {saved!r}")
            if (state.get("window-width"), state.get("window-height"), state.get("window-maximized")) != \
                    ("1040", "720", "false"):
                problems.append(f"the window settings saved are {state}")
            print(f"# {name}: " + ("; ".join(problems) if problems else "note and window size saved"))
            if problems:
                failures.append(f"{name}: " + "; ".join(problems))
        finally:
            app.close()
    check(not failures, "; ".join(failures))

if __name__ == "__main__":
    sys.exit(SUITE.run(VOCATION, sys.argv[2:]))
