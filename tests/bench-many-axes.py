#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""How the radar's layout grows with the number of axes: the whole
vocation --export-radar process for a role of 250, 500 and 1,000
requirements (a catalog file may hold any number).

The goals: a 1,000-axis chart in under 2 s, and at most quadratic growth,
measured against the 500-axis chart of the same run: doubling the axes
may at most quadruple the time (plus a fifth for noise); cubic growth
gave 8 (400 axes took 17 s, 1,000 did not finish in 40).

usage: bench-many-axes.py VOCATION
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

vocation = sys.argv[1]
work = tempfile.mkdtemp(prefix="bench-many-axes-")
env = dict(os.environ, XDG_DATA_HOME=work)


def catalog(n):
    path = os.path.join(work, f"axes-{n}.json")
    skills = [{"id": f"skill-{i}", "name": f"Skill number {i} with a long name", "area": "a",
               "description": "A skill."} for i in range(n)]
    reqs = [{"skill": f"skill-{i}", "label": f"Skill number {i} with a long name", "level": 3, "details": []}
            for i in range(n)]
    doc = {"format_version": 1, "areas": [{"id": "a", "name": "Area"}], "skills": skills,
           "roles": [{"id": "big", "name": "Big", "family": "Analytics", "tagline": "t", "summary": "s",
                      "groups": [{"title": "All", "kind": "technical", "requirements": reqs}]}]}
    with open(path, "w") as f:
        json.dump(doc, f)
    return path


def export(path):
    started = time.monotonic()
    subprocess.run([vocation, "--catalog", path, "--export-radar", "big", "--output",
                    os.path.join(work, "chart.png")], check=True, env=env, capture_output=True)
    return time.monotonic() - started


times = {}
for n in (250, 500, 1000):
    path = catalog(n)
    export(path)   # warm the caches
    times[n] = statistics.median(export(path) for _ in range(5))
    print(f"{n} axes: {times[n] * 1000:.0f} ms (median of 5)")

growth = times[1000] / times[500]
print(f"500 -> 1000 axes: x{growth:.2f} (quadratic: 4, cubic: 8)")
ok = times[1000] < 2.0 and growth <= 4.8
print(f"goals: 1,000 axes under 2 s {'met' if times[1000] < 2.0 else 'NOT met'}, "
      f"growth at most x4.8 {'met' if growth <= 4.8 else 'NOT met'}")
sys.exit(0 if ok else 1)
