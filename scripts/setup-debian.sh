#!/usr/bin/env bash
# Installs what Fion's tests and scripts/try.sh need on Debian (12 or newer),
# then runs `npm ci`. Safe to run again: it installs only what is missing, and
# runs `apt-get update` only when it has something to install.
#
#   scripts/setup-debian.sh            # packages, then npm ci
#   scripts/setup-debian.sh --no-npm   # packages only
#
# Needs root for apt-get: run it as root, or as a user who may use sudo.
set -euo pipefail

NODE_MIN=20.19
# i3-wm, python3-i3ipc and polybar: i3's own i3-msg, i3ipc scripts and polybar's i3 module are run
# against Fion's i3 socket; i3-wm's /etc/i3/config imported by fion import-i3 runs
# i3-sensible-terminal and i3status.
# lintian and man-db: scripts/test-deb.sh lints the .deb and finds its pages with man -w;
# dpkg-dev: scripts/package-deb.sh names the native module's libraries with dpkg-shlibdeps.
# fontconfig, fonts-dejavu-core, fonts-wqy-microhei: the default anti-aliased font
# (monospace: DejaVu Sans Mono) and a CJK face fontconfig finds for characters it lacks
# (the smallest CJK package, 5 MB installed against fonts-noto-cjk's 90 MB).
PACKAGES=(
  xvfb xserver-xephyr xdotool xterm x11-apps x11-utils x11-xserver-utils
  x11-xkb-utils wmctrl desktop-file-utils xfonts-base imagemagick
  zenity tk lemonbar iproute2 groff-base zsh fish i3-wm python3-i3ipc
  lintian man-db dpkg-dev yad tk-tktray trayer i3status polybar fontconfig fonts-dejavu-core fonts-wqy-microhei
)

run_npm=1
for arg in "$@"; do
  case "$arg" in
    --no-npm) run_npm=0 ;;
    -h|--help) sed -n '2,9s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "setup-debian.sh: unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done

cd "$(dirname "$0")/.."

fail() { echo "setup-debian.sh: $*" >&2; exit 1; }

command -v dpkg-query >/dev/null && command -v apt-get >/dev/null \
  || fail "this script is for Debian and its derivatives (no dpkg-query/apt-get here)"

installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }

# Root, or sudo; nothing else can install packages. Checked before apt-get
# runs, so the message is not lost in apt-get's log.
sudo=()
need_root() {
  [ "$(id -u)" -eq 0 ] && return 0
  command -v sudo >/dev/null \
    || fail "must install packages ($1) but is not root and sudo is missing: run it as root"
  sudo=(sudo)
}

apt_log=$(mktemp "${TMPDIR:-/tmp}/fion-apt.XXXXXX")
trap 'rm -f "$apt_log"' EXIT

apt_quiet() {
  if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y \
      -o Dpkg::Use-Pty=0 -o APT::Color=0 "$@" >"$apt_log" 2>&1 </dev/null; then
    echo "setup-debian.sh: apt-get $* failed:" >&2
    tail -n 25 "$apt_log" >&2
    exit 1
  fi
}

updated=0
apt_update() {
  [ "$updated" -eq 1 ] && return 0
  need_root "$1"
  echo "setup-debian.sh: apt-get update"
  apt_quiet update
  updated=1
}

node_help() {
  cat >&2 <<EOF
setup-debian.sh: Fion needs Node.js >= $NODE_MIN (with npm); $1.
  Debian 12's own nodejs package is 18, which is too old. Ways to get Node 20:
  - NodeSource's apt repository (https://github.com/nodesource/distributions):
    add its node_20.x (or newer) source, then: apt-get install nodejs
  - Debian 13 (trixie) and newer ship nodejs 20.19 or newer: apt-get install nodejs npm
  - a version manager such as nvm, or a Node.js tarball from nodejs.org in your PATH
  Then run this script again.
EOF
  exit 1
}

# ---- Node.js ----
node_ok() {
  command -v node >/dev/null || return 1
  local v
  v=$(node --version 2>/dev/null) || return 1
  dpkg --compare-versions "${v#v}" ge "$NODE_MIN"
}

missing=()
if ! command -v node >/dev/null; then
  apt_update nodejs
  cand=$(apt-cache policy nodejs 2>/dev/null | sed -n 's/^ *Candidate: *//p')
  cand_version=${cand#*:}  # drop an epoch
  if [ -z "$cand" ] || [ "$cand" = "(none)" ]; then
    node_help "node is not installed and apt has no nodejs package"
  elif ! dpkg --compare-versions "$cand_version" ge "$NODE_MIN"; then
    node_help "node is not installed and apt's nodejs is $cand"
  fi
  echo "setup-debian.sh: installing nodejs $cand"
  apt_quiet install --no-install-recommends nodejs
  node_ok || node_help "installing nodejs gave $(node --version 2>/dev/null || echo 'no node')"
elif ! node_ok; then
  node_help "this node is $(node --version 2>/dev/null || echo 'broken') ($(command -v node))"
fi
# NodeSource's nodejs includes npm; Debian's nodejs needs the npm package.
command -v npm >/dev/null || missing+=(npm)

# ---- X tools ----
for p in "${PACKAGES[@]}"; do installed "$p" || missing+=("$p"); done
# A JDK with AWT for the Java test; any javac will do, so only when there is none.
command -v javac >/dev/null || missing+=(default-jdk)

if [ "${#missing[@]}" -gt 0 ]; then
  apt_update "${missing[*]}"
  echo "setup-debian.sh: installing ${missing[*]}"
  apt_quiet install --no-install-recommends "${missing[@]}"
  for p in "${missing[@]}"; do
    if [ "$p" = npm ]; then command -v npm >/dev/null || fail "npm is still missing after installing the npm package"
    else installed "$p" || fail "package $p is still not installed after apt-get install"
    fi
  done
fi

# ---- npm dependencies ----
if [ "$run_npm" -eq 1 ]; then
  echo "setup-debian.sh: npm ci"
  npm_log=$(mktemp "${TMPDIR:-/tmp}/fion-npm.XXXXXX")
  if ! npm ci --no-audit --no-fund --loglevel=error </dev/null >"$npm_log" 2>&1; then
    echo "setup-debian.sh: npm ci failed:" >&2
    tail -n 25 "$npm_log" >&2
    rm -f "$npm_log"
    exit 1
  fi
  rm -f "$npm_log"
fi

echo "setup-debian.sh: ready (node $(node --version))"
