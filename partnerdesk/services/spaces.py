"""The register of community rooms and sites, and the "space activated" figure (m² under agreement)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from ..db import models as m
from ..domain.agreements import AgreementState, quarter_end
from ..domain.errors import DomainError
from ..domain.roles import Perm, require
from ..domain.text import clean_text
from . import audit
from .changes import Changes, Outcome
from .records import get_versioned, snapshot, to_row

SPACES = "spaces"
KINDS = ("activity_room", "canteen", "office", "service_centre", "outdoor_site", "other")
OWNERS = ("street_office", "community", "property_company", "other")
STATUSES = ("idle", "under_agreement", "renovation", "withdrawn")
_FIELDS = ("community_id", "name", "address", "area_centi_m2", "kind", "owner", "status", "shared_by_slot")


@dataclass(frozen=True)
class SpaceRow:
    id: int
    community_id: int
    name: str
    address: str
    area_centi_m2: int
    kind: str
    owner: str
    status: str
    shared_by_slot: bool
    notes: str
    created_at: datetime
    version: int


@dataclass(frozen=True)
class SpaceInput:
    community_id: int
    name: str
    area_centi_m2: int
    address: str = ""
    kind: str = "activity_room"
    owner: str = "community"
    status: str = "idle"
    shared_by_slot: bool = False
    notes: str = ""


def save(ws, data: SpaceInput, space_id: int | None = None, version: int | None = None) -> Outcome[SpaceRow]:
    require(ws.actor, Perm.EDIT_RECORDS, data.community_id)
    name = clean_text(data.name)
    if not name:
        raise DomainError("space.name_required")
    if data.area_centi_m2 <= 0:
        raise DomainError("space.bad_area")
    if data.kind not in KINDS or data.owner not in OWNERS or data.status not in STATUSES:
        raise DomainError("space.bad_choice")
    with ws.write() as uow:
        s = uow.session
        community = s.get(m.OrgUnit, data.community_id)
        if community is None or community.kind != "community":
            raise DomainError("org.not_community", id=data.community_id)
        sp = get_versioned(s, m.Space, space_id, version) if space_id else m.Space()
        before = snapshot(sp, _FIELDS) if space_id else None
        if space_id and sp.status == "under_agreement" and data.status in ("idle", "withdrawn") and _held(s, sp.id):
            raise DomainError("space.held")
        sp.community_id, sp.name, sp.address = data.community_id, name, clean_text(data.address)
        sp.area_centi_m2, sp.kind, sp.owner, sp.status = data.area_centi_m2, data.kind, data.owner, data.status
        sp.shared_by_slot, sp.notes = data.shared_by_slot, data.notes.strip()
        s.add(sp)
        s.flush()
        audit.record(s, ws.actor, "space.save", "space", sp.id, before=before, after=snapshot(sp, _FIELDS), at=ws.now())
        row = to_row(SpaceRow, sp)
        uow.commit()
    return Outcome(row, Changes.of(SPACES))


def _held(s, space_id: int) -> bool:  # noqa: ANN001
    holding = [st.value for st in (AgreementState.APPROVED, AgreementState.SIGNED, AgreementState.IN_FORCE)]
    return bool(s.scalar(select(func.count(m.Agreement.id)).where(m.Agreement.space_id == space_id,
                                                                  m.Agreement.state.in_(holding))))


def list_spaces(ws, community_id: int | None = None, status: str = "", text: str = "", limit: int = 5000
                ) -> list[SpaceRow]:
    require(ws.actor, Perm.READ)
    q = select(m.Space).order_by(m.Space.community_id, m.Space.name)
    if community_id is not None:
        q = q.where(m.Space.community_id == community_id)
    elif ws.actor.is_scoped:
        q = q.where(m.Space.community_id.in_(ws.actor.community_ids))
    if status:
        q = q.where(m.Space.status == status)
    if text.strip():
        q = q.where(m.Space.name.like(f"%{text.strip()}%") | m.Space.address.like(f"%{text.strip()}%"))
    with ws.read() as uow:
        return [to_row(SpaceRow, x) for x in uow.session.scalars(q.limit(limit))]


def get(ws, space_id: int) -> SpaceRow:
    require(ws.actor, Perm.READ)
    with ws.read() as uow:
        return to_row(SpaceRow, get_versioned(uow.session, m.Space, space_id))


def activated_at(ws, on: date) -> dict[int, int]:
    """m² × 100 under agreement on a date, per community: spaces held by a signed agreement in force that day
    (one indexed GROUP BY; each space counted once even if shared by time slot)."""
    require(ws.actor, Perm.READ)
    states = [AgreementState.SIGNED.value, AgreementState.IN_FORCE.value, AgreementState.RENEWED.value,
              AgreementState.TERMINATED.value, AgreementState.EXPIRED.value]
    effective_end = func.coalesce(m.Agreement.terminated_on, m.Agreement.end_date)
    held = (select(m.Agreement.space_id).where(m.Agreement.state.in_(states), m.Agreement.signed_on.is_not(None),
                                               m.Agreement.start_date <= on, effective_end >= on)
            .distinct().subquery())
    q = (select(m.Space.community_id, func.sum(m.Space.area_centi_m2)).join(held, held.c.space_id == m.Space.id)
         .group_by(m.Space.community_id))
    with ws.read() as uow:
        return {cid: int(total or 0) for cid, total in uow.session.execute(q)}


def activated_by_quarter(ws, year: int) -> dict[tuple[int, int], int]:
    """(community_id, quarter) -> m² × 100 under agreement at the end of that quarter."""
    out: dict[tuple[int, int], int] = {}
    for quarter in range(1, 5):
        for cid, area in activated_at(ws, quarter_end(year, quarter)).items():
            out[(cid, quarter)] = area
    return out
