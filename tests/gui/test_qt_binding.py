"""The Qt binding we run on must not corrupt Python's reference counts.

PySide6 6.12.0 drops a reference to None on every call of a method that returns nothing; on
Python 3.11 the process aborts ("none_dealloc") after some tens of thousands of calls — an hour
of a secretary's typing. pyproject.toml keeps that version out; this test keeps it out.
"""

import sys

from PySide6.QtCore import QObject


def test_calls_returning_nothing_keep_none_alive():
    target = QObject()
    before = sys.getrefcount(None)
    for _ in range(1000):
        target.setObjectName("x")
    assert sys.getrefcount(None) - before > -100
