"""What the Overview (the first page) and the login dialog show of the office: its name and the organisation tree's
counts. Plain SQL (:mod:`..db.plain`), so showing the first window of a local file loads no SQLAlchemy;
:mod:`.org` re-exports both."""

from __future__ import annotations

from dataclasses import dataclass

from ..db.plain import in_list
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
    keys, key_params = in_list("key", OFFICE_KEYS)
    with ws.read_plain() as work:
        sql = work.sql
        ids = {k: int(v) for k, v in sql.rows(f'SELECT "key", "value" FROM app_meta WHERE "key" {keys}', key_params)}
        units, unit_params = in_list("id", ids.values())
        names = dict(sql.rows(f"SELECT id, name FROM org_units WHERE id {units}", unit_params)) if ids else {}
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
    with ws.read_plain() as work:
        rows = work.sql.rows("SELECT kind, phase, is_pilot, count(*) FROM org_units GROUP BY kind, phase, is_pilot")
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
