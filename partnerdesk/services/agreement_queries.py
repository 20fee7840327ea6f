"""Read side of spaces and space-use agreements: filter, sort and page in SQL (LIMIT/OFFSET, ties by id),
with the partner's, space's and community's names joined in; supplements and events of one agreement."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Select, and_, func, or_, select

from ..db.models import Agreement, AgreementEvent, AgreementSupplement, OrgUnit, Partner, Space
from ..db.models.agreements import NUMBER_ORDER  # numbers in reading order, as their index holds them
from ..domain.agreements import REMINDER_DAYS, AgreementState, shown_state
from ..domain.roles import Actor, Perm, require

EXPIRING = "expiring"  # a shown state: in force and ending within the reminder window
CURRENT = "current"  # drafts, approved, signed and in force: what a clerk works on (the list's default)
_CURRENT_STATES = (AgreementState.DRAFT.value, AgreementState.APPROVED.value, AgreementState.SIGNED.value,
                   AgreementState.IN_FORCE.value)
AGREEMENT_SORTS = {
    # a name's ties broken as its index orders them (partners: name, merged flag, id), so a page is read off the
    # name index and needs no sort of every row
    "number": NUMBER_ORDER, "partner": (Partner.name, Partner.merged_into_id, Partner.id),
    "space": (Space.name, Space.id),
    # a community's agreements by space: read off the communities' name index and the spaces' (community, name) one
    "community": (OrgUnit.name, OrgUnit.id, Space.name, Space.id),
    "start": Agreement.start_date, "end": Agreement.end_date, "state": Agreement.state, "mode": Agreement.mode,
    "updated": Agreement.updated_at, "id": Agreement.id,
}
SPACE_SORTS = {
    "name": Space.name, "community": OrgUnit.name, "area": Space.area_centi_m2, "kind": Space.kind,
    "owner": Space.owner, "status": Space.status, "id": Space.id,
}


def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like(column, text: str):  # noqa: ANN001, ANN202
    return column.like(f"%{_esc(text)}%", escape="\\")


# -- agreements ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class AgreementFilter:
    text: str = ""  # number, partner name or space name contains it
    state: str = ""  # an AgreementState value, or "expiring"
    community_id: int | None = None
    partner_id: int | None = None
    space_id: int | None = None
    mode: str = ""
    window_days: int = REMINDER_DAYS[0]


@dataclass(frozen=True)
class AgreementListRow:
    id: int
    number: str
    partner_id: int
    partner_name: str
    space_id: int
    space_name: str
    community_id: int
    community_name: str
    start_date: date
    end_date: date
    mode: str
    state: str
    shown_state: str  # state, or "expiring"
    rent_fen: int
    committed_sessions: int
    committed_hours: int
    terminated_on: date | None
    updated_at: datetime


def _scope(actor: Actor, q: Select) -> Select:
    return q.where(Space.community_id.in_(actor.community_ids)) if actor.is_scoped else q


def _agreements(actor: Actor, f: AgreementFilter, today: date, *, names: bool = True) -> Select:
    """The filtered agreements. Every agreement has its space and partner (required keys), so the joins only
    matter to a condition on them: ``names=False`` (a count) leaves out those no condition needs, which spares a
    count of every agreement a lookup of every space and partner. ``names=True`` joins both for the list's columns
    and sorts."""
    q = select(Agreement.id)
    if names or f.community_id is not None or actor.is_scoped:
        q = q.join(Space, Space.id == Agreement.space_id)
    if names:
        q = q.join(Partner, Partner.id == Agreement.partner_id)
    if f.text.strip():
        # the names are searched once each (partners and spaces by their name indexes), not joined to every row
        text = f.text.strip()
        q = q.where(or_(_like(Agreement.number, text),
                        Agreement.partner_id.in_(select(Partner.id).where(_like(Partner.name, text))),
                        Agreement.space_id.in_(select(Space.id).where(_like(Space.name, text)))))
    if f.state == EXPIRING:
        q = q.where(Agreement.state == AgreementState.IN_FORCE.value, Agreement.end_date >= today,
                    Agreement.end_date <= today + timedelta(days=f.window_days))
    elif f.state == CURRENT:
        q = q.where(Agreement.state.in_(_CURRENT_STATES))
    elif f.state:
        q = q.where(Agreement.state == f.state)
    for column, value in ((Space.community_id, f.community_id), (Agreement.partner_id, f.partner_id),
                          (Agreement.space_id, f.space_id)):
        if value is not None:
            q = q.where(column == value)
    if f.mode:
        q = q.where(Agreement.mode == f.mode)
    return _scope(actor, q)


def count_agreements(ws, f: AgreementFilter = AgreementFilter()) -> int:
    require(ws.actor, Perm.READ)
    q = _agreements(ws.actor, f, ws.today(), names=False)
    with ws.read() as uow:
        return uow.session.scalar(select(func.count()).select_from(q.subquery())) or 0


def query_agreements(ws, f: AgreementFilter = AgreementFilter(), sort: str = "end", descending: bool = False,
                     offset: int = 0, limit: int = 200) -> list[AgreementListRow]:
    """One page of agreements, sorted in SQL (ties broken by id so pages never overlap)."""
    require(ws.actor, Perm.READ)
    today = ws.today()
    columns = AGREEMENT_SORTS.get(sort, Agreement.end_date)
    columns = columns if isinstance(columns, tuple) else (columns,)
    order = [*(c.desc() for c in columns), Agreement.id.desc()] if descending else [*columns, Agreement.id]
    q = _with_names(_agreements(ws.actor, f, today)).order_by(*order).offset(offset).limit(limit)
    with ws.read() as uow:
        rows = uow.session.execute(q).all()
    return [_agreement_row(r, today, f.window_days) for r in rows]


def _agreement_row(r, today: date, window: int) -> AgreementListRow:  # noqa: ANN001
    shown = shown_state(AgreementState(r[11]), r[9], today, window)
    return AgreementListRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], shown,
                            r[12], r[13], r[14], r[15], r[16])


def agreement_row(ws, agreement_id: int, window_days: int = REMINDER_DAYS[0]) -> AgreementListRow | None:
    """One agreement as the lists show it (names joined), or None if the user may not see it."""
    require(ws.actor, Perm.READ)
    today = ws.today()
    q = _with_names(_agreements(ws.actor, AgreementFilter(), today)).where(Agreement.id == agreement_id)
    with ws.read() as uow:
        found = uow.session.execute(q).first()
    return _agreement_row(found, today, window_days) if found else None


def _with_names(q: Select) -> Select:
    return (q.join(OrgUnit, OrgUnit.id == Space.community_id)
            .with_only_columns(Agreement.id, Agreement.number, Agreement.partner_id, Partner.name,
                               Agreement.space_id, Space.name, Space.community_id, OrgUnit.name, Agreement.start_date,
                               Agreement.end_date, Agreement.mode, Agreement.state, Agreement.rent_fen,
                               Agreement.committed_sessions, Agreement.committed_hours, Agreement.terminated_on,
                               Agreement.updated_at))


def count_expiring(ws, window_days: int) -> int:
    """Agreements in force that end within ``window_days`` (the dashboard reminder)."""
    return count_agreements(ws, AgreementFilter(state=EXPIRING, window_days=window_days))


# -- spaces -------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SpaceFilter:
    text: str = ""  # name or address contains it
    community_id: int | None = None
    status: str = ""
    kind: str = ""


@dataclass(frozen=True)
class SpaceListRow:
    id: int
    name: str
    community_id: int
    community_name: str
    address: str
    area_centi_m2: int
    kind: str
    owner: str
    status: str
    shared_by_slot: bool


def _spaces(actor: Actor, f: SpaceFilter) -> Select:
    q = select(Space.id)
    if f.text.strip():
        q = q.where(or_(_like(Space.name, f.text.strip()), _like(Space.address, f.text.strip())))
    for column, value in ((Space.community_id, f.community_id), (Space.status, f.status or None),
                          (Space.kind, f.kind or None)):
        if value is not None:
            q = q.where(column == value)
    return _scope(actor, q)


def count_spaces(ws, f: SpaceFilter = SpaceFilter()) -> int:
    require(ws.actor, Perm.READ)
    with ws.read() as uow:
        return uow.session.scalar(select(func.count()).select_from(_spaces(ws.actor, f).subquery())) or 0


def query_spaces(ws, f: SpaceFilter = SpaceFilter(), sort: str = "name", descending: bool = False,
                 offset: int = 0, limit: int = 200) -> list[SpaceListRow]:
    require(ws.actor, Perm.READ)
    column = SPACE_SORTS.get(sort, Space.name)
    order = [column.desc(), Space.id.desc()] if descending else [column, Space.id]
    q = _space_names(_spaces(ws.actor, f)).order_by(*order).offset(offset).limit(limit)
    with ws.read() as uow:
        return [SpaceListRow(*r) for r in uow.session.execute(q).all()]


def _space_names(q: Select) -> Select:
    return (q.join(OrgUnit, OrgUnit.id == Space.community_id)
            .with_only_columns(Space.id, Space.name, Space.community_id, OrgUnit.name, Space.address,
                               Space.area_centi_m2, Space.kind, Space.owner, Space.status, Space.shared_by_slot))


def space_choices(ws, community_id: int | None = None, limit: int = 2000) -> list[SpaceListRow]:
    """Spaces an agreement may name: not withdrawn or under renovation, by community then name."""
    require(ws.actor, Perm.READ)
    q = _spaces(ws.actor, SpaceFilter(community_id=community_id)).where(
        and_(Space.status != "withdrawn", Space.status != "renovation"))
    q = _space_names(q).order_by(OrgUnit.name, Space.name, Space.id).limit(limit)
    with ws.read() as uow:
        return [SpaceListRow(*r) for r in uow.session.execute(q).all()]


# -- one agreement's history --------------------------------------------------------------------------------
@dataclass(frozen=True)
class SupplementRow:
    seq: int
    signed_on: date
    text: str
    created_by: str
    created_at: datetime


@dataclass(frozen=True)
class AgreementEventRow:
    at: datetime
    on_date: date | None
    username: str
    action: str
    from_state: str
    to_state: str
    opinion: str


def supplements(ws, agreement_id: int) -> list[SupplementRow]:
    require(ws.actor, Perm.READ)
    q = (select(AgreementSupplement.seq, AgreementSupplement.signed_on, AgreementSupplement.text,
                AgreementSupplement.created_by, AgreementSupplement.created_at)
         .where(AgreementSupplement.agreement_id == agreement_id).order_by(AgreementSupplement.seq))
    with ws.read() as uow:
        return [SupplementRow(*r) for r in uow.session.execute(q).all()]


def events(ws, agreement_id: int) -> list[AgreementEventRow]:
    require(ws.actor, Perm.READ)
    q = (select(AgreementEvent.at, AgreementEvent.on_date, AgreementEvent.username, AgreementEvent.action,
                AgreementEvent.from_state, AgreementEvent.to_state, AgreementEvent.opinion)
         .where(AgreementEvent.agreement_id == agreement_id).order_by(AgreementEvent.at, AgreementEvent.id))
    with ws.read() as uow:
        return [AgreementEventRow(*r) for r in uow.session.execute(q).all()]
