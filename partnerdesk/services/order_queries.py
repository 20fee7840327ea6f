"""The resident-order list (居民点单): filters, sorting and paging in SQL for the orders tab."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select

from ..db import models as m
from ..domain import orders as rules
from ..domain.masking import mask_mobile
from ..domain.roles import Perm, require


@dataclass(frozen=True)
class OrderFilter:
    text: str = ""
    community_id: int | None = None
    state: str = ""
    partner_id: int | None = None
    overdue_only: bool = False


@dataclass(frozen=True)
class OrderListRow:
    id: int
    number: str
    community_id: int
    community_name: str
    resident_name: str
    resident_phone: str  # always masked in lists
    wanted: str
    domain: str
    ordered_on: date
    due_on: date
    state: str
    partner_id: int | None
    partner_name: str
    rating: int | None
    overdue: bool


RO = m.ResidentOrder
SORTS = ("ordered", "due", "state", "number", "community", "partner", "resident")


def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _filtered(ws, f: OrderFilter):  # noqa: ANN001, ANN202
    q = select(RO.id)
    if f.community_id is not None:
        q = q.where(RO.community_id == f.community_id)
    if f.state:
        q = q.where(RO.state == f.state)
    if f.partner_id is not None:
        q = q.where(RO.partner_id == f.partner_id)
    if f.overdue_only:
        q = q.where(RO.state.in_([s.value for s in rules.OPEN]), RO.due_on < ws.today())
    if f.text.strip():
        like = f"%{_esc(f.text.strip())}%"
        q = q.where(or_(RO.number.like(like, escape="\\"), RO.resident_name.like(like, escape="\\"),
                        RO.wanted.like(like, escape="\\"), RO.address.like(like, escape="\\")))
    if ws.actor.is_scoped:
        q = q.where(RO.community_id.in_(ws.actor.community_ids))
    return q


def count(ws, f: OrderFilter = OrderFilter()) -> int:
    require(ws.actor, Perm.READ)
    with ws.read() as uow:
        return uow.session.scalar(select(func.count()).select_from(_filtered(ws, f).subquery())) or 0


def _order(sort: str, descending: bool) -> list:
    column = {"ordered": RO.ordered_on, "due": RO.due_on, "state": RO.state, "number": RO.id,
              "community": m.OrgUnit.name, "partner": m.Partner.name, "resident": RO.resident_name}.get(sort, RO.ordered_on)
    return [column.desc(), RO.id.desc()] if descending else [column, RO.id]


def query(ws, f: OrderFilter = OrderFilter(), sort: str = "ordered", descending: bool = True, limit: int = 200,
          offset: int = 0) -> list[OrderListRow]:
    """One page of orders, filtered, sorted and paged in SQL; ``overdue`` marks open orders past their due date."""
    require(ws.actor, Perm.READ)
    order = _order(sort, descending)
    ids = _filtered(ws, f)
    if sort == "community":
        ids = ids.join(m.OrgUnit, m.OrgUnit.id == RO.community_id)
    elif sort == "partner":
        ids = ids.outerjoin(m.Partner, m.Partner.id == RO.partner_id)
    ids = ids.order_by(*order).offset(offset).limit(limit)
    q = (select(RO.id, RO.number, RO.community_id, m.OrgUnit.name, RO.resident_name, RO.resident_phone, RO.wanted,
                RO.domain, RO.ordered_on, RO.due_on, RO.state, RO.partner_id, m.Partner.name, RO.rating)
         .join(m.OrgUnit, m.OrgUnit.id == RO.community_id).outerjoin(m.Partner, m.Partner.id == RO.partner_id)
         .where(RO.id.in_(ids.scalar_subquery())).order_by(*order))
    today = ws.today()
    with ws.read() as uow:
        return [OrderListRow(r[0], r[1], r[2], r[3], r[4], mask_mobile(r[5]), r[6], r[7], r[8], r[9], r[10], r[11],
                             r[12] or "", r[13], rules.is_overdue(r[10], r[9], today))
                for r in uow.session.execute(q)]
