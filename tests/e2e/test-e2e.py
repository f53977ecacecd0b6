#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end scenarios: the real app, driven through AT-SPI (suite e2e).

usage: test-e2e.py VOCATION [SCENARIO...]     prints TAP
"""
import datetime
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    print("1..0 # SKIP no display; build-aux/dev.sh test starts one")
    sys.exit(0)
try:
    import pyatspi  # noqa: E402
    from vocation_e2e import App, E2EError, Suite, check, role, text_of, wait_for  # noqa: E402
except ImportError as e:
    print(f"1..0 # SKIP {e}: apt-get install python3-pyatspi")
    sys.exit(0)

VOCATION = sys.argv[1]
SUITE = Suite()
scenario = SUITE.scenario


def card_names(app):
    """The cards of the Roles view, in order (those scrolled out too: a
    screen reader moves through them all)."""
    table = app.get("table", "Roles")
    return [c.name for c in app.all("panel", root=table, only_showing=False) if c.name]


def is_card(node, name=None):
    return node.getRoleName() == "table cell" and (name is None or any(c.name == name for c in node))


def focus_card(app, name):
    """Tab to the grid of cards, then the arrows to the card named @name."""
    app.tab_to("the role cards", is_card)
    app.key("Home")
    return app.tab_to(f"the {name} card", lambda n: is_card(n, name), key="Right", limit=12)


# What the user reads.

def labels(app, root=None, only_showing=True):
    return [text_of(n) for n in app.all("label", root=root, only_showing=only_showing)]


def label_matching(app, pattern, root=None):
    """The text of the first label shown that matches @pattern (a regex)."""
    def find():
        return next((t for t in labels(app, root) if re.fullmatch(pattern, t)), None)
    return wait_for(f"a label matching {pattern!r}", find)


def match_percent(app):
    """The role page's "N% match", as a number."""
    return int(label_matching(app, r"\d+% match").split("%")[0])


def radar_description(app):
    return app.get("image", "Radar Chart").description


def wait_for_description(app, what, predicate):
    """The radar's description once @predicate holds for it."""
    return wait_for(what, lambda: predicate(radar_description(app)) and radar_description(app))


def window_named(app, role_name, name):
    """A dialog: a window of its own beside the main one."""
    return wait_for(f"the {name!r} {role_name}",
                    lambda: next((w for w in app.app if role(w) == role_name and w.name == name), None))


# The keyboard: pick in an open selector list.

def first_label(app, node):
    texts = labels(app, root=node, only_showing=False)
    return texts[0] if texts else None


def pick(app, option):
    """In the open list of a selector (the focus on one of its items), moves
    to @option with Home and Down and presses Enter."""
    wait_for("the selector's list to take the focus", lambda: role(app.focused()) == "list item")
    app.key("Home")
    app.tab_to(f"the option {option!r}",
               lambda n: role(n) == "list item" and first_label(app, n) == option, key="Down", limit=20)
    app.key("Return")


# What a closed selector shows for a choice, where it says it shorter.
CLOSED = {"Not Relevant to Me": "Not Relevant"}


def choose(app, combo_name, option):
    """Opens the selector named @combo_name as assistive technology does,
    picks @option with the keyboard, and waits until the selector shows it."""
    combo = app.get("combo box", combo_name)
    shown = CLOSED.get(option, option)
    app.act(combo)
    pick(app, option)
    wait_for(f"{combo_name!r} to show {shown!r}", lambda: app.shown(app.get("combo box", combo_name)) == shown)


def rate(app, skill, level):
    """My Skills: filters the list down to @skill, as a user brings a row
    into view, and sets its level."""
    app.key("alt+2")
    skill_filter = app.get("entry", "Filter skills")
    app.set_text(skill_filter, skill)
    choose(app, f"Your level in {skill}", level)
    app.set_text(skill_filter, "")


def open_role(app, words, name):
    """Roles: types @words (typing anywhere searches) and opens the first match."""
    app.key("alt+1")
    app.get("table", "Roles")
    app.type(words)
    wait_for(f"{name} among the cards", lambda: name in card_names(app))
    app.key("Return")
    app.get("push button", "Back to Roles")
    app.get("label", name)


def focus_is(name, role_name=None):
    return lambda n: n.name == name and (role_name is None or role(n) == role_name)


def in_combo(name):
    """The focus on a selector's button (the selector is its parent), which
    a screen reader reads by the selector's name, not "GtkToggleButton"."""
    return lambda n: (role(n) == "push button" and n.name == name
                      and n.parent is not None and n.parent.name == name)


def plans_count(app):
    return label_matching(app, r"\d+ plans?")


def plan_titles(app):
    """The plans listed in the Plans view, in order."""
    plans = app.get("list", "Your Plans")
    return [first_label(app, row) for row in app.all("list item", root=plans)]


def tab_in(app, window, what, predicate, limit=20):
    """tab_to for a dialog, a window of its own."""
    for _ in range(limit):
        node = app.focused(window)
        if node is not None and predicate(node):
            return node
        app.key("Tab")
    raise E2EError(f"Tab never reached {what} in {window.name!r}")


def focus_plan(app, title):
    """Plans view: Tab into the list (one stop), then the arrows to @title."""
    app.tab_to("the list of plans", lambda n: role(n) == "list item" and n.parent.name == "Your Plans")
    app.key("Home")
    return app.tab_to(title, lambda n: role(n) == "list item" and first_label(app, n) == title,
                      key="Down", limit=10)


def history_document(now):
    """Ratings with a past: SQL and Excel first rated 200 days ago, raised 20
    days ago. The past day offered is the first."""
    def at(days):
        return (now - datetime.timedelta(days=days)).strftime("%Y-%m-%dT12:00:00Z")
    return {
        "format": "vocation-data",
        "format_version": 1,
        "exported_at": at(0),
        "application": "Vocation e2e",
        "profile": [
            {"skill": "sql", "level": 3, "relevant": True, "updated_at": at(20)},
            {"skill": "excel", "level": 4, "relevant": True, "updated_at": at(20)},
        ],
        "history": [
            {"skill": "sql", "level": 1, "relevant": True, "at": at(200)},
            {"skill": "excel", "level": 2, "relevant": True, "at": at(200)},
            {"skill": "sql", "level": 3, "relevant": True, "at": at(20)},
            {"skill": "excel", "level": 4, "relevant": True, "at": at(20)},
        ],
        "plans": [],
        "role_notes": [],
    }


def two_plans_document(now):
    stamp = now.strftime("%Y-%m-%dT%H:%M:%SZ")

    def plan(role_id, title, skill):
        return {"role": role_id, "title": title, "created_at": stamp, "target_date": None,
                "archived": False,
                "goals": [{"skill": skill, "from_level": 0, "target_level": 3, "due_date": None,
                           "status": "not-started", "steps": []}]}
    return {
        "format": "vocation-data", "format_version": 1, "exported_at": stamp,
        "application": "Vocation e2e", "profile": [], "history": [],
        "plans": [plan("data-analyst", "Become a Data Analyst", "sql"),
                  plan("data-engineer", "Become a Data Engineer", "etl-pipelines")],
        "role_notes": [],
    }


@scenario
def find_a_role_by_search_and_by_family(app):
    """Search, filter by family, open a role, go back."""
    check(len(card_names(app)) == 12, f"12 role cards at start, saw {card_names(app)}")

    # Typing anywhere searches; "kafka" is a Data Engineer tool.
    app.type("kafka")
    wait_for("one card for kafka", lambda: card_names(app) == ["Data Engineer"])
    entry = app.get("entry", "Search roles")
    check(text_of(entry) == "kafka", f"the search entry shows what was typed, saw {text_of(entry)!r}")

    # Enter opens the first match; its page says what it is.
    app.key("Return")
    app.get("label", "Data Engineer")
    app.get("push button", "Back to Roles")
    # Back with Escape: the same search, the same card.
    app.key("Escape")
    wait_for("the Roles view again", lambda: card_names(app) == ["Data Engineer"])

    # Clear the search, then the family menu: Analytics has two roles.
    app.set_text(app.get("entry", "Search roles"), "")
    wait_for("12 cards again", lambda: len(card_names(app)) == 12)
    app.act(app.get("push button", "Filter and Sort Roles"))
    app.act(app.get("menu item", "Analytics"))
    wait_for("the two Analytics roles",
             lambda: sorted(card_names(app)) == ["Business Intelligence Developer", "Data Analyst"])

    # Open one by its card: a grid cell has no action in GTK 4.8; a screen
    # reader user moves the focus to it and presses Enter.
    focus_card(app, "Data Analyst")
    app.key("Return")
    app.get("label", "Data Analyst")
    app.act(app.get("push button", "Back to Roles"))
    wait_for("back on the filtered Roles view", lambda: len(card_names(app)) == 2)


@scenario
def rate_skills_and_the_role_follows(app):
    """Levels picked in My Skills, with the keyboard in each selector, move
    the role page's match, gaps and radar."""
    rate(app, "SQL", "Practitioner")
    label_matching(app, "You have rated 1 skill")

    # Data Analyst: SQL 3 of 22 weighted levels.
    open_role(app, "analyst", "Data Analyst")
    before = match_percent(app)
    check(before == 14, f"SQL alone gives 14 % of the Data Analyst, saw {before} %")
    description = radar_description(app)
    check("14% match over 8 skills" in description, f"the radar says the match: {description!r}")
    check("SQL: you Practitioner (3), Data Analyst needs Practitioner (3)" in description,
          f"the radar reads SQL: {description!r}")
    check("Excel: you have not rated it; Data Analyst needs Advanced (4)" in description,
          f"the radar reads Excel as not rated: {description!r}")
    label_matching(app, "7 skills below what the role expects, largest first")

    # Three more: two raised, one left out of every match.
    rate(app, "Excel & Spreadsheets", "Advanced")
    rate(app, "Statistics", "Beginner")
    rate(app, "Written Communication", "Not Relevant to Me")
    # Counted as Export Data counts it: a rating, of "not relevant".
    label_matching(app, "You have rated 4 skills, 1 of them as not relevant to you")

    # (3 + 4 + 2) of 22 − 3 (Report Writing left out): 47 %.
    open_role(app, "analyst", "Data Analyst")
    after = wait_for("the new match", lambda: match_percent(app) != before and match_percent(app))
    check(after == 47, f"the match is 47 % now, saw {after} %")
    description = radar_description(app)
    for words in ("47% match over 8 skills",
                  "Excel: you Advanced (4), Data Analyst needs Advanced (4)",
                  "Statistics: you Beginner (2), Data Analyst needs Beginner (2)",
                  "Report Writing: not relevant to you; Data Analyst needs Practitioner (3)"):
        check(words in description, f"the radar says {words!r}: {description!r}")
    label_matching(app, "4 skills below what the role expects, largest first")
    gaps = [n.name for n in app.all("list item", root=app.get("list", "Biggest Gaps"))]
    check(not any(g.startswith(("Excel", "Statistics", "SQL", "Report Writing")) for g in gaps),
          f"met and left-out skills are no gaps: {gaps}")


@scenario(data=history_document)
def compare_with_a_role_and_your_past(app):
    """The role page compares with a second role, then with your own
    profile on a past day; the radar's description names the third series."""
    past = datetime.datetime.now() - datetime.timedelta(days=200)
    day = f"{past.day} {past.strftime('%B %Y')}"

    open_role(app, "analyst", "Data Analyst")
    # SQL 3 and Excel 4 of 22.
    check(match_percent(app) == 32, f"the imported levels give 32 %, saw {match_percent(app)} %")
    check(app.shown(app.get("combo box", "Compare With")) == "No Comparison", "nothing compared at first")
    check("needs None" not in radar_description(app) and "You on" not in radar_description(app),
          f"two series at first: {radar_description(app)!r}")

    choose(app, "Compare With", "Data Scientist")
    description = wait_for_description(app, "Data Scientist on the radar", lambda d: "Data Scientist needs" in d)
    check("SQL: you Practitioner (3), Data Analyst needs Practitioner (3), Data Scientist needs Practitioner (3)"
          in description, f"each skill reads the other role's level: {description!r}")
    check("Excel: you Advanced (4), Data Analyst needs Advanced (4), Data Scientist needs None (0)" in description,
          f"a skill the other role lacks reads None: {description!r}")
    check(match_percent(app) == 32, "comparing does not change your match")

    # Your own past: only days before the newest change are offered.
    choose(app, "Compare With", f"Your Skills on {day}")
    description = wait_for_description(app, "your past on the radar", lambda d: f"You on {day}" in d)
    check("Data Scientist" not in description, f"the other role has gone: {description!r}")
    check(f"SQL: you Practitioner (3), Data Analyst needs Practitioner (3), You on {day}: Awareness (1)" in description,
          f"SQL was Awareness then: {description!r}")
    check(f"Excel: you Advanced (4), Data Analyst needs Advanced (4), You on {day}: Beginner (2)" in description,
          f"Excel was Beginner then: {description!r}")

    choose(app, "Compare With", "No Comparison")
    wait_for_description(app, "two series again", lambda d: "You on" not in d and "Data Scientist" not in d)


@scenario
def plan_from_gaps_to_a_raised_level(app):
    """A plan made from a role's gaps: a step, a note, a goal done and the
    level raised; the role page and My Skills follow."""
    rate(app, "SQL", "Practitioner")
    open_role(app, "analyst", "Data Analyst")
    before = match_percent(app)
    check("Statistics: you have not rated it" in radar_description(app), "Statistics starts unrated")

    app.act(app.get("push button", "Create Plan From Gaps…"))
    dialog = window_named(app, "dialog", "Create a Plan")
    title = app.get("text", "Plan Title", root=dialog)
    check(text_of(title) == "Become a Data Analyst", f"the plan's title is offered: {text_of(title)!r}")
    gaps = [c.name for c in app.all("check box", root=dialog)]
    check(len(gaps) == 7 and "Statistics: None (0) → Beginner (2)" in gaps, f"one goal a gap: {gaps}")
    app.act(app.get("push button", "Create Plan", root=dialog))
    app.get("label", "Plan created")
    app.act(app.get("push button", "Open"))
    app.get("label", "Towards Data Analyst · 0 of 7 goals done")

    # A note on the plan, saved as typed.
    app.set_text(app.get("text", "Notes"), "Ask Sam about the evening course.")
    label_matching(app, r"Written .+")

    # Open the Statistics goal (Enter on its row) and add a step: the
    # entry follows its goal's Move Down button.
    app.tab_to("the Statistics goal", focus_is("Statistics", "list item"))
    app.key("Return")
    app.get("text", "Add a Step or a Link")
    app.tab_to("Move Down", focus_is("Move Down", "push button"))
    app.key("Tab")
    app.type("Khan Academy statistics")
    app.key("Return")
    app.get("check box", "Khan Academy statistics")
    app.get("label", "None (0) → Beginner (2) · 0 of 1 step done")

    # Done: Vocation offers to raise the level.
    choose(app, "Status of Statistics", "Done")
    dialog = window_named(app, "dialog", "Raise Your Statistics Level?")
    app.act(app.get("push button", "Raise Level", root=dialog))
    app.get("label", "Towards Data Analyst · 1 of 7 goals done")

    # Back goes to the role page the plan was opened from.
    app.key("Escape")
    app.get("push button", "Back to Roles")
    after = wait_for("the match to move", lambda: match_percent(app) != before and match_percent(app))
    check(after == 23, f"Statistics 2 of 22 more: 23 %, saw {after} %")
    description = wait_for_description(app, "the radar to move", lambda d: "23% match" in d)
    check("Statistics: you Beginner (2), Data Analyst needs Beginner (2)" in description,
          f"the radar reads the new level: {description!r}")
    label_matching(app, "6 skills below what the role expects, largest first")

    app.key("alt+2")
    check(app.shown(app.get("combo box", "Your level in Statistics")) == "Beginner",
          "My Skills shows the raised level")
    label_matching(app, "You have rated 2 skills")

    # The Plans view, and the plan again from there: the note was kept.
    app.key("alt+3")
    check(plans_count(app) == "1 plan", "one plan")
    app.get("label", "1 of 7 goals done")
    focus_plan(app, "Become a Data Analyst")
    app.key("Return")
    app.get("label", "Towards Data Analyst · 1 of 7 goals done")
    # The plan's note follows its goals (the open goal has a note of its own).
    plan_note = wait_for("the plan's note", lambda: app.all("text", "Notes")[-1])
    check(text_of(plan_note) == "Ask Sam about the evening course.", f"the note is kept: {text_of(plan_note)!r}")
    app.key("Escape")
    wait_for("back on the Plans view", lambda: app.find("list", "Your Plans") and not app.find("push button", "Back"))


@scenario(data=two_plans_document)
def delete_a_plan_and_undo(app):
    """A plan deleted comes back with Undo; deleted again, it stays gone."""
    app.key("alt+3")
    check(plans_count(app) == "2 plans", f"two plans imported, saw {plans_count(app)!r}")
    listed = plan_titles(app)
    check(sorted(listed) == ["Become a Data Analyst", "Become a Data Engineer"], f"saw {listed}")

    def open_plan(title):
        focus_plan(app, title)
        app.key("Return")
        app.get("label", f"Towards {title[len('Become a '):]} · 0 of 1 goal done")

    # The bin button.
    open_plan("Become a Data Engineer")
    app.act(app.get("push button", "Delete Plan"))
    app.get("label", "Plan “Become a Data Engineer” deleted")
    wait_for("one plan left", lambda: plans_count(app) == "1 plan")
    check(plan_titles(app) == ["Become a Data Analyst"], f"the Data Engineer plan has gone: {plan_titles(app)}")

    app.act(app.get("push button", "Undo"))
    wait_for("two plans again", lambda: plans_count(app) == "2 plans")
    check(plan_titles(app) == listed, f"the plan is back in its place: {plan_titles(app)}")

    # The Delete key on its page, then no Undo.
    open_plan("Become a Data Engineer")
    app.key("Delete")
    wait_for("one plan left", lambda: plans_count(app) == "1 plan")
    check(plan_titles(app) == ["Become a Data Analyst"], f"gone again: {plan_titles(app)}")

    # For good: a new start reads it from the data folder.
    app.quit()
    again = App(VOCATION, data_home=app.data_home)
    try:
        again.key("alt+3")
        check(plans_count(again) == "1 plan", f"one plan after a restart, saw {plans_count(again)!r}")
        check(plan_titles(again) == ["Become a Data Analyst"], f"saw {plan_titles(again)}")
    finally:
        again.close()


def steps_document(now):
    """One plan, two goals, the first with two steps."""
    doc = two_plans_document(now)
    plan = doc["plans"][1]
    plan["goals"] = [
        {"skill": "etl-pipelines", "from_level": 0, "target_level": 3, "due_date": None, "status": "not-started",
         "steps": [{"text": "Read the Airflow tutorial", "done": False},
                   {"text": "Build a toy pipeline", "done": False}]},
        {"skill": "sql", "from_level": 2, "target_level": 4, "due_date": None, "status": "not-started",
         "steps": []},
    ]
    return doc


def goal_skills(app):
    return [n.name for n in app.all("list item") if n.name in ("ETL/ELT Pipelines", "SQL")]


def step_texts(app):
    return [n.name for n in app.all("check box")]


@scenario(data=steps_document)
def delete_acts_on_what_has_focus_and_every_deletion_undoes(app):
    """Delete on a step's check box deletes that step, on a goal that goal,
    on the plan's header or its row in Plans the plan; each toast names what
    went; Ctrl+Z brings every deletion back, newest first."""
    app.key("alt+3")
    focus_plan(app, "Become a Data Engineer")
    app.key("Return")
    app.get("label", "Towards Data Engineer · 0 of 2 goals done")
    app.tab_to("the goal ETL/ELT Pipelines", lambda n: role(n) == "list item" and n.name == "ETL/ELT Pipelines")
    app.key("Return")
    app.get("check box", "Build a toy pipeline")

    # The step's check box has the focus: Delete takes that step alone.
    app.tab_to("the step's check box", focus_is("Build a toy pipeline", "check box"))
    app.key("Delete")
    app.get("label", "Step “Build a toy pipeline” deleted")
    wait_for("one step left", lambda: step_texts(app) == ["Read the Airflow tutorial"])
    check(goal_skills(app) == ["ETL/ELT Pipelines", "SQL"], f"both goals are still there, saw {goal_skills(app)}")
    # The goal's row: Delete takes the goal.
    app.tab_to("the goal SQL", lambda n: role(n) == "list item" and n.name == "SQL", key="Tab", limit=30)
    app.key("Delete")
    app.get("label", "Goal “SQL” deleted")
    wait_for("one goal left", lambda: goal_skills(app) == ["ETL/ELT Pipelines"])
    app.get("label", "Towards Data Engineer · 0 of 1 goal done")

    # The toast stays long enough to read and reach: still there after 8 s.
    time.sleep(8)
    check(app.find("label", "Goal “SQL” deleted") is not None, "the goal's toast is still shown after 8 s")

    # Ctrl+Z: the goal, then the step; nothing is lost for good.
    app.key("ctrl+z")
    wait_for("the goal back", lambda: goal_skills(app) == ["ETL/ELT Pipelines", "SQL"])
    app.key("ctrl+z")
    wait_for("the step back", lambda: sorted(step_texts(app)) == ["Build a toy pipeline", "Read the Airflow tutorial"])

    # The plan's header (its back button has the focus): Delete takes the plan.
    app.tab_to("the Back button", focus_is("Back", "push button"), key="shift+Tab", limit=40)
    app.key("Delete")
    app.get("label", "Plan “Become a Data Engineer” deleted")
    wait_for("the Plans view", lambda: app.find("list", "Your Plans") is not None)
    wait_for("one plan left", lambda: plan_titles(app) == ["Become a Data Analyst"])

    # In the Plans list, Delete on a row takes that plan.
    focus_plan(app, "Become a Data Analyst")
    app.key("Delete")
    app.get("label", "Plan “Become a Data Analyst” deleted")
    wait_for("no plan left", lambda: app.find("label", "No Plans Yet") is not None)

    # Both back, newest first, each whole.
    app.key("ctrl+z")
    wait_for("the Data Analyst plan back", lambda: plan_titles(app) == ["Become a Data Analyst"])
    app.key("ctrl+z")
    wait_for("both plans back", lambda: sorted(plan_titles(app)) == ["Become a Data Analyst", "Become a Data Engineer"])
    focus_plan(app, "Become a Data Engineer")
    app.key("Return")
    app.get("label", "Towards Data Engineer · 0 of 2 goals done")


def rated_with_plans(now):
    doc = history_document(now)
    doc["plans"] = two_plans_document(now)["plans"]
    return doc


@scenario(data=rated_with_plans)
def hidden_content_is_not_read(app):
    """What is not on screen is not in the accessibility tree either: the
    empty state of a view that has content, the first-run panel of a role
    page that shows a match, and a button's own label beside its name."""
    def in_tree(name):
        return [n for n in app.all(root=app.window, only_showing=False) if n.name == name or
                (role(n) == "label" and text_of(n) == name)]

    open_role(app, "sql", "Data Analyst")
    match_percent(app)
    check(not in_tree("Rate a few skills to see how you compare"),
          "the role page's first-run panel is not read over its match")
    app.key("alt+3")
    app.get("list", "Your Plans")
    check(not in_tree("No Plans Yet"), "the Plans view's empty state is not read beside its list")
    # Its name once (it read "Search Notes Search Notes").
    names = [n.name for n in app.all("push button", only_showing=False) if "Search Notes" in (n.name or "")]
    check(names == ["Search Notes…"], f"the Search Notes button says its name once, saw {names}")


def link_document(now):
    doc = steps_document(now)
    doc["plans"][1]["goals"][0]["steps"].append({"text": "Airflow docs", "url": "https://airflow.example.org/docs",
                                                 "done": False})
    return doc


def fake_browser(binary, data_home):
    """A browser that only notes the address it is asked to open, as the
    system's handler for https links."""
    apps = os.path.join(data_home, "applications")
    os.makedirs(apps, exist_ok=True)
    script = os.path.join(data_home, "fake-browser")
    with open(script, "w") as f:
        f.write(f"#!/bin/sh\necho \"$1\" >> {data_home}/opened.txt\n")
    os.chmod(script, 0o755)
    with open(os.path.join(apps, "vocation-fake-browser.desktop"), "w") as f:
        f.write("[Desktop Entry]\nType=Application\nName=Fake Browser\n"
                f"Exec={script} %u\nMimeType=x-scheme-handler/https;x-scheme-handler/http;\n")
    with open(os.path.join(apps, "mimeapps.list"), "w") as f:
        f.write("[Default Applications]\nx-scheme-handler/https=vocation-fake-browser.desktop\n"
                "x-scheme-handler/http=vocation-fake-browser.desktop\n")


@scenario(data=link_document, then=fake_browser)
def a_step_link_opens_in_the_browser(app):
    """A step with a web address shows it as a link, and its Open Link
    button hands it to the system's browser."""
    app.key("alt+3")
    focus_plan(app, "Become a Data Engineer")
    app.key("Return")
    app.tab_to("the goal ETL/ELT Pipelines", lambda n: role(n) == "list item" and n.name == "ETL/ELT Pipelines")
    app.key("Return")
    app.get("check box", "Airflow docs")
    link = app.get("label", contains="airflow.example.org")
    check("airflow.example.org" in text_of(link), f"the address is shown, saw {text_of(link)!r}")
    app.act(app.get("push button", "Open Link “https://airflow.example.org/docs”"))
    opened = os.path.join(app.data_home, "opened.txt")
    wait_for("the browser to be asked", lambda: os.path.exists(opened) and
             open(opened).read().strip() == "https://airflow.example.org/docs")


def fake_viewer(binary, data_home):
    """An image viewer that only notes the file it is asked to open, as the
    system's handler for PNG images."""
    apps = os.path.join(data_home, "applications")
    os.makedirs(apps, exist_ok=True)
    script = os.path.join(data_home, "fake-viewer")
    with open(script, "w") as f:
        f.write(f"#!/bin/sh\necho \"$1\" >> {data_home}/viewed.txt\n")
    os.chmod(script, 0o755)
    with open(os.path.join(apps, "vocation-fake-viewer.desktop"), "w") as f:
        f.write("[Desktop Entry]\nType=Application\nName=Fake Viewer\n"
                f"Exec={script} %u\nMimeType=image/png;\n")
    with open(os.path.join(apps, "mimeapps.list"), "w") as f:
        f.write("[Default Applications]\nimage/png=vocation-fake-viewer.desktop\n")


@scenario(data=history_document, then=fake_viewer)
def a_saved_chart_has_a_title_and_opens(app):
    """Export Chart…: the dialog offers the title (ticked), Export saves a
    PNG, and the toast's Open hands it to the image viewer."""
    open_role(app, "analyst", "Data Analyst")
    app.act(app.get("push button", "Export Chart…"))
    dialog = wait_for("the Export Chart dialog", lambda: next((w for w in app.app if w.name == "Export Chart"), None))
    title_box = app.get("check box", "Title, match and date above the chart", root=dialog)
    check(title_box.getState().contains(pyatspi.STATE_CHECKED), "the title is on unless the user says otherwise")
    chart = os.path.join(app.data_home, "my chart.png")
    name = app.get("text", "Name:", root=dialog)
    check(text_of(name) == "data-analyst-radar.png", f"the dialog offers a name, saw {text_of(name)!r}")
    app.key("ctrl+a")
    app.type(chart)
    wait_for("the path as typed", lambda: text_of(name) == chart)
    app.key("Return")
    app.get("label", "Chart saved as “my chart.png”")
    with open(chart, "rb") as f:
        check(f.read(8) == b"\x89PNG\r\n\x1a\n", "the chart is a PNG")
    app.act(app.get("push button", "Open"))
    viewed = os.path.join(app.data_home, "viewed.txt")
    wait_for("the viewer to be asked", lambda: os.path.exists(viewed) and
             open(viewed).read().strip().endswith(("my chart.png", "my%20chart.png")))


@scenario
def keyboard_only_main_flow(app):
    """Find a role, open it, rate a skill, come back, make a plan: keys only,
    no pointer and no accessibility actions."""
    # Ctrl+F, type, Enter opens the first match.
    app.key("ctrl+f")
    wait_for("the search field focused", lambda: focus_is("Search roles", "entry")(app.focused()))
    app.type("kafka")
    wait_for("one card for kafka", lambda: card_names(app) == ["Data Engineer"])
    app.key("Return")
    app.get("label", "Data Engineer")
    check(focus_is("Back to Roles")(app.focused()), "the role page starts at its back button")

    # Nothing rated: the page offers to rate.
    app.tab_to("Rate My Skills", focus_is("Rate My Skills", "push button"))
    app.key("Return")
    app.get("entry", "Filter skills")
    app.tab_to("the skills filter", focus_is("Filter skills", "entry"))
    app.type("sql")
    app.tab_to("the SQL level", in_combo("Your level in SQL"))
    app.key("space")
    pick(app, "Practitioner")
    wait_for("SQL rated", lambda: app.shown(app.get("combo box", "Your level in SQL")) == "Practitioner")
    label_matching(app, "You have rated 1 skill")

    # Back to Roles, to the card with the arrows, Enter.
    app.key("alt+1")
    wait_for("all the cards", lambda: len(card_names(app)) == 12)
    check(app.focused() is not None, "the Roles view has the focus")
    focus_card(app, "Data Engineer")
    app.key("Return")
    app.get("label", "Data Engineer")
    match_percent(app)
    check("SQL: you Practitioner (3)" in radar_description(app), "the radar reads the rating")

    # Create Plan From Gaps…: Tab to it, Enter; in the dialog Tab to Create Plan.
    app.tab_to("Create Plan From Gaps…", focus_is("Create Plan From Gaps…", "push button"), limit=60)
    app.key("Return")
    dialog = window_named(app, "dialog", "Create a Plan")
    wait_for("the plan's title focused", lambda: focus_is("Plan Title")(app.focused(dialog)))
    tab_in(app, dialog, "Create Plan", focus_is("Create Plan", "push button"))
    app.key("Return")
    app.get("label", "Plan created")

    # The plan, from the Plans view.
    app.key("alt+3")
    check(plans_count(app) == "1 plan", "one plan")
    focus_plan(app, "Become a Data Engineer")
    app.key("Return")
    label_matching(app, r"Towards Data Engineer · 0 of \d+ goals done")
    check(focus_is("Back", "push button")(app.focused()), "the plan page starts at its back button")
    # Escape dismisses the toast first (libadwaita), then goes back.
    app.key("Escape")
    app.gone("label", "Plan created")
    app.key("Escape")
    wait_for("the Plans view again", lambda: app.find("list", "Your Plans") is not None)
    check(plans_count(app) == "1 plan", "still one plan")


if __name__ == "__main__":
    sys.exit(SUITE.run(VOCATION, sys.argv[2:]))
