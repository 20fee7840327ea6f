"""Project applications (项目申报) to a fund: drafts checked against the fund's use rules and budget, tiered approval
step by step (role per step, no self-approval, nobody twice in a round, opinions for reject/return), returns and
resubmissions that keep the whole history, locked approved versions changed only through a new version, the
inbox "待我审批", disbursements posted once per key within the approved amount and the fund's balance, and the
approved-projects list for the disclosure notice (公示).

A final approval promises money: what it adds to the fund's commitments (已批未付) must fit in the fund's bank balance
less what earlier approvals still owe, so approved projects never promise more than the fund holds.

Locks (PostgreSQL): a step and a payment both lock the fund row first (as every posting does), then the application
row (and a final approval the version it replaces). So two approvals or payments on one fund run one after the
other and re-read what the other wrote (two approvals never promise the same money twice); no path locks in the
other order.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import models as m
from ..domain import applications as rules
from ..domain.applications import ApplicantKind, AppState, StepState
from ..domain.errors import DomainError
from ..domain.roles import Perm, require
from ..domain.text import clean_text
from . import audit
from .application_records import (
    APPLICATIONS,
    ENTITY,
    ApplicationInput,
    ApplicationRow,
    BudgetRow,
    StepRow,
    _disbursed,
    _load,
    _row,
    _steps,
    get,
    history,
    inbox,
    list_applications,
)
from .application_rules import (
    PRESET,
    UseRuleRow,
    _rule_in,
    _tiers_in,
    preset_tiers,
    set_tiers,
    set_use_rule,
    tiers,
    use_rule,
)
from .application_rules import _tier_of as _tier_of  # re-exported: the demo-data tests read it here
from .changes import Changes, Outcome
from .disbursements import (
    DisbursementRow,
    ProjectRow,
    approved_projects,
    approved_projects_in,
    disburse,
    disbursements,
    fund_position,
    fund_positions,
    reverse_disbursement,
)
from .fund_position import fund_position_in
from .funds import get_fund

# every name that lived here before the split stays importable from here
__all__ = [
    "APPLICATIONS",
    "ApplicationInput",
    "ApplicationRow",
    "BudgetRow",
    "DisbursementRow",
    "ENTITY",
    "PRESET",
    "ProjectRow",
    "StepRow",
    "UseRuleRow",
    "act",
    "approved_projects",
    "approved_projects_in",
    "fund_position",
    "fund_positions",
    "create_draft",
    "disburse",
    "disbursements",
    "get",
    "history",
    "inbox",
    "list_applications",
    "new_version",
    "preset_tiers",
    "reverse_disbursement",
    "set_tiers",
    "set_use_rule",
    "submit",
    "tiers",
    "update_draft",
    "use_rule",
    "withdraw",
]


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
        fund_id = s.scalar(select(m.Application.fund_id).where(m.Application.id == app_id))
        if fund_id is not None:  # the fund row first, as payments take it: a final approval reads what it owes
            s.get(m.Fund, fund_id, with_for_update=True)
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
    """The last step approved: the fund must be able to cover what this adds to its commitments (the caller holds
    the fund row); lock this version; the approved version it replaces is superseded."""
    root = a.root_id or a.id
    paid = _disbursed(s, root)
    if a.previous_version_id is not None and a.amount_fen < paid:
        raise DomainError("application.below_paid", amount=a.amount_fen, paid=paid)
    rules.check_covered(a.amount_fen, paid, fund_position_in(s, a.fund_id, except_root=root))
    if a.previous_version_id is not None:
        prev = s.get(m.Application, a.previous_version_id, with_for_update=True, populate_existing=True)
        if prev is not None and prev.state == AppState.APPROVED.value:
            prev.state, prev.updated_at = AppState.SUPERSEDED.value, ws.now()
    a.locked, a.approved_on = True, ws.today()


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

