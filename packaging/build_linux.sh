#!/usr/bin/env bash
# Build the Linux bundle: dist/ombud-desktop-VERSION-linux-x86_64.tar.gz
#
#   packaging/build_linux.sh            build (trimmed), then print the sizes
#   OMBUD_NO_TRIM=1 packaging/build_linux.sh   keep everything PyInstaller collects
#
# Uses its own virtual environment (build/bundle-venv, made on first use) holding the project
# installed as a wheel would be (not editable) and PyInstaller, so the bundle never sees the
# checkout or the developer's .venv. Steps: icons (packaging/make_icons.py), the .qm
# translations (pyside6-lrelease), PyInstaller (packaging/ombud-desktop.spec), then the
# .desktop file, the .ombx MIME type, the hicolor icons and install.sh go in, and the folder is
# packed. Test it with packaging/smoke_test.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BUILD="$ROOT/build"
VENV="$BUILD/bundle-venv"
PY="$VENV/bin/python"
PYINSTALLER_VERSION="${PYINSTALLER_VERSION:-6.22.3}"
started=$(date +%s)

step() { printf '\n==> %s\n' "$*"; }

step "Build venv ($VENV)"
LOG="$BUILD/bundle-pip.log"
mkdir -p "$BUILD"
pip_install() {
    if ! "$PY" -m pip install --disable-pip-version-check "$@" >>"$LOG" 2>&1; then
        tail -n 30 "$LOG" >&2
        echo "pip install $* failed; the whole log is in $LOG" >&2
        exit 1
    fi
}
: >"$LOG"
if [[ ! -x "$VENV/bin/pyinstaller" ]]; then
    python3 -m venv "$VENV"
    pip_install --upgrade pip
    pip_install "pyinstaller==$PYINSTALLER_VERSION"
fi
# Re-install the project every time (not editable): the bundle takes what a wheel carries.
pip_install --force-reinstall --no-deps "$ROOT"
pip_install "$ROOT"
VERSION="$("$PY" -c 'from importlib.metadata import version; print(version("ombud-desktop"))')"
NAME="ombud-desktop-$VERSION-linux-$(uname -m)"

step "Icons"
rm -rf "$BUILD/icons" "$BUILD/qm"
QT_QPA_PLATFORM=offscreen "$PY" packaging/make_icons.py "$BUILD/icons"

step "Translations (.ts -> .qm, named by the source's hash as ombud_desktop/ui/i18n.py expects)"
"$PY" packaging/compile_translations.py "$BUILD/qm"

step "PyInstaller"
rm -rf "$BUILD/pyinstaller" "$ROOT/dist/ombud-desktop"
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --workpath "$BUILD/pyinstaller" --distpath "$ROOT/dist" packaging/ombud-desktop.spec
APP="$ROOT/dist/ombud-desktop"
# Links PyInstaller made to libraries the trimming removed point nowhere: drop them.
find "$APP" -xtype l -delete

step "Desktop integration files"
mkdir -p "$APP/share/applications" "$APP/share/mime/packages"
cp packaging/linux/ombud-desktop.desktop "$APP/share/applications/"
cp packaging/linux/ombud-desktop-mime.xml "$APP/share/mime/packages/ombud-desktop.xml"
for png in "$BUILD"/icons/png/ombud-desktop-*.png; do
    size="${png##*-}"; size="${size%.png}"
    mkdir -p "$APP/share/icons/hicolor/${size}x${size}/apps"
    cp "$png" "$APP/share/icons/hicolor/${size}x${size}/apps/ombud-desktop.png"
done
cp packaging/linux/install.sh "$APP/install.sh"
printf '%s\n' "$VERSION" > "$APP/VERSION"

step "Archive"
rm -rf "$ROOT/dist/$NAME" "$ROOT/dist/$NAME.tar.gz"
mv "$APP" "$ROOT/dist/$NAME"
tar -C "$ROOT/dist" -czf "$ROOT/dist/$NAME.tar.gz" "$NAME"
ln -sfn "$NAME" "$APP"  # dist/ombud-desktop: the smoke test's default

step "Sizes"
echo "folder:  $(du -sh "$ROOT/dist/$NAME" | cut -f1)  ($(du -sb "$ROOT/dist/$NAME" | cut -f1) bytes)"
echo "tar.gz:  $(du -h "$ROOT/dist/$NAME.tar.gz" | cut -f1)  ($(stat -c %s "$ROOT/dist/$NAME.tar.gz") bytes)"
echo "largest parts:"
du -s "$ROOT/dist/$NAME"/_internal/* 2>/dev/null | sort -rn | head -12 \
    | awk '{ printf "  %6.1f MB  %s\n", $1/1024, $2 }' | sed "s|$ROOT/dist/$NAME/||"
echo "build time: $(( $(date +%s) - started )) s"
echo "bundle: dist/$NAME.tar.gz  (check it with packaging/smoke_test.sh dist/$NAME)"
