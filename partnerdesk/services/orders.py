"""Resident orders (居民点单): create, dispatch, reject, return, cancel, deliver; rate; complaints.

Community workers act in their own communities only, staff, approvers and admins everywhere; auditors read.
Delivering an order writes the service record (linked by order_id) in the same commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..db import models as m
from ..domain import orders as rules
from ..domain.errors import DomainError
from ..domain.lifecycle import State as PartnerState
from ..domain.masking import mask_mobile
from ..domain.orders import OrderAction, OrderState
from ..domain.roles import Perm, require
from ..domain.text import clean_text
from . import audit
from .changes import Changes, Outcome
from .order_queries import SORTS, OrderFilter, OrderListRow, count, query  # noqa: F401 re-export
from .records import get_versioned, insert_ignore
from .service_records import SERVICES, RowsInvalid, ServiceInput, insert_checked

ORDERS = "orders"
_LIVE_PARTNER = {PartnerState.FILED.value, PartnerState.COMMITTED.value, PartnerState.ACTIVE.value}


@dataclass(frozen=True)
class OrderInput:
    community_id: int
    resident_name: str
    wanted: str
    ordered_on: date
    due_on: date
    resident_phone: str = ""
    address: str = ""
    domain: str = ""


@dataclass(frozen=True)
class DeliveryInput:
    """What the partner delivered: becomes a service record of the order's partner and community."""

    on_date: date
    kind: str
    people: int
    minutes: int = 0
    place: str = ""
    notes: str = ""
    agreement_id: int | None = None


@dataclass(frozen=True)
class OrderRow:
    id: int
    number: str
    community_id: int
    resident_name: str
    resident_phone: str  # masked unless revealed
    address: str
    wanted: str
    domain: str
    ordered_on: date
    due_on: date
    state: str
    reason: str  # why it was rejected or cancelled
    partner_id: int | None
    partner_name: str
    dispatched_on: date | None
    delivered_on: date | None
    service_record_id: int | None
    rating: int | None
    rating_comment: str
    rated_on: date | None
    overdue: bool
    created_by: str
    version: int


def _row(s: Session, o: m.ResidentOrder, today: date, reveal: bool = False) -> OrderRow:
    partner = s.get(m.Partner, o.partner_id) if o.partner_id else None
    record = s.scalar(select(m.ServiceRecord.id).where(m.ServiceRecord.order_id == o.id).limit(1))
    phone = o.resident_phone if reveal else mask_mobile(o.resident_phone)
    return OrderRow(o.id, o.number, o.community_id, o.resident_name, phone, o.address, o.wanted, o.domain,
                    o.ordered_on, o.due_on, o.state, o.reject_reason, o.partner_id, partner.name if partner else "",
                    o.dispatched_on, o.delivered_on, record, o.rating, o.rating_comment, o.rated_on,
                    rules.is_overdue(o.state, o.due_on, today), o.created_by, o.version)


def _next_number(s: Session, year: int) -> str:
    s.execute(insert_ignore(s, m.OrderCounter).values(year=year, last_seq=0))
    s.execute(update(m.OrderCounter).where(m.OrderCounter.year == year).values(last_seq=m.OrderCounter.last_seq + 1))
    return rules.number(year, s.scalar(select(m.OrderCounter.last_seq).where(m.OrderCounter.year == year)))


def _event(s: Session, ws, o: m.ResidentOrder, action: str, before: str, note: str = "",  # noqa: ANN001
           extra: dict | None = None) -> None:
    s.add(m.OrderEvent(order_id=o.id, action=action, from_state=before, to_state=o.state, at=ws.now(),
                       username=ws.actor.username, note=note.strip()))
    audit.record(s, ws.actor, f"order.{action}", "order", o.id, before={"state": before},
                 after={"state": o.state, "number": o.number, "note": note.strip(), **(extra or {})}, at=ws.now())


def _may_move(ws, community_id: int | None = None) -> None:  # noqa: ANN001
    require(ws.actor, Perm.EDIT_RECORDS, community_id)
    rules.check_role(ws.actor.role)


def create(ws, data: OrderInput) -> Outcome[OrderRow]:
    """A resident's order, pending review, numbered gap-free per year of ordering."""
    _may_move(ws, data.community_id)
    name, wanted = clean_text(data.resident_name), data.wanted.strip()
    if not name:
        raise DomainError("order.resident_required")
    if not wanted:
        raise DomainError("order.wanted_required")
    if len(name) > 64 or len(clean_text(data.resident_phone)) > 32 or len(clean_text(data.domain)) > 32:
        raise DomainError("order.text_too_long")
    rules.check_dates(data.ordered_on, data.due_on, ws.today())
    with ws.write() as uow:
        s = uow.session
        community = s.get(m.OrgUnit, data.community_id)
        if community is None or community.kind != "community":
            raise DomainError("org.not_community", id=data.community_id)
        o = m.ResidentOrder(number=_next_number(s, data.ordered_on.year), community_id=data.community_id,
                            resident_name=name, resident_phone=clean_text(data.resident_phone),
                            address=clean_text(data.address), wanted=wanted, domain=clean_text(data.domain),
                            ordered_on=data.ordered_on, due_on=data.due_on, state=OrderState.PENDING.value,
                            created_by=ws.actor.username, created_at=ws.now(), updated_at=ws.now())
        s.add(o)
        s.flush()
        _event(s, ws, o, "create", "", extra={"community_id": o.community_id, "due_on": o.due_on.isoformat()})
        row = _row(s, o, ws.today())
        uow.commit()
    return Outcome(row, Changes.of(ORDERS))


def transition(ws, order_id: int, version: int, action: str, note: str = "", partner_id: int | None = None,
               delivery: DeliveryInput | None = None) -> Outcome[OrderRow]:
    """One step of the order (see domain.orders). Reject, return and cancel need a reason in ``note``."""
    act = rules.action_of(action)
    _may_move(ws)
    with ws.write() as uow:
        s = uow.session
        o = get_versioned(s, m.ResidentOrder, order_id, version, entity="order")
        require(ws.actor, Perm.EDIT_RECORDS, o.community_id)
        before = o.state
        o.state = rules.step(OrderState(o.state), act, note).value
        extra = _apply(s, ws, o, act, note, partner_id, delivery)
        o.updated_at = ws.now()
        s.flush()
        _event(s, ws, o, act.value, before, note, extra)
        row = _row(s, o, ws.today())
        uow.commit()
    return Outcome(row, Changes.of(ORDERS, SERVICES) if act is OrderAction.DELIVER else Changes.of(ORDERS))


def _apply(s: Session, ws, o: m.ResidentOrder, act: OrderAction, note: str, partner_id: int | None,  # noqa: ANN001
           delivery: DeliveryInput | None) -> dict:
    today = ws.today()
    if act is OrderAction.DISPATCH:
        partner = s.get(m.Partner, partner_id) if partner_id is not None else None
        if partner is None:
            raise DomainError("order.partner_required")
        if partner.state not in _LIVE_PARTNER or partner.merged_into_id:
            raise DomainError("order.partner_not_serving", name=partner.name)
        o.partner_id, o.dispatched_on = partner.id, today
        return {"partner_id": partner.id}
    if act is OrderAction.RETURN:
        returned = o.partner_id
        o.partner_id, o.dispatched_on = None, None
        return {"returned_by_partner": returned}
    if act in (OrderAction.REJECT, OrderAction.CANCEL):
        o.reject_reason = note.strip()
        return {}
    return _deliver(s, ws, o, delivery)


def _deliver(s: Session, ws, o: m.ResidentOrder, d: DeliveryInput | None) -> dict:  # noqa: ANN001
    if d is None:
        raise DomainError("order.delivery_required")
    if d.on_date < o.ordered_on:
        raise DomainError("order.delivered_before_ordered", ordered=o.ordered_on.isoformat())
    record = ServiceInput(o.partner_id, d.on_date, d.kind, d.people, d.minutes, o.domain, d.place or o.address,
                          d.notes, d.agreement_id, o.community_id)
    try:
        [record_id] = insert_checked(s, ws, [record], order_id=o.id, allow_duplicates=True)
    except RowsInvalid as err:
        first = err.problems[0]
        raise DomainError(first.code, **first.params) from None
    o.delivered_on = d.on_date
    return {"service_record_id": record_id, "people": d.people, "minutes": d.minutes}


def rate(ws, order_id: int, stars: int, comment: str = "") -> Outcome[OrderRow]:
    """The resident's rating (1–5 stars), once, on a completed order."""
    rules.check_stars(stars)
    _may_move(ws)
    with ws.write() as uow:
        s = uow.session
        o = get_versioned(s, m.ResidentOrder, order_id, entity="order")
        require(ws.actor, Perm.EDIT_RECORDS, o.community_id)
        if o.state != OrderState.COMPLETED.value:
            raise DomainError("order.not_completed", state=o.state)
        if o.rating is not None:
            raise DomainError("order.already_rated", stars=o.rating)
        o.rating, o.rating_comment, o.rated_on, o.updated_at = stars, comment.strip(), ws.today(), ws.now()
        s.flush()
        _event(s, ws, o, "rate", o.state, comment, {"stars": stars})
        row = _row(s, o, ws.today())
        uow.commit()
    return Outcome(row, Changes.of(ORDERS))


def complain(ws, order_id: int, text: str) -> Outcome[int]:
    """Record a complaint about a completed order (open until an approver decides it); returns its id."""
    _may_move(ws)
    if not text.strip():
        raise DomainError("order.complaint_text")
    with ws.write() as uow:
        s = uow.session
        o = get_versioned(s, m.ResidentOrder, order_id, entity="order")
        require(ws.actor, Perm.EDIT_RECORDS, o.community_id)
        if o.state != OrderState.COMPLETED.value:
            raise DomainError("order.not_completed", state=o.state)
        c = m.OrderComplaint(order_id=o.id, partner_id=o.partner_id, lodged_on=ws.today(), text=text.strip(),
                             state="open", created_by=ws.actor.username, created_at=ws.now())
        s.add(c)
        s.flush()
        _event(s, ws, o, "complain", o.state, text, {"complaint_id": c.id})
        uow.commit()
    return Outcome(c.id, Changes.of(ORDERS))


def decide_complaint(ws, complaint_id: int, version: int, upheld: bool, decision: str) -> Outcome[ComplaintRow]:
    """Uphold or dismiss an open complaint (approvers and admins); the decision's reason is required."""
    require(ws.actor, Perm.APPROVE)
    if not decision.strip():
        raise DomainError("order.decision_required")
    with ws.write() as uow:
        s = uow.session
        c = get_versioned(s, m.OrderComplaint, complaint_id, version, entity="complaint")
        if c.state != "open":
            raise DomainError("order.complaint_decided", state=c.state)
        c.state = "upheld" if upheld else "dismissed"
        c.decision, c.decided_by, c.decided_on = decision.strip(), ws.actor.username, ws.today()
        s.flush()
        audit.record(s, ws.actor, "order.complaint_decide", "complaint", c.id, before={"state": "open"},
                     after={"state": c.state, "decision": c.decision, "order_id": c.order_id}, at=ws.now())
        row = _complaint_row(c)
        uow.commit()
    return Outcome(row, Changes.of(ORDERS))


# --- reading ----------------------------------------------------------------------------------------------

def _readable(ws, o: m.ResidentOrder) -> None:  # noqa: ANN001
    if ws.actor.is_scoped and o.community_id not in ws.actor.community_ids:
        raise DomainError("auth.forbidden", action="read", role=ws.actor.role.value)


def get(ws, order_id: int, reveal: bool = False) -> OrderRow:
    """One order; the phone is masked unless ``reveal`` (needs Perm.REVEAL_PERSONAL; each reveal is audited)."""
    require(ws.actor, Perm.REVEAL_PERSONAL if reveal else Perm.READ)
    with (ws.write() if reveal else ws.read()) as uow:
        s = uow.session
        o = get_versioned(s, m.ResidentOrder, order_id, entity="order")
        _readable(ws, o)
        row = _row(s, o, ws.today(), reveal)
        if reveal:
            audit.record(s, ws.actor, "personal.reveal", "order", order_id, after={"field": "resident_phone"},
                         at=ws.now())
            uow.commit()
        return row


def allowed(ws, order_id: int) -> list[str]:
    """What the signed-in user may do with the order now: steps, then "rate" and "complain" on completed ones."""
    require(ws.actor, Perm.READ)
    with ws.read() as uow:
        o = get_versioned(uow.session, m.ResidentOrder, order_id, entity="order")
        if not ws.actor.can(Perm.EDIT_RECORDS, o.community_id):
            return []
        out = [a.value for a in rules.possible(OrderState(o.state), ws.actor.role)]
        if o.state == OrderState.COMPLETED.value and ws.actor.role in rules.MOVERS:
            out += (["rate"] if o.rating is None else []) + ["complain"]
        return out


@dataclass(frozen=True)
class OrderEventRow:
    at: datetime
    action: str
    from_state: str
    to_state: str
    username: str
    note: str


def events(ws, order_id: int) -> list[OrderEventRow]:
    require(ws.actor, Perm.READ)
    with ws.read() as uow:
        _readable(ws, get_versioned(uow.session, m.ResidentOrder, order_id, entity="order"))
        q = select(m.OrderEvent).where(m.OrderEvent.order_id == order_id).order_by(m.OrderEvent.id)
        return [OrderEventRow(e.at, e.action, e.from_state, e.to_state, e.username, e.note)
                for e in uow.session.scalars(q)]


@dataclass(frozen=True)
class ComplaintRow:
    id: int
    order_id: int
    partner_id: int | None
    lodged_on: date
    text: str
    state: str  # open / upheld / dismissed
    decision: str
    decided_by: str
    decided_on: date | None
    created_by: str
    version: int


def _complaint_row(c: m.OrderComplaint) -> ComplaintRow:
    return ComplaintRow(c.id, c.order_id, c.partner_id, c.lodged_on, c.text, c.state, c.decision, c.decided_by,
                        c.decided_on, c.created_by, c.version)


def complaints(ws, order_id: int | None = None, state: str = "", limit: int = 500) -> list[ComplaintRow]:
    require(ws.actor, Perm.READ)
    q = select(m.OrderComplaint).order_by(m.OrderComplaint.id.desc())
    if order_id is not None:
        q = q.where(m.OrderComplaint.order_id == order_id)
    if state:
        q = q.where(m.OrderComplaint.state == state)
    if ws.actor.is_scoped:
        q = q.where(m.OrderComplaint.order_id.in_(select(m.ResidentOrder.id).where(
            m.ResidentOrder.community_id.in_(ws.actor.community_ids))))
    with ws.read() as uow:
        return [_complaint_row(c) for c in uow.session.scalars(q.limit(limit))]
