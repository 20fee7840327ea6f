"""The audit trail: appended in the same transaction as the change it records; verified as a hash chain. Browsing it is
:mod:`.audit_queries`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..db.plain import Sql, utcnow
from ..domain import audit as chain
from ..domain.errors import DomainError
from ..domain.roles import Actor, Perm, require

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection
    from sqlalchemy.orm import Session

# Appended in plain SQL inside the unit of work whose change it records: an ORM service passes its session (its
# pending changes are flushed first, so they and the entry are one transaction), a Core service its connection,
# start-up's sign-in its plain unit of work's ``sql`` (sqlite3, no SQLAlchemy: see ..db.plain).

HEAD_KEY = "audit_head"
_PG_LOCK_KEY = 0x50445F41  # advisory lock serialising appends on PostgreSQL


def record(db: Session | Connection | Sql, actor: Actor | None, action: str, entity: str = "", entity_id: object = "",
           before: object = None, after: object = None, at: datetime | None = None) -> int:
    """Append one entry inside the unit of work whose commit it records; its sequence number."""
    return record_many(db, actor, [(action, entity, entity_id, before, after)], at)[0]


def record_many(db: Session | Connection | Sql, actor: Actor | None,
                entries: list[tuple[str, str, object, object, object]], at: datetime | None = None) -> list[int]:
    """Append many entries (action, entity, entity_id, before, after) in one go, e.g. for a bulk import; the
    sequence numbers given to them, in order."""
    if not entries:
        return []
    sql = _sql(db)
    if sql.dialect == "postgresql":
        # Row locks first, the chain lock last (the session's changes were flushed above): otherwise two clerks,
        # one holding a row and one the chain lock, wait for each other (a deadlock).
        sql.scalar("SELECT pg_advisory_xact_lock(:k)", {"k": _PG_LOCK_KEY})
    head = sql.scalar(_HEAD, {"k": HEAD_KEY})
    seq, prev = _parse_head(head or "")
    stamp = (at or utcnow()).isoformat(timespec="microseconds")
    username = actor.username if actor else "system"
    user_id = actor.user_id if actor else None
    rows = []
    for action, entity, entity_id, before, after in entries:
        seq += 1
        b, a = chain.canonical(before), chain.canonical(after)
        digest = chain.entry_hash(prev, seq, stamp, username, action, entity, str(entity_id), b, a)
        rows.append({"seq": seq, "at": stamp, "user_id": user_id, "username": username, "action": action,
                     "entity": entity, "entity_id": str(entity_id), "before": b, "after": a, "prev_hash": prev,
                     "hash": digest})
        prev = digest
    sql.run_many(_APPEND, rows)
    new_head = f"{seq}:{prev}"
    if head is None:
        sql.run('INSERT INTO app_meta ("key", "value") VALUES (:k, :v)', {"k": HEAD_KEY, "v": new_head})
    else:
        sql.run('UPDATE app_meta SET "value" = :v WHERE "key" = :k', {"k": HEAD_KEY, "v": new_head})
    return [r["seq"] for r in rows]


_HEAD = 'SELECT "value" FROM app_meta WHERE "key" = :k'
_APPEND = ('INSERT INTO audit_log (seq, "at", user_id, username, "action", entity, entity_id, "before", "after", '
           'prev_hash, "hash") VALUES (:seq, :at, :user_id, :username, :action, :entity, :entity_id, :before, '
           ':after, :prev_hash, :hash)')


def _sql(db: Session | Connection | Sql) -> Sql:
    """Plain SQL inside the caller's unit of work (an ORM session's pending changes are written first)."""
    if hasattr(db, "run_many"):
        return db  # type: ignore[return-value]
    from ..db.session import CoreSql  # a session or connection: SQLAlchemy is loaded

    return CoreSql(_connection(db))  # type: ignore[arg-type]


def _connection(db: Session | Connection) -> Connection:
    """The connection of a unit of work; an ORM session's pending changes are written first."""
    if hasattr(db, "flush"):  # an ORM Session (told apart without importing the ORM)
        db.flush()
        return db.connection()
    return db


def _parse_head(value: str) -> tuple[int, str]:
    if not value:
        return 0, chain.GENESIS
    seq, digest = value.split(":", 1)
    return int(seq), digest


def verify_chain(ws) -> chain.ChainReport:
    require(ws.actor, Perm.VERIFY)
    with ws.read_sql() as work:
        return verify_in(work.conn)


def verify_in(db: Session | Connection) -> chain.ChainReport:
    conn = _connection(db)
    head = _sql(conn).scalar(_HEAD, {"k": HEAD_KEY})
    return chain.verify_chain(_iter_entries(conn), _parse_head(head) if head is not None else None)


def _iter_entries(conn: Connection) -> Iterator[chain.AuditEntry]:
    from sqlalchemy import select

    from ..db.tables import audit_log

    c = audit_log.c
    q = select(c.seq, c.at, c.username, c.action, c.entity, c.entity_id, c.before, c.after, c.prev_hash, c.hash
               ).order_by(c.seq)
    for r in conn.execution_options(yield_per=2000).execute(q):
        yield chain.AuditEntry(*r)


@contextmanager
def recorded_file(ws, path: Path, action: str, entity: str = "", entity_id: object = "") -> Iterator[dict]:  # noqa: ANN001
    """Write ``path`` inside this block and fill the yielded dict with what the audit entry should say: a file this
    app writes out (an export) exists only with its entry. Where no entry can be written (a read-only instance) the
    block does not run; if the entry cannot be committed, the file is removed again."""
    if ws.read_only:
        raise DomainError("db.read_only")
    detail: dict = {}
    yield detail
    try:
        record_event(ws, action, entity, entity_id, {**detail, "file": path.name})
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def record_event(ws, action: str, entity: str = "", entity_id: object = "", detail: object = None) -> None:
    """Record an event that changes no record (an export, a print, a reveal) in its own transaction."""
    with ws.write_sql() as work:
        record(work.conn, ws.actor, action, entity, entity_id, after=detail, at=ws.now())
        work.commit()
