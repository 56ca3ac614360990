"""The reference meeting (Gentofte, Opgaveudvalg om Innovation, 27 June 2017) as demo data."""

from __future__ import annotations

import json
from importlib import resources
from typing import TYPE_CHECKING, Any

from secretary_app.core.exchange import parse_meeting
from secretary_app.store.exchange import find_same_meeting, import_meeting

if TYPE_CHECKING:
    from secretary_app.store.archive import Archive


def reference_meeting_json() -> Any:
    text = resources.files("secretary_app.resources").joinpath("reference_meeting.json")
    return json.loads(text.read_text(encoding="utf-8"))


def add_reference_meeting(archive: Archive) -> int:
    """Add the reference meeting unless it is there already; its id either way."""
    doc = parse_meeting(reference_meeting_json())
    existing = find_same_meeting(archive, doc)
    return existing if existing is not None else import_meeting(archive, doc)
