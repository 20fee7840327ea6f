"""The fund statement of a period (opening balance, income by source, spending by project, closing balance),
for the disclosure notice (公示) and the quarterly summary. Figures are Decimal yuan, summed exactly in fen."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db import models as m
from ..domain import ledger as rules
from ..domain.ledger import AccountKind
from ..domain.money import fen_to_yuan
from . import audit
from .funds import get_fund
from .ledger import balances_in

NO_PROJECT = "未列项目"


@dataclass(frozen=True)
class Statement:
    fund_id: int
    fund_code: str
    fund_name: str
    period: str
    start: date
    end: date
    opening: Decimal  # money held (assets − liabilities) at the end of the day before the period
    income: tuple[tuple[str, Decimal], ...]  # by income account (source)
    income_total: Decimal
    spending: tuple[tuple[str, Decimal], ...]  # by project
    spending_total: Decimal
    other: Decimal  # movements straight to net assets (e.g. an opening balance brought in); usually 0
    closing: Decimal  # = opening + income − spending + other, exactly


_SIGN = {AccountKind.ASSET.value: 1, AccountKind.LIABILITY.value: -1}


def _held(s: Session, fund_id: int, on: date) -> int:
    return sum(_SIGN.get(b.kind, 0) * b.balance_fen for b in balances_in(s, fund_id, on))


def _flows(s: Session, fund_id: int, kind: AccountKind, label, start: date, end: date) -> list[tuple[str, int]]:  # noqa: ANN001
    q = (select(label, func.sum(m.Posting.amount_fen)).join(m.LedgerAccount, m.LedgerAccount.id == m.Posting.account_id)
         .join(m.Txn, m.Txn.id == m.Posting.txn_id)
         .where(m.Posting.fund_id == fund_id, m.LedgerAccount.kind == kind.value, m.Posting.on_date >= start,
                m.Posting.on_date <= end).group_by(label).order_by(label))
    return [(name or NO_PROJECT, rules.on_normal_side(kind, int(total))) for name, total in s.execute(q) if total]


def statement(ws, fund_id: int, period: str) -> Statement:  # noqa: ANN001
    with ws.read() as uow:
        return statement_in(uow.session, get_fund(uow.session, fund_id, ws.actor), period)


def statement_in(s: Session, fund: m.Fund, period: str) -> Statement:
    """The statement inside the caller's session (the caller has checked the fund's scope)."""
    p = rules.period(period)
    opening = _held(s, fund.id, p.start - timedelta(days=1))
    closing = _held(s, fund.id, p.end)
    income = _flows(s, fund.id, AccountKind.INCOME, m.LedgerAccount.name, p.start, p.end)
    spending = _flows(s, fund.id, AccountKind.EXPENSE, m.Txn.project, p.start, p.end)
    fund_id, code, name = fund.id, fund.code, fund.name
    income_total, spending_total = sum(x for _, x in income), sum(x for _, x in spending)
    other = closing - opening - income_total + spending_total
    return Statement(fund_id, code, name, p.key, p.start, p.end, fen_to_yuan(opening),
                     tuple((n, fen_to_yuan(x)) for n, x in income), fen_to_yuan(income_total),
                     tuple((n, fen_to_yuan(x)) for n, x in spending), fen_to_yuan(spending_total),
                     fen_to_yuan(other), fen_to_yuan(closing))


def export_statement(ws, fund_id: int, period: str, path: Path, title: str, headers: Sequence[str],  # noqa: ANN001
                     rows: Sequence[Sequence[object]]) -> Path:
    """Write a statement as the user sees it (``rows``: its lines and the approved projects, labels in their
    language) to ``path`` as a workbook; the fund's scope is checked here and the export is recorded."""
    from ..reports.export_xlsx import write_table  # openpyxl loads only when someone exports

    with ws.read() as uow:
        fund = get_fund(uow.session, fund_id, ws.actor)
        code = fund.code
    with audit.recorded_file(ws, path, "export", "fund_statement", fund_id) as detail:
        write_table(path, title, list(headers), rows, col_widths=(14, 40, 16))
        detail.update(fund=code, period=period, rows=len(rows))
    return path
