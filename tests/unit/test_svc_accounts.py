"""Accounts on SQLite and PostgreSQL: first run, Argon2id, lockout, user management."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from partnerdesk.db.models import AuditLog, User
from partnerdesk.domain.errors import DomainError
from partnerdesk.domain.roles import Role
from partnerdesk.services import accounts, org
from tests.helpers.dbstate import assert_invariants, state

PW = "admin-pass-1"


def err(fn, *a, **kw) -> DomainError:
    with pytest.raises(DomainError) as exc:
        fn(*a, **kw)
    return exc.value


def audit_actions(ws, action: str) -> list:
    with ws.read() as uow:
        return uow.session.execute(select(AuditLog.username, AuditLog.after).where(AuditLog.action == action)
                                   .order_by(AuditLog.seq)).all()


def user(ws, name: str):
    with ws.read() as uow:
        return uow.session.execute(select(User.id, User.version, User.password_hash, User.failed_logins,
                                          User.locked_until).where(User.username == name)).one()


def test_init_only_once(bare_ws):
    assert not accounts.is_initialised(bare_ws)
    out = accounts.init_office(bare_ws, "admin", PW, "渝新区", "石油路街道")
    assert out.value.role is Role.ADMIN and accounts.is_initialised(bare_ws)
    before = state(bare_ws)
    assert err(accounts.init_office, bare_ws, "other", "other-pass-1", "x", "y").code == "init.already_done"
    assert state(bare_ws) == before
    accounts.login(bare_ws, "admin", PW)
    off = org.office(bare_ws)
    assert (off.district, off.street) == ("渝新区", "石油路街道")
    assert_invariants(bare_ws)


@pytest.mark.parametrize("args, code", [
    (("admin", "short", "d", "s"), "password.too_short"),
    (("ad min", PW, "d", "s"), "user.bad_name"),
    (("admin", PW, " ", "s"), "office.required"),
])
def test_init_validation(bare_ws, args, code):
    assert err(accounts.init_office, bare_ws, *args).code == code
    assert not accounts.is_initialised(bare_ws)


def test_password_stored_as_argon2id(ws):
    accounts.add_user(ws, "staff9", "staff", "staff-pass-9")
    for name in ("admin", "staff9"):
        h = user(ws, name).password_hash
        assert h.startswith("$argon2id$") and PW not in h and "staff-pass-9" not in h


def test_lockout_after_five_failures_then_unlock_after_lock_time(ws):
    t0 = ws.now()
    ws.clock = lambda: t0
    for _ in range(4):
        assert err(accounts.login, ws, "admin", "wrong-pass-1").code == "auth.bad_credentials"
    locked = err(accounts.login, ws, "admin", "wrong-pass-1")
    assert locked.code == "auth.locked"
    u = user(ws, "admin")
    assert u.failed_logins == 5 and u.locked_until == t0 + timedelta(minutes=15)
    # the right password is refused while locked
    ws.clock = lambda: t0 + timedelta(minutes=14, seconds=59)
    assert err(accounts.login, ws, "admin", PW).code == "auth.locked"
    # after the lock time it works again and the counter is reset
    ws.clock = lambda: t0 + timedelta(minutes=15, seconds=1)
    actor = accounts.login(ws, "admin", PW)
    assert actor.username == "admin" and ws.actor == actor
    u = user(ws, "admin")
    assert u.failed_logins == 0 and u.locked_until is None
    reasons = [e.after for e in audit_actions(ws, "login_failed")]
    assert len(reasons) == 6
    assert sum('"reason":"password"' in r for r in reasons) == 5
    assert sum('"reason":"locked"' in r for r in reasons) == 1
    assert_invariants(ws)


def test_failed_logins_audited_unknown_and_inactive(ws):
    out = accounts.add_user(ws, "gone", "staff", "gone-pass-1")
    accounts.update_user(ws, out.value.id, out.value.version, active=False)
    assert err(accounts.login, ws, "nobody", "x-pass-1").code == "auth.bad_credentials"
    assert err(accounts.login, ws, "gone", "gone-pass-1").code == "auth.bad_credentials"
    entries = audit_actions(ws, "login_failed")
    assert ['"reason":"unknown"' in e.after for e in entries] == [True, False]
    assert '"reason":"inactive"' in entries[1].after and entries[1].username == "system"
    assert_invariants(ws)


def test_success_resets_counter_and_is_audited(ws):
    for _ in range(3):
        err(accounts.login, ws, "admin", "bad-pass-1")
    accounts.login(ws, "admin", PW)
    assert user(ws, "admin").failed_logins == 0
    assert audit_actions(ws, "login")[-1].username == "admin"


def test_reset_password_unlocks(ws):
    out = accounts.add_user(ws, "clerk", "staff", "clerk-pass-1")
    admin = ws.actor
    for _ in range(5):
        err(accounts.login, ws, "clerk", "nope-nope-1")
    assert err(accounts.login, ws, "clerk", "clerk-pass-1").code == "auth.locked"
    ws.actor = admin
    accounts.reset_password(ws, out.value.id, "clerk-pass-2")
    assert accounts.login(ws, "clerk", "clerk-pass-2").username == "clerk"
    assert err(accounts.login, ws, "clerk", "clerk-pass-1").code == "auth.bad_credentials"


def test_unlock_user(ws):
    out = accounts.add_user(ws, "clerk", "staff", "clerk-pass-1")
    admin = ws.actor
    for _ in range(5):
        err(accounts.login, ws, "clerk", "nope-nope-1")
    ws.actor = admin
    accounts.unlock_user(ws, out.value.id)
    assert accounts.login(ws, "clerk", "clerk-pass-1").role is Role.STAFF


def test_change_own_password(ws):
    accounts.add_user(ws, "clerk", "staff", "clerk-pass-1")
    accounts.login(ws, "clerk", "clerk-pass-1")
    assert err(accounts.change_own_password, ws, "wrong-pass-1", "clerk-pass-2").code == "auth.bad_credentials"
    assert err(accounts.change_own_password, ws, "clerk-pass-1", "short").code == "password.too_short"
    accounts.change_own_password(ws, "clerk-pass-1", "clerk-pass-2")
    accounts.logout(ws)
    assert ws.actor is None
    assert accounts.login(ws, "clerk", "clerk-pass-2").username == "clerk"


def test_add_user_rules(ws):
    assert err(accounts.add_user, ws, "a b", "staff", "x-pass-123").code == "user.bad_name"
    assert err(accounts.add_user, ws, "x" * 65, "staff", "x-pass-123").code == "user.bad_name"
    assert err(accounts.add_user, ws, "ok", "boss", "x-pass-123").code == "user.bad_role"
    assert err(accounts.add_user, ws, "ok", "staff", "12345678").code == "password.too_simple"
    assert err(accounts.add_user, ws, "ok", "community_worker", "x-pass-123").code == "user.needs_community"
    street = org.office(ws).street_id
    assert err(accounts.add_user, ws, "ok", "community_worker", "x-pass-123",
               community_ids=(street,)).code == "org.not_community"
    assert err(accounts.add_user, ws, "admin", "staff", "x-pass-123").code == "user.exists"
    c = org.add_unit(ws, "community", street, "金银湾社区").value
    row = accounts.add_user(ws, "w1", "community_worker", "x-pass-123", "社工一", community_ids=(c.id,)).value
    assert (row.username, row.display_name, row.community_ids, row.version) == ("w1", "社工一", (c.id,), 1)
    assert accounts.login(ws, "w1", "x-pass-123").community_ids == frozenset({c.id})
    assert_invariants(ws)


def test_update_user_version_conflict_and_self_demotion(ws):
    row = accounts.add_user(ws, "clerk", "staff", "clerk-pass-1").value
    new = accounts.update_user(ws, row.id, row.version, role="approver", display_name="陈 审批").value
    assert (new.role, new.display_name, new.version) == ("approver", "陈 审批", row.version + 1)
    before = state(ws)
    assert err(accounts.update_user, ws, row.id, row.version, role="staff").code == "record.conflict"
    assert state(ws) == before
    assert err(accounts.update_user, ws, 99999, 1, role="staff").code == "record.missing"
    me = user(ws, "admin")
    assert err(accounts.update_user, ws, me.id, me.version, role="staff").code == "user.cannot_demote_self"
    assert err(accounts.update_user, ws, me.id, me.version, active=False).code == "user.cannot_demote_self"
    assert state(ws) == before
    assert [u.username for u in accounts.list_users(ws)] == ["admin", "clerk"]


def test_read_only_login_changes_nothing(db_target, ws):
    from tests.conftest import open_ws  # noqa: PLC0415 - the shared opener

    if not ws.is_sqlite:
        ro = open_ws(db_target, read_only=True)
    else:
        ws.close()
        ro = open_ws(db_target, read_only=True)
    try:
        before = state(ro)
        assert accounts.login(ro, "admin", PW).role is Role.ADMIN
        assert err(accounts.login, ro, "admin", "bad-pass-1").code == "auth.bad_credentials"
        assert state(ro) == before
        assert err(org.add_unit, ro, "street", org.office(ro).district_id, "新街道").code == "db.read_only"
    finally:
        ro.close()
