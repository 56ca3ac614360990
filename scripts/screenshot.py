"""Render the main window with the reference meeting to docs/screenshots/main-window.png.

    python scripts/screenshot.py [OUT.png]

Runs offscreen (no display needed) on a fresh temporary archive.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from secretary_app.app import application, build_window  # noqa: E402
from secretary_app.store.archive import Archive  # noqa: E402
from secretary_app.store.demo import add_reference_meeting  # noqa: E402

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots" / "main-window.png"


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT
    out.parent.mkdir(parents=True, exist_ok=True)
    app = application()
    with tempfile.TemporaryDirectory() as folder:
        archive = Archive.open(Path(folder) / "arkiv.sqlite3")
        meeting_id = add_reference_meeting(archive)
        window = build_window(archive)
        window.resize(1366, 768)
        window.show()
        window.open_meeting(meeting_id)
        app.processEvents()
        saved = window.grab().save(str(out))
        window.close()
        archive.close()
    print(out if saved else "could not save the screenshot")
    return 0 if saved else 1


if __name__ == "__main__":
    raise SystemExit(main())
