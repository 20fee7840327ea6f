"""The file check started before Qt loads (app.inspect_ahead): its verdict is used only for the very file it
checked, unchanged since; a damaged file is still refused before anything is written to or beside it."""

from __future__ import annotations

import hashlib
import random
import shutil
from pathlib import Path

import pytest

from partnerdesk.app import inspect_ahead
from partnerdesk.db import fileguard
from partnerdesk.domain.errors import DomainError
from partnerdesk.services import accounts, workspace
from partnerdesk.services.workspace import open_workspace

PW = "admin-pass-1"
pytestmark = pytest.mark.timeout(120)


@pytest.fixture(scope="module")
def sound(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sound") / "pd.sqlite3"
    ws = open_workspace(f"sqlite:///{path}")
    accounts.init_office(ws, "admin", PW, "渝新区", "石油路街道")
    ws.close()
    return path


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    ps = 4096
    rng = random.Random(7)
    for p in range(1, len(data) // ps):  # every page but the header's
        data[p * ps:(p + 1) * ps] = rng.randbytes(ps)
    path.write_bytes(bytes(data))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_damaged_file_checked_ahead_is_refused_untouched(sound, tmp_path) -> None:
    db = tmp_path / "office.sqlite3"
    shutil.copyfile(sound, db)
    _damage(db)
    before = _digest(db)
    inspection = inspect_ahead(f"sqlite:///{db}")
    assert isinstance(inspection, fileguard.Inspection)
    with pytest.raises(DomainError) as err:
        open_workspace(f"sqlite:///{db}", backup_dir=tmp_path / "backups", inspection=inspection)
    assert err.value.code == "db.unusable" and err.value.params["state"] == "corrupt"
    assert _digest(db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [db.name], "no lock, no -wal/-shm, no backup"


def test_the_verdict_is_used_for_the_unchanged_file(sound, tmp_path, monkeypatch) -> None:
    db = tmp_path / "office.sqlite3"
    shutil.copyfile(sound, db)
    inspection = inspect_ahead(f"sqlite:///{db}")
    assert inspection.result().state is fileguard.FileState.OK

    def no_second_check(*_a, **_k):  # noqa: ANN002, ANN003, ANN202
        raise AssertionError("the file was checked again")

    monkeypatch.setattr(fileguard, "inspect", no_second_check)
    ws = open_workspace(f"sqlite:///{db}", inspection=inspection)
    try:
        accounts.login(ws, "admin", PW)
    finally:
        ws.close()


def test_a_file_changed_after_its_check_is_checked_again(sound, tmp_path) -> None:
    db = tmp_path / "office.sqlite3"
    shutil.copyfile(sound, db)
    inspection = inspect_ahead(f"sqlite:///{db}")
    assert inspection.result().state is fileguard.FileState.OK
    _damage(db)  # after the check: its "ok" no longer speaks for the file
    assert not inspection.matches(db)
    with pytest.raises(DomainError) as err:
        open_workspace(f"sqlite:///{db}", inspection=inspection)
    assert err.value.code == "db.unusable"


def test_a_check_of_another_file_is_not_used(sound, tmp_path) -> None:
    good, bad = tmp_path / "good.sqlite3", tmp_path / "bad.sqlite3"
    shutil.copyfile(sound, good)
    shutil.copyfile(sound, bad)
    _damage(bad)
    inspection = inspect_ahead(f"sqlite:///{good}")
    with pytest.raises(DomainError):
        open_workspace(f"sqlite:///{bad}", inspection=inspection)


def test_a_large_file_hands_its_running_check_to_the_integrity_gate(sound, tmp_path, monkeypatch) -> None:
    db = tmp_path / "big.sqlite3"
    shutil.copyfile(sound, db)
    monkeypatch.setattr(workspace, "DEEP_CHECK_MAX_BYTES", 0)  # every file is "large": checked beside start-up
    inspection = inspect_ahead(f"sqlite:///{db}")
    ws = open_workspace(f"sqlite:///{db}", inspection=inspection)
    try:
        assert ws.integrity is not None and ws.integrity._inspection is inspection  # noqa: SLF001 - no second check
        accounts.login(ws, "admin", PW)  # a write: waits for the verdict
    finally:
        ws.close()


@pytest.mark.parametrize("url", ["postgresql+psycopg://u@host/db", "sqlite:///{missing}",
                                 "sqlite:///{file}?mode=ro", "sqlite://"])
def test_only_plain_local_files_are_checked_ahead(url, sound, tmp_path) -> None:
    assert inspect_ahead(url.format(missing=tmp_path / "none.sqlite3", file=sound)) is None
