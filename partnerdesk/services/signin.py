"""Signing in and out: Argon2id passwords, failures counted, accounts locked for a while after too many.

Start-up runs this before the first window, so it is plain SQL (:mod:`..db.plain`: sqlite3 on a local file, no
SQLAlchemy); :mod:`.accounts` (user management) re-exports it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ..db.plain import Sql, as_datetime
from ..domain import passwords
from ..domain.errors import DomainError
from ..domain.roles import Actor, Role
from . import audit

# Argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): ~30 ms, so signing in stays quick
# on office desktops; hashes made with other parameters still verify.
_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def is_initialised(ws) -> bool:  # noqa: ANN001
    """Whether the office has been set up (it has an account)."""
    with ws.read_plain() as work:
        return (work.sql.scalar("SELECT count(*) FROM users") or 0) > 0


@dataclass(frozen=True)
class _Account:
    id: int
    username: str
    role: str
    password_hash: str
    active: bool
    failed_logins: int
    locked_until: datetime | None
    version: int


_ACCOUNT = ("SELECT id, username, role, password_hash, active, failed_logins, locked_until, version FROM users "
            "WHERE username = :username")


def _account(sql: Sql, username: str) -> _Account | None:
    found = sql.rows(_ACCOUNT, {"username": username})
    if not found:
        return None
    id_, name, role, pw_hash, active, failed, locked_until, version = found[0]
    return _Account(id_, name, role, pw_hash, bool(active), failed, as_datetime(locked_until), version)


def login(ws, username: str, password: str) -> Actor:  # noqa: ANN001
    """Verify the password; count failures and lock the account after too many. Sets ``ws.actor``.

    The failure is recorded (and committed) even though the call raises. On a read-only instance nothing is
    written: neither the failure count nor the audit entry.
    """
    now = ws.now()
    with ws.read_plain() if ws.read_only else ws.write_plain() as work:
        sql = work.sql
        user = _account(sql, username.strip())
        if user is None or not user.active:
            _record_failure(ws, work, None, username, "unknown" if user is None else "inactive")
            raise DomainError("auth.bad_credentials")
        if user.locked_until and user.locked_until > now:
            _record_failure(ws, work, user.id, username, "locked")
            raise DomainError("auth.locked", until=user.locked_until.isoformat(timespec="minutes"))
        if not verify(user.password_hash, password):
            failed = user.failed_logins + 1
            locked_until = passwords.lock_until_after_failure(failed, now)
            if not ws.read_only:
                _update(sql, user, failed_logins=failed, locked_until=locked_until)
            _record_failure(ws, work, user.id, username, "password")
            if locked_until:
                raise DomainError("auth.locked", until=locked_until.isoformat(timespec="minutes"))
            raise DomainError("auth.bad_credentials")
        actor = _actor(sql, user)
        if not ws.read_only:
            _update(sql, user, failed_logins=0, locked_until=None, last_login_at=now)
            audit.record(sql, actor, "login", "user", user.id, at=now)
            work.commit()
    ws.actor = actor
    return actor


def logout(ws) -> None:  # noqa: ANN001
    ws.actor = None


def verify(pw_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(pw_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _actor(sql: Sql, user: _Account) -> Actor:
    communities = sql.rows("SELECT community_id FROM user_communities WHERE user_id = :user_id",
                           {"user_id": user.id})
    return Actor(user.id, user.username, Role(user.role), frozenset(c for (c,) in communities))


_UPDATABLE = ("failed_logins", "locked_until", "last_login_at")


def _update(sql: Sql, user: _Account, **values: object) -> None:
    """Change the account's row as the ORM would: its version number goes up, and a row someone changed
    meanwhile (another version) is a conflict, never overwritten."""
    assert set(values) <= set(_UPDATABLE), values
    sets = ", ".join(f"{name} = :{name}" for name in values)
    params = {name: sql.value(v) for name, v in values.items()}
    done = sql.run(f"UPDATE users SET {sets}, version = :new_version WHERE id = :id AND version = :version",
                   {**params, "new_version": user.version + 1, "id": user.id, "version": user.version})
    if done != 1:
        raise DomainError("record.conflict")


def _record_failure(ws, work, user_id: int | None, username: str, why: str) -> None:  # noqa: ANN001
    if ws.read_only:
        return
    audit.record(work.sql, None, "login_failed", "user", user_id if user_id is not None else "",
                 after={"username": username[:64], "reason": why}, at=ws.now())
    work.commit()
