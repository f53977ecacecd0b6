#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The command line, without a display: --list-roles, --show-role and
--validate-catalog, and that --show-role names every tool, technique and
example the seed names for each role.

usage: test-cli.py VOCATION SEED_FILE FIXTURES_DIR   (TAP on stdout)
"""
import atexit
import json
import os
import re
import shutil
import sqlite3
import struct
import subprocess
import sys
import tempfile


def _remove_tree(path):
    """Removes @path, folders a check made read-only included; never goes
    into a mount point or through a link."""
    def retry(function, failed, _):
        parent = os.path.dirname(failed)
        if os.path.ismount(parent) or os.path.ismount(failed):
            return
        try:
            os.chmod(parent, 0o700)
            if os.path.isdir(failed) and not os.path.islink(failed):
                os.chmod(failed, 0o700)
            function(failed)
        except OSError:
            pass
    if os.path.lexists(path):
        shutil.rmtree(path, onerror=retry)


def make_folder(prefix):
    """A new folder in the temporary folder, removed when this script ends:
    test runs leave nothing behind."""
    path = tempfile.mkdtemp(prefix=prefix)
    atexit.register(_remove_tree, path)
    return path


vocation, seed_path, fixtures = sys.argv[1:4]

# No display of any kind: these commands must not need one.
ENV = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
ENV["LC_ALL"] = "C.UTF-8"
# The profile --export-radar reads lives here, never in the user's folder.
DATA_HOME = make_folder("vocation-cli-")
ENV["XDG_DATA_HOME"] = DATA_HOME

ROLE_IDS = [
    "data-analyst", "bi-developer", "data-scientist", "ml-engineer", "data-engineer",
    "mlops-engineer", "deep-learning-engineer", "nlp-engineer", "computer-vision-engineer",
    "prompt-engineer", "generative-ai-researcher", "ai-product-manager",
]

# Lower-case names the seed uses for libraries and techniques; the token
# rule below only finds names with capitals or digits.
LOWERCASE_TERMS = {
    "data-analyst": ["pandas", "matplotlib/seaborn", "dplyr", "tidyr", "ggplot2", "subqueries", "macros",
                     "standard deviation", "correlation", "p-values", "t-tests", "finance", "marketing", "healthcare"],
    "bi-developer": ["calculated fields", "level-of-detail expressions", "stored procedures", "indexing",
                     "star/snowflake schemas", "shell scripting", "color theory"],
    "data-scientist": ["pandas", "scikit-learn", "seaborn", "caret", "dplyr", "ggplot2", "ridge", "lasso",
                       "random forests", "gradient boosting", "logistic regression", "hierarchical",
                       "confusion matrix", "precision/recall", "outliers", "categorical encoding",
                       "pickle/ONNX", "feature scaling/normalization", "hypothesis testing"],
    "ml-engineer": ["training loops", "mixed-precision training", "model quantization", "model cards",
                    "runbooks", "architecture diagrams"],
    "data-engineer": ["partition pruning", "producers/consumers", "partitioning", "normalized vs. denormalized"],
    "mlops-engineer": ["multi-stage builds", "autoscaling", "pods", "unit tests", "rollback procedures",
                       "alert thresholds", "role-based access control", "encryption at rest/in transit"],
    "deep-learning-engineer": ["mixed-precision training", "torch.cuda.amp", "tf.data", "callbacks",
                               "random erasing", "eigenvalues", "chain rule", "gradient descent",
                               "bayesian inference", "vanishing gradients", "overfitting", "underfitting"],
    "nlp-engineer": ["stemming/lemmatization", "stop words", "misspellings", "spaCy", "wav2vec", "perplexity",
                     "positional encodings", "attention heads", "polysemy", "sarcasm"],
    "computer-vision-engineer": ["thresholding", "random flips", "color jitter", "random crops",
                                 "geometric transforms", "pooling", "batch normalization", "anchor boxes",
                                 "pixel-level annotation", "bounding boxes", "drones", "robotics"],
    "prompt-engineer": ["few-shot prompting", "zero-shot prompting", "requests", "hallucinations",
                        "vector search", "finance", "healthcare", "legal", "medical"],
    "generative-ai-researcher": ["cross-entropy", "gradient penalty", "reverse denoising", "sparsity",
                                 "tensor parallelism", "pipeline parallelism", "pruning", "knowledge distillation",
                                 "peer reviewing"],
    "ai-product-manager": ["user stories", "sprints", "backlog grooming", "conversion rate", "uplift",
                           "go-to-market", "scope-management", "competitive analysis"],
}

ARTIFACTS = [
    (r"\bAl\b", "AI"), (r"Power Bl\b", "Power BI"), (r"OpenAl\b", "OpenAI"), (r"GenAl\b", "GenAI"),
    (r"selfattention", "self-attention"), (r"\*\*", ""),
]

n_test = 0
failed = 0


def ok(cond, name, diag=""):
    global n_test, failed
    n_test += 1
    if cond:
        print(f"ok {n_test} - {name}")
    else:
        failed += 1
        print(f"not ok {n_test} - {name}")
        for line in diag.splitlines():
            print(f"# {line}")


def run(*args):
    return subprocess.run([vocation, *args], capture_output=True, text=True, env=ENV, timeout=60)


def seed_sections():
    with open(seed_path, encoding="utf-8") as f:
        text = f.read()
    for pattern, repl in ARTIFACTS:
        text = re.sub(pattern, repl, text)
    parts = re.split(r"^\d+\. .*$", text, flags=re.M)[1:]
    assert len(parts) == 12, len(parts)
    return parts


def seed_terms(section):
    """Names in a seed section: words with a capital after the first letter,
    a digit, or all capitals (VLOOKUP, XGBoost, YOLOv3, S3), and capitalised
    words in mid-sentence (Tableau, Informatica, Kafka)."""
    terms = set()
    for line in section.splitlines():
        body = re.sub(r"^[\s\-•o]*(?=\S)", "", line) if re.match(r"^\s*(?:[-•]|o\s|O\s)", line) else line.strip()
        words = re.findall(r"[A-Za-z0-9][A-Za-z0-9+#_.\-]*[A-Za-z0-9+#]|[A-Za-z0-9]", body)
        for i, word in enumerate(words):
            if re.search(r"[0-9]", word) or re.search(r".[A-Z]", word):
                terms.add(word)
            elif word[0].isupper() and i > 0:
                before = body[: body.find(word)] if word in body else ""
                # Not the start of a sentence or of a label ("SQL: Joins").
                if not re.search(r"[.:(—]\s*$", before) and word not in ("Technical", "Soft", "Skills"):
                    terms.add(word)
    return terms


def norm(text):
    return re.sub(r"\s+", " ", text)


# --list-roles
res = run("--list-roles")
lines = res.stdout.strip().split("\n")
ok(res.returncode == 0 and len(lines) == 12, "--list-roles prints twelve roles", res.stdout + res.stderr)
ok([l.split()[0] for l in lines] == ROLE_IDS, "--list-roles gives the ids in the seed's order", res.stdout)
ok(all(len(re.split(r"\s{2,}", l.strip())) == 3 for l in lines), "--list-roles has id, name and family columns",
   res.stdout)

# --show-role: every seed term for every role. The seed is in the tree
# (tests/fixtures/seed-roles.txt), so this part always runs.
ok(os.path.exists(seed_path), f"the seed {seed_path} is there")
sections = seed_sections() if os.path.exists(seed_path) else []
for role_id, section in zip(ROLE_IDS, sections):
    res = run("--show-role", role_id)
    out = norm(res.stdout)
    ok(res.returncode == 0 and res.stderr == "", f"--show-role {role_id} succeeds", res.stderr)
    missing = sorted(t for t in seed_terms(section) if t not in out)
    ok(not missing, f"--show-role {role_id} names every capitalised or numbered seed term",
       "missing: " + ", ".join(missing))
    not_in_seed = [t for t in LOWERCASE_TERMS[role_id] if t.lower() not in norm(section).lower()]
    ok(not not_in_seed, f"the lower-case term list of {role_id} comes from the seed", ", ".join(not_in_seed))
    missing = [t for t in LOWERCASE_TERMS[role_id] if t.lower() not in out.lower()]
    ok(not missing, f"--show-role {role_id} names every lower-case seed term", "missing: " + ", ".join(missing))
    for word in ("Power Bl", "OpenAl", "GenAl", " Al ", "•", "**"):
        ok(word not in out, f"--show-role {role_id} has no extraction artifact {word.strip()!r}")

# --search: the roles in the order the Roles view shows them, best first.
res = run("--search", "data engineer")
lines = res.stdout.strip().split("\n")
ok(res.returncode == 0 and lines[0] == "data-engineer\tData Engineer" and all("\t" in l for l in lines),
   "--search prints ID<TAB>NAME, the exact name first", res.stdout)
res = run("--search", "mlops")
ok(res.stdout.split("\n")[0] == "mlops-engineer\tMLOps Engineer", "--search mlops: MLOps Engineer first", res.stdout)
res = run("--search", "kafka zebra")
ok(res.returncode == 0 and res.stdout == "", "--search with no answer prints nothing", res.stdout)

# Unknown id: one clear line on stderr, non-zero exit, nothing on stdout.
res = run("--show-role", "astronaut")
err = res.stderr.strip().split("\n")
ok(res.returncode != 0 and res.stdout == "" and len(err) == 1 and "astronaut" in err[0] and "--list-roles" in err[0],
   "--show-role with an unknown id fails with one clear line", res.stderr)

# --validate-catalog
res = run("--validate-catalog", os.path.join(fixtures, "valid-minimal.json"))
ok(res.returncode == 0 and "valid catalog" in res.stdout, "--validate-catalog accepts a valid file", res.stdout)
res = run("--validate-catalog", os.path.join(fixtures, "several-problems.json"))
out = res.stdout.strip().split("\n")
ok(res.returncode == 1 and len(out) == 3 and all(l.startswith("several-problems.json: roles[") for l in out),
   "--validate-catalog prints every problem, one per line, and exits 1", res.stdout)
res = run("--validate-catalog", "/nonexistent/roles.json")
ok(res.returncode == 1 and "cannot read the file" in res.stdout, "--validate-catalog on a missing file", res.stdout)

# --catalog with a broken file: one line on stderr, no window, exit 1.
res = run("--catalog", os.path.join(fixtures, "level-string.json"), "--list-roles")
ok(res.returncode == 1 and res.stderr.startswith("vocation: level-string.json: roles[0]"),
   "--catalog with a malformed file is refused with its message", res.stderr)
res = run("--catalog", os.path.join(fixtures, "valid-minimal.json"), "--list-roles")
ok(res.returncode == 0 and res.stdout.split() == ["analyst", "Analyst", "Analytics", "engineer", "Engineer",
                                                  "Engineering"], "--catalog FILE --list-roles lists that file",
   res.stdout)

# --export-radar: PNG, SVG and PDF of the requested size, from the saved profile.
out_dir = make_folder("vocation-export-")
png = os.path.join(out_dir, "analyst.png")
res = run("--export-radar", "data-analyst", "--output", png, "--size", "300")
ok(res.returncode == 0 and res.stderr == "", "--export-radar writes a PNG", res.stderr)
with open(png, "rb") as f:
    head = f.read(24)
ok(head[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", head[16:24]) == (300, 300),
   "the PNG is a 300 x 300 image", repr(head))
ok(os.path.exists(os.path.join(DATA_HOME, "vocation", "vocation.db")), "the profile database lives in XDG_DATA_HOME")

svg = os.path.join(out_dir, "analyst.svg")
res = run("--export-radar", "data-analyst", "--output", svg, "--compare", "data-engineer")
with open(svg, encoding="utf-8") as f:
    text = f.read()
ok(res.returncode == 0 and text.startswith("<?xml") and "<svg" in text and 'width="800' in text,
   "--export-radar writes an 800 px SVG with --compare", res.stderr + text[:200])

pdf = os.path.join(out_dir, "analyst.PDF")
res = run("--export-radar", "data-analyst", "--output", pdf, "--size", "500")
with open(pdf, "rb") as f:
    data = f.read()
ok(res.returncode == 0 and data.startswith(b"%PDF-") and b"/MediaBox [ 0 0 500 500 ]" in data,
   "--export-radar writes a 500 pt PDF (extension in any case)", res.stderr + repr(data[:300]))

# The saved profile is what gets drawn: a rating changes the picture.
db = sqlite3.connect(os.path.join(DATA_HOME, "vocation", "vocation.db"))
db.execute("INSERT INTO profile_level (skill_id, level, relevant, updated_at) VALUES ('sql', 5, 1, 0)")
db.commit()
db.close()
png2 = os.path.join(out_dir, "analyst-rated.png")
res = run("--export-radar", "data-analyst", "--output", png2, "--size", "300")
with open(png, "rb") as a, open(png2, "rb") as b:
    ok(res.returncode == 0 and a.read() != b.read(), "--export-radar draws the saved profile", res.stderr)

# A title (the role, the match, the date) unless --no-title; the same
# chart otherwise, and the same bytes each time.
plain = [os.path.join(out_dir, f"analyst-plain-{i}.png") for i in range(2)]
for path in plain:
    res = run("--export-radar", "data-analyst", "--output", path, "--size", "300", "--no-title")
    ok(res.returncode == 0 and res.stderr == "", "--export-radar --no-title writes a PNG", res.stderr)
with open(png2, "rb") as a, open(plain[0], "rb") as b, open(plain[1], "rb") as c:
    titled, untitled, again = a.read(), b.read(), c.read()
ok(titled != untitled and untitled == again, "--no-title leaves the title out, and exports are reproducible")

for args, expect, name in [
    (["--export-radar", "data-analyst"], "--output", "--export-radar without --output"),
    (["--export-radar", "astronaut", "--output", png], "astronaut", "--export-radar with an unknown role"),
    (["--export-radar", "data-analyst", "--output", png, "--compare", "astronaut"], "astronaut",
     "--export-radar with an unknown --compare role"),
    (["--export-radar", "data-analyst", "--output", os.path.join(out_dir, "chart.gif")], ".png, .svg or .pdf",
     "--export-radar to an unknown format"),
    (["--export-radar", "data-analyst", "--output", png, "--size", "50"], "--size", "--export-radar with a tiny size"),
    (["--export-radar", "data-analyst", "--output", png, "--size", "0"], "not \"0\"", "--export-radar --size 0"),
    (["--export-radar", "data-analyst", "--output", png, "--size", "big"], "not \"big\"",
     "--export-radar --size that is not a number"),
    (["--export-radar", "data-analyst", "--output", "/nonexistent/dir/chart.png"], "/nonexistent/dir/chart.png",
     "--export-radar into a missing folder"),
    (["--size", "300"], "--size only goes with --export-radar", "--size alone"),
    (["--no-title"], "--no-title only goes with --export-radar", "--no-title alone"),
    (["--output", png], "--output only goes with --export-radar", "--output alone"),
    (["--compare", "data-engineer"], "--compare only goes with --export-radar", "--compare alone"),
]:
    res = run(*args)
    err = res.stderr.strip().split("\n")
    ok(res.returncode != 0 and len(err) == 1 and expect in err[0] and err[0].startswith("vocation: "),
       f"{name} fails with one clear line", res.stderr)

# --export-data / --import-data: everything out, into an empty folder, back.
import_fixtures = os.path.join(fixtures, "import")
data_file = os.path.join(out_dir, "my-data.json")
res = run("--import-data", os.path.join(import_fixtures, "valid-full.json"))
ok(res.returncode == 0 and res.stdout.startswith("Imported ") and "1 plan, 2 goals, 2 steps and 3 notes" in res.stdout,
   "--import-data adds a file's plans, goals, steps and notes", res.stdout + res.stderr)
res = run("--export-data", data_file)
ok(res.returncode == 0 and "1 plan, 2 goals, 2 steps and 3 notes" in res.stdout and
   (os.stat(data_file).st_mode & 0o777) == 0o600, "--export-data writes a 0600 file and says what it holds",
   res.stdout + res.stderr)
with open(data_file, encoding="utf-8") as f:
    exported = f.read()
ok('"title": "Become a Data Analyst"' in exported and '"body": "Window functions first."' in exported and
   '"skill": "sql", "level": 3' in exported,
   "the exported file holds the plan, its goal note and the newer rating",
   exported[:400])

other_home = make_folder("vocation-cli-other-")
env2 = dict(ENV, XDG_DATA_HOME=other_home)
res = subprocess.run([vocation, "--import-data", data_file], capture_output=True, text=True, env=env2, timeout=60)
again = os.path.join(out_dir, "again.json")
res2 = subprocess.run([vocation, "--export-data", again], capture_output=True, text=True, env=env2, timeout=60)
with open(again, encoding="utf-8") as f:
    reexported = f.read()
strip = lambda t: "\n".join(l for l in t.split("\n") if not l.startswith('  "exported_at"'))
ok(res.returncode == 0 and res2.returncode == 0 and strip(reexported) == strip(exported),
   "importing into an empty data folder gives back the same data", res.stderr + res2.stderr)

res = run("--import-data", data_file)
ok(res.returncode == 0 and "1 plan was already here and was skipped" in res.stdout,
   "importing the same file twice does not double the plans", res.stdout)
ok(res.stdout.startswith("Nothing was added from ") and "already holds all of it" in res.stdout,
   "a merge that adds nothing says so", res.stdout)

# A summary counts the history too, in the thousands as the locale writes them.
many = os.path.join(out_dir, "history.json")
with open(data_file, encoding="utf-8") as f:
    doc = json.load(f)
doc["history"] = [{"skill": "sql", "level": i % 6, "relevant": True,
                   "at": "2026-01-01T00:00:%02d.%06dZ" % (i // 1000000, i % 1000000)} for i in range(1234)]
doc["profile"].append({"skill": "quantum-cooking", "level": 2, "relevant": True, "updated_at": "2026-11-01T09:00:00Z"})
with open(many, "w", encoding="utf-8") as f:
    json.dump(doc, f)
res = subprocess.run([vocation, "--import-data", many], capture_output=True, text=True,
                     env=dict(ENV, XDG_DATA_HOME=make_folder("vocation-cli-hist-"), LC_ALL="en_US.UTF-8"
                              if os.path.exists("/usr/lib/locale/en_US.utf8") else "C.UTF-8"), timeout=60)
ok(res.returncode == 0 and ("1,234 history entries" in res.stdout or "1234 history entries" in res.stdout),
   "an import's summary counts the history entries", res.stdout + res.stderr)
ok("1 rating for a skill this version does not know was kept" in res.stdout,
   "a rating for an unknown skill is kept, and said", res.stdout)
res = run("--import-data", os.path.join(import_fixtures, "level-out-of-range.json"), "--replace")
ok(res.returncode == 1 and res.stderr.startswith("level-out-of-range.json: profile[0].level: expected a level") and
   "nothing was imported; your data is unchanged" in res.stderr, "a malformed file: its problem, and nothing changed",
   res.stderr)
res = run("--export-data", again)
with open(again, encoding="utf-8") as f:
    ok(strip(f.read()) == strip(exported), "after a refused import the data is as it was")
res = run("--replace")
ok(res.returncode == 1 and "--replace only goes with --import-data" in res.stderr, "--replace alone is refused",
   res.stderr)
res = run("--import-data", os.path.join(import_fixtures, "valid-full.json"), "--replace")
ok(res.returncode == 0 and res.stdout.startswith("Replaced your data with "), "--import-data --replace",
   res.stdout + res.stderr)

# A file can hold terminal escape sequences and megabytes in one value: what
# a message echoes is escaped and cut short.
hostile = os.path.join(out_dir, "hostile.json")
evil = "\x1b]0;pwned\x07\x1b[2J" + "A" * (4 * 1024 * 1024)
with open(hostile, "w", encoding="utf-8") as f:
    json.dump({"format": "vocation-data", "format_version": 1, "profile": [
        {"skill": evil, "level": 2, "relevant": True, "updated_at": "2026-11-01T09:00:00Z"}],
        "history": [], "plans": [], "role_notes": [], evil: 1}, f)
res = run("--import-data", hostile)
ok(res.returncode == 1 and "\x1b" not in res.stderr and "\\u001B]0;pwned\\u0007" in res.stderr and
   len(res.stderr) < 2000, "an import's messages escape control characters and cut long values short",
   repr(res.stderr[:600]))
with open(os.path.join(fixtures, "valid-minimal.json"), encoding="utf-8") as f:
    catalog = json.load(f)
catalog["areas"][0]["id"] = evil
catalog[evil] = True
with open(hostile, "w", encoding="utf-8") as f:
    json.dump(catalog, f)
res = run("--validate-catalog", hostile)
ok(res.returncode == 1 and "\x1b" not in res.stdout and "\\u001B" in res.stdout and len(res.stdout) < 3000,
   "a catalog's messages escape control characters and cut long values short", repr(res.stdout[:600]))

print(f"1..{n_test}")
print(f"# {n_test - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
