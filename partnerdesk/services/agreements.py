"""Space-use agreements: draft, approve, sign, start, supplement, renew, terminate; never two on one space."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from datetime import date

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..db import models as m
from ..domain import agreements as rules
from ..domain.agreements import AgreementAction, AgreementState, Slot
from ..domain.errors import DomainError
from ..domain.lifecycle import State as PartnerState
from ..domain.roles import Perm, Role, require
from ..domain.text import clean_text
from . import audit
from .changes import AGREEMENTS, Changes, Outcome
from .records import get_versioned, insert_ignore

_PARTNER_OK = {PartnerState.FILED.value, PartnerState.COMMITTED.value, PartnerState.ACTIVE.value}
RenewalCheck = Callable[[Session, int], str | None]  # partner id -> refusal code, or None when renewal is allowed
RENEWAL_CHECKS: list[RenewalCheck] = []  # the evaluation capability adds "the latest evaluation allows it"


@dataclass(frozen=True)
class AgreementInput:
    partner_id: int
    space_id: int
    start_date: date
    end_date: date
    mode: str
    permitted_use: str = ""
    renewal_rule: str = ""
    rent_fen: int = 0
    deposit_fen: int = 0
    utilities_payer: str = "partner"
    property_fee_payer: str = "partner"
    committed_sessions: int = 0
    committed_hours: int = 0
    target_groups: str = ""
    discounts: str = ""
    price_list: str = ""
    revenue_share_bp: int = 0
    pool_share_bp: int = rules.DEFAULT_POOL_BP
    duties: str = ""
    prohibited: str = ""
    termination_terms: str = ""
    signatories: str = ""
    slots: tuple[Slot, ...] = ()


@dataclass(frozen=True)
class AgreementRow:
    id: int
    number: str
    partner_id: int
    space_id: int
    start_date: date
    end_date: date
    mode: str
    state: str
    signed_on: date | None
    terminated_on: date | None
    renewal_of_id: int | None
    version: int
    data: AgreementInput


_INPUT_FIELDS = [f.name for f in fields(AgreementInput) if f.name != "slots"]


def _row(a: m.Agreement) -> AgreementRow:
    data = AgreementInput(**{k: getattr(a, k) for k in _INPUT_FIELDS},
                          slots=tuple(Slot(x.weekday, x.start, x.end) for x in a.slots))
    return AgreementRow(a.id, a.number, a.partner_id, a.space_id, a.start_date, a.end_date, a.mode, a.state,
                        a.signed_on, a.terminated_on, a.renewal_of_id, a.version, data)


def _validate(data: AgreementInput) -> AgreementInput:
    rules.check_term(data.start_date, data.end_date)
    try:
        rules.Mode(data.mode)
    except ValueError:
        raise DomainError("agreement.bad_mode", mode=data.mode) from None
    for value in (data.rent_fen, data.deposit_fen, data.committed_sessions, data.committed_hours):
        if value < 0:
            raise DomainError("agreement.negative")
    rules.check_percent_bp(data.revenue_share_bp)
    rules.check_percent_bp(data.pool_share_bp)
    if data.mode == rules.Mode.REVENUE_SHARE and data.revenue_share_bp == 0:
        raise DomainError("agreement.share_required")
    texts = {f: clean_text(getattr(data, f)) for f in ("utilities_payer", "property_fee_payer")}
    return replace(data, **texts)


def _lock_space(s: Session, space_id: int) -> m.Space:
    """Lock the space row for the rest of the transaction: two clerks saving at once are serialised here."""
    space = s.get(m.Space, space_id, with_for_update=True)
    if space is None:
        raise DomainError("record.missing", entity="space", id=space_id)
    return space


def _check_parties(s: Session, data: AgreementInput, space: m.Space) -> None:
    partner = s.get(m.Partner, data.partner_id)
    if partner is None or partner.state not in _PARTNER_OK or partner.merged_into_id:
        raise DomainError("agreement.partner_not_filed", id=data.partner_id)
    if space.status in ("withdrawn", "renovation"):
        raise DomainError("agreement.space_unavailable", name=space.name)
    rules.check_slots(data.slots, space.shared_by_slot)


def _check_overlap(s: Session, agreement_id: int, data: AgreementInput, space: m.Space) -> None:
    holders = s.scalars(select(m.Agreement).where(
        m.Agreement.space_id == space.id, m.Agreement.id != agreement_id,
        m.Agreement.state.in_([st.value for st in rules.HOLDING]))).all()
    others = [rules.Holding(a.id, a.start_date, a.terminated_on or a.end_date,
                            tuple(Slot(x.weekday, x.start, x.end) for x in a.slots)) for a in holders]
    clash = rules.conflicts(rules.Holding(agreement_id, data.start_date, data.end_date, data.slots), others,
                            space.shared_by_slot)
    if clash:
        other = s.get(m.Agreement, clash[0])
        raise DomainError("agreement.overlap", name=space.name, number=other.number,
                          start=other.start_date.isoformat(), end=other.end_date.isoformat())


def _next_number(s: Session, year: int) -> str:
    s.execute(insert_ignore(s, m.AgreementCounter).values(year=year, last_seq=0))
    s.execute(update(m.AgreementCounter).where(m.AgreementCounter.year == year)
              .values(last_seq=m.AgreementCounter.last_seq + 1))
    seq = s.scalar(select(m.AgreementCounter.last_seq).where(m.AgreementCounter.year == year))
    return f"空间协议〔{year}〕{seq}号"


def _apply(a: m.Agreement, data: AgreementInput) -> None:
    for k in _INPUT_FIELDS:
        setattr(a, k, getattr(data, k))
    a.slots = [m.AgreementSlot(weekday=x.weekday, start=x.start, end=x.end) for x in data.slots]


def _event(s: Session, ws, a: m.Agreement, action: str, before: str, opinion: str = "",  # noqa: ANN001
           on_date: date | None = None) -> None:
    s.add(m.AgreementEvent(agreement_id=a.id, action=action, from_state=before, to_state=a.state, at=ws.now(),
                           on_date=on_date, username=ws.actor.username, opinion=opinion.strip()))
    audit.record(s, ws.actor, f"agreement.{action}", "agreement", a.id,
                 before={"state": before}, after={"state": a.state, "number": a.number, "opinion": opinion.strip()},
                 at=ws.now())


def create(ws, data: AgreementInput, renewal_of: int | None = None) -> Outcome[AgreementRow]:
    """A draft agreement (numbered at once, gap-free per year). Drafts do not hold the space yet."""
    require(ws.actor, Perm.EDIT_RECORDS)
    data = _validate(data)
    with ws.write() as uow:
        s = uow.session
        space = _lock_space(s, data.space_id)
        require(ws.actor, Perm.EDIT_RECORDS, space.community_id)
        _check_parties(s, data, space)
        a = m.Agreement(number=_next_number(s, data.start_date.year), state=AgreementState.DRAFT.value,
                        renewal_of_id=renewal_of, created_at=ws.now(), updated_at=ws.now())
        _apply(a, data)
        s.add(a)
        s.flush()
        _check_overlap(s, a.id, data, space)  # an early warning: the space is taken for these dates
        _event(s, ws, a, "create", "")
        row = _row(a)
        uow.commit()
    return Outcome(row, Changes.of(AGREEMENTS))


def update_draft(ws, agreement_id: int, version: int, data: AgreementInput) -> Outcome[AgreementRow]:
    """Only drafts are edited. A signed agreement is locked: supplements or a renewal change it."""
    require(ws.actor, Perm.EDIT_RECORDS)
    data = _validate(data)
    with ws.write() as uow:
        s = uow.session
        a = get_versioned(s, m.Agreement, agreement_id, version)
        if a.state != AgreementState.DRAFT.value:
            raise DomainError("agreement.locked", state=a.state)
        space = _lock_space(s, data.space_id)
        require(ws.actor, Perm.EDIT_RECORDS, space.community_id)
        _check_parties(s, data, space)
        _check_overlap(s, a.id, data, space)
        _apply(a, data)
        a.updated_at = ws.now()
        s.flush()
        _event(s, ws, a, "update", a.state)
        row = _row(a)
        uow.commit()
    return Outcome(row, Changes.of(AGREEMENTS))


def rules_in(s: Session) -> dict[AgreementAction, frozenset[Role]]:
    """Which roles may take each agreement step: the preset, overridden by rows of the editable table."""
    out = dict(rules.DEFAULT_RULES)
    keys = {rules.rule_key(a): a for a in AgreementAction}
    for r in s.scalars(select(m.LifecycleRule).where(m.LifecycleRule.action.in_(keys))):
        out[keys[r.action]] = frozenset(Role(x) for x in r.roles.split(",") if x)
    return out


def allowed(ws, agreement_id: int) -> list[str]:
    """The steps the signed-in user may take on this agreement now (buttons)."""
    require(ws.actor, Perm.READ)
    with ws.read() as uow:
        a = get_versioned(uow.session, m.Agreement, agreement_id)
        table = rules_in(uow.session)
        return [act.value for act, (sources, _) in rules.TRANSITIONS.items()
                if AgreementState(a.state) in sources and ws.actor.role in table.get(act, ())]


def transition(ws, agreement_id: int, version: int, action: str, opinion: str = "",
               on_date: date | None = None) -> Outcome[AgreementRow]:
    act = _action(action)
    require(ws.actor, Perm.EDIT_RECORDS)
    on_date = on_date or ws.today()
    with ws.write() as uow:
        s = uow.session
        rules.check_role(act, ws.actor.role, rules_in(s))
        a = get_versioned(s, m.Agreement, agreement_id, version)
        space = _lock_space(s, a.space_id)
        require(ws.actor, Perm.EDIT_RECORDS, space.community_id)
        before = a.state
        a.state = rules.step(AgreementState(a.state), act).value
        _apply_effects(s, a, act, space, opinion, on_date)
        a.updated_at = ws.now()
        s.flush()
        _event(s, ws, a, act.value, before, opinion, on_date)
        row = _row(a)
        uow.commit()
    return Outcome(row, Changes.of(AGREEMENTS, "spaces"))


def _action(action: str) -> AgreementAction:
    try:
        return AgreementAction(action)
    except ValueError:
        raise DomainError("lifecycle.unknown_action", action=action) from None


def _apply_effects(s: Session, a: m.Agreement, act: AgreementAction, space: m.Space, opinion: str,
                   on_date: date) -> None:
    data = _row(a).data
    if act is AgreementAction.APPROVE:
        _check_parties(s, data, space)
        _check_overlap(s, a.id, data, space)
    elif act is AgreementAction.SIGN:
        a.signed_on = on_date
        space.status = "under_agreement"
        _close_renewed(s, a)
    elif act is AgreementAction.START and on_date < a.start_date:
        raise DomainError("agreement.not_started", start=a.start_date.isoformat())
    elif act is AgreementAction.TERMINATE:
        if not opinion.strip():
            raise DomainError("lifecycle.opinion_required", action=act.value)
        a.terminated_on, a.termination_reason = min(on_date, a.end_date), opinion.strip()
        _free_space(s, space, a.id)
    elif act is AgreementAction.EXPIRE:
        if on_date <= a.end_date:
            raise DomainError("agreement.not_ended", end=a.end_date.isoformat())
        _free_space(s, space, a.id)


def _close_renewed(s: Session, a: m.Agreement) -> None:
    if a.renewal_of_id:
        old = s.get(m.Agreement, a.renewal_of_id)
        if old is not None and old.state in (AgreementState.SIGNED.value, AgreementState.IN_FORCE.value):
            old.state = AgreementState.RENEWED.value


def _free_space(s: Session, space: m.Space, except_id: int) -> None:
    holding = [st.value for st in (AgreementState.SIGNED, AgreementState.IN_FORCE)]
    others = s.scalar(select(m.Agreement.id).where(m.Agreement.space_id == space.id, m.Agreement.id != except_id,
                                                   m.Agreement.state.in_(holding)).limit(1))
    if others is None and space.status == "under_agreement":
        space.status = "idle"


def add_supplement(ws, agreement_id: int, text: str, signed_on: date) -> Outcome[int]:
    """A numbered supplement (补充协议) to a signed agreement; returns its number."""
    require(ws.actor, Perm.EDIT_RECORDS)
    if not text.strip():
        raise DomainError("agreement.supplement_text")
    with ws.write() as uow:
        s = uow.session
        a = get_versioned(s, m.Agreement, agreement_id)
        if a.state not in (AgreementState.SIGNED.value, AgreementState.IN_FORCE.value):
            raise DomainError("agreement.not_signed", state=a.state)
        seq = (s.scalar(select(m.AgreementSupplement.seq).where(m.AgreementSupplement.agreement_id == a.id)
                        .order_by(m.AgreementSupplement.seq.desc()).limit(1)) or 0) + 1
        s.add(m.AgreementSupplement(agreement_id=a.id, seq=seq, signed_on=signed_on, text=text.strip(),
                                    created_by=ws.actor.username, created_at=ws.now()))
        audit.record(s, ws.actor, "agreement.supplement", "agreement", a.id, after={"seq": seq, "text": text.strip()},
                     at=ws.now())
        uow.commit()
    return Outcome(seq, Changes.of(AGREEMENTS))


def renew(ws, agreement_id: int, new_end: date, changes: dict | None = None) -> Outcome[AgreementRow]:
    """A renewal is a new draft agreement from the day after the old term; the old one becomes 'renewed' when
    the renewal is signed. Refused when a renewal check (the partner's latest evaluation) says no."""
    with ws.read() as uow:
        old = _row(get_versioned(uow.session, m.Agreement, agreement_id))
        for check in RENEWAL_CHECKS:
            refusal = check(uow.session, old.partner_id)
            if refusal:
                raise DomainError(refusal)
    if old.state not in (AgreementState.SIGNED.value, AgreementState.IN_FORCE.value):
        raise DomainError("agreement.not_signed", state=old.state)
    start, end = rules.renewal_term(old.end_date, new_end)
    return create(ws, replace(old.data, start_date=start, end_date=end, **(changes or {})), renewal_of=agreement_id)


def end_for_partner(s: Session, partner: m.Partner, on_date: date, reason: str) -> None:
    """Partner exit: live agreements end from the exit date (drafts are closed too) and spaces are freed."""
    for a in s.scalars(select(m.Agreement).where(m.Agreement.partner_id == partner.id, m.Agreement.state.in_(
            [st.value for st in (AgreementState.DRAFT, *rules.HOLDING)]))):
        space = _lock_space(s, a.space_id)
        a.state, a.terminated_on = AgreementState.TERMINATED.value, min(on_date, a.end_date)
        a.termination_reason = f"partner exit: {reason}"
        _free_space(s, space, a.id)


def get(ws, agreement_id: int) -> AgreementRow:
    require(ws.actor, Perm.READ)
    with ws.read() as uow:
        return _row(get_versioned(uow.session, m.Agreement, agreement_id))
