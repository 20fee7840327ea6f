"""Revenue feedback (收益反哺): reported revenue and the amount due per period, receipts split between the community
fund pool and the social-enterprise ledger by the agreement's rule, and the overdue list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db import models as m
from ..domain import ledger as rules
from ..domain.agreements import AgreementState
from ..domain.errors import DomainError
from ..domain.ledger import FundKind, Line, TxnKind
from ..domain.roles import Perm, require
from . import audit
from .changes import Changes, Outcome
from .funds import FUNDS
from .ledger import account_by_code, lock_funds, post_in, reverse_in

DUE_DAYS = 30  # feedback is due this many days after the period ends (the agreement's terms may say otherwise)
_REPORTABLE = {AgreementState.SIGNED.value, AgreementState.IN_FORCE.value, AgreementState.RENEWED.value,
               AgreementState.TERMINATED.value, AgreementState.EXPIRED.value}


@dataclass(frozen=True)
class ReportRow:
    id: int
    agreement_id: int
    period: str
    revenue_fen: int
    share_bp: int
    due_fen: int
    due_on: date
    note: str


@dataclass(frozen=True)
class ReceiptRow:
    id: int
    agreement_id: int
    received_on: date
    amount_fen: int
    pool_bp: int
    pool_fen: int
    se_fen: int
    pool_txn_id: int | None
    se_txn_id: int | None
    reversed: bool
    replayed: bool = False


def _agreement(s: Session, ws, agreement_id: int) -> tuple[m.Agreement, int]:  # noqa: ANN001
    """The agreement and its space's community, after the scope check."""
    a = s.get(m.Agreement, agreement_id)
    if a is None:
        raise DomainError("record.missing", entity="agreement", id=agreement_id)
    community_id = s.scalar(select(m.Space.community_id).where(m.Space.id == a.space_id))
    require(ws.actor, Perm.POST_LEDGER, community_id)
    if a.revenue_share_bp <= 0:
        raise DomainError("feedback.no_rule", number=a.number)
    if a.state not in _REPORTABLE:
        raise DomainError("feedback.not_signed", number=a.number, state=a.state)
    return a, community_id


def _report_row(r: m.RevenueReport) -> ReportRow:
    return ReportRow(r.id, r.agreement_id, r.period, r.revenue_fen, r.share_bp, r.due_fen, r.due_on, r.note)


def record_report(ws, agreement_id: int, period: str, revenue_fen: int, note: str = "",  # noqa: ANN001
                  due_days: int = DUE_DAYS) -> Outcome[ReportRow]:
    """The partner's revenue for a month or quarter; due = revenue × the agreement's feedback rate, half-up."""
    require(ws.actor, Perm.POST_LEDGER)
    p = rules.closable(period)
    if isinstance(revenue_fen, bool) or not isinstance(revenue_fen, int):
        raise DomainError("money.float_refused")
    with ws.write() as uow:
        s = uow.session
        a, _ = _agreement(s, ws, agreement_id)
        if s.scalar(select(m.RevenueReport.id).where(m.RevenueReport.agreement_id == a.id,
                                                     m.RevenueReport.period == p.key)):
            raise DomainError("feedback.report_exists", number=a.number, period=p.key)
        r = m.RevenueReport(agreement_id=a.id, period=p.key, revenue_fen=revenue_fen, share_bp=a.revenue_share_bp,
                            due_fen=rules.share_half_up(revenue_fen, a.revenue_share_bp),
                            due_on=p.end + timedelta(days=due_days), note=note.strip(), created_by=ws.actor.username,
                            created_at=ws.now())
        s.add(r)
        s.flush()
        audit.record(s, ws.actor, "feedback.report", "agreement", a.id, after={
            "period": p.key, "revenue_fen": revenue_fen, "share_bp": r.share_bp, "due_fen": r.due_fen}, at=ws.now())
        row = _report_row(r)
        uow.commit()
    return Outcome(row, Changes.of(FUNDS))


def _fund_for(s: Session, kind: FundKind, community_id: int, explicit: int | None) -> int:
    """The receiving fund: the one named, else the only active fund of this kind of the community (for the pool,
    else the street's pool)."""
    if explicit is not None:
        fund = s.get(m.Fund, explicit)
        if fund is None or fund.kind != kind.value:
            raise DomainError("feedback.wrong_fund", id=explicit, kind=kind.value)
        return fund.id
    units = [community_id]
    if kind is FundKind.POOL:
        units.append(s.scalar(select(m.OrgUnit.parent_id).where(m.OrgUnit.id == community_id)))
    for unit in units:
        found = s.scalars(select(m.Fund.id).where(m.Fund.kind == kind.value, m.Fund.unit_id == unit,
                                                  m.Fund.active.is_(True))).all()
        if len(found) > 1:
            raise DomainError("feedback.choose_fund", kind=kind.value)
        if found:
            return found[0]
    raise DomainError("feedback.no_fund", kind=kind.value)


def _receipt_row(r: m.FeedbackReceipt, replayed: bool = False) -> ReceiptRow:
    return ReceiptRow(r.id, r.agreement_id, r.received_on, r.amount_fen, r.pool_bp, r.pool_fen, r.se_fen,
                      r.pool_txn_id, r.se_txn_id, r.reversed, replayed)


def _book(s: Session, ws, fund: m.Fund, on: date, fen: int, memo: str, key: str) -> int:  # noqa: ANN001
    bank, income = account_by_code(s, fund.id, rules.BANK), account_by_code(s, fund.id, rules.FEEDBACK_INCOME)
    txn, _ = post_in(s, ws, fund, on, [Line.debit(bank.id, fen), Line.credit(income.id, fen)], memo=memo,
                     kind=TxnKind.FEEDBACK, idem_key=key)
    return txn.id


def receive(ws, agreement_id: int, amount_fen: int, received_on: date, idem_key: str, *,  # noqa: ANN001
            pool_fund_id: int | None = None, se_fund_id: int | None = None) -> Outcome[ReceiptRow]:
    """Feedback received: the pool's share (agreement.pool_share_bp, half-up) into the pool, the rest into the
    social-enterprise ledger, both in one commit. Idempotent by ``idem_key``."""
    require(ws.actor, Perm.POST_LEDGER)
    if isinstance(amount_fen, bool) or not isinstance(amount_fen, int):
        raise DomainError("money.float_refused")
    if amount_fen <= 0:
        raise DomainError("ledger.negative_amount", amount=amount_fen)
    with ws.write() as uow:
        s = uow.session
        done = s.scalar(select(m.FeedbackReceipt).where(m.FeedbackReceipt.idem_key == idem_key))
        if done is not None:
            if (done.agreement_id, done.amount_fen, done.received_on) != (agreement_id, amount_fen, received_on):
                raise DomainError("ledger.key_reused", key=idem_key)
            return Outcome(_receipt_row(done, replayed=True), Changes.of(FUNDS))
        a, community_id = _agreement(s, ws, agreement_id)
        pool_fen, se_fen = rules.split(amount_fen, a.pool_share_bp)
        pool_id = _fund_for(s, FundKind.POOL, community_id, pool_fund_id) if pool_fen else None
        se_id = _fund_for(s, FundKind.SE_LEDGER, community_id, se_fund_id) if se_fen else None
        locked = lock_funds(s, ws, [i for i in (pool_id, se_id) if i is not None])
        memo = f"收益反哺 {a.number}"
        r = m.FeedbackReceipt(agreement_id=a.id, received_on=received_on, amount_fen=amount_fen,
                              pool_bp=a.pool_share_bp, pool_fen=pool_fen, se_fen=se_fen, idem_key=idem_key.strip(),
                              created_by=ws.actor.username, created_at=ws.now())
        if pool_id is not None:
            r.pool_txn_id = _book(s, ws, locked[pool_id], received_on, pool_fen, memo, f"{idem_key}:pool")
        if se_id is not None:
            r.se_txn_id = _book(s, ws, locked[se_id], received_on, se_fen, memo, f"{idem_key}:se")
        s.add(r)
        s.flush()
        audit.record(s, ws.actor, "feedback.receive", "agreement", a.id, after={
            "receipt": r.id, "amount_fen": amount_fen, "pool_bp": r.pool_bp, "pool_fen": pool_fen, "se_fen": se_fen,
            "pool_txn": r.pool_txn_id, "se_txn": r.se_txn_id}, at=ws.now())
        row = _receipt_row(r)
        uow.commit()
    return Outcome(row, Changes.of(FUNDS))


def reverse_receipt(ws, receipt_id: int, reason: str, idem_key: str, on_date: date | None = None) -> Outcome[ReceiptRow]:  # noqa: ANN001
    """Cancel a receipt whole: both its transactions are reversed in one commit."""
    require(ws.actor, Perm.POST_LEDGER)
    with ws.write() as uow:
        s = uow.session
        r = s.get(m.FeedbackReceipt, receipt_id)
        if r is None:
            raise DomainError("record.missing", entity="feedback_receipt", id=receipt_id)
        txns = [s.get(m.Txn, i) for i in (r.pool_txn_id, r.se_txn_id) if i is not None]
        locked = lock_funds(s, ws, [t.fund_id for t in txns])
        if r.reversed:
            if s.scalar(select(m.Txn.id).where(m.Txn.idem_key.in_([f"{idem_key}:pool", f"{idem_key}:se"]))):
                return Outcome(_receipt_row(r, replayed=True), Changes.of(FUNDS))  # a retry of this reversal
            raise DomainError("ledger.already_reversed", id=receipt_id)
        for t, part in zip(txns, ("pool", "se"), strict=False):
            reverse_in(s, ws, t, locked[t.fund_id], reason, f"{idem_key}:{part}", on_date)
        r.reversed = True
        s.flush()
        audit.record(s, ws.actor, "feedback.reverse", "agreement", r.agreement_id,
                     after={"receipt": r.id, "reason": reason.strip()}, at=ws.now())
        row = _receipt_row(r)
        uow.commit()
    return Outcome(row, Changes.of(FUNDS))


def find_agreement(ws, ref: str) -> int:  # noqa: ANN001
    """An agreement's id from its number or its id (the CLI's AGREEMENT argument)."""
    require(ws.actor, Perm.READ)
    with ws.read() as uow:
        s = uow.session
        found = s.scalar(select(m.Agreement.id).where(m.Agreement.number == ref.strip()))
        if found is None and ref.strip().isdigit():
            found = s.scalar(select(m.Agreement.id).where(m.Agreement.id == int(ref.strip())))
        if found is None:
            raise DomainError("record.missing", entity="agreement", id=ref)
        return found


def reports(ws, agreement_id: int) -> list[ReportRow]:
    require(ws.actor, Perm.READ)
    with ws.read() as uow:
        return [_report_row(r) for r in uow.session.scalars(select(m.RevenueReport).where(
            m.RevenueReport.agreement_id == agreement_id).order_by(m.RevenueReport.period))]


def receipts(ws, agreement_id: int) -> list[ReceiptRow]:
    require(ws.actor, Perm.READ)
    with ws.read() as uow:
        return [_receipt_row(r) for r in uow.session.scalars(select(m.FeedbackReceipt).where(
            m.FeedbackReceipt.agreement_id == agreement_id).order_by(m.FeedbackReceipt.received_on,
                                                                     m.FeedbackReceipt.id))]


@dataclass(frozen=True)
class OverdueRow:
    agreement_id: int
    number: str
    partner_id: int
    partner_name: str
    due_fen: int  # due by today
    received_fen: int  # all receipts not reversed
    outstanding_fen: int
    oldest_period: str  # the earliest period not yet covered (receipts pay the oldest first)
    due_on: date
    days_overdue: int


def overdue(ws, today: date | None = None) -> list[OverdueRow]:  # noqa: ANN001
    """Agreements whose feedback due by today exceeds what was received, oldest debt first."""
    require(ws.actor, Perm.READ)
    today = today or ws.today()
    with ws.read() as uow:
        s = uow.session
        q = select(m.RevenueReport).where(m.RevenueReport.due_on < today).order_by(
            m.RevenueReport.agreement_id, m.RevenueReport.period)
        if ws.actor.is_scoped:
            q = q.join(m.Agreement, m.Agreement.id == m.RevenueReport.agreement_id).join(
                m.Space, m.Space.id == m.Agreement.space_id).where(m.Space.community_id.in_(ws.actor.community_ids))
        due: dict[int, list[m.RevenueReport]] = {}
        for r in s.scalars(q):
            due.setdefault(r.agreement_id, []).append(r)
        paid = dict(s.execute(select(m.FeedbackReceipt.agreement_id, func.sum(m.FeedbackReceipt.amount_fen)).where(
            m.FeedbackReceipt.agreement_id.in_(due), m.FeedbackReceipt.reversed.is_(False))
            .group_by(m.FeedbackReceipt.agreement_id)).all())
        out = [row for aid, reps in due.items() if (row := _overdue_row(s, aid, reps, int(paid.get(aid, 0)), today))]
    return sorted(out, key=lambda r: (r.due_on, r.number))


def _overdue_row(s: Session, agreement_id: int, reps: list[m.RevenueReport], received: int,
                 today: date) -> OverdueRow | None:
    total = sum(r.due_fen for r in reps)
    if received >= total:
        return None
    left, oldest = received, reps[-1]
    for r in reps:
        if left < r.due_fen:
            oldest = r
            break
        left -= r.due_fen
    a = s.get(m.Agreement, agreement_id)
    name = s.scalar(select(m.Partner.name).where(m.Partner.id == a.partner_id)) or ""
    return OverdueRow(a.id, a.number, a.partner_id, name, total, received, total - received, oldest.period,
                      oldest.due_on, (today - oldest.due_on).days)
