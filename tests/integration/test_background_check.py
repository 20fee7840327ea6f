"""Large files are checked beside start-up: reads go on, the first write waits for the verdict."""

from __future__ import annotations

import hashlib

import pytest

from partnerdesk.db import fileguard
from partnerdesk.domain.errors import DomainError
from partnerdesk.services import accounts, org, workspace
from partnerdesk.services.workspace import open_workspace


def _make(path) -> None:
    ws = open_workspace(f"sqlite:///{path}")
    accounts.init_office(ws, "admin", "admin-pass-1", "渝新区", "石油路街道")
    accounts.login(ws, "admin", "admin-pass-1")
    for n in range(400):  # enough pages that a damaged middle page is not the header
        org.add_unit(ws, "street", org.office(ws).district_id, f"街道{n:03d}" + "长" * 60)
    ws.close()
    fileguard.break_seal(path)  # as after an unclean exit: the next open checks the whole file


def _checkpointed(path) -> int:
    """Checkpoint the WAL; return the offset of a b-tree leaf page of org_units in the middle of the file
    (a page quick_check reads: overflow pages of long audit rows would not do)."""
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    leaves = [n for (n,) in conn.execute(
        "SELECT pageno FROM dbstat WHERE name = 'org_units' AND pagetype = 'leaf' ORDER BY pageno")]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    assert len(leaves) > 4, "the test database needs several leaf pages"
    return (leaves[len(leaves) // 2] - 1) * page_size


def test_healthy_large_file_opens_and_writes(tmp_path, monkeypatch):
    db = tmp_path / "big.sqlite3"
    _make(db)
    monkeypatch.setattr(workspace, "DEEP_CHECK_MAX_BYTES", 0)  # treat every file as large
    ws = open_workspace(f"sqlite:///{db}")
    try:
        assert ws.integrity is not None
        accounts.login(ws, "admin", "admin-pass-1")  # a write: waits for the check, which passes
        org.add_unit(ws, "street", org.office(ws).district_id, "新街道")
    finally:
        ws.close()


@pytest.mark.timeout(60)
def test_damaged_large_file_refuses_the_first_write_and_stays_untouched(tmp_path, monkeypatch):
    db = tmp_path / "big.sqlite3"
    _make(db)
    middle = _checkpointed(db)
    data = bytearray(db.read_bytes())
    data[middle + 8: middle + 4000] = b"\xa5" * (4000 - 8)
    db.write_bytes(bytes(data))
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    monkeypatch.setattr(workspace, "DEEP_CHECK_MAX_BYTES", 0)
    ws = open_workspace(f"sqlite:///{db}")
    try:
        with pytest.raises(DomainError) as e:
            accounts.login(ws, "admin", "admin-pass-1")
        assert e.value.code == "db.unusable" and e.value.params["state"] == "corrupt"
    finally:
        ws.close()
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
