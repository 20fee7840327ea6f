"""Shared fixtures. Every database test runs on SQLite and, when PARTNERDESK_TEST_PG_URL is set, on
PostgreSQL too (each PG test in a fresh schema that is dropped afterwards)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

PG_URL = os.environ.get("PARTNERDESK_TEST_PG_URL", "")
ADMIN_PASSWORD = "admin-pass-1"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _home(tmp_path_factory, monkeypatch) -> Path:
    """Never touch the real user data folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("PARTNERDESK_HOME", str(home))
    monkeypatch.delenv("PARTNERDESK_DATABASE_URL", raising=False)
    monkeypatch.delenv("PARTNERDESK_PASSWORD", raising=False)
    return home


def _backends() -> list:
    params = ["sqlite"]
    params.append(pytest.param("pg", marks=pytest.mark.pg) if PG_URL else
                  pytest.param("pg", marks=[pytest.mark.pg, pytest.mark.skip(reason="PARTNERDESK_TEST_PG_URL not set")]))
    return params


@pytest.fixture
def pg_schema() -> Iterator[tuple[str, str]]:
    """A fresh PostgreSQL schema: yields (url, schema)."""
    if not PG_URL:
        pytest.skip("PARTNERDESK_TEST_PG_URL not set")
    schema = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield PG_URL, schema
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=_backends())
def db_target(request, tmp_path) -> Iterator[dict]:
    """Arguments for open_workspace: {'url', 'pg_schema', 'backup_dir'} on each backend."""
    if request.param == "sqlite":
        yield {"url": f"sqlite:///{tmp_path / 'pd.sqlite3'}", "pg_schema": None, "backup_dir": tmp_path / "backups"}
    else:
        gen = pg_schema.__wrapped__()  # type: ignore[attr-defined]
        url, schema = next(gen)
        try:
            yield {"url": url, "pg_schema": schema, "backup_dir": None}
        finally:
            gen.close()


def open_ws(target: dict, **kw):
    from partnerdesk.services.workspace import open_workspace

    return open_workspace(target["url"], pg_schema=target["pg_schema"], backup_dir=target["backup_dir"], **kw)


@pytest.fixture
def bare_ws(db_target):
    """An empty, migrated workspace with nobody signed in."""
    ws = open_ws(db_target)
    yield ws
    ws.close()


@pytest.fixture
def ws(bare_ws):
    """A workspace with the office initialised and the administrator signed in."""
    from partnerdesk.services import accounts

    accounts.init_office(bare_ws, "admin", ADMIN_PASSWORD, "渝新区", "石油路街道")
    accounts.login(bare_ws, "admin", ADMIN_PASSWORD)
    return bare_ws


@pytest.fixture
def demo_ws(ws):
    """Administrator signed in, small demo loaded (org tree + users, password demo-pass-1)."""
    from partnerdesk.services import demo

    demo.load(ws, "small", seed=7)
    return ws
