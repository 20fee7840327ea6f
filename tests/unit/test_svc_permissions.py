"""Role x action: every service action is allowed or refused exactly as domain/roles.MATRIX says, in the
service layer; a refused call changes nothing (row counts, audit head, backup folder)."""

from __future__ import annotations

import itertools
import os
import uuid
from collections.abc import Callable, Iterator
from datetime import date

import pytest
from sqlalchemy import create_engine, text

from partnerdesk.domain.errors import DomainError
from partnerdesk.domain.roles import MATRIX, Perm, Role
from partnerdesk.services import accounts, audit_queries, demo, maintenance, org, three_lists
from partnerdesk.services.workspace import open_workspace
from tests.helpers.dbstate import assert_invariants, state

PG_URL = os.environ.get("PARTNERDESK_TEST_PG_URL", "")
PASSWORDS = {Role.ADMIN: "admin-pass-1", Role.STAFF: "staff-pass-1", Role.APPROVER: "approver-pass-1",
             Role.COMMUNITY_WORKER: "worker-pass-1", Role.AUDITOR: "auditor-pass-1"}
ACTIONS: dict[str, Perm] = {
    "add_user": Perm.MANAGE_USERS, "update_user": Perm.MANAGE_USERS, "add_unit": Perm.MANAGE_ORG,
    "update_unit": Perm.MANAGE_ORG, "enter_phase": Perm.MANAGE_ORG, "delete_unit": Perm.MANAGE_ORG,
    "demo.load": Perm.LOAD_DEMO, "audit_queries.list_entries": Perm.READ_AUDIT, "maintenance.check": Perm.VERIFY,
    "maintenance.backup_now": Perm.BACKUP,
}
WRITES = {"add_user", "update_user", "add_unit", "update_unit", "enter_phase", "delete_unit", "demo.load",
          "maintenance.backup_now"}
_n = itertools.count(1)


class Env:
    def __init__(self, ws, street: int, community: int, other_community: int, target_user: int) -> None:
        self.ws, self.street, self.community, self.other_community = ws, street, community, other_community
        self.target_user = target_user
        self.actors: dict[Role, object] = {}

    def as_admin(self, fn: Callable):
        saved, self.ws.actor = self.ws.actor, self.actors[Role.ADMIN]
        try:
            return fn()
        finally:
            self.ws.actor = saved


def _backend_params() -> list:
    skip = [] if PG_URL else [pytest.mark.skip(reason="PARTNERDESK_TEST_PG_URL not set")]
    return ["sqlite", pytest.param("pg", marks=[pytest.mark.pg, *skip])]


@pytest.fixture(scope="module", params=_backend_params())
def env(request, tmp_path_factory) -> Iterator[Env]:
    schema = None
    if request.param == "sqlite":
        folder = tmp_path_factory.mktemp("matrix")
        ws = open_workspace(f"sqlite:///{folder / 'pd.sqlite3'}", backup_dir=folder / "backups")
    else:
        schema = "t_" + uuid.uuid4().hex[:12]
        admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.execute(text(f'CREATE SCHEMA "{schema}"'))
        ws = open_workspace(PG_URL, pg_schema=schema)
    try:
        accounts.init_office(ws, "admin", PASSWORDS[Role.ADMIN], "渝新区", "石油路街道")
        accounts.login(ws, "admin", PASSWORDS[Role.ADMIN])
        street = org.office(ws).street_id
        c1 = org.add_unit(ws, "community", street, "甲社区").value.id
        c2 = org.add_unit(ws, "community", street, "乙社区").value.id
        for role in Role:
            if role is not Role.ADMIN:
                accounts.add_user(ws, role.value, role.value, PASSWORDS[role],
                                  community_ids=(c1,) if role is Role.COMMUNITY_WORKER else ())
        target = accounts.add_user(ws, "target", "staff", "target-pass-1").value.id
        e = Env(ws, street, c1, c2, target)
        for role in Role:
            e.actors[role] = accounts.login(ws, "admin" if role is Role.ADMIN else role.value, PASSWORDS[role])
        yield e
        ws.actor = e.actors[Role.ADMIN]
        assert_invariants(ws)
    finally:
        ws.close()
        if schema:
            with admin.connect() as c:
                c.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()


def prepare(action: str, e: Env) -> Callable[[], object]:
    """Set up what the action needs (as the administrator) and return the call to make as the role."""
    ws, n = e.ws, next(_n)

    def fresh_community():
        return e.as_admin(lambda: org.add_unit(ws, "community", e.street, f"测试社区{n}").value)

    if action == "add_user":
        return lambda: accounts.add_user(ws, f"user{n}", "staff", "user-pass-123")
    if action == "update_user":
        row = e.as_admin(lambda: next(u for u in accounts.list_users(ws) if u.id == e.target_user))
        return lambda: accounts.update_user(ws, row.id, row.version, display_name=f"名字{n}")
    if action == "add_unit":
        return lambda: org.add_unit(ws, "community", e.street, f"新社区{n}")
    if action == "update_unit":
        c = fresh_community()
        return lambda: org.update_unit(ws, c.id, c.version, name=f"改名社区{n}", is_pilot=True)
    if action == "enter_phase":
        c = fresh_community()
        return lambda: org.enter_phase(ws, c.id, c.version, "pilot", date(2025, 3, 1))
    if action == "delete_unit":
        c = fresh_community()
        return lambda: org.delete_unit(ws, c.id, c.version)
    if action == "demo.load":
        return lambda: demo.load(ws, "small", seed=n)
    if action == "audit_queries.list_entries":
        return lambda: audit_queries.list_entries(ws)
    if action == "maintenance.check":
        return lambda: maintenance.check(ws)
    if action == "maintenance.backup_now":
        return lambda: maintenance.backup_now(ws)
    raise AssertionError(action)


def backup_files(e: Env) -> list[str]:
    folder = e.ws.backup_dir
    return sorted(p.name for p in folder.iterdir()) if folder and folder.exists() else []


@pytest.mark.parametrize("action", list(ACTIONS))
@pytest.mark.parametrize("role", list(Role), ids=[r.value for r in Role])
def test_role_action(env, role, action):
    call = prepare(action, env)
    env.ws.actor = env.actors[role]
    before, files = state(env.ws), backup_files(env)
    allowed = ACTIONS[action] in MATRIX[role]
    try:
        if allowed:
            if action == "maintenance.backup_now" and not env.ws.is_sqlite:
                with pytest.raises(DomainError) as exc:  # allowed, but a server's backups are the server's job
                    call()
                assert exc.value.code == "backup.server_side"
                assert state(env.ws) == before
                return
            out = call()
            after = state(env.ws)
            if action in WRITES:
                assert after[1] != before[1], "an allowed change is audited"
                seq, _ = after[1].split(":")
                last = env.as_admin(lambda: audit_queries.list_entries(env.ws, limit=1))[0]
                assert int(seq) == last.seq and last.username == env.actors[role].username
            else:
                assert after == before
            if action == "maintenance.check":
                assert out.ok
        else:
            with pytest.raises(DomainError) as exc:
                call()
            assert exc.value.code == "auth.forbidden"
            assert exc.value.params == {"action": ACTIONS[action].value, "role": role.value}
            assert state(env.ws) == before, "a refused call changes nothing"
            assert backup_files(env) == files
    finally:
        env.ws.actor = env.actors[Role.ADMIN]


def test_matrix_covers_every_role_and_action():
    assert {r for r in Role} == set(PASSWORDS)
    # the auditor may read the audit trail and verify, never change anything
    assert [a for a, p in ACTIONS.items() if p in MATRIX[Role.AUDITOR]] == ["audit_queries.list_entries",
                                                                          "maintenance.check"]


def test_signed_out_is_refused(env):
    try:
        for action in ACTIONS:
            call = prepare(action, env)
            env.ws.actor = None
            before = state(env.ws)
            with pytest.raises(DomainError) as exc:
                call()
            assert exc.value.code == "auth.not_signed_in", action
            assert state(env.ws) == before
    finally:
        env.ws.actor = env.actors[Role.ADMIN]


def test_community_worker_limited_to_own_community(env):
    """The scope check lives in the service: a worker edits records of their communities only."""
    ws = env.ws
    worker = env.actors[Role.COMMUNITY_WORKER]
    assert worker.community_ids == frozenset({env.community})
    ws.actor = worker
    try:
        mine = three_lists.save(ws, "need", {"community_id": env.community, "title": "助餐需求", "source": "survey",
                                             "category": "elderly"}).value
        before = state(ws)
        with pytest.raises(DomainError) as exc:
            three_lists.save(ws, "need", {"community_id": env.other_community, "title": "越界", "source": "survey",
                                          "category": "elderly"})
        assert exc.value.code == "auth.forbidden"
        ws.actor = env.actors[Role.ADMIN]
        theirs = three_lists.save(ws, "need", {"community_id": env.other_community, "title": "别人的",
                                               "source": "survey", "category": "elderly"}).value
        before = state(ws)
        ws.actor = worker
        with pytest.raises(DomainError) as exc:  # editing another community's record
            three_lists.save(ws, "need", {"title": "改掉"}, record_id=theirs.id, version=theirs.version)
        assert exc.value.code == "auth.forbidden"
        with pytest.raises(DomainError) as exc:  # moving one's own record into another community
            three_lists.save(ws, "need", {"community_id": env.other_community}, record_id=mine.id,
                             version=mine.version)
        assert exc.value.code == "auth.forbidden"
        assert state(ws) == before
        mine2 = three_lists.save(ws, "need", {"title": "助餐需求（更新）"}, record_id=mine.id, version=mine.version)
        assert mine2.value.title == "助餐需求（更新）"
    finally:
        ws.actor = env.actors[Role.ADMIN]
