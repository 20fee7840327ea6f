"""What the Overview (the first page) and the login dialog show of the office: its name and the organisation tree's
counts. Plain SQL (SQLAlchemy Core) on the foundation tables, so showing the first window loads no ORM;
:mod:`.org` re-exports both."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from ..db.tables import app_meta, org_units
from ..domain.org import Phase, UnitKind
from ..domain.roles import Perm, require

OFFICE_KEYS = ("office_district_id", "office_street_id")


@dataclass(frozen=True)
class Office:
    district: str
    street: str
    district_id: int | None
    street_id: int | None


def office(ws) -> Office:  # noqa: ANN001
    """The district and street this database belongs to (set on first run)."""
    with ws.read_sql() as work:
        conn = work.conn
        ids = {k: int(v) for k, v in conn.execute(select(app_meta.c.key, app_meta.c.value)
                                                  .where(app_meta.c.key.in_(OFFICE_KEYS)))}
        names = dict(conn.execute(select(org_units.c.id, org_units.c.name)
                                  .where(org_units.c.id.in_(list(ids.values())))).all()) if ids else {}
    d, st = ids.get("office_district_id"), ids.get("office_street_id")
    return Office(names.get(d, ""), names.get(st, ""), d if d in names else None, st if st in names else None)


@dataclass(frozen=True)
class OrgSummary:
    streets: int
    communities: int
    pilots: int
    phases: tuple[tuple[str, int], ...]  # ("" = not started, then each Phase in order) -> communities


def summary(ws) -> OrgSummary:  # noqa: ANN001
    """Counts for the overview, from one grouped query (no list of every unit)."""
    require(ws.actor, Perm.READ)
    u = org_units.c
    with ws.read_sql() as work:
        rows = work.conn.execute(select(u.kind, u.phase, u.is_pilot, func.count())
                                 .group_by(u.kind, u.phase, u.is_pilot)).all()
    kinds: dict[str, int] = {}
    phases: dict[str, int] = {}
    pilots = 0
    for kind, phase, pilot, n in rows:
        kinds[kind] = kinds.get(kind, 0) + n
        if kind == UnitKind.COMMUNITY.value:
            phases[phase or ""] = phases.get(phase or "", 0) + n
            pilots += n if pilot else 0
    order = ["", *(p.value for p in Phase)]
    return OrgSummary(kinds.get(UnitKind.STREET.value, 0), kinds.get(UnitKind.COMMUNITY.value, 0), pilots,
                      tuple((code, phases.get(code, 0)) for code in order))
