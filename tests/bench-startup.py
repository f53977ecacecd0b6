#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Start-up benchmark: launch to first frame of Vocation against an empty
libadwaita window (the baseline), both measured in this run, interleaved.
Each program prints the time of its first frame; the time to exit is
reported too. Reports medians and the ratio; fails when the ratio is above
the goal.

With --data-gen, Vocation is also launched on a large data set (1,000
plans, 10,000 goals, 50,000 steps, 100,000 notes, written by that script
into a data folder of its own), interleaved with the other two, and that
ratio must meet the same goal.

usage: bench-startup.py VOCATION BASELINE [--runs N] [--goal RATIO] [--data-gen SCRIPT]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

p = argparse.ArgumentParser()
p.add_argument("vocation")
p.add_argument("baseline")
p.add_argument("--runs", type=int, default=15)
p.add_argument("--goal", type=float, default=1.3)
p.add_argument("--data-gen", metavar="SCRIPT", help="bench-data-gen.py, to launch on a large data set too")
a = p.parse_args()

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    print("bench-startup: no display; run it through build-aux/dev.sh bench")
    sys.exit(77)

# Under Xvfb, GTK's GL renderer runs on llvmpipe, whose shader JIT then
# dominates and measures Mesa, not Vocation; the Cairo renderer draws the
# same frame on the CPU for both programs. Set GSK_RENDERER to override.
env = dict(os.environ, NO_AT_BRIDGE="1")
env.setdefault("GSK_RENDERER", "cairo")
# Start both as a user's desktop would: with accessibility on (the test
# environment turns it off for the widget tests).
env.pop("GTK_A11Y", None)
env.pop("G_DEBUG", None)


def launch(cmd, data_home, config_home):
    """Launches one process; returns (launch to first frame, launch to exit) in ms.

    Both programs print "first-frame T" with T from CLOCK_MONOTONIC in
    microseconds, the clock of time.monotonic(). The wait blocks in
    waitpid(): with a timeout, Python polls with sleeps of up to 50 ms,
    which rounded every launch to a step of that ladder.
    """
    env["XDG_DATA_HOME"] = data_home
    env["XDG_CONFIG_HOME"] = config_home
    start = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    out, _ = proc.communicate()
    end = time.monotonic()
    if proc.returncode != 0:
        sys.exit(f"bench-startup: {cmd[0]} exited with {proc.returncode}")
    frames = [line.split()[1] for line in out.splitlines() if line.startswith("first-frame ")]
    if not frames:
        sys.exit(f"bench-startup: {cmd[0]} did not report its first frame")
    return (int(frames[0]) / 1e6 - start) * 1000, (end - start) * 1000


def snapshots(data_home):
    folder = os.path.join(data_home, "vocation", "snapshots")
    return sorted(os.listdir(folder)) if os.path.isdir(folder) else []


# Window state comes from a settings file of the bench's own, not from the
# desktop's dconf, where another run may have left Vocation on any view.
env["GSETTINGS_BACKEND"] = "keyfile"


def config_on(folder, view):
    """A config folder whose settings open Vocation on @view."""
    os.makedirs(os.path.join(folder, "glib-2.0", "settings"))
    with open(os.path.join(folder, "glib-2.0", "settings", "keyfile"), "w") as f:
        f.write(f"[io/github/vocationapp/Vocation]\nlast-view='{view}'\n")
    return folder


with tempfile.TemporaryDirectory() as empty_home, tempfile.TemporaryDirectory() as big_home, \
        tempfile.TemporaryDirectory() as config:
    roles_config = config_on(os.path.join(config, "roles"), "roles")
    skills_config = config_on(os.path.join(config, "skills"), "skills")
    vocation_cmd = [a.vocation, "--quit-after-first-frame"]
    baseline_cmd = [a.baseline]
    runs = [("baseline", baseline_cmd, empty_home, roles_config),
            ("empty", vocation_cmd, empty_home, roles_config),
            ("skills", vocation_cmd, empty_home, skills_config)]
    if a.data_gen:
        gen = subprocess.run([sys.executable, a.data_gen, a.vocation, big_home], check=True,
                             stdout=subprocess.PIPE, text=True, timeout=300)
        print(gen.stdout.strip())
        runs.append(("big", vocation_cmd, big_home, roles_config))
    # Warm the caches (fonts, icon theme, shaders) for all before timing.
    # On the new large database the first launch also takes the day's
    # snapshot of it; that happens here, and is reported.
    for i in range(2):
        for name, cmd, home, config_home in runs:
            before = snapshots(home)
            ms, _ = launch(cmd, home, config_home)
            if name != "baseline" and snapshots(home) != before:
                print(f"warm-up launch {i + 1} ({name} data) took a snapshot: {ms:.1f} ms")
    times = {name: [] for name, *_ in runs}
    whole = {name: [] for name, *_ in runs}
    taken = {name: len(snapshots(home)) for name, _, home, _ in runs}
    for _ in range(a.runs):
        for name, cmd, home, config_home in runs:
            first, total = launch(cmd, home, config_home)
            times[name].append(first)
            whole[name].append(total)
    for name, _, home, _ in runs:
        if len(snapshots(home)) != taken[name] and name != "skills":
            print(f"note: timed launches on the {name} data took {len(snapshots(home)) - taken[name]} snapshot(s)")

b = statistics.median(times["baseline"])
bw = statistics.median(whole["baseline"])
print(f"launch to first frame, median of {a.runs} launches each (launch to exit in brackets):")
print(f"  empty window (baseline):        {b:6.1f} ms  ({bw:.1f} ms)")
ok = True
for name, label in (("empty", "vocation, empty data folder:"), ("big", "vocation, large data set:")):
    if name not in times:
        continue
    v = statistics.median(times[name])
    vw = statistics.median(whole[name])
    ratio = v / b
    ok = ok and ratio <= a.goal
    print(f"  {label:31} {v:6.1f} ms  ({vw:.1f} ms), ratio {ratio:.2f}x "
          f"({vw / bw:.2f}x to exit; goal: at most {a.goal:.2f}x to first frame): {'met' if ratio <= a.goal else 'MISSED'}")
v = statistics.median(times["skills"])
print(f"  {'vocation, opening on My Skills:':31} {v:6.1f} ms  ({statistics.median(whole['skills']):.1f} ms), "
      f"ratio {v / b:.2f}x (reported; the goal above is for the Roles view a first start opens on)")
print(f"GSK_RENDERER={env['GSK_RENDERER']}")
sys.exit(0 if ok else 1)
