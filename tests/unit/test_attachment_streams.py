"""Attachments go into the archive and out of it in pieces, never whole in memory, up to a
documented size (issue 10, point 11: a 500 MB attachment peaked at 1.5 GB of memory and stayed
in the undo stack)."""

from __future__ import annotations

import datetime as dt
import os
import tracemalloc
from pathlib import Path

import pytest

from secretary_app.core.model import Attachment, Committee, Item, Meeting
from secretary_app.store import attachments as attachments_module
from secretary_app.store.archive import Archive
from secretary_app.store.attachments import MAX_ATTACHMENT_BYTES, AttachmentTooLarge

SIZE = 24_000_000  # big enough that a whole copy in memory shows; small enough to be quick


@pytest.fixture
def archive(tmp_path):
    archive = Archive.open(tmp_path / "arkiv.sqlite3")
    yield archive
    archive.close()


@pytest.fixture
def item_id(archive):
    committee = archive.committees.add(Committee("Økonomiudvalget"))
    meeting = archive.meetings.create(
        Meeting(committee.id, dt.date(2025, 3, 4)), [Item(0, "Punkt"), Item(0, "Andet")]
    )
    return archive.items.for_meeting(meeting.id)[0].id


@pytest.fixture
def big_file(tmp_path) -> Path:
    path = tmp_path / "Lokalplan.pdf"
    with open(path, "wb") as file:
        for _ in range(SIZE // 1_000_000):
            file.write(os.urandom(1_000_000))
    return path


def peak_memory(action) -> int:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_large_file_goes_in_and_out_in_pieces(archive, item_id, big_file, tmp_path):
    added: list[Attachment] = []
    peak_in = peak_memory(
        lambda: added.append(
            archive.attachments.add_file(Attachment(item_id, "Lokalplan"), big_file)
        )
    )
    [attachment] = added
    assert attachment.size == SIZE
    copy = tmp_path / "ud" / "Lokalplan.pdf"
    copy.parent.mkdir()
    peak_out = peak_memory(lambda: archive.attachments.save_content(attachment.id, copy))
    assert copy.read_bytes() == big_file.read_bytes()
    assert peak_in < 4_000_000 and peak_out < 4_000_000  # pieces of 1 MB, not 24 MB


def test_deleted_content_is_spooled_to_disk_not_kept_in_memory(archive, item_id, big_file):
    attachment = archive.attachments.add_file(Attachment(item_id, "Lokalplan"), big_file)
    kept: list = []
    peak = peak_memory(lambda: kept.append(archive.attachments.delete(attachment.id)))
    [(_, content)] = kept
    assert peak < 4_000_000
    assert content._rolled  # a SpooledTemporaryFile that went to a temporary file
    archive.attachments.restore(attachment, content)
    assert archive.attachments.content(attachment.id) == big_file.read_bytes()


def test_an_item_and_a_meeting_deleted_and_restored_keep_their_attachments(archive, item_id):
    attachment = archive.attachments.add(Attachment(item_id, "Bilag 1"), b"indhold" * 1000)
    snapshot = archive.items.delete(item_id)
    archive.items.restore(snapshot)
    assert archive.attachments.content(attachment.id) == b"indhold" * 1000
    meeting_id = archive.items.get(item_id).meeting_id
    meeting = archive.meetings.delete(meeting_id)
    archive.meetings.restore(meeting)
    assert archive.attachments.content(attachment.id) == b"indhold" * 1000
    assert archive.integrity_ok()


def test_a_copy_to_another_item_copies_the_content(archive, item_id):
    attachment = archive.attachments.add(Attachment(item_id, "Bilag 1", "b.pdf"), b"%PDF-1.7")
    other = archive.items.for_meeting(archive.items.get(item_id).meeting_id)[1].id
    copy = archive.attachments.copy(attachment, other)
    assert (copy.item_id, copy.title, copy.filename, copy.size) == (other, "Bilag 1", "b.pdf", 8)
    assert archive.attachments.content(copy.id) == b"%PDF-1.7"


def test_a_file_over_the_limit_is_refused_and_nothing_is_added(
    archive, item_id, big_file, monkeypatch
):
    assert MAX_ATTACHMENT_BYTES == 200_000_000  # as the README says
    monkeypatch.setattr(attachments_module, "MAX_ATTACHMENT_BYTES", SIZE - 1)
    with pytest.raises(AttachmentTooLarge) as refused:
        archive.attachments.add_file(Attachment(item_id, "Lokalplan"), big_file)
    assert str(refused.value) == "Lokalplan.pdf fylder 24 MB; et bilag må højst fylde 23 MB"
    assert archive.attachments.for_item(item_id) == []
    assert archive.db.value("SELECT count(*) FROM attachment_files") == 0


def test_a_file_that_changes_while_it_is_read_adds_nothing(archive, item_id, tmp_path):
    class Shrinking:
        """A stream that says it holds 10 bytes and gives 4: a file cut short meanwhile."""

        def __init__(self) -> None:
            self.given = False

        def tell(self) -> int:
            return 0

        def seek(self, offset: int, whence: int = 0) -> int:
            return 10 if whence == 2 else 0

        def read(self, _size: int) -> bytes:
            if self.given:
                return b""
            self.given = True
            return b"kort"

    with pytest.raises(OSError, match="ændret, mens det blev læst"):
        archive.attachments.add_stream(Attachment(item_id, "Bilag"), Shrinking())
    assert archive.attachments.for_item(item_id) == []
