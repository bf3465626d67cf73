#!/usr/bin/env bash
# Try Fion. Sets itself up first (scripts/setup-debian.sh, npm ci and a build
# when needed), then:
#   - on a desktop ($DISPLAY answers): runs Fion in a 1280x800 Xephyr window
#     with an xterm inside, until you close that window or exit Fion;
#   - without a display (a server, CI): runs Fion on a private Xvfb, plays a
#     short tour with xdotool and saves a screenshot of every step.
#
#   scripts/try.sh                 # whichever of the two fits
#   scripts/try.sh --tour [DIR]    # the screenshot tour even on a desktop (default DIR: ./fion-tour)
#   scripts/try.sh --no-setup      # skip setup-debian.sh, npm ci and the build
#
# It stops everything it started, by process id, when it ends.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

mode=auto
tour_dir=./fion-tour
setup=1
while [ $# -gt 0 ]; do
  case "$1" in
    --tour) mode=tour
      if [ $# -gt 1 ] && [ "${2#-}" = "$2" ]; then tour_dir=$2; shift; fi ;;
    --no-setup) setup=0 ;;
    -h|--help) sed -n '2,13s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "try.sh: unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

say() { echo "try.sh: $*"; }
fail() { echo "try.sh: $*" >&2; exit 1; }

# ---- set up ----
if [ "$setup" -eq 1 ]; then
  bash scripts/setup-debian.sh --no-npm
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "npm ci"
    npm ci --no-audit --no-fund --loglevel=error >/dev/null </dev/null || fail "npm ci failed"
  fi
  # dist/.try-built marks a build that succeeded (tsc writes dist/ even when it fails).
  if [ ! -f dist/.try-built ] || [ ! -f dist/src/cli.js ] \
      || [ -n "$(find src config package.json package-lock.json tsconfig.json -newer dist/.try-built -print -quit)" ]; then
    say "building (npm run build)"
    npm run --silent build </dev/null || fail "the build failed"
    touch dist/.try-built
  fi
fi
[ -f dist/src/cli.js ] || fail "Fion is not built: run npm ci && npm run build"

# ---- processes this script starts; stopped by pid at the end ----
work=$(mktemp -d "${TMPDIR:-/tmp}/fion-try.XXXXXX")
pids=()
stop_all() {
  local i pid
  # Newest first: clients and Fion before the X server.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    pid=${pids[i]}
    kill -0 "$pid" 2>/dev/null || continue
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  pids=()
}
trap 'stop_all; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# start_server LOG CMD ARGS...: an X server on a display it picks (-displayfd); sets $display.
start_server() {
  local log=$1 fd_file="$work/displayfd" pid
  shift
  : >"$fd_file"
  "$@" -displayfd 3 3>"$fd_file" >>"$log" 2>&1 </dev/null &
  pid=$!
  pids+=("$pid")
  for _ in $(seq 100); do
    if grep -qx '[0-9][0-9]*' "$fd_file"; then
      display=":$(head -n 1 "$fd_file")"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  tail -n 20 "$log" >&2
  fail "$1 did not start"
}

# start_fion DISPLAY LOG: sets $fion_pid.
start_fion() {
  XDG_STATE_HOME="$work/state" node bin/fion --display "$1" >>"$2" 2>&1 </dev/null &
  fion_pid=$!
  pids+=("$fion_pid")
  # Fion is up once it names itself on the root window (EWMH check window).
  for _ in $(seq 100); do
    if DISPLAY=$1 xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id'; then return 0; fi
    kill -0 "$fion_pid" 2>/dev/null || break
    sleep 0.1
  done
  tail -n 20 "$2" >&2
  fail "Fion did not start (log: $2)"
}

has_display() { [ -n "${DISPLAY:-}" ] && xdpyinfo >/dev/null 2>&1; }

# ---- on a desktop: Fion nested in Xephyr ----
nested() {
  local fion_log xephyr_pid code=0
  fion_log=$(mktemp "${TMPDIR:-/tmp}/fion-try-log.XXXXXX") # kept afterwards
  start_server "$work/xephyr.log" Xephyr -screen 1280x800 -resizeable -title "Fion (Ctrl+Shift grabs the keyboard)" -nolisten tcp -noreset
  xephyr_pid=${pids[0]}
  start_fion "$display" "$fion_log"
  DISPLAY=$display xterm >/dev/null 2>&1 </dev/null &
  pids+=("$!")
  say "Fion runs on $display in the Xephyr window, with an xterm."
  say "Click into it and press Ctrl+Shift so Xephyr grabs the keyboard (Ctrl+Shift again lets go):"
  say "super+Return opens a terminal, super+shift+v / super+shift+h split, super+shift+e exits; README.md lists every key."
  say "Close the window or exit Fion to stop. Fion's log: $fion_log"
  while kill -0 "$xephyr_pid" 2>/dev/null && kill -0 "$fion_pid" 2>/dev/null; do sleep 0.5; done
  # Fion ending on its own with a failure is worth showing; losing the server
  # because the Xephyr window was closed is the normal way out.
  if kill -0 "$xephyr_pid" 2>/dev/null && ! kill -0 "$fion_pid" 2>/dev/null; then
    wait "$fion_pid" 2>/dev/null || code=$?
    if [ "$code" -ne 0 ]; then tail -n 20 "$fion_log" >&2; say "Fion exited with status $code"; fi
  fi
  say "stopping; Fion's log stays in $fion_log"
}

# ---- without a display: the screenshot tour on Xvfb ----
tour() {
  mkdir -p "$tour_dir"
  tour_dir=$(cd "$tour_dir" && pwd)
  rm -f "$tour_dir"/[0-9][0-9]-*.png "$tour_dir/tour.txt"
  local fion_log="$tour_dir/fion.log" step=0
  : >"$fion_log"
  start_server "$work/xvfb.log" Xvfb -screen 0 1280x800x24 -nolisten tcp -noreset
  export DISPLAY=$display
  start_fion "$display" "$fion_log"
  say "Fion runs on Xvfb $display; the tour:"

  # The bar publishes its text in _NET_WM_NAME: wait until it matches an ERE.
  bar_says() {
    local bar text=""
    for _ in $(seq 100); do
      bar=$(xdotool search --classname '^fion-bar$' 2>/dev/null | head -n 1 || true)
      if [ -n "$bar" ]; then
        text=$(xprop -id "$bar" _NET_WM_NAME 2>/dev/null || true)
        if printf '%s' "$text" | grep -Eq -- "$1"; then return 0; fi
      fi
      sleep 0.1
    done
    fail "the bar never said /$1/ (it says: ${text#*= }); Fion's log: $fion_log"
  }
  shot() {
    local file
    step=$((step + 1))
    file=$(printf '%s/%02d-%s.png' "$tour_dir" "$step" "$1")
    sleep 0.4 # let the clients draw
    xwd -root -silent | convert xwd:- "$file"
    printf '%s  %s\n' "${file##*/}" "$2" >>"$tour_dir/tour.txt"
    say "  ${file##*/}: $2"
  }
  client() {
    "$@" >/dev/null 2>&1 </dev/null &
    pids+=("$!")
  }
  key() { xdotool key --clearmodifiers "$1"; }

  bar_says '"\[1\] \| tile 1/1 \| tab 0/0'
  shot start "an empty workspace: the bar on top, one empty tile"

  key super+Return
  bar_says 'tile 1/1 \| tab 1/1'
  shot terminal "super+Return opened a terminal in the tile"

  key super+shift+v
  bar_says 'tile 2/2 \| tab 0/0'
  shot split-vertical "super+shift+v split the tile: a new empty tile on the right, focused"

  client xmessage -name fion-tour -center "Fion: this xmessage went into the focused tile, on the right."
  bar_says 'tile 2/2 \| tab 1/1'
  shot xmessage "a new window (xmessage) fills the focused tile"

  key super+shift+h
  bar_says 'tile 3/3 \| tab 0/0'
  shot split-horizontal "super+shift+h split the right tile: a new empty tile below, focused"

  client xterm -T "third window" -bg '#1d3557' -fg white -e sh -c 'echo "The third window, in the bottom right tile."; exec sleep 600'
  bar_says 'tile 3/3 \| tab 1/1'
  shot third-window "a third window (xterm) fills the bottom right tile"

  client xterm -T "fourth window" -bg '#2a4d14' -fg white -e sh -c 'echo "A fourth window: a second tab in the same tile."; exec sleep 600'
  bar_says 'tile 3/3 \| tab 2/2'
  shot second-tab "a fourth window opens as a second tab in that tile"

  key super+shift+t
  bar_says 'tile 3/3 \| tab 1/2'
  shot tab-next "super+shift+t shows the tile's next tab: the third window again"

  key super+shift+n
  bar_says 'tile 1/3 \| tab 1/1'
  shot tile-next "super+shift+n moves the focus to the next tile: the terminal on the left"

  key super+shift+a
  bar_says '"1 \[2\] \| tile 1/1 \| tab 0/0'
  shot workspace-create "super+shift+a creates workspace 2 and shows it, empty; workspace 1's windows are hidden"

  key super+1
  bar_says '"\[1\] 2 \| tile 1/3'
  shot workspace-1 "super+1 goes back to workspace 1, as it was"

  kill -0 "$fion_pid" 2>/dev/null || fail "Fion died during the tour; its log: $fion_log"
  say "done: $step screenshots in $tour_dir (captions in tour.txt, Fion's log in fion.log)"
}

if [ "$mode" = auto ] && has_display; then
  nested
else
  [ "$mode" = tour ] || say "no X display answers here (\$DISPLAY=${DISPLAY:-unset}): touring on Xvfb instead"
  tour
fi
