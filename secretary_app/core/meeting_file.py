"""A meeting file in the exchange format read from disk, every way it can fail said in one
Danish line that names the file (the command line's `load` and the window's "Hent møde…")."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from secretary_app.core.exchange import ExchangeError, MeetingDocument, parse_meeting
from secretary_app.core.item_layout import ItemLayout
from secretary_app.core.json_reader import decode
from secretary_app.core.messages import os_error_reason


class MeetingFileError(Exception):
    """The file cannot be read as a meeting; the message is one line for the user (Danish)."""


def read_meeting_file(path: Path, layouts: Mapping[str, ItemLayout]) -> MeetingDocument:
    """The meeting in the file; `layouts` are the item layouts a file may name by key."""
    try:
        # utf-8-sig: Windows PowerShell 5 starts a UTF-8 file with a byte order mark
        text = path.read_text(encoding="utf-8-sig")
        data = decode(text)
    except OSError as error:
        raise MeetingFileError(f"{path}: kan ikke læses ({os_error_reason(error)})") from error
    except UnicodeDecodeError as error:
        raise MeetingFileError(f"{path}: er ikke tekst i UTF-8") from error
    except json.JSONDecodeError as error:
        where = f"linje {error.lineno}, kolonne {error.colno}"
        raise MeetingFileError(f"{path}: er ikke gyldig JSON ({where})") from error
    except RecursionError as error:
        raise MeetingFileError(f"{path}: er for dybt indlejret til at være et møde") from error
    try:
        return parse_meeting(data, layouts)
    except ExchangeError as error:
        raise MeetingFileError(f"{path}: {error}") from error
