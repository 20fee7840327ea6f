"""Ledger rules: balanced postings, half-up splits that always add up, periods, overdraft, micro-fund governance."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partnerdesk.domain import ledger as L
from partnerdesk.domain.errors import DomainError

fen = st.integers(min_value=0, max_value=10**13)
bp = st.integers(min_value=0, max_value=10_000)


def code(fn, *args):
    with pytest.raises(DomainError) as exc:
        fn(*args)
    return exc.value.code


# ---- splits -----------------------------------------------------------------------------------------

@settings(max_examples=500)
@given(fen, bp)
def test_split_sums_exactly_and_each_share_within_half_a_fen(amount, pool_bp):
    pool, rest = L.split(amount, pool_bp)
    assert pool + rest == amount
    assert pool >= 0 and rest >= 0
    exact = Fraction(amount * pool_bp, 10_000)
    assert abs(pool - exact) <= Fraction(1, 2)
    assert abs(rest - (amount - exact)) <= Fraction(1, 2)
    if exact.denominator == 2:  # a half fen always goes up (四舍五入)
        assert pool == exact + Fraction(1, 2)


@given(st.integers(min_value=0, max_value=10**9))
def test_split_by_ten_percent_default(amount):
    pool, rest = L.split(amount, 1000)
    assert pool == int((Fraction(amount, 10) + Fraction(1, 2)) // 1)
    assert pool + rest == amount


@pytest.mark.parametrize("amount, pool_bp, expected", [
    (5, 1000, (1, 4)),  # 0.5 fen -> 1 fen (half-up)
    (15, 1000, (2, 13)),  # 1.5 -> 2
    (14, 1000, (1, 13)),  # 1.4 -> 1
    (25, 1000, (3, 22)),  # 2.5 -> 3 (not banker's 2)
    (1, 5000, (1, 0)),  # 0.5 -> 1
    (100, 5, (0, 100)),  # 0.05 % of 1 yuan = 0.05 fen -> 0
    (1000, 5, (1, 999)),  # 0.05 % of 10 yuan = 0.5 fen -> 1
    (12345, 0, (0, 12345)),
    (12345, 10_000, (12345, 0)),
    (0, 1000, (0, 0)),
])
def test_split_examples(amount, pool_bp, expected):
    assert L.split(amount, pool_bp) == expected


@pytest.mark.parametrize("args, err", [((100, -1), "ledger.bad_share"), ((100, 10_001), "ledger.bad_share"),
                                       ((-1, 1000), "ledger.negative_amount"), ((1.5, 1000), "money.float_refused"),
                                       ((True, 1000), "money.float_refused"), ((100, 10.0), "ledger.bad_share")])
def test_split_refuses_bad_input(args, err):
    assert code(L.split, *args) == err


def test_share_half_up_for_revenue_feedback():
    assert L.share_half_up(1_234_567, 350) == 43210  # 3.5 % of 12,345.67 yuan = 432.09845 yuan -> 432.10
    assert L.share_half_up(1, 5000) == 1


# ---- balanced transactions ---------------------------------------------------------------------------

lines = st.lists(st.tuples(st.integers(1, 9), st.integers(1, 10**10), st.booleans()), min_size=1, max_size=12)


@given(lines)
def test_balancing_a_random_set_of_postings(raw):
    entries = [L.Line.debit(a, x) if d else L.Line.credit(a, x) for a, x, d in raw]
    gap = sum(e.amount_fen for e in entries)
    if gap:
        entries.append(L.line_from_amount(99, -gap))
    if len(entries) < 2:
        assert code(L.check_balanced, entries) == "ledger.too_few_postings"
        return
    L.check_balanced(entries)
    assert sum(e.debit_fen for e in entries) == sum(e.credit_fen for e in entries)
    back = L.reversed_lines(entries)
    L.check_balanced(back)
    assert [a.amount_fen + b.amount_fen for a, b in zip(entries, back, strict=True)] == [0] * len(entries)


@given(lines, st.integers(min_value=1, max_value=10**6))
def test_any_imbalance_is_refused(raw, off):
    entries = [L.Line.debit(a, x) if d else L.Line.credit(a, x) for a, x, d in raw]
    gap = sum(e.amount_fen for e in entries)
    entries.append(L.line_from_amount(99, -gap + off) if -gap + off else L.Line.debit(99, off))
    with pytest.raises(DomainError) as exc:
        L.check_balanced(entries)
    assert exc.value.code in ("ledger.unbalanced", "ledger.too_few_postings")


@pytest.mark.parametrize("bad", [L.Line(1, 0, 0), L.Line(1, 5, 5), L.Line(1, -5, 0), L.Line(1, 0, -1)])
def test_zero_negative_and_two_sided_lines_refused(bad):
    assert code(L.check_balanced, [bad, L.Line.credit(2, 5)]) == "ledger.bad_amount"


def test_float_amounts_refused_in_postings():
    assert code(L.check_balanced, [L.Line(1, 1.5, 0), L.Line(2, 0, 1.5)]) == "money.float_refused"


def test_single_posting_refused():
    assert code(L.check_balanced, [L.Line.debit(1, 100)]) == "ledger.too_few_postings"


def test_normal_side():
    assert L.on_normal_side("asset", 500) == 500
    assert L.on_normal_side("income", -500) == 500
    assert L.on_normal_side(L.AccountKind.LIABILITY, -1) == 1
    assert L.normal_side("expense") is L.Side.DEBIT


# ---- periods -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("key, start, end", [
    ("2026-07", date(2026, 7, 1), date(2026, 7, 31)), ("2026-02", date(2026, 2, 1), date(2026, 2, 28)),
    ("2028-02", date(2028, 2, 1), date(2028, 2, 29)), ("2026-12", date(2026, 12, 1), date(2026, 12, 31)),
    ("2026Q3", date(2026, 7, 1), date(2026, 9, 30)), ("2026q4", date(2026, 10, 1), date(2026, 12, 31)),
    ("2026Q1", date(2026, 1, 1), date(2026, 3, 31)), ("2026", date(2026, 1, 1), date(2026, 12, 31)),
])
def test_period_keys(key, start, end):
    p = L.period(key)
    assert (p.start, p.end) == (start, end)
    assert p.contains(start) and p.contains(end)


@pytest.mark.parametrize("key", ["2026-13", "2026-7", "2026Q5", "2026Q0", "Q3", "", "2026/07"])
def test_bad_period_keys(key):
    assert code(L.period, key) == "ledger.bad_period"


def test_year_cannot_be_closed_as_a_period():
    assert code(L.closable, "2026") == "ledger.bad_period"


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_every_date_lies_in_its_month_and_quarter(d):
    assert L.period(L.month_key(d)).contains(d)
    assert L.period(L.quarter_key(d)).contains(d)


def test_closed_period_rule():
    through = L.closed_through([date(2026, 7, 31), date(2026, 9, 30)])
    assert through == date(2026, 9, 30)
    assert code(L.check_open, date(2026, 9, 30), through) == "ledger.period_closed"
    assert code(L.check_open, date(2026, 8, 15), through) == "ledger.period_closed"  # earlier months are closed too
    L.check_open(date(2026, 10, 1), through)
    L.check_open(date(2020, 1, 1), None)
    today = date(2026, 11, 21)
    assert code(L.check_can_close, L.closable("2026-08"), through, today) == "ledger.already_closed"
    assert code(L.check_can_close, L.closable("2026-11"), through, today) == "ledger.period_not_over"
    L.check_can_close(L.closable("2026-10"), through, today)


# ---- overdraft ------------------------------------------------------------------------------------------

@given(st.integers(-1000, 1000), st.lists(st.integers(-1000, 1000), max_size=20))
def test_lowest_running_balance(opening, deltas):
    running = [opening]
    for d in deltas:
        running.append(running[-1] + d)
    assert L.lowest_running(opening, deltas) == min(running)


def test_overdraft_refused_unless_allowed():
    assert code(L.check_not_negative, "1002 银行存款", -1, False) == "ledger.overdrawn"
    L.check_not_negative("4101", -1, True)
    L.check_not_negative("1002", 0, False)


# ---- micro-fund governance ------------------------------------------------------------------------------

def committee(n, paid=()):
    return [L.Member(f"委员{i}", paid=i in paid) for i in range(n)]


def test_micro_fund_governance():
    L.check_micro_fund("区慈善总会", committee(5), ["监事甲"])
    L.check_micro_fund("区慈善总会", committee(7), ["监事甲", "监事乙"])
    assert code(L.check_micro_fund, " ", committee(5), ["监事"]) == "fund.host_required"
    assert code(L.check_micro_fund, "慈善总会", committee(3), ["监事"]) == "fund.committee_too_small"
    assert code(L.check_micro_fund, "慈善总会", committee(6), ["监事"]) == "fund.committee_even"
    assert code(L.check_micro_fund, "慈善总会", committee(5, paid={2}), ["监事"]) == "fund.committee_paid"
    assert code(L.check_micro_fund, "慈善总会", committee(5), []) == "fund.supervisor_required"
    assert code(L.check_micro_fund, "慈善总会", committee(5), ["委员1"]) == "fund.member_twice"
    assert code(L.check_micro_fund, "慈善总会", [*committee(4), L.Member(" ")], ["监事"]) == "fund.member_name_required"


def test_default_chart():
    chart = L.default_chart("pool")
    codes = [a.code for a in chart]
    assert len(set(codes)) == len(codes)
    money = {a.code: a for a in chart}
    assert not money[L.BANK].may_go_negative and money[L.BANK].kind is L.AccountKind.ASSET
    assert money[L.FEEDBACK_INCOME].source == "feedback"
    assert dict((a.code, a.name) for a in L.default_chart("micro"))[L.BANK] == "存放主办方款项"


def test_only_the_latest_closed_period_reopens():
    L.check_can_reopen(L.period("2026-08"), "2026-08")
    cases = {("2026-09", "2026-08"): "ledger.not_closed", ("2026-08", None): "ledger.not_closed",
             ("2026-07", "2026-08"): "ledger.reopen_latest_first",
             ("2026Q3", "2026-09"): "ledger.reopen_latest_first",  # the quarter was closed through its month
             ("2026-08", "2026Q3"): "ledger.reopen_latest_first"}
    for (key, latest), code in cases.items():
        with pytest.raises(DomainError) as exc:
            L.check_can_reopen(L.period(key), latest)
        assert exc.value.code == code, (key, latest)
