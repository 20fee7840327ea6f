"""Project applications (项目申报) to a fund: drafts checked against the fund's use rules and budget, tiered approval
step by step (role per step, no self-approval, nobody twice in a round, opinions for reject/return), returns and
resubmissions that keep the whole history, locked approved versions changed only through a new version, the
inbox "待我审批", disbursements posted once per key within the approved amount and the fund's balance, and the
approved-projects list for the disclosure notice (公示).

Locks (PostgreSQL): a step locks the application row (and, on a final approval, the version it replaces); a
payment locks the fund row first (as every posting does), then the application row. So two payments on one fund
or one application run one after the other and re-read what the other wrote; no path locks in the other order.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from ..db import models as m
from ..domain import applications as rules
from ..domain import ledger as lrules
from ..domain.applications import ApplicantKind, AppState, StepState, Tier
from ..domain.errors import DomainError
from ..domain.ledger import Line, TxnKind
from ..domain.roles import Perm, require
from ..domain.text import clean_text
from ..paths import resources_dir
from . import audit
from .changes import Changes, Outcome
from .funds import FUNDS, get_fund
from .ledger import account_by_code, lock_funds, post_in, reverse_in

APPLICATIONS = "applications"
ENTITY = "fund_application"  # audit entity; attachments use "application"
PRESET = "funds/approval_tiers.json"


# ---- rows ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class BudgetRow:
    item: str
    amount_fen: int


@dataclass(frozen=True)
class StepRow:
    id: int
    version_no: int
    round_no: int
    seq: int
    role: str
    label: str
    state: str
    actor: str
    opinion: str
    at: datetime | None


@dataclass(frozen=True)
class ApplicationRow:
    id: int
    fund_id: int
    unit_id: int
    applicant_kind: str
    applicant_id: int | None
    applicant_name: str
    title: str
    need_id: int | None
    category: str
    amount_fen: int
    description: str
    state: str
    round_no: int
    version_no: int
    previous_version_id: int | None
    root_id: int
    locked: bool
    created_by: str
    created_at: datetime
    submitted_at: datetime | None
    decided_at: datetime | None
    approved_on: date | None
    version: int
    budget: tuple[BudgetRow, ...]
    steps: tuple[StepRow, ...]  # the current round
    disbursed_fen: int  # the whole chain of versions, reversals excluded

    @property
    def current_step(self) -> StepRow | None:
        return next((s for s in self.steps if s.state == StepState.PENDING.value), None)


@dataclass(frozen=True)
class ApplicationInput:
    fund_id: int
    applicant_kind: str
    applicant_name: str
    title: str
    category: str
    amount_fen: int
    budget: tuple[tuple[str, int], ...]
    applicant_id: int | None = None
    need_id: int | None = None
    unit_id: int | None = None  # the community where the project runs; default the fund's unit
    description: str = ""


@dataclass(frozen=True)
class UseRuleRow:
    fund_id: int
    allowed: tuple[str, ...]
    denied: tuple[str, ...]
    version: int


@dataclass(frozen=True)
class DisbursementRow:
    id: int
    application_id: int
    fund_id: int
    amount_fen: int
    on_date: date
    payee: str
    idem_key: str
    txn_id: int
    reversed: bool
    created_by: str
    replayed: bool = False


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


# ---- reading helpers -----------------------------------------------------------------------------------------------

def _steps(s: Session, app_id: int, round_no: int | None = None) -> list[m.ApprovalStep]:
    q = select(m.ApprovalStep).where(m.ApprovalStep.application_id == app_id)
    if round_no is not None:
        q = q.where(m.ApprovalStep.round_no == round_no)
    return list(s.scalars(q.order_by(m.ApprovalStep.round_no, m.ApprovalStep.seq)))


def _step_row(x: m.ApprovalStep) -> StepRow:
    return StepRow(x.id, x.version_no, x.round_no, x.seq, x.role, x.label, x.state, x.actor, x.opinion, x.at)


def _disbursed(s: Session, root_id: int) -> int:
    return int(s.scalar(select(func.coalesce(func.sum(m.Disbursement.amount_fen), 0)).where(
        m.Disbursement.root_id == root_id, m.Disbursement.reversed.is_(False))))


def _row(s: Session, a: m.Application) -> ApplicationRow:
    budget = tuple(BudgetRow(b.item, b.amount_fen) for b in s.scalars(select(m.BudgetLine).where(
        m.BudgetLine.application_id == a.id).order_by(m.BudgetLine.position)))
    steps = tuple(_step_row(x) for x in _steps(s, a.id, a.round_no)) if a.round_no else ()
    return ApplicationRow(a.id, a.fund_id, a.unit_id, a.applicant_kind, a.applicant_id, a.applicant_name, a.title,
                          a.need_id, a.category, a.amount_fen, a.description, a.state, a.round_no, a.version_no,
                          a.previous_version_id, a.root_id or a.id, a.locked, a.created_by, a.created_at,
                          a.submitted_at, a.decided_at, a.approved_on, a.version, budget, steps,
                          _disbursed(s, a.root_id or a.id))


def _load(s: Session, ws, app_id: int, version: int | None = None, perm: Perm = Perm.READ,  # noqa: ANN001
          lock: bool = False) -> m.Application:
    a = s.get(m.Application, app_id, with_for_update=True, populate_existing=True) if lock else \
        s.get(m.Application, app_id)
    if a is None:
        raise DomainError("record.missing", entity=ENTITY, id=app_id)
    require(ws.actor, perm, a.unit_id)
    if version is not None and a.version != version:
        raise DomainError("record.conflict")
    return a


def get(ws, app_id: int) -> ApplicationRow:  # noqa: ANN001
    with ws.read() as uow:
        return _row(uow.session, _load(uow.session, ws, app_id))


def history(ws, app_id: int) -> list[StepRow]:  # noqa: ANN001
    """Every step of every round of this version and the versions before it, oldest first."""
    with ws.read() as uow:
        s = uow.session
        a = _load(s, ws, app_id)
        ids = [x for x in s.scalars(select(m.Application.id).where(
            m.Application.root_id == (a.root_id or a.id), m.Application.version_no <= a.version_no))]
        return [_step_row(x) for x in s.scalars(select(m.ApprovalStep).where(
            m.ApprovalStep.application_id.in_(ids)).order_by(
            m.ApprovalStep.version_no, m.ApprovalStep.round_no, m.ApprovalStep.seq))]


def list_applications(ws, *, fund_id: int | None = None, state: str = "", limit: int = 500,  # noqa: ANN001
                      offset: int = 0) -> list[ApplicationRow]:
    require(ws.actor, Perm.READ)
    q = select(m.Application).order_by(m.Application.id.desc())
    if fund_id is not None:
        q = q.where(m.Application.fund_id == fund_id)
    if state:
        q = q.where(m.Application.state == state)
    if ws.actor.is_scoped:
        q = q.where(m.Application.unit_id.in_(ws.actor.community_ids))
    with ws.read() as uow:
        return [_row(uow.session, a) for a in uow.session.scalars(q.offset(offset).limit(limit))]


def inbox(ws) -> list[ApplicationRow]:  # noqa: ANN001
    """待我审批: applications whose current step is for the signed-in user's role (and community), not their own
    and not one they have already acted on in this round."""
    actor = require(ws.actor, Perm.READ)
    st = m.ApprovalStep
    cur = (select(st.application_id, func.min(st.seq).label("seq")).where(st.state == StepState.PENDING.value)
           .group_by(st.application_id).subquery())
    mine = aliased(m.ApprovalStep)
    q = (select(m.Application).join(cur, cur.c.application_id == m.Application.id)
         .join(st, and_(st.application_id == m.Application.id, st.round_no == m.Application.round_no,
                        st.seq == cur.c.seq))
         .where(m.Application.state.in_([x.value for x in rules.PENDING]), st.role == actor.role.value,
                m.Application.created_by != actor.username,
                ~exists().where(mine.application_id == m.Application.id, mine.round_no == m.Application.round_no,
                                mine.actor == actor.username))
         .order_by(m.Application.submitted_at, m.Application.id))
    if actor.is_scoped:
        q = q.where(m.Application.unit_id.in_(actor.community_ids))
    with ws.read() as uow:
        return [_row(uow.session, a) for a in uow.session.scalars(q)]


# ---- drafts -------------------------------------------------------------------------------------------------------

def _unit_for(s: Session, fund: m.Fund, unit_id: int | None) -> int:
    if unit_id is None or unit_id == fund.unit_id:
        return fund.unit_id
    unit = s.get(m.OrgUnit, unit_id)
    if unit is None or unit.parent_id != fund.unit_id:
        raise DomainError("application.bad_unit", id=unit_id)
    return unit.id


def _applicant(s: Session, data: ApplicationInput) -> tuple[str, int | None, str]:
    kind = rules.applicant_kind(data.applicant_kind)
    name = clean_text(data.applicant_name)
    if kind is ApplicantKind.COMMUNITY:
        unit = s.get(m.OrgUnit, data.applicant_id) if data.applicant_id is not None else None
        if unit is None or unit.kind != "community":
            raise DomainError("application.bad_applicant", kind=kind.value)
        name = name or unit.name
    elif kind is ApplicantKind.PARTNER:
        p = s.get(m.Partner, data.applicant_id) if data.applicant_id is not None else None
        if p is None:
            raise DomainError("application.bad_applicant", kind=kind.value)
        name = name or p.name
    elif data.applicant_id is not None:
        raise DomainError("application.bad_applicant", kind=kind.value)
    if not name or len(name) > 200:
        raise DomainError("application.applicant_required")
    return kind.value, data.applicant_id, name


def _check_input(s: Session, fund: m.Fund, data: ApplicationInput) -> None:
    title = clean_text(data.title)
    if not title or len(title) > 200:
        raise DomainError("application.title_required")
    rules.check_budget(data.amount_fen, [(i, x) for i, x in data.budget])
    r = _rule_in(s, fund.id)
    if r is None:
        raise DomainError("application.no_use_rule", fund=fund.code)
    rules.check_category(data.category, json.loads(r.allowed), json.loads(r.denied))
    if data.need_id is not None and s.get(m.Need, data.need_id) is None:
        raise DomainError("record.missing", entity="need", id=data.need_id)


def _apply(s: Session, a: m.Application, fund: m.Fund, data: ApplicationInput) -> None:
    a.applicant_kind, a.applicant_id, a.applicant_name = _applicant(s, data)
    a.unit_id = _unit_for(s, fund, data.unit_id)
    a.title, a.category, a.need_id = clean_text(data.title), data.category.strip(), data.need_id
    a.amount_fen, a.description = data.amount_fen, (data.description or "").strip()
    for b in s.scalars(select(m.BudgetLine).where(m.BudgetLine.application_id == a.id)):
        s.delete(b)
    s.flush()
    s.add_all([m.BudgetLine(application_id=a.id, position=i, item=item.strip(), amount_fen=fen)
               for i, (item, fen) in enumerate(data.budget)])


def _snapshot(a: m.Application) -> dict:
    return {"fund_id": a.fund_id, "title": a.title, "applicant": [a.applicant_kind, a.applicant_id, a.applicant_name],
            "category": a.category, "amount_fen": a.amount_fen, "need_id": a.need_id, "state": a.state,
            "version_no": a.version_no, "round_no": a.round_no}


def create_draft(ws, data: ApplicationInput) -> Outcome[ApplicationRow]:  # noqa: ANN001
    require(ws.actor, Perm.EDIT_RECORDS)
    with ws.write() as uow:
        s = uow.session
        fund = get_fund(s, data.fund_id, ws.actor, Perm.EDIT_RECORDS)
        if not fund.active:
            raise DomainError("fund.inactive", fund=fund.code)
        _check_input(s, fund, data)
        a = m.Application(fund_id=fund.id, unit_id=fund.unit_id, applicant_kind="", applicant_name="", title="",
                          category="", amount_fen=0, state=AppState.DRAFT.value, round_no=0, version_no=1,
                          locked=False, created_by=ws.actor.username, created_at=ws.now(), updated_at=ws.now())
        s.add(a)
        s.flush()
        a.root_id = a.id
        _apply(s, a, fund, data)
        require(ws.actor, Perm.EDIT_RECORDS, a.unit_id)
        s.flush()
        audit.record(s, ws.actor, "application.create", ENTITY, a.id, after=_snapshot(a), at=ws.now())
        row = _row(s, a)
        uow.commit()
    return Outcome(row, Changes.of(APPLICATIONS))


def update_draft(ws, app_id: int, version: int, data: ApplicationInput) -> Outcome[ApplicationRow]:  # noqa: ANN001
    """Change a draft or a returned application (the fund stays; locked versions never change)."""
    require(ws.actor, Perm.EDIT_RECORDS)
    with ws.write() as uow:
        s = uow.session
        a = _load(s, ws, app_id, version, Perm.EDIT_RECORDS, lock=True)
        if a.locked or AppState(a.state) not in rules.EDITABLE:
            raise DomainError("application.locked", state=a.state)
        if data.fund_id != a.fund_id:
            raise DomainError("application.fund_fixed")
        fund = get_fund(s, a.fund_id, ws.actor, Perm.EDIT_RECORDS)
        _check_input(s, fund, data)
        before = _snapshot(a)
        _apply(s, a, fund, data)
        require(ws.actor, Perm.EDIT_RECORDS, a.unit_id)
        a.updated_at = ws.now()
        s.flush()
        audit.record(s, ws.actor, "application.update", ENTITY, a.id, before=before, after=_snapshot(a), at=ws.now())
        row = _row(s, a)
        uow.commit()
    return Outcome(row, Changes.of(APPLICATIONS))


def submit(ws, app_id: int, version: int) -> Outcome[ApplicationRow]:  # noqa: ANN001
    """Submit (or resubmit after a return): the steps of the tier holding the amount become the next round."""
    require(ws.actor, Perm.EDIT_RECORDS)
    with ws.write() as uow:
        s = uow.session
        a = _load(s, ws, app_id, version, Perm.EDIT_RECORDS, lock=True)
        if AppState(a.state) not in rules.SUBMITTABLE:
            raise DomainError("application.not_editable", state=a.state)
        fund = get_fund(s, a.fund_id, ws.actor, Perm.EDIT_RECORDS)
        budget = [(b.item, b.amount_fen) for b in s.scalars(select(m.BudgetLine).where(
            m.BudgetLine.application_id == a.id))]
        data = ApplicationInput(a.fund_id, a.applicant_kind, a.applicant_name, a.title, a.category, a.amount_fen,
                                tuple(budget), a.applicant_id, a.need_id, a.unit_id, a.description)
        _check_input(s, fund, data)  # the rules may have changed since the draft was saved
        paid = _disbursed(s, a.root_id or a.id)
        if a.amount_fen < paid:
            raise DomainError("application.below_paid", amount=a.amount_fen, paid=paid)
        tier = rules.tier_for(_tiers_in(s, ws), fund.id, fund.kind, a.amount_fen)
        before = a.state
        a.round_no += 1
        a.state, a.submitted_at, a.updated_at = AppState.SUBMITTED.value, ws.now(), ws.now()
        s.add_all([m.ApprovalStep(application_id=a.id, version_no=a.version_no, round_no=a.round_no, seq=i + 1,
                                  role=x.role, label=x.label, state=StepState.PENDING.value, actor="", opinion="")
                   for i, x in enumerate(tier.steps)])
        s.flush()
        audit.record(s, ws.actor, "application.submit", ENTITY, a.id, before={"state": before}, after={
            "state": a.state, "round": a.round_no, "tier": tier.name, "steps": [x.role for x in tier.steps]},
            at=ws.now())
        row = _row(s, a)
        uow.commit()
    return Outcome(row, Changes.of(APPLICATIONS))


def act(ws, app_id: int, version: int, decision: str, opinion: str = "") -> Outcome[ApplicationRow]:  # noqa: ANN001
    """Take the current step: approve, reject or return (the last two need an opinion)."""
    dec = rules.decision(decision)
    actor = require(ws.actor, Perm.READ)
    with ws.write() as uow:
        s = uow.session
        a = _load(s, ws, app_id, version, lock=True)
        if actor.is_scoped and a.unit_id not in actor.community_ids:
            raise DomainError("auth.forbidden", action="approve", role=actor.role.value)
        steps = _steps(s, a.id, a.round_no) if a.round_no else []
        views = [rules.StepView(x.seq, x.role, x.state, x.actor) for x in steps]
        step = rules.check_may_act(username=actor.username, role=actor.role.value, created_by=a.created_by,
                                   state=a.state, steps=views, dec=dec, opinion=opinion)
        row_step = next(x for x in steps if x.seq == step.seq)
        is_last = step.seq == max(x.seq for x in steps)
        before = a.state
        row_step.state, row_step.actor = rules.STEP_AFTER[dec].value, actor.username
        row_step.opinion, row_step.at = (opinion or "").strip(), ws.now()
        new_state = rules.after(dec, is_last)
        if new_state is not AppState.IN_APPROVAL:
            for x in steps:
                if x.state == StepState.PENDING.value:
                    x.state = StepState.SKIPPED.value
            a.decided_at = ws.now()
        if new_state is AppState.APPROVED:
            _approve(s, ws, a)
        a.state, a.updated_at = new_state.value, ws.now()
        s.flush()
        audit.record(s, ws.actor, f"application.{dec.value}", ENTITY, a.id, before={"state": before}, after={
            "state": a.state, "round": a.round_no, "step": step.seq, "role": step.role, "opinion": row_step.opinion},
            at=ws.now())
        row = _row(s, a)
        uow.commit()
    return Outcome(row, Changes.of(APPLICATIONS))


def _approve(s: Session, ws, a: m.Application) -> None:  # noqa: ANN001
    """The last step approved: lock this version; the approved version it replaces is superseded."""
    if a.previous_version_id is not None:
        prev = s.get(m.Application, a.previous_version_id, with_for_update=True, populate_existing=True)
        paid = _disbursed(s, a.root_id or a.id)
        if a.amount_fen < paid:
            raise DomainError("application.below_paid", amount=a.amount_fen, paid=paid)
        if prev is not None and prev.state == AppState.APPROVED.value:
            prev.state, prev.updated_at = AppState.SUPERSEDED.value, ws.now()
    a.locked, a.approved_on = True, ws.now().date()


def withdraw(ws, app_id: int, version: int, reason: str = "") -> Outcome[ApplicationRow]:  # noqa: ANN001
    require(ws.actor, Perm.EDIT_RECORDS)
    with ws.write() as uow:
        s = uow.session
        a = _load(s, ws, app_id, version, Perm.EDIT_RECORDS, lock=True)
        if AppState(a.state) not in rules.WITHDRAWABLE:
            raise DomainError("application.not_pending", state=a.state)
        before = a.state
        for x in _steps(s, a.id, a.round_no):
            if x.state == StepState.PENDING.value:
                x.state = StepState.SKIPPED.value
        a.state, a.decided_at, a.updated_at = AppState.WITHDRAWN.value, ws.now(), ws.now()
        s.flush()
        audit.record(s, ws.actor, "application.withdraw", ENTITY, a.id, before={"state": before},
                     after={"state": a.state, "reason": reason.strip()}, at=ws.now())
        row = _row(s, a)
        uow.commit()
    return Outcome(row, Changes.of(APPLICATIONS))


def new_version(ws, app_id: int) -> Outcome[ApplicationRow]:  # noqa: ANN001
    """Change an approved (locked) application: a new draft version, linked to it, that is approved afresh. The
    approved version stays in force (and payable) until the new one is approved."""
    require(ws.actor, Perm.EDIT_RECORDS)
    with ws.write() as uow:
        s = uow.session
        old = _load(s, ws, app_id, None, Perm.EDIT_RECORDS, lock=True)
        if old.state != AppState.APPROVED.value:
            raise DomainError("application.not_approved", state=old.state)
        open_ = s.scalar(select(m.Application.id).where(
            m.Application.previous_version_id == old.id,
            m.Application.state.notin_([AppState.REJECTED.value, AppState.WITHDRAWN.value])))
        if open_ is not None:
            raise DomainError("application.has_new_version", id=open_)
        a = m.Application(fund_id=old.fund_id, unit_id=old.unit_id, applicant_kind=old.applicant_kind,
                          applicant_id=old.applicant_id, applicant_name=old.applicant_name, title=old.title,
                          need_id=old.need_id, category=old.category, amount_fen=old.amount_fen,
                          description=old.description, state=AppState.DRAFT.value, round_no=0,
                          version_no=old.version_no + 1, previous_version_id=old.id, root_id=old.root_id or old.id,
                          locked=False, created_by=ws.actor.username, created_at=ws.now(), updated_at=ws.now())
        s.add(a)
        s.flush()
        s.add_all([m.BudgetLine(application_id=a.id, position=b.position, item=b.item, amount_fen=b.amount_fen)
                   for b in s.scalars(select(m.BudgetLine).where(m.BudgetLine.application_id == old.id))])
        s.flush()
        audit.record(s, ws.actor, "application.new_version", ENTITY, a.id,
                     after={"previous": old.id, "version_no": a.version_no}, at=ws.now())
        row = _row(s, a)
        uow.commit()
    return Outcome(row, Changes.of(APPLICATIONS))


# ---- disbursements -----------------------------------------------------------------------------------------------

def _disb_row(d: m.Disbursement, replayed: bool = False) -> DisbursementRow:
    return DisbursementRow(d.id, d.application_id, d.fund_id, d.amount_fen, d.on_date, d.payee, d.idem_key, d.txn_id,
                           d.reversed, d.created_by, replayed)


def disburse(ws, app_id: int, amount_fen: int, on_date: date, payee: str, key: str) -> Outcome[DisbursementRow]:  # noqa: ANN001
    """Pay against an approved application: within the approved amount (all versions' payments counted) and the
    fund's bank balance, posted to the ledger once per ``key`` (a double click or a retry returns the first)."""
    require(ws.actor, Perm.POST_LEDGER)
    key = (key or "").strip()
    if not key or len(key) > 80:
        raise DomainError("ledger.key_required")
    if isinstance(amount_fen, bool) or not isinstance(amount_fen, int):
        raise DomainError("money.float_refused")
    payee = clean_text(payee)
    with ws.write() as uow:
        s = uow.session
        fund_id = s.scalar(select(m.Application.fund_id).where(m.Application.id == app_id))
        if fund_id is None:
            raise DomainError("record.missing", entity=ENTITY, id=app_id)
        fund = lock_funds(s, ws, [fund_id])[fund_id]  # the fund row first, as every posting
        a = _load(s, ws, app_id, None, Perm.POST_LEDGER, lock=True)
        done = s.scalar(select(m.Disbursement).where(m.Disbursement.idem_key == key))
        if done is not None:
            if (done.application_id, done.amount_fen, done.on_date) != (app_id, amount_fen, on_date):
                raise DomainError("ledger.key_reused", key=key)
            return Outcome(_disb_row(done, replayed=True), Changes.of(FUNDS, APPLICATIONS))
        if a.state != AppState.APPROVED.value:
            raise DomainError("application.not_approved", state=a.state)
        if not payee or len(payee) > 200:
            raise DomainError("disbursement.payee_required")
        if a.approved_on is not None and on_date < a.approved_on:
            raise DomainError("disbursement.before_approval", date=on_date.isoformat(),
                              approved=a.approved_on.isoformat())
        rules.check_disbursement(amount_fen, a.amount_fen, _disbursed(s, a.root_id or a.id))
        spend, bank = account_by_code(s, fund.id, lrules.PROJECT_SPENDING), account_by_code(s, fund.id, lrules.BANK)
        txn, _ = post_in(s, ws, fund, on_date, [Line.debit(spend.id, amount_fen), Line.credit(bank.id, amount_fen)],
                         memo=f"项目拨付 {a.title} → {payee}", kind=TxnKind.DISBURSEMENT, idem_key=f"disburse:{key}",
                         project=a.title)
        d = m.Disbursement(application_id=a.id, root_id=a.root_id or a.id, fund_id=fund.id, amount_fen=amount_fen,
                           on_date=on_date, payee=payee, idem_key=key, txn_id=txn.id, reversed=False,
                           created_by=ws.actor.username, created_at=ws.now())
        s.add(d)
        s.flush()
        audit.record(s, ws.actor, "application.disburse", ENTITY, a.id, after={
            "disbursement": d.id, "amount_fen": amount_fen, "date": on_date.isoformat(), "payee": payee,
            "txn": txn.id, "key": key}, at=ws.now())
        row = _disb_row(d)
        uow.commit()
    return Outcome(row, Changes.of(FUNDS, APPLICATIONS))


def reverse_disbursement(ws, disbursement_id: int, reason: str, key: str,  # noqa: ANN001
                         on_date: date | None = None) -> Outcome[DisbursementRow]:
    """Cancel a payment: its ledger transaction is reversed and the amount no longer counts as paid."""
    require(ws.actor, Perm.POST_LEDGER)
    with ws.write() as uow:
        s = uow.session
        fund_id = s.scalar(select(m.Disbursement.fund_id).where(m.Disbursement.id == disbursement_id))
        if fund_id is None:
            raise DomainError("record.missing", entity="disbursement", id=disbursement_id)
        fund = lock_funds(s, ws, [fund_id])[fund_id]
        d = s.get(m.Disbursement, disbursement_id, populate_existing=True)
        if d.reversed:
            rev = s.get(m.Txn, d.reversal_txn_id) if d.reversal_txn_id else None
            if rev is not None and rev.idem_key == f"disburse-rev:{key.strip()}":
                return Outcome(_disb_row(d, replayed=True), Changes.of(FUNDS, APPLICATIONS))
            raise DomainError("ledger.already_reversed", id=d.txn_id)
        txn, _ = reverse_in(s, ws, s.get(m.Txn, d.txn_id), fund, reason, f"disburse-rev:{key.strip()}", on_date)
        d.reversed, d.reversal_txn_id = True, txn.id
        s.flush()
        audit.record(s, ws.actor, "application.disbursement_reversed", ENTITY, d.application_id,
                     after={"disbursement": d.id, "reason": reason.strip(), "txn": txn.id}, at=ws.now())
        row = _disb_row(d)
        uow.commit()
    return Outcome(row, Changes.of(FUNDS, APPLICATIONS))


def disbursements(ws, app_id: int) -> list[DisbursementRow]:  # noqa: ANN001
    """Payments of the application's whole chain of versions."""
    with ws.read() as uow:
        s = uow.session
        a = _load(s, ws, app_id)
        return [_disb_row(d) for d in s.scalars(select(m.Disbursement).where(
            m.Disbursement.root_id == (a.root_id or a.id)).order_by(m.Disbursement.on_date, m.Disbursement.id))]


# ---- publication --------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ProjectRow:
    application_id: int
    title: str
    applicant_name: str
    category: str
    approved_fen: int
    approved_on: date | None
    paid_in_period_fen: int
    paid_total_fen: int  # up to the end of the period


def approved_projects(ws, fund_id: int, period: str) -> list[ProjectRow]:  # noqa: ANN001
    """Approved projects of a fund for the disclosure notice (公示): those approved in the period or paid in it,
    each with its approved amount (the version in force) and what was paid, reversals excluded."""
    with ws.read() as uow:
        get_fund(uow.session, fund_id, ws.actor)
        return approved_projects_in(uow.session, fund_id, period)


def approved_projects_in(s: Session, fund_id: int, period: str) -> list[ProjectRow]:
    """``approved_projects`` inside the caller's session (the caller has checked the fund's scope)."""
    p = lrules.period(period)
    d = m.Disbursement
    paid_in = (select(d.root_id, func.sum(d.amount_fen).label("fen")).where(
        d.fund_id == fund_id, d.reversed.is_(False), d.on_date >= p.start, d.on_date <= p.end)
        .group_by(d.root_id).subquery())
    paid_all = (select(d.root_id, func.sum(d.amount_fen).label("fen")).where(
        d.fund_id == fund_id, d.reversed.is_(False), d.on_date <= p.end).group_by(d.root_id).subquery())
    a = m.Application
    q = (select(a, func.coalesce(paid_in.c.fen, 0), func.coalesce(paid_all.c.fen, 0))
         .outerjoin(paid_in, paid_in.c.root_id == a.root_id).outerjoin(paid_all, paid_all.c.root_id == a.root_id)
         .where(a.fund_id == fund_id, a.state.in_([AppState.APPROVED.value, AppState.SUPERSEDED.value]),
                a.approved_on <= p.end,
                or_(a.approved_on >= p.start, paid_in.c.fen.is_not(None)))
         .order_by(a.approved_on, a.id))
    rows = list(s.execute(q))
    # per chain, the version in force at the end of the period (the latest approved on or before it)
    best: dict[int, tuple] = {}
    for app, inp, tot in rows:
        cur = best.get(app.root_id)
        if cur is None or app.version_no > cur[0].version_no:
            best[app.root_id] = (app, inp, tot)
    return [ProjectRow(app.id, app.title, app.applicant_name, app.category, app.amount_fen, app.approved_on,
                       int(inp), int(tot)) for app, inp, tot in sorted(best.values(), key=lambda r: (
                           r[0].approved_on, r[0].id))]
