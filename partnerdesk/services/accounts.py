"""Accounts: first-run administrator, user management. Signing in (Argon2id, lockout) is :mod:`.signin`,
re-exported here."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.models import AppMeta, OrgUnit, User, UserCommunity
from ..domain import passwords
from ..domain.errors import DomainError
from ..domain.org import UnitKind
from ..domain.roles import SYSTEM, Actor, Perm, Role, require
from ..domain.text import clean_text
from . import audit
from .changes import USERS, Changes, Outcome
from .dto import UserRow
from .signin import hash_password, is_initialised, login, logout, verify  # noqa: F401 - accounts.login etc.


def init_office(ws, username: str, password: str, district: str, street: str,
                display_name: str = "") -> Outcome[Actor]:
    """First run: the administrator account and the office (district, street). Only on an empty database."""
    username, district, street = clean_text(username), clean_text(district), clean_text(street)
    _check_username(username)
    passwords.check_strength(password)
    if not district or not street:
        raise DomainError("office.required")
    pw_hash = hash_password(password)
    with ws.write() as uow:
        s = uow.session
        if s.scalar(select(func.count(User.id))):
            raise DomainError("init.already_done")
        d = OrgUnit(kind=UnitKind.DISTRICT.value, name=district)
        s.add(d)
        s.flush()
        st = OrgUnit(kind=UnitKind.STREET.value, name=street, parent_id=d.id)
        user = User(username=username, display_name=display_name or username, role=Role.ADMIN.value,
                    password_hash=pw_hash)
        s.add_all([st, user])
        s.flush()
        s.add_all([AppMeta(key="office_district_id", value=str(d.id)),
                   AppMeta(key="office_street_id", value=str(st.id))])
        actor = Actor(user.id, user.username, Role.ADMIN)
        audit.record(s, SYSTEM, "init", "office", st.id, after={"district": district, "street": street,
                                                               "admin": username}, at=ws.now())
        uow.commit()
    return Outcome(actor, Changes.of(USERS, "org"))


def _check_username(username: str) -> None:
    if not username or len(username) > 64 or any(c.isspace() for c in username):
        raise DomainError("user.bad_name")


def _row(u: User) -> UserRow:
    return UserRow(u.id, u.username, u.display_name, u.role, u.active, u.locked_until, u.last_login_at,
                   tuple(sorted(c.community_id for c in u.communities)), u.version)


def list_users(ws) -> list[UserRow]:
    require(ws.actor, Perm.MANAGE_USERS)
    with ws.read() as uow:
        return [_row(u) for u in uow.session.scalars(select(User).order_by(User.username))]


def add_user(ws, username: str, role: str, password: str, display_name: str = "",
             community_ids: tuple[int, ...] = ()) -> Outcome[UserRow]:
    require(ws.actor, Perm.MANAGE_USERS)
    username = clean_text(username)
    _check_username(username)
    role_v = _role(role)
    passwords.check_strength(password)
    pw_hash = hash_password(password)
    with ws.write() as uow:
        s = uow.session
        if s.scalar(select(User.id).where(User.username == username)):
            raise DomainError("user.exists", username=username)
        _check_communities(s, role_v, community_ids)
        user = User(username=username, display_name=clean_text(display_name) or username, role=role_v.value,
                    password_hash=pw_hash, communities=[UserCommunity(community_id=c) for c in community_ids])
        s.add(user)
        s.flush()
        row = _row(user)
        audit.record(s, ws.actor, "user.add", "user", user.id, after=_public(row), at=ws.now())
        uow.commit()
    return Outcome(row, Changes.of(USERS))


def _role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise DomainError("user.bad_role", role=role) from None


def _check_communities(s: Session, role: Role, community_ids: tuple[int, ...]) -> None:
    if role is Role.COMMUNITY_WORKER and not community_ids:
        raise DomainError("user.needs_community")
    for cid in community_ids:
        unit = s.get(OrgUnit, cid)
        if unit is None or unit.kind != UnitKind.COMMUNITY.value:
            raise DomainError("org.not_community", id=cid)


def _public(row: UserRow) -> dict:
    return {"username": row.username, "display_name": row.display_name, "role": row.role,
            "active": row.active, "communities": list(row.community_ids)}


def update_user(ws, user_id: int, version: int, *, role: str | None = None, display_name: str | None = None,
                active: bool | None = None, community_ids: tuple[int, ...] | None = None) -> Outcome[UserRow]:
    require(ws.actor, Perm.MANAGE_USERS)
    with ws.write() as uow:
        s = uow.session
        user = _get_versioned(s, user_id, version)
        before = _public(_row(user))
        new_role = _role(role) if role is not None else Role(user.role)
        if community_ids is not None:
            _check_communities(s, new_role, community_ids)
            user.communities = [UserCommunity(community_id=c) for c in community_ids]
        elif role is not None:
            _check_communities(s, new_role, tuple(c.community_id for c in user.communities))
        if user.id == ws.actor.user_id and (new_role is not Role.ADMIN or active is False):
            raise DomainError("user.cannot_demote_self")
        user.role = new_role.value
        if display_name is not None:
            user.display_name = clean_text(display_name)
        if active is not None:
            user.active = active
        s.flush()
        row = _row(user)
        audit.record(s, ws.actor, "user.update", "user", user.id, before=before, after=_public(row), at=ws.now())
        uow.commit()
    return Outcome(row, Changes.of(USERS))


def _get_versioned(s: Session, user_id: int, version: int) -> User:
    user = s.get(User, user_id)
    if user is None:
        raise DomainError("record.missing", entity="user", id=user_id)
    if user.version != version:
        raise DomainError("record.conflict")
    return user


def reset_password(ws, user_id: int, new_password: str) -> Outcome[None]:
    """An administrator sets a user's password (and unlocks the account)."""
    require(ws.actor, Perm.MANAGE_USERS)
    return _set_password(ws, user_id, new_password, "user.reset_password")


def change_own_password(ws, old_password: str, new_password: str) -> Outcome[None]:
    if ws.actor is None or ws.actor.user_id is None:
        raise DomainError("auth.not_signed_in")
    with ws.read() as uow:
        user = uow.session.get(User, ws.actor.user_id)
        ok = user is not None and verify(user.password_hash, old_password)
    if not ok:
        raise DomainError("auth.bad_credentials")
    return _set_password(ws, ws.actor.user_id, new_password, "user.change_password")


def _set_password(ws, user_id: int, new_password: str, action: str) -> Outcome[None]:
    passwords.check_strength(new_password)
    pw_hash = hash_password(new_password)
    with ws.write() as uow:
        user = uow.session.get(User, user_id)
        if user is None:
            raise DomainError("record.missing", entity="user", id=user_id)
        user.password_hash, user.failed_logins, user.locked_until = pw_hash, 0, None
        audit.record(uow.session, ws.actor, action, "user", user_id, at=ws.now())
        uow.commit()
    return Outcome(None, Changes.of(USERS))


def unlock_user(ws, user_id: int) -> Outcome[None]:
    require(ws.actor, Perm.MANAGE_USERS)
    with ws.write() as uow:
        user = uow.session.get(User, user_id)
        if user is None:
            raise DomainError("record.missing", entity="user", id=user_id)
        user.failed_logins, user.locked_until = 0, None
        audit.record(uow.session, ws.actor, "user.unlock", "user", user_id, at=ws.now())
        uow.commit()
    return Outcome(None, Changes.of(USERS))
