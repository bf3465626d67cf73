#!/usr/bin/env bash
# Builds fion_<version>_<arch>.deb (npm run package:deb) from this checkout with dpkg-deb,
# for this machine's architecture (dpkg --print-architecture):
#
#   scripts/package-deb.sh            # writes ./fion_<version>_<arch>.deb
#   scripts/package-deb.sh -o DIR     # writes DIR/fion_<version>_<arch>.deb
#
# What goes where (packaging/README.md says why):
#   /usr/lib/fion/{bin/fion,dist/fion*.cjs,config/fion.yaml}   the supervisor, the bundle
#                                  (npm run bundle: fion.cjs and its chunks), the shipped defaults
#   /usr/lib/fion/dist/freetype2.node   FreeType for anti-aliased text: the prebuild of
#                                  @julusian/freetype2 for this architecture
#   /usr/share/lintian/overrides/fion   FreeType is compiled into that module
#   /usr/bin/fion -> ../lib/fion/bin/fion
#   /etc/xdg/fion/config.yaml      the shipped config again, a conffile for the administrator
#   /usr/share/xsessions/fion.desktop, man pages, bash/zsh/fish completions
#   /usr/share/doc/fion/{copyright,README.md.gz,changelog.Debian.gz}
# Needs node and npm (npm ci is run when node_modules is missing), dpkg-deb, dpkg-shlibdeps
# (dpkg-dev) and gzip.
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
arch=$(dpkg --print-architecture)
deb="$out/fion_${version}_${arch}.deb"
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
# The native FreeType module, as the package's own loader picks it for this machine (one
# prebuild, not every platform's); the bundle loads it from beside itself at run time.
# @julusian/freetype2 has Linux prebuilds for these three.
ft=node_modules/@julusian/freetype2
case "$arch:$(node -p process.arch)" in
  amd64:x64|arm64:arm64|armhf:arm) ;;
  *) echo "package-deb.sh: no FreeType prebuild for dpkg's $arch with node's $(node -p process.arch) (amd64, arm64, armhf)" >&2; exit 1 ;;
esac
prebuild=$(node -p "require('pkg-prebuilds/bindings').resolve(require('path').resolve('$ft'), require('./$ft/binding-options.js'), false, true)")
put 0755 "$stage/fion" usr/lib/fion/bin/fion
for f in dist/fion.cjs dist/fion-*.cjs; do put 0644 "$f" "usr/lib/fion/$f"; done
put 0644 "$prebuild" usr/lib/fion/dist/freetype2.node
# lintian flags FreeType compiled into the module; packaging/README.md says why it is kept.
mkdir -p "$root/usr/share/lintian/overrides"
echo 'fion: embedded-library freetype [usr/lib/fion/dist/freetype2.node]' >"$root/usr/share/lintian/overrides/fion"
chmod 0644 "$root/usr/share/lintian/overrides/fion"
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
  echo "/usr/lib/fion/dist/fion*.cjs also hold code of the packages below, each under its"
  echo "own licence, given in full:"
  echo
  sed 's/^/    /; s/^ *$//' dist/fion-licenses.txt
  echo
  echo "/usr/lib/fion/dist/freetype2.node is the prebuilt module of"
  echo "@julusian/freetype2 $(node -p "require('./$ft/package.json').version") (MIT licence, below), with the FreeType 2"
  echo "font engine compiled in. FreeType is distributed under the FreeType License"
  echo "(FTL) or the GNU General Public License version 2 or later, at the user's choice;"
  echo "Fion uses it under the FTL (given in full below). The GPL version 2 is in"
  echo "/usr/share/common-licenses/GPL-2. FreeType's own licence notice follows,"
  echo "then the FTL, then the licence of @julusian/freetype2."
  echo
  echo "This software is based in part on the work of the FreeType Team."
  echo
  sed 's/^/    /; s/^ *$//' "$ft/vendor/freetype/LICENSE.TXT"
  echo
  sed 's/^/    /; s/^ *$//' packaging/freetype-FTL.txt
  echo
  echo "@julusian/freetype2:"
  echo
  sed 's/^/    /; s/^ *$//' "$ft/LICENSE"
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
# The libraries the native module links (libc, libstdc++), as dpkg-shlibdeps names them; it
# wants a debian/control to exist, which this package has no other use for.
mkdir -p "$stage/src/debian"
printf 'Source: fion\n\nPackage: fion\nArchitecture: any\n' >"$stage/src/debian/control"
shlibs=$(cd "$stage/src" && dpkg-shlibdeps -O "$root/usr/lib/fion/dist/freetype2.node" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$shlibs" ] || { echo "package-deb.sh: dpkg-shlibdeps found no libraries for freetype2.node" >&2; exit 1; }
echo /etc/xdg/fion/config.yaml >"$root/DEBIAN/conffiles"
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z | xargs -0 md5sum) >"$root/DEBIAN/md5sums"
cat >"$root/DEBIAN/control" <<EOF
Package: fion
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: nodejs (>= 20.19), $shlibs
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
