"""Donations: gap-free receipt numbers per fund and year, idempotent recording, anonymous donors masked."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from partnerdesk.domain import ledger as L
from partnerdesk.domain.errors import DomainError
from partnerdesk.services import donations, funds, ledger, maintenance, org
from tests.helpers.dbstate import state

D = date


@pytest.fixture
def dn(ws):
    ws.clock = lambda: datetime(2026, 11, 21, 9, 0)
    st = org.add_unit(ws, "street", org.office(ws).district_id, "捐赠街道").value
    c = org.add_unit(ws, "community", st.id, "捐赠社区").value
    committee = tuple(L.Member(f"委员{i}") for i in range(5))
    micro = funds.create(ws, funds.FundInput("WJJ1", "邻里微基金", "micro", c.id, host="区慈善总会",
                                             committee=committee, supervisors=("监事",))).value
    pool = funds.create(ws, funds.FundInput("POOL-D", "捐赠社区基金池", "pool", c.id)).value
    return {"micro": micro, "pool": pool}


def gift(donor, fen, on, anonymous=False, kind="person"):
    return donations.DonationInput(donor, kind, fen, on, "助老送餐", anonymous)


def test_receipt_numbers_gap_free_per_fund_and_year(ws, dn):
    m_, p_ = dn["micro"].id, dn["pool"].id
    a = donations.record(ws, m_, gift("张三", 10_000, D(2026, 3, 1)), "d-1").value
    b = donations.record(ws, m_, gift("某某公司", 50_000, D(2026, 3, 2), kind="organisation"), "d-2").value
    c = donations.record(ws, p_, gift("李四", 2_000, D(2026, 3, 2)), "d-3").value
    d = donations.record(ws, m_, gift("王五", 3_000, D(2027, 1, 2)), "d-4").value
    assert [a.receipt_no, b.receipt_no, c.receipt_no, d.receipt_no] == [
        "WJJ1-2026-00001", "WJJ1-2026-00002", "POOL-D-2026-00001", "WJJ1-2027-00001"]
    # a refused donation does not use up a number
    before = state(ws)
    with pytest.raises(DomainError) as exc:
        donations.record(ws, m_, gift(" ", 100, D(2026, 3, 3)), "d-5")
    assert exc.value.code == "donation.donor_required"
    with pytest.raises(DomainError) as exc:
        ledger.close_period(ws, m_, "2026-03")
        donations.record(ws, m_, gift("赵六", 100, D(2026, 3, 3)), "d-6")
    assert exc.value.code == "ledger.period_closed"
    e = donations.record(ws, m_, gift("赵六", 100, D(2026, 4, 3)), "d-7").value
    assert e.receipt_no == "WJJ1-2026-00003"
    assert state(ws) != before
    assert next(x.balance_fen for x in ledger.balances(ws, m_) if x.code == L.DONATION_INCOME) == 63_100
    assert maintenance.check(ws).ok


def test_retry_records_once(ws, dn):
    first = donations.record(ws, dn["pool"].id, gift("张三", 10_000, D(2026, 3, 1)), "same").value
    again = donations.record(ws, dn["pool"].id, gift("张三", 10_000, D(2026, 3, 1)), "same").value
    assert again.replayed and again.receipt_no == first.receipt_no
    assert len(donations.list_donations(ws, dn["pool"].id)) == 1
    with pytest.raises(DomainError) as exc:
        donations.record(ws, dn["pool"].id, gift("张三", 99, D(2026, 3, 1)), "same")
    assert exc.value.code == "ledger.key_reused"


def test_publication_masks_anonymous_and_leaves_out_reversed(ws, dn):
    f = dn["micro"].id
    donations.record(ws, f, gift("张三", 10_000, D(2026, 3, 1), anonymous=True), "p-1")
    wrong = donations.record(ws, f, gift("李四", 20_000, D(2026, 3, 2)), "p-2").value
    donations.record(ws, f, gift("王五", 30_000, D(2026, 4, 2)), "p-3")
    ledger.reverse(ws, wrong.txn_id, "重复登记", "p-2-rv", D(2026, 3, 5))
    shown = donations.publication(ws, f, D(2026, 3, 1), D(2026, 3, 31))
    assert [(x.receipt_no, x.donor, x.amount_fen) for x in shown] == [("WJJ1-2026-00001", "匿名", 10_000)]
    office = donations.list_donations(ws, f)
    assert [(x.donor, x.anonymous, x.reversed) for x in office] == [("张三", True, False), ("李四", False, True),
                                                                     ("王五", False, False)]
    assert "张三" not in ledger.get_txn(ws, office[0].txn_id).memo


@pytest.mark.parametrize("bad, code", [(gift("张三", 0, D(2026, 3, 1)), "ledger.negative_amount"),
                                       (gift("张三", 1.5, D(2026, 3, 1)), "money.float_refused"),
                                       (gift("张三", 100, D(2026, 3, 1), kind="robot"), "donation.bad_kind")])
def test_bad_donations_refused(ws, dn, bad, code):
    with pytest.raises(DomainError) as exc:
        donations.record(ws, dn["pool"].id, bad, "bad")
    assert exc.value.code == code
