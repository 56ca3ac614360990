"""Why something could not be read or written, in Danish words a secretary understands."""

from __future__ import annotations

import errno

from secretary_app.core.files import IncompleteFile

DISK_FULL = "disken er fuld"
_REASONS = {
    errno.ENOENT: "findes ikke",
    errno.EACCES: "adgang nægtet",
    errno.EPERM: "adgang nægtet",
    errno.ENOSPC: DISK_FULL,
    errno.EFBIG: DISK_FULL,  # past the largest file the drive (or the process) may write
    getattr(errno, "EDQUOT", -1): f"{DISK_FULL} (din plads på drevet er brugt op)",
    errno.EISDIR: "er en mappe, ikke en fil",
    errno.ENOTDIR: "mappen findes ikke",
    errno.EROFS: "drevet er skrivebeskyttet",
    errno.EEXIST: "findes allerede",
    errno.ENAMETOOLONG: "navnet er for langt",
    errno.EIO: "fejl ved læsning eller skrivning på drevet",
}


def os_error_reason(error: OSError) -> str:
    if isinstance(error, IncompleteFile):
        return "filen blev ikke skrevet færdig (er disken fuld?)"
    return _REASONS.get(error.errno or 0, error.strerror or str(error))
