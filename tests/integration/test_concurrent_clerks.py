"""Concurrent clerks: on PostgreSQL each with its own Workspace (own engine, own connections); on SQLite as
the app's worker threads, each with its own Workspace over the one instance's engine. No lost update (stale
versions are reported as record.conflict), no duplicate user, the audit chain never forks."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import func, select

from partnerdesk.db.models import OrgUnit, User
from partnerdesk.domain.errors import DomainError
from partnerdesk.services import accounts, audit, audit_queries, org
from partnerdesk.services.workspace import open_workspace
from tests.conftest import open_ws
from tests.helpers.dbstate import assert_invariants, audit_seqs

PW = "admin-pass-1"
CLERKS = 8
pytestmark = pytest.mark.timeout(240)


@pytest.fixture
def clerks(db_target) -> Iterator[list]:
    """[main, clerk1, ...]: every clerk signed in as the administrator (one real sign-in, shared actor)."""
    main = open_ws(db_target)
    accounts.init_office(main, "admin", PW, "渝新区", "石油路街道")
    actor = accounts.login(main, "admin", PW)
    workers = []
    for _ in range(CLERKS):
        if main.is_sqlite:  # one instance per file: worker threads share its engine, each with its own sessions
            ws = dataclasses.replace(main, lock=None, notes=[])
        else:
            ws = open_workspace(db_target["url"], pg_schema=db_target["pg_schema"])
        ws.actor = actor
        workers.append(ws)
    try:
        yield [main, *workers]
        assert_invariants(main)
        seqs = audit_seqs(main)
        assert seqs == list(range(1, len(seqs) + 1)), "audit sequence contiguous: the chain did not fork"
    finally:
        for ws in workers:
            if ws.engine is not main.engine:
                ws.close()
        main.close()


def run_parallel(fns: list[Callable[[], object]]) -> list[tuple[str, object]]:
    """Start all at once (barrier); return ("ok", value) or ("err", exception) per function."""
    barrier = threading.Barrier(len(fns))
    results: list = [None] * len(fns)

    def runner(i: int, fn: Callable) -> None:
        barrier.wait()
        try:
            results[i] = ("ok", fn())
        except BaseException as exc:  # noqa: BLE001
            results[i] = ("err", exc)

    threads = [threading.Thread(target=runner, args=(i, fn)) for i, fn in enumerate(fns)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert all(r is not None for r in results), "a clerk hung"
    return results


def test_clerks_add_in_parallel(clerks):
    main, *workers = clerks
    street = org.office(main).street_id
    per_clerk = 15

    def clerk(k: int, ws) -> Callable[[], int]:
        def go() -> int:
            for i in range(per_clerk):
                org.add_unit(ws, "community", street, f"社区{k}-{i}")
                audit.record_event(ws, "test.tick", "clerk", f"{k}-{i}")
            accounts.add_user(ws, f"clerk{k}", "staff", "clerk-pass-1")
            return per_clerk
        return go

    results = run_parallel([clerk(k, ws) for k, ws in enumerate(workers)])
    assert [r[0] for r in results] == ["ok"] * len(workers), [r[1] for r in results if r[0] == "err"]
    with main.read() as uow:
        s = uow.session
        names = set(s.scalars(select(OrgUnit.name).where(OrgUnit.kind == "community")))
        users = set(s.scalars(select(User.username)))
    assert names == {f"社区{k}-{i}" for k in range(len(workers)) for i in range(per_clerk)}
    assert users == {"admin"} | {f"clerk{k}" for k in range(len(workers))}
    # 1 init + 1 login + per clerk: 2 per step + 1 user
    assert len(audit_seqs(main)) == 2 + len(workers) * (2 * per_clerk + 1)


def test_same_username_exactly_one_wins(clerks):
    main, *workers = clerks
    for rnd in range(4):
        name = f"twin{rnd}"
        a, b = workers[rnd % len(workers)], workers[(rnd + 1) % len(workers)]
        results = run_parallel([lambda ws=a, n=name: accounts.add_user(ws, n, "staff", "twin-pass-1"),
                                lambda ws=b, n=name: accounts.add_user(ws, n, "approver", "twin-pass-2")])
        oks = [r for r in results if r[0] == "ok"]
        errs = [r[1] for r in results if r[0] == "err"]
        assert len(oks) == 1, results
        assert len(errs) == 1 and isinstance(errs[0], DomainError), errs
        assert errs[0].code in ("user.exists", "record.duplicate")
        with main.read() as uow:
            assert uow.session.scalar(select(func.count()).where(User.username == name)) == 1


def test_two_clerks_same_unit_same_version_one_conflict(clerks):
    main, *workers = clerks
    street = org.office(main).street_id
    for rnd in range(6):
        unit = org.add_unit(main, "community", street, f"争用社区{rnd}").value
        a, b = workers[rnd % len(workers)], workers[(rnd + 3) % len(workers)]
        results = run_parallel([
            lambda ws=a, u=unit, r=rnd: org.update_unit(ws, u.id, u.version, name=f"甲改{r}", is_pilot=True),
            lambda ws=b, u=unit, r=rnd: org.update_unit(ws, u.id, u.version, name=f"乙改{r}", code="B")])
        oks = [r[1].value for r in results if r[0] == "ok"]
        errs = [r[1] for r in results if r[0] == "err"]
        assert len(oks) == 1 and len(errs) == 1, results
        assert isinstance(errs[0], DomainError) and errs[0].code == "record.conflict"
        final = next(u for u in org.communities(main) if u.id == unit.id)
        assert final == oks[0] and final.version == unit.version + 1, "the winner's change, nothing lost or mixed"


def test_many_clerks_race_one_unit(clerks):
    """Every clerk edits the same unit with the version they last saw, retrying on conflict: every edit
    lands exactly once (version == 1 + number of successful edits)."""
    main, *workers = clerks
    unit = org.add_unit(main, "community", org.office(main).street_id, "热门社区").value
    edits = 5

    def clerk(k: int, ws) -> Callable[[], int]:
        def go() -> int:
            done = conflicts = 0
            while done < edits:
                current = next(u for u in org.communities(ws) if u.id == unit.id)
                try:
                    org.update_unit(ws, unit.id, current.version, code=f"{k}-{done}")
                    done += 1
                except DomainError as exc:
                    assert exc.code == "record.conflict", exc
                    conflicts += 1
            return conflicts
        return go

    results = run_parallel([clerk(k, ws) for k, ws in enumerate(workers)])
    assert all(r[0] == "ok" for r in results), [r[1] for r in results if r[0] == "err"]
    final = next(u for u in org.communities(main) if u.id == unit.id)
    assert final.version == 1 + edits * len(workers)
    with main.read() as uow:
        from partnerdesk.db.models import AuditLog

        n = uow.session.scalar(select(func.count()).where(AuditLog.action == "org.update",
                                                          AuditLog.entity_id == str(unit.id)))
    assert n == edits * len(workers), "one audit entry per landed edit"


def test_failed_logins_race_user_edits(clerks):
    """A user mistyping their password while an administrator edits that user: each call ends in a rule's
    answer (bad credentials, locked, conflict), never a database error."""
    main, *workers = clerks
    target = accounts.add_user(main, "typo", "staff", "typo-pass-1").value
    half = len(workers) // 2

    def mistyper(ws) -> Callable[[], list]:
        probe = dataclasses.replace(ws, actor=None)

        def go() -> list:
            codes = []
            for _ in range(6):
                try:
                    accounts.login(probe, "typo", "wrong-pass-1")
                except DomainError as exc:
                    codes.append(exc.code)
            return codes
        return go

    def editor(ws, k: int) -> Callable[[], list]:
        def go() -> list:
            codes = []
            for i in range(6):
                row = next(u for u in accounts.list_users(ws) if u.id == target.id)
                try:
                    accounts.update_user(ws, row.id, row.version, display_name=f"编辑{k}-{i}")
                    codes.append("ok")
                except DomainError as exc:
                    codes.append(exc.code)
            return codes
        return go

    fns = [mistyper(ws) for ws in workers[:half]] + [editor(ws, k) for k, ws in enumerate(workers[half:])]
    results = run_parallel(fns)
    raw = [r[1] for r in results if r[0] == "err"]
    assert not raw, raw
    codes = {c for r in results for c in r[1]}
    assert codes <= {"auth.bad_credentials", "auth.locked", "record.conflict", "ok"}, codes


def test_chain_lock_comes_after_row_locks(db_target):
    """Deterministic form of the race above (PostgreSQL). Another clerk is appending to the audit chain (a
    real session holds the chain lock). A sign-in failure for user X queues behind it; then an administrator
    edits X. When the chain lock is released, both must finish with a rule's answer. If the sign-in waited
    for the chain lock before taking X's row, while the edit holds X's row and waits for the chain lock, the
    server would have to kill one of them as a deadlock."""
    if "sqlite" in db_target["url"]:
        pytest.skip("SQLite serialises writers at BEGIN IMMEDIATE: no lock ordering to get wrong")
    import time

    from sqlalchemy import create_engine, text

    from partnerdesk.services.audit import _PG_LOCK_KEY

    main = open_ws(db_target)
    accounts.init_office(main, "admin", PW, "渝新区", "石油路街道")
    admin = accounts.login(main, "admin", PW)
    target = accounts.add_user(main, "typo", "staff", "typo-pass-1").value
    a, b = open_ws(db_target), open_ws(db_target)
    b.actor = admin
    holder_engine = create_engine(db_target["url"])
    holder = holder_engine.connect()

    def pid(ws) -> int:
        with ws.engine.connect() as c:  # each clerk's pool holds exactly this one connection
            return c.execute(text("SELECT pg_backend_pid()")).scalar_one()

    def wait_until_blocked(p: int) -> None:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if holder_engine.connect().execute(text("SELECT count(*) FROM pg_locks WHERE pid = :p AND NOT granted"),
                                               {"p": p}).scalar_one():
                return
            time.sleep(0.01)
        raise AssertionError(f"backend {p} never blocked")

    results: dict[str, str] = {}

    def attempt(key: str, fn: Callable) -> None:
        try:
            fn()
            results[key] = "ok"
        except DomainError as exc:
            results[key] = exc.code
        except BaseException as exc:  # noqa: BLE001
            results[key] = f"raw {type(exc).__name__}: {exc}"

    try:
        pid_a, pid_b = pid(a), pid(b)
        holder.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
        row = next(u for u in accounts.list_users(main) if u.id == target.id)
        ta = threading.Thread(target=attempt, args=("signin", lambda: accounts.login(a, "typo", "wrong-pass-1")))
        ta.start()
        wait_until_blocked(pid_a)
        tb = threading.Thread(target=attempt, args=(
            "edit", lambda: accounts.update_user(b, row.id, row.version, display_name="改名")))
        tb.start()
        wait_until_blocked(pid_b)
        holder.commit()  # the other clerk's append is done
        ta.join(30)
        tb.join(30)
    finally:
        holder.close()
        holder_engine.dispose()
        a.close()
        b.close()
    assert results == {"signin": "auth.bad_credentials", "edit": "record.conflict"}, results
    assert_invariants(main)
    main.close()


def test_clerks_saving_one_template_at_once_store_one_version_and_refuse_the_rest(clerks):
    """Every clerk edits the shipped template and saves at the same moment: exactly one office version is stored
    and active; everyone else is told someone changed it meanwhile (template.changed), never a second version."""
    from partnerdesk.db.models import OfficeTemplate
    from partnerdesk.services import templates

    main, *workers = clerks
    edits = []
    for k, _ws in enumerate(workers):
        ed = templates.load_for_editing(main, "filing")
        ed.raw["title"] = f"备案书（第{k}位经办人）"
        edits.append(ed.raw)
    results = run_parallel([lambda ws=ws, raw=raw: templates.save_office_version(ws, "filing", raw).value
                            for ws, raw in zip(workers, edits, strict=True)])
    won = [v for kind, v in results if kind == "ok"]
    lost = [e for kind, e in results if kind == "err"]
    assert len(won) == 1 and won[0].version == "2026.1-office.1", results
    assert len(lost) == CLERKS - 1 and all(isinstance(e, DomainError) and e.code == "template.changed" for e in lost)
    with main.read() as uow:
        rows = uow.session.execute(select(OfficeTemplate.version, OfficeTemplate.active, OfficeTemplate.sha256)).all()
    assert [(v, a, h) for v, a, h in rows] == [("2026.1-office.1", True, won[0].sha256)]
    assert len(audit_queries.list_entries(main, audit_queries.AuditFilter(action="template.save"))) == 1
