"""The archive's SQLite connection: reads in plain SQL, everything else through sqlite-utils.

Reads (SELECT) go straight to sqlite3. Writes, transactions, migrations and the full-text index
go through sqlite-utils, whose Database is made on first use: importing sqlite-utils and loading
its plugins takes about 65 ms, longer than the rest of what the window needs to appear, and the
window needs only reads for that.

Every read and write here turns SQLite's errors into the store's own (store.errors.StoreError,
with the reason in Danish): the rest of the store reaches SQLite only through this class.
"""

from __future__ import annotations

import contextlib
import functools
import sqlite3
from collections.abc import Generator, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from secretary_app.store.errors import translated

if TYPE_CHECKING:
    import sqlite_utils
    from sqlite_utils.db import Table

Params = Sequence[Any]
Rows = Generator[tuple[Any, ...], None, None]


class Database:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # Reads

    def rows(self, sql: str, params: Params = ()) -> list[dict[str, Any]]:
        return list(self.iter_rows(sql, params))

    def iter_rows(self, sql: str, params: Params = ()) -> Iterator[dict[str, Any]]:
        cursor = self._cursor(sql, params)
        keys = [column[0] for column in cursor.description]
        return (dict(zip(keys, row, strict=True)) for row in _read(cursor))

    def tuples(self, sql: str, params: Params = ()) -> Rows:
        """The rows as tuples, read as they are wanted; `close()` ends the reading early."""
        return _read(self._cursor(sql, params))

    def row(self, sql: str, params: Params = ()) -> dict[str, Any] | None:
        return next(self.iter_rows(sql, params), None)

    def get(self, table: str, row_id: int) -> dict[str, Any]:
        """The row of `table` with this id; KeyError when there is none."""
        found = self.row(f"SELECT * FROM {table} WHERE id = ?", [row_id])
        if found is None:
            raise KeyError(f"{table} {row_id}")
        return found

    def value(self, sql: str, params: Params = ()) -> Any:
        """The first column of the first row, or None when there is no row."""
        with translated():
            found = self.conn.execute(sql, params).fetchone()
        return found[0] if found is not None else None

    @contextlib.contextmanager
    def blob(self, table: str, column: str, row: int, *, readonly: bool) -> Iterator[sqlite3.Blob]:
        """The value of one cell, to read or write in pieces."""
        with translated(), self.conn.blobopen(table, column, row, readonly=readonly) as blob:
            yield blob

    def _cursor(self, sql: str, params: Params) -> sqlite3.Cursor:
        with translated():
            return self.conn.execute(sql, params)

    # Writes, through sqlite-utils

    @functools.cached_property
    def utils(self) -> sqlite_utils.Database:
        from sqlite_utils import Database as UtilsDatabase

        return UtilsDatabase(self.conn)

    def prepare_writes(self) -> None:
        """Load sqlite-utils now, at an idle moment, so that the first edit need not wait."""
        _ = self.utils

    def execute(self, sql: str, params: Params | None = None) -> sqlite3.Cursor:
        with translated():
            return self.utils.execute(sql, params)

    @contextlib.contextmanager
    def atomic(self) -> Iterator[sqlite_utils.Database]:
        """One transaction (a savepoint within one). It takes the write lock when it begins:
        SQLite then waits for another writer (the busy timeout) instead of failing at once,
        as a read turned into a write does when another connection wrote meanwhile. A failure
        inside, or at the commit, leaves as a StoreError; nothing was written."""
        with translated(), self._transaction() as utils:
            yield utils

    def _transaction(self) -> AbstractContextManager[sqlite_utils.Database]:
        return self.utils.atomic() if self.conn.in_transaction else self._immediate()

    @contextlib.contextmanager
    def _immediate(self) -> Iterator[sqlite_utils.Database]:
        utils = self.utils
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield utils
        except BaseException:
            if self.conn.in_transaction:
                self.conn.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.rollback()
            raise

    def set_busy_timeout(self, milliseconds: int) -> None:
        """How long a write waits for another program's write lock before it fails."""
        self.conn.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")

    def write_lock_free(self) -> bool:
        """Could a write begin at once? Asked without waiting, and without writing."""
        waited = self.value("PRAGMA busy_timeout")
        self.set_busy_timeout(0)
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute("ROLLBACK")
            return True
        except sqlite3.OperationalError:
            return False
        finally:
            self.set_busy_timeout(int(waited))

    def table(self, name: str) -> Table:
        return self.utils.table(name)

    def close(self) -> None:
        self.conn.close()


def _read(cursor: sqlite3.Cursor) -> Rows:
    """The cursor's rows; a page that cannot be read is said as the store says it."""
    with translated(), contextlib.closing(cursor):
        yield from cursor
