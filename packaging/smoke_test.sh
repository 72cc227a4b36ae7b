#!/usr/bin/env bash
# Smoke test of a built bundle, offscreen, as a user with nothing installed would run it.
#
#   packaging/smoke_test.sh [BUNDLE_DIR]     (default dist/ombud-desktop, from build_linux.sh)
#
# Runs with an empty HOME, no virtualenv and no PYTHONPATH, so it sees only the bundle:
# ombud --version, ombud demo, ombud score, ombud report, the GUI starts (in Indonesian, from the shipped .qm)
# and quits (offscreen, and under Xvfb when it is installed), and, when the package commands
# exist, a key, an export, a verify and an import into a second workspace.
# Prints one line per check; exits non-zero on the first failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUNDLE="$(cd "${1:-$ROOT/dist/ombud-desktop}" && pwd -P)"
VERSION="$(cat "$BUNDLE/VERSION")"
SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT

# A clean user: nothing from the developer's environment reaches the bundle.
run() {
    env -i HOME="$SCRATCH/home" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
        XDG_RUNTIME_DIR="$SCRATCH/run" OMBUD_PASSPHRASE="smoke test passphrase" "$@"
}
mkdir -p "$SCRATCH/home" "$SCRATCH/run" && chmod 700 "$SCRATCH/run"
WS="$SCRATCH/ws"
OMBUD="$BUNDLE/ombud"
GUI="$BUNDLE/ombud-desktop"
passed=0
ok() { echo "ok   $*"; passed=$((passed + 1)); }
fail() { echo "FAIL $*" >&2; exit 1; }
skip() { echo "skip $*"; }

out="$(run "$OMBUD" --version)" || fail "ombud --version"
[[ "$out" == *"$VERSION"* ]] || fail "ombud --version says '$out', the bundle is $VERSION"
ok "ombud --version: $out"

out="$(run "$GUI" --version)" || fail "ombud-desktop --version"
[[ "$out" == *"$VERSION"* ]] || fail "ombud-desktop --version says '$out'"
ok "ombud-desktop --version: $out"

[[ -z "$(find "$BUNDLE" -name 'lrelease*' -o -name 'lupdate*' | head -1)" ]] \
    || fail "the bundle carries Qt's translation tools (trimming failed)"
ls "$BUNDLE"/_internal/ombud_desktop/resources/translations/ombud_id-*.qm >/dev/null \
    || fail "no compiled Indonesian translation in the bundle"
ok "compiled translation shipped, no lrelease/lupdate"

run "$OMBUD" --workspace "$WS" demo --entities 2 --seed 1 --quiet >"$SCRATCH/demo.txt" \
    || fail "ombud demo: $(cat "$SCRATCH/demo.txt")"
ok "ombud demo: $(cat "$SCRATCH/demo.txt")"

run "$OMBUD" --workspace "$WS" score --json >"$SCRATCH/score.json" || fail "ombud score"
grep -q '"entities"' "$SCRATCH/score.json" || fail "ombud score --json has no entities"
ok "ombud score --json"

# Reports, once the command exists: a PDF with the shipped font embedded (and the QR code,
# whose reportlab widgets PyInstaller cannot find alone); pdfium for the app's preview.
if run "$OMBUD" report --help >/dev/null 2>&1; then
    id="$(run "$OMBUD" --workspace "$WS" assessments list 2>/dev/null | awk 'NR == 1 {print $1}')"
    run "$OMBUD" --workspace "$WS" report locus "$id" -o "$SCRATCH/summary.pdf" \
        >"$SCRATCH/report.txt" 2>&1 || fail "ombud report locus: $(cat "$SCRATCH/report.txt")"
    head -c 5 "$SCRATCH/summary.pdf" | grep -q "%PDF-" || fail "ombud report wrote no PDF"
    grep -aq "DejaVuSans" "$SCRATCH/summary.pdf" || fail "the report's font is not embedded"
    ls "$BUNDLE"/_internal/pypdfium2_raw/*pdfium* >/dev/null 2>&1 \
        || fail "no pdfium library in the bundle (the report preview needs it)"
    ok "ombud report locus: $(cat "$SCRATCH/report.txt" | sed "s|$SCRATCH/||")"
fi

out="$(run timeout 60 "$GUI" --workspace "$WS" --settings "$SCRATCH/settings.json" \
       --quit-after 1500 2>"$SCRATCH/gui.err")" || fail "GUI: $(cat "$SCRATCH/gui.err")"
[[ "$out" == *"translated: yes"* && "$out" == *"14 assessments"* && "$out" == *"icon: yes"* ]] \
    || fail "GUI said '$out' ($(cat "$SCRATCH/gui.err"))"
ok "GUI started and quit: $out"

# A real X display (Xvfb) when there is one: the trimmed bundle still has what xcb needs.
if command -v xvfb-run >/dev/null 2>&1; then
    out="$(env -i HOME="$SCRATCH/home" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=xcb \
           xvfb-run -a -s "-screen 0 1366x768x24" timeout 60 "$GUI" --workspace "$WS" \
           --settings "$SCRATCH/settings.json" --quit-after 1500 2>"$SCRATCH/xcb.err")" \
        || fail "GUI under Xvfb: $(cat "$SCRATCH/xcb.err")"
    [[ "$out" == *"window shown"* ]] || fail "GUI under Xvfb said '$out'"
    ok "GUI under Xvfb (xcb) started and quit"
else
    skip "GUI under a real X display: no xvfb-run here"
fi

# Signed packages: run once the commands exist in this build.
if run "$OMBUD" export --help >/dev/null 2>&1 && run "$OMBUD" verify --help >/dev/null 2>&1; then
    run "$OMBUD" --workspace "$WS" keys create >"$SCRATCH/keys.txt" 2>&1 \
        || fail "ombud keys create: $(cat "$SCRATCH/keys.txt")"
    ok "ombud keys create"
    id="$(run "$OMBUD" --workspace "$WS" assessments list --json \
          | sed -n 's/.*"id": "\([0-9a-f-]*\)".*/\1/p' | head -1)"
    [[ -n "$id" ]] || fail "no assessment id to export"
    run "$OMBUD" --workspace "$WS" export "$id" --out "$SCRATCH/out" >"$SCRATCH/export.txt" 2>&1 \
        || fail "ombud export: $(cat "$SCRATCH/export.txt")"
    package="$(find "$SCRATCH/out" -name '*.ombx' | head -1)"
    [[ -n "$package" ]] || fail "ombud export wrote no .ombx: $(cat "$SCRATCH/export.txt")"
    ok "ombud export: $(basename "$package")"
    run "$OMBUD" --workspace "$WS" verify "$package" >"$SCRATCH/verify.txt" 2>&1 \
        || fail "ombud verify: $(cat "$SCRATCH/verify.txt")"
    ok "ombud verify: $(head -1 "$SCRATCH/verify.txt")"
    run "$OMBUD" --workspace "$SCRATCH/supervisor" import "$package" >"$SCRATCH/import.txt" 2>&1 \
        || fail "ombud import: $(cat "$SCRATCH/import.txt")"
    ok "ombud import into a second workspace: $(tail -1 "$SCRATCH/import.txt" | sed 's/^ *//')"
else
    skip "export/verify: this build has no 'ombud export'/'ombud verify' commands yet"
fi

echo "smoke test passed ($passed checks) for $BUNDLE"
