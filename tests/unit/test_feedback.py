"""Revenue feedback: amount due, receipts split between the pool and the social-enterprise ledger, overdue list."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from partnerdesk.domain import ledger as L
from partnerdesk.domain.errors import DomainError
from partnerdesk.services import accounts, agreements, feedback, funds, ledger, maintenance, org, spaces
from tests.unit.test_agreements_service import _filed_partner, _sign, _terms

D = date


def err(fn, *args, **kw) -> DomainError:
    with pytest.raises(DomainError) as exc:
        fn(*args, **kw)
    return exc.value


@pytest.fixture
def fb(ws):
    ws.clock = lambda: datetime(2026, 11, 21, 9, 0)
    st = org.add_unit(ws, "street", org.office(ws).district_id, "反哺街道").value
    c = org.add_unit(ws, "community", st.id, "反哺社区").value
    accounts.add_user(ws, "appr", "approver", "approve-pass-1")
    room = spaces.save(ws, spaces.SpaceInput(c.id, "共享厨房", 6000)).value
    shop, se = _filed_partner(ws, c, 41), _filed_partner(ws, c, 42)
    a = _sign(ws, agreements.create(ws, _terms(shop, room, mode="revenue_share", revenue_share_bp=350)).value)
    pool = funds.create(ws, funds.FundInput("POOL-FB", "反哺社区基金池", "pool", c.id)).value
    se_fund = funds.create(ws, funds.FundInput("SE-FB", "社区社会企业代管账套", "se_ledger", c.id, partner_id=se.id)).value
    return {"c": c, "a": a, "pool": pool, "se": se_fund, "room": room, "shop": shop}


def bank(ws, fund_id):
    return next(b.balance_fen for b in ledger.balances(ws, fund_id) if b.code == L.BANK)


def test_due_is_revenue_times_rate_half_up(ws, fb):
    r = feedback.record_report(ws, fb["a"].id, "2026Q1", 1_234_567).value  # 12,345.67 yuan at 3.5 %
    assert (r.due_fen, r.share_bp, r.due_on) == (43210, 350, D(2026, 4, 30))
    assert err(feedback.record_report, ws, fb["a"].id, "2026Q1", 1).code == "feedback.report_exists"
    assert err(feedback.record_report, ws, fb["a"].id, "2026Q5", 1).code == "ledger.bad_period"
    assert err(feedback.record_report, ws, fb["a"].id, "2026Q2", 12.5).code == "money.float_refused"
    assert [x.period for x in feedback.reports(ws, fb["a"].id)] == ["2026Q1"]


def test_agreement_without_rule_or_unsigned_refused(ws, fb):
    other = agreements.create(ws, _terms(fb["shop"], fb["room"], D(2027, 1, 1), D(2027, 12, 31), mode="revenue_share",
                                         revenue_share_bp=500)).value
    assert err(feedback.record_report, ws, other.id, "2027-01", 100).code == "feedback.not_signed"
    room2 = spaces.save(ws, spaces.SpaceInput(fb["c"].id, "二楼", 3000)).value
    free = _sign(ws, agreements.create(ws, _terms(fb["shop"], room2)).value)
    assert err(feedback.receive, ws, free.id, 100, D(2026, 4, 1), "k").code == "feedback.no_rule"


@pytest.mark.parametrize("amount, pool, se", [(43210, 4321, 38889), (5, 1, 4), (15, 2, 13), (1, 0, 1), (10, 1, 9)])
def test_receipt_split_ten_percent_half_up(ws, fb, amount, pool, se):
    r = feedback.receive(ws, fb["a"].id, amount, D(2026, 5, 10), "fb-1").value
    assert (r.pool_fen, r.se_fen, r.pool_bp) == (pool, se, 1000)
    assert r.pool_fen + r.se_fen == amount
    assert bank(ws, fb["pool"].id) == pool and bank(ws, fb["se"].id) == se
    assert (r.pool_txn_id is None) == (pool == 0)
    again = feedback.receive(ws, fb["a"].id, amount, D(2026, 5, 10), "fb-1").value
    assert again.replayed and again.id == r.id
    assert bank(ws, fb["pool"].id) == pool, "a retry posts nothing"
    assert maintenance.check(ws).ok


def test_receipt_rolls_back_whole_when_a_fund_is_missing(ws, fb):
    room2 = spaces.save(ws, spaces.SpaceInput(fb["c"].id, "三楼", 3000)).value
    other_c = org.add_unit(ws, "community", org.office(ws).street_id, "无基金社区").value
    room3 = spaces.save(ws, spaces.SpaceInput(other_c.id, "门面", 3000)).value
    p = _filed_partner(ws, other_c, 43)
    a = _sign(ws, agreements.create(ws, _terms(p, room3, mode="revenue_share", revenue_share_bp=500)).value)
    assert err(feedback.receive, ws, a.id, 1000, D(2026, 5, 1), "x-1").code == "feedback.no_fund"
    assert feedback.receipts(ws, a.id) == []
    # naming the funds explicitly works across communities
    r = feedback.receive(ws, a.id, 1000, D(2026, 5, 1), "x-2", pool_fund_id=fb["pool"].id,
                         se_fund_id=fb["se"].id).value
    assert (r.pool_fen, r.se_fen) == (100, 900)
    assert err(feedback.receive, ws, a.id, 1000, D(2026, 5, 1), "x-3", pool_fund_id=fb["se"].id).code == \
        "feedback.wrong_fund"
    assert room2  # the spare room is unused


def test_pool_of_the_street_when_the_community_has_none(ws, fb):
    st_pool = funds.create(ws, funds.FundInput("POOL-ST", "街道基金池", "pool", org.office(ws).street_id)).value
    other_c = org.add_unit(ws, "community", org.office(ws).street_id, "街道下社区").value
    room = spaces.save(ws, spaces.SpaceInput(other_c.id, "门面", 3000)).value
    p = _filed_partner(ws, other_c, 44)
    a = _sign(ws, agreements.create(ws, _terms(p, room, mode="revenue_share", revenue_share_bp=500,
                                               pool_share_bp=10_000)).value)
    r = feedback.receive(ws, a.id, 777, D(2026, 5, 1), "st-1").value  # all to the pool: no SE ledger needed
    assert (r.pool_fen, r.se_fen, r.se_txn_id) == (777, 0, None)
    assert bank(ws, st_pool.id) == 777


def test_overdue_list_and_reversed_receipts(ws, fb):
    aid = fb["a"].id
    feedback.record_report(ws, aid, "2026Q1", 100_000)  # due 3,500 fen on 2026-04-30
    feedback.record_report(ws, aid, "2026Q2", 200_000)  # due 7,000 fen on 2026-07-30
    feedback.record_report(ws, aid, "2026Q3", 100_000)  # due 3,500 fen on 2026-10-30
    feedback.receive(ws, aid, 3500, D(2026, 4, 20), "o-1")
    late = feedback.receive(ws, aid, 2000, D(2026, 8, 5), "o-2").value
    rows = feedback.overdue(ws, D(2026, 11, 21))
    assert len(rows) == 1
    o = rows[0]
    assert (o.due_fen, o.received_fen, o.outstanding_fen, o.oldest_period) == (14000, 5500, 8500, "2026Q2")
    assert (o.due_on, o.days_overdue, o.partner_name) == (D(2026, 7, 30), 114, fb["shop"].name)
    assert feedback.overdue(ws, D(2026, 6, 1)) == []  # Q1 was paid in time, Q2 not due yet
    feedback.reverse_receipt(ws, late.id, "银行退票", "o-2-rv", D(2026, 8, 6))
    assert feedback.reverse_receipt(ws, late.id, "银行退票", "o-2-rv", D(2026, 8, 6)).value.replayed
    assert err(feedback.reverse_receipt, ws, late.id, "再冲", "o-2-rv2").code == "ledger.already_reversed"
    assert feedback.overdue(ws, D(2026, 11, 21))[0].outstanding_fen == 10500
    assert err(ledger.reverse, ws, late.pool_txn_id, "单边冲销", "o-x").code == "ledger.reverse_via_source"
    assert bank(ws, fb["pool"].id) == 350 and bank(ws, fb["se"].id) == 3150
    assert maintenance.check(ws).ok
