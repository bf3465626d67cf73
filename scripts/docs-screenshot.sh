#!/usr/bin/env bash
# Renders docs/tiles.png: three tiles, one of them holding three tabs.
# Needs Xvfb, xdotool, xterm and imagemagick (scripts/setup-debian.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/src/cli.js ] || npx tsc -p .
out=${1:-docs/tiles.png}
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
dispfile=$(mktemp)
Xvfb -displayfd 3 -screen 0 1280x800x24 -noreset -nolisten tcp 3>"$dispfile" 2>/dev/null &
pids+=("$!")
for _ in $(seq 100); do [ -s "$dispfile" ] && break; sleep 0.05; done
disp=$(cat "$dispfile"); rm -f "$dispfile"
export DISPLAY=":$disp"
state=$(mktemp -d) # a state folder of its own: no session of the user's is offered back
XDG_CONFIG_HOME=/nonexistent XDG_STATE_HOME="$state" bin/fion >/dev/null 2>&1 &
pids+=("$!")
sleep 1.5
term() { xterm -T "$1" -bg '#1d2021' -fg '#ebdbb2' -e sh -c "$2; exec sh" & pids+=("$!"); sleep 0.8; }
term "editor: notes.txt" "printf 'Fion: workspaces, tiles, tabs.\n'"
term "build" "printf '\$ npm test\nall green\n'"
term "logs" "printf 'tail -f /var/log/syslog\n'"
xdotool key super+shift+v; sleep 0.3
term "shell" "uname -a"
xdotool key super+shift+h; sleep 0.3
term "monitor" "uptime"
xdotool key super+shift+p super+shift+p; sleep 0.5
xwd -root | convert xwd:- "$out"
echo "wrote $out"
