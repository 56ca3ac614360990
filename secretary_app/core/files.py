"""Writing a file so that it is either complete or not there: the one rule for every output
(Word, PDF, the exchange format, backups).

The content goes to a temporary file beside the target (same folder, so the rename is atomic),
is checked (not empty; bytes read back as written), synced to the disk and renamed onto the
target; the folder is synced too, so the rename survives a power cut. On any failure the
temporary file is removed and the target is as it was. Failures are OSError; a file that was
not written whole (a writer that does not report its errors) is `IncompleteFile`.

    write_atomically(target, data)           # bytes made in memory
    with replacing(target) as temporary:     # a writer that needs a path (SQLite's backup)
        write_into(temporary)
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path

_NAME_KEPT = 200  # bytes of the target's name in the temporary one: it stays below 255


class IncompleteFile(OSError):
    """The file was not written whole, though no write said so."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EIO, "the file was not written completely", str(path))


def write_atomically(target: Path, data: bytes) -> None:
    """`data` into `target`, whole or not at all (see the module's note); OSError if not."""
    with replacing(target) as temporary:
        with open(temporary, "xb") as file:
            file.write(data)
        if temporary.read_bytes() != data:
            raise IncompleteFile(target)


@contextlib.contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A temporary path beside `target` to write into; when the block ends without an error,
    the file there is checked, synced and renamed onto `target`. On any failure it is removed
    and `target` is untouched."""
    target = Path(target)
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
    temporary = temporary_beside(target)
    try:
        yield temporary
        _put_in_place(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def temporary_beside(target: Path) -> Path:
    """A new name in the folder of `target`, hidden, ending in .tmp."""
    # os.urandom, not secrets: that loads hashlib, which the window's first paint does without
    kept = target.name.encode()[:_NAME_KEPT].decode(errors="ignore")
    return target.with_name(f".{kept}.{os.urandom(4).hex()}.tmp")


def _put_in_place(temporary: Path, target: Path) -> None:
    with open(temporary, "rb+") as file:
        if os.fstat(file.fileno()).st_size == 0:
            raise IncompleteFile(target)
        os.fsync(file.fileno())
    os.replace(temporary, target)
    sync_folder(target.parent)


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX); Windows has no handle on a folder to sync."""
    if os.name == "nt":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
