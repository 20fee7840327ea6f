"""The double-entry ledger of a fund: accounts, balanced transactions, half-up splits, periods, micro-fund rules.

Pure rules (no database). Amounts are integer fen; a posting's signed amount is positive for a debit and
negative for a credit, so a transaction balances when its amounts sum to zero.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from .errors import DomainError

BP_WHOLE = 10_000  # basis points in 100 %


class Side(StrEnum):
    DEBIT = "debit"  # 借
    CREDIT = "credit"  # 贷


class AccountKind(StrEnum):
    ASSET = "asset"  # 资产: bank, cash, receivable
    LIABILITY = "liability"  # 负债: payable
    NET_ASSETS = "net_assets"  # 净资产
    INCOME = "income"  # 收入, one account per source
    EXPENSE = "expense"  # 费用/支出


NORMAL_SIDE: dict[AccountKind, Side] = {
    AccountKind.ASSET: Side.DEBIT, AccountKind.EXPENSE: Side.DEBIT,
    AccountKind.LIABILITY: Side.CREDIT, AccountKind.NET_ASSETS: Side.CREDIT, AccountKind.INCOME: Side.CREDIT,
}


class FundKind(StrEnum):
    POOL = "pool"  # 社区基金池
    SE_LEDGER = "se_ledger"  # 社会企业代管 (independent books per social enterprise)
    MICRO = "micro"  # 社区微基金, hosted by a charity federation
    OTHER = "other"


class TxnKind(StrEnum):
    MANUAL = "manual"  # 手工记账
    FEEDBACK = "feedback"  # 收益反哺到账
    DONATION = "donation"  # 捐赠
    REVERSAL = "reversal"  # 冲销
    DISBURSEMENT = "disbursement"  # 项目拨付 (against an approved application; reversed through the application)


def normal_side(kind: AccountKind | str) -> Side:
    return NORMAL_SIDE[AccountKind(kind)]


def on_normal_side(kind: AccountKind | str, signed_sum: int) -> int:
    """The balance as accountants read it: a debit-normal account shows the signed sum, a credit-normal its negation."""
    return signed_sum if normal_side(kind) is Side.DEBIT else -signed_sum


# ---- postings and transactions ---------------------------------------------------------------------

@dataclass(frozen=True)
class Line:
    """One posting line: an account and exactly one of a debit or a credit, in fen, positive."""

    account_id: int
    debit_fen: int = 0
    credit_fen: int = 0

    @property
    def amount_fen(self) -> int:
        """Signed: + debit, − credit."""
        return self.debit_fen - self.credit_fen

    @staticmethod
    def debit(account_id: int, fen: int) -> Line:
        return Line(account_id, debit_fen=fen)

    @staticmethod
    def credit(account_id: int, fen: int) -> Line:
        return Line(account_id, credit_fen=fen)


def _is_fen(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_line(line: Line) -> None:
    if not (_is_fen(line.debit_fen) and _is_fen(line.credit_fen)):
        raise DomainError("money.float_refused")
    if line.debit_fen < 0 or line.credit_fen < 0 or (line.debit_fen > 0) == (line.credit_fen > 0):
        raise DomainError("ledger.bad_amount", account=line.account_id, debit=line.debit_fen, credit=line.credit_fen)


def check_balanced(lines: Sequence[Line]) -> None:
    """At least two postings, each a positive debit or credit, debits equal to credits to the fen."""
    if len(lines) < 2:
        raise DomainError("ledger.too_few_postings", count=len(lines))
    for line in lines:
        check_line(line)
    debit, credit = sum(x.debit_fen for x in lines), sum(x.credit_fen for x in lines)
    if debit != credit:
        raise DomainError("ledger.unbalanced", debit=debit, credit=credit)


def reversed_lines(lines: Iterable[Line]) -> list[Line]:
    """The postings that cancel ``lines`` exactly (debits become credits)."""
    return [Line(x.account_id, debit_fen=x.credit_fen, credit_fen=x.debit_fen) for x in lines]


def line_from_amount(account_id: int, amount_fen: int) -> Line:
    return Line.debit(account_id, amount_fen) if amount_fen > 0 else Line.credit(account_id, -amount_fen)


# ---- splits and shares -------------------------------------------------------------------------------

def check_bp(bp: int) -> None:
    if not _is_fen(bp) or not 0 <= bp <= BP_WHOLE:
        raise DomainError("ledger.bad_share", bp=bp)


def share_half_up(amount_fen: int, bp: int) -> int:
    """``amount × bp / 10000`` rounded half-up (四舍五入) to the fen, in exact integer arithmetic."""
    check_bp(bp)
    if not _is_fen(amount_fen):
        raise DomainError("money.float_refused")
    if amount_fen < 0:
        raise DomainError("ledger.negative_amount", amount=amount_fen)
    return (amount_fen * bp * 2 + BP_WHOLE) // (2 * BP_WHOLE)


def split(amount_fen: int, pool_bp: int) -> tuple[int, int]:
    """A receipt split by basis points: (pool share rounded half-up, the remainder). The parts sum to the receipt."""
    pool = share_half_up(amount_fen, pool_bp)
    return pool, amount_fen - pool


# ---- periods -------------------------------------------------------------------------------------------

_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
_QUARTER = re.compile(r"^(\d{4})Q([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")


@dataclass(frozen=True)
class Period:
    key: str  # 2026-07, 2026Q3 or 2026
    start: date
    end: date  # inclusive

    def contains(self, d: date) -> bool:
        return self.start <= d <= self.end


def _month_end(year: int, month: int) -> date:
    return date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)


def month_key(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def quarter_key(d: date) -> str:
    return f"{d.year:04d}Q{(d.month - 1) // 3 + 1}"


def period(key: str) -> Period:
    """Parse a period key: a month (2026-07), a quarter (2026Q3) or a year (2026)."""
    text = (key or "").strip().upper()
    if m := _MONTH.match(text):
        y, mo = int(m[1]), int(m[2])
        return Period(text, date(y, mo, 1), _month_end(y, mo))
    if m := _QUARTER.match(text):
        y, q = int(m[1]), int(m[2])
        return Period(text, date(y, 3 * q - 2, 1), _month_end(y, 3 * q))
    if m := _YEAR.match(text):
        y = int(m[1])
        return Period(text, date(y, 1, 1), date(y, 12, 31))
    raise DomainError("ledger.bad_period", period=key)


def closable(key: str) -> Period:
    """Books close by month or by quarter."""
    p = period(key)
    if _YEAR.match(p.key):
        raise DomainError("ledger.bad_period", period=key)
    return p


def closed_through(ends: Iterable[date]) -> date | None:
    """Closing a period closes the books up to its last day: the latest end of the closed periods."""
    return max(ends, default=None)


def check_open(on_date: date, through: date | None) -> None:
    """Nothing is posted on or before the last day of a closed period."""
    if through is not None and on_date <= through:
        raise DomainError("ledger.period_closed", date=on_date.isoformat(), through=through.isoformat())


def check_can_close(p: Period, through: date | None, today: date) -> None:
    if through is not None and p.end <= through:
        raise DomainError("ledger.already_closed", period=p.key, through=through.isoformat())
    if p.end >= today:
        raise DomainError("ledger.period_not_over", period=p.key, end=p.end.isoformat())


def check_can_reopen(p: Period, latest: str | None) -> None:
    """反结账: only the fund's latest closed period reopens (the ones before it stay closed), one at a time."""
    if latest is None or (p.key != latest and period(latest).end < p.end):
        raise DomainError("ledger.not_closed", period=p.key)
    if p.key != latest:
        raise DomainError("ledger.reopen_latest_first", latest=latest)


# ---- negative balances ------------------------------------------------------------------------------------

def lowest_running(opening: int, deltas: Iterable[int]) -> int:
    """The lowest balance reached from ``opening`` through day-by-day ``deltas`` (in date order)."""
    low = running = opening
    for delta in deltas:
        running += delta
        low = min(low, running)
    return low


def check_not_negative(account: str, lowest: int, may_go_negative: bool) -> None:
    if lowest < 0 and not may_go_negative:
        raise DomainError("ledger.overdrawn", account=account, short=-lowest)


# ---- fund governance -------------------------------------------------------------------------------------

MIN_COMMITTEE = 5


@dataclass(frozen=True)
class Member:
    name: str
    paid: bool = False  # committee members serve unpaid


def check_micro_fund(host: str, committee: Sequence[Member], supervisors: Sequence[str]) -> None:
    """社区微基金: hosted by a named charity federation; a committee of ≥ 5 unpaid members, an odd number;
    at least one supervisor; nobody listed twice."""
    if not host.strip():
        raise DomainError("fund.host_required")
    names = [x.name.strip() for x in committee]
    if any(not n for n in names) or any(not s.strip() for s in supervisors):
        raise DomainError("fund.member_name_required")
    if len(names) < MIN_COMMITTEE:
        raise DomainError("fund.committee_too_small", count=len(names), min=MIN_COMMITTEE)
    if len(names) % 2 == 0:
        raise DomainError("fund.committee_even", count=len(names))
    paid = [x.name for x in committee if x.paid]
    if paid:
        raise DomainError("fund.committee_paid", name=paid[0])
    if not supervisors:
        raise DomainError("fund.supervisor_required")
    everyone = names + [s.strip() for s in supervisors]
    dup = next((n for i, n in enumerate(everyone) if n in everyone[:i]), None)
    if dup:
        raise DomainError("fund.member_twice", name=dup)


# ---- the default chart of accounts ----------------------------------------------------------------------

@dataclass(frozen=True)
class AccountSpec:
    code: str
    name: str
    kind: AccountKind
    may_go_negative: bool = False
    source: str = ""  # income source or spending category, for statements


BANK, CASH, RECEIVABLE, PAYABLE, NET_ASSETS = "1002", "1001", "1122", "2202", "3101"
FEEDBACK_INCOME, DONATION_INCOME, GRANT_INCOME, OTHER_INCOME = "4101", "4102", "4103", "4109"
PROJECT_SPENDING, ADMIN_SPENDING = "5101", "5201"


def default_chart(kind: FundKind | str) -> tuple[AccountSpec, ...]:
    """The preset accounts of a new fund (a micro-fund has no bank account of its own: its money is held by the host)."""
    money = ("存放主办方款项" if FundKind(kind) is FundKind.MICRO else "银行存款")
    return (
        AccountSpec(CASH, "库存现金", AccountKind.ASSET),
        AccountSpec(BANK, money, AccountKind.ASSET),
        AccountSpec(RECEIVABLE, "应收款项", AccountKind.ASSET),
        AccountSpec(PAYABLE, "应付款项", AccountKind.LIABILITY),
        AccountSpec(NET_ASSETS, "净资产", AccountKind.NET_ASSETS, may_go_negative=True),
        AccountSpec(FEEDBACK_INCOME, "收益反哺收入", AccountKind.INCOME, True, "feedback"),
        AccountSpec(DONATION_INCOME, "捐赠收入", AccountKind.INCOME, True, "donation"),
        AccountSpec(GRANT_INCOME, "政府补助收入", AccountKind.INCOME, True, "grant"),
        AccountSpec(OTHER_INCOME, "其他收入", AccountKind.INCOME, True, "other"),
        AccountSpec(PROJECT_SPENDING, "项目支出", AccountKind.EXPENSE, True, "project"),
        AccountSpec(ADMIN_SPENDING, "管理费用", AccountKind.EXPENSE, True, "administration"),
    )
