#!/usr/bin/env bash
# Refresh the Danish translation from the code, then check that it compiles.
#
# pyside6-lupdate reads every .py file under secretary_app/ and merges the strings it finds into
# resources/i18n/secretary_app_da.ts: new strings arrive unfinished (type="unfinished"), existing
# translations are kept, and strings no longer in the code are dropped (-no-obsolete).
# pyside6-lrelease then compiles the file to a throwaway .qm, to prove it is valid; the real .qm is
# built by setup.py at build/install time (`pip install -e .`).
#
# Running it twice in a row changes nothing. Translate the new strings in Qt Linguist
# (pyside6-linguist resources/i18n/secretary_app_da.ts) or in the .ts file itself; the test
# tests/gui/test_translations.py fails while any string is untranslated.
set -euo pipefail
cd "$(dirname "$0")/.."

TS=resources/i18n/secretary_app_da.ts
mkdir -p "$(dirname "$TS")"

# Sorted, so the order of locations in the .ts does not depend on the file system.
mapfile -t SOURCES < <(find secretary_app -name '*.py' -type f | LC_ALL=C sort)
if [[ ${#SOURCES[@]} -eq 0 ]]; then
    echo "update_translations: no .py files under secretary_app/" >&2
    exit 1
fi

pyside6-lupdate -silent -no-obsolete -source-language en -target-language da_DK \
    "${SOURCES[@]}" -ts "$TS"

QM=$(mktemp --suffix=.qm)
trap 'rm -f "$QM"' EXIT
pyside6-lrelease "$TS" -qm "$QM"

# What is left to translate (the test tests/gui/test_translations.py fails while any is).
python - "$TS" <<'PYTHON'
import sys
import xml.etree.ElementTree as ET

path = sys.argv[1]
todo, total = [], 0
for context in ET.parse(path).getroot().iter("context"):
    for message in context.iter("message"):
        total += 1
        translation = message.find("translation")
        forms = translation.findall("numerusform") or [translation]  # plural forms, or the one text
        if translation.get("type") in {"unfinished", "vanished", "obsolete"} or not all(
            (form.text or "").strip() for form in forms
        ):
            todo.append(f"  {context.findtext('name')}: {message.findtext('source')!r}")
print(f"update_translations: {path}: {total} messages, {len(todo)} to translate")
if todo:
    print("\n".join(todo))
PYTHON
