"""The clean-close seal (fileguard): a file PartnerDesk closed cleanly after verifying it skips the full quick_check
at the next start only while it is exactly as it was left; anything else gets the full check."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from partnerdesk.db import fileguard
from partnerdesk.domain.errors import DomainError
from partnerdesk.services import accounts, maintenance
from partnerdesk.services.workspace import open_workspace

PW = "admin-pass-1"
pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "office.sqlite3"
    ws = open_workspace(f"sqlite:///{path}", backup_dir=tmp_path / "backups")
    accounts.init_office(ws, "admin", PW, "渝新区", "石油路街道")
    ws.close()
    return path


@pytest.fixture
def deep_checks(monkeypatch) -> list[Path]:
    """Every full quick_check of a live database file (backups' own checks are not counted)."""
    seen: list[Path] = []
    real = fileguard._quick_check  # noqa: SLF001

    def counting(path: Path):  # noqa: ANN202
        seen.append(path)
        return real(path)

    monkeypatch.setattr(fileguard, "_quick_check", counting)
    return seen


def _open_and_sign_in(path: Path):  # noqa: ANN202
    ws = open_workspace(f"sqlite:///{path}", backup_dir=path.parent / "backups")
    accounts.login(ws, "admin", PW)
    return ws


def test_a_clean_close_seals_and_the_next_open_checks_only_the_header(db, deep_checks) -> None:
    assert fileguard.seal_path(db).is_file()
    assert fileguard.sealed_since(db) is not None
    ws = _open_and_sign_in(db)
    try:
        assert deep_checks == []
        assert not fileguard.seal_path(db).exists(), "opened for writing: the seal is gone until a clean close"
        assert ws.integrity is None and ws.verified_at is not None
    finally:
        ws.close()
    assert fileguard.sealed_since(db) is not None
    _open_and_sign_in(db).close()
    assert deep_checks == []


def test_after_an_unclean_exit_the_whole_file_is_checked(db, deep_checks) -> None:
    code = ("import os, sys; from partnerdesk.services import accounts; "
            "from partnerdesk.services.workspace import open_workspace; "
            "ws = open_workspace('sqlite:///' + sys.argv[1]); accounts.login(ws, 'admin', 'admin-pass-1'); "
            "os._exit(0)")  # no close: like a crash or a kill
    subprocess.run([sys.executable, "-c", code, str(db)], check=True, timeout=60,
                   env={**os.environ, "PARTNERDESK_HOME": str(db.parent / "home")})
    assert not fileguard.seal_path(db).exists()
    _open_and_sign_in(db).close()
    assert deep_checks == [db]


def test_a_file_written_by_something_else_is_checked_again(db, deep_checks) -> None:
    time.sleep(0.01)
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO app_meta (key, value) VALUES ('edited_elsewhere', 'yes')")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert fileguard.sealed_since(db) is None
    _open_and_sign_in(db).close()
    assert deep_checks == [db]


def test_a_copy_with_its_seal_is_checked_again(db, deep_checks, tmp_path) -> None:
    elsewhere = tmp_path / "usb"
    elsewhere.mkdir()
    copy = elsewhere / db.name
    shutil.copy2(db, copy)  # keeps the modification time
    shutil.copy2(fileguard.seal_path(db), fileguard.seal_path(copy))
    assert fileguard.sealed_since(copy) is None
    _open_and_sign_in(copy).close()
    assert deep_checks == [copy]


def test_a_seal_older_than_a_week_or_unreadable_counts_for_nothing(db) -> None:
    verified = fileguard.sealed_since(db)
    assert verified is not None
    assert fileguard.sealed_since(db, now=verified + fileguard.SEAL_MAX_AGE - 1) == verified
    assert fileguard.sealed_since(db, now=verified + fileguard.SEAL_MAX_AGE + 1) is None
    assert fileguard.sealed_since(db, now=verified - 3600) is None, "a seal from the future is not believed"
    fileguard.seal_path(db).write_text("{not json", encoding="utf-8")
    assert fileguard.sealed_since(db) is None


def test_a_verified_backup_renews_the_verification(db, deep_checks) -> None:
    fileguard.break_seal(db)
    ws = _open_and_sign_in(db)
    try:
        opened = ws.verified_at
        assert opened is not None and deep_checks == [db]
        time.sleep(0.01)
        maintenance.backup_now(ws, automatic=True)
        assert ws.verified_at > opened
        renewed = ws.verified_at
    finally:
        ws.close()
    assert fileguard.sealed_since(db) == renewed


def test_damage_the_seal_cannot_see_is_caught_by_the_start_up_backup_and_not_sealed_again(db, deep_checks) -> None:
    """Bit rot that keeps size and time: the header check passes, the first backup refuses the copy, the file is
    not sealed again, and the next start checks it fully and refuses it, untouched."""
    conn = sqlite3.connect(db)
    leaves = [n for (n,) in conn.execute(
        "SELECT pageno FROM dbstat WHERE name = 'audit_log' AND pagetype = 'leaf' ORDER BY pageno")]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    st = db.stat()
    with open(db, "r+b") as fh:
        fh.seek((leaves[-1] - 1) * page_size + 8)
        fh.write(b"\xa5" * (page_size - 8))
    os.utime(db, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert fileguard.sealed_since(db) is not None, "the damage is invisible to the seal"
    ws = open_workspace(f"sqlite:///{db}", backup_dir=db.parent / "backups")
    try:
        with pytest.raises(DomainError) as err:
            maintenance.backup_now(ws, "startup", automatic=True)
        assert err.value.code == "backup.unverified" and err.value.params["reason"] == "corrupt"
    finally:
        ws.close()
    assert not fileguard.seal_path(db).exists()
    with pytest.raises(DomainError) as err:
        open_workspace(f"sqlite:///{db}", backup_dir=db.parent / "backups")
    assert err.value.code == "db.unusable" and err.value.params["state"] == "corrupt"
    assert deep_checks == [db]


def test_read_only_opens_leave_the_seal_alone(db, deep_checks) -> None:
    sealed = fileguard.sealed_since(db)
    ws = open_workspace(f"sqlite:///{db}", read_only=True)
    ws.close()
    assert deep_checks == []
    assert fileguard.seal_path(db).is_file()
    assert fileguard.sealed_since(db) in (sealed, None)  # None only if SQLite left a -wal beside it


def test_a_restored_file_is_checked_in_full_once_in_place(db, deep_checks, tmp_path) -> None:
    ws = _open_and_sign_in(db)
    try:
        backup = maintenance.backup_now(ws).value.path
    finally:
        ws.close()
    assert fileguard.seal_path(db).is_file()
    deep_checks.clear()
    maintenance.restore(db, backup, tmp_path / "backups", ("admin", PW))
    # the file being replaced (is it sound, so that an administrator must sign in?), then the restored one when it
    # was opened to record the restore
    assert deep_checks == [db, db]
