"""A migration killed mid-way (kill -9 at random moments) or failing mid-way leaves the old schema or the
new one, never half; the pre-migration backup exists; opening again finishes the job."""

from __future__ import annotations

import random
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

import pytest

from partnerdesk.db import backup as db_backup
from partnerdesk.db import migrate
from partnerdesk.services import accounts, org
from partnerdesk.services.workspace import open_workspace
from tests.helpers.dbstate import assert_invariants, fingerprint
from tests.helpers.zygote import Zygote

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "schema_0001.sqlite3"
CYCLES = 12
pytestmark = pytest.mark.timeout(240)


def schema(path: Path) -> tuple[str | None, frozenset[str], dict[str, int]]:
    """(revision, tables, row counts) read without writing; (None, {}, {}) for an empty or absent file."""
    if not path.exists() or path.stat().st_size == 0:
        return None, frozenset(), {}
    # a crashed WAL file needs recovery, which a read-only connection cannot run: look at a copy
    scratch = Path(tempfile.mkdtemp())
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{path}{suffix}").exists():
            shutil.copyfile(f"{path}{suffix}", scratch / f"copy.sqlite3{suffix}")
    conn = sqlite3.connect(scratch / "copy.sqlite3")
    try:
        tables = frozenset(r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"))
        rev = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] \
            if "alembic_version" in tables else None
        counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()
        shutil.rmtree(scratch)
    return rev, tables, counts


@pytest.fixture(scope="module")
def head_tables(tmp_path_factory) -> frozenset[str]:
    path = tmp_path_factory.mktemp("head") / "head.sqlite3"
    open_workspace(f"sqlite:///{path}").close()
    rev, tables, _ = schema(path)
    assert rev == migrate.head()
    return tables


@pytest.fixture(scope="module")
def zygote(tmp_path_factory):
    z = Zygote(tmp_path_factory.mktemp("zygote") / "zygote.err")
    yield z
    z.close()


def run_and_time(z: Zygote, db: Path, backups: Path) -> float:
    z.start(f"MIGRATE {db} {backups}")
    t0 = time.monotonic()
    lines = z.expect("DONE", timeout=60)
    elapsed = time.monotonic() - t0
    assert not any(line.startswith("ERR") for line in lines), lines
    z.wait_dead()
    return elapsed


def spread(rng: random.Random, cycle: int, full: float) -> float:
    """Kill moments spread over the whole open (stratified), a little past its measured length."""
    return full * 1.3 * (cycle + rng.random()) / CYCLES


def kill_during_open(z: Zygote, db: Path, backups: Path, delay: float) -> list[str]:
    z.start(f"MIGRATE {db} {backups}")
    z.expect("GO")
    time.sleep(delay)
    z.kill_worker()
    lines = z.wait_dead()
    assert not any(line.startswith("ERR") for line in lines), lines
    return lines


def test_initial_migration_killed(tmp_path, zygote, head_tables):
    rng = random.Random(7)
    full = run_and_time(zygote, tmp_path / "calibrate.sqlite3", tmp_path / "b0")
    outcomes = {"empty": 0, "head": 0}
    for cycle in range(CYCLES):
        db = tmp_path / f"fresh{cycle}.sqlite3"
        kill_during_open(zygote, db, tmp_path / f"b{cycle}", spread(rng, cycle, full))
        rev, tables, _ = schema(db)
        if rev is None:
            assert tables == frozenset(), f"half a schema: {sorted(tables)}"
            outcomes["empty"] += 1
        else:
            assert (rev, tables) == (migrate.head(), head_tables)
            outcomes["head"] += 1
        ws = open_workspace(f"sqlite:///{db}")  # finishes the job, no questions asked
        try:
            assert migrate.current(ws.engine) == migrate.head()
            accounts.init_office(ws, "admin", "admin-pass-1", "渝新区", "石油路街道")
            assert_invariants(ws)
        finally:
            ws.close()
    print("initial migration killed:", outcomes)
    assert outcomes["empty"], "kills must land before the commit"


def test_upgrade_from_released_schema_killed(tmp_path, zygote, head_tables):
    rng = random.Random(11)
    old_rev, old_tables, old_counts = schema(FIXTURE)
    assert old_rev != migrate.head(), "the oldest fixture is behind head"
    calibrate = tmp_path / "calibrate.sqlite3"
    shutil.copyfile(FIXTURE, calibrate)
    full = run_and_time(zygote, calibrate, tmp_path / "b0")
    outcomes = {"old": 0, "head": 0}
    for cycle in range(CYCLES):
        db, backups = tmp_path / f"office{cycle}.sqlite3", tmp_path / f"backups{cycle}"
        shutil.copyfile(FIXTURE, db)
        kill_during_open(zygote, db, backups, spread(rng, cycle, full))
        rev, tables, counts = schema(db)
        if rev == old_rev:
            assert tables == old_tables, f"half a migration: {sorted(tables - old_tables)}"
            assert counts == old_counts
            outcomes["old"] += 1
        else:
            assert (rev, tables) == (migrate.head(), head_tables)
            outcomes["head"] += 1
            pre = [b for b in db_backup.list_backups(backups) if b.reason == "pre-migration"]
            assert pre, "migrated without a pre-migration backup"
            assert schema(pre[0].path)[0] == old_rev
        for b in db_backup.list_backups(backups):
            assert db_backup.verify(b.path) is None, "nothing half-written under a backup's final name"
        ws = open_workspace(f"sqlite:///{db}", backup_dir=backups)
        try:
            assert migrate.current(ws.engine) == migrate.head()
            accounts.login(ws, "admin", "admin-pass-1")
            assert "𠈌溪社区😀" in {u.name for u in org.communities(ws)}
            assert_invariants(ws)
        finally:
            ws.close()
    print("upgrade killed:", outcomes)
    assert outcomes["old"], "kills must land before the commit"


def test_upgrade_failing_half_way_rolls_back(tmp_path):
    """A migration step failing after many others (a table in the way) undoes them all; the backup stays."""
    db, backups = tmp_path / "office.sqlite3", tmp_path / "backups"
    shutil.copyfile(FIXTURE, db)
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE rota_shifts (x INTEGER)")  # the last table the next revision creates
    conn.commit()
    conn.close()
    old_rev, old_tables, old_counts = schema(db)
    with pytest.raises(Exception) as exc:  # noqa: B017 - whatever the driver says, the point is what is left
        open_workspace(f"sqlite:///{db}", backup_dir=backups)
    assert "rota_shifts" in str(exc.value)
    assert schema(db) == (old_rev, old_tables, old_counts), "old schema, nothing half-created"
    pre = db_backup.list_backups(backups)
    assert len(pre) == 1 and pre[0].reason == "pre-migration" and db_backup.verify(pre[0].path) is None
    # the lock was released: once the obstacle is gone, the next open migrates
    conn = sqlite3.connect(db)
    conn.execute("DROP TABLE rota_shifts")
    conn.commit()
    conn.close()
    ws = open_workspace(f"sqlite:///{db}", backup_dir=backups)
    try:
        assert migrate.current(ws.engine) == migrate.head()
        assert_invariants(ws)
    finally:
        ws.close()
    assert fingerprint(FIXTURE)  # the kept fixture itself is never opened
