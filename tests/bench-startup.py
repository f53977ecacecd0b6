#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Start-up benchmark: launch to first frame of Vocation against an empty
libadwaita window (the baseline), both measured in this run, interleaved,
as whole processes. Reports medians and the ratio; fails when the ratio is
above the goal.

usage: bench-startup.py VOCATION BASELINE [--runs N] [--goal RATIO]
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


def launch(cmd, data_home):
    env["XDG_DATA_HOME"] = data_home
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
    return (time.perf_counter() - start) * 1000


with tempfile.TemporaryDirectory() as data_home:
    vocation_cmd = [a.vocation, "--quit-after-first-frame"]
    baseline_cmd = [a.baseline]
    # Warm the caches (fonts, icon theme, shaders) for both before timing.
    for _ in range(2):
        launch(vocation_cmd, data_home)
        launch(baseline_cmd, data_home)
    vocation, baseline = [], []
    for _ in range(a.runs):
        baseline.append(launch(baseline_cmd, data_home))
        vocation.append(launch(vocation_cmd, data_home))

b = statistics.median(baseline)
v = statistics.median(vocation)
ratio = v / b
print(f"empty window (baseline): median {b:.1f} ms over {a.runs} launches")
print(f"vocation, Roles view:    median {v:.1f} ms over {a.runs} launches")
print(f"ratio {ratio:.2f}x (goal: at most {a.goal:.2f}x), GSK_RENDERER={env['GSK_RENDERER']}")
sys.exit(0 if ratio <= a.goal else 1)
