"""The dashboard's reminders, read at start-up: plain SQL over a few tables, so showing the first page loads no
ORM (tests/unit/test_reminders.py checks the answers against the agreements list's own)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Date, Integer, String, bindparam, text

from ..domain.agreements import AgreementState
from ..domain.roles import Perm, require


@dataclass(frozen=True)
class ExpiringRow:
    id: int
    number: str
    end_date: date
    partner_name: str
    space_name: str
    community_name: str


def expiring_agreements(ws, days: int, limit: int = 5) -> tuple[int, list[ExpiringRow]]:  # noqa: ANN001
    """Agreements in force that end within ``days`` (today included): how many, and the first ``limit`` by end
    date. Community workers see their communities only."""
    require(ws.actor, Perm.READ)
    today = ws.today()
    where = "a.state = :state AND a.end_date >= :today AND a.end_date <= :until"
    params: dict = {"state": AgreementState.IN_FORCE.value, "today": today, "until": today + timedelta(days=days)}
    binds = [bindparam("today", type_=Date), bindparam("until", type_=Date)]
    if ws.actor.is_scoped:
        where += " AND s.community_id IN :ids"
        params["ids"] = sorted(ws.actor.community_ids) or [-1]
        binds.append(bindparam("ids", expanding=True))
    count = text(f"SELECT count(*) FROM agreements a JOIN spaces s ON s.id = a.space_id WHERE {where}"
                 ).bindparams(*binds)
    rows = text(
        "SELECT a.id, a.number, a.end_date, p.name AS partner_name, s.name AS space_name, c.name AS community_name "
        "FROM agreements a JOIN spaces s ON s.id = a.space_id JOIN partners p ON p.id = a.partner_id "
        f"JOIN org_units c ON c.id = s.community_id WHERE {where} ORDER BY a.end_date, a.id LIMIT :limit"
    ).bindparams(*binds).columns(id=Integer, number=String, end_date=Date, partner_name=String,
                                 space_name=String, community_name=String)
    with ws.read_sql() as work:
        n = work.conn.execute(count, params).scalar() or 0
        found = [ExpiringRow(*r) for r in work.conn.execute(rows, {**params, "limit": limit})]
    return n, found
