"""The dashboard's reminders, read at start-up: plain SQL over a few tables (:mod:`..db.plain`), so showing the first
page of a local file loads no SQLAlchemy (tests/unit/test_reminders.py checks the answers against the agreements
list's own)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..db.plain import as_date, in_list
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
    params: dict = {"state": AgreementState.IN_FORCE.value}
    if ws.actor.is_scoped:
        ids, id_params = in_list("community", sorted(ws.actor.community_ids))
        where += f" AND s.community_id {ids}"
        params.update(id_params)
    count = f"SELECT count(*) FROM agreements a JOIN spaces s ON s.id = a.space_id WHERE {where}"
    rows = ("SELECT a.id, a.number, a.end_date, p.name, s.name, c.name FROM agreements a "
            "JOIN spaces s ON s.id = a.space_id JOIN partners p ON p.id = a.partner_id "
            f"JOIN org_units c ON c.id = s.community_id WHERE {where} ORDER BY a.end_date, a.id LIMIT :limit")
    with ws.read_plain() as work:
        sql = work.sql
        params.update(today=sql.value(today), until=sql.value(today + timedelta(days=days)))
        n = sql.scalar(count, params) or 0
        found = [ExpiringRow(id_, number, as_date(end), partner, space, community)
                 for id_, number, end, partner, space, community in sql.rows(rows, {**params, "limit": limit})]
    return n, found
