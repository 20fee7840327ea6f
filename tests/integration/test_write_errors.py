"""Disk full / write errors during backup and save: nothing half-written under a final name, temp files
removed, older backups kept. Real failures where we can make them (RLIMIT_FSIZE in a child process makes
the kernel refuse writes past a size), os.replace/os.fsync failing where we cannot."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from partnerdesk import fsutil, settings
from partnerdesk.db import backup as db_backup
from partnerdesk.services import accounts, maintenance, org
from partnerdesk.services.workspace import open_workspace
from tests.helpers.dbstate import assert_invariants, fingerprint, table_counts

PW = "admin-pass-1"
ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def office(tmp_path):
    """A small office database with one verified backup; the workspace is closed again."""
    db, backups = tmp_path / "office.sqlite3", tmp_path / "backups"
    ws = open_workspace(f"sqlite:///{db}", backup_dir=backups)
    accounts.init_office(ws, "admin", PW, "渝新区", "石油路街道")
    accounts.login(ws, "admin", PW)
    street = org.office(ws).street_id
    for k in range(30):
        org.add_unit(ws, "community", street, f"社区{k:02d}" + "名" * 40)
    old = maintenance.backup_now(ws).value
    ws.close()
    return db, backups, old.path


def folder_listing(folder: Path) -> dict[str, str]:
    return {p.name: fingerprint(p).sha256 for p in sorted(folder.iterdir())}


def enospc(*_a, **_k):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_backup_rename_fails(office, monkeypatch):
    db, backups, old = office
    before = folder_listing(backups)
    ws = open_workspace(f"sqlite:///{db}", backup_dir=backups)
    try:
        accounts.login(ws, "admin", PW)
        head = table_counts(ws)["audit_log"]
        monkeypatch.setattr(os, "replace", enospc)
        with pytest.raises(OSError) as exc:
            maintenance.backup_now(ws)
        monkeypatch.undo()
        assert exc.value.errno == errno.ENOSPC
        assert folder_listing(backups) == before, "no new file, no temp file, the old backup untouched"
        assert db_backup.verify(old) is None
        assert table_counts(ws)["audit_log"] == head, "a failed backup is not recorded as taken"
        assert_invariants(ws)
    finally:
        ws.close()


def test_backup_fsync_fails(office, monkeypatch):
    db, backups, _ = office
    before = folder_listing(backups)
    ws = open_workspace(f"sqlite:///{db}", backup_dir=backups)
    try:
        accounts.login(ws, "admin", PW)
        monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(errno.EIO, "I/O error")))
        with pytest.raises(OSError):
            maintenance.backup_now(ws)
        monkeypatch.undo()
        assert folder_listing(backups) == before
    finally:
        ws.close()


def run_limited(script: str, limit: int, *args: str) -> dict:
    """Run ``script`` in a child whose files may not grow past ``limit`` bytes (the kernel refuses with EFBIG)."""
    prelude = (
        "import resource, signal, sys, json\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    r = subprocess.run([sys.executable, "-c", prelude + script, *args], capture_output=True, text=True,
                       timeout=90, cwd=ROOT, env=env)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout.strip().splitlines()[-1])


BACKUP_CHILD = """
from pathlib import Path
from partnerdesk.services import accounts, maintenance
from partnerdesk.services.workspace import open_workspace
ws = open_workspace("sqlite:///" + sys.argv[1], backup_dir=Path(sys.argv[2]))
accounts.login(ws, "admin", "admin-pass-1")
try:
    maintenance.backup_now(ws)
    out = {"error": None}
except Exception as exc:
    out = {"error": type(exc).__name__, "text": str(exc)}
print(json.dumps(out))
"""


def test_disk_full_during_backup(office):
    db, backups, old = office
    before = folder_listing(backups)
    out = run_limited(BACKUP_CHILD, db.stat().st_size // 2, str(db), str(backups))
    assert out["error"] is not None and ("disk" in out["text"] or "full" in out["text"]), out
    assert folder_listing(backups) == before, (out, "nothing half-written under a final name, temp removed")
    assert db_backup.verify(old) is None
    ws = open_workspace(f"sqlite:///{db}", backup_dir=backups)
    try:
        assert_invariants(ws)
    finally:
        ws.close()


SAVE_CHILD = """
from partnerdesk.services import accounts, demo
from partnerdesk.services.workspace import open_workspace
ws = open_workspace("sqlite:///" + sys.argv[1])
accounts.login(ws, "admin", "admin-pass-1")
try:
    demo.load(ws, "small", seed=1)
    out = {"error": None}
except Exception as exc:
    out = {"error": type(exc).__name__, "text": str(exc)[:300]}
ws.close()
print(json.dumps(out))
"""


def test_disk_full_during_save_is_all_or_nothing(office):
    db, backups, _ = office
    ws = open_workspace(f"sqlite:///{db}")
    counts = table_counts(ws)
    ws.close()
    out = run_limited(SAVE_CHILD, 256 * 1024, str(db))
    # the demo data cannot fit in a 256 KB journal: the kernel refuses the write (EFBIG, which SQLite reports as
    # an I/O error; ENOSPC would be "disk full"), SQLite rolls back, the user is told in plain words
    assert out["error"] == "DomainError" and out["text"] in ("db.io_error", "db.disk_full"), out
    ws = open_workspace(f"sqlite:///{db}", backup_dir=backups)
    try:
        after = table_counts(ws)
        assert {k: v for k, v in after.items() if k != "audit_log"} == \
               {k: v for k, v in counts.items() if k != "audit_log"}, "nothing of the failed save remains"
        assert after["audit_log"] == counts["audit_log"] + 1  # only the sign-in
        assert_invariants(ws)
    finally:
        ws.close()


def test_settings_save_rename_fails(tmp_path, monkeypatch):
    path = tmp_path / "config" / "settings.json"
    s = settings.Settings(language="en", keep_daily=3)
    settings.save(s, path)
    old = path.read_bytes()
    s.language, s.keep_daily = "zh_CN", 9
    monkeypatch.setattr(os, "replace", enospc)
    with pytest.raises(OSError):
        settings.save(s, path)
    monkeypatch.undo()
    assert path.read_bytes() == old
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"], "the temp file is gone"
    assert settings.load(path).keep_daily == 3


def test_settings_first_save_fails_leaves_nothing(tmp_path, monkeypatch):
    path = tmp_path / "config" / "settings.json"
    monkeypatch.setattr(os, "replace", enospc)
    with pytest.raises(OSError):
        settings.save(settings.Settings(), path)
    monkeypatch.undo()
    assert list(path.parent.iterdir()) == []
    assert settings.load(path) == settings.Settings()  # a missing file means defaults


def test_atomic_write_writer_fails_half_way(tmp_path):
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"previous complete file")

    def writer(tmp: Path) -> None:
        tmp.write_bytes(b"half of the new fi")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OSError):
        fsutil.atomic_write(target, writer)
    assert target.read_bytes() == b"previous complete file"
    assert [p.name for p in tmp_path.iterdir()] == ["report.xlsx"]


def test_atomic_write_interrupted(tmp_path):
    target = tmp_path / "new.pdf"

    def writer(tmp: Path) -> None:
        tmp.write_bytes(b"%PDF-1.7 partial")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        fsutil.atomic_write(target, writer)
    assert list(tmp_path.iterdir()) == []


def test_corrupt_settings_file_falls_back_to_defaults(tmp_path):
    path = tmp_path / "settings.json"
    path.write_bytes(b'{"language": "en", "keep_dai')  # e.g. written by an old version without atomic rename
    assert settings.load(path) == settings.Settings()
    path.write_text(json.dumps({"language": "fr", "keep_daily": 2, "unknown": 1}), encoding="utf-8")
    loaded = settings.load(path)
    assert (loaded.language, loaded.keep_daily) == ("zh_CN", 2)


MIGRATE_CHILD = """
from pathlib import Path
from partnerdesk.services.workspace import open_workspace
try:
    open_workspace("sqlite:///" + sys.argv[1], backup_dir=Path(sys.argv[2])).close()
    out = {"error": None}
except Exception as exc:
    out = {"error": type(exc).__name__, "text": str(exc)[:300]}
print(json.dumps(out))
"""


@pytest.mark.parametrize("limit_kb", [48, 160])
def test_disk_full_during_migration(tmp_path, limit_kb):
    """48 KB: not even the pre-migration backup fits; 160 KB: the backup fits, the migration's journal does
    not. Either way the file keeps its old schema and data, and no half backup carries a final name."""
    import shutil
    import sqlite3

    fixture = ROOT / "tests" / "fixtures" / "schema_0001.sqlite3"
    db, backups = tmp_path / "office.sqlite3", tmp_path / "backups"
    shutil.copyfile(fixture, db)
    out = run_limited(MIGRATE_CHILD, limit_kb * 1024, str(db), str(backups))
    assert out["error"] is not None, out
    taken = db_backup.list_backups(backups)
    if limit_kb >= 160:  # the backup was taken (and verifies) before the migration failed
        assert [b.reason for b in taken] == ["pre-migration"]
    else:
        assert taken == []
    conn = sqlite3.connect(db)  # read-write, as the next start would: recovers whatever the child left
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
        assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'partners'").fetchall()
        assert conn.execute("SELECT count(*) FROM org_units").fetchone()[0] == 44
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()
    for info in taken:
        assert db_backup.verify(info.path) is None
    if backups.exists():
        assert not [p for p in backups.iterdir() if p.name.endswith(".part")], "temp files removed"
    ws = open_workspace(f"sqlite:///{db}", backup_dir=backups)  # with room again, the upgrade completes
    try:
        assert "migrated" in ws.notes
        assert_invariants(ws)
    finally:
        ws.close()
