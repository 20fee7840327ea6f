"""What a fund holds and has promised (已批未付, 可用余额), read inside a unit of work: approvals check that they
promise only money the fund holds, and ordinary spending that it leaves the promised money alone. Used by the
ledger and the applications; ``disbursements.fund_position`` is the screens' reader."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db import models as m
from ..domain import ledger as lrules
from ..domain.applications import AppState, FundPosition
from ..domain.errors import DomainError


def fund_positions_in(s: Session, fund_ids: Iterable[int], *, except_root: int | None = None
                      ) -> dict[int, FundPosition]:
    """Each fund's bank balance and what its approved applications still owe (the chain ``except_root`` left out:
    the one being approved again), two queries for any number of funds. Inside the caller's session; on a final
    approval the caller holds the fund row."""
    ids = list(fund_ids)
    a, d = m.Application, m.Disbursement
    root = func.coalesce(a.root_id, a.id)
    paid = (select(func.coalesce(func.sum(d.amount_fen), 0)).where(d.root_id == root, d.reversed.is_(False))
            .correlate(a).scalar_subquery())
    q = (select(a.fund_id, func.sum(a.amount_fen - paid)).where(a.fund_id.in_(ids), a.state == AppState.APPROVED.value)
         .group_by(a.fund_id))
    if except_root is not None:
        q = q.where(root != except_root)
    owed = {fund_id: int(fen) for fund_id, fen in s.execute(q)}
    acc = m.LedgerAccount
    banks = s.execute(select(acc.fund_id, acc.kind, acc.balance_fen).where(acc.fund_id.in_(ids),
                                                                            acc.code == lrules.BANK))
    return {fund_id: FundPosition(lrules.on_normal_side(kind, fen), owed.get(fund_id, 0)) for fund_id, kind, fen in banks}


def fund_position_in(s: Session, fund_id: int, *, except_root: int | None = None) -> FundPosition:
    """``fund_positions_in`` for one fund."""
    found = fund_positions_in(s, [fund_id], except_root=except_root)
    if fund_id not in found:
        raise DomainError("ledger.no_account", fund=fund_id, account=lrules.BANK)
    return found[fund_id]
