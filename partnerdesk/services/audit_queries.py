"""Browsing the audit trail (auditors, administrators, `partnerdesk audit list`): filters, keyset pages, the users
who appear in it. Appending and verifying are :mod:`.audit`."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from ..db.tables import audit_log
from ..domain.roles import Perm, require


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


_ROW = (audit_log.c.seq, audit_log.c.at, audit_log.c.username, audit_log.c.action, audit_log.c.entity,
        audit_log.c.entity_id, audit_log.c.before, audit_log.c.after)


def _filtered(f: AuditFilter, *columns):  # noqa: ANN002, ANN202 - a Select
    c = audit_log.c
    q = select(*(columns or _ROW))
    if f.username:
        q = q.where(c.username == f.username)
    if f.action:
        q = q.where(c.action.like(_literal(f.action) + "%", escape="\\"))
    if f.date_from:
        q = q.where(c.at >= f.date_from)
    if f.date_to:
        q = q.where(c.at < f.date_to + "T99")
    if f.text:
        like = f"%{_literal(f.text)}%"
        q = q.where(c.entity_id.like(like, escape="\\") | c.before.like(like, escape="\\")
                    | c.after.like(like, escape="\\") | c.entity.like(like, escape="\\"))
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
        q = q.where(audit_log.c.seq < before_seq)
    q = q.order_by(audit_log.c.seq.desc()).limit(limit)
    with ws.read_sql() as work:
        return [AuditRow(*r) for r in work.conn.execute(q)]


def count_entries(ws, f: AuditFilter = AuditFilter()) -> int:
    require(ws.actor, Perm.READ_AUDIT)
    with ws.read_sql() as work:
        return work.conn.scalar(select(func.count()).select_from(_filtered(f, audit_log.c.id).subquery())) or 0


def usernames(ws) -> list[str]:
    """Everyone who appears in the trail (for the auditors' user filter; auditors may not list accounts)."""
    require(ws.actor, Perm.READ_AUDIT)
    with ws.read_sql() as work:
        return list(work.conn.scalars(select(audit_log.c.username).distinct().order_by(audit_log.c.username)))
