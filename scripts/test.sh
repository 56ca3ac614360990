#!/usr/bin/env bash
# The test command (the README names it; .ci/run runs it): install the app with its test tools,
# check the layer contracts, lint and types, run the tests.
#
# It installs into the active virtual environment; with none active it creates and uses .venv in
# the repository, so `bash scripts/test.sh` works on a fresh machine. Arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${VIRTUAL_ENV:-}" ]]; then
    [[ -x .venv/bin/python ]] || "${PYTHON:-python3}" -m venv .venv
    # shellcheck disable=SC1091
    source .venv/bin/activate
fi

python -m pip install --quiet --disable-pip-version-check -e ".[test]"
lint-imports
ruff check secretary_app tests benchmarks scripts
mypy --strict secretary_app/core secretary_app/store secretary_app/export secretary_app/ui
python -m pytest "$@"
