"""Identity numbers: unified social credit code (GB 32100-2015), resident ID (GB 11643-1999), mobile."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from stdnum.cn import ric, uscc
from stdnum.exceptions import ValidationError

from .errors import DomainError
from .text import normalise_code

USCC_AUTHORITIES = {
    "1": "staffing", "2": "foreign_affairs", "3": "judicial", "4": "culture", "5": "civil_affairs",
    "6": "religion", "7": "trade_union", "8": "industry_commerce", "9": "market_regulation",
    "A": "overseas_affairs", "N": "agriculture", "Y": "other",
}
CIVIL_AFFAIRS_CATEGORIES = {"1": "social_group", "2": "private_non_enterprise", "3": "foundation", "9": "other"}

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, Z, S, V
_MOBILE = re.compile(r"^1[3-9]\d{9}$")


@dataclass(frozen=True)
class UsccInfo:
    code: str
    authority: str
    category: str
    region: str
    checksum_ok: bool


@dataclass(frozen=True)
class ResidentIdInfo:
    number: str
    region: str
    birth_date: date
    sex: str  # "M" or "F"
    region_known: bool = True  # an unknown region code is a warning, not an error


def _refuse_numeric(value: object, kind: str) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise DomainError(f"{kind}.numeric_cell", value=str(value))
    return normalise_code(str(value))


def parse_uscc(value: object, *, allow_bad_checksum: bool = False) -> UsccInfo:
    """Validate a USCC. A bad check digit raises ``uscc.checksum`` unless ``allow_bad_checksum``."""
    code = _refuse_numeric(value, "uscc").replace("-", "")
    # GB 32100-2015: characters 1-2 (authority, category) and 9-17 may be letters; 3-8 are the region digits.
    # (python-stdnum demands digits in 1-8, which would refuse valid A/N/Y authority codes.)
    if len(code) != 18 or any(c not in USCC_ALPHABET for c in code) or not code[2:8].isdigit():
        raise DomainError("uscc.invalid", value=code)
    checksum_ok = uscc.calc_check_digit(code[:17]) == code[17]
    if not checksum_ok and not allow_bad_checksum:
        raise DomainError("uscc.checksum", value=code)
    authority = USCC_AUTHORITIES.get(code[0], "other")
    category = CIVIL_AFFAIRS_CATEGORIES.get(code[1], "other") if code[0] == "5" else code[1]
    return UsccInfo(code, authority, category, code[2:8], checksum_ok)


def parse_resident_id(value: object) -> ResidentIdInfo:
    number = _refuse_numeric(value, "resident_id")
    if len(number) != 18 or not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        raise DomainError("resident_id.invalid", value=number)
    if ric.calc_check_digit(number) != number[17]:
        raise DomainError("resident_id.checksum", value=number)
    try:
        birth = ric.get_birth_date(number)
    except ValidationError:
        raise DomainError("resident_id.bad_birth_date", value=number) from None
    if birth > date.today() or birth.year < 1880:
        raise DomainError("resident_id.bad_birth_date", value=number)
    try:
        ric.get_birth_place(number)
        region_known = True
    except ValidationError:
        region_known = False
    sex = "M" if int(number[16]) % 2 else "F"
    return ResidentIdInfo(number, number[:6], birth, sex, region_known)


def normalise_mobile(value: object) -> str:
    text = _refuse_numeric(value, "mobile") if not isinstance(value, int) else str(value)
    text = text.removeprefix("+86").removeprefix("86") if len(text) > 11 else text
    text = text.replace("-", "")
    if not _MOBILE.match(text):
        raise DomainError("mobile.invalid", value=text)
    return text
