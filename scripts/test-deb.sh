#!/usr/bin/env bash
# The install test of the Debian package, as root on Debian (.ci/run runs it after the tests):
# builds the .deb (scripts/package-deb.sh), lints it, installs it into the system, checks
# what a user would (fion in PATH, man pages, the session file, the installed Fion managing
# an xterm on an Xvfb of its own with the system config read, drawing anti-aliased text with
# the FreeType the package carries), then removes it with an
# edited conffile (kept by dpkg -r) and purges it (nothing left). Any failed step stops the
# test with "test-deb.sh: FAIL: ..." and exit status 1.
#
# It installs into system paths: it refuses to run when a package named fion is installed
# already, and whatever happens it purges the package and stops what it started.
#
# Dependencies: the package depends on nodejs (>= 20.19). When dpkg knows such a nodejs
# (Debian 13, NodeSource's package), dpkg -i installs the package as a user would. When
# Node comes from elsewhere (nvm, a tarball: dpkg knows no nodejs, or an old one), the
# dependency cannot be met by dpkg although a good node is in PATH; the test then installs
# with --force-depends: what it checks is the package's own files, which run on that node.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "test-deb.sh: $*"; }
fail() { echo "test-deb.sh: FAIL: $*" >&2; exit 1; }
trap 'echo "test-deb.sh: FAIL: line $LINENO: $BASH_COMMAND (exit $?)" >&2' ERR

[ "$(id -u)" -eq 0 ] || fail "must run as root (it installs a package)"
command -v dpkg >/dev/null || fail "not a Debian system (no dpkg)"
for t in dpkg-deb Xvfb xterm xprop desktop-file-validate man lintian; do
  command -v "$t" >/dev/null || fail "$t is missing: run scripts/setup-debian.sh"
done
status() { dpkg-query -W -f='${Status}' fion 2>/dev/null || true; }
case "$(status)" in ''|*not-installed) ;; *) fail "a fion package is installed already ($(status)); not touching it" ;; esac

work=$(mktemp -d "${TMPDIR:-/tmp}/fion-test-deb.XXXXXX")
pids=()
cleanup() {
  local code=$?
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  case "$(status)" in ''|*not-installed) ;; *) say "cleaning up: dpkg --purge fion"; dpkg --purge fion >/dev/null 2>&1 || true ;; esac
  rm -rf "$work"
  exit "$code"
}
trap cleanup EXIT

# ---- build and lint ----
say "building the package"
# A fresh clone in CI has no git user: the changelog's maintainer is then this test.
DEBFULLNAME=${DEBFULLNAME:-$(git config user.name || echo 'Fion install test')} \
DEBEMAIL=${DEBEMAIL:-$(git config user.email || echo 'test-deb@fion.test')} \
  scripts/package-deb.sh -o "$work" >/dev/null
deb=$(echo "$work"/fion_*_"$(dpkg --print-architecture)".deb)
[ -f "$deb" ] || fail "no package was built"
say "built ${deb##*/}"
# Every file and link the package holds; none may be left after the purge.
mapfile -t files < <(dpkg-deb -c "$deb" | awk '$1 !~ /^d/ { p = $6; sub(/^\./, "", p); print p }')
[ "${#files[@]}" -gt 10 ] || fail "the package holds only ${#files[@]} files"
lintian --fail-on error "$deb" >"$work/lintian.txt" 2>&1 || { cat "$work/lintian.txt" >&2; fail "lintian reports errors"; }
say "lintian: no errors, $(grep -c '^W:' "$work/lintian.txt" || true) warning(s) (packaging/README.md says which are kept)"

# ---- install ----
node_from_dpkg=$(dpkg-query -W -f='${Version}' nodejs 2>/dev/null || true)
if [ -n "$node_from_dpkg" ] && dpkg --compare-versions "${node_from_dpkg#*:}" ge 20.19; then
  say "dpkg -i (nodejs $node_from_dpkg)"
  dpkg -i "$deb" >"$work/dpkg.txt" 2>&1 || { cat "$work/dpkg.txt" >&2; fail "dpkg -i failed"; }
else
  say "dpkg -i --force-depends (dpkg's nodejs is '${node_from_dpkg:-none}'; node in PATH: $(node --version 2>/dev/null || echo none))"
  dpkg -i --force-depends "$deb" >"$work/dpkg.txt" 2>&1 || { cat "$work/dpkg.txt" >&2; fail "dpkg -i --force-depends failed"; }
fi
[ "$(status)" = "install ok installed" ] || fail "after dpkg -i the package is '$(status)'"

# ---- what a user sees ----
version=$(dpkg-deb -f "$deb" Version)
[ "$(command -v fion)" = /usr/bin/fion ] || fail "fion in PATH is '$(command -v fion || true)', not /usr/bin/fion"
got=$(fion --version) || fail "fion --version failed"
[ "$got" = "${version%-*}" ] || fail "fion --version says '$got', the package is $version"
[ "$(man -w fion)" = /usr/share/man/man1/fion.1.gz ] || fail "man -w fion: $(man -w fion 2>&1)"
[ "$(man -w fion-msg)" = /usr/share/man/man1/fion-msg.1.gz ] || fail "man -w fion-msg: $(man -w fion-msg 2>&1)"
[ "$(man -w 5 fion)" = /usr/share/man/man5/fion.5.gz ] || fail "man -w 5 fion: $(man -w 5 fion 2>&1)"
desktop-file-validate /usr/share/xsessions/fion.desktop || fail "desktop-file-validate /usr/share/xsessions/fion.desktop"
fion check-config /etc/xdg/fion/config.yaml >/dev/null || fail "fion check-config /etc/xdg/fion/config.yaml"
[ -z "$(find /usr/lib/fion -name node_modules -o -name '*.ts')" ] || fail "/usr/lib/fion holds node_modules or TypeScript"
[ "$(find /usr/lib/fion -name '*.node')" = /usr/lib/fion/dist/freetype2.node ] || fail "native modules in /usr/lib/fion: $(find /usr/lib/fion -name '*.node')"
say "fion $got in PATH, man pages, session file and system config are fine"

# ---- the installed Fion manages a window ----
home="$work/home"
mkdir -p "$home"
run() { env -i PATH=/usr/bin:/bin HOME="$home" DISPLAY="$display" "$@"; }
# -displayfd: the server picks a free display and writes its number.
Xvfb -displayfd 5 -screen 0 1024x768x24 -nolisten tcp 5>"$work/display" >"$work/xvfb.log" 2>&1 &
pids+=($!)
for _ in $(seq 150); do grep -q . "$work/display" && break; sleep 0.2; done
grep -q . "$work/display" || fail "Xvfb did not start: $(cat "$work/xvfb.log")"
display=":$(head -1 "$work/display")"
run /usr/bin/fion >"$work/fion.log" 2>&1 &
fion_pid=$!
pids+=("$fion_pid")
wait_for() { # SECONDS WHAT COMMAND...: poll COMMAND until it succeeds
  local until=$((SECONDS + $1)) what=$2; shift 2
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$until" ] || { echo "--- fion's log:" >&2; cat "$work/fion.log" >&2; fail "$what"; }
    sleep 0.2
  done
}
wm_ready() { run xprop -root _NET_SUPPORTING_WM_CHECK | grep -q 'window id'; }
wait_for 60 "the installed Fion did not start on $display" wm_ready
run xterm -title fion-test-deb >"$work/xterm.log" 2>&1 &
pids+=($!)
managed() {
  local w
  for w in $(run xprop -root _NET_CLIENT_LIST | grep -o '0x[0-9a-f]*'); do
    run xprop -id "$w" WM_CLASS WM_STATE | grep -q '"XTerm"' && run xprop -id "$w" WM_STATE | grep -q 'Normal' && return 0
  done
  return 1
}
wait_for 60 "the xterm was not managed (not in _NET_CLIENT_LIST with WM_STATE Normal)" managed
run fion msg -t version | grep -q "\"version\": \"${version%-*}\"" || fail "fion msg -t version"
grep -q 'config /etc/xdg/fion/config.yaml' "$work/fion.log" || { cat "$work/fion.log" >&2; fail "Fion did not read /etc/xdg/fion/config.yaml"; }
# Which text renderer it uses, as its log says: FreeType from the package, not core fonts.
grep -q 'text renderer: anti-aliased, FreeType from /usr/lib/fion/dist/freetype2.node' "$work/fion.log" \
  || { cat "$work/fion.log" >&2; fail "the installed Fion does not draw anti-aliased text with the FreeType it carries"; }
say "the installed Fion manages an xterm on $display, read the system config and draws anti-aliased text"
kill "$fion_pid"
wait "$fion_pid" 2>/dev/null || true

# ---- remove: an edited conffile stays ----
echo '# edited by scripts/test-deb.sh' >>/etc/xdg/fion/config.yaml
dpkg -r fion >"$work/dpkg.txt" 2>&1 || { cat "$work/dpkg.txt" >&2; fail "dpkg -r fion failed"; }
[ "$(status)" = "deinstall ok config-files" ] || fail "after dpkg -r the package is '$(status)'"
grep -q '^# edited by scripts/test-deb.sh$' /etc/xdg/fion/config.yaml 2>/dev/null \
  || fail "dpkg -r did not keep the edited /etc/xdg/fion/config.yaml"
for f in "${files[@]}"; do
  [ "$f" = /etc/xdg/fion/config.yaml ] && continue
  [ ! -e "$f" ] && [ ! -L "$f" ] || fail "dpkg -r left $f"
done
say "dpkg -r removed the package and kept the edited /etc/xdg/fion/config.yaml"

# ---- purge: nothing left ----
dpkg --purge fion >"$work/dpkg.txt" 2>&1 || { cat "$work/dpkg.txt" >&2; fail "dpkg --purge fion failed"; }
case "$(status)" in ''|*not-installed) ;; *) fail "after dpkg --purge the package is '$(status)'" ;; esac
for f in "${files[@]}" /usr/lib/fion /etc/xdg/fion /usr/share/doc/fion; do
  [ ! -e "$f" ] && [ ! -L "$f" ] || fail "dpkg --purge left $f"
done
say "dpkg --purge left nothing; ok"
