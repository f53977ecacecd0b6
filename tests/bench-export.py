#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Export benchmark: the whole `vocation --export-radar` process writing an
800 x 800 PNG of a 15-axis role against the whole matplotlib peer process
(tests/peer-radar-matplotlib.py --axes 15) writing one, launched
alternately in this run. Goal: at most a third of the peer's time.

usage: bench-export.py VOCATION PEER [--runs N]
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
p.add_argument("peer")
p.add_argument("--runs", type=int, default=11)
p.add_argument("--goal", type=float, default=1 / 3)
a = p.parse_args()

if not os.path.exists(a.peer):
    print(f"bench-export: the peer {a.peer} is missing")
    sys.exit(77)
check = subprocess.run(["/usr/bin/python3", "-c", "import matplotlib"], capture_output=True)
if check.returncode != 0:
    print("bench-export: python3-matplotlib is not installed (build-aux/dev.sh bench installs it)")
    sys.exit(77)


def timed(cmd, env):
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    return (time.perf_counter() - start) * 1000


with tempfile.TemporaryDirectory() as tmp:
    env = dict(os.environ, XDG_DATA_HOME=tmp)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    ours = [a.vocation, "--export-radar", "data-engineer", "--output", os.path.join(tmp, "ours.png"),
            "--size", "800", "--compare", "data-scientist"]
    peer = ["/usr/bin/python3", a.peer, os.path.join(tmp, "peer.png"), "--axes", "15"]
    for _ in range(2):  # warm the page cache and font caches of both
        timed(ours, env)
        timed(peer, env)
    v, m = [], []
    for _ in range(a.runs):
        m.append(timed(peer, env))
        v.append(timed(ours, env))

vm, mm = statistics.median(v), statistics.median(m)
ratio = vm / mm
print(f"vocation --export-radar (PNG 800 px, 15 axes, 3 series): median {vm:.1f} ms over {a.runs} runs")
print(f"matplotlib peer process (PNG 800 px, 15 axes, 2 series): median {mm:.1f} ms over {a.runs} runs")
print(f"ratio {ratio:.3f} (goal: at most {a.goal:.3f})")
sys.exit(0 if ratio <= a.goal else 1)
