"""Funds and their ledgers through the services, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerdesk.domain import ledger as L
from partnerdesk.domain.errors import DomainError
from partnerdesk.domain.ledger import Line, Member
from partnerdesk.services import accounts, audit_queries, funds, ledger, maintenance, org
from tests.helpers.dbstate import state

D = date
NOW = datetime(2026, 11, 21, 10, 0)


def err(fn, *args, **kw) -> DomainError:
    with pytest.raises(DomainError) as exc:
        fn(*args, **kw)
    return exc.value


@pytest.fixture
def fx(ws):
    ws.clock = lambda: NOW
    st_ = org.add_unit(ws, "street", org.office(ws).district_id, "基金街道").value
    c = org.add_unit(ws, "community", st_.id, "基金社区").value
    other = org.add_unit(ws, "community", st_.id, "别的社区").value
    pool = funds.create(ws, funds.FundInput("POOL1", "基金社区社区基金池", "pool", c.id)).value
    acc = {a.code: a.id for a in funds.accounts(ws, pool.id)}
    return {"street": st_, "c": c, "other": other, "pool": pool, "acc": acc}


def receipt(fx, fen, key, on=D(2026, 7, 1)):
    a = fx["acc"]
    return [Line.debit(a[L.BANK], fen), Line.credit(a[L.FEEDBACK_INCOME], fen)], key, on


def spend(fx, fen):
    a = fx["acc"]
    return [Line.debit(a[L.PROJECT_SPENDING], fen), Line.credit(a[L.BANK], fen)]


def test_fund_setup_with_default_chart_and_micro_fund_rules(ws, fx):
    pool = fx["pool"]
    assert (pool.kind, pool.unit_name, pool.money_fen) == ("pool", "基金社区", 0)
    chart = funds.accounts(ws, pool.id)
    assert [a.code for a in chart] == sorted(a.code for a in L.default_chart("pool"))
    committee = tuple(Member(f"委员{i}") for i in range(5))
    micro = funds.create(ws, funds.FundInput("MICRO1", "幸福微基金", "micro", fx["c"].id, host="区慈善总会",
                                             committee=committee, supervisors=("监事甲",))).value
    assert micro.committee == tuple(f"委员{i}" for i in range(5)) and micro.supervisors == ("监事甲",)
    before = state(ws)
    e = err(funds.create, ws, funds.FundInput("MICRO2", "微基金", "micro", fx["c"].id, host="区慈善总会",
                                              committee=committee[:4], supervisors=("监事",)))
    assert e.code == "fund.committee_too_small"
    assert err(funds.create, ws, funds.FundInput("POOL1", "重复", "pool", fx["c"].id)).code == "fund.code_taken"
    assert err(funds.create, ws, funds.FundInput("SE1", "代管", "se_ledger", fx["c"].id)).code == \
        "fund.enterprise_required"
    assert err(funds.create, ws, funds.FundInput("X", "x", "bank", fx["c"].id)).code == "fund.bad_kind"
    assert state(ws) == before, "a refused set-up writes nothing"
    assert {f.code for f in funds.list_funds(ws)} == {"POOL1", "MICRO1"}
    assert funds.find(ws, "MICRO1").id == micro.id and funds.find(ws, str(pool.id)).code == "POOL1"


def test_post_balances_and_is_idempotent(ws, fx):
    lines, key, on = receipt(fx, 123_45, "k-1")
    first = ledger.post(ws, fx["pool"].id, on, lines, "七月反哺", key).value
    assert not first.replayed and first.total_fen == 12345
    again = ledger.post(ws, fx["pool"].id, on, lines, "七月反哺", key).value  # a double click / retry
    assert again.replayed and again.id == first.id
    assert funds.get(ws, fx["pool"].id).money_fen == 12345
    assert err(ledger.post, ws, fx["pool"].id, on, receipt(fx, 1, "x")[0], "别的", key).code == "ledger.key_reused"
    a = fx["acc"]
    bad = [Line.debit(a[L.BANK], 100), Line.credit(a[L.FEEDBACK_INCOME], 99)]
    assert err(ledger.post, ws, fx["pool"].id, on, bad, "不平", "k-2").code == "ledger.unbalanced"
    assert err(ledger.post, ws, fx["pool"].id, on, lines, "", "").code == "ledger.key_required"
    assert len(ledger.ledger_lines(ws, fx["pool"].id)) == 2
    assert maintenance.check(ws).ok


def test_accounts_of_another_fund_refused(ws, fx):
    other = funds.create(ws, funds.FundInput("POOL2", "别的基金池", "pool", fx["other"].id)).value
    theirs = {a.code: a.id for a in funds.accounts(ws, other.id)}
    lines = [Line.debit(theirs[L.BANK], 100), Line.credit(fx["acc"][L.FEEDBACK_INCOME], 100)]
    assert err(ledger.post, ws, fx["pool"].id, D(2026, 7, 1), lines, "串户", "k").code == "ledger.foreign_account"


def test_no_overdraft_even_when_backdated(ws, fx):
    pool = fx["pool"].id
    ledger.post(ws, pool, D(2026, 7, 10), receipt(fx, 1000, "")[0], "收入", "in-1")
    before = state(ws)
    e = err(ledger.post, ws, pool, D(2026, 7, 12), spend(fx, 1001), "超支", "out-1")
    assert (e.code, e.params["short"]) == ("ledger.overdrawn", 1)
    # a spend dated before the money arrived would overdraw the bank on that day
    assert err(ledger.post, ws, pool, D(2026, 7, 5), spend(fx, 500), "提前支出", "out-2").code == "ledger.overdrawn"
    assert state(ws) == before
    ledger.post(ws, pool, D(2026, 7, 12), spend(fx, 1000), "全部支出", "out-3")
    bank = fx["acc"][L.BANK]
    assert ledger.account_balance(ws, bank) == 0
    assert ledger.account_balance(ws, bank, D(2026, 7, 11)) == 1000
    # a receipt arriving later does not make an earlier spend legal
    ledger.post(ws, pool, D(2026, 8, 1), receipt(fx, 5000, "")[0], "八月收入", "in-2")
    assert err(ledger.post, ws, pool, D(2026, 7, 20), spend(fx, 1), "补记", "out-4").code == "ledger.overdrawn"
    ledger.post(ws, pool, D(2026, 8, 2), spend(fx, 5000), "八月支出", "out-5")


def test_reversal_cancels_and_is_never_an_edit(ws, fx):
    pool = fx["pool"].id
    lines, key, on = receipt(fx, 880, "r-1")
    t = ledger.post(ws, pool, on, lines, "录错了", key).value
    assert err(ledger.reverse, ws, t.id, " ", "rv-1").code == "ledger.reason_required"
    rv = ledger.reverse(ws, t.id, "金额录错", "rv-1", D(2026, 7, 3)).value
    assert rv.reverses_id == t.id and rv.kind == "reversal" and rv.total_fen == 880
    assert [(x.debit_fen, x.credit_fen) for x in rv.lines] == [(x.credit_fen, x.debit_fen) for x in t.lines]
    assert ledger.reverse(ws, t.id, "金额录错", "rv-1", D(2026, 7, 3)).value.replayed
    assert err(ledger.reverse, ws, t.id, "再冲一次", "rv-2", D(2026, 7, 3)).code == "ledger.already_reversed"
    assert err(ledger.reverse, ws, rv.id, "冲销的冲销", "rv-3", D(2026, 7, 3)).code == "ledger.reverse_reversal"
    assert all(b.balance_fen == 0 for b in ledger.balances(ws, pool))
    t2 = ledger.post(ws, pool, D(2026, 7, 5), receipt(fx, 10, "")[0], "x", "r-2").value
    e = err(ledger.reverse, ws, t2.id, "日期早于原凭证", "rv-4", D(2026, 7, 4))
    assert e.code == "ledger.reversal_before_original"


def test_reversing_a_receipt_already_spent_would_overdraw(ws, fx):
    pool = fx["pool"].id
    t = ledger.post(ws, pool, D(2026, 7, 1), receipt(fx, 300, "")[0], "收入", "s-1").value
    ledger.post(ws, pool, D(2026, 7, 2), spend(fx, 300), "支出", "s-2")
    assert err(ledger.reverse, ws, t.id, "退回", "s-3", D(2026, 7, 3)).code == "ledger.overdrawn"


def test_closed_periods(ws, fx):
    pool = fx["pool"].id
    t = ledger.post(ws, pool, D(2026, 7, 15), receipt(fx, 500, "")[0], "七月", "c-1").value
    assert err(ledger.close_period, ws, pool, "2026-11").code == "ledger.period_not_over"
    assert ledger.close_period(ws, pool, "2026Q3", "三季度结账").value == "2026Q3"
    assert err(ledger.close_period, ws, pool, "2026-08").code == "ledger.already_closed"
    e = err(ledger.post, ws, pool, D(2026, 9, 30), receipt(fx, 1, "c-2")[0], "补记", "c-2")
    assert (e.code, e.params["through"]) == ("ledger.period_closed", "2026-09-30")
    assert ledger.post(ws, pool, D(2026, 7, 15), receipt(fx, 500, "")[0], "七月", "c-1").value.replayed
    # a mistake in a closed period is reversed in an open one
    assert err(ledger.reverse, ws, t.id, "错账", "c-3", D(2026, 9, 1)).code == "ledger.period_closed"
    ledger.reverse(ws, t.id, "错账", "c-3", D(2026, 10, 8))
    assert ledger.closed_periods(ws, pool) == [("2026Q3", D(2026, 9, 30), "admin")]
    assert maintenance.check(ws).ok


def test_reopen_the_latest_closed_period_with_a_reason(ws, fx):
    pool = fx["pool"].id
    ledger.post(ws, pool, D(2026, 7, 15), receipt(fx, 500, "")[0], "七月", "r-1")
    ledger.close_period(ws, pool, "2026-07")
    ledger.close_period(ws, pool, "2026-08", "八月结账")
    before = state(ws)
    assert err(ledger.reopen_period, ws, pool, "2026-07", "漏记").params == {"latest": "2026-08"}
    assert err(ledger.reopen_period, ws, pool, "2026-09", "漏记").code == "ledger.not_closed"
    assert err(ledger.reopen_period, ws, pool, "2026-08", "  ").code == "ledger.reopen_reason_required"
    assert err(ledger.reopen_period, ws, pool, "2026", "漏记").code == "ledger.bad_period"
    assert state(ws) == before, "a refused reopening changes nothing"
    assert ledger.reopen_period(ws, pool, "2026-08", "八月漏记一笔反哺").value == "2026-08"
    assert ledger.closed_periods(ws, pool) == [("2026-07", D(2026, 7, 31), "admin")]
    ledger.post(ws, pool, D(2026, 8, 20), receipt(fx, 200, "")[0], "八月补记", "r-2")  # open again
    assert err(ledger.post, ws, pool, D(2026, 7, 31), receipt(fx, 1, "")[0], "七月", "r-3").code == \
        "ledger.period_closed"  # the month before stays closed
    ledger.close_period(ws, pool, "2026-08", "更正后重新结账")
    entry = next(e for e in audit_queries.list_entries(ws) if e.action == "ledger.reopen_period")
    before, after = json.loads(entry.before), json.loads(entry.after)
    assert (before["period"], before["note"], after["reason"], after["closed_through"]) == \
        ("2026-08", "八月结账", "八月漏记一笔反哺", "2026-07-31")
    assert maintenance.check(ws).ok


def test_reopening_needs_an_approver_and_no_published_disclosure(ws, fx):
    from partnerdesk.services import documents

    pool = fx["pool"].id
    ledger.post(ws, pool, D(2026, 9, 5), receipt(fx, 800, "")[0], "九月", "d-1")
    ledger.close_period(ws, pool, "2026Q3")
    accounts.add_user(ws, "clerk", "staff", "staff-pass-1")
    accounts.login(ws, "clerk", "staff-pass-1")
    assert err(ledger.reopen_period, ws, pool, "2026Q3", "更正").code == "auth.forbidden"
    accounts.login(ws, "admin", "admin-pass-1")
    closed_id = documents.record_ids(ws, "fund_disclosure")[-1]
    doc = documents.issue(ws, "fund_disclosure", closed_id).value
    before = state(ws)
    e = err(ledger.reopen_period, ws, pool, "2026Q3", "更正")
    assert (e.code, e.params["serial"]) == ("ledger.disclosed", doc.serial)
    assert state(ws) == before


def test_balance_assertions_and_reconciliation(ws, fx):
    pool, bank = fx["pool"].id, fx["acc"][L.BANK]
    ledger.post(ws, pool, D(2026, 7, 1), receipt(fx, 10_000, "")[0], "收入", "b-1")
    ok = ledger.assert_balance(ws, bank, D(2026, 7, 31), 10_000, "七月对账单").value
    assert ok.difference_fen == 0
    off = ledger.assert_balance(ws, bank, D(2026, 6, 30), 50, "六月对账单").value
    assert (off.actual_fen, off.difference_fen) == (0, -50)
    assert [r.assertion_id for r in ledger.reconciliation(ws, pool)] == [off.assertion_id]
    assert len(ledger.reconciliation(ws, pool, differences_only=False)) == 2
    assert err(ledger.assert_balance, ws, bank, D(2026, 7, 31), 1.5).code == "money.float_refused"


def test_roles_and_community_scope(ws, fx):
    pool = fx["pool"].id
    accounts.add_user(ws, "aud", "auditor", "auditor-pass-1")
    accounts.add_user(ws, "cw", "community_worker", "worker-pass-1", community_ids=(fx["c"].id,))
    accounts.add_user(ws, "cw2", "community_worker", "worker-pass-2", community_ids=(fx["other"].id,))
    accounts.add_user(ws, "clerk", "staff", "staff-pass-1")
    lines, key, on = receipt(fx, 100, "p-1")
    accounts.login(ws, "clerk", "staff-pass-1")
    ledger.post(ws, pool, on, lines, "经办人记账", key)
    assert err(ledger.close_period, ws, pool, "2026-07").code == "auth.forbidden"  # closing needs an approver
    for user, pw in (("aud", "auditor-pass-1"), ("cw", "worker-pass-1")):
        accounts.login(ws, user, pw)
        before = state(ws)
        assert err(ledger.post, ws, pool, on, lines, "x", "p-2").code == "auth.forbidden"
        assert state(ws) == before
        assert ledger.account_balance(ws, fx["acc"][L.BANK]) == 100  # they read
    accounts.login(ws, "cw2", "worker-pass-2")
    assert funds.list_funds(ws) == []
    assert err(ledger.balances, ws, pool).code == "auth.forbidden"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["in", "out", "reverse", "close"]), st.integers(1, 5000),
                          st.integers(0, 120)), min_size=1, max_size=12))
def test_random_sequences_keep_every_invariant(ws, fx, ops):
    """Receipts, spending, reversals and period closes in any order: refused or done, the invariants hold."""
    pool, run = fx["pool"].id, next(_runs)
    posted: list[int] = []
    for i, (op, fen, day) in enumerate(ops):
        on, key = D(2026, 1, 1).fromordinal(D(2026, 1, 1).toordinal() + day), f"seq{run}-{i}"
        try:
            if op == "in":
                posted.append(ledger.post(ws, pool, on, receipt(fx, fen, key)[0], "收", key).value.id)
            elif op == "out":
                posted.append(ledger.post(ws, pool, on, spend(fx, fen), "支", key).value.id)
            elif op == "reverse" and posted:
                ledger.reverse(ws, posted[fen % len(posted)], "随机冲销", key, NOW.date())
            elif op == "close":
                ledger.close_period(ws, pool, L.month_key(on))
        except DomainError as e:
            assert e.code in {"ledger.overdrawn", "ledger.period_closed", "ledger.already_closed",
                              "ledger.already_reversed", "ledger.reverse_reversal"}, e
    report = maintenance.check(ws)
    assert report.ok, [r for r in report.results if not r.ok]
    assert all(b.balance_fen >= 0 for b in ledger.balances(ws, pool) if not b.may_go_negative)


_runs = iter(range(10**9))


def test_fund_statement_per_quarter(ws, fx):
    from decimal import Decimal

    from partnerdesk.services import fund_statement

    pool, a = fx["pool"].id, fx["acc"]
    ledger.post(ws, pool, D(2026, 6, 30), receipt(fx, 50_000, "")[0], "二季度反哺", "st-0")
    ledger.post(ws, pool, D(2026, 7, 3), receipt(fx, 12_345, "")[0], "七月反哺", "st-1")
    ledger.post(ws, pool, D(2026, 8, 3), [Line.debit(a[L.BANK], 1_000), Line.credit(a[L.DONATION_INCOME], 1_000)],
                "捐赠", "st-2")
    ledger.post(ws, pool, D(2026, 8, 9), spend(fx, 20_000), "助餐", "st-3", project="长者助餐")
    ledger.post(ws, pool, D(2026, 9, 9), spend(fx, 5), "杂项", "st-4")
    ledger.post(ws, pool, D(2026, 10, 1), spend(fx, 1), "下季度", "st-5", project="长者助餐")
    s = fund_statement.statement(ws, pool, "2026Q3")
    assert (s.start, s.end, s.opening) == (D(2026, 7, 1), D(2026, 9, 30), Decimal("500.00"))
    assert s.income == (("捐赠收入", Decimal("10.00")), ("收益反哺收入", Decimal("123.45")))
    assert s.spending == (("未列项目", Decimal("0.05")), ("长者助餐", Decimal("200.00")))
    assert (s.income_total, s.spending_total, s.other) == (Decimal("133.45"), Decimal("200.05"), Decimal("0.00"))
    assert s.closing == s.opening + s.income_total - s.spending_total == Decimal("433.40")
