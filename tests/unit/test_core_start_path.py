"""The start path in plain SQL: units of work (sqlite3 on a file, a Core connection on a server), the sign-in, its
audit entry, the Overview; and the Core units of work the other services use.

Each runs on SQLite and on PostgreSQL; a separate process shows that on a SQLite file none of the start path loads
SQLAlchemy at all, and that the warm-up loads it and the ORM.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select, update

from partnerdesk.db import tables
from partnerdesk.domain.errors import DomainError
from partnerdesk.services import accounts, audit, overview, signin
from partnerdesk.services.overview import Office

PW = "admin-pass-1"


def _count_meta(ws, key: str) -> int:
    with ws.read_sql() as work:
        return work.conn.scalar(select(func.count()).select_from(tables.app_meta).where(tables.app_meta.c.key == key))


def test_sql_work_commits_only_when_told(bare_ws):
    with bare_ws.write_sql() as work:
        work.conn.execute(insert(tables.app_meta).values(key="kept", value="1"))
        work.commit()
    with bare_ws.write_sql() as work:
        work.conn.execute(insert(tables.app_meta).values(key="dropped", value="1"))  # no commit: rolled back
    with pytest.raises(RuntimeError), bare_ws.write_sql() as work:
        work.conn.execute(insert(tables.app_meta).values(key="failed", value="1"))
        raise RuntimeError("boom")
    assert (_count_meta(bare_ws, "kept"), _count_meta(bare_ws, "dropped"), _count_meta(bare_ws, "failed")) == (1, 0, 0)


def test_sql_work_translates_database_errors(bare_ws):
    with bare_ws.write_sql() as work:
        work.conn.execute(insert(tables.app_meta).values(key="dup", value="1"))
        work.commit()
    with pytest.raises(DomainError) as exc, bare_ws.write_sql() as work:
        work.conn.execute(insert(tables.app_meta).values(key="dup", value="2"))
    assert exc.value.code == "record.duplicate"
    with bare_ws.read_sql() as work:
        assert work.conn.scalar(select(tables.app_meta.c.value).where(tables.app_meta.c.key == "dup")) == "1"


def test_plain_work_commits_only_when_told(bare_ws):
    put = 'INSERT INTO app_meta ("key", "value") VALUES (:k, :v)'
    with bare_ws.write_plain() as work:
        work.sql.run(put, {"k": "kept", "v": "1"})
        work.commit()
    with bare_ws.write_plain() as work:
        work.sql.run(put, {"k": "dropped", "v": "1"})  # no commit: rolled back
    with pytest.raises(RuntimeError), bare_ws.write_plain() as work:
        work.sql.run(put, {"k": "failed", "v": "1"})
        raise RuntimeError("boom")
    assert (_count_meta(bare_ws, "kept"), _count_meta(bare_ws, "dropped"), _count_meta(bare_ws, "failed")) == (1, 0, 0)
    with bare_ws.read_plain() as work:
        assert work.sql.dialect == ("sqlite" if bare_ws.is_sqlite else "postgresql")
        assert work.sql.rows('SELECT "value" FROM app_meta WHERE "key" = :k', {"k": "kept"}) == [("1",)]


def test_plain_work_translates_database_errors(bare_ws):
    put = 'INSERT INTO app_meta ("key", "value") VALUES (:k, :v)'
    with bare_ws.write_plain() as work:
        work.sql.run(put, {"k": "dup", "v": "1"})
        work.commit()
    with pytest.raises(DomainError) as exc, bare_ws.write_plain() as work:
        work.sql.run(put, {"k": "dup", "v": "2"})
    assert exc.value.code == "record.duplicate"
    with bare_ws.read_plain() as work:
        assert work.sql.scalar('SELECT "value" FROM app_meta WHERE "key" = :k', {"k": "dup"}) == "1"


def test_a_read_only_workspace_refuses_plain_sql_writes(db_target, ws):
    import dataclasses

    reader = dataclasses.replace(ws, read_only=True)
    for writer in (reader.write_sql, reader.write_plain):
        with pytest.raises(DomainError) as exc:
            writer()
        assert exc.value.code == "db.read_only"


def test_sign_in_bumps_the_version_as_the_orm_would(ws):
    def row():
        with ws.read_sql() as work:
            return work.conn.execute(select(tables.users.c.version, tables.users.c.last_login_at)
                                     .where(tables.users.c.username == "admin")).one()

    before = row()
    signin.login(ws, "admin", PW)
    after = row()
    assert after.version == before.version + 1 and after.last_login_at >= before.last_login_at
    # …so an administrator's edit from the version they read is refused, not silently overwritten
    users = accounts.list_users(ws)
    admin = next(u for u in users if u.username == "admin")
    signin.login(ws, "admin", PW)
    with pytest.raises(DomainError) as exc:
        accounts.update_user(ws, admin.id, admin.version, display_name="改名")
    assert exc.value.code == "record.conflict"


def test_sign_in_refuses_to_overwrite_a_row_changed_meanwhile(ws):
    with ws.read_plain() as work:
        user = signin._account(work.sql, "admin")  # noqa: SLF001 - the row as the sign-in read it
    with ws.write_sql() as work:
        work.conn.execute(update(tables.users).where(tables.users.c.id == user.id)
                          .values(version=tables.users.c.version + 1))
        work.commit()
    with pytest.raises(DomainError) as exc, ws.write_plain() as work:
        signin._update(work.sql, user, failed_logins=0)  # noqa: SLF001 - the version check itself
    assert exc.value.code == "record.conflict"


def test_a_lock_written_by_plain_sql_reads_back_through_the_orm(ws):
    """Times written by the plain path are stored as SQLAlchemy stores them (the ORM reads them back exactly), and
    a lock set by failures is honoured and then lifted by a good password once it has run out."""
    from datetime import timedelta

    from partnerdesk.db.models import User

    def admin() -> tuple:
        with ws.read() as work:
            user = work.session.query(User).filter_by(username="admin").one()
            return user.failed_logins, user.locked_until, user.last_login_at

    now = ws.now()
    for _ in range(5):
        with pytest.raises(DomainError):
            signin.login(ws, "admin", "wrong-password")
    failed, locked_until, _ = admin()
    assert failed == 5
    assert locked_until is not None and now < locked_until <= now + timedelta(minutes=16)
    with pytest.raises(DomainError) as exc:
        signin.login(ws, "admin", PW)
    assert exc.value.code == "auth.locked"
    ws.clock = lambda: now + timedelta(minutes=20)
    assert signin.login(ws, "admin", PW).username == "admin"
    assert admin() == (0, None, now + timedelta(minutes=20))


def test_audit_entries_from_connections_and_sessions_form_one_chain(ws):
    signin.login(ws, "admin", PW)  # a plain connection
    accounts.add_user(ws, "clerk", "staff", "clerk-pass-1")  # an ORM session
    audit.record_event(ws, "export", "file", "x.xlsx", {"rows": 3})  # a plain connection again
    signin.login(ws, "clerk", "clerk-pass-1")
    report = audit.verify_chain(ws)
    assert report.ok, report
    with ws.read_sql() as work:
        actions = list(work.conn.scalars(select(tables.audit_log.c.action).order_by(tables.audit_log.c.seq)))
        head = work.conn.scalar(select(tables.app_meta.c.value).where(tables.app_meta.c.key == audit.HEAD_KEY))
    assert actions[-4:] == ["login", "user.add", "export", "login"]
    assert head.split(":")[0] == str(len(actions))


def test_the_overview_reads_the_office_and_its_counts(ws):
    office = overview.office(ws)
    assert (office.district, office.street) == ("渝新区", "石油路街道")
    assert office.district_id is not None and office.street_id is not None
    summary = overview.summary(ws)
    assert (summary.streets, summary.communities, summary.pilots) == (1, 0, 0)


def test_an_office_not_yet_set_up_has_no_names(bare_ws):
    assert overview.office(bare_ws) == Office("", "", None, None)


START = """
import json, sys
from partnerdesk.services import overview, reminders, signin
from partnerdesk.services.workspace import load_sqlalchemy, open_workspace
ws = open_workspace(sys.argv[1])
assert signin.is_initialised(ws)
signin.login(ws, "admin", "admin-pass-1")
overview.office(ws), overview.summary(ws), reminders.expiring_agreements(ws, 30)
before = "sqlalchemy" in sys.modules
load_sqlalchemy()
ws.warm_up()
print(json.dumps({"sqlalchemy_before": before, "orm_after": "sqlalchemy.orm" in sys.modules,
                  "mapped": "partnerdesk.db.models.core" in sys.modules}))
ws.close()
"""


def test_the_start_path_runs_without_sqlalchemy_until_warmed_up(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'pd.sqlite3'}"
    from partnerdesk.services.workspace import open_workspace

    ws = open_workspace(url)
    accounts.init_office(ws, "admin", PW, "区", "街道")
    ws.close()
    done = subprocess.run([sys.executable, "-c", START, url], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PARTNERDESK_HOME": str(tmp_path / "home")},
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"sqlalchemy_before": False, "orm_after": True,
                                                                "mapped": True}


@pytest.mark.parametrize("kind", ["core", "plain"])
def test_a_write_lock_held_elsewhere_is_a_busy_message_not_a_crash(bare_ws, monkeypatch, kind):
    """A plain-SQL writer takes SQLite's write lock as it begins (BEGIN IMMEDIATE): when another connection holds it
    past the busy timeout, the caller gets db.busy, as from an ORM unit of work."""
    if not bare_ws.is_sqlite:
        pytest.skip("SQLite's write lock")
    import sqlite3

    from partnerdesk.db import plain
    from partnerdesk.db.engine import make_engine

    monkeypatch.setattr(plain, "BUSY_TIMEOUT_MS", 50)  # a short timeout for this test
    bare_ws.engine.dispose()
    bare_ws.bound_engine = make_engine(bare_ws.url)
    holder = sqlite3.connect(str(bare_ws.path), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DomainError) as exc, (bare_ws.write_sql() if kind == "core" else bare_ws.write_plain()):
            pass
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert exc.value.code == "db.busy"
