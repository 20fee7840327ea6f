"""Clerks paying against approved applications, and approvers approving, at the same moment (threads, one connection
each): the total paid never exceeds the approved amount nor the fund's balance, a repeated key pays once, and the
approvals never promise more than the fund holds. SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from partnerdesk.db import models as m
from partnerdesk.domain import ledger as L
from partnerdesk.domain.applications import Step, Tier
from partnerdesk.domain.errors import DomainError
from partnerdesk.domain.roles import Actor, Role
from partnerdesk.services import accounts, funds, ledger, maintenance, org
from partnerdesk.services import applications as ap
from tests.integration.test_partner_races import _clerks, _race

N = 6


def _at_last_step(ws, fund_id, community_id, amount, title):
    admin = ws.actor
    ws.actor = Actor(201, "clerk", Role.STAFF)
    a = ap.create_draft(ws, ap.ApplicationInput(fund_id, "community", "", title, "养老", amount, (("费用", amount),),
                                                applicant_id=community_id)).value
    a = ap.submit(ws, a.id, a.version).value
    ws.actor = Actor(202, "cw", Role.COMMUNITY_WORKER, frozenset({community_id}))
    a = ap.act(ws, a.id, a.version, "approve").value
    ws.actor = admin
    return a


def _approved(ws, fund_id, community_id, amount, title):
    admin = ws.actor
    a = _at_last_step(ws, fund_id, community_id, amount, title)
    ws.actor = Actor(203, "appr", Role.APPROVER)
    a = ap.act(ws, a.id, a.version, "approve").value
    ws.actor = admin
    assert a.state == "approved"
    return a


@pytest.fixture
def setup(ws):
    ws.clock = lambda: datetime(2026, 8, 10, 9, 0)
    st = org.add_unit(ws, "street", org.office(ws).district_id, "拨付街道").value
    c = org.add_unit(ws, "community", st.id, "拨付社区").value
    f = funds.create(ws, funds.FundInput("PAY", "拨付基金池", "pool", c.id)).value
    acc = {a.code: a.id for a in funds.accounts(ws, f.id)}
    ledger.post(ws, f.id, date(2026, 7, 1), [L.Line.debit(acc[L.BANK], 1000),
                                             L.Line.credit(acc[L.FEEDBACK_INCOME], 1000)], "到账", "seed")
    ap.set_use_rule(ws, f.id, ["养老"], [])
    ap.set_tiers(ws, [Tier(1, None, (Step("community_worker"), Step("approver")), name="全部")])
    return f, c, acc


@pytest.mark.timeout(120)
def test_concurrent_payments_never_exceed_the_approved_amount(ws, db_target, setup):
    f, c, acc = setup
    a = _approved(ws, f.id, c.id, 700, "助餐")  # approved 700 of the 1,000 fen held
    clerks = _clerks(db_target, N)
    results = _race([lambda w=w, i=i: ap.disburse(w, a.id, 300, date(2026, 8, 11), "食堂", f"p-{i}")
                     for i, w in enumerate(clerks)])
    ok = [r for r in results if not isinstance(r, DomainError)]
    refused = [r for r in results if isinstance(r, DomainError)]
    assert len(ok) == 2, results  # 2 × 300 ≤ 700 < 3 × 300
    assert {e.code for e in refused} == {"disbursement.over_approved"}
    assert ap.get(ws, a.id).disbursed_fen == 600
    assert ledger.account_balance(ws, acc[L.BANK]) == 400
    for w in clerks:
        w.close()
    assert maintenance.check(ws).ok


@pytest.mark.timeout(120)
def test_concurrent_payments_on_several_applications_never_overdraw(ws, db_target, setup):
    f, c, acc = setup
    seed = ledger.post(ws, f.id, date(2026, 7, 2), [L.Line.debit(acc[L.BANK], 1400),
                                                    L.Line.credit(acc[L.FEEDBACK_INCOME], 1400)], "到账", "seed-2").value
    apps = [_approved(ws, f.id, c.id, 400, f"项目{i}") for i in range(N)]  # 6 × 400 approved, 2,400 held
    # the money of seed-2 was booked in error: its reversal (never refused for a promise) leaves 1,000 fen
    ledger.reverse(ws, seed.id, "误记", "undo-seed-2", date(2026, 8, 10))
    clerks = _clerks(db_target, N)
    results = _race([lambda w=w, a=a: ap.disburse(w, a.id, 400, date(2026, 8, 11), "收款方", f"q-{a.id}")
                     for w, a in zip(clerks, apps, strict=True)])
    ok = [r for r in results if not isinstance(r, DomainError)]
    assert len(ok) == 2, results
    assert {e.code for e in results if isinstance(e, DomainError)} == {"ledger.overdrawn"}
    assert ledger.account_balance(ws, acc[L.BANK]) == 200
    for w in clerks:
        w.close()
    assert maintenance.check(ws).ok


@pytest.mark.timeout(120)
def test_concurrent_approvals_never_promise_more_than_the_fund_holds(ws, db_target, setup):
    f, c, acc = setup
    accounts.add_user(ws, "appr-x", "approver", "approve-pass-1")
    apps = [_at_last_step(ws, f.id, c.id, 400, f"项目{i}") for i in range(N)]  # 6 × 400 asked, 1,000 held
    approvers = _clerks(db_target, N, "appr-x", "approve-pass-1")
    results = _race([lambda w=w, a=a: ap.act(w, a.id, a.version, "approve")
                     for w, a in zip(approvers, apps, strict=True)])
    ok = [r for r in results if not isinstance(r, DomainError)]
    assert len(ok) == 2, results  # 2 × 400 ≤ 1,000 < 3 × 400
    assert {e.code for e in results if isinstance(e, DomainError)} == {"application.over_available"}
    assert sorted(ap.get(ws, a.id).state for a in apps) == ["approved"] * 2 + ["in_approval"] * 4
    assert (ap.fund_position(ws, f.id).committed_fen, ap.fund_position(ws, f.id).available_fen) == (800, 200)
    for w in approvers:
        w.close()
    assert maintenance.check(ws).ok


@pytest.mark.timeout(120)
def test_same_key_pays_once(ws, db_target, setup):
    f, c, acc = setup
    a = _approved(ws, f.id, c.id, 700, "助餐")
    clerks = _clerks(db_target, N)
    results = _race([lambda w=w: ap.disburse(w, a.id, 500, date(2026, 8, 11), "食堂", "once") for w in clerks])
    assert not [r for r in results if isinstance(r, DomainError)], results
    assert len({r.value.id for r in results}) == 1 and sum(not r.value.replayed for r in results) == 1
    for w in clerks:
        w.close()
    with ws.read() as uow:
        assert uow.session.scalar(select(func.count()).select_from(m.Disbursement)) == 1
    assert ledger.account_balance(ws, acc[L.BANK]) == 500
    assert maintenance.check(ws).ok


@pytest.mark.timeout(120)
def test_an_approval_and_ordinary_spending_at_once_never_leave_the_promise_unfunded(ws, db_target, setup):
    """1,000 fen held: three approvers approve 600 while three clerks spend 600 on other things (专款专用). Whatever
    the order, what is spent and what is promised together never exceed what the fund held."""
    f, c, acc = setup
    accounts.add_user(ws, "appr-y", "approver", "approve-pass-1")
    apps = [_at_last_step(ws, f.id, c.id, 600, f"项目{i}") for i in range(3)]
    approvers = _clerks(db_target, 3, "appr-y", "approve-pass-1")
    clerks = _clerks(db_target, 3)
    spend = [L.Line.debit(acc[L.ADMIN_SPENDING], 600), L.Line.credit(acc[L.BANK], 600)]
    results = _race([*(lambda w=w, a=a: ap.act(w, a.id, a.version, "approve")
                       for w, a in zip(approvers, apps, strict=True)),
                     *(lambda w=w, i=i: ledger.post(w, f.id, date(2026, 8, 11), spend, "其他支出", f"s-{i}")
                       for i, w in enumerate(clerks))])
    done = [r for r in results if not isinstance(r, DomainError)]
    assert len(done) == 1, results  # the first to take the fund's lock; the others find 400 fen left
    assert {e.code for e in results if isinstance(e, DomainError)} <= {"application.over_available",
                                                                      "ledger.uses_promised", "ledger.overdrawn"}
    position = ap.fund_position(ws, f.id)
    assert position.bank_fen >= position.committed_fen and position.bank_fen in (400, 1000)
    assert position.bank_fen - position.committed_fen == 400
    for w in [*approvers, *clerks]:
        w.close()
    assert maintenance.check(ws).ok
