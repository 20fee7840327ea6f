"""Lifecycle transitions of a partner: each one an event with who, when, opinion and attachment."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..db.models import (
    AppMeta,
    FilingCounter,
    LifecycleRule,
    OrgUnit,
    Partner,
    PartnerEvent,
    RotaPattern,
    RotaShift,
)
from ..domain import agreements as ar
from ..domain import lifecycle as lc
from ..domain.errors import DomainError
from ..domain.roles import Perm, Role, require
from . import agreements, attachments, audit
from .changes import Changes, Outcome
from .partners import PARTNERS, PartnerDetail, _check_read_scope, _detail, load, set_live_numbers
from .records import insert_ignore

ExitHook = Callable[[Session, Partner, date, str], None]
EXIT_HOOKS: list[ExitHook] = [agreements.end_for_partner]  # each capability ends its records here


@dataclass(frozen=True)
class EventRow:
    id: int
    action: str
    from_state: str
    to_state: str
    at: datetime
    on_date: date | None
    username: str
    opinion: str
    attachment_id: int | None


def rules_in(s: Session) -> dict[lc.Action, frozenset[Role]]:
    rules = dict(lc.DEFAULT_RULES)
    for r in s.scalars(select(LifecycleRule)):
        if r.action in lc.Action.__members__.values():
            rules[lc.Action(r.action)] = frozenset(Role(x) for x in r.roles.split(",") if x)
    return rules


def allowed(ws, partner_id: int) -> list[str]:
    """The actions the signed-in user may take on this partner now (buttons on the timeline)."""
    require(ws.actor, Perm.READ)
    with ws.read() as uow:
        p = load(uow.session, partner_id)
        if p.merged_into_id:
            return []
        return [a.value for a in lc.allowed_actions(lc.State(p.state), ws.actor, rules_in(uow.session))]


def transition(ws, partner_id: int, version: int, action: str, opinion: str = "", *, on_date: date | None = None,
               exit_reason: str = "", attachment: tuple[str, bytes] | None = None) -> Outcome[PartnerDetail]:
    require(ws.actor, Perm.EDIT_RECORDS)
    act = _action(action)
    on_date = on_date or ws.today()
    with ws.write() as uow:
        s = uow.session
        p = load(s, partner_id, version)
        for c in p.communities:
            require(ws.actor, Perm.EDIT_RECORDS, c.community_id)
        step = lc.step(lc.State(p.state), act, ws.actor, opinion, rules_in(s), exit_reason,
                       previous_reviewer=_last_actor(s, p.id, lc.Action.COMMUNITY_APPROVE))
        before = {"state": p.state, "filing_no": p.filing_no}
        p.state, p.updated_at = step.target.value, ws.now()
        if act is lc.Action.FILE:
            _assign_filing_number(s, p, on_date)
        if act is lc.Action.EXIT:
            p.exit_reason, p.exit_date = exit_reason, on_date
            _end_duties(s, p, on_date)
            for hook in EXIT_HOOKS:
                hook(s, p, on_date, exit_reason)
        set_live_numbers(p)
        att_id = attachments.add_in(s, ws, "partner", p.id, *attachment) if attachment else None
        s.add(PartnerEvent(partner_id=p.id, action=act.value, from_state=step.source.value, to_state=p.state,
                           at=ws.now(), on_date=on_date, username=ws.actor.username, opinion=opinion.strip(),
                           attachment_id=att_id))
        s.flush()
        audit.record(s, ws.actor, f"partner.{act.value}", "partner", p.id, before=before,
                     after={"state": p.state, "filing_no": p.filing_no, "opinion": opinion.strip(),
                            "exit_reason": exit_reason}, at=ws.now())
        detail = _detail(s, p)
        uow.commit()
    return Outcome(detail, Changes.of(PARTNERS))


def _action(action: str) -> lc.Action:
    try:
        return lc.Action(action)
    except ValueError:
        raise DomainError("lifecycle.unknown_action", action=action) from None


def _last_actor(s: Session, partner_id: int, action: lc.Action) -> str:
    return s.scalar(select(PartnerEvent.username).where(PartnerEvent.partner_id == partner_id,
                                                        PartnerEvent.action == action.value)
                    .order_by(PartnerEvent.id.desc()).limit(1)) or ""


def _assign_filing_number(s: Session, p: Partner, on_date: date) -> None:
    """Gap-free per street and year: the counter row is locked/updated inside this transaction."""
    street = _street_of(s, p)
    p.street_id = street.id
    year = on_date.year
    s.execute(insert_ignore(s, FilingCounter).values(street_id=street.id, year=year, last_seq=0))
    s.execute(update(FilingCounter).where(FilingCounter.street_id == street.id, FilingCounter.year == year)
              .values(last_seq=FilingCounter.last_seq + 1))
    seq = s.scalar(select(FilingCounter.last_seq).where(FilingCounter.street_id == street.id,
                                                        FilingCounter.year == year))
    meta = s.get(AppMeta, "filing_pattern")
    p.filing_no = lc.filing_number(meta.value if meta else lc.DEFAULT_FILING_PATTERN, street.name, year, seq)
    p.filed_on = on_date


def _street_of(s: Session, p: Partner) -> OrgUnit:
    if not p.communities:
        raise DomainError("partner.community_required")
    community = s.get(OrgUnit, sorted(c.community_id for c in p.communities)[0])
    return s.get(OrgUnit, community.parent_id)


def _end_duties(s: Session, p: Partner, on_date: date) -> None:
    """From the exit date: future shifts are cancelled, weekly patterns end."""
    for shift in s.scalars(select(RotaShift).where(RotaShift.partner_id == p.id, RotaShift.on_date >= on_date,
                                                  RotaShift.attendance == "scheduled")):
        s.delete(shift)
    for pattern in s.scalars(select(RotaPattern).where(RotaPattern.partner_id == p.id, RotaPattern.active.is_(True))):
        pattern.active, pattern.valid_to = False, on_date


def timeline(ws, partner_id: int) -> list[EventRow]:
    require(ws.actor, Perm.READ)
    with ws.read() as uow:
        s = uow.session
        _check_read_scope(ws.actor, load(s, partner_id))
        rows = s.scalars(select(PartnerEvent).where(PartnerEvent.partner_id == partner_id)
                         .order_by(PartnerEvent.at, PartnerEvent.id))
        return [EventRow(e.id, e.action, e.from_state, e.to_state, e.at, e.on_date, e.username, e.opinion,
                         e.attachment_id) for e in rows]


def rules(ws) -> dict[str, list[str]]:
    """Which roles may take each step of the partner lifecycle and of space-use agreements (keys
    ``agreement_…``): the editable table, defaults filled in."""
    require(ws.actor, Perm.READ)
    with ws.read() as uow:
        out = {a.value: sorted(r.value for r in roles) for a, roles in rules_in(uow.session).items()}
        out.update({ar.rule_key(a): sorted(r.value for r in roles)
                    for a, roles in agreements.rules_in(uow.session).items()})
        return out


def set_rule(ws, action: str, roles: list[str]) -> Outcome[None]:
    return set_rules(ws, {action: roles})


def set_rules(ws, changes: dict[str, list[str]]) -> Outcome[None]:
    """Change which roles may take lifecycle steps, in one transaction (administrators only; audited)."""
    require(ws.actor, Perm.MANAGE_SETTINGS)
    wanted = {_rule_key(a): ",".join(sorted({_role(r).value for r in roles})) for a, roles in changes.items()}
    empty = [a for a, roles in wanted.items() if not roles]
    if empty:
        raise DomainError("lifecycle.rule_empty", action=empty[0])
    with ws.write() as uow:
        s = uow.session
        effective = {a.value: r for a, r in rules_in(s).items()}  # defaults where the table has no row
        effective.update({ar.rule_key(a): r for a, r in agreements.rules_in(s).items()})
        for action, roles in wanted.items():
            if {r.value for r in effective[action]} == set(roles.split(",")):
                continue
            rule = s.get(LifecycleRule, action) or LifecycleRule(action=action, roles="")
            before, rule.roles = rule.roles, roles
            s.add(rule)
            audit.record(s, ws.actor, "lifecycle.rule", "lifecycle_rule", action, before={"roles": before},
                         after={"roles": roles}, at=ws.now())
        uow.commit()
    return Outcome(None, Changes.of(PARTNERS))


def _rule_key(action: str) -> str:
    if action.startswith(ar.RULE_PREFIX):
        try:
            return ar.rule_key(ar.AgreementAction(action.removeprefix(ar.RULE_PREFIX)))
        except ValueError:
            raise DomainError("lifecycle.unknown_action", action=action) from None
    return _action(action).value


def _role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise DomainError("user.bad_role", role=role) from None


def filing_pattern(ws) -> str:
    require(ws.actor, Perm.READ)
    with ws.read() as uow:
        meta = uow.session.get(AppMeta, "filing_pattern")
        return meta.value if meta else lc.DEFAULT_FILING_PATTERN


def filing_sample(pattern: str) -> str:
    """What the pattern gives for the 12th filing of 2026 in 石油路街道 (raises filing.bad_pattern)."""
    return lc.filing_number(pattern, "石油路街道", 2026, 12)


def set_filing_pattern(ws, pattern: str) -> Outcome[str]:
    require(ws.actor, Perm.MANAGE_SETTINGS)
    sample = filing_sample(pattern)
    with ws.write() as uow:
        s = uow.session
        meta = s.get(AppMeta, "filing_pattern") or AppMeta(key="filing_pattern", value="")
        before, meta.value = meta.value, pattern
        s.add(meta)
        audit.record(s, ws.actor, "filing.pattern", "app_meta", "filing_pattern", before={"pattern": before},
                     after={"pattern": pattern}, at=ws.now())
        uow.commit()
    return Outcome(sample, Changes.of(PARTNERS))
