#!/usr/bin/env bash
# Renders the bar for the README: docs/bar-WIDTH.png, the top of a WIDTHxHEIGHT
# screen with three workspaces (one urgent), a mode's key hint, a title with CJK
# and emoji, status blocks from the i3bar fixture and two clocks.
# Usage: [DPI=192] scripts/bar-screenshot.sh [WIDTH HEIGHT]. DPI sets Xft.dpi first
# (docs/bar-WIDTH-DPIdpi.png). Needs Xvfb, xdotool, imagemagick, x11-xserver-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/src/cli.js ] || npx tsc -p .
w=${1:-1366}; h=${2:-768}
dpi=${DPI:-96}
out=docs/bar-$w.png
[ "$dpi" = 96 ] || out=docs/bar-$w-${dpi}dpi.png
pids=()
tmp=$(mktemp -d)
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT
cat >"$tmp/config.yaml" <<YAML
workspaces:
  names: ["", web, mail]
rules:
  - class: Mailer
    workspace: mail
bar:
  clocks: [{format: "HH:mm 'UTC'", zone: UTC}]
  clock: "EEE d MMM HH:mm:ss"
  status_command: "$(command -v node) test/fixtures/status-i3bar.mjs"
YAML
dispfile=$(mktemp)
Xvfb -displayfd 3 -screen 0 "${w}x${h}x24" -noreset -nolisten tcp 3>"$dispfile" 2>/dev/null &
pids+=("$!")
for _ in $(seq 100); do [ -s "$dispfile" ] && break; sleep 0.05; done
disp=$(cat "$dispfile"); rm -f "$dispfile"
export DISPLAY=":$disp"
[ "$dpi" = 96 ] || echo "Xft.dpi: $dpi" | xrdb -merge
XDG_CONFIG_HOME=/nonexistent XDG_STATE_HOME="$tmp" bin/fion --config "$tmp/config.yaml" >"$tmp/fion.log" 2>&1 &
pids+=("$!")
for _ in $(seq 100); do xdotool search --class fion-bar >/dev/null 2>&1 && break; sleep 0.1; done
node dist/test/fixtures/window.js "mail: 3 new" Mailer urgent >/dev/null 2>&1 &
pids+=("$!")
sleep 0.5
node dist/test/fixtures/window.js "notes — 東京の天気 ☀ 🌧 café" >/dev/null 2>&1 &
pids+=("$!")
sleep 1
for _ in $(seq 100); do xdotool search --name café >/dev/null 2>&1 && break; sleep 0.1; done
sleep 1
xdotool key super+t; sleep 1
xwd -root | convert xwd:- -crop "${w}x$((60 * dpi / 96))+0+0" +repage "$out"
echo "wrote $out"; cat "$tmp/fion.log" >&2
