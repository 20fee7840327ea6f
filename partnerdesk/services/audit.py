"""The audit trail: appended in the same transaction as the change it records; verified as a hash chain."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from ..db.models import AppMeta, AuditLog, utcnow
from ..domain import audit as chain
from ..domain.errors import DomainError
from ..domain.roles import Actor, Perm, require

HEAD_KEY = "audit_head"
_PG_LOCK_KEY = 0x50445F41  # advisory lock serialising appends on PostgreSQL


def record(session: Session, actor: Actor | None, action: str, entity: str = "", entity_id: object = "",
           before: object = None, after: object = None, at: datetime | None = None) -> AuditLog:
    """Append one entry. Call inside the unit of work whose commit it records."""
    if session.get_bind().dialect.name == "postgresql":
        # Row locks first, the chain lock last: flush this unit of work's pending changes before waiting for
        # the lock, or two clerks (one holding a row, one the chain lock) wait for each other (a deadlock).
        session.flush()
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
    head = session.get(AppMeta, HEAD_KEY)
    seq, prev = _parse_head(head.value if head else "")
    seq += 1
    stamp = (at or utcnow()).isoformat(timespec="microseconds")
    username = actor.username if actor else "system"
    before_s, after_s = chain.canonical(before), chain.canonical(after)
    digest = chain.entry_hash(prev, seq, stamp, username, action, entity, str(entity_id), before_s, after_s)
    entry = AuditLog(seq=seq, at=stamp, user_id=actor.user_id if actor else None, username=username,
                     action=action, entity=entity, entity_id=str(entity_id), before=before_s, after=after_s,
                     prev_hash=prev, hash=digest)
    session.add(entry)
    if head is None:
        session.add(AppMeta(key=HEAD_KEY, value=f"{seq}:{digest}"))
    else:
        head.value = f"{seq}:{digest}"
    session.flush()
    return entry


def record_many(session: Session, actor: Actor | None, entries: list[tuple[str, str, object, object, object]],
                at: datetime | None = None) -> list[int]:
    """Append many entries (action, entity, entity_id, before, after) in one go, e.g. for a bulk import; the
    sequence numbers given to them, in order."""
    if not entries:
        return []
    if session.get_bind().dialect.name == "postgresql":
        # Row locks first, the chain lock last: flush this unit of work's pending changes before waiting for
        # the lock, or two clerks (one holding a row, one the chain lock) wait for each other (a deadlock).
        session.flush()
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
    head = session.get(AppMeta, HEAD_KEY)
    seq, prev = _parse_head(head.value if head else "")
    stamp = (at or utcnow()).isoformat(timespec="microseconds")
    username = actor.username if actor else "system"
    rows = []
    for action, entity, entity_id, before, after in entries:
        seq += 1
        b, a = chain.canonical(before), chain.canonical(after)
        prev = chain.entry_hash(prev, seq, stamp, username, action, entity, str(entity_id), b, a)
        rows.append({"seq": seq, "at": stamp, "user_id": actor.user_id if actor else None, "username": username,
                     "action": action, "entity": entity, "entity_id": str(entity_id), "before": b, "after": a,
                     "prev_hash": rows[-1]["hash"] if rows else _parse_head(head.value if head else "")[1],
                     "hash": prev})
    session.execute(insert(AuditLog), rows)
    if head is None:
        session.add(AppMeta(key=HEAD_KEY, value=f"{seq}:{prev}"))
    else:
        head.value = f"{seq}:{prev}"
    session.flush()
    return [r["seq"] for r in rows]


def _parse_head(value: str) -> tuple[int, str]:
    if not value:
        return 0, chain.GENESIS
    seq, digest = value.split(":", 1)
    return int(seq), digest


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: str
    username: str
    action: str
    entity: str
    entity_id: str
    before: str
    after: str


@dataclass(frozen=True)
class AuditFilter:
    text: str = ""
    username: str = ""
    action: str = ""
    date_from: str = ""  # ISO date
    date_to: str = ""


def _filtered(f: AuditFilter):
    q = select(AuditLog)
    if f.username:
        q = q.where(AuditLog.username == f.username)
    if f.action:
        q = q.where(AuditLog.action.like(_literal(f.action) + "%", escape="\\"))
    if f.date_from:
        q = q.where(AuditLog.at >= f.date_from)
    if f.date_to:
        q = q.where(AuditLog.at < f.date_to + "T99")
    if f.text:
        like = f"%{_literal(f.text)}%"
        q = q.where(AuditLog.entity_id.like(like, escape="\\") | AuditLog.before.like(like, escape="\\")
                    | AuditLog.after.like(like, escape="\\") | AuditLog.entity.like(like, escape="\\"))
    return q


def _literal(text: str) -> str:
    """Escape LIKE's wildcards: a search for '50%' or 'a_b' means those characters."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def list_entries(ws, f: AuditFilter = AuditFilter(), limit: int = 200, before_seq: int | None = None
                 ) -> list[AuditRow]:
    """Newest first, keyset-paged by ``before_seq``."""
    require(ws.actor, Perm.READ_AUDIT)
    q = _filtered(f)
    if before_seq is not None:
        q = q.where(AuditLog.seq < before_seq)
    q = q.order_by(AuditLog.seq.desc()).limit(limit)
    with ws.read() as uow:
        return [_row(e) for e in uow.session.scalars(q)]


def count_entries(ws, f: AuditFilter = AuditFilter()) -> int:
    require(ws.actor, Perm.READ_AUDIT)
    with ws.read() as uow:
        return uow.session.scalar(select(func.count()).select_from(_filtered(f).subquery())) or 0


def usernames(ws) -> list[str]:
    """Everyone who appears in the trail (for the auditors' user filter; auditors may not list accounts)."""
    require(ws.actor, Perm.READ_AUDIT)
    with ws.read() as uow:
        return list(uow.session.scalars(select(AuditLog.username).distinct().order_by(AuditLog.username)))


def _row(e: AuditLog) -> AuditRow:
    return AuditRow(e.seq, e.at, e.username, e.action, e.entity, e.entity_id, e.before, e.after)


def verify_chain(ws) -> chain.ChainReport:
    require(ws.actor, Perm.VERIFY)
    with ws.read() as uow:
        return verify_in(uow.session)


def verify_in(session: Session) -> chain.ChainReport:
    head = session.get(AppMeta, HEAD_KEY)
    head_t = _parse_head(head.value) if head else None
    return chain.verify_chain(_iter_entries(session), head_t)


def _iter_entries(session: Session) -> Iterator[chain.AuditEntry]:
    q = select(AuditLog).order_by(AuditLog.seq).execution_options(yield_per=2000)
    for e in session.scalars(q):
        yield chain.AuditEntry(e.seq, e.at, e.username, e.action, e.entity, e.entity_id, e.before, e.after,
                               e.prev_hash, e.hash)


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
    with ws.write() as uow:
        record(uow.session, ws.actor, action, entity, entity_id, after=detail, at=ws.now())
        uow.commit()
