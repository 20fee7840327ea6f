"""Helpers for database tests: the invariants, row counts, file fingerprints. Real queries, no mocks."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, inspect, select, table, text

from partnerdesk.db.models import AppMeta
from partnerdesk.services import maintenance


def check_report(ws) -> dict:
    """Every check of ``partnerdesk check`` by name -> (ok, details)."""
    return {r.name: (r.ok, r.details) for r in maintenance.check(ws, actor_required=False).results}


def assert_invariants(ws) -> None:
    """integrity_check ok, foreign_key_check empty, audit chain verifies (and the app's own invariants)."""
    report = check_report(ws)
    bad = {k: v for k, v in report.items() if not v[0]}
    assert not bad, bad
    if ws.is_sqlite:
        conn = sqlite3.connect(f"file:{ws.path}?mode=ro", uri=True)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        finally:
            conn.close()


def table_counts(ws) -> dict[str, int]:
    with ws.engine.connect() as conn:
        names = inspect(conn).get_table_names()
        return {n: conn.execute(select(func.count()).select_from(table(n))).scalar_one() for n in names}


def audit_head(ws) -> str:
    with ws.read() as uow:
        head = uow.session.get(AppMeta, "audit_head")
        return head.value if head else ""


def state(ws) -> tuple[dict[str, int], str]:
    """What a refused call must leave unchanged: every table's row count and the audit head."""
    return table_counts(ws), audit_head(ws)


def audit_seqs(ws) -> list[int]:
    with ws.engine.connect() as conn:
        return [r[0] for r in conn.execute(text("SELECT seq FROM audit_log ORDER BY seq"))]


@dataclass(frozen=True)
class FileFingerprint:
    sha256: str
    size: int
    mtime_ns: int


def fingerprint(path: Path) -> FileFingerprint:
    data = Path(path).read_bytes()
    st = os.stat(path)
    return FileFingerprint(hashlib.sha256(data).hexdigest(), st.st_size, st.st_mtime_ns)


def sidecars(path: Path) -> list[str]:
    """-wal / -shm / -journal files beside a database file."""
    return sorted(p.name for p in Path(path).parent.iterdir()
                  if p.name.startswith(Path(path).name + "-"))
