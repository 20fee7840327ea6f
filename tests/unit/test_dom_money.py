"""Money rules: integer fen, no floats, no sub-fen digits, half-up splits that always add up."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partnerdesk.domain.errors import DomainError
from partnerdesk.domain.money import fen_to_yuan, format_yuan, split_half_up, yuan_to_fen


@pytest.mark.parametrize("text, fen", [
    ("12.34", 1234), ("1,234.5", 123450), ("１２", 1200), ("１２．３４", 1234), ("0.01", 1), ("0", 0),
    ("  7.10 ", 710), ("¥12.30元", 1230), ("-5.00", -500), ("1.230", 123), ("100", 10000),
])
def test_yuan_text_to_fen(text, fen):
    assert yuan_to_fen(text) == fen


def test_int_and_decimal_are_yuan():
    assert yuan_to_fen(5) == 500
    assert yuan_to_fen(Decimal("0.07")) == 7
    assert yuan_to_fen(Decimal("123456789.99")) == 12345678999


@pytest.mark.parametrize("value", [1.5, 0.1, 12.0, float("nan"), True, False])
def test_floats_and_bools_refused(value):
    with pytest.raises(DomainError) as exc:
        yuan_to_fen(value)
    assert exc.value.code == "money.float_refused"


@pytest.mark.parametrize("value", ["0.001", "12.345", Decimal("0.005"), "1,000.019"])
def test_sub_fen_refused(value):
    with pytest.raises(DomainError) as exc:
        yuan_to_fen(value)
    assert exc.value.code == "money.sub_fen"


@pytest.mark.parametrize("value", ["abc", "", "12..3", "NaN", "Infinity", "-inf", Decimal("NaN")])
def test_garbage_refused(value):
    with pytest.raises(DomainError) as exc:
        yuan_to_fen(value)
    assert exc.value.code == "money.invalid"


@settings(deadline=None)
@given(st.floats(allow_nan=True, allow_infinity=True))
def test_every_float_refused(value):
    with pytest.raises(DomainError) as exc:
        yuan_to_fen(value)
    assert exc.value.code == "money.float_refused"


@settings(deadline=None)
@given(st.integers(min_value=-10**15, max_value=10**15))
def test_format_parse_round_trip(fen):
    assert yuan_to_fen(format_yuan(fen)) == fen
    assert yuan_to_fen(str(fen_to_yuan(fen))) == fen


@settings(deadline=None)
@given(st.integers(min_value=-10**12, max_value=10**12))
def test_thousandths_accepted_only_when_whole_fen(milli):
    value = Decimal(milli) / 1000
    if milli % 10:
        with pytest.raises(DomainError) as exc:
            yuan_to_fen(value)
        assert exc.value.code == "money.sub_fen"
    else:
        assert yuan_to_fen(value) == milli // 10


def test_format_yuan():
    assert format_yuan(12345) == "123.45"
    assert format_yuan(123456789) == "1,234,567.89"
    assert format_yuan(5) == "0.05"


percents = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False)


@settings(deadline=None)
@given(st.integers(min_value=0, max_value=10**13), percents)
def test_split_sums_to_total_and_share_is_half_up(total, pct):
    share, rest = split_half_up(total, pct)
    assert share + rest == total
    assert 0 <= share <= total
    exact = Fraction(total) * Fraction(pct) / 100
    # half-up (四舍五入) for non-negative amounts: floor(x + 1/2)
    assert share == int(exact + Fraction(1, 2))
    assert abs(Fraction(share) - exact) <= Fraction(1, 2)


@settings(deadline=None)
@given(st.integers(min_value=-10**13, max_value=10**13), percents)
def test_split_sums_to_total_for_any_sign(total, pct):
    share, rest = split_half_up(total, str(pct))
    assert share + rest == total


@pytest.mark.parametrize("total, pct, share", [
    (1, 50, 1), (3, 50, 2), (5, 10, 1), (4, 10, 0), (15, 10, 2), (14, 10, 1), (100, "33.33", 33),
    (101, "0.5", 1), (99, "0.5", 0), (0, 70, 0), (12345, 100, 12345), (12345, 0, 0),
])
def test_split_examples(total, pct, share):
    assert split_half_up(total, pct) == (share, total - share)


@pytest.mark.parametrize("pct", [-1, "100.01", Decimal("-0.01"), 101])
def test_split_percent_out_of_range(pct):
    with pytest.raises(DomainError) as exc:
        split_half_up(100, pct)
    assert exc.value.code == "money.bad_percent"
