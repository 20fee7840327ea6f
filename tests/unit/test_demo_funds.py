"""Demo funds: every invariant of `partnerdesk check`, applications in every state with their steps by the tier
preset, receipts split by the domain rule, gap-free donation numbers, closed periods, reversals, overdue feedback,
and statements of past quarters that add up. Small scale on every backend, district scale on SQLite."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from partnerdesk.db import models as m
from partnerdesk.domain import ledger as L
from partnerdesk.domain.applications import AppState, tier_for
from partnerdesk.domain.ledger import Member
from partnerdesk.services import applications, demo_funds, feedback, fund_statement, funds, ledger
from partnerdesk.services.invariants import INVARIANTS
from tests.helpers import demo as demo_helpers
from tests.helpers.demo import assert_same_seed_same_data
from tests.helpers.demo import load as _load

TODAY = date(2026, 11, 21)
POSTINGS = {"small": (2_000, 10_000), "district": (180_000, 220_000)}


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    yield from demo_helpers.district(tmp_path_factory, "district_funds", TODAY)


def test_small_demo_funds_on_every_backend(ws):
    summary = _load(ws, "small")
    _check_everything(ws, "small", summary)


def test_district_demo_funds(district):
    ws, summary = district
    _check_everything(ws, "district", summary)


def test_same_seed_same_books(ws, tmp_path):
    assert_same_seed_same_data(ws, tmp_path, _fingerprint)


def _fingerprint(ws) -> list:
    with ws.read() as uow:
        s = uow.session
        return [s.execute(select(m.Fund.code, m.Fund.kind).order_by(m.Fund.code)).all(),
                s.execute(select(m.Txn.on_date, m.Txn.kind, m.Txn.memo, func.sum(m.Posting.amount_fen))
                          .join(m.Posting, m.Posting.txn_id == m.Txn.id).where(m.Posting.amount_fen > 0)
                          .group_by(m.Txn.id).order_by(m.Txn.id)).all(),
                s.execute(select(m.Application.title, m.Application.state, m.Application.amount_fen)
                          .order_by(m.Application.id)).all(),
                s.execute(select(m.Donation.receipt_no, m.Donation.amount_fen).order_by(m.Donation.receipt_no)).all()]


def _check_everything(ws, scale: str, summary) -> None:
    counts = dict(summary.extra)
    with ws.read() as uow:
        s = uow.session
        problems = {name: check(s) for name, check in INVARIANTS.items()}
        assert all(not p for p in problems.values()), problems
        _counts_in_range(s, scale, counts)
        _funds(s)
        _feedback(s)
        _donations(s)
        _applications_every_state(s)
        _disbursements(s)
        _reversals_and_closed_periods(s)
    _statements_balance(ws)
    _services_read_the_demo(ws)


def _counts_in_range(s, scale: str, counts: dict) -> None:
    postings = s.scalar(select(func.count()).select_from(m.Posting))
    lo, hi = POSTINGS[scale]
    assert postings == counts["ledger_postings"] and lo <= postings <= hi, postings
    assert counts["funds"] == s.scalar(select(func.count()).select_from(m.Fund))
    assert counts["donations"] == s.scalar(select(func.count()).select_from(m.Donation))
    n_apps = s.scalar(select(func.count()).select_from(m.Application))
    assert counts["fund_applications"] == n_apps
    assert demo_funds.APPLICATIONS[scale] <= n_apps <= 1.3 * demo_funds.APPLICATIONS[scale]


def _funds(s) -> None:
    kinds = Counter(s.scalars(select(m.Fund.kind)))
    assert kinds["pool"] >= 31 + 12 and kinds["se_ledger"] >= 1 and kinds["micro"] >= 2, kinds
    units = dict(s.execute(select(m.OrgUnit.id, m.OrgUnit.kind)).all())
    for kind, unit in s.execute(select(m.Fund.kind, m.Fund.unit_id)):
        assert units[unit] in ("community", "street") and (kind != "se_ledger" or units[unit] == "community")
    # one pool per community and per street, one social-enterprise ledger per community at most (as receive needs)
    per_unit = Counter(s.execute(select(m.Fund.kind, m.Fund.unit_id).where(m.Fund.kind.in_(["pool", "se_ledger"]))))
    assert max(per_unit.values()) == 1
    assert s.scalar(select(func.count()).select_from(m.Fund).where(
        m.Fund.kind == "se_ledger", m.Fund.partner_id.is_(None))) == 0
    members = defaultdict(lambda: defaultdict(list))
    for fid, role, name, paid in s.execute(select(m.FundMember.fund_id, m.FundMember.role, m.FundMember.name,
                                                  m.FundMember.paid)):
        members[fid][role].append(Member(name, paid) if role == "committee" else name)
    for fid, host in s.execute(select(m.Fund.id, m.Fund.host).where(m.Fund.kind == "micro")):
        L.check_micro_fund(host, members[fid]["committee"], members[fid]["supervisor"])
    charts = Counter(s.scalars(select(m.LedgerAccount.fund_id)))
    assert set(charts.values()) == {len(L.default_chart("pool"))}


def _feedback(s) -> None:
    r = m.FeedbackReceipt
    receipts = s.execute(select(r.amount_fen, r.pool_bp, r.pool_fen, r.se_fen, r.pool_txn_id, r.se_txn_id,
                                m.Agreement.pool_share_bp).join(m.Agreement, m.Agreement.id == r.agreement_id)).all()
    assert receipts
    for amount, bp, pool, se, pool_txn, se_txn, agreement_bp in receipts:
        assert (pool, se) == L.split(amount, bp) and bp == agreement_bp
        assert (pool_txn is not None) == (pool > 0) and (se_txn is not None) == (se > 0)
    moved = dict(s.execute(select(m.Posting.txn_id, m.Posting.amount_fen).join(
        m.LedgerAccount, m.LedgerAccount.id == m.Posting.account_id).where(m.LedgerAccount.code == L.BANK)).all())
    for _, _, pool, se, pool_txn, se_txn, _ in receipts[:500]:
        assert moved.get(pool_txn, 0) == pool and moved.get(se_txn, 0) == se
    kinds = dict(s.execute(select(m.Txn.id, m.Fund.kind).join(m.Fund, m.Fund.id == m.Txn.fund_id).where(
        m.Txn.kind == "feedback")).all())
    assert all(kinds[p] == "pool" for _, _, _, _, p, _, _ in receipts if p)
    assert all(kinds[x] == "se_ledger" for *_, x, _ in receipts if x)
    reports = s.execute(select(m.RevenueReport.revenue_fen, m.RevenueReport.share_bp, m.RevenueReport.due_fen,
                               m.RevenueReport.period, m.RevenueReport.due_on)).all()
    for revenue, bp, due, period, due_on in reports:
        assert due == L.share_half_up(revenue, bp) and due_on == L.period(period).end + timedelta(days=30)
        assert L.period(period).end < TODAY
    assert {len(p) for *_, p, _ in reports} == {7, 6}  # monthly and quarterly reports
    assert s.scalar(select(func.count()).select_from(r).where(r.reversed.is_(True))) > 0


def _donations(s) -> None:
    d = m.Donation
    rows = s.execute(select(d.fund_id, d.year, d.seq, d.receipt_no, d.anonymous, d.on_date, m.Fund.code, d.donor_kind)
                     .join(m.Fund, m.Fund.id == d.fund_id)).all()
    seqs = defaultdict(list)
    for fid, year, seq, no, _, on, code, _ in rows:
        seqs[(fid, year)].append(seq)
        assert no == f"{code}-{year}-{seq:05d}" and on.year == year and on <= TODAY
    for found in seqs.values():
        assert sorted(found) == list(range(1, len(found) + 1))
    by_date = sorted(rows, key=lambda r: (r[0], r[1], r[2]))
    assert all(a[5] <= b[5] for a, b in zip(by_date, by_date[1:], strict=False) if a[:2] == b[:2])
    assert any(r[4] for r in rows) and not all(r[4] for r in rows)
    assert {r[7] for r in rows} == {"person", "organisation"}


def _applications_every_state(s) -> None:
    apps = {a.id: a for a in s.scalars(select(m.Application))}
    states = Counter(a.state for a in apps.values())
    assert set(states) == {x.value for x in AppState}, states
    tiers = [applications._tier_of(t) for t in s.scalars(select(m.ApprovalTier))]
    assert tiers and tiers == applications.preset_tiers()
    kinds = dict(s.execute(select(m.Fund.id, m.Fund.kind)).all())
    steps = defaultdict(list)
    for x in s.scalars(select(m.ApprovalStep).order_by(m.ApprovalStep.round_no, m.ApprovalStep.seq)):
        steps[(x.application_id, x.round_no)].append(x)
    budget = defaultdict(int)
    for aid, fen in s.execute(select(m.BudgetLine.application_id, m.BudgetLine.amount_fen)):
        budget[aid] += fen
    resubmitted = 0
    for a in apps.values():
        assert budget[a.id] == a.amount_fen and a.category in demo_funds.CATEGORIES
        assert (a.state == "draft" and a.round_no == 0) or a.round_no >= 1 or a.state == "withdrawn"
        resubmitted += a.round_no >= 2
        tier = tier_for(tiers, a.fund_id, kinds[a.fund_id], a.amount_fen)
        for rnd in range(1, a.round_no + 1):
            taken = steps[(a.id, rnd)]
            assert [x.role for x in taken] == [x.role for x in tier.steps], (a.id, rnd)
            assert [x.seq for x in taken] == list(range(1, len(taken) + 1))
            acted = [x for x in taken if x.state not in ("pending", "skipped")]
            assert all(x.actor and x.actor != a.created_by and x.at for x in acted)
            assert len({x.actor for x in acted}) == len(acted)  # nobody twice in a round
            assert all(x.state == "approved" for x in acted[:-1])
            order = [x.state for x in taken]
            last_round = rnd == a.round_no
            if not last_round:
                assert acted[-1].state == "returned"
            elif a.state in ("approved", "superseded"):
                assert set(order) == {"approved"} and a.locked and a.approved_on == acted[-1].at.date()
            elif a.state in ("rejected", "returned"):
                assert acted[-1].state == a.state
                assert all(x == "skipped" for x in order[len(acted):]) and a.decided_at
            elif a.state in ("submitted", "in_approval"):
                assert order[len(acted):] and set(order[len(acted):]) == {"pending"}
                assert (a.state == "submitted") == (not acted)
            elif a.state == "withdrawn":
                assert not acted and set(order) == {"skipped"}
        if a.state in ("approved", "superseded"):
            assert a.locked
        else:
            assert not a.locked
        if a.version_no > 1:
            prev = apps[a.previous_version_id]
            assert a.root_id == prev.root_id == prev.id and prev.state in ("approved", "superseded")
            assert (prev.state == "superseded") == (a.state == "approved")
            assert a.amount_fen >= prev.amount_fen
    assert resubmitted > 0


def _disbursements(s) -> None:
    d, a = m.Disbursement, m.Application
    rows = s.execute(select(d.amount_fen, d.on_date, d.reversed, d.reversal_txn_id, a.state, a.approved_on, d.fund_id,
                            a.fund_id).join(a, a.id == d.application_id)).all()
    assert rows and any(r[2] for r in rows)
    for fen, on, reversed_, rev_txn, state, approved_on, fund, app_fund in rows:
        assert fen > 0 and approved_on <= on <= TODAY and state in ("approved", "superseded") and fund == app_fund
        assert (rev_txn is not None) == reversed_


def _reversals_and_closed_periods(s) -> None:
    rev = s.execute(select(m.Txn.reason, m.Txn.reverses_id, m.Txn.kind).where(m.Txn.reverses_id.is_not(None))).all()
    assert rev and all(reason and kind == "reversal" for reason, _, kind in rev)
    assert s.scalar(select(func.count()).select_from(m.Txn).where(m.Txn.kind == "reversal",
                                                                m.Txn.reverses_id.is_(None))) == 0
    closed = s.execute(select(m.ClosedPeriod.fund_id, m.ClosedPeriod.period, m.ClosedPeriod.end_date,
                              m.ClosedPeriod.closed_at)).all()
    assert {len(p) for _, p, _, _ in closed} == {6, 7}  # quarters and months
    assert all(end < at.date() <= TODAY for _, _, end, at in closed)
    per_fund = defaultdict(list)
    for fid, _, end, _ in closed:
        per_fund[fid].append(end)
    assert len(per_fund) == s.scalar(select(func.count()).select_from(m.Fund))


def _statements_balance(ws) -> None:
    with ws.read() as uow:
        s = uow.session
        funds = s.execute(select(m.Fund.id, m.Fund.kind).order_by(m.Fund.id)).all()
        first = s.scalar(select(func.min(m.Txn.on_date)))
    past = L.period(L.quarter_key(TODAY - timedelta(days=200)))
    assert past.start > first
    by_kind = {}
    for fid, kind in funds:
        by_kind.setdefault(kind, fid)
    for fid in by_kind.values():
        st = fund_statement.statement(ws, fid, past.key)
        assert st.opening + st.income_total - st.spending_total == st.closing and st.other == 0, st
        assert sum(x for _, x in st.income) == st.income_total and sum(x for _, x in st.spending) == st.spending_total
        money = {b.code: b.balance_fen for b in ledger.balances(ws, fid, past.end)}
        assert money[L.BANK] + money[L.CASH] + money[L.RECEIVABLE] - money[L.PAYABLE] == int(st.closing * 100)
    st = fund_statement.statement(ws, by_kind["pool"], past.key)
    assert st.income_total > 0 and st.spending_total > 0


def _services_read_the_demo(ws) -> None:
    overdue = feedback.overdue(ws, TODAY)
    assert overdue and all(r.outstanding_fen > 0 and r.days_overdue > 0 for r in overdue)
    pools = funds.list_funds(ws, kind="pool")
    assert pools and all(f.money_fen >= 0 for f in pools)
    assert len(ledger.ledger_lines(ws, pools[0].id, limit=5)) == 5
    recon = [r for f in funds.list_funds(ws) for r in ledger.reconciliation(ws, f.id, differences_only=False)]
    assert recon and {r.difference_fen for r in recon} <= {0, 1_000, -2_500}
