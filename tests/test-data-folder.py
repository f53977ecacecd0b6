#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The data folder under real-world conditions, through the real binary
(suite reliability): a symbolic link above it (Fedora Silverblue's /home),
exports aimed at the database, a device, a FIFO or a link, a recovery
killed at every step, files that cannot be read, a read-only mount, a
folder of another user, FIFOs and devices where files were expected, two
processes at once, leftovers of killed runs, and chart exports that fail.

usage: test-data-folder.py VOCATION CRASH_PRELOAD FIXTURES_DIR   (TAP)
"""
import fcntl
import atexit
import json
import os
import resource
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import threading
import time


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


vocation, preload, fixtures = (os.path.abspath(a) for a in sys.argv[1:4])
VALID = os.path.join(fixtures, "import", "valid-full.json")
ROOT = os.geteuid() == 0
NOBODY = 65534

ENV = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
ENV["LC_ALL"] = "C.UTF-8"
# An ASan build refuses a preloaded library that comes before its runtime.
ENV["ASAN_OPTIONS"] = ENV.get("ASAN_OPTIONS", "") + ":verify_asan_link_order=0"

n_test = 0
failed = 0


def ok(cond, name, diag=""):
    global n_test, failed
    n_test += 1
    print(f"{'ok' if cond else 'not ok'} {n_test} - {name}")
    if not cond:
        failed += 1
        for line in str(diag).splitlines():
            print(f"# {line}")
    sys.stdout.flush()


def skip(name, why):
    global n_test
    n_test += 1
    print(f"ok {n_test} - {name} # SKIP {why}")


def run(home, *args, env=None, timeout=60, user=None, **kw):
    e = dict(ENV, XDG_DATA_HOME=home)
    e.update(env or {})
    cmd = [vocation, *args]
    if user is not None:
        cmd = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *cmd]
    return subprocess.run(cmd, capture_output=True, text=True, env=e, timeout=timeout, **kw)


def one_line(res):
    lines = res.stderr.strip().split("\n")
    return len(lines) == 1 and lines[0].startswith("vocation: ")


def new_home(with_data=True):
    home = make_folder("vocation-folder-")
    if with_data:
        res = run(home, "--import-data", VALID)
        assert res.returncode == 0, res.stderr
    return home


def folder(home):
    return os.path.join(home, "vocation")


def db_path(home):
    return os.path.join(folder(home), "vocation.db")


SCRATCH = make_folder("vocation-scratch-")
os.chmod(SCRATCH, 0o777)


def exported(home, **kw):
    """The data as --export-data writes it (without its time)."""
    path = os.path.join(SCRATCH, "export.json")
    if os.path.exists(path):
        os.unlink(path)
    res = run(home, "--export-data", path, **kw)
    if res.returncode != 0:
        return None, res
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    doc.pop("exported_at", None)
    return doc, res


def names(path):
    return sorted(os.listdir(path))


REFERENCE, _ = exported(new_home())

# --- A symbolic link above the data folder (Fedora Silverblue) -------------
top = make_folder("vocation-silverblue-")
os.makedirs(os.path.join(top, "var", "home", "user"))
os.symlink("var/home", os.path.join(top, "home"))
home = os.path.join(top, "home", "user", ".local", "share")
res = run(home, "--import-data", VALID)
doc, res2 = exported(home)
ok(res.returncode == 0 and doc == REFERENCE, "a link above the data folder: data goes in and comes out",
   res.stderr + res2.stderr)
again, res3 = exported(home)
ok(again == REFERENCE and not any(".damaged-" in n for n in names(folder(home))),
   "a link above the data folder: the next start finds it healthy and moves nothing aside",
   res3.stderr + " ".join(names(folder(home))))

# --- Exports that would destroy something ----------------------------------
home = new_home()
out_dir = make_folder("vocation-out-")
snapshot = os.path.join(folder(home), "snapshots", names(os.path.join(folder(home), "snapshots"))[0])
fifo = os.path.join(out_dir, "fifo.json")
os.mkfifo(fifo)
os.symlink(os.path.join(out_dir, "elsewhere.json"), os.path.join(out_dir, "link.json"))
with open(os.path.join(out_dir, "elsewhere.json"), "w") as f:
    f.write("kept")
targets = {
    "the database": db_path(home),
    "its -wal": db_path(home) + "-wal",
    "its -shm": db_path(home) + "-shm",
    "a snapshot": snapshot,
    "the database through another name": os.path.join(folder(home), ".", "vocation.db"),
    "a FIFO": fifo,
    "a symbolic link": os.path.join(out_dir, "link.json"),
    "a folder": out_dir,
}
if ROOT:
    device = os.path.join(out_dir, "full")
    os.mknod(device, 0o600 | stat.S_IFCHR, os.makedev(1, 7))  # /dev/full's numbers
    targets["a device node"] = device
for what, target in targets.items():
    before = open(db_path(home), "rb").read()
    res = run(home, "--export-data", target, timeout=20)
    ok(res.returncode == 1 and one_line(res), f"--export-data onto {what} is refused with one clear line",
       res.stdout + res.stderr)
    doc, _ = exported(home)
    ok(doc == REFERENCE, f"--export-data onto {what}: the data is whole", doc)
if ROOT:
    ok(stat.S_ISCHR(os.lstat(targets["a device node"]).st_mode), "the device node is still a device")
ok(stat.S_ISFIFO(os.lstat(fifo).st_mode) and open(os.path.join(out_dir, "elsewhere.json")).read() == "kept",
   "the FIFO is still a FIFO and the link's target is untouched")
res = run(home, "--export-data", "-")
try:
    doc = json.loads(res.stdout)
    doc.pop("exported_at", None)
except ValueError:
    doc = None
ok(res.returncode == 0 and doc == REFERENCE and "to standard output" in res.stderr,
   "--export-data - writes the document, and only it, to standard output", res.stderr)

# --- A recovery killed at every step ---------------------------------------


def damaged_home():
    """Data with a snapshot of it (a second import takes one), then the
    database overwritten with garbage."""
    home = new_home()
    res = run(home, "--import-data", VALID)
    assert res.returncode == 0, res.stderr
    with sqlite3.connect(db_path(home)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    with open(db_path(home), "r+b") as f:
        f.write(b"\xaa" * 4096 * 3)
    return home


home = damaged_home()
res = run(home, "--export-data", os.path.join(out_dir, "check.json"))
renames = None
ok(res.returncode == 0 and "restored the copy" in res.stderr, "a damaged file is restored from its snapshot",
   res.stderr)
# How many renames a whole recovery takes, counted by killing after each.
problems = []
for n in range(1, 12):
    for variable in ("VOC_CRASH_AT_RENAME", "VOC_CRASH_AFTER_RENAME"):
        home = damaged_home()
        res = run(home, "--export-data", "-", env={"LD_PRELOAD": preload, variable: str(n)})
        killed = res.returncode == -signal.SIGKILL
        doc, res2 = exported(home)
        left = names(folder(home))
        damaged_sets = {x.split(".damaged-")[1].split("-wal")[0].split("-shm")[0]
                        for x in left if ".damaged-" in x}
        if doc != REFERENCE:
            problems.append(f"{variable}={n}: after the next start the data is {doc} ({res2.stderr.strip()})")
        elif killed and "finished" not in res2.stderr and "restored" not in res2.stderr:
            problems.append(f"{variable}={n}: the next start did not say what it did ({res2.stderr.strip()})")
        elif len(damaged_sets) != 1 or "vocation.db.recovery" in left:
            problems.append(f"{variable}={n}: the folder holds {left}")
        if not killed and variable == "VOC_CRASH_AT_RENAME":
            renames = renames or n
ok(not problems, "a recovery killed before or after any of its renames is finished by the next start, "
   "which restores the snapshot, keeps the damaged file in one place and says so", "\n".join(problems))
ok(renames is not None and renames > 3, f"the kills reached every rename of a recovery ({renames})")

# --- Files that cannot be read are not damaged -----------------------------


def nobody_home():
    home = new_home()
    for dirpath, dirnames, filenames in os.walk(home):
        for name in dirnames + filenames:
            os.chown(os.path.join(dirpath, name), NOBODY, NOBODY)
    os.chown(home, NOBODY, NOBODY)
    os.chmod(home, 0o755)
    return home


user = NOBODY if ROOT else None
home = nobody_home() if ROOT else new_home()
with sqlite3.connect(db_path(home)) as db:
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
db.close()
os.chmod(db_path(home), 0)
res = run(home, "--export-data", "-", user=user)
ok(res.returncode == 1 and one_line(res) and "cannot be read: permission denied" in res.stderr,
   "a database of mode 0000: \"cannot be read: permission denied\"", res.stderr)
ok(not any(".damaged-" in n for n in names(folder(home))), "... and nothing is moved aside", names(folder(home)))
os.chmod(db_path(home), 0o600)
doc, res = exported(home, user=user)
ok(doc == REFERENCE, "... and with its mode back, the data is all there", res.stderr)

home = new_home()
wal = db_path(home) + "-wal"
if os.path.exists(wal):
    os.unlink(wal)
os.symlink("/etc/passwd", wal)
res = run(home, "--export-data", "-")
ok(res.returncode == 1 and one_line(res) and "symbolic link" in res.stderr and
   not any(".damaged-" in n for n in names(folder(home))),
   "a symbolic link as the -wal: said plainly, nothing moved aside", res.stderr)
if os.path.lexists(wal):
    os.unlink(wal)

# A read-only mount: reading works, writing says why it cannot.
home = new_home()
with sqlite3.connect(db_path(home)) as db:
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
db.close()
mounted = False
if ROOT:
    mounted = subprocess.run(["mount", "--bind", "-o", "ro", folder(home), folder(home)],
                             capture_output=True).returncode == 0
    if mounted and subprocess.run(["touch", os.path.join(folder(home), "probe")], capture_output=True).returncode == 0:
        subprocess.run(["umount", folder(home)])
        mounted = False
if mounted:
    try:
        before = names(folder(home))
        doc, res = exported(home)
        ok(doc == REFERENCE, "on a read-only mount --export-data works", res.stderr)
        res = run(home, "--export-radar", "data-analyst", "--output", os.path.join(out_dir, "ro.png"))
        ok(res.returncode == 0, "on a read-only mount --export-radar works", res.stderr)
        res = run(home, "--import-data", VALID)
        ok(res.returncode == 1 and one_line(res) and "read-only" in res.stderr,
           "on a read-only mount --import-data says the data cannot be changed", res.stderr)
        ok(names(folder(home)) == before, "... and nothing in the folder changed", names(folder(home)))
    finally:
        subprocess.run(["umount", folder(home)])
else:
    skip("a read-only mount", "no bind mount here (needs root)")

# --- Hostile folders ----------------------------------------------------------
if ROOT:
    home = new_home()
    os.chown(folder(home), NOBODY, NOBODY)
    os.chmod(folder(home), 0o777)
    res = run(home, "--export-data", "-")
    ok(res.returncode == 1 and one_line(res) and "belongs to another user" in res.stderr,
       "a data folder of another user, mode 0777, is refused with a clear message", res.stderr)
else:
    skip("a data folder of another user", "needs root to give a folder away")

home = new_home(with_data=False)
os.makedirs(folder(home), mode=0o700)
outside = os.path.join(out_dir, "outside.db")
os.symlink(outside, db_path(home))
res = run(home, "--export-data", "-")
ok(res.returncode == 1 and one_line(res) and "symbolic link" in res.stderr and not os.path.lexists(outside),
   "a dangling vocation.db link is refused and its target never created", res.stderr)

home = new_home()
snapshots = os.path.join(folder(home), "snapshots")
os.chmod(snapshots, 0o777)
res = run(home, "--import-data", VALID)
ok(res.returncode == 0 and stat.S_IMODE(os.stat(snapshots).st_mode) == 0o700,
   "a snapshots folder at 0777 is made 0700 again", oct(os.stat(snapshots).st_mode))

# --- FIFOs and devices where files were expected --------------------------
home = new_home()
for what, path in [("/dev/zero", "/dev/zero"), ("/dev/urandom", "/dev/urandom"), ("a FIFO", fifo)]:
    for args, name in [(["--import-data", path], "an import"), (["--validate-catalog", path], "a catalog"),
                       (["--catalog", path, "--list-roles"], "--catalog")]:
        started = time.monotonic()
        try:
            res = run(home, *args, timeout=20)
            good = res.returncode == 1 and ("not a file" in res.stdout + res.stderr)
            diag = res.stdout + res.stderr
        except subprocess.TimeoutExpired:
            good, diag = False, "it hung"
        ok(good and time.monotonic() - started < 10, f"{what} as {name} is refused at once", diag)

home = new_home(with_data=False)
os.makedirs(folder(home), mode=0o700)
os.mkfifo(db_path(home))
try:
    res = run(home, "--export-data", "-", timeout=20)
    ok(res.returncode == 1 and one_line(res) and "named pipe" in res.stderr,
       "a vocation.db that is a FIFO is refused, not waited on", res.stderr)
except subprocess.TimeoutExpired:
    ok(False, "a vocation.db that is a FIFO is refused, not waited on", "it hung")

# --- Two processes at once ------------------------------------------------
problems = []
for round_ in range(40):
    home = new_home(with_data=False)
    e = dict(ENV, XDG_DATA_HOME=home)
    procs = [subprocess.Popen([vocation, "--export-data", "-"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              env=e, text=True) for _ in range(2)]
    for p in procs:
        _, err = p.communicate(timeout=60)
        if p.returncode != 0:
            problems.append(f"round {round_}: {err.strip()}")
    shutil.rmtree(home, ignore_errors=True)
ok(not problems, "two first starts at once on an empty folder both succeed (40 rounds)", "\n".join(problems[:5]))



def hold_locked(path, seconds):
    """Another process's connection that keeps the file locked for
    @seconds (exclusive locking mode: no one else may even read)."""
    holder = sqlite3.connect(path, isolation_level=None, timeout=30, check_same_thread=False)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("CREATE TABLE IF NOT EXISTS held (x)")
    timer = threading.Timer(seconds, lambda: (holder.execute("COMMIT"), holder.close()))
    timer.start()
    return timer


home = new_home()
timer = hold_locked(db_path(home), 3.0)
started = time.monotonic()
doc, res = exported(home)
waited = time.monotonic() - started
timer.join()
ok(doc == REFERENCE and waited >= 2.5, "a start while another process holds the database locked waits for it "
   f"instead of failing (waited {waited:.1f} s)", res.stderr)
timer = hold_locked(db_path(home), 3.0)
res = run(home, "--import-data", VALID)
timer.join()
ok(res.returncode == 0, "an import while another process holds the database waits its turn", res.stderr)

# --- Leftovers of killed runs ---------------------------------------------
home = new_home()
snapshots = os.path.join(folder(home), "snapshots")
stale = os.path.join(snapshots, "vocation-20260101-000000-000000.db.partial")
with open(stale, "wb") as f:
    f.write(b"\0" * 100000)
live = os.path.join(snapshots, "vocation-20260101-000001-000000.db.partial")
live_fd = os.open(live, os.O_CREAT | os.O_RDWR, 0o600)
fcntl.flock(live_fd, fcntl.LOCK_EX)
export_dir = make_folder("vocation-exports-")
stale_export = os.path.join(export_dir, ".mine.json.AbC123.vocation-partial")
with open(stale_export, "w") as f:
    f.write("{")
res = run(home, "--import-data", VALID)
res2 = run(home, "--export-data", os.path.join(export_dir, "mine.json"))
ok(res.returncode == 0 and res2.returncode == 0 and not os.path.exists(stale) and not os.path.exists(stale_export),
   "a copy and an export cut short by a kill are removed by the next run", names(snapshots) + names(export_dir))
ok(os.path.exists(live), "... but not one another process is still writing", names(snapshots))
os.close(live_fd)

# The real thing: exports killed part way, again and again.
home = new_home()
for n in range(30):
    p = subprocess.Popen([vocation, "--export-data", os.path.join(export_dir, "mine.json")],
                         env=dict(ENV, XDG_DATA_HOME=home), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.002 * (n % 15))
    p.kill()
    p.wait()
res = run(home, "--export-data", os.path.join(export_dir, "mine.json"))
ok(res.returncode == 0 and names(export_dir) == ["mine.json"], "after 30 killed exports and one whole one, "
   "the folder holds the export alone", names(export_dir))

# --- Chart exports ----------------------------------------------------------
home = new_home()
chart = os.path.join(out_dir, "chart.png")
res = run(home, "--export-radar", "data-analyst", "--output", chart)
previous = open(chart, "rb").read()


def small_files():
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    # Room for the database's shared memory (32 KiB), not for the chart.
    resource.setrlimit(resource.RLIMIT_FSIZE, (40000, 40000))


res = run(home, "--export-radar", "data-engineer", "--output", chart, "--size", "3000", preexec_fn=small_files)
ok(res.returncode == 1 and one_line(res) and "chart.png" in res.stderr and open(chart, "rb").read() == previous,
   "a chart export whose write fails leaves the previous chart of that name whole", res.stderr)
ok(not [n for n in names(out_dir) if n.endswith(".vocation-partial")], "... and no temporary file behind",
   names(out_dir))
os.symlink(os.path.join(out_dir, "elsewhere.json"), os.path.join(out_dir, "chart-link.png"))
res = run(home, "--export-radar", "data-engineer", "--output", os.path.join(out_dir, "chart-link.png"))
ok(res.returncode == 1 and one_line(res) and "symbolic link" in res.stderr and
   open(os.path.join(out_dir, "elsewhere.json")).read() == "kept", "a chart export onto a link is refused",
   res.stderr)

print(f"1..{n_test}")
print(f"# {n_test - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
