"""Delivery against commitments: per agreement and month, committed versus delivered; resident satisfaction.

Rules (documented for the evaluation capability):
- an agreement counts in a month when it has been signed (signed, in force, renewed, expired or terminated)
  and its term — up to the termination date when terminated — covers at least one day of that month;
- its monthly commitment (sessions and hours) is pro-rated when the term covers only part of the month:
  commitment × covered days ÷ days in month, rounded half up (a whole month is the full commitment);
- delivered = the service records linked to the agreement dated in that month and in the term: one record
  is one session; minutes and 人次 summed.
Computed in SQL: one GROUP BY over service_records through ix_service_records_agreement_date.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from operator import itemgetter

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from ..db import models as m
from ..domain.orders import GOOD_STARS
from ..domain.roles import Perm, require
from .service_records import SIGNED


@dataclass(frozen=True)
class DeliveryRow:
    agreement_id: int
    number: str
    partner_id: int
    partner_name: str
    month: str  # "YYYY-MM"
    committed_sessions: int
    delivered_sessions: int
    committed_hours: int
    delivered_minutes: int
    people: int


def _month_key(s: Session, column):  # noqa: ANN001, ANN202
    if s.get_bind().dialect.name == "postgresql":
        return func.to_char(column, "YYYY-MM")
    return func.strftime("%Y-%m", column)


def prorate(commitment: int, covered_days: int, days_in_month: int) -> int:
    """commitment × covered ÷ days, rounded half up, in integers."""
    return (2 * commitment * covered_days + days_in_month) // (2 * days_in_month)


def by_month(ws, *, year: int, month: int | None = None, agreement_id: int | None = None,
             partner_id: int | None = None) -> list[DeliveryRow]:
    """One row per agreement holding its space in each month of ``year`` (or only ``month``), ordered by
    month then agreement number."""
    require(ws.actor, Perm.READ)
    months = [month] if month else list(range(1, 13))
    lo = date(year, months[0], 1)
    hi = date(year, months[-1], calendar.monthrange(year, months[-1])[1])
    ag = m.Agreement
    end = func.coalesce(ag.terminated_on, ag.end_date)
    terms = select(ag.id, ag.start_date, end.label("end")).where(ag.state.in_(SIGNED), ag.start_date <= hi, end >= lo)
    if agreement_id is not None:
        terms = terms.where(ag.id == agreement_id)
    if partner_id is not None:
        terms = terms.where(ag.partner_id == partner_id)
    if ws.actor.is_scoped:
        terms = terms.where(ag.space_id.in_(select(m.Space.id).where(m.Space.community_id.in_(ws.actor.community_ids))))
    held = (terms.add_columns(ag.number, ag.partner_id, m.Partner.name, ag.committed_sessions, ag.committed_hours)
            .join(m.Partner, m.Partner.id == ag.partner_id))
    with ws.read() as uow:
        s = uow.session
        agreements = sorted(s.execute(held).tuples().all(), key=itemgetter(3, 0))  # by number, then id
        delivered = _delivered(s, terms.subquery(), lo, hi)
    return _rows(agreements, delivered, year, months)


def _delivered(s: Session, held, lo: date, hi: date) -> dict[tuple[int, str], tuple[int, int, int]]:  # noqa: ANN001
    sr = m.ServiceRecord
    key = _month_key(s, sr.on_date)
    q = (select(sr.agreement_id, key, func.count(), func.coalesce(func.sum(sr.minutes), 0),
                func.coalesce(func.sum(sr.people), 0))
         .join(held, held.c.id == sr.agreement_id)
         .where(sr.on_date >= lo, sr.on_date <= hi, sr.on_date >= held.c.start_date, sr.on_date <= held.c.end)
         .group_by(sr.agreement_id, key))
    return {(aid, month): (int(n), int(minutes), int(people)) for aid, month, n, minutes, people in s.execute(q)}


def _rows(agreements: list[tuple], delivered: dict, year: int, months: list[int]) -> list[DeliveryRow]:
    out = []
    for mo in months:
        days = calendar.monthrange(year, mo)[1]
        first, last = date(year, mo, 1), date(year, mo, days)
        key = f"{year:04d}-{mo:02d}"
        for aid, start, end, number, partner_id, name, sessions, hours in agreements:
            covered = (min(end, last) - max(start, first)).days + 1
            if covered <= 0:
                continue
            n, minutes, people = delivered.get((aid, key), (0, 0, 0))
            out.append(DeliveryRow(aid, number, partner_id, name, key, prorate(sessions, covered, days), n,
                                   prorate(hours, covered, days), minutes, people))
    return out


@dataclass(frozen=True)
class Satisfaction:
    ratings: int
    good: int  # ratings of 4 or 5 stars
    upheld_complaints: int

    @property
    def share_good(self) -> float | None:
        return self.good / self.ratings if self.ratings else None


def satisfaction(ws, partner_id: int, date_from: date, date_to: date) -> Satisfaction:
    """Ratings given (by rating date) and complaints upheld (by lodging date) in the period, both inclusive."""
    require(ws.actor, Perm.READ)
    ro, oc = m.ResidentOrder, m.OrderComplaint
    good = func.count(case((ro.rating >= GOOD_STARS, 1)))
    with ws.read() as uow:
        s = uow.session
        n, g = s.execute(select(func.count(ro.rating), good).where(
            ro.partner_id == partner_id, ro.rating.is_not(None), ro.rated_on >= date_from,
            ro.rated_on <= date_to)).one()
        upheld = s.scalar(select(func.count(oc.id)).where(oc.partner_id == partner_id, oc.state == "upheld",
                                                          oc.lodged_on >= date_from, oc.lodged_on <= date_to))
    return Satisfaction(int(n or 0), int(g or 0), int(upheld or 0))
