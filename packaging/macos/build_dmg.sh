#!/usr/bin/env bash
# macOS recipe: SearchApp.app and a drag-to-Applications .dmg (not built in this repository's CI).
# Run on macOS 12+ with Python 3.11 from python.org or Homebrew, from the repo root:
#   python3.11 -m venv .venv && .venv/bin/pip install -e '.[package]'
#   packaging/macos/build_dmg.sh            -> dist/SearchApp.app, dist/SearchApp-<version>-macos-<arch>.dmg
# Optional signing and notarisation (needs an Apple Developer ID):
#   SEARCHAPP_CODESIGN_IDENTITY="Developer ID Application: ..." packaging/macos/build_dmg.sh
#   xcrun notarytool submit dist/SearchApp-*.dmg --keychain-profile <profile> --wait
#   xcrun stapler staple dist/SearchApp-*.dmg
# The spec's macOS branch builds a windowed EXE, wraps it with BUNDLE (bundle id io.github.searchapp.SearchApp,
# icon resources/icons/searchapp.icns, NSHighResolutionCapable) and signs with SEARCHAPP_CODESIGN_IDENTITY.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "$(uname -s)" = Darwin ] || { echo "build_dmg.sh runs on macOS only" >&2; exit 1; }
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' searchapp/__init__.py)
ARCH=$(uname -m)
rm -rf dist/SearchApp dist/SearchApp.app build/pyinstaller
.venv/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/searchapp.spec

# The self-test of the bundle, as on Linux.
QT_QPA_PLATFORM=offscreen dist/SearchApp.app/Contents/MacOS/SearchApp --self-test

STAGE=build/dmg
rm -rf "$STAGE" && mkdir -p "$STAGE"
cp -R dist/SearchApp.app "$STAGE/"
ln -s /Applications "$STAGE/Applications"
DMG="dist/SearchApp-$VERSION-macos-$ARCH.dmg"
rm -f "$DMG"
hdiutil create -volname "SearchApp $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"
if [ -n "${SEARCHAPP_CODESIGN_IDENTITY:-}" ]; then
  codesign --sign "$SEARCHAPP_CODESIGN_IDENTITY" --timestamp "$DMG"
fi
echo "built $DMG"
