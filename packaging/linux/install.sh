#!/bin/sh
# Install Ombud Desktop for this user only (no root): run it from the unpacked folder.
#
#   ./install.sh              copy to ~/.local/opt/ombud-desktop, add the menu entry, the icon,
#                             the .ombx file type, and ombud / ombud-desktop in ~/.local/bin
#   ./install.sh --uninstall  remove all of that again (workspaces and keys are kept)
set -eu
HERE="$(cd "$(dirname "$0")" && pwd)"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
PREFIX="$HOME/.local/opt/ombud-desktop"
BIN="$HOME/.local/bin"

refresh() {
    command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$DATA/mime" || true
    command -v update-desktop-database >/dev/null 2>&1 \
        && update-desktop-database "$DATA/applications" || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 \
        && gtk-update-icon-cache -q -t "$DATA/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$PREFIX"
    rm -f "$BIN/ombud" "$BIN/ombud-desktop" "$DATA/applications/ombud-desktop.desktop" \
          "$DATA/mime/packages/ombud-desktop.xml"
    for png in "$DATA"/icons/hicolor/*/apps/ombud-desktop.png; do rm -f "$png"; done
    refresh
    echo "Ombud Desktop removed. Workspaces and keys in $DATA/ombud-desktop are kept."
    exit 0
fi

if [ "$HERE" != "$PREFIX" ]; then
    rm -rf "$PREFIX.new"
    mkdir -p "$(dirname "$PREFIX")"
    cp -a "$HERE" "$PREFIX.new"
    rm -rf "$PREFIX"
    mv "$PREFIX.new" "$PREFIX"
fi
mkdir -p "$BIN" "$DATA/applications" "$DATA/mime/packages"
ln -sf "$PREFIX/ombud-desktop" "$BIN/ombud-desktop"
ln -sf "$PREFIX/ombud" "$BIN/ombud"
sed "s|^Exec=ombud-desktop|Exec=\"$PREFIX/ombud-desktop\"|" \
    "$PREFIX/share/applications/ombud-desktop.desktop" > "$DATA/applications/ombud-desktop.desktop"
cp "$PREFIX/share/mime/packages/ombud-desktop.xml" "$DATA/mime/packages/ombud-desktop.xml"
for dir in "$PREFIX"/share/icons/hicolor/*/apps; do
    size="$(basename "$(dirname "$dir")")"
    mkdir -p "$DATA/icons/hicolor/$size/apps"
    cp "$dir/ombud-desktop.png" "$DATA/icons/hicolor/$size/apps/ombud-desktop.png"
done
refresh
echo "Ombud Desktop installed in $PREFIX; start it from the menu or with: ombud-desktop"
