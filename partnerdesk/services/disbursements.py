"""Disbursements against approved applications (posted once per key, within the approved amount and the fund's
balance; reversals) and the approved-projects list for the disclosure notice (公示). Split out of
``applications``, which re-exports every name.

Locks (PostgreSQL): a payment locks the fund row first (as every posting does), then the application row.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..db import models as m
from ..domain import applications as rules
from ..domain import ledger as lrules
from ..domain.applications import AppState, FundPosition
from ..domain.errors import DomainError
from ..domain.ledger import Line, TxnKind
from ..domain.roles import Perm, require
from ..domain.text import clean_text
from . import audit
from .application_records import APPLICATIONS, ENTITY, _disbursed, _load
from .changes import Changes, Outcome
from .fund_position import fund_position_in, fund_positions_in
from .funds import FUNDS, check_scope, get_fund
from .ledger import account_by_code, lock_funds, post_in, reverse_in


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


# ---- what a fund can still promise --------------------------------------------------------------------------------

def fund_position(ws, fund_id: int, except_root: int | None = None) -> FundPosition:  # noqa: ANN001
    """What the fund holds, has promised and can still promise (已批未付, 可用余额), for the approver and the clerk;
    ``except_root``: without that application chain's own promise (what a new version of it may use)."""
    with ws.read() as uow:
        get_fund(uow.session, fund_id, ws.actor)
        return fund_position_in(uow.session, fund_id, except_root=except_root)


def fund_positions(ws, fund_ids: Iterable[int]) -> dict[int, FundPosition]:  # noqa: ANN001
    """``fund_position`` of several funds at once (a list of funds), each within the reader's scope."""
    ids = list(fund_ids)
    with ws.read() as uow:
        s = uow.session
        for fund in s.scalars(select(m.Fund).where(m.Fund.id.in_(ids))):
            check_scope(ws.actor, Perm.READ, fund)
        return fund_positions_in(s, ids)


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
