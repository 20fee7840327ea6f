"""A fund's use rules (allowed and negative category lists) and the approval tiers (the shipped preset until the
office sets its own). Split out of ``applications``, which re-exports every name."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import models as m
from ..domain import applications as rules
from ..domain.applications import Tier
from ..domain.errors import DomainError
from ..domain.roles import Perm, require
from ..domain.text import clean_text
from ..paths import resources_dir
from . import audit
from .application_records import APPLICATIONS
from .changes import Changes, Outcome
from .funds import FUNDS, get_fund

PRESET = "funds/approval_tiers.json"


@dataclass(frozen=True)
class UseRuleRow:
    fund_id: int
    allowed: tuple[str, ...]
    denied: tuple[str, ...]
    version: int



# ---- fund use rules --------------------------------------------------------------------------------------------

def _clean_list(values: Sequence[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        c = clean_text(v)
        if c and c not in out:
            if len(c) > 48:
                raise DomainError("application.category_too_long", category=c)
            out.append(c)
    return out


def _rule_in(s: Session, fund_id: int) -> m.FundUseRule | None:
    return s.get(m.FundUseRule, fund_id)


def use_rule(ws, fund_id: int) -> UseRuleRow:  # noqa: ANN001
    with ws.read() as uow:
        get_fund(uow.session, fund_id, ws.actor)
        r = _rule_in(uow.session, fund_id)
        if r is None:
            return UseRuleRow(fund_id, (), (), 0)
        return UseRuleRow(fund_id, tuple(json.loads(r.allowed)), tuple(json.loads(r.denied)), r.version)


def set_use_rule(ws, fund_id: int, allowed: Sequence[str], denied: Sequence[str]) -> Outcome[UseRuleRow]:  # noqa: ANN001
    """Replace a fund's allowed list and negative list (approvers and administrators)."""
    require(ws.actor, Perm.APPROVE)
    a, d = _clean_list(allowed), _clean_list(denied)
    with ws.write() as uow:
        s = uow.session
        get_fund(s, fund_id, ws.actor, Perm.APPROVE)
        r = _rule_in(s, fund_id)
        before = None if r is None else {"allowed": json.loads(r.allowed), "denied": json.loads(r.denied)}
        if r is None:
            r = m.FundUseRule(fund_id=fund_id, updated_by=ws.actor.username, updated_at=ws.now())
            s.add(r)
        r.allowed, r.denied = json.dumps(a, ensure_ascii=False), json.dumps(d, ensure_ascii=False)
        r.updated_by, r.updated_at = ws.actor.username, ws.now()
        s.flush()
        audit.record(s, ws.actor, "fund.use_rule", "fund", fund_id, before=before,
                     after={"allowed": a, "denied": d}, at=ws.now())
        row = UseRuleRow(fund_id, tuple(a), tuple(d), r.version)
        uow.commit()
    return Outcome(row, Changes.of(FUNDS, APPLICATIONS))


# ---- approval tiers ----------------------------------------------------------------------------------------------

def preset_tiers() -> list[Tier]:
    """The shipped example (resources/funds/approval_tiers.json)."""
    with open(resources_dir() / PRESET, encoding="utf-8") as f:
        return rules.tiers_from_preset(json.load(f))


def _tier_of(t: m.ApprovalTier) -> Tier:
    return Tier(t.min_fen, t.max_fen, tuple(rules.Step(x["role"], x.get("label", "")) for x in json.loads(t.steps)),
                t.fund_kind, t.fund_id, t.name)


def _store_tiers(s: Session, tiers: Sequence[Tier]) -> None:
    s.add_all([m.ApprovalTier(name=t.name, fund_id=t.fund_id, fund_kind=t.fund_kind, min_fen=t.min_fen,
                              max_fen=t.max_fen, steps=json.dumps([{"role": x.role, "label": x.label} for x in t.steps],
                                                                  ensure_ascii=False)) for t in tiers])
    s.flush()


def _tiers_in(s: Session, ws) -> list[Tier]:  # noqa: ANN001
    """The office's tiers; the preset is loaded into the table at first use (in the caller's transaction)."""
    found = [_tier_of(t) for t in s.scalars(select(m.ApprovalTier).order_by(m.ApprovalTier.id))]
    if found:
        return found
    tiers = preset_tiers()
    _store_tiers(s, tiers)
    audit.record(s, ws.actor, "tier.load_preset", "approval_tiers", "", after={"tiers": len(tiers)}, at=ws.now())
    return tiers


def tiers(ws) -> list[Tier]:  # noqa: ANN001
    """The approval tiers in force (the preset until the office has any)."""
    require(ws.actor, Perm.READ)
    with ws.read() as uow:
        found = [_tier_of(t) for t in uow.session.scalars(select(m.ApprovalTier).order_by(m.ApprovalTier.id))]
    return found or preset_tiers()


def set_tiers(ws, new: Sequence[Tier]) -> Outcome[list[Tier]]:  # noqa: ANN001
    """Replace the whole tier table (administrators). Applications already submitted keep their steps."""
    require(ws.actor, Perm.MANAGE_SETTINGS)
    new = list(new)
    rules.check_tiers(new)
    if not new:
        raise DomainError("tier.no_steps", name="")
    with ws.write() as uow:
        s = uow.session
        before = [_tier_of(t) for t in s.scalars(select(m.ApprovalTier))]
        for t in s.scalars(select(m.ApprovalTier)):
            s.delete(t)
        s.flush()
        _store_tiers(s, new)
        audit.record(s, ws.actor, "tier.set", "approval_tiers", "", before=[repr(t) for t in before],
                     after=[repr(t) for t in new], at=ws.now())
        uow.commit()
    return Outcome(new, Changes.of(APPLICATIONS))

