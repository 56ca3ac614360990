"""The crash tests fork the window's writer and signal it through a pidfd: Linux only (the
Windows workflow runs the rest of the suite)."""

import sys

if not sys.platform.startswith("linux"):
    collect_ignore_glob = ["test_*.py"]
