#!/usr/bin/env bash
# Build the one-folder Linux bundle dist/Moedesekretaer/ and smoke-test it.
#
# PyInstaller makes a Windows program only on Windows (see build.ps1); the Linux bundle catches
# missing imports and data files early. The app is installed with `pip install .` (not -e), or
# collect_data_files finds no resources. With no virtual environment active, one is made in
# build/bundle-venv and kept for the next build.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${VIRTUAL_ENV:-}" ]]; then
    [[ -x build/bundle-venv/bin/python ]] || "${PYTHON:-python3}" -m venv build/bundle-venv
    # shellcheck disable=SC1091
    source build/bundle-venv/bin/activate
fi
python -m pip install --quiet --disable-pip-version-check ".[bundle]"

# `pyinstaller`, not `python -m PyInstaller`: the latter puts the working directory first on
# sys.path, and the spec would then import the source tree instead of the installed package.
pyinstaller --noconfirm --clean --log-level WARN \
    --workpath build/pyinstaller --distpath dist installer/secretary_app.spec

BUNDLE=dist/Moedesekretaer
PROGRAM="$BUNDLE/Moedesekretaer"
echo "build: $(du -sh "$BUNDLE" | cut -f1) in $BUNDLE"

# Smoke tests: the command line over a new archive, then the window for a few seconds.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/x.sqlite3"

fail() {
    echo "smoke test failed: $*" >&2
    exit 1
}

id=$("$PROGRAM" --db "$db" demo)
[[ "$id" =~ ^[0-9]+$ ]] || fail "demo printed '$id', not a meeting id"
again=$("$PROGRAM" --db "$db" demo)
[[ "$again" == "$id" ]] || fail "demo is not idempotent: $id, then $again"
"$PROGRAM" --db "$db" meetings >"$work/meetings.txt"
grep -q "^$id"$'\t' "$work/meetings.txt" || fail "meetings does not list meeting $id"
"$PROGRAM" --db "$db" dump "$id" -o "$work/meeting.json"
"$PROGRAM" --db "$work/y.sqlite3" load "$work/meeting.json" >/dev/null
echo "smoke: demo -> meeting $id; meetings, dump and load work"

# The documents: the default Word template and the PDF writer travel in the bundle.
"$PROGRAM" --db "$db" export "$id" --document minutes -o "$work/referat.docx" \
    || fail "export of the minutes as .docx"
"$PROGRAM" --db "$db" export "$id" --document agenda --chair -o "$work/dagsorden.pdf" \
    || fail "export of the chair's agenda as .pdf"
"$PROGRAM" --db "$db" export "$id" --document minutes --via builtin -o "$work/egen.pdf" \
    || fail "export of the minutes as .pdf by the program's own writer"
[[ -s "$work/referat.docx" && -s "$work/dagsorden.pdf" && -s "$work/egen.pdf" ]] \
    || fail "an exported file is empty"
"$PROGRAM" template check "$work/referat.docx" >/dev/null || fail "template check"
route="the program's own writer"
if command -v soffice >/dev/null; then
    "$PROGRAM" --db "$db" export "$id" --document minutes --via libreoffice \
        -o "$work/referat.pdf" || fail "export of the minutes as .pdf through LibreOffice"
    [[ -s "$work/referat.pdf" ]] || fail "the PDF made by LibreOffice is empty"
    route="LibreOffice (pypdfium2 read its pages) and the program's own writer"
fi
echo "smoke: minutes as .docx, the chair's agenda as .pdf, template check; PDF by $route"

# The window: it must come up and stay up (timeout ends it: status 124) with no Python error.
window_stays_up() {
    local label=$1
    shift
    local status=0
    "$@" timeout 8 "$PROGRAM" --db "$db" >"$work/window.log" 2>&1 || status=$?
    if ((status != 124)) || grep -q -E "Traceback|could not load the Qt platform plugin" \
        "$work/window.log"; then
        cat "$work/window.log" >&2
        fail "the window ($label) exited with status $status"
    fi
    echo "smoke: the window ($label) stays up"
}
window_stays_up offscreen env QT_QPA_PLATFORM=offscreen
if command -v xvfb-run >/dev/null; then
    window_stays_up "xcb under Xvfb" xvfb-run --auto-servernum env QT_QPA_PLATFORM=xcb
fi
echo "build: $PROGRAM is ready"
