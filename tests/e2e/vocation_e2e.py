# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives the real vocation binary through the accessibility tree (AT-SPI).

Each App is one process with its own empty (or given) XDG_DATA_HOME, in
the display and session bus the test runs in. Everything is found the way
a screen reader finds it: by role and accessible name; keys go through
AT-SPI's device controller (XTest), so a keyboard-only run uses no pointer.
"""
import os
import shutil
import subprocess
import tempfile
import time

import pyatspi

TIMEOUT = 10.0

# X keysyms for the keys the scenarios press.
KEYS = {
    "Return": 0xff0d, "Escape": 0xff1b, "Tab": 0xff09, "Left": 0xff51, "Up": 0xff52,
    "Right": 0xff53, "Down": 0xff54, "space": 0x20, "Delete": 0xffff, "BackSpace": 0xff08,
    "Home": 0xff50, "End": 0xff57, "F10": 0xffc7,
}
MODIFIERS = {"ctrl": 0xffe3, "alt": 0xffe9, "shift": 0xffe1}


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
    """On screen: GTK 4.8 sets no SHOWING state below the window, but what is
    hidden (another page, a closed search bar) has an empty size."""
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


def descendants(node, only_showing=True):
    """Every node below @node, depth first; hidden subtrees are skipped."""
    stack = [node]
    while stack:
        current = stack.pop()
        try:
            children = [current.getChildAtIndex(i) for i in range(current.childCount)]
        except Exception:
            children = []
        for child in reversed(children):
            if child is None:
                continue
            if only_showing and not showing(child):
                continue
            yield child
            stack.append(child)


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
            if not names or (action and action not in names):
                continue
            actions.doAction(names.index(action) if action else 0)
            time.sleep(0.1)
            return
        raise E2EError(f"{role(node)} {node.name!r} has no action")

    def focus(self, node):
        node.queryComponent().grabFocus()
        time.sleep(0.05)

    def set_text(self, node, text):
        editable = node.queryEditableText()
        editable.setTextContents(text)
        time.sleep(0.1)

    # The keyboard.

    def key(self, combo):
        """Presses e.g. "Return", "ctrl+f", "alt+Left"."""
        parts = combo.split("+")
        mods = [MODIFIERS[p] for p in parts[:-1]]
        last = parts[-1]
        keysym = KEYS.get(last) or ord(last)
        for m in mods:
            pyatspi.Registry.generateKeyboardEvent(m, None, pyatspi.KEY_SYM | pyatspi.KEY_PRESS)
        pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
        for m in reversed(mods):
            pyatspi.Registry.generateKeyboardEvent(m, None, pyatspi.KEY_SYM | pyatspi.KEY_RELEASE)
        time.sleep(0.15)

    def type(self, text):
        pyatspi.Registry.generateKeyboardEvent(0, text, pyatspi.KEY_STRING)
        time.sleep(0.2)

    def focused(self):
        for node in descendants(self.window):
            try:
                if node.getState().contains(pyatspi.STATE_FOCUSED):
                    return node
            except Exception:
                pass
        return None

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
