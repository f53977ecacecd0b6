#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end scenarios: the real app, driven through AT-SPI (suite e2e).

usage: test-e2e.py VOCATION [SCENARIO...]     prints TAP
"""
import os
import sys
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    print("1..0 # SKIP no display; build-aux/dev.sh test starts one")
    sys.exit(0)
try:
    from vocation_e2e import App, E2EError, text_of, wait_for  # noqa: E402
except ImportError as e:
    print(f"1..0 # SKIP {e}: apt-get install python3-pyatspi")
    sys.exit(0)

VOCATION = sys.argv[1]
SCENARIOS = []


def scenario(fn):
    SCENARIOS.append(fn)
    return fn


def check(condition, message):
    if not condition:
        raise E2EError(message)


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
    app.act(app.get("push button", "Filter and sort roles"))
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


def main():
    wanted = sys.argv[2:]
    chosen = [s for s in SCENARIOS if not wanted or s.__name__ in wanted]
    print(f"1..{len(chosen)}")
    failed = 0
    for number, fn in enumerate(chosen, 1):
        app = None
        try:
            app = App(VOCATION)
            fn(app)
            print(f"ok {number} - {fn.__name__}")
        except Exception as e:  # every failure is reported, the rest still run
            failed += 1
            print(f"not ok {number} - {fn.__name__}: {e}")
            for line in traceback.format_exc().splitlines():
                print(f"# {line}")
        finally:
            if app is not None:
                app.close()
        sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
