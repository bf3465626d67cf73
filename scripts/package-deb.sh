#!/usr/bin/env bash
# Builds fion_<version>_all.deb (npm run package:deb) from this checkout with dpkg-deb:
#
#   scripts/package-deb.sh            # writes ./fion_<version>_all.deb
#   scripts/package-deb.sh -o DIR     # writes DIR/fion_<version>_all.deb
#
# What goes where (packaging/README.md says why):
#   /usr/lib/fion/{bin/fion,dist/fion*.mjs,config/fion.yaml}   the supervisor, the bundle
#                                  (npm run bundle: fion.mjs and its chunks), the shipped defaults
#   /usr/bin/fion -> ../lib/fion/bin/fion
#   /etc/xdg/fion/config.yaml      the shipped config again, a conffile for the administrator
#   /usr/share/xsessions/fion.desktop, man pages, bash/zsh/fish completions
#   /usr/share/doc/fion/{copyright,README.md.gz,changelog.Debian.gz}
# Needs node and npm (npm ci is run when node_modules is missing), dpkg-deb and gzip.
set -euo pipefail
cd "$(dirname "$0")/.."

out=.
while [ $# -gt 0 ]; do
  case "$1" in
    -o) out=${2:?-o needs a directory}; shift 2 ;;
    -h|--help) sed -n '2,15s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "package-deb.sh: unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
done

upstream=$(node -p 'require("./package.json").version')
# Debian revision 1: Fion's own releases are npm's; the .deb packages one of them.
version="$upstream-${DEB_REVISION:-1}"
deb="$out/fion_${version}_all.deb"
# Reproducible: every date in the package is the last commit's.
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
export SOURCE_DATE_EPOCH

[ -d node_modules/esbuild ] || npm ci --no-audit --no-fund --loglevel=error
npm run --silent bundle >/dev/null

stage=$(mktemp -d "${TMPDIR:-/tmp}/fion-deb.XXXXXX")
trap 'rm -rf "$stage"' EXIT
root="$stage/root"

# install MODE SRC DEST: a file with its folders (0755 folders: a umask of 077 must not leak in).
put() { install -D -m "$1" "$2" "$root/$3"; }
gz() { mkdir -p "$(dirname "$root/$2")"; gzip -9nc "$1" >"$root/$2"; chmod 0644 "$root/$2"; }

# bin/fion without its JavaScript tail: that part serves `node bin/fion` in a checkout, and
# what is left is a plain sh script (which lintian and `sh -n` can check).
sed -e "2{/^':' \/\*\$/d;}" -e '/^\*\/$/,$d' bin/fion >"$stage/fion"
sh -n "$stage/fion"
put 0755 "$stage/fion" usr/lib/fion/bin/fion
for f in dist/fion.mjs dist/fion-*.mjs; do put 0644 "$f" "usr/lib/fion/$f"; done
put 0644 config/fion.yaml usr/lib/fion/config/fion.yaml
mkdir -p "$root/usr/bin"
ln -s ../lib/fion/bin/fion "$root/usr/bin/fion"
put 0644 config/fion.yaml etc/xdg/fion/config.yaml
put 0644 fion.desktop usr/share/xsessions/fion.desktop
gz man/fion.1 usr/share/man/man1/fion.1.gz
gz man/fion-msg.1 usr/share/man/man1/fion-msg.1.gz
gz man/fion.5 usr/share/man/man5/fion.5.gz
put 0644 completions/fion.bash usr/share/bash-completion/completions/fion
put 0644 completions/_fion usr/share/zsh/vendor-completions/_fion
put 0644 completions/fion.fish usr/share/fish/vendor_completions.d/fion.fish
gz README.md usr/share/doc/fion/README.md.gz
{
  echo "Fion: a modal tiling window manager for X11."
  echo
  echo "Fion is under the MIT licence:"
  echo
  sed 's/^/    /; s/^ *$//' LICENSE
  echo
  echo "/usr/lib/fion/dist/fion*.mjs also hold code of the packages below, each under its"
  echo "own licence, given in full:"
  echo
  sed 's/^/    /; s/^ *$//' dist/fion-licenses.txt
} >"$stage/copyright"
put 0644 "$stage/copyright" usr/share/doc/fion/copyright
date_rfc=$(date -u -R -d "@$SOURCE_DATE_EPOCH")
# Whoever builds the package maintains it, as dch has it: $DEBFULLNAME <$DEBEMAIL>, else git's user.
name=${DEBFULLNAME:-$(git config user.name 2>/dev/null || true)}
email=${DEBEMAIL:-$(git config user.email 2>/dev/null || true)}
[ -n "$name" ] && [ -n "$email" ] \
  || { echo 'package-deb.sh: who maintains the package? set DEBFULLNAME and DEBEMAIL (or git config user.name/user.email)' >&2; exit 1; }
maintainer="$name <$email>"
printf 'fion (%s) unstable; urgency=medium\n\n  * Fion %s, packaged from its repository (scripts/package-deb.sh).\n\n -- %s  %s\n' \
  "$version" "$upstream" "$maintainer" "$date_rfc" >"$stage/changelog"
gz "$stage/changelog" usr/share/doc/fion/changelog.Debian.gz

mkdir -p "$root/DEBIAN"
echo /etc/xdg/fion/config.yaml >"$root/DEBIAN/conffiles"
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z | xargs -0 md5sum) >"$root/DEBIAN/md5sums"
cat >"$root/DEBIAN/control" <<EOF
Package: fion
Version: $version
Architecture: all
Maintainer: $maintainer
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: nodejs (>= 20.19)
Recommends: x-terminal-emulator
Section: x11
Priority: optional
Description: modal tiling window manager for X11
 Fion arranges windows in tiles, tabs and workspaces, driven by the keyboard
 through modes, with a bar, window rules and a control socket (fion msg).
 It also speaks i3's IPC protocol, so i3-msg and i3ipc scripts work with it.
 Fion is written in TypeScript and runs on Node.js.
EOF
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/conffiles" "$root/DEBIAN/md5sums"
find "$root" -type d -exec chmod 0755 {} +
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

mkdir -p "$out"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "$deb"
