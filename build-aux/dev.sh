#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# build-aux/dev.sh run    install what is missing (Debian 12), build, start Vocation
# build-aux/dev.sh test   the same set-up, then every test; starts Xvfb and a
#                         D-Bus session itself when there is no display,
#                         runs the headless suites again under ASan and UBSan,
#                         and builds and tests the release tarball (meson dist)
# build-aux/dev.sh bench  the same set-up, then the benchmarks (meson test --benchmark)
set -euo pipefail

cd "$(dirname "$0")/.."
top=$PWD
build=${VOCATION_BUILD_DIR:-_build}
asan_build=${VOCATION_ASAN_BUILD_DIR:-_build-asan}
mode=${1:-}

packages=(
  meson ninja-build pkg-config gcc
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libsqlite3-dev libjson-glib-dev
  libcairo2-dev libpango1.0-dev
  gettext desktop-file-utils appstream python3
  adwaita-icon-theme fonts-cantarell librsvg2-common
)
test_packages=(xvfb xauth dbus dbus-daemon at-spi2-core python3-pyatspi python3-dogtail)

usage() {
  echo "usage: build-aux/dev.sh run|test|bench" >&2
  exit 2
}

install_missing() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  echo "dev.sh: installing ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "dev.sh: run as root or install sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build() {
  local dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" --werror "$@"
  fi
  meson compile -C "$dir"
}

# Runs "$@" with a display and a session bus, starting them when missing.
with_session() {
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    xvfb-run -a -s '-screen 0 1600x1200x24 -noreset' dbus-run-session -- "$@"
  elif [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
    dbus-run-session -- "$@"
  else
    "$@"
  fi
}

case "$mode" in
  run)
    install_missing "${packages[@]}"
    build "$build"
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      echo "dev.sh: no display to show Vocation on; log in to a desktop session, or try:" >&2
      echo "        $build/src/vocation --list-roles" >&2
      exit 1
    fi
    GSETTINGS_SCHEMA_DIR="$top/$build/data" exec "$build/src/vocation" "${@:2}"
    ;;
  test)
    install_missing "${packages[@]}" "${test_packages[@]}"
    build "$build"
    with_session meson test -C "$build" --print-errorlogs --num-processes 2

    # The same headless suites again with AddressSanitizer and UBSan: every
    # malformed catalog must be refused without a memory error.
    build "$asan_build" -Db_sanitize=address,undefined -Db_lundef=false --buildtype=debug
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:fast_unwind_on_malloc=0 \
    LSAN_OPTIONS=suppressions="$top/tests/lsan.supp":print_suppressions=0 \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      meson test -C "$asan_build" --print-errorlogs --suite unit --suite cli --suite reliability

    # The release tarball: it builds, and its tests pass without a display.
    if git -C "$top" rev-parse --git-dir >/dev/null 2>&1; then
      env -u DISPLAY -u WAYLAND_DISPLAY meson dist -C "$build" --allow-dirty --formats xztar
    fi
    ;;
  bench)
    # The peer the radar is measured against: Debian's matplotlib.
    install_missing "${packages[@]}" "${test_packages[@]}" python3-matplotlib
    # Optimised, as users run it, in a build directory of its own.
    build "${build}-bench" --buildtype=release
    with_session meson test -C "${build}-bench" --benchmark --print-errorlogs --verbose
    ;;
  *)
    usage
    ;;
esac
