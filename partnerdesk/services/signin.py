"""Signing in and out: Argon2id passwords, failures counted, accounts locked for a while after too many.

Start-up runs this before the first window, so it is written in SQLAlchemy Core on the foundation tables (no ORM,
see :mod:`..db.tables`); :mod:`.accounts` (user management) re-exports it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select, update

from ..db.tables import user_communities, users
from ..domain import passwords
from ..domain.errors import DomainError
from ..domain.roles import Actor, Role
from . import audit

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Row

    from ..db.session import SqlWork

# Argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): ~30 ms, so signing in stays quick
# on office desktops; hashes made with other parameters still verify.
_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def is_initialised(ws) -> bool:  # noqa: ANN001
    """Whether the office has been set up (it has an account)."""
    with ws.read_sql() as work:
        return (work.conn.scalar(select(func.count()).select_from(users)) or 0) > 0


def login(ws, username: str, password: str) -> Actor:  # noqa: ANN001
    """Verify the password; count failures and lock the account after too many. Sets ``ws.actor``.

    The failure is recorded (and committed) even though the call raises. On a read-only instance nothing is
    written: neither the failure count nor the audit entry.
    """
    now = ws.now()
    with ws.read_sql() if ws.read_only else ws.write_sql() as work:
        conn = work.conn
        user = conn.execute(select(users).where(users.c.username == username.strip())).first()
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
                _update(conn, user, failed_logins=failed, locked_until=locked_until)
            _record_failure(ws, work, user.id, username, "password")
            if locked_until:
                raise DomainError("auth.locked", until=locked_until.isoformat(timespec="minutes"))
            raise DomainError("auth.bad_credentials")
        actor = _actor(conn, user)
        if not ws.read_only:
            _update(conn, user, failed_logins=0, locked_until=None, last_login_at=now)
            audit.record(conn, actor, "login", "user", user.id, at=now)
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


def _actor(conn: Connection, user: Row) -> Actor:
    communities = conn.scalars(select(user_communities.c.community_id)
                               .where(user_communities.c.user_id == user.id))
    return Actor(user.id, user.username, Role(user.role), frozenset(communities))


def _update(conn: Connection, user: Row, **values: object) -> None:
    """Change the account's row as the ORM would: its version number goes up, and a row someone changed
    meanwhile (another version) is a conflict, never overwritten."""
    done = conn.execute(update(users).where(users.c.id == user.id, users.c.version == user.version)
                        .values(version=user.version + 1, **values))
    if done.rowcount != 1:
        raise DomainError("record.conflict")


def _record_failure(ws, work: SqlWork, user_id: int | None, username: str, why: str) -> None:  # noqa: ANN001
    if ws.read_only:
        return
    audit.record(work.conn, None, "login_failed", "user", user_id if user_id is not None else "",
                 after={"username": username[:64], "reason": why}, at=ws.now())
    work.commit()
