"""The choices the partner screens offer (types, domains, communities, partners on duty), from the services."""

from __future__ import annotations

from ...domain.lifecycle import State
from ...domain.org import UnitKind
from ...domain.partners import PartnerType
from ...services import dictionaries, org, partners
from ...services.partner_queries import PartnerFilter
from . import labels

Choices = list[tuple[object, str]]
ON_DUTY = (State.ACTIVE.value, State.COMMITTED.value, State.FILED.value)


def partner_types(ws) -> dict[str, PartnerType]:  # noqa: ANN001
    active = {d.code for d in dictionaries.items(ws, "partner_type")}
    return {t.code: t for t in dictionaries.partner_types(ws) if t.code in active}


def dictionary(ws, kind: str) -> Choices:  # noqa: ANN001
    return [(d.code, d.label) for d in dictionaries.items(ws, kind)]


def communities(ws, *, own_only: bool = True) -> Choices:  # noqa: ANN001
    """Communities in tree order; a community worker sees only their own unless ``own_only`` is False."""
    actor = ws.actor
    rows = org.communities(ws)
    if own_only and actor is not None and actor.is_scoped:
        rows = [r for r in rows if r.id in actor.community_ids]
    return [(r.id, r.name) for r in rows]


def issuers(ws) -> Choices:  # noqa: ANN001
    """Streets and communities, for recruitment notices (a street's communities indented under it)."""
    return [(r.id, r.name if r.kind == UnitKind.STREET.value else f"    {r.name}") for r in org.tree(ws)
            if r.kind in (UnitKind.STREET.value, UnitKind.COMMUNITY.value)]


def unit_names(ws) -> dict[int, str]:  # noqa: ANN001
    return {r.id: r.name for r in org.tree(ws)}


def states() -> Choices:
    return [(s.value, labels.state(s.value)) for s in State]


def duty_partners(ws, community_id: int | None, limit: int = 500) -> Choices:  # noqa: ANN001
    """Partners who may take shifts or projects in a community: filed, committed or active."""
    found: dict[int, str] = {}
    for state in ON_DUTY:
        f = PartnerFilter(community_id=community_id, state=state)
        for row in partners.query(ws, f, "name", limit=limit):
            found[row.id] = row.name
    return sorted(found.items(), key=lambda item: item[1])
