"""Why something could not be read or written, in Danish words a secretary understands."""

from __future__ import annotations

import errno

_REASONS = {
    errno.ENOENT: "findes ikke",
    errno.EACCES: "adgang nægtet",
    errno.EPERM: "adgang nægtet",
    errno.ENOSPC: "disken er fuld",
    errno.EISDIR: "er en mappe, ikke en fil",
    errno.ENOTDIR: "mappen findes ikke",
    errno.EROFS: "drevet er skrivebeskyttet",
    errno.EEXIST: "findes allerede",
}


def os_error_reason(error: OSError) -> str:
    return _REASONS.get(error.errno or 0, error.strerror or str(error))
