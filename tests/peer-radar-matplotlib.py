#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The radar chart someone would draw with matplotlib instead of Vocation:
the peer the radar benchmarks measure against (Debian's python3-matplotlib).

It draws what the project's reference peer draws: N spokes with their
labels, rings for levels 1-5, two filled series (a role and "You") and a
legend, on an 800 x 800 px figure written to OUTPUT (.png, .svg or .pdf).

usage: peer-radar-matplotlib.py OUTPUT [--axes N] [--repeat R]
--repeat R draws and writes the chart R times in this one process, so that
the time per chart excludes starting Python and importing matplotlib. It
prints "R renders, T ms each".
"""
import argparse
import math
import time

import matplotlib

matplotlib.use("Agg")  # no display: render to files only
import matplotlib.pyplot as plt  # noqa: E402


def series(n):
    """The same levels, 0-5, for every run: a role and a profile."""
    role = [(i * 3 + 2) % 5 + 1 for i in range(n)]
    you = [i * 7 % 6 for i in range(n)]
    return role, you


def draw(path, n):
    names = [f"Skill area {i + 1}" for i in range(n)]
    spokes = [2 * math.pi * i / n for i in range(n)]
    role, you = series(n)

    figure = plt.figure(figsize=(8, 8), dpi=100)
    polar = figure.add_subplot(polar=True)
    # The first spoke points up and the others follow clockwise, as on
    # Vocation's radar.
    polar.set_theta_offset(math.pi / 2)
    polar.set_theta_direction(-1)
    for levels, name in ((role, "Role"), (you, "You")):
        closed_angles = spokes + spokes[:1]
        closed_levels = levels + levels[:1]
        polar.plot(closed_angles, closed_levels, linewidth=2, label=name)
        polar.fill(closed_angles, closed_levels, alpha=0.25)
    polar.set_xticks(spokes)
    polar.set_xticklabels(names)
    polar.set_ylim(0, 5)
    polar.set_yticks(range(1, 6))
    polar.legend(loc="upper right")
    figure.savefig(path)
    plt.close(figure)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("output")
    parser.add_argument("--axes", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()

    start = time.perf_counter()
    for _ in range(args.repeat):
        draw(args.output, args.axes)
    elapsed = time.perf_counter() - start
    print(f"{args.repeat} renders, {elapsed / args.repeat * 1000:.2f} ms each")


if __name__ == "__main__":
    main()
