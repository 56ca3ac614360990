"""Migration m011: search inside words. Frozen as released: never change this module.

Danish joins words ("Anlægsbevilling", "Budgetopfølgning"), and secretaries search for the
second half. The index `item_search` (m008) split texts into words, so it found word beginnings
only. It is built again, with the same name and columns, over SQLite's `trigram` tokenizer
(SQLite 3.34+): every three characters are indexed, so any part of a word of three or more
characters is found (store.search, core.search_query). Case is folded (also Æ, Ø, Å), diacritics
are kept: "bål" is not "bal".

m008's triggers keep it current: they name the index and its columns, which stay the same.

`item_search_words`: the words of each item's title, public title and case ID, with prefix
indexes of one and two characters, for words of one or two letters (found at word beginnings
there), kept current by triggers of its own.

Both are filled here by reading the archive, never by writing to the tables they index, so the
triggers that lock approved minutes have nothing to refuse: approved minutes are found too. The
new triggers run after a change that the lock triggers let through, and write only the index.

`meetings_date` lets search read the newest meetings first without sorting every hit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

_SCHEMA = (
    "DROP TABLE item_search",
    "CREATE VIRTUAL TABLE item_search USING fts5(title, case_id, body, tokenize = 'trigram')",
    """INSERT INTO item_search (rowid, title, case_id, body)
    SELECT i.id, i.title || ' ' || i.public_title, i.case_id,
        (SELECT coalesce(group_concat(text, char(10)), '') FROM item_sections
         WHERE item_id = i.id)
    FROM items i""",
    "CREATE INDEX meetings_date ON meetings(date)",
    """CREATE VIRTUAL TABLE item_search_words USING fts5(title, case_id,
    tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2')""",
    """INSERT INTO item_search_words (rowid, title, case_id)
    SELECT id, title || ' ' || public_title, case_id FROM items""",
    """CREATE TRIGGER item_search_words_insert AFTER INSERT ON items BEGIN
    INSERT INTO item_search_words (rowid, title, case_id)
    VALUES (NEW.id, NEW.title || ' ' || NEW.public_title, NEW.case_id);
END""",
    """CREATE TRIGGER item_search_words_update AFTER UPDATE OF title, public_title, case_id
ON items BEGIN
    UPDATE item_search_words SET title = NEW.title || ' ' || NEW.public_title,
        case_id = NEW.case_id
    WHERE rowid = NEW.id;
END""",
    """CREATE TRIGGER item_search_words_delete AFTER DELETE ON items BEGIN
    DELETE FROM item_search_words WHERE rowid = OLD.id;
END""",
)


def m011_search_inside_words(db: Database) -> None:
    for statement in _SCHEMA:
        db.execute(statement)
