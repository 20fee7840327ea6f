"""Two app instances on one SQLite file: the second is told who holds it and may open read-only; reads
work while the first writes, writes are refused with db.read_only; never a "database is locked" crash."""

from __future__ import annotations

import getpass
import json
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from partnerdesk.services import accounts, org
from partnerdesk.services.workspace import open_workspace

PW = "admin-pass-1"
ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.timeout(120)

SECOND = r"""
import json, sys, time
from partnerdesk.domain.errors import DomainError
from partnerdesk.services import accounts, audit, org
from partnerdesk.services.workspace import open_workspace

url, seconds = sys.argv[1], float(sys.argv[2])
out = {}
try:
    ws = open_workspace(url)
    out["opened_rw"] = True
    ws.close()
except DomainError as exc:
    out["error"], out["params"] = exc.code, {k: str(v) for k, v in exc.params.items()}
ws = open_workspace(url, read_only=True)
accounts.login(ws, "admin", "admin-pass-1")
counts, deadline = [], time.monotonic() + seconds
while True:
    counts.append(len(org.communities(ws)))
    if time.monotonic() > deadline:
        break
    time.sleep(0.02)
out["counts"] = counts
street = org.office(ws).street_id
refusals = []
for attempt in (lambda: org.add_unit(ws, "community", street, "第二实例社区"),
                lambda: audit.record_event(ws, "second.instance"),
                lambda: accounts.change_own_password(ws, "admin-pass-1", "other-pass-1")):
    try:
        attempt()
        refusals.append(None)
    except DomainError as exc:
        refusals.append(exc.code)
out["refusals"] = refusals
ws.close()
print(json.dumps(out))
"""


def second_instance(db: Path, seconds: float) -> tuple[dict, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    r = subprocess.run([sys.executable, "-c", SECOND, f"sqlite:///{db}", str(seconds)], capture_output=True,
                       text=True, timeout=90, cwd=ROOT, env=env)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout.strip().splitlines()[-1]), r.stderr


@pytest.fixture
def first(tmp_path):
    db = tmp_path / "office.sqlite3"
    ws = open_workspace(f"sqlite:///{db}", backup_dir=tmp_path / "backups")
    accounts.init_office(ws, "admin", PW, "渝新区", "石油路街道")
    accounts.login(ws, "admin", PW)
    yield ws, db
    ws.close()


def test_second_instance_told_who_holds_it_and_reads_while_first_writes(first):
    ws, db = first
    street = org.office(ws).street_id
    stop, errors = threading.Event(), []

    def write() -> None:
        k = 0
        try:
            while not stop.is_set():
                k += 1
                org.add_unit(ws, "community", street, f"第一实例社区{k}")
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    t = threading.Thread(target=write)
    t.start()
    try:
        out, stderr = second_instance(db, seconds=1.5)
    finally:
        stop.set()
        t.join(30)
    assert not errors, errors
    assert out["error"] == "db.in_use"
    assert out["params"]["user"] == getpass.getuser()
    assert out["params"]["host"] == socket.gethostname()
    assert out["params"]["pid"] == str(os.getpid())
    assert out["params"]["since"]
    counts = out["counts"]
    assert counts == sorted(counts) and counts[-1] > counts[0], "the reader sees the writer's commits"
    assert out["refusals"] == ["db.read_only"] * 3
    assert "Traceback" not in stderr and "locked" not in stderr


def test_second_instance_opens_after_first_closes(first):
    ws, db = first
    ws.close()
    out, _ = second_instance(db, seconds=0)
    assert out.get("opened_rw") is True and "error" not in out


def test_lock_is_per_file_even_in_one_process(first):
    """A second open in the same process (another window) is refused too, not silently shared."""
    ws, db = first
    from partnerdesk.domain.errors import DomainError

    with pytest.raises(DomainError) as exc:
        open_workspace(f"sqlite:///{db}")
    assert exc.value.code == "db.in_use" and exc.value.params["pid"] == os.getpid()
    ro = open_workspace(f"sqlite:///{db}", read_only=True)
    try:
        accounts.login(ro, "admin", PW)
        assert org.office(ro).street == "石油路街道"
    finally:
        ro.close()
    # closing the read-only view does not disturb the writer
    org.add_unit(ws, "community", org.office(ws).street_id, "仍可写入社区")
