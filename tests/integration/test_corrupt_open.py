"""A damaged or foreign file is recognised before anything writes to it: never modified, never deleted;
quarantine copies it aside and finds the newest verified backup to restore from."""

from __future__ import annotations

import random
import shutil
import sqlite3
import struct
import zipfile
from pathlib import Path

import pytest

from partnerdesk.domain.errors import DomainError
from partnerdesk.services import accounts, demo, maintenance, org
from partnerdesk.services.workspace import open_workspace
from tests.helpers.dbstate import assert_invariants, fingerprint, sidecars

PW = "admin-pass-1"
pytestmark = pytest.mark.timeout(120)


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A sound PartnerDesk database (small demo) plus one verified backup of it."""
    folder = tmp_path_factory.mktemp("template")
    path = folder / "pd.sqlite3"
    ws = open_workspace(f"sqlite:///{path}", backup_dir=folder / "backups")
    accounts.init_office(ws, "admin", PW, "渝新区", "石油路街道")
    accounts.login(ws, "admin", PW)
    demo.load(ws, "small", seed=3)
    ws.close()
    assert sidecars(path) == []
    return path


@pytest.fixture
def victim(template, tmp_path) -> Path:
    path = tmp_path / "office.sqlite3"
    shutil.copyfile(template, path)
    return path


def page_size(path: Path) -> int:
    with open(path, "rb") as fh:
        header = fh.read(100)
    size = struct.unpack(">H", header[16:18])[0]
    return 65536 if size == 1 else size


def truncate_ragged(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 100])


def truncate_whole_pages(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 3 * page_size(path)])


def zero_header(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[:100] = bytes(100)
    path.write_bytes(bytes(data))


def scribble_middle_pages(path: Path) -> None:
    """Overwrite a few pages in the middle of the file with random bytes (a bad sector, a stray write)."""
    data = bytearray(path.read_bytes())
    ps = page_size(path)
    pages = len(data) // ps
    rng = random.Random(20261121)
    for p in range(pages // 2 - 1, pages // 2 + 2):
        data[p * ps:(p + 1) * ps] = rng.randbytes(ps)
    path.write_bytes(bytes(data))


def renamed_xlsx(path: Path) -> None:
    path.unlink()
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")


def foreign_sqlite(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO contacts (name) VALUES ('张三')")
    conn.commit()
    conn.close()


def plain_text(path: Path) -> None:
    path.write_text("身份证号,姓名\n110105194912310021,张三\n", encoding="utf-8")


DAMAGE = {
    "truncated_ragged": (truncate_ragged, "truncated"),
    "truncated_whole_pages": (truncate_whole_pages, "truncated"),
    "zeroed_header": (zero_header, "not_sqlite"),
    "random_page_bytes": (scribble_middle_pages, "corrupt"),
    "renamed_xlsx": (renamed_xlsx, "spreadsheet"),
    "foreign_sqlite": (foreign_sqlite, "foreign"),
    "text_file": (plain_text, "not_sqlite"),
}


@pytest.mark.parametrize("kind", list(DAMAGE))
@pytest.mark.parametrize("read_only", [False, True], ids=["rw", "ro"])
def test_damaged_file_refused_before_any_write(victim, kind, read_only):
    damage, state = DAMAGE[kind]
    damage(victim)
    before = fingerprint(victim)
    with pytest.raises(DomainError) as exc:
        open_workspace(f"sqlite:///{victim}", backup_dir=victim.parent / "backups", read_only=read_only)
    assert exc.value.code == "db.unusable"
    assert exc.value.params["state"] == state
    assert exc.value.params["path"] == str(victim)
    assert fingerprint(victim) == before, "the file must not be modified"
    assert sidecars(victim) == [], "no -wal/-shm/-journal may be created"
    assert not (victim.parent / "backups").exists()
    assert sorted(p.name for p in victim.parent.iterdir()) == [victim.name], "nothing written beside it"


def stamp_newer(path: Path, revision: str = "9999_from_the_future") -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.commit()
    conn.close()


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_newer_schema_refused_before_any_write(victim, journal):
    """A file written by a later PartnerDesk: refused for writing without touching it, whatever its journal
    mode (a backup or a copy from another machine is in rollback-journal mode)."""
    stamp_newer(victim)
    conn = sqlite3.connect(victim)
    conn.execute(f"PRAGMA journal_mode={journal}")
    conn.close()
    before = fingerprint(victim)
    with pytest.raises(DomainError) as exc:
        open_workspace(f"sqlite:///{victim}", backup_dir=victim.parent / "backups")
    assert exc.value.code == "db.newer_schema"
    assert exc.value.params["revision"] == "9999_from_the_future"
    assert fingerprint(victim) == before
    assert sidecars(victim) == []
    assert sorted(p.name for p in victim.parent.iterdir()) == [victim.name], "no lock, no backup, nothing"


def test_newer_schema_opens_read_only(victim):
    stamp_newer(victim)
    before = fingerprint(victim)
    ws = open_workspace(f"sqlite:///{victim}", read_only=True)
    try:
        assert ws.read_only
        accounts.login(ws, "admin", PW)
        assert sum(1 for u in org.tree(ws) if u.kind == "community") == 31
        street = org.office(ws).street_id
        with pytest.raises(DomainError) as exc:
            org.add_unit(ws, "community", street, "不该写入社区")
        assert exc.value.code == "db.read_only"
        with pytest.raises(DomainError) as exc:
            maintenance.backup_now(ws)  # no backup folder: not an error of writing the database
        assert exc.value.code in ("backup.no_folder",)
    finally:
        ws.close()
    assert fingerprint(victim) == before
    # (a read-only open may leave an empty -wal/-shm: SQLite needs the WAL index to read safely beside a writer)


def test_quarantine_copies_and_finds_newest_verified_backup(template, tmp_path):
    db = tmp_path / "office.sqlite3"
    backups = tmp_path / "backups"
    shutil.copyfile(template, db)
    ws = open_workspace(f"sqlite:///{db}", backup_dir=backups)
    accounts.login(ws, "admin", PW)
    older = maintenance.backup_now(ws).value
    street = org.office(ws).street_id
    org.add_unit(ws, "community", street, "备份后新增社区")
    good = maintenance.backup_now(ws, reason="auto", automatic=True).value
    ws.close()
    # a newer backup that is damaged must be skipped
    damaged = backups / f"partnerdesk-{good.taken_at.strftime('%Y%m%d')}-235959-auto.sqlite3"
    shutil.copyfile(good.path, damaged)
    scribble_middle_pages(damaged)
    assert maintenance.list_backups(backups)[0].path == damaged
    scribble_middle_pages(db)
    before = fingerprint(db)
    with pytest.raises(DomainError) as exc:
        open_workspace(f"sqlite:///{db}", backup_dir=backups)
    assert exc.value.params["state"] == "corrupt"

    copy, newest = maintenance.quarantine(db, tmp_path / "quarantine", backups)
    assert copy.read_bytes() == db.read_bytes() and copy.parent == tmp_path / "quarantine"
    assert fingerprint(db) == before, "quarantine copies, never moves"
    assert newest is not None and newest.path == good.path != older.path

    # restore is offered from it; a damaged current database needs no sign-in (it cannot be read)
    safety = maintenance.restore(db, newest.path, backups, credentials=None)
    assert safety is None
    assert copy.exists()
    ws = open_workspace(f"sqlite:///{db}", backup_dir=backups)
    try:
        accounts.login(ws, "admin", PW)
        assert "备份后新增社区" in {u.name for u in org.communities(ws)}
        assert_invariants(ws)
    finally:
        ws.close()
