"""Settings kept in the archive, so they travel with it (language, case-ID pattern)."""

from __future__ import annotations

from secretary_app.core.case_ids import DEFAULT_CASE_ID_PATTERN
from secretary_app.store.database import Database

DEFAULTS = {
    "language": "da",
    "case_id_pattern": DEFAULT_CASE_ID_PATTERN,
}


class SettingsStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, key: str) -> str:
        found = self.db.value("SELECT value FROM settings WHERE key = ?", [key])
        return str(found) if found is not None else DEFAULTS.get(key, "")

    def set(self, key: str, value: str) -> None:
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
