"""Recruitment notices (招募令): fields of service wanted, conditions, benefits, open period, status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ..db.models import OrgUnit, RecruitmentNotice
from ..domain.errors import DomainError
from ..domain.roles import Perm, require
from ..domain.text import clean_text
from . import audit
from .changes import Changes, Outcome
from .records import get_versioned, snapshot, to_row

NOTICES = "notices"
STATUSES = ("draft", "open", "closed")
_FIELDS = ("title", "issuer_id", "domain_codes", "conditions", "benefits", "open_from", "open_to", "status")


@dataclass(frozen=True)
class NoticeRow:
    id: int
    title: str
    issuer_id: int
    domain_codes: str
    conditions: str
    benefits: str
    open_from: date | None
    open_to: date | None
    status: str
    version: int


@dataclass(frozen=True)
class NoticeInput:
    title: str
    issuer_id: int
    domain_codes: tuple[str, ...] = ()
    conditions: str = "具有合法资质；近三年无不良记录；自愿参与社区服务。"
    benefits: str = ""
    open_from: date | None = None
    open_to: date | None = None
    status: str = "draft"


def save(ws, data: NoticeInput, notice_id: int | None = None, version: int | None = None) -> Outcome[NoticeRow]:
    require(ws.actor, Perm.EDIT_RECORDS)
    title = clean_text(data.title)
    if not title:
        raise DomainError("notice.title_required")
    if data.status not in STATUSES:
        raise DomainError("notice.bad_status", status=data.status)
    if data.open_from and data.open_to and data.open_to < data.open_from:
        raise DomainError("notice.bad_period")
    with ws.write() as uow:
        s = uow.session
        issuer = s.get(OrgUnit, data.issuer_id)
        if issuer is None or issuer.kind not in ("street", "community"):
            raise DomainError("notice.bad_issuer")
        if issuer.kind == "community":
            require(ws.actor, Perm.EDIT_RECORDS, issuer.id)
        n = get_versioned(s, RecruitmentNotice, notice_id, version) if notice_id else RecruitmentNotice()
        before = snapshot(n, _FIELDS) if notice_id else None
        n.title, n.issuer_id, n.domain_codes = title, data.issuer_id, ",".join(data.domain_codes)
        n.conditions, n.benefits = data.conditions.strip(), data.benefits.strip()
        n.open_from, n.open_to, n.status = data.open_from, data.open_to, data.status
        s.add(n)
        s.flush()
        audit.record(s, ws.actor, "notice.save", "notice", n.id, before=before, after=snapshot(n, _FIELDS),
                     at=ws.now())
        row = to_row(NoticeRow, n)
        uow.commit()
    return Outcome(row, Changes.of(NOTICES))


def list_all(ws, status: str = "") -> list[NoticeRow]:
    require(ws.actor, Perm.READ)
    q = select(RecruitmentNotice).order_by(RecruitmentNotice.id.desc())
    if status:
        q = q.where(RecruitmentNotice.status == status)
    with ws.read() as uow:
        return [to_row(NoticeRow, n) for n in uow.session.scalars(q)]
