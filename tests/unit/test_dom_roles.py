"""The role matrix, community scope and the password/lockout rules."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from partnerdesk.domain import passwords
from partnerdesk.domain.errors import DomainError
from partnerdesk.domain.roles import MATRIX, SYSTEM, Actor, Perm, Role, require

WRITES = {Perm.MANAGE_USERS, Perm.MANAGE_ORG, Perm.MANAGE_SETTINGS, Perm.EDIT_RECORDS, Perm.APPROVE,
          Perm.OVERRIDE_CHECK, Perm.LOAD_DEMO, Perm.RESTORE, Perm.BACKUP, Perm.POST_LEDGER}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("perm", list(Perm))
def test_can_follows_matrix(role, perm):
    actor = Actor(1, "u", role, frozenset({7}))
    allowed = perm in MATRIX[role]
    assert actor.can(perm) is allowed
    if allowed:
        assert require(actor, perm) is actor
    else:
        with pytest.raises(DomainError) as exc:
            require(actor, perm)
        assert exc.value.code == "auth.forbidden"
        assert exc.value.params == {"action": perm.value, "role": role.value}


def test_matrix_shape():
    assert set(MATRIX) == set(Role)
    assert MATRIX[Role.ADMIN] == frozenset(Perm)
    assert not MATRIX[Role.AUDITOR] & WRITES, "the auditor changes nothing"
    assert Perm.READ_AUDIT not in MATRIX[Role.STAFF] | MATRIX[Role.COMMUNITY_WORKER]
    assert Perm.RESTORE in MATRIX[Role.ADMIN] and all(Perm.RESTORE not in MATRIX[r] for r in Role if r is not Role.ADMIN)
    assert Perm.APPROVE in MATRIX[Role.APPROVER] and Perm.APPROVE not in MATRIX[Role.STAFF]
    # staff, approvers and administrators post to fund ledgers; community workers and auditors only read them
    assert {r for r in Role if Perm.POST_LEDGER in MATRIX[r]} == {Role.ADMIN, Role.STAFF, Role.APPROVER}
    for role in Role:
        assert Perm.READ in MATRIX[role]


def test_community_worker_limited_to_their_communities():
    worker = Actor(5, "w", Role.COMMUNITY_WORKER, frozenset({10, 11}))
    assert worker.is_scoped
    assert worker.can(Perm.EDIT_RECORDS, 10) and worker.can(Perm.EDIT_RECORDS, 11)
    assert not worker.can(Perm.EDIT_RECORDS, 12)
    assert worker.can(Perm.EDIT_RECORDS)  # no community named: the service checks each record later
    assert not worker.can(Perm.APPROVE, 10)  # scope never grants what the role lacks
    with pytest.raises(DomainError) as exc:
        require(worker, Perm.EDIT_RECORDS, 12)
    assert exc.value.code == "auth.forbidden"


@pytest.mark.parametrize("role", [r for r in Role if r is not Role.COMMUNITY_WORKER])
def test_other_roles_not_scoped(role):
    actor = Actor(1, "u", role)
    assert not actor.is_scoped
    assert actor.can(Perm.READ, 999)


def test_nobody_signed_in():
    with pytest.raises(DomainError) as exc:
        require(None, Perm.READ)
    assert exc.value.code == "auth.not_signed_in"
    assert SYSTEM.role is Role.ADMIN and SYSTEM.user_id is None


@pytest.mark.parametrize("pw, code", [("short1", "password.too_short"), ("12345678", "password.too_simple"),
                                      ("abcdefgh", "password.too_simple"), ("", "password.too_short")])
def test_weak_passwords(pw, code):
    with pytest.raises(DomainError) as exc:
        passwords.check_strength(pw)
    assert exc.value.code == code


def test_good_password():
    passwords.check_strength("admin-pass-1")
    passwords.check_strength("密码密码密码-1")


def test_lock_after_five_failures():
    now = datetime(2026, 5, 1, 8, 0)
    assert all(passwords.lock_until_after_failure(n, now) is None for n in range(passwords.MAX_FAILURES))
    assert passwords.MAX_FAILURES == 5
    assert passwords.lock_until_after_failure(5, now) == now + timedelta(minutes=passwords.LOCK_MINUTES)
    assert passwords.lock_until_after_failure(9, now) == now + timedelta(minutes=15)
