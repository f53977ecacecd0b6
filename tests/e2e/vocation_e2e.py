# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives the real vocation binary through the accessibility tree (AT-SPI).

Each App is one process with its own empty (or given) XDG_DATA_HOME, in
the display and session bus the test runs in. Everything is found the way
a screen reader finds it: by role and accessible name; keys go through
AT-SPI's device controller (XTest), so a keyboard-only run uses no pointer.
"""
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

import pyatspi
from dogtail import config as dogtail_config
from dogtail import rawinput

dogtail_config.config.typingDelay = 0.02
dogtail_config.config.defaultDelay = 0.05

TIMEOUT = 10.0

# What pressing a control does, by the names GTK gives its actions (a
# label's "clipboard.copy" is not one of them).
ACTIVATING = ("click", "press", "activate", "toggle", "select", "open")


class E2EError(AssertionError):
    pass


def wait_for(what, condition, timeout=TIMEOUT):
    """Polls @condition until it returns something true; fails with @what."""
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            value = condition()
            if value:
                return value
        except E2EError:
            raise
        except Exception as e:  # the tree changes under us; try again
            last_error = e
        time.sleep(0.05)
    raise E2EError(f"timed out waiting for {what}" + (f" ({last_error})" if last_error else ""))


def role(node):
    try:
        return node.getRoleName()
    except Exception:
        return ""


def showing(node):
    """On screen: GTK 4.8 sets no SHOWING state below the window, but what
    is not shown has an empty size (a closed search bar), or is left out of
    the tree (the window marks pages off screen hidden)."""
    try:
        component = node.queryComponent()
    except NotImplementedError:
        return True   # a node without geometry (a stack page) hides nothing
    except Exception:
        return False
    try:
        extents = component.getExtents(pyatspi.WINDOW_COORDS)
        return extents.width > 0 and extents.height > 0
    except Exception:
        return False


def children_of(node):
    try:
        return [node.getChildAtIndex(i) for i in range(node.childCount)]
    except Exception:
        return []


def descendants(node, only_showing=True):
    """Every node below @node, depth first in reading order (a parent, then
    its children, first to last); hidden subtrees are skipped."""
    stack = list(reversed(children_of(node)))
    while stack:
        current = stack.pop()
        if current is None or (only_showing and not showing(current)):
            continue
        yield current
        stack.extend(reversed(children_of(current)))


def text_of(node):
    """What a screen reader reads for an entry or a label's text."""
    try:
        t = node.queryText()
        return t.getText(0, t.characterCount)
    except Exception:
        return node.name


class App:
    def __init__(self, binary, data_home=None, args=(), env=None):
        self.binary = binary
        self.own_home = data_home is None
        self.data_home = data_home or tempfile.mkdtemp(prefix="vocation-e2e-")
        self.config_home = tempfile.mkdtemp(prefix="vocation-e2e-config-")
        run_env = dict(os.environ)
        for name in ("GTK_A11Y", "NO_AT_BRIDGE"):
            run_env.pop(name, None)
        run_env.update(XDG_DATA_HOME=self.data_home, XDG_CONFIG_HOME=self.config_home,
                       GSETTINGS_BACKEND="memory", GSK_RENDERER=os.environ.get("GSK_RENDERER", "cairo"))
        run_env.update(env or {})
        self.process = subprocess.Popen([binary, *args], env=run_env)
        self.app = wait_for("vocation on the accessibility bus", self._find_app)
        self.window = wait_for("its window", lambda: self.find("frame", "Vocation", root=self.app, only_showing=False))
        # The first frame is drawn and the cards are in the tree.
        wait_for("the Roles view", lambda: self.find("table", "Roles"))
        # The pointer rests in the screen's far corner, off the window (the X
        # server stops it there): GTK 4.8's GtkDropDown picks the row under
        # the pointer, not the one the keyboard chose, when Enter is pressed
        # in its open list, and Xvfb starts the pointer mid-screen.
        pyatspi.Registry.generateMouseEvent(100000, 100000, "abs")

    def _find_app(self):
        if self.process.poll() is not None:
            raise E2EError(f"vocation exited with status {self.process.returncode} before its window appeared")
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            a = desktop.getChildAtIndex(i)
            if a is not None and a.name == "vocation":
                try:
                    if a.get_process_id() == self.process.pid:
                        return a
                except Exception:
                    return a
        return None

    # Finding things.

    def all(self, role_name=None, name=None, root=None, only_showing=True, contains=None):
        found = []
        for node in descendants(root or self.app, only_showing):
            if role_name and role(node) != role_name:
                continue
            if name is not None and node.name != name:
                continue
            if contains is not None and contains not in (node.name or ""):
                continue
            found.append(node)
        return found

    def find(self, role_name=None, name=None, root=None, only_showing=True, contains=None):
        nodes = self.all(role_name, name, root, only_showing, contains)
        return nodes[0] if nodes else None

    def get(self, role_name=None, name=None, root=None, contains=None, timeout=TIMEOUT):
        what = f"{role_name or 'a node'} named {name or contains!r}"
        return wait_for(what, lambda: self.find(role_name, name, root, True, contains), timeout)

    def gone(self, role_name=None, name=None, root=None, contains=None, timeout=TIMEOUT):
        wait_for(f"{role_name} {name or contains!r} to go",
                 lambda: self.find(role_name, name, root, True, contains) is None, timeout)

    # Acting on things, as assistive technology does.

    def act(self, node, action=None):
        """Runs @node's default action (click, press, activate); a widget made
        of several (a menu button holds a toggle button) acts through the
        first part that has one."""
        for candidate in [node, *descendants(node, only_showing=False)]:
            try:
                actions = candidate.queryAction()
            except Exception:
                continue
            names = [actions.getName(i) for i in range(actions.nActions)]
            usable = [n for n in names if n in (action,) or (action is None and n in ACTIVATING)]
            if not usable:
                continue
            actions.doAction(names.index(usable[0]))
            time.sleep(0.1)
            return
        raise E2EError(f"{role(node)} {node.name!r} has no action")

    def shown(self, combo):
        """What a closed drop-down (level, status, compare) shows: the
        text of its selected item, or None."""
        texts = [t for t in (text_of(n) for n in self.all("label", root=combo)) if t]
        return texts[-1] if texts else None

    def focused(self, window=None):
        """The node with the keyboard focus in @window (a dialog), or in the
        main window (GTK 4.8 cannot be asked to move it through AT-SPI: the
        keyboard does that)."""
        for node in descendants(window or self.window):
            try:
                if node.getState().contains(pyatspi.STATE_FOCUSED):
                    return node
            except Exception:
                pass
        return None

    def tab_to(self, what, predicate, key="Tab", limit=40):
        """Presses @key until the focused node satisfies @predicate."""
        for _ in range(limit):
            node = self.focused()
            if os.environ.get("E2E_DEBUG"):
                print(f"# focus: {role(node) if node else None} {getattr(node, 'name', None)!r} {[c.name for c in node] if node else ''}")
            if node is not None and predicate(node):
                return node
            self.key(key)
        raise E2EError(f"{key} never reached {what}; the focus stopped at "
                       f"{role(self.focused() or self.window)} {getattr(self.focused(), 'name', None)!r}")

    def set_text(self, node, text):
        editable = node.queryEditableText()
        editable.setTextContents(text)
        time.sleep(0.1)

    # The keyboard.

    def key(self, combo):
        """Presses e.g. "Return", "ctrl+f", "alt+Left", "ctrl+shift+f"."""
        parts = combo.split("+")
        if len(parts) == 1:
            rawinput.pressKey(parts[0])
        else:
            names = {"ctrl": "<Control>", "alt": "<Alt>", "shift": "<Shift>"}
            rawinput.keyCombo("".join(names[p] for p in parts[:-1]) + parts[-1])
        time.sleep(0.15)

    def type(self, text):
        pyatspi.Registry.generateKeyboardEvent(0, text, pyatspi.KEY_STRING)
        time.sleep(0.2)

    # Ending.

    def quit(self):
        """Ctrl+Q, as a user quits; waits for the process to end."""
        if self.process.poll() is None:
            self.key("ctrl+q")
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                raise E2EError("vocation did not quit on Ctrl+Q")
        return self.process.returncode

    def close(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.config_home, ignore_errors=True)
        if self.own_home:
            shutil.rmtree(self.data_home, ignore_errors=True)


def check(condition, message):
    if not condition:
        raise E2EError(message)


def prepare_data_home(binary, document):
    """A data folder holding @document (the format of Export Data), brought
    in with vocation --import-data as a user would."""
    data_home = tempfile.mkdtemp(prefix="vocation-e2e-")
    path = os.path.join(data_home, "import.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(document, f)
    subprocess.run([binary, "--import-data", path], check=True, stdout=subprocess.DEVNULL,
                   env=dict(os.environ, XDG_DATA_HOME=data_home, GSETTINGS_BACKEND="memory"))
    os.unlink(path)
    return data_home


def where(app):
    """Where the app was when a scenario failed: its windows and focus."""
    try:
        windows = [app.app.getChildAtIndex(i).name for i in range(app.app.childCount)]
        focus = app.focused()
        return f"windows {windows}, focus on {role(focus) if focus else None} {getattr(focus, 'name', None)!r}"
    except Exception as e:
        return f"(the app cannot be asked: {e})"


class Suite:
    """The scenarios of a TAP script, each run with an App of its own."""

    def __init__(self):
        self.scenarios = []

    def scenario(self, fn=None, *, data=None, then=None):
        """Registers a scenario. With @data (a document in the format of
        Export Data, or a function of the time now that returns one), its
        data folder starts with that data; @then(binary, data_home) may
        change that folder before the app starts."""
        def register(fn):
            fn.data = data
            fn.then = then
            self.scenarios.append(fn)
            return fn
        return register(fn) if fn is not None else register

    def run(self, binary, wanted=()):
        """Runs the scenarios named in @wanted (all if empty); prints TAP and
        returns the exit status."""
        chosen = [s for s in self.scenarios if not wanted or s.__name__ in wanted]
        print(f"1..{len(chosen)}")
        failed = 0
        for number, fn in enumerate(chosen, 1):
            app = None
            data_home = None
            try:
                if fn.data is not None:
                    data = fn.data(datetime.datetime.now(datetime.timezone.utc)) if callable(fn.data) else fn.data
                    data_home = prepare_data_home(binary, data)
                    if fn.then is not None:
                        fn.then(binary, data_home)
                app = App(binary, data_home=data_home)
                fn(app)
                print(f"ok {number} - {fn.__name__}")
            except Exception as e:  # every failure is reported, the rest still run
                failed += 1
                print(f"not ok {number} - {fn.__name__}: {e}")
                for line in traceback.format_exc().splitlines():
                    print(f"# {line}")
                if app is not None:
                    print(f"# {where(app)}")
            finally:
                if app is not None:
                    app.close()
                if data_home is not None:
                    shutil.rmtree(data_home, ignore_errors=True)
            sys.stdout.flush()
        return 1 if failed else 0
