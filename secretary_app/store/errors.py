"""The store's own errors: one family, each with the reason in Danish, for the user.

SQLite's errors ("database is locked") never leave the store: `translated()` turns them into a
StoreError at the one place the store talks to SQLite (store.database), the original kept as
its `__cause__`. Above the store, one `except StoreError` shows `error.reason`.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator

_BUSY, _LOCKED = 5, 6  # SQLITE_BUSY, SQLITE_LOCKED (and their extended codes)


class StoreError(Exception):
    """The archive could not be read or written; `reason` says why, in Danish."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class ArchiveBusy(StoreError):
    """Another program holds the archive's write lock: the same write may work later."""


class DiskFull(StoreError):
    """The disk has no room for the write; nothing was written."""


class DamagedFile(StoreError):
    """A part of the archive file cannot be read (SQLite: SQLITE_CORRUPT)."""


@contextlib.contextmanager
def translated() -> Iterator[None]:
    """SQLite's errors inside, as the store's own."""
    try:
        yield
    except sqlite3.Error as error:
        raise store_error(error) from error


def store_error(error: sqlite3.Error) -> StoreError:
    """SQLite's error as the store's own, of the kind that says what to do about it."""
    if is_busy(error):
        return ArchiveBusy(reason(error))
    if is_disk_full(error):
        return DiskFull(reason(error))
    if is_damage(error):
        return DamagedFile(reason(error))
    return StoreError(reason(error))


def reason(error: sqlite3.Error) -> str:
    """What went wrong with the archive file, in Danish, for the user."""
    text = str(error)
    if "not a database" in text:
        return "filen er ikke et arkiv (ikke en SQLite-database)"
    if "malformed" in text:
        return "filen er beskadiget"
    if "locked" in text:
        return "filen er låst af et andet program"
    if "readonly" in text or "read-only" in text:
        return "filen kan ikke skrives (skrivebeskyttet)"
    if "full" in text:
        return "disken er fuld"
    if "disk I/O error" in text:
        return "læse- eller skrivefejl på disken, måske er den fuld"
    return _refusal(text)


def _refusal(text: str) -> str:
    """SQLite's refusal of a write, in Danish; the archive's own refusals (its triggers) are
    Danish already and stay as they are."""
    if "FOREIGN KEY constraint failed" in text:
        return "det, som ændringen hører til, findes ikke længere i arkivet"
    if "UNIQUE constraint failed" in text:
        return "det findes allerede i arkivet"
    if "closed database" in text:
        return "arkivet er lukket"
    return text


def is_busy(error: BaseException) -> bool:
    """Did a write fail because another connection holds the archive's write lock?"""
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(error, sqlite3.OperationalError) and code is not None:
        return code & 0xFF in (_BUSY, _LOCKED)
    return isinstance(error, sqlite3.OperationalError) and "locked" in str(error)


def is_disk_full(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    return code == sqlite3.SQLITE_FULL or "disk is full" in str(error)


def is_damage(error: sqlite3.Error) -> bool:
    """Is this SQLite's word for a damaged file (SQLITE_CORRUPT)?"""
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    text = str(error)
    # "Could not decode to UTF-8 column …": a text whose bytes are not what SQLite wrote
    return code == sqlite3.SQLITE_CORRUPT or "malformed" in text or "Could not decode" in text
