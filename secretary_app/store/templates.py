"""Which Word template a committee's documents use: a setting, per committee or for all.

The archive's settings hold the template's path under `template:<committee id>` (one committee)
and `template` (every committee). An export uses the committee's, else the global one, else the
program's default template (None here).
"""

from __future__ import annotations

from pathlib import Path

from secretary_app.store.settings import SettingsStore

GLOBAL_KEY = "template"


def committee_key(committee_id: int) -> str:
    return f"{GLOBAL_KEY}:{committee_id}"


def template_for(settings: SettingsStore, committee_id: int | None) -> Path | None:
    """The template chosen for the committee, else for all committees; None: the default."""
    keys = [GLOBAL_KEY] if committee_id is None else [committee_key(committee_id), GLOBAL_KEY]
    for key in keys:
        value = settings.get(key).strip()
        if value:
            return Path(value)
    return None


def set_template(settings: SettingsStore, committee_id: int | None, path: Path | None) -> None:
    """Choose the template for one committee (or, with None, for all); path None: no choice."""
    key = GLOBAL_KEY if committee_id is None else committee_key(committee_id)
    settings.set(key, "" if path is None else str(path))
