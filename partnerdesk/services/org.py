"""The organisation tree (district -> streets -> communities), pilots and rollout phases."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.models import AppMeta, CommunityPhase, OrgUnit, UserCommunity
from ..domain.errors import DomainError
from ..domain.org import PARENT_KIND, Phase, UnitKind
from ..domain.roles import Perm, require
from ..domain.text import clean_text
from . import audit
from .changes import ORG, Changes, Outcome
from .dto import OrgUnitRow, PhaseRow
from .overview import OrgSummary, office, summary  # noqa: F401 - org.office etc.


def _row(u: OrgUnit) -> OrgUnitRow:
    return OrgUnitRow(u.id, u.kind, u.parent_id, u.name, u.code, u.is_pilot, u.phase, u.phase_since, u.version)


def _snapshot(u: OrgUnit) -> dict:
    return {"kind": u.kind, "parent_id": u.parent_id, "name": u.name, "code": u.code, "is_pilot": u.is_pilot,
            "phase": u.phase, "phase_since": u.phase_since}


def tree(ws) -> list[OrgUnitRow]:
    """Every unit depth-first (each parent followed by its children), siblings by code then name."""
    require(ws.actor, Perm.READ)
    with ws.read() as uow:
        rows = [_row(u) for u in uow.session.scalars(select(OrgUnit))]
    children: dict[int | None, list[OrgUnitRow]] = {}
    for r in sorted(rows, key=lambda r: (r.code or "~", r.name)):
        children.setdefault(r.parent_id, []).append(r)
    ordered: list[OrgUnitRow] = []

    def walk(parent: int | None) -> None:
        for r in children.get(parent, []):
            ordered.append(r)
            walk(r.id)

    walk(None)
    return ordered


def communities(ws) -> list[OrgUnitRow]:
    return [r for r in tree(ws) if r.kind == UnitKind.COMMUNITY.value]


MAX_NAME, MAX_CODE = 100, 32  # the columns' sizes (PostgreSQL enforces them, SQLite would not)


def _clean_name(name: str) -> str:
    name = clean_text(name)
    if not name:
        raise DomainError("org.name_required")
    if len(name) > MAX_NAME:
        raise DomainError("org.name_too_long", max=MAX_NAME)
    return name


def _clean_code(code: str) -> str:
    code = clean_text(code)
    if len(code) > MAX_CODE:
        raise DomainError("org.code_too_long", max=MAX_CODE)
    return code


def add_unit(ws, kind: str, parent_id: int | None, name: str, code: str = "") -> Outcome[OrgUnitRow]:
    require(ws.actor, Perm.MANAGE_ORG)
    kind_v, name, code = UnitKind(kind), _clean_name(name), _clean_code(code)
    with ws.write() as uow:
        s = uow.session
        _check_parent(s, kind_v, parent_id)
        _check_unique(s, parent_id, name)
        unit = OrgUnit(kind=kind_v.value, parent_id=parent_id, name=name, code=code)
        s.add(unit)
        s.flush()
        audit.record(s, ws.actor, "org.add", "org_unit", unit.id, after=_snapshot(unit), at=ws.now())
        row = _row(unit)
        uow.commit()
    return Outcome(row, Changes.of(ORG))


def _check_parent(s: Session, kind: UnitKind, parent_id: int | None) -> None:
    want = PARENT_KIND.get(kind)
    parent = s.get(OrgUnit, parent_id) if parent_id is not None else None
    if want is None:
        if parent_id is not None:
            raise DomainError("org.bad_parent", kind=kind.value)
        return
    if parent is None or parent.kind != want.value:
        raise DomainError("org.bad_parent", kind=kind.value)


def _check_unique(s: Session, parent_id: int | None, name: str, exclude: int | None = None) -> None:
    q = select(OrgUnit.id).where(OrgUnit.parent_id.is_(parent_id) if parent_id is None
                                 else OrgUnit.parent_id == parent_id, OrgUnit.name == name)
    if exclude is not None:
        q = q.where(OrgUnit.id != exclude)
    if s.scalar(q) is not None:
        raise DomainError("org.duplicate_name", name=name)


def _get(s: Session, unit_id: int, version: int | None = None) -> OrgUnit:
    unit = s.get(OrgUnit, unit_id)
    if unit is None:
        raise DomainError("record.missing", entity="org_unit", id=unit_id)
    if version is not None and unit.version != version:
        raise DomainError("record.conflict")
    return unit


def update_unit(ws, unit_id: int, version: int, *, name: str | None = None, code: str | None = None,
                is_pilot: bool | None = None) -> Outcome[OrgUnitRow]:
    require(ws.actor, Perm.MANAGE_ORG)
    with ws.write() as uow:
        s = uow.session
        unit = _get(s, unit_id, version)
        before = _snapshot(unit)
        if name is not None:
            name = _clean_name(name)
            _check_unique(s, unit.parent_id, name, exclude=unit.id)
            unit.name = name
        if code is not None:
            unit.code = _clean_code(code)
        if is_pilot is not None:
            if unit.kind != UnitKind.COMMUNITY.value:
                raise DomainError("org.not_community", id=unit_id)
            unit.is_pilot = is_pilot
        s.flush()
        audit.record(s, ws.actor, "org.update", "org_unit", unit.id, before=before, after=_snapshot(unit),
                     at=ws.now())
        row = _row(unit)
        uow.commit()
    return Outcome(row, Changes.of(ORG))


def enter_phase(ws, community_id: int, version: int, phase: str, entered_on: date) -> Outcome[OrgUnitRow]:
    """Record that a community entered a rollout phase on a date (phases may be corrected, not skipped back)."""
    require(ws.actor, Perm.MANAGE_ORG)
    phase_v = Phase(phase)
    with ws.write() as uow:
        s = uow.session
        unit = _get(s, community_id, version)
        if unit.kind != UnitKind.COMMUNITY.value:
            raise DomainError("org.not_community", id=community_id)
        before = _snapshot(unit)
        existing = {p.phase: p for p in unit.phases}
        for p in unit.phases:
            if p.phase != phase_v.value and _order(p.phase) > _order(phase_v.value) and p.entered_on < entered_on:
                raise DomainError("org.phase_order", phase=p.phase)
        if phase_v.value in existing:
            existing[phase_v.value].entered_on = entered_on
        else:
            unit.phases.append(CommunityPhase(phase=phase_v.value, entered_on=entered_on))
        latest = max([(p.entered_on, _order(p.phase), p.phase) for p in unit.phases]
                     + [(entered_on, _order(phase_v.value), phase_v.value)])
        unit.phase, unit.phase_since = latest[2], latest[0]
        s.flush()
        audit.record(s, ws.actor, "org.phase", "org_unit", unit.id, before=before, after=_snapshot(unit),
                     at=ws.now())
        row = _row(unit)
        uow.commit()
    return Outcome(row, Changes.of(ORG))


def _order(phase: str) -> int:
    return list(Phase).index(Phase(phase))


def phase_history(ws, community_id: int) -> list[PhaseRow]:
    require(ws.actor, Perm.READ)
    with ws.read() as uow:
        rows = uow.session.scalars(select(CommunityPhase).where(CommunityPhase.community_id == community_id)
                                   .order_by(CommunityPhase.entered_on)).all()
        return [PhaseRow(p.phase, p.entered_on) for p in rows]


def delete_unit(ws, unit_id: int, version: int) -> Outcome[None]:
    require(ws.actor, Perm.MANAGE_ORG)
    with ws.write() as uow:
        s = uow.session
        unit = _get(s, unit_id, version)
        in_use = (s.scalar(select(func.count(OrgUnit.id)).where(OrgUnit.parent_id == unit_id))
                  or s.scalar(select(func.count()).select_from(UserCommunity)
                              .where(UserCommunity.community_id == unit_id))
                  or s.scalar(select(func.count(AppMeta.key)).where(AppMeta.value == str(unit_id),
                                                                    AppMeta.key.like("office_%"))))
        if in_use:
            raise DomainError("org.in_use", name=unit.name)
        before = _snapshot(unit)
        s.delete(unit)
        audit.record(s, ws.actor, "org.delete", "org_unit", unit_id, before=before, at=ws.now())
        uow.commit()
    return Outcome(None, Changes.of(ORG))
