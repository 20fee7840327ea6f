"""Identity numbers: check digits (own implementation of the published rules), normalisation, numeric
Excel cells, derived facts; masking of personal numbers."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from partnerdesk.domain.errors import DomainError
from partnerdesk.domain.ids import USCC_AUTHORITIES, normalise_mobile, parse_resident_id, parse_uscc
from partnerdesk.domain.masking import mask, mask_mobile, mask_resident_id

# --- the published rules, written out independently of the code under test (DOMAIN.md) ------------
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, Z, S, V
USCC_W = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
RID_W = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
RID_CHECK = "10X98765432"  # remainder 0..10 -> check character


def uscc_check(body17: str) -> str:
    total = sum(ALPHABET.index(c) * w for c, w in zip(body17, USCC_W, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def rid_check(body17: str) -> str:
    return RID_CHECK[sum(int(c) * w for c, w in zip(body17, RID_W, strict=True)) % 11]


def code(domain_error_call) -> str:
    with pytest.raises(DomainError) as exc:
        domain_error_call()
    return exc.value.code


# --- USCC ------------------------------------------------------------------------------------------
PUBLISHED_USCC = ["91110000600037341L", "91310000775785552L"]


@pytest.mark.parametrize("value", PUBLISHED_USCC)
def test_published_uscc_valid(value):
    info = parse_uscc(value)
    assert info.code == value and info.checksum_ok
    assert info.authority == "market_regulation" and info.region == value[2:8]
    assert uscc_check(value[:17]) == value[17]  # our own implementation agrees with the published codes


@pytest.mark.parametrize("value", ["91110000600037341M", "91310000775785551L", "91110000600037314L"])
def test_uscc_wrong_check_character(value):
    assert code(lambda: parse_uscc(value)) == "uscc.checksum"
    info = parse_uscc(value, allow_bad_checksum=True)
    assert info.code == value and not info.checksum_ok


@pytest.mark.parametrize("value", ["9111000060003734L", "911100006000373410L", "9111000060003734IL",
                                   "91A10000600037341L", "", "91110000600037341Ｌ!"])
def test_uscc_malformed(value):
    assert code(lambda: parse_uscc(value)) == "uscc.invalid"


@pytest.mark.parametrize("typed", [
    "９１１１００００６０００３７３４１Ｌ",  # full width, letter included
    " 9111 0000 6000 3734 1L ", "91110000600037341l", "9111\u30000000600037341L", "\t91110000600037341L\n",
])
def test_uscc_normalised(typed):
    assert parse_uscc(typed).code == "91110000600037341L"


@pytest.mark.parametrize("cell", [9.111e17, 91110000600037341, 1.10105e17])
def test_uscc_numeric_cell_refused(cell):
    assert code(lambda: parse_uscc(cell)) == "uscc.numeric_cell"


def test_uscc_civil_affairs_category():
    body = "52" + "500103" + "MJ0000123"
    value = body + uscc_check(body)
    info = parse_uscc(value)
    assert info.authority == "civil_affairs" and info.category == "private_non_enterprise"
    assert info.region == "500103"


@pytest.mark.parametrize("body", ["N2500103MA0000001", "Y1500103MJ0000001", "A1110000100000001",
                                  "31110000MD0000001"])
def test_letter_authorities_accepted(body):
    """GB 32100-2015 lets characters 1-2 be letters (e.g. N = agriculture, Y = other)."""
    value = body + uscc_check(body)
    info = parse_uscc(value)
    assert info.code == value and info.authority == USCC_AUTHORITIES[value[0]]


uscc_bodies = st.builds(
    lambda a, b, region, org: a + b + region + org,
    st.sampled_from(sorted(USCC_AUTHORITIES)), st.sampled_from(ALPHABET),
    st.text("0123456789", min_size=6, max_size=6), st.text(ALPHABET, min_size=9, max_size=9))


@settings(deadline=None)
@given(uscc_bodies)
def test_generated_uscc_accepted(body):
    value = body + uscc_check(body)
    info = parse_uscc(value)
    assert info.code == value and info.checksum_ok
    assert info.authority == USCC_AUTHORITIES[value[0]]
    assert parse_uscc(value.lower()).code == value


@settings(deadline=None)
@given(uscc_bodies, st.integers(min_value=0, max_value=17), st.sampled_from(ALPHABET))
def test_any_single_substitution_is_caught(body, pos, replacement):
    value = body + uscc_check(body)
    if 2 <= pos <= 7:
        replacement = str(ALPHABET.index(replacement) % 10)  # the region stays digits
    if pos == 0:
        replacement = sorted(USCC_AUTHORITIES)[ALPHABET.index(replacement) % len(USCC_AUTHORITIES)]
    assume(replacement != value[pos])
    broken = value[:pos] + replacement + value[pos + 1:]
    assert code(lambda: parse_uscc(broken)) == "uscc.checksum"


# --- resident ID -----------------------------------------------------------------------------------
def test_published_resident_ids():
    a = parse_resident_id("11010519491231002X")  # the example printed in GB 11643-1999
    assert (a.number, a.region, a.birth_date, a.sex) == ("11010519491231002X", "110105", date(1949, 12, 31), "F")
    b = parse_resident_id("440524188001010014")
    assert (b.birth_date, b.sex) == (date(1880, 1, 1), "M")
    assert rid_check("11010519491231002") == "X" and rid_check("44052418800101001") == "4"


@pytest.mark.parametrize("typed", ["11010519491231002x", "１１０１０５１９４９１２３１００２Ｘ", " 110105 19491231 002X ",
                                   "11010519491231002ｘ", "110105\u300019491231002X"])
def test_resident_id_normalised(typed):
    assert parse_resident_id(typed).number == "11010519491231002X"


@pytest.mark.parametrize("cell", [1.10105e17, 110105194912310020, 4.40524188001010e17])
def test_resident_id_numeric_cell_refused(cell):
    assert code(lambda: parse_resident_id(cell)) == "resident_id.numeric_cell"


@pytest.mark.parametrize("value, expected", [
    ("110105194912310021", "resident_id.checksum"), ("11010519491231002", "resident_id.invalid"),
    ("1101051949123100211", "resident_id.invalid"), ("11010519491231002Y", "resident_id.invalid"),
    ("X10105194912310021", "resident_id.invalid"), ("", "resident_id.invalid"),
])
def test_resident_id_refused(value, expected):
    assert code(lambda: parse_resident_id(value)) == expected


def _rid(body: str) -> str:
    return body + rid_check(body)


def test_impossible_birth_dates_refused():
    assert code(lambda: parse_resident_id(_rid("11010519901301123"))) == "resident_id.bad_birth_date"
    assert code(lambda: parse_resident_id(_rid("11010519900230123"))) == "resident_id.bad_birth_date"
    assert code(lambda: parse_resident_id(_rid("11010518791231123"))) == "resident_id.bad_birth_date"
    future = date.today() + timedelta(days=2)
    assert code(lambda: parse_resident_id(_rid(f"110105{future:%Y%m%d}123"))) == "resident_id.bad_birth_date"


def test_unknown_region_is_a_warning_not_an_error():
    info = parse_resident_id(_rid("00000019900101123"))
    assert info.region_known is False and info.birth_date == date(1990, 1, 1) and info.sex == "M"


births = st.dates(min_value=date(1900, 1, 1), max_value=date(2020, 12, 31))


@settings(deadline=None)
@given(st.sampled_from(["110105", "500103", "310101", "440524", "000000"]), births,
       st.integers(min_value=0, max_value=999))
def test_generated_resident_ids(region, birth, seq):
    value = _rid(f"{region}{birth:%Y%m%d}{seq:03d}")
    info = parse_resident_id(value)
    assert (info.number, info.region, info.birth_date) == (value, region, birth)
    assert info.sex == ("M" if seq % 2 else "F")
    assert parse_resident_id(value.lower()).number == value


@settings(deadline=None)
@given(births, st.integers(min_value=0, max_value=999), st.integers(min_value=0, max_value=17),
       st.sampled_from("0123456789X"))
def test_any_single_substitution_in_resident_id_is_caught(birth, seq, pos, replacement):
    value = _rid(f"500103{birth:%Y%m%d}{seq:03d}")
    if pos < 17 and replacement == "X":
        replacement = "0"
    assume(replacement != value[pos])
    broken = value[:pos] + replacement + value[pos + 1:]
    assert code(lambda: parse_resident_id(broken)) == "resident_id.checksum"


# --- mobile ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("typed", ["13812345678", "138 1234 5678", "138-1234-5678", "+8613812345678",
                                   "８６１３８１２３４５６７８", 13812345678])
def test_mobile_normalised(typed):
    assert normalise_mobile(typed) == "13812345678"


@pytest.mark.parametrize("typed", ["12812345678", "1381234567", "138123456789", "abc", ""])
def test_mobile_refused(typed):
    assert code(lambda: normalise_mobile(typed)) == "mobile.invalid"


def test_mobile_float_cell_refused():
    assert code(lambda: normalise_mobile(1.3812345678e10)) == "mobile.numeric_cell"


# --- masking ---------------------------------------------------------------------------------------
def test_masking_examples():
    assert mask_resident_id("110105199001011234") == "1101**********1234"
    assert mask_resident_id("11010519491231002X") == "1101**********002X"
    assert mask_mobile("13812345678") == "138****5678"
    assert mask("resident_id", "110105199001011234") == "1101**********1234"
    assert mask("mobile", "13812345678") == "138****5678"
    assert mask_resident_id(None) == "" and mask_mobile("") == ""
    assert mask_resident_id("1234") == "****" and mask_mobile("12345") == "*****"


@settings(deadline=None)
@given(st.text(min_size=9, max_size=40))
def test_masked_id_keeps_only_the_ends(number):
    masked = mask_resident_id(number)
    assert len(masked) == len(number)
    assert masked[:4] == number[:4] and masked[-4:] == number[-4:]
    assert set(masked[4:-4]) <= {"*"}
