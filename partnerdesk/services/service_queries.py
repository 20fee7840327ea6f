"""The service-record list (服务记录): filters, sorting and paging in SQL for the records tab."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import aliased

from ..db import models as m
from ..domain.roles import Perm, require


@dataclass(frozen=True)
class ServiceFilter:
    text: str = ""
    partner_id: int | None = None
    agreement_id: int | None = None
    community_id: int | None = None
    kind: str = ""
    domain: str = ""
    date_from: date | None = None
    date_to: date | None = None


@dataclass(frozen=True)
class ServiceListRow:
    id: int
    on_date: date
    partner_id: int
    partner_name: str
    agreement_id: int | None
    agreement_number: str
    community_id: int
    community_name: str
    kind: str
    domain: str
    place: str
    people: int
    minutes: int
    notes: str
    created_by: str


SR = m.ServiceRecord
SORTS = ("date", "partner", "people", "kind", "community")
WALKED = frozenset({"date", "partner", "people", "kind"})  # sorts read off an index, where a page can stop early


def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _places_like(like: str):  # noqa: ANN202
    """The distinct places matching ``like``, read by skipping along the place index (a recursive "next place after
    this one"): a few thousand places are tested instead of every record's (500,000 records have ≈3,000 places),
    and records are then matched against this short list instead of the pattern."""
    after = aliased(SR)
    walk = select(func.min(SR.place).label("place")).cte("places", recursive=True)
    walk = walk.union_all(select(select(func.min(after.place)).where(after.place > walk.c.place).scalar_subquery())
                          .where(walk.c.place.is_not(None)))
    return select(walk.c.place).where(walk.c.place.like(like, escape="\\"))


def _partners_like(like: str):  # noqa: ANN202
    return select(m.Partner.id).where(m.Partner.name.like(like, escape="\\"))


def _text_where(text: str, *, walk_order: bool):  # noqa: ANN202
    """Records whose place or partner name contains ``text``. ``walk_order=False`` (counting): through the indexes,
    from the matching places and partners to their records. ``walk_order=True`` (a page): the same test made on each
    record while the sort order is walked, so a page of a frequent match ends after a few hundred records instead
    of sorting all of them (the columns are wrapped so that SQLite does not take the index path)."""
    like = f"%{_esc(text)}%"
    place, partner = (func.coalesce(SR.place, ""), SR.partner_id + 0) if walk_order else (SR.place, SR.partner_id)
    return or_(place.in_(_places_like(like)), partner.in_(_partners_like(like)))


def _matches_nothing(s, text: str) -> bool:  # noqa: ANN001
    """No place and no partner name contains ``text``: a page need not walk the records to find that out."""
    like = f"%{_esc(text)}%"
    return s.scalar(select(_places_like(like).exists() | _partners_like(like).exists())) is False


def _filtered(actor, f: ServiceFilter, *, walk_order: bool = False):  # noqa: ANN001, ANN202
    q = select(SR.id)
    for column, value in ((SR.partner_id, f.partner_id), (SR.agreement_id, f.agreement_id),
                          (SR.community_id, f.community_id), (SR.kind, f.kind or None),
                          (SR.domain, f.domain or None)):
        if value is not None:
            q = q.where(column == value)
    if f.date_from is not None:
        q = q.where(SR.on_date >= f.date_from)
    if f.date_to is not None:
        q = q.where(SR.on_date <= f.date_to)
    if f.text.strip():
        q = q.where(_text_where(f.text.strip(), walk_order=walk_order))
    if actor.is_scoped:
        q = q.where(SR.community_id.in_(actor.community_ids))
    return q


def count(ws, f: ServiceFilter = ServiceFilter()) -> int:
    require(ws.actor, Perm.READ)
    with ws.read() as uow:
        return uow.session.scalar(select(func.count()).select_from(_filtered(ws.actor, f).subquery())) or 0


def _order(sort: str, descending: bool) -> list:
    column = {"date": SR.on_date, "partner": m.Partner.name, "people": SR.people, "kind": SR.kind,
              "community": m.OrgUnit.name}.get(sort, SR.on_date)
    return [column.desc(), SR.id.desc()] if descending else [column, SR.id]


def _joined(q, sort: str):  # noqa: ANN001, ANN202
    if sort == "partner":
        q = q.join(m.Partner, m.Partner.id == SR.partner_id)
    elif sort == "community":
        q = q.join(m.OrgUnit, m.OrgUnit.id == SR.community_id)
    return q


def query(ws, f: ServiceFilter = ServiceFilter(), sort: str = "date", descending: bool = True, limit: int = 200,
          offset: int = 0) -> list[ServiceListRow]:
    """One page, filtered and sorted in SQL (ties broken by id so pages never overlap)."""
    require(ws.actor, Perm.READ)
    order = _order(sort, descending)
    ids = _joined(_filtered(ws.actor, f, walk_order=sort in WALKED), sort).order_by(*order).offset(offset).limit(limit)
    q = (select(SR.id, SR.on_date, SR.partner_id, m.Partner.name.label("partner_name"), SR.agreement_id,
                func.coalesce(m.Agreement.number, "").label("agreement_number"), SR.community_id,
                m.OrgUnit.name.label("community_name"), SR.kind, SR.domain, SR.place, SR.people, SR.minutes,
                SR.notes, SR.created_by)
         .join(m.Partner, m.Partner.id == SR.partner_id).join(m.OrgUnit, m.OrgUnit.id == SR.community_id)
         .outerjoin(m.Agreement, m.Agreement.id == SR.agreement_id)
         .where(SR.id.in_(ids.scalar_subquery())).order_by(*order))
    with ws.read() as uow:
        if f.text.strip() and _matches_nothing(uow.session, f.text.strip()):
            return []
        return [ServiceListRow(**r._asdict()) for r in uow.session.execute(q)]
