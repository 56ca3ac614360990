"""Which archives are on a network drive (issue 10, "One writer"): there SQLite's WAL cannot be
used, so the archive must know."""

from __future__ import annotations

from pathlib import Path

import pytest

from secretary_app.store import drives
from secretary_app.store.drives import file_system_of, is_network_path

MOUNTS = """\
sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0
/dev/sda1 / ext4 rw,relatime 0 0
/dev/sda2 /home ext4 rw,relatime 0 0
//fileserver/udvalg /mnt/udvalg cifs rw,relatime,vers=3.1.1 0 0
fs01:/export/sager /mnt/sager nfs4 rw,relatime 0 0
//fileserver/with\\040space /mnt/fælles\\040drev cifs rw 0 0
tmpfs /mnt/udvalg/lokal tmpfs rw 0 0
"""


@pytest.mark.parametrize(
    ("folder", "kind"),
    [
        ("/home/anne", "ext4"),
        ("/", "ext4"),
        ("/mnt/udvalg", "cifs"),
        ("/mnt/udvalg/2026/referater", "cifs"),
        ("/mnt/udvalgene", "ext4"),  # a name that only starts like the share
        ("/mnt/sager/x", "nfs4"),
        ("/mnt/fælles drev/arkiv", "cifs"),
        ("/mnt/udvalg/lokal/x", "tmpfs"),  # a mount inside the share: the deepest counts
    ],
)
def test_the_file_system_is_the_deepest_mount_above_the_folder(folder, kind):
    assert file_system_of(Path(folder), MOUNTS) == kind


def test_this_machines_temporary_folder_is_not_a_network_drive(tmp_path):
    assert not is_network_path(tmp_path / "arkiv.sqlite3")


def test_a_share_is_a_network_drive(monkeypatch, tmp_path):
    real_read = Path.read_text

    def mounts(self, *args, **kwargs):
        if str(self) == "/proc/mounts":
            return f"server:/x {tmp_path} nfs4 rw 0 0\n"
        return real_read(self, *args, **kwargs)

    monkeypatch.setattr(drives.sys, "platform", "linux")
    monkeypatch.setattr(Path, "read_text", mounts)
    assert is_network_path(tmp_path / "arkiv.sqlite3")


@pytest.mark.parametrize("folder", ["\\\\fileserver\\udvalg\\arkiv", "//fileserver/udvalg"])
def test_a_unc_path_is_a_network_drive_on_windows(folder):
    assert drives._is_remote_windows_path(folder)
