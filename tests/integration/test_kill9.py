"""kill -9 at random moments while a process does real service calls: after every kill the database opens
without any user action, the invariants hold and every acknowledged commit is there.

PARTNERDESK_KILL_CYCLES sets the number of cycles (default 50; the soak run uses thousands)."""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from partnerdesk.db import backup as db_backup
from partnerdesk.db.models import AuditLog, OrgUnit, User
from partnerdesk.services import accounts
from partnerdesk.services.workspace import open_workspace
from tests.helpers.dbstate import assert_invariants, audit_seqs
from tests.helpers.zygote import Zygote

CYCLES = int(os.environ.get("PARTNERDESK_KILL_CYCLES", "50"))
SEED = int(os.environ.get("PARTNERDESK_KILL_SEED", str(int(time.time()))))


class Acks:
    def __init__(self) -> None:
        self.units: set[str] = set()
        self.events: set[str] = set()
        self.users: set[str] = set()
        self.backups: set[str] = set()
        self.codes: dict[str, str] = {}
        self.count = 0

    def take(self, lines: list[str]) -> None:
        for line in lines:
            if line.startswith("ERR"):
                raise AssertionError(f"the worker failed: {line}")
            if not line.startswith("ACK"):
                continue
            self.count += 1
            parts = line.split()
            kind, name = parts[1], parts[2]
            if kind == "unit":
                self.units.add(name)
            elif kind == "event":
                self.events.add(name)
            elif kind == "user":
                self.users.add(name)
            elif kind == "backup":
                self.backups.add(name)
            elif kind == "code":
                self.codes[name] = parts[3]


def check_present(ws, acks: Acks) -> None:
    with ws.read() as uow:
        s = uow.session
        units = dict(s.execute(select(OrgUnit.name, OrgUnit.code)).all())
        events = set(s.scalars(select(AuditLog.entity_id).where(AuditLog.action == "kill9.tick")))
        users = set(s.scalars(select(User.username)))
    assert acks.units <= set(units), sorted(acks.units - set(units))[:5]
    assert acks.events <= events, sorted(acks.events - events)[:5]
    assert acks.users <= users, sorted(acks.users - users)[:5]
    for name, code in acks.codes.items():
        assert units[name] == code, name


@pytest.mark.timeout(max(300, CYCLES * 4))
def test_kill9_cycles(tmp_path):
    db, backups = tmp_path / "kill.sqlite3", tmp_path / "backups"
    url = f"sqlite:///{db}"
    ws = open_workspace(url, backup_dir=backups)
    accounts.init_office(ws, "admin", "admin-pass-1", "渝新区", "石油路街道")
    ws.close()
    rng = random.Random(SEED)
    acks = Acks()
    zygote = Zygote(tmp_path / "zygote.err")
    checked_backups: set[str] = set()
    killed_before_open = 0
    try:
        for cycle in range(CYCLES):
            zygote.start(f"WORK {db} {backups} {cycle}")
            time.sleep(rng.uniform(0.05, 0.6))
            zygote.kill_worker()
            lines = zygote.wait_dead()
            assert lines[-1].split()[2] != "0", "the worker must die by the signal"
            killed_before_open += "OPEN" not in lines
            acks.take(lines)
            # reopen as the next user would: no questions, no repair step
            ws = open_workspace(url, backup_dir=backups)
            try:
                assert ws.notes == [], ws.notes
                assert_invariants(ws)
                seqs = audit_seqs(ws)
                assert seqs == list(range(1, len(seqs) + 1))
                check_present(ws, acks)
            finally:
                ws.close()
            # nothing half-written carries a backup's final name
            for info in db_backup.list_backups(backups):
                if info.path.name not in checked_backups:
                    assert db_backup.verify(info.path) is None, info.path.name
                    checked_backups.add(info.path.name)
            assert acks.backups <= checked_backups
    finally:
        zygote.close()
    print(f"kill -9: {CYCLES} cycles, seed {SEED}, {acks.count} acknowledged commits "
          f"({len(acks.units)} units, {len(acks.events)} events, {len(acks.users)} users, "
          f"{len(acks.backups)} backups), {killed_before_open} kills before the workspace opened")
    assert acks.count > CYCLES, "the worker must get real work done between kills"
    leftovers = [p.name for p in Path(backups).glob(".*.part")] if backups.exists() else []
    assert all(p.startswith(".partnerdesk-") for p in leftovers)  # only temp names, never a final name
