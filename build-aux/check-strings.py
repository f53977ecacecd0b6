#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the words the app shows, as the GNOME HIG writes them.

usage: check-strings.py [SOURCE_ROOT]     prints TAP; exit 1 on a problem

- po/POTFILES.in lists every file with translatable strings, and only
  files that exist;
- header capitalisation ("Attention to Detail", "Create Plan From Gaps…")
  on names and headings: the catalog's areas, skills, families, roles,
  groups and requirements, and the app's buttons, menu items, tooltips
  and titles; sentence capitalisation on the catalog's details;
- no "..." for "…", no Latin abbreviations ("e.g.", "i.e."), and an
  ellipsis only on commands that ask for more before they act.
"""
import json
import os
import re
import sys

TOP = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Articles, conjunctions and prepositions of three letters or fewer stay
# lower case inside a header-capitalised label; everything else, and the
# part after a hyphen ("Real-Time"), starts with a capital.
SMALL = {"a", "an", "the", "and", "but", "for", "nor", "not", "or", "so", "yet",
         "as", "at", "by", "in", "of", "off", "on", "per", "to", "up", "via", "vs", "vs."}
# Names written in lower case on purpose: libraries, statistics.
LOWER_NAMES = {"pandas", "requests", "p-values", "t-tests", "pickle", "wav2vec", "tf.data"}
# Commands that open a dialog asking for more: the only ones with "…".
ASKS_FOR_MORE = {"Export Chart…", "Create Plan From Gaps…", "Search Notes…", "Import Data…", "Export Data…"}

n_test = 0
failed = 0


def ok(cond, name, diag=""):
    global n_test, failed
    n_test += 1
    print(("ok" if cond else "not ok") + f" {n_test} - {name}")
    if not cond:
        failed += 1
        for line in diag.splitlines():
            print(f"# {line}")


def fixed_case(word):
    """A word whose case is part of its name: NumPy, ETL, YOLOv3, spaCy, %s."""
    core = word.strip("()[],.;:“”\"'?!")
    return (bool(re.search(r".[A-Z]", core)) or bool(re.search(r"[0-9%]", core)) or
            (len(core) == 1 and core.isupper()) or
            core.lower() in LOWER_NAMES or core.split("/")[0].lower() in LOWER_NAMES)


def capitalise(part):
    m = re.search(r"[A-Za-z]", part)
    return part if not m else part[:m.start()] + part[m.start()].upper() + part[m.start() + 1:]


def header_case(text):
    words = text.split(" ")
    out = []
    for i, word in enumerate(words):
        parts = re.split(r"(-|/)", word)
        new = []
        for j, part in enumerate(parts):
            if part in ("-", "/", "") or fixed_case(part):
                new.append(part)
                continue
            bare = part.strip("()[],.;:“”\"'?!").lower()
            at_edge = (i == 0 and j == 0) or (i == len(words) - 1 and j == len(parts) - 1)
            new.append(part.lower() if bare in SMALL and not at_edge else capitalise(part))
        out.append("".join(new))
    return " ".join(out)


def sentence_case(text):
    first = text.split(" ")[0]
    return text if fixed_case(first) else capitalise(text)


def shown(text):
    """A label as shown: mnemonic underscores gone."""
    return re.sub(r"_(?=\w)", "", text)


def check_style(what, strings, rule, name):
    wrong = [f"{where}: {text!r}, expected {rule(text)!r}" for where, text in strings if rule(text) != text]
    ok(not wrong, f"{what} use {name} capitalisation", "\n".join(wrong))


def check_words(what, strings):
    wrong = [f"{where}: {text!r}" for where, text in strings
             if "..." in text or re.search(r"\b(e\.g|i\.e)\.", text)]
    ok(not wrong, f"{what} use “…” and no Latin abbreviations", "\n".join(wrong))


# --- POTFILES ---------------------------------------------------------------

MARKS = re.compile(r'\b(?:N?_|C_|NC_|ngettext)\s*\(|translatable="yes"')


def potfiles():
    listed = []
    with open(os.path.join(TOP, "po", "POTFILES.in"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                listed.append(line)
    marked = []
    for folder in ("src", "data"):
        for root, _, files in os.walk(os.path.join(TOP, folder)):
            for name in files:
                if not name.endswith((".c", ".ui", ".in", ".xml")) or name.endswith(".gresource.xml"):
                    continue
                path = os.path.join(root, name)
                rel = os.path.relpath(path, TOP)
                with open(path, encoding="utf-8", errors="replace") as f:
                    if MARKS.search(f.read()):
                        marked.append(rel)
    missing = sorted(set(marked) - set(listed))
    gone = sorted(p for p in listed if not os.path.exists(os.path.join(TOP, p)))
    ok(not missing, "po/POTFILES.in lists every file with translatable strings", "missing: " + ", ".join(missing))
    ok(not gone, "po/POTFILES.in lists only files that exist", "gone: " + ", ".join(gone))


# --- The catalog ------------------------------------------------------------

def catalog():
    with open(os.path.join(TOP, "data", "catalog", "roles.json"), encoding="utf-8") as f:
        doc = json.load(f)
    names, details, everything = [], [], []
    for a in doc["areas"]:
        names.append((f"areas.{a['id']}", a["name"]))
    for s in doc["skills"]:
        names.append((f"skills.{s['id']}", s["name"]))
        everything.append((f"skills.{s['id']}.description", s["description"]))
    for r in doc["roles"]:
        names.append((f"roles.{r['id']}.name", r["name"]))
        names.append((f"roles.{r['id']}.family", r["family"]))
        everything.append((f"roles.{r['id']}.summary", r["summary"]))
        for g in r["groups"]:
            names.append((f"roles.{r['id']}: group", g["title"]))
            for q in g["requirements"]:
                names.append((f"roles.{r['id']}: requirement", q["label"]))
                for d in q["details"]:
                    details.append((f"roles.{r['id']}: {q['label']}", d))
                if "note" in q:
                    everything.append((f"roles.{r['id']}: {q['label']}: note", q["note"]))
    check_style("the catalog's names, groups and requirements", names, header_case, "header")
    check_style("the catalog's details", details, sentence_case, "sentence")
    check_words("the catalog's texts", names + details + everything)


# --- The app's own words ----------------------------------------------------

# Properties of .ui objects that name a control or a heading.
UI_HEADER_PROPS = {"title", "tooltip-text"}
UI_HEADER_CLASSES = ("GtkButton", "GtkMenuButton", "GtkToggleButton", "AdwStatusPage", "AdwPreferencesGroup",
                     "AdwWindowTitle", "GtkShortcutsGroup", "GtkShortcutsShortcut", "GtkShortcutsSection",
                     "AdwViewStackPage", "AdwSplitButton", "AdwButtonContent")
# C calls whose string argument names a control or a heading.
C_HEADER_CALLS = re.compile(
    r"\b(gtk_button_new_with_mnemonic|gtk_button_new_with_label|adw_preferences_group_set_title|"
    r"adw_status_page_set_title|gtk_window_set_title|adw_message_dialog_add_response|"
    r"adw_preferences_row_set_title|gtk_widget_set_tooltip_text|voc_file_chooser_new)\s*\([^;]*?\b_\(\"((?:[^\"\\]|\\.)*)\"\)",
    re.S)
C_BUTTON_LABEL = re.compile(r"\"label\",\s*_\(\"((?:[^\"\\]|\\.)*)\"\)")
C_A11Y_LABEL = re.compile(r"GTK_ACCESSIBLE_PROPERTY_LABEL,\s*_\(\"((?:[^\"\\]|\\.)*)\"\)")
# Accessible names of text fields, which read as their placeholders do.
FIELD_NAMES = {"Search notes"}
# Tooltips that describe rather than name: sentences.
SENTENCE_TOOLTIPS = {"Search the notes on every role, plan and goal"}


def ui_strings():
    header, every = [], []
    ui_dir = os.path.join(TOP, "src", "ui")
    paths = sorted(os.path.join(root, name) for root, _, names in os.walk(ui_dir) for name in names)
    for path in paths:
        name = os.path.basename(path)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if name.endswith(".ui"):
            # Each translatable property with the class of the object it sits in.
            stack = []
            for m in re.finditer(r'<object class="(\w+)"|</object>|<(property|attribute) name="([\w-]+)"'
                                 r'[^>]*translatable="yes"[^>]*>([^<]*)<|<accessibility>|</accessibility>', text):
                token = m.group(0)
                if token.startswith("<object"):
                    stack.append(m.group(1))
                elif token == "</object>":
                    if stack:
                        stack.pop()
                elif token == "<accessibility>":
                    stack.append("accessibility")
                elif token == "</accessibility>":
                    stack.pop()
                else:
                    kind, prop, value = m.group(2), m.group(3), m.group(4)
                    where = f"{name}: {prop}"
                    every.append((where, value))
                    owner = [c for c in stack if c != "accessibility"]
                    owner = owner[-1] if owner else ""
                    if kind == "attribute" and prop == "label":            # a menu item
                        header.append((where, shown(value)))
                    elif "accessibility" in stack[-1:] and prop == "label" and owner in UI_HEADER_CLASSES:
                        header.append((where, shown(value)))
                    elif prop in UI_HEADER_PROPS and owner in UI_HEADER_CLASSES:
                        if value not in SENTENCE_TOOLTIPS:
                            header.append((where, shown(value)))
                    elif prop == "label" and owner in UI_HEADER_CLASSES:
                        header.append((where, shown(value)))
        elif name.endswith(".c"):
            for m in C_HEADER_CALLS.finditer(text):
                value = m.group(2)
                if value in SENTENCE_TOOLTIPS or "%" in value and m.group(1) == "adw_preferences_row_set_title":
                    continue
                header.append((f"{name}: {m.group(1)}", shown(value)))
            for m in C_BUTTON_LABEL.finditer(text):
                header.append((f"{name}: \"label\"", shown(m.group(1))))
            for m in C_A11Y_LABEL.finditer(text):
                if m.group(1) not in FIELD_NAMES:
                    header.append((f"{name}: accessible label", shown(m.group(1))))
            for m in re.finditer(r"\b_\(\"((?:[^\"\\]|\\.)*)\"\)", text):
                every.append((name, m.group(1)))
    return header, every


def app_words():
    header, every = ui_strings()
    check_style("the app's buttons, menu items, tooltips and titles", header, header_case, "header")
    check_words("the app's texts", every)
    dots = sorted({t for _, t in header if t.endswith("…")})
    wrong = [t for t in dots if t not in ASKS_FOR_MORE]
    ok(not wrong, "only commands that ask for more end in “…”", "these do not: " + ", ".join(wrong))
    missing = sorted(ASKS_FOR_MORE - set(dots))
    ok(not missing, "every command that asks for more ends in “…”", "missing: " + ", ".join(missing))


potfiles()
catalog()
app_words()
print(f"1..{n_test}")
sys.exit(1 if failed else 0)
