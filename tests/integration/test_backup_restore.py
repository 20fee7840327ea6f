"""Backups taken while another thread writes all verify; restore round-trips; restore refuses anything that
is not a verified PartnerDesk database and leaves the current one untouched; it needs an administrator
when the current database is sound, and keeps a pre-restore backup."""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from partnerdesk.db import backup as db_backup
from partnerdesk.db import migrate
from partnerdesk.domain.errors import DomainError
from partnerdesk.services import accounts, audit, audit_queries, demo, maintenance, org
from partnerdesk.services.workspace import open_workspace
from tests.helpers.dbstate import assert_invariants, fingerprint, table_counts

PW = "admin-pass-1"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
pytestmark = pytest.mark.timeout(180)


@pytest.fixture
def office(tmp_path):
    db, backups = tmp_path / "office.sqlite3", tmp_path / "backups"
    ws = open_workspace(f"sqlite:///{db}", backup_dir=backups)
    accounts.init_office(ws, "admin", PW, "渝新区", "石油路街道")
    accounts.login(ws, "admin", PW)
    demo.load(ws, "small", seed=11)
    yield ws, db, backups
    ws.close()


def reopen(db: Path, backups: Path):
    ws = open_workspace(f"sqlite:///{db}", backup_dir=backups)
    accounts.login(ws, "admin", PW)
    return ws


def snapshot(ws) -> tuple:
    users = tuple((u.id, u.username, u.role, u.display_name, u.active, u.community_ids)
                  for u in accounts.list_users(ws))
    return tuple(org.tree(ws)), users


def test_backups_while_another_thread_writes(office):
    ws, db, backups = office
    street = org.office(ws).street_id
    stop, written, errors = threading.Event(), [], []

    def writer() -> None:
        k = 0
        try:
            while not stop.is_set():
                k += 1
                org.add_unit(ws, "community", street, f"并发社区{k}")
                audit.record_event(ws, "test.tick", "tick", k)
                written.append(k)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    t = threading.Thread(target=writer)
    t.start()
    taken = []
    try:
        for _ in range(6):
            time.sleep(0.15)
            taken.append(maintenance.backup_now(ws).value)
    finally:
        stop.set()
        t.join(30)
    assert not errors, errors
    assert len(written) > 10
    units_seen = []
    for info in taken:
        assert db_backup.verify(info.path) is None
        copy = open_workspace(f"sqlite:///{info.path}", read_only=True)
        try:
            assert_invariants(copy)
            units_seen.append(table_counts(copy)["org_units"])
        finally:
            copy.close()
    assert units_seen == sorted(units_seen) and units_seen[-1] > units_seen[0], "each copy a later snapshot"
    assert_invariants(ws)


def test_restore_round_trip(office):
    ws, db, backups = office
    saved = maintenance.backup_now(ws).value
    expected = snapshot(ws)
    street = org.office(ws).street_id
    org.add_unit(ws, "community", street, "备份之后社区")
    first = org.communities(ws)[0]
    org.update_unit(ws, first.id, first.version, name="改过名的社区")
    accounts.add_user(ws, "later", "staff", "later-pass-1")
    changed = snapshot(ws)
    ws.close()

    safety = maintenance.restore(db, saved.path, backups, ("admin", PW))

    ws2 = reopen(db, backups)
    try:
        assert snapshot(ws2) == expected
        last = audit_queries.list_entries(ws2, limit=2)
        assert [e.action for e in last] == ["login", "restore"]
        assert saved.path.name in last[1].entity_id
        assert_invariants(ws2)
    finally:
        ws2.close()
    # the pre-restore backup holds what was replaced
    assert safety is not None and db_backup.verify(safety) is None and "pre-restore" in safety.name
    before = reopen(safety, backups.parent / "other-backups")
    try:
        assert snapshot(before)[0] == changed[0]
    finally:
        before.close()


def scribble(path: Path) -> None:
    data = bytearray(path.read_bytes())
    mid = len(data) // 2 // 4096 * 4096
    data[mid:mid + 8192] = bytes(range(256)) * 32
    path.write_bytes(bytes(data))


def make_candidates(folder: Path, good: Path) -> dict[str, Path]:
    folder.mkdir()
    out = {}
    out["corrupt"] = folder / "corrupt.sqlite3"
    shutil.copyfile(good, out["corrupt"])
    scribble(out["corrupt"])
    out["truncated"] = folder / "truncated.sqlite3"
    out["truncated"].write_bytes(good.read_bytes()[:50_000])
    out["foreign"] = folder / "foreign.sqlite3"
    c = sqlite3.connect(out["foreign"])
    c.execute("CREATE TABLE app_meta (key TEXT)")  # even with a table of the same name
    c.execute("CREATE TABLE alembic_version (version_num TEXT)")
    c.commit()
    c.close()
    out["other_program"] = folder / "other.sqlite3"
    c = sqlite3.connect(out["other_program"])
    c.execute("CREATE TABLE notes (body TEXT)")
    c.commit()
    c.close()
    out["xlsx"] = folder / "book.sqlite3"
    out["xlsx"].write_bytes(b"PK\x03\x04" + bytes(2000))
    out["empty"] = folder / "empty.sqlite3"
    out["empty"].write_bytes(b"")
    out["newer"] = folder / "newer.sqlite3"
    shutil.copyfile(good, out["newer"])
    c = sqlite3.connect(out["newer"])
    c.execute("UPDATE alembic_version SET version_num = '9999'")
    c.commit()
    c.close()
    return out


@pytest.mark.parametrize("kind", ["corrupt", "truncated", "foreign", "other_program", "xlsx", "empty", "newer"])
def test_restore_refuses_bad_files(office, tmp_path, kind):
    ws, db, backups = office
    good = maintenance.backup_now(ws).value.path
    ws.close()
    candidate = make_candidates(tmp_path / "candidates", good)[kind]
    before, listing = fingerprint(db), sorted(p.name for p in backups.iterdir())
    with pytest.raises(DomainError) as exc:
        maintenance.restore(db, candidate, backups, ("admin", PW))
    assert exc.value.code == "restore.refused"
    assert fingerprint(db) == before, "the current database is untouched"
    assert sorted(p.name for p in backups.iterdir()) == listing, "no pre-restore backup for a refused file"


@pytest.mark.parametrize("credentials, code", [(None, "auth.not_signed_in"), (("admin", "wrong-pass-1"),
                                               "auth.bad_credentials"), (("staff1", "demo-pass-1"), "auth.forbidden"),
                                               (("auditor1", "demo-pass-1"), "auth.forbidden")])
def test_restore_needs_an_administrator(office, credentials, code):
    ws, db, backups = office
    good = maintenance.backup_now(ws).value.path
    org.add_unit(ws, "community", org.office(ws).street_id, "不能被覆盖的社区")
    counts = table_counts(ws)
    ws.close()
    listing = sorted(p.name for p in backups.iterdir())
    with pytest.raises(DomainError) as exc:
        maintenance.restore(db, good, backups, credentials)
    assert exc.value.code == code
    ws2 = reopen(db, backups)
    try:
        after = table_counts(ws2)
        assert {k: v for k, v in after.items() if k != "audit_log"} == \
               {k: v for k, v in counts.items() if k != "audit_log"}
        assert "不能被覆盖的社区" in {u.name for u in org.communities(ws2)}
    finally:
        ws2.close()
    assert sorted(p.name for p in backups.iterdir()) == listing


def test_restore_refused_while_open(office):
    ws, db, backups = office
    good = maintenance.backup_now(ws).value.path
    before = table_counts(ws)
    with pytest.raises(DomainError) as exc:
        maintenance.restore(db, good, backups, ("admin", PW))
    assert exc.value.code == "db.in_use"
    assert table_counts(ws) == before


def test_restore_an_older_schema_backup_migrates_it(office, tmp_path):
    """A backup from an earlier release restores and is brought up to date (after its own pre-migration copy)."""
    ws, db, backups = office
    ws.close()
    old = tmp_path / "old-release-backup.sqlite3"
    shutil.copyfile(FIXTURES / "schema_0001.sqlite3", old)
    maintenance.restore(db, old, backups, ("admin", PW))
    ws2 = reopen(db, backups)
    try:
        assert migrate.current(ws2.engine) == migrate.head()
        assert "𠈌溪社区😀" in {u.name for u in org.communities(ws2)}
        assert_invariants(ws2)
    finally:
        ws2.close()
    assert any(b.reason == "pre-migration" for b in db_backup.list_backups(backups))


def test_same_second_backups_are_ordered(office):
    ws, db, backups = office
    now = datetime(2026, 11, 21, 9, 30, 0)
    names = [db_backup.take(db, backups, reason, now=now).path.name
             for reason in ("manual", "manual", "auto", "pre-restore", "manual")]
    assert names[1].endswith("-manual-1.sqlite3") and names[4].endswith("-manual-2.sqlite3")
    listed = [b.path.name for b in db_backup.list_backups(backups)]
    assert listed == list(reversed(names)), "newest first, even within one second"
    assert db_backup.newest_verified(backups).path.name == names[-1]


def test_rotation_keeps_verified_newest(office):
    ws, db, backups = office
    now = datetime.now()
    for days in (60, 45, 30, 20, 12, 9, 8, 3, 2, 1):
        db_backup.take(db, backups, "auto", now=now - timedelta(days=days))
    newest = maintenance.backup_now(ws).value
    deleted = maintenance.rotate(ws, keep_daily=7, keep_weekly=4)
    kept = db_backup.list_backups(backups)
    assert kept[0].path == newest.path
    assert deleted and all(not p.exists() for p in deleted)
    assert all((now - b.taken_at) < timedelta(weeks=5) for b in kept)
    # a damaged newest copy stops rotation: the older ones stay
    scribble(newest.path)
    listing = sorted(p.name for p in backups.iterdir())
    assert maintenance.rotate(ws, keep_daily=0, keep_weekly=0) == []
    assert sorted(p.name for p in backups.iterdir()) == listing


def test_rotation_trusts_the_backup_just_verified_and_clears_unfinished_copies(office, monkeypatch):
    """Right after a verified backup the rotation does not check that same file again (integrity_check of a large
    file takes seconds, at every exit); any other newest file is checked. Temporary copies left by a backup that
    was killed half-way go once they are a day old; younger ones (a backup still being taken) and other files stay."""
    import os

    ws, db, backups = office
    newest = maintenance.backup_now(ws).value
    checked = []
    real_verify = db_backup.verify
    monkeypatch.setattr(db_backup, "verify", lambda p: checked.append(Path(p).name) or real_verify(p))
    maintenance.rotate(ws, keep_daily=7, keep_weekly=4, verified=newest.path)
    assert checked == []
    maintenance.rotate(ws, keep_daily=7, keep_weekly=4)
    assert checked == [newest.path.name]

    old_part = backups / ".partnerdesk-20261101-080000-exit.sqlite3.abcd1234.part"
    old_journal = backups / ".partnerdesk-20261101-080000-exit.sqlite3.abcd1234.part-journal"
    fresh_part = backups / ".partnerdesk-20261122-080000-startup.sqlite3.efgh5678.part"
    other = backups / "notes.txt"
    for p in (old_part, old_journal, fresh_part, other):
        p.write_bytes(b"x" * 100)
    two_days_ago = time.time() - 2 * 86400
    for p in (old_part, old_journal, other):
        os.utime(p, (two_days_ago, two_days_ago))
    removed = maintenance.rotate(ws, keep_daily=7, keep_weekly=4, verified=newest.path)
    assert set(removed) >= {old_part, old_journal}
    assert not old_part.exists() and not old_journal.exists()
    assert fresh_part.exists() and other.exists() and newest.path.exists()
