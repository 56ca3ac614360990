"""Is a file on a network drive? SQLite's WAL mode needs memory shared by every program that
opens the archive, which only one computer has: on a network share the archive is used with a
rollback journal and exclusive locking instead (store.archive).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# File systems of network shares, as Linux names them in /proc/mounts.
NETWORK_FILE_SYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "9p",
        "ceph",
        "glusterfs",
        "lustre",
        "fuse.sshfs",
        "fuse.davfs",
        "davfs",
        "fuse.glusterfs",
        "fuse.cephfs",
    }
)
_DRIVE_REMOTE = 4  # GetDriveTypeW


def is_network_path(path: Path) -> bool:
    folder = Path(os.path.abspath(path)).parent
    if sys.platform == "win32":
        return _is_remote_windows_path(str(folder))
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return file_system_of(folder.resolve(), mounts) in NETWORK_FILE_SYSTEMS


def file_system_of(folder: Path, mounts: str) -> str:
    """The type of the file system `folder` is on, from a /proc/mounts table: the one of the
    longest mount point above it."""
    best, kind = "", ""
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = _unescaped(fields[1])
        inside = str(folder) == point or str(folder).startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fields[2]
    return kind


def _unescaped(point: str) -> str:
    """/proc/mounts writes a blank in a mount point as \\040 (and tab, newline, backslash)."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        point = point.replace(code, char)
    return point


def _is_remote_windows_path(folder: str) -> bool:
    if folder.startswith(("\\\\", "//")):  # \\server\share
        return True
    import ctypes

    drive = os.path.splitdrive(folder)[0]
    if not drive:
        return False
    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    return bool(kernel.GetDriveTypeW(drive + "\\") == _DRIVE_REMOTE)
