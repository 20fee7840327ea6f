"""Closed periods of a fund's books: closing a month or quarter (结账), reopening the latest one (反结账), and where
the books are closed through (every posting checks it). Re-exported by ``ledger``."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db import models as m
from ..domain import ledger as rules
from ..domain.errors import DomainError
from ..domain.roles import Perm, require
from . import audit
from .changes import Changes, Outcome
from .funds import FUNDS, get_fund


def closed_through(s: Session, fund_id: int) -> date | None:
    return s.scalar(select(func.max(m.ClosedPeriod.end_date)).where(m.ClosedPeriod.fund_id == fund_id))


def close_period(ws, fund_id: int, period: str, note: str = "") -> Outcome[str]:  # noqa: ANN001
    """Close a month or quarter (and with it everything before): nothing is posted on or before its last day."""
    require(ws.actor, Perm.APPROVE)
    p = rules.closable(period)
    with ws.write() as uow:
        s = uow.session
        fund = get_fund(s, fund_id, ws.actor, Perm.APPROVE, lock=True)
        rules.check_can_close(p, closed_through(s, fund.id), ws.today())
        last = s.scalar(select(func.coalesce(func.max(m.Txn.id), 0)).where(m.Txn.fund_id == fund.id))
        s.add(m.ClosedPeriod(fund_id=fund.id, period=p.key, start_date=p.start, end_date=p.end, through_txn_id=last,
                             note=note.strip(), closed_by=ws.actor.username, closed_at=ws.now()))
        s.flush()
        audit.record(s, ws.actor, "ledger.close_period", "fund", fund.id,
                     after={"period": p.key, "through": p.end.isoformat(), "last_txn": last, "note": note.strip()},
                     at=ws.now())
        uow.commit()
    return Outcome(p.key, Changes.of(FUNDS))


def reopen_period(ws, fund_id: int, period: str, reason: str) -> Outcome[str]:  # noqa: ANN001
    """反结账: reopen the fund's latest closed month or quarter, with a reason; the periods before it stay closed.
    The closing it undoes is kept in the audit trail. Refused once a disclosure notice (公示) was issued for it:
    published figures are corrected in a later period."""
    require(ws.actor, Perm.APPROVE)
    reason = (reason or "").strip()
    if not reason:
        raise DomainError("ledger.reopen_reason_required")
    p = rules.closable(period)
    with ws.write() as uow:
        s = uow.session
        fund = get_fund(s, fund_id, ws.actor, Perm.APPROVE, lock=True)
        latest = s.scalar(select(m.ClosedPeriod).where(m.ClosedPeriod.fund_id == fund.id)
                          .order_by(m.ClosedPeriod.end_date.desc(), m.ClosedPeriod.id.desc()).limit(1))
        rules.check_can_reopen(p, latest.period if latest is not None else None)
        serial = s.scalar(select(m.IssuedDocument.serial).where(
            m.IssuedDocument.entity == "closed_period", m.IssuedDocument.entity_id == latest.id).limit(1))
        if serial is not None:
            raise DomainError("ledger.disclosed", period=p.key, serial=serial)
        before = {"period": latest.period, "through": latest.end_date.isoformat(), "last_txn": latest.through_txn_id,
                  "note": latest.note, "closed_by": latest.closed_by, "closed_at": latest.closed_at.isoformat()}
        s.delete(latest)
        s.flush()
        through = closed_through(s, fund.id)
        audit.record(s, ws.actor, "ledger.reopen_period", "fund", fund.id, before=before, after={
            "period": p.key, "reason": reason, "closed_through": through.isoformat() if through else None},
            at=ws.now())
        uow.commit()
    return Outcome(p.key, Changes.of(FUNDS))


def closed_periods(ws, fund_id: int) -> list[tuple[str, date, str]]:
    """(period, last day, closed by), oldest first."""
    with ws.read() as uow:
        get_fund(uow.session, fund_id, ws.actor)
        return [tuple(r) for r in uow.session.execute(select(
            m.ClosedPeriod.period, m.ClosedPeriod.end_date, m.ClosedPeriod.closed_by).where(
            m.ClosedPeriod.fund_id == fund_id).order_by(m.ClosedPeriod.end_date))]
