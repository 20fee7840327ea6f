"""The three lists (三张清单): needs, resources, projects — and the matching view."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ..db.models import Need, Partner, PartnerCommunity, PartnerDomain, Project, Resource
from ..domain.errors import DomainError
from ..domain.lifecycle import State
from ..domain.roles import Perm, require
from ..domain.text import clean_text
from . import audit
from .changes import Changes, Outcome
from .records import get_versioned, snapshot, to_row

LISTS = "three_lists"
NEED_STATUSES = ("open", "matched", "met", "closed")
RESOURCE_KINDS = ("room", "capability")
RESOURCE_STATUSES = ("available", "in_use", "withdrawn")
PROJECT_STATUSES = ("planned", "running", "done", "cancelled")


@dataclass(frozen=True)
class NeedRow:
    id: int
    community_id: int
    title: str
    source: str
    category: str
    households: int
    people: int
    description: str
    status: str
    recorded_on: date | None
    version: int


@dataclass(frozen=True)
class ResourceRow:
    id: int
    community_id: int
    kind: str
    title: str
    category: str
    partner_id: int | None
    space_id: int | None
    area_centi_m2: int
    description: str
    status: str
    version: int


@dataclass(frozen=True)
class ProjectRow:
    id: int
    community_id: int
    title: str
    category: str
    need_id: int | None
    resource_id: int | None
    partner_id: int | None
    status: str
    started_on: date | None
    version: int


_SPECS = {  # model, row type, audit fields, allowed statuses
    "need": (Need, NeedRow, ("community_id", "title", "source", "category", "households", "people", "status"),
             NEED_STATUSES),
    "resource": (Resource, ResourceRow, ("community_id", "kind", "title", "category", "partner_id",
                                         "area_centi_m2", "status"), RESOURCE_STATUSES),
    "project": (Project, ProjectRow, ("community_id", "title", "category", "need_id", "resource_id", "partner_id",
                                      "status"), PROJECT_STATUSES),
}


def save(ws, kind: str, values: dict, record_id: int | None = None, version: int | None = None) -> Outcome:
    """Create or change a need, resource or project. ``values`` uses the row's field names."""
    model, row_type, audit_fields, statuses = _SPECS[kind]
    require(ws.actor, Perm.EDIT_RECORDS, values.get("community_id"))
    values = {k: clean_text(v) if isinstance(v, str) and k != "description" else v for k, v in values.items()}
    if not values.get("title", "x"):
        raise DomainError("list.title_required")
    if "status" in values and values["status"] not in statuses:
        raise DomainError("list.bad_status", status=values["status"])
    if kind == "resource" and values.get("kind", "room") not in RESOURCE_KINDS:
        raise DomainError("list.bad_kind", kind=values["kind"])
    if any(isinstance(values.get(k), int) and values[k] < 0 for k in ("households", "people", "area_centi_m2")):
        raise DomainError("list.negative")
    with ws.write() as uow:
        s = uow.session
        obj = get_versioned(s, model, record_id, version) if record_id else model()
        if record_id:
            require(ws.actor, Perm.EDIT_RECORDS, obj.community_id)
        before = snapshot(obj, audit_fields) if record_id else None
        for k, v in values.items():
            setattr(obj, k, v)
        s.add(obj)
        s.flush()
        audit.record(s, ws.actor, f"{kind}.save", kind, obj.id, before=before, after=snapshot(obj, audit_fields),
                     at=ws.now())
        row = to_row(row_type, obj)
        uow.commit()
    return Outcome(row, Changes.of(LISTS))


def list_of(ws, kind: str, community_id: int | None = None, status: str = "") -> list:
    require(ws.actor, Perm.READ)
    model, row_type, _, _ = _SPECS[kind]
    q = select(model).order_by(model.id.desc())
    if community_id is not None:
        q = q.where(model.community_id == community_id)
    elif ws.actor.is_scoped:
        q = q.where(model.community_id.in_(ws.actor.community_ids))
    if status:
        q = q.where(model.status == status)
    with ws.read() as uow:
        rows = [to_row(row_type, o) for o in uow.session.scalars(q.limit(5000))]
        if kind == "resource" and status in ("", "available"):
            scope = [community_id] if community_id is not None else (
                sorted(ws.actor.community_ids) if ws.actor.is_scoped else None)
            rows += idle_spaces(uow.session, scope, 5000 - len(rows))
        return rows


SPACE_KIND = "space"  # resource rows that are idle spaces from the space register (merged at read time)


def idle_spaces(s, community_ids: list[int] | None, limit: int) -> list[ResourceRow]:  # noqa: ANN001 - Session
    """Idle spaces as resource rows (kind "space", id = -space id, space_id set; edit them in the space
    register). Spaces already listed through a resource row of their own are not repeated."""
    from ..db.models import Space

    linked = select(Resource.space_id).where(Resource.space_id.is_not(None))
    q = select(Space).where(Space.status == "idle", Space.id.not_in(linked)).order_by(Space.community_id, Space.name)
    if community_ids is not None:
        q = q.where(Space.community_id.in_(community_ids))
    return [ResourceRow(-sp.id, sp.community_id, SPACE_KIND, sp.name, sp.kind, None, sp.id, sp.area_centi_m2,
                        sp.address, "available", sp.version) for sp in s.scalars(q.limit(max(limit, 0)))]


@dataclass(frozen=True)
class Match:
    need: NeedRow
    resources: tuple[ResourceRow, ...]
    partners: tuple[tuple[int, str], ...]  # (id, name) of active partners serving the community in the category


def matching(ws, community_id: int | None = None) -> list[Match]:
    """Unmet needs beside idle resources of their community and partners whose domains fit."""
    needs = list_of(ws, "need", community_id, "open")
    out = []
    with ws.read() as uow:
        s = uow.session
        for n in needs[:500]:
            res = [to_row(ResourceRow, r) for r in s.scalars(select(Resource).where(
                Resource.community_id == n.community_id, Resource.status == "available").limit(20))]
            res += idle_spaces(s, [n.community_id], 20 - len(res))
            partners = s.execute(
                select(Partner.id, Partner.name).join(PartnerDomain, PartnerDomain.partner_id == Partner.id)
                .join(PartnerCommunity, PartnerCommunity.partner_id == Partner.id)
                .where(PartnerDomain.domain_code == n.category, PartnerCommunity.community_id == n.community_id,
                       Partner.state.in_([State.ACTIVE.value, State.COMMITTED.value, State.FILED.value]))
                .order_by(Partner.name).limit(20)).all()
            out.append(Match(n, tuple(res), tuple((p.id, p.name) for p in partners)))
    return out
