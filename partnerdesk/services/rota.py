"""Duty rota (值班表) at the community partner studio: patterns, roll-out, swaps, attendance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from ..db.models import Partner, RotaPattern, RotaShift
from ..domain import rota as rules
from ..domain.errors import DomainError
from ..domain.lifecycle import State
from ..domain.roles import Perm, require
from ..domain.text import clean_text
from . import audit
from .changes import Changes, Outcome
from .records import get_versioned, snapshot, to_row

ROTA = "rota"
_ON_DUTY = (State.FILED.value, State.COMMITTED.value, State.ACTIVE.value)


@dataclass(frozen=True)
class PatternRow:
    id: int
    community_id: int
    venue: str
    weekday: int
    start: str
    end: str
    partner_id: int
    topic: str
    valid_from: date
    valid_to: date | None
    active: bool


@dataclass(frozen=True)
class ShiftRow:
    id: int
    pattern_id: int | None
    community_id: int
    venue: str
    on_date: date
    start: str
    end: str
    partner_id: int
    topic: str
    attendance: str
    replaced_by_id: int | None
    note: str
    version: int


def _check_partner(s, partner_id: int) -> None:  # noqa: ANN001
    p = s.get(Partner, partner_id)
    if p is None or p.state not in _ON_DUTY or p.merged_into_id:
        raise DomainError("rota.partner_not_on_duty", id=partner_id)


def add_pattern(ws, community_id: int, venue: str, weekday: int, start: str, end: str, partner_id: int,
                topic: str, valid_from: date, valid_to: date | None = None) -> Outcome[PatternRow]:
    require(ws.actor, Perm.EDIT_RECORDS, community_id)
    rules.check_times(start, end)
    rules.dates_for(weekday, valid_from, valid_from, valid_from, None)
    with ws.write() as uow:
        s = uow.session
        _check_partner(s, partner_id)
        p = RotaPattern(community_id=community_id, venue=clean_text(venue) or "合伙人工作室", weekday=weekday,
                        start=start, end=end, partner_id=partner_id, topic=clean_text(topic),
                        valid_from=valid_from, valid_to=valid_to, active=True)
        s.add(p)
        s.flush()
        audit.record(s, ws.actor, "rota.pattern", "rota_pattern", p.id,
                     after=snapshot(p, ("community_id", "venue", "weekday", "start", "end", "partner_id", "topic")),
                     at=ws.now())
        row = to_row(PatternRow, p)
        uow.commit()
    return Outcome(row, Changes.of(ROTA))


def patterns(ws, community_id: int | None = None, include_ended: bool = False) -> list[PatternRow]:
    """The weekly duties of a community (or of every community the user may see)."""
    require(ws.actor, Perm.READ)
    q = select(RotaPattern).order_by(RotaPattern.community_id, RotaPattern.weekday, RotaPattern.start)
    if community_id is not None:
        q = q.where(RotaPattern.community_id == community_id)
    elif ws.actor.is_scoped:
        q = q.where(RotaPattern.community_id.in_(ws.actor.community_ids))
    if not include_ended:
        q = q.where(RotaPattern.active.is_(True))
    with ws.read() as uow:
        return [to_row(PatternRow, p) for p in uow.session.scalars(q)]


def end_pattern(ws, pattern_id: int, last_day: date) -> Outcome[int]:
    """End a weekly duty after ``last_day``: its later shifts that have not happened are removed."""
    require(ws.actor, Perm.EDIT_RECORDS)
    with ws.write() as uow:
        s = uow.session
        p = get_versioned(s, RotaPattern, pattern_id)
        require(ws.actor, Perm.EDIT_RECORDS, p.community_id)
        if last_day < p.valid_from:
            raise DomainError("rota.bad_period")
        p.valid_to, p.active = last_day, False
        later = s.scalars(select(RotaShift).where(RotaShift.pattern_id == p.id, RotaShift.on_date > last_day,
                                                  RotaShift.attendance == "scheduled")).all()
        for shift in later:
            s.delete(shift)
        audit.record(s, ws.actor, "rota.end_pattern", "rota_pattern", p.id,
                     after={"last_day": last_day.isoformat(), "removed_shifts": len(later)}, at=ws.now())
        uow.commit()
    return Outcome(len(later), Changes.of(ROTA))


def roll_out(ws, community_id: int, first: date, last: date) -> Outcome[int]:
    """Create the dated shifts of every active pattern of a community in [first, last]; existing ones stay."""
    require(ws.actor, Perm.EDIT_RECORDS, community_id)
    created = 0
    with ws.write() as uow:
        s = uow.session
        patterns = s.scalars(select(RotaPattern).where(RotaPattern.community_id == community_id,
                                                       RotaPattern.active.is_(True))).all()
        for p in patterns:
            have = set(s.scalars(select(RotaShift.on_date).where(RotaShift.pattern_id == p.id,
                                                                 RotaShift.on_date.between(first, last))))
            for d in rules.dates_for(p.weekday, first, last, p.valid_from, p.valid_to):
                if d not in have:
                    s.add(RotaShift(pattern_id=p.id, community_id=p.community_id, venue=p.venue, on_date=d,
                                    start=p.start, end=p.end, partner_id=p.partner_id, topic=p.topic))
                    created += 1
        s.flush()
        audit.record(s, ws.actor, "rota.roll_out", "community", community_id,
                     after={"from": first.isoformat(), "to": last.isoformat(), "created": created}, at=ws.now())
        uow.commit()
    return Outcome(created, Changes.of(ROTA))


def shifts(ws, community_id: int | None, first: date, last: date) -> list[ShiftRow]:
    require(ws.actor, Perm.READ)
    q = select(RotaShift).where(RotaShift.on_date.between(first, last)).order_by(RotaShift.on_date, RotaShift.start)
    if community_id is not None:
        q = q.where(RotaShift.community_id == community_id)
    elif ws.actor.is_scoped:
        q = q.where(RotaShift.community_id.in_(ws.actor.community_ids))
    with ws.read() as uow:
        return [to_row(ShiftRow, x) for x in uow.session.scalars(q)]


def swap(ws, shift_a: int, version_a: int, shift_b: int, version_b: int, reason: str = "") -> Outcome[None]:
    """Two partners exchange their shifts (both still scheduled)."""
    require(ws.actor, Perm.EDIT_RECORDS)
    with ws.write() as uow:
        s = uow.session
        a, b = get_versioned(s, RotaShift, shift_a, version_a), get_versioned(s, RotaShift, shift_b, version_b)
        for x in (a, b):
            require(ws.actor, Perm.EDIT_RECORDS, x.community_id)
            if x.attendance != "scheduled":
                raise DomainError("rota.not_scheduled", id=x.id)
        a.partner_id, b.partner_id = b.partner_id, a.partner_id
        note = f"互换 / swapped: {clean_text(reason)}".strip()
        a.note, b.note = note, note
        audit.record(s, ws.actor, "rota.swap", "rota_shift", a.id, after={"with": b.id, "reason": reason},
                     at=ws.now())
        uow.commit()
    return Outcome(None, Changes.of(ROTA))


def record_attendance(ws, shift_id: int, version: int, attendance: str, replaced_by_id: int | None = None,
                      note: str = "") -> Outcome[ShiftRow]:
    require(ws.actor, Perm.EDIT_RECORDS)
    if attendance not in rules.ATTENDANCE:
        raise DomainError("rota.bad_attendance", value=attendance)
    if (attendance == "replaced") != (replaced_by_id is not None):
        raise DomainError("rota.replacement_required")
    with ws.write() as uow:
        s = uow.session
        x = get_versioned(s, RotaShift, shift_id, version)
        require(ws.actor, Perm.EDIT_RECORDS, x.community_id)
        if x.on_date > ws.today() and attendance != "scheduled":
            raise DomainError("rota.future_attendance")
        if replaced_by_id is not None:
            _check_partner(s, replaced_by_id)
        before = snapshot(x, ("attendance", "replaced_by_id", "note"))
        x.attendance, x.replaced_by_id, x.note = attendance, replaced_by_id, clean_text(note) or x.note
        s.flush()
        audit.record(s, ws.actor, "rota.attendance", "rota_shift", x.id, before=before,
                     after=snapshot(x, ("attendance", "replaced_by_id", "note")), at=ws.now())
        row = to_row(ShiftRow, x)
        uow.commit()
    return Outcome(row, Changes.of(ROTA))


def attendance_summary(ws, partner_id: int, first: date, last: date) -> dict[str, int]:
    """Counts by attendance state for a partner in a period (feeds evaluation)."""
    require(ws.actor, Perm.READ)
    with ws.read() as uow:
        rows = uow.session.execute(select(RotaShift.attendance, func.count()).where(
            RotaShift.partner_id == partner_id, RotaShift.on_date.between(first, last))
            .group_by(RotaShift.attendance)).all()
    return {a: 0 for a in rules.ATTENDANCE} | {a: n for a, n in rows}
