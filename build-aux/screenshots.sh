#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Regenerates data/screenshots/ from the running app: each shot starts
# Vocation in its own Xvfb with a chosen window size and colour scheme,
# drives it with the keyboard (xdotool) and captures the window.
#
# usage: build-aux/screenshots.sh [BUILD_DIR]      (default: _build)
set -euo pipefail

cd "$(dirname "$0")/.."
top=$PWD
build=${1:-_build}
out=$top/data/screenshots

for tool in xvfb-run xdotool import; do
  command -v "$tool" >/dev/null || { echo "screenshots.sh: needs $tool (apt-get install xvfb xdotool imagemagick)" >&2; exit 1; }
done
[ -x "$build/src/vocation" ] || { echo "screenshots.sh: build first (build-aux/dev.sh test)" >&2; exit 1; }
mkdir -p "$out"

# shot NAME WIDTH HEIGHT SCHEME KEYS...
#   KEYS are xdotool steps: "type:TEXT", "key:KEYSYM" or "sleep:SECONDS".
shot() {
  local name=$1 width=$2 height=$3 scheme=$4; shift 4
  local tmp
  tmp=$(mktemp -d)
  mkdir -p "$tmp/config/glib-2.0/settings"
  cat > "$tmp/config/glib-2.0/settings/keyfile" <<KEYFILE
[io/github/vocationapp/Vocation]
window-width=$width
window-height=$height
KEYFILE
  cat > "$tmp/drive.sh" <<'DRIVE'
#!/usr/bin/env bash
set -euo pipefail
out=$1; shift
"$VOCATION" &
app=$!
for _ in $(seq 100); do
  wid=$(xdotool search --onlyvisible --name '^Vocation$' 2>/dev/null | head -n 1 || true)
  [ -n "$wid" ] && break
  sleep 0.1
done
[ -n "$wid" ] || { echo "no window" >&2; kill $app; exit 1; }
sleep 1.5
for step in "$@"; do
  case "$step" in
    type:*) xdotool type --delay 40 "${step#type:}" ;;
    key:*) xdotool key "${step#key:}" ;;
    sleep:*) sleep "${step#sleep:}" ;;
  esac
  sleep 0.3
done
sleep 1
import -window "$wid" "$out"
kill $app
wait $app 2>/dev/null || true
DRIVE
  chmod +x "$tmp/drive.sh"
  env -u DISPLAY -u WAYLAND_DISPLAY \
    XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" \
    GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$top/$build/data" \
    ADW_DEBUG_COLOR_SCHEME="$scheme" NO_AT_BRIDGE=1 \
    VOCATION="$top/$build/src/vocation" \
    xvfb-run -a -s "-screen 0 $((width + 40))x$((height + 40))x24" \
    dbus-run-session -- "$tmp/drive.sh" "$out/$name.png" "$@"
  rm -rf "$tmp"
  echo "wrote data/screenshots/$name.png"
}

shot roles 1200 800 prefer-light
shot roles-dark 1200 800 prefer-dark
shot role-page 1200 800 prefer-light type:kafka sleep:0.5 key:Return
shot role-page-dark 1200 800 prefer-dark type:kafka sleep:0.5 key:Return
shot search 1200 800 prefer-light type:pytorch sleep:0.5
shot roles-narrow 400 760 prefer-light
shot role-page-narrow 400 760 prefer-dark type:transformers sleep:0.5 key:Return
