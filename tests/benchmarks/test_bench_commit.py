"""One user action = one commit: org.add_unit on the district demo vs a bare sqlite3 INSERT + COMMIT, both on
a WAL file with synchronous=FULL (the app's pragmas). The time ratio is reported; the commit count must be 1."""

from __future__ import annotations

import sqlite3
import statistics
import time

from benchlib import ADMIN, ADMIN_PASSWORD, Figure
from sqlalchemy import event

N = 200


def _bare_commit_ms(path) -> list[float]:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("CREATE TABLE unit (id INTEGER PRIMARY KEY, parent_id INTEGER, name TEXT NOT NULL)")
    samples = []
    for i in range(N):
        t0 = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO unit (parent_id, name) VALUES (?, ?)", (1, f"社区{i}"))
        conn.execute("COMMIT")
        samples.append((time.perf_counter() - t0) * 1000)
    conn.close()
    return samples


def test_one_commit_per_action(district_db, tmp_path, monkeypatch, record):
    from partnerdesk.services import accounts, org
    from partnerdesk.services.workspace import open_workspace

    monkeypatch.setenv("PARTNERDESK_HOME", str(tmp_path / "home"))
    bare = _bare_commit_ms(tmp_path / "bare.sqlite3")
    db = district_db.copy_to(tmp_path / "svc")
    ws = open_workspace(f"sqlite:///{db}", backup_dir=tmp_path / "backups")
    try:
        accounts.login(ws, ADMIN, ADMIN_PASSWORD)
        street = org.office(ws).street_id
        service = []
        for i in range(N):
            t0 = time.perf_counter()
            org.add_unit(ws, "community", street, f"基准社区{i}")
            service.append((time.perf_counter() - t0) * 1000)
        commits = []
        event.listen(ws.engine, "commit", lambda conn: commits.append(1))
        org.add_unit(ws, "community", street, "基准社区-计数")
    finally:
        ws.close()
    baseline, measured = statistics.median(bare), statistics.median(service)
    record(Figure("one commit, synchronous=FULL: org.add_unit", measured, "ms", "info", None, baseline,
                  "bare sqlite3 INSERT + COMMIT, WAL, synchronous=FULL",
                  note=f"median of {N}", samples={"service_ms": service, "bare_ms": bare}))
    fig = Figure("commits per user action (org.add_unit)", float(len(commits)), "commits", "= 1",
                 len(commits) == 1, 1.0)
    record(fig)
    assert fig.passed, f"org.add_unit committed {len(commits)} times"
