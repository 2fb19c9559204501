#!/usr/bin/env bash
# Build dist/searchapp_<version>_amd64.deb from the PyInstaller folder dist/SearchApp (make deb).
#   /opt/searchapp/            the frozen app (dist/SearchApp)
#   /usr/bin/searchapp         symlink to /opt/searchapp/searchapp (the bootloader finds _internal via /proc/self/exe)
#   /usr/share/applications/   desktop entry      /usr/share/metainfo/   AppStream metadata
#   /usr/share/icons/hicolor/  PNG 16..512 and the SVG
# No maintainer scripts: the desktop-file-utils and hicolor-icon-theme dpkg triggers refresh the menu and
# icon caches on install and removal, and dpkg removes every file it installed.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=${1:?usage: build_deb.sh VERSION}
APP_ID=io.github.searchapp.SearchApp
SRC=dist/SearchApp
OUT=dist/searchapp_${VERSION}_amd64.deb
[ -x "$SRC/searchapp" ] || { echo "build_deb: $SRC/searchapp missing; run make dist first" >&2; exit 1; }
command -v dpkg-deb >/dev/null || { echo "build_deb: dpkg-deb not found (Debian/Ubuntu: apt-get install dpkg)" >&2; exit 1; }

ROOT=build/deb/root
rm -rf build/deb && mkdir -p "$ROOT/DEBIAN" "$ROOT/opt" "$ROOT/usr/bin" "$ROOT/usr/share/applications" \
  "$ROOT/usr/share/metainfo" "$ROOT/usr/share/doc/searchapp"
cp -a "$SRC" "$ROOT/opt/searchapp"
ln -s /opt/searchapp/searchapp "$ROOT/usr/bin/searchapp"
install -m 0644 packaging/linux/$APP_ID.desktop "$ROOT/usr/share/applications/$APP_ID.desktop"
install -m 0644 packaging/linux/$APP_ID.metainfo.xml "$ROOT/usr/share/metainfo/$APP_ID.metainfo.xml"
for size in 16 24 32 48 64 128 256 512; do
  install -D -m 0644 searchapp/resources/icons/searchapp-$size.png \
    "$ROOT/usr/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
install -D -m 0644 searchapp/resources/icons/searchapp.svg "$ROOT/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"
cat > "$ROOT/usr/share/doc/searchapp/copyright" <<COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: SearchApp
License: MIT
Comment: /opt/searchapp bundles Python, Qt for Python (PySide6, LGPL-3.0) and the Python packages listed
 in the project's pyproject.toml under their own licenses; see /opt/searchapp/_internal/*.dist-info.
COPYRIGHT
chmod -R u+rwX,go+rX,go-w "$ROOT"

INSTALLED_KB=$(du -sk --exclude=DEBIAN "$ROOT" | cut -f1)
# Libraries the bundle loads from the system: glibc, libxcb and GL/EGL (never bundled), and what Qt's
# xcb and wayland platform plugins need beyond the bundled libraries.
cat > "$ROOT/DEBIAN/control" <<CONTROL
Package: searchapp
Version: $VERSION
Architecture: amd64
Maintainer: SearchApp developers <searchapp@users.noreply.github.com>
Installed-Size: $INSTALLED_KB
Depends: libc6 (>= 2.28), libxcb1, libgl1, libegl1, libxcb-icccm4, libxcb-keysyms1, libwayland-client0, libwayland-cursor0, libwayland-egl1
Section: utils
Priority: optional
Homepage: https://github.com/searchapp/searchapp
Description: desktop search for news archives
 SearchApp indexes folders of news articles (HTML, text, JSON) on your own
 computer and searches them by words, by who is quoted, by the people and
 organisations mentioned, by outlet and by date.
 .
 This package holds a self-contained build in /opt/searchapp. The search
 index and settings live in the user's home folder and are kept when the
 package is removed.
CONTROL
mkdir -p dist
# xz at level 6 with dpkg's threads: about half the size of gzip for the same time on 2 cores.
dpkg-deb --root-owner-group -Zxz -z6 --build "$ROOT" "$OUT" >/dev/null
rm -rf build/deb
echo "built $OUT ($(du -h "$OUT" | cut -f1), installed size $((INSTALLED_KB / 1024)) MB)"
