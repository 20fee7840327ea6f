"""Every released schema's fixture database (tests/fixtures/schema_*.sqlite3, kept forever) opens with the
current code: upgraded to head after a verified pre-migration backup, with its data and the invariants intact.
A new fixture joins this test by being added to the folder."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from partnerdesk.db import backup as db_backup
from partnerdesk.db import fileguard, migrate
from partnerdesk.services import accounts, audit_queries, org
from partnerdesk.services.workspace import open_workspace
from tests.helpers.dbstate import assert_invariants, fingerprint, table_counts

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ALL = sorted(FIXTURES.glob("schema_*.sqlite3"))
# tables a migration may seed with rows of its own (everything else keeps its row count exactly)
SEEDED_BY_MIGRATIONS = {"app_meta"}


def raw(path: Path) -> dict:
    """What the file holds, read without writing a byte."""
    conn = fileguard.ro_connect(path)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        return {
            "revision": conn.execute("SELECT version_num FROM alembic_version").fetchone()[0],
            "counts": {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables},
            "units": sorted(conn.execute("SELECT id, kind, parent_id, name, code, is_pilot, phase FROM org_units")),
            "users": sorted(conn.execute("SELECT id, username, role, active FROM users")),
            "links": sorted(conn.execute("SELECT user_id, community_id FROM user_communities")),
            "audit": sorted(conn.execute("SELECT seq, hash FROM audit_log")),
        }
    finally:
        conn.close()


def test_there_is_a_fixture_for_the_first_release():
    assert (FIXTURES / "schema_0001.sqlite3") in ALL
    assert (FIXTURES / "README.md").exists()


@pytest.mark.parametrize("fixture", ALL, ids=[p.name for p in ALL])
def test_fixture_upgrades_to_head(fixture, tmp_path):
    kept = fingerprint(fixture)
    db, backups = tmp_path / fixture.name, tmp_path / "backups"
    shutil.copyfile(fixture, db)
    before = raw(db)
    assert before["revision"] in migrate.known_revisions(), "a fixture must come from a released schema"
    behind = before["revision"] != migrate.head()

    ws = open_workspace(f"sqlite:///{db}", backup_dir=backups)
    try:
        assert migrate.current(ws.engine) == migrate.head()
        if behind:
            assert "migrated" in ws.notes
            note = next(n for n in ws.notes if n.startswith("backup:"))
            backup = Path(note.removeprefix("backup:"))
            assert db_backup.verify(backup) is None
            assert raw(backup) == before, "the pre-migration backup is the file as it was"
        assert_invariants(ws)
        after = raw(db)
        for table, n in before["counts"].items():
            if table == "alembic_version":
                continue
            if table in SEEDED_BY_MIGRATIONS:
                assert after["counts"][table] >= n, table
            else:
                assert after["counts"][table] == n, table
        for key in ("units", "users", "links", "audit"):
            assert after[key] == before[key], key

        # the people of the old release can still sign in and work
        accounts.login(ws, "admin", "admin-pass-1")
        demo_users = [u for _, u, role, _ in before["users"] if role == "staff"]
        if demo_users:
            assert accounts.login(ws, demo_users[0], "demo-pass-1").username == demo_users[0]
            accounts.login(ws, "admin", "admin-pass-1")
        tree = org.tree(ws)
        assert sorted((u.id, u.kind, u.parent_id, u.name) for u in tree) == \
            sorted((i, k, p, n) for i, k, p, n, *_ in before["units"])
        street = org.office(ws).street_id
        org.add_unit(ws, "community", street, "升级后新增社区")
        assert_invariants(ws)
        if any("𠈌" in u.name for u in tree):
            assert audit_queries.list_entries(ws, audit_queries.AuditFilter(text="𠈌"))
        if before["counts"].get("office_templates"):  # the office's template versions print as they did
            from partnerdesk.services import templates

            with sqlite3.connect(fixture) as conn:
                active = dict(conn.execute("SELECT kind, version FROM office_templates WHERE active"))
            assert active and {e.kind: e.version for e in templates.list_templates(ws) if e.origin == "office"} == active
    finally:
        ws.close()
    assert fingerprint(fixture) == kept, "the kept fixture itself is never opened"
    beside = [p.name for p in FIXTURES.iterdir() if p.name.startswith(fixture.name) and p != fixture]
    assert beside == [], "nothing written beside the fixture (-wal, -shm, .lock)"


@pytest.mark.parametrize("fixture", ALL, ids=[p.name for p in ALL])
def test_fixture_opens_read_only_without_upgrading(fixture, tmp_path):
    db = tmp_path / fixture.name
    shutil.copyfile(fixture, db)
    before = raw(db)
    ws = open_workspace(f"sqlite:///{db}", read_only=True)
    try:
        accounts.login(ws, "admin", "admin-pass-1")
        assert len(org.tree(ws)) == before["counts"]["org_units"]
        if before["revision"] != migrate.head():
            assert ws.notes == ["schema_behind_read_only"]
        assert table_counts(ws) == before["counts"]
    finally:
        ws.close()
    assert raw(db) == before
