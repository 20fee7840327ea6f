"""Read-side queries of the Funds page: the journal paged and filtered in SQL (with a running balance when one
account is shown), the agreements that owe revenue feedback, and the applications list (one query per page)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, func, select
from sqlalchemy.orm import aliased

from ..db import models as m
from ..domain import ledger as rules
from ..domain.applications import StepState
from ..domain.roles import Perm, require
from .feedback import _REPORTABLE
from .funds import get_fund

# ---- the journal --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class JournalFilter:
    fund_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    account_id: int | None = None  # one account: its running balance is shown


@dataclass(frozen=True)
class JournalRow:
    id: int  # the posting
    txn_id: int
    on_date: date
    kind: str
    memo: str
    project: str
    account_id: int
    account_code: str
    account_name: str
    debit_fen: int
    credit_fen: int
    reverses_id: int | None
    reversed_by: int | None  # the reversal's transaction, when this one was reversed
    created_by: str
    running_fen: int | None  # the account's balance (normal side) after this posting; only for one account


def _journal_where(f: JournalFilter) -> list:
    p = m.Posting
    where = [p.fund_id == f.fund_id]
    if f.date_from is not None:
        where.append(p.on_date >= f.date_from)
    if f.date_to is not None:
        where.append(p.on_date <= f.date_to)
    if f.account_id is not None:
        where.append(p.account_id == f.account_id)
    return where


def journal_count(ws, f: JournalFilter) -> int:  # noqa: ANN001
    if f.fund_id is None:
        return 0
    with ws.read() as uow:
        get_fund(uow.session, f.fund_id, ws.actor)
        return int(uow.session.scalar(select(func.count(m.Posting.id)).where(*_journal_where(f))) or 0)


def journal(ws, f: JournalFilter, offset: int = 0, limit: int = 200) -> list[JournalRow]:  # noqa: ANN001
    """Postings in date order (transaction, then line), a page at a time."""
    if f.fund_id is None:
        return []
    p, t, acc = m.Posting, m.Txn, m.LedgerAccount
    rev = aliased(m.Txn)
    order = (p.on_date, p.txn_id, p.id)
    running = func.sum(p.amount_fen).over(order_by=order) if f.account_id is not None else None
    cols = [p.id, p.txn_id, p.on_date, t.kind, t.memo, t.project, p.account_id, acc.code, acc.name, acc.kind,
            p.amount_fen, t.reverses_id, rev.id, t.created_by]
    q = (select(*cols, *([running.label("running")] if running is not None else []))
         .join(t, t.id == p.txn_id).join(acc, acc.id == p.account_id)
         .outerjoin(rev, rev.reverses_id == t.id)
         .where(*_journal_where(f)).order_by(*order).offset(offset).limit(limit))
    with ws.read() as uow:
        s = uow.session
        get_fund(s, f.fund_id, ws.actor)
        opening = 0
        if f.account_id is not None and f.date_from is not None:
            opening = int(s.scalar(select(func.coalesce(func.sum(p.amount_fen), 0)).where(
                p.account_id == f.account_id, p.on_date < f.date_from)))
        out = []
        for r in s.execute(q):
            amount = int(r[10])
            run = rules.on_normal_side(r[9], opening + int(r[14])) if running is not None else None
            out.append(JournalRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], max(amount, 0),
                                  max(-amount, 0), r[11], r[12], r[13], run))
        return out


# ---- revenue feedback per agreement -------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedbackAgreementRow:
    id: int  # the agreement
    number: str
    partner_name: str
    community_id: int
    community_name: str
    state: str
    revenue_share_bp: int
    pool_share_bp: int
    due_fen: int  # all reports so far
    received_fen: int  # receipts not reversed

    @property
    def outstanding_fen(self) -> int:
        return self.due_fen - self.received_fen


def feedback_agreements(ws, community_id: int | None = None) -> list[FeedbackAgreementRow]:  # noqa: ANN001
    """Signed agreements with a revenue-feedback rule, with what was reported due and what was received."""
    actor = require(ws.actor, Perm.READ)
    a, sp, pa, unit = m.Agreement, m.Space, m.Partner, m.OrgUnit
    due = (select(m.RevenueReport.agreement_id.label("aid"), func.sum(m.RevenueReport.due_fen).label("fen"))
           .group_by(m.RevenueReport.agreement_id).subquery())
    got = (select(m.FeedbackReceipt.agreement_id.label("aid"), func.sum(m.FeedbackReceipt.amount_fen).label("fen"))
           .where(m.FeedbackReceipt.reversed.is_(False)).group_by(m.FeedbackReceipt.agreement_id).subquery())
    q = (select(a.id, a.number, pa.name, sp.community_id, unit.name, a.state, a.revenue_share_bp, a.pool_share_bp,
                func.coalesce(due.c.fen, 0), func.coalesce(got.c.fen, 0))
         .join(sp, sp.id == a.space_id).join(pa, pa.id == a.partner_id).join(unit, unit.id == sp.community_id)
         .outerjoin(due, due.c.aid == a.id).outerjoin(got, got.c.aid == a.id)
         .where(a.revenue_share_bp > 0, a.state.in_(sorted(_REPORTABLE))).order_by(a.number))
    if community_id is not None:
        q = q.where(sp.community_id == community_id)
    if actor.is_scoped:
        q = q.where(sp.community_id.in_(actor.community_ids))
    with ws.read() as uow:
        return [FeedbackAgreementRow(*r[:8], int(r[8]), int(r[9])) for r in uow.session.execute(q)]


def receiving_funds(ws, community_id: int) -> dict[str, list[tuple[int, str]]]:  # noqa: ANN001
    """The active pool and social-enterprise funds a community's feedback may go to (its own, then its street's)."""
    require(ws.actor, Perm.READ)
    with ws.read() as uow:
        s = uow.session
        street = s.scalar(select(m.OrgUnit.parent_id).where(m.OrgUnit.id == community_id))
        rows = s.execute(select(m.Fund.id, m.Fund.code, m.Fund.name, m.Fund.kind, m.Fund.unit_id).where(
            m.Fund.active.is_(True), m.Fund.unit_id.in_([community_id, street]),
            m.Fund.kind.in_([rules.FundKind.POOL.value, rules.FundKind.SE_LEDGER.value]))
            .order_by(m.Fund.unit_id != community_id, m.Fund.code)).all()
    out: dict[str, list[tuple[int, str]]] = {rules.FundKind.POOL.value: [], rules.FundKind.SE_LEDGER.value: []}
    for fid, code, name, kind, unit_id in rows:
        if kind == rules.FundKind.SE_LEDGER.value and unit_id != community_id:
            continue
        out[kind].append((fid, f"{code} {name}"))
    return out


# ---- applications ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ApplicationFilter:
    fund_id: int | None = None
    state: str = ""
    text: str = ""


@dataclass(frozen=True)
class ApplicationListRow:
    id: int
    fund_code: str
    title: str
    applicant_name: str
    category: str
    amount_fen: int
    state: str
    version_no: int
    round_no: int
    created_by: str
    submitted_at: datetime | None
    step_label: str  # the pending step (label or role), '' when none
    step_role: str


def _app_where(ws, f: ApplicationFilter) -> list:  # noqa: ANN001
    a = m.Application
    where = []
    if f.fund_id is not None:
        where.append(a.fund_id == f.fund_id)
    if f.state:
        where.append(a.state == f.state)
    if f.text.strip():
        like = f"%{f.text.strip()}%"
        where.append((a.title.like(like)) | (a.applicant_name.like(like)))
    if ws.actor.is_scoped:
        where.append(a.unit_id.in_(ws.actor.community_ids))
    return where


def application_count(ws, f: ApplicationFilter) -> int:  # noqa: ANN001
    require(ws.actor, Perm.READ)
    with ws.read() as uow:
        return int(uow.session.scalar(select(func.count(m.Application.id)).where(*_app_where(ws, f))) or 0)


def applications(ws, f: ApplicationFilter, offset: int = 0, limit: int = 200) -> list[ApplicationListRow]:  # noqa: ANN001
    """Newest first, with each one's pending step, in one query per page."""
    require(ws.actor, Perm.READ)
    a, st = m.Application, m.ApprovalStep
    cur = (select(st.application_id.label("aid"), st.round_no.label("rnd"), func.min(st.seq).label("seq"))
           .where(st.state == StepState.PENDING.value).group_by(st.application_id, st.round_no).subquery())
    step = aliased(m.ApprovalStep)
    q = (select(a.id, m.Fund.code, a.title, a.applicant_name, a.category, a.amount_fen, a.state, a.version_no,
                a.round_no, a.created_by, a.submitted_at, step.label, step.role)
         .join(m.Fund, m.Fund.id == a.fund_id)
         .outerjoin(cur, and_(cur.c.aid == a.id, cur.c.rnd == a.round_no))
         .outerjoin(step, and_(step.application_id == a.id, step.round_no == cur.c.rnd, step.seq == cur.c.seq))
         .where(*_app_where(ws, f)).order_by(a.id.desc()).offset(offset).limit(limit))
    with ws.read() as uow:
        return [ApplicationListRow(*r[:11], r[11] or "", r[12] or "") for r in uow.session.execute(q)]
