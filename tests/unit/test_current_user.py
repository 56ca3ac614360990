"""Who the audit log, corrections and the lock name: the full name with the login (issue 11,
point 9: "Hvem: root")."""

from __future__ import annotations

import getpass
from types import SimpleNamespace

import pytest

from secretary_app.store import approvals

pwd = pytest.importorskip("pwd")  # the full name on Windows comes from GetUserNameExW


def test_the_full_name_comes_with_the_login(monkeypatch):
    monkeypatch.setattr(getpass, "getuser", lambda: "aj")
    account = SimpleNamespace(pw_gecos="Anne Jensen,Rådhuset,,")
    monkeypatch.setattr(pwd, "getpwnam", lambda _login: account)
    assert approvals.current_user() == "Anne Jensen (aj)"


def test_without_a_full_name_the_login_alone(monkeypatch):
    monkeypatch.setattr(getpass, "getuser", lambda: "aj")
    monkeypatch.setattr(pwd, "getpwnam", lambda _login: SimpleNamespace(pw_gecos=""))
    assert approvals.current_user() == "aj"

    def unknown(_login):
        raise KeyError(_login)

    monkeypatch.setattr(pwd, "getpwnam", unknown)
    assert approvals.current_user() == "aj"


def test_no_login_at_all_is_an_empty_name(monkeypatch):
    def no_login():
        raise OSError("no user")

    monkeypatch.setattr(getpass, "getuser", no_login)
    assert approvals.current_user() == ""
