"""Donations: recorded with a receipt number gap-free per fund and year, posted to the fund's ledger, and listed
for publication (公示) with anonymous donors masked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..db import models as m
from ..domain import ledger as rules
from ..domain.errors import DomainError
from ..domain.ledger import Line, TxnKind
from ..domain.roles import Perm, require
from ..domain.text import clean_text
from . import audit
from .changes import Changes, Outcome
from .funds import FUNDS, get_fund
from .ledger import account_by_code, lock_funds, post_in
from .records import insert_ignore

DONOR_KINDS = ("person", "organisation")
ANONYMOUS = "匿名"


@dataclass(frozen=True)
class DonationInput:
    donor: str
    donor_kind: str  # person / organisation
    amount_fen: int
    on_date: date
    intended_use: str = ""
    anonymous: bool = False  # masked in publications; the office still knows who gave


@dataclass(frozen=True)
class DonationRow:
    id: int
    fund_id: int
    receipt_no: str
    donor: str
    donor_kind: str
    anonymous: bool
    amount_fen: int
    on_date: date
    intended_use: str
    txn_id: int
    reversed: bool
    replayed: bool = False


@dataclass(frozen=True)
class PublishedDonation:
    receipt_no: str
    donor: str  # "匿名" for anonymous donors
    donor_kind: str
    amount_fen: int
    on_date: date
    intended_use: str


def _validate(data: DonationInput) -> DonationInput:
    if isinstance(data.amount_fen, bool) or not isinstance(data.amount_fen, int):
        raise DomainError("money.float_refused")
    if data.amount_fen <= 0:
        raise DomainError("ledger.negative_amount", amount=data.amount_fen)
    if data.donor_kind not in DONOR_KINDS:
        raise DomainError("donation.bad_kind", kind=data.donor_kind)
    donor = clean_text(data.donor)
    if not donor or len(donor) > 200:
        raise DomainError("donation.donor_required")
    return DonationInput(donor, data.donor_kind, data.amount_fen, data.on_date, data.intended_use.strip(),
                         bool(data.anonymous))


def _next_seq(s: Session, fund_id: int, year: int) -> int:
    c = m.DonationCounter
    s.execute(insert_ignore(s, c).values(fund_id=fund_id, year=year, last_seq=0))
    s.execute(update(c).where(c.fund_id == fund_id, c.year == year).values(last_seq=c.last_seq + 1))
    return s.scalar(select(c.last_seq).where(c.fund_id == fund_id, c.year == year))


def receipt_number(fund_code: str, year: int, seq: int) -> str:
    return f"{fund_code}-{year}-{seq:05d}"


def _row(s: Session, d: m.Donation, replayed: bool = False) -> DonationRow:
    reversed_ = s.scalar(select(m.Txn.id).where(m.Txn.reverses_id == d.txn_id)) is not None
    return DonationRow(d.id, d.fund_id, d.receipt_no, d.donor, d.donor_kind, d.anonymous, d.amount_fen, d.on_date,
                       d.intended_use, d.txn_id, reversed_, replayed)


def record(ws, fund_id: int, data: DonationInput, idem_key: str) -> Outcome[DonationRow]:  # noqa: ANN001
    """Record a donation: the next receipt number of the fund's year and Dr bank / Cr donation income, one commit."""
    require(ws.actor, Perm.POST_LEDGER)
    data = _validate(data)
    with ws.write() as uow:
        s = uow.session
        fund = lock_funds(s, ws, [fund_id])[fund_id]
        done = s.scalar(select(m.Donation).where(m.Donation.idem_key == idem_key))
        if done is not None:
            if (done.fund_id, done.amount_fen, done.on_date, done.donor) != (fund_id, data.amount_fen, data.on_date,
                                                                             data.donor):
                raise DomainError("ledger.key_reused", key=idem_key)
            return Outcome(_row(s, done, replayed=True), Changes.of(FUNDS))
        bank, income = account_by_code(s, fund.id, rules.BANK), account_by_code(s, fund.id, rules.DONATION_INCOME)
        txn, _ = post_in(s, ws, fund, data.on_date, [Line.debit(bank.id, data.amount_fen),
                                                     Line.credit(income.id, data.amount_fen)],
                         memo=f"捐赠 {ANONYMOUS if data.anonymous else data.donor}", kind=TxnKind.DONATION,
                         idem_key=f"donation:{idem_key}")
        year = data.on_date.year
        seq = _next_seq(s, fund.id, year)
        d = m.Donation(fund_id=fund.id, donor=data.donor, donor_kind=data.donor_kind, anonymous=data.anonymous,
                       amount_fen=data.amount_fen, on_date=data.on_date, intended_use=data.intended_use, year=year,
                       seq=seq, receipt_no=receipt_number(fund.code, year, seq), txn_id=txn.id,
                       idem_key=idem_key.strip(), created_by=ws.actor.username, created_at=ws.now())
        s.add(d)
        s.flush()
        audit.record(s, ws.actor, "donation.record", "donation", d.id, after={
            "fund": fund.code, "receipt_no": d.receipt_no, "donor": d.donor, "anonymous": d.anonymous,
            "amount_fen": d.amount_fen, "date": d.on_date.isoformat(), "use": d.intended_use, "txn": txn.id},
            at=ws.now())
        row = _row(s, d)
        uow.commit()
    return Outcome(row, Changes.of(FUNDS))


def _query(fund_id: int, date_from: date | None, date_to: date | None):  # noqa: ANN202
    q = select(m.Donation).where(m.Donation.fund_id == fund_id).order_by(m.Donation.year, m.Donation.seq)
    if date_from is not None:
        q = q.where(m.Donation.on_date >= date_from)
    if date_to is not None:
        q = q.where(m.Donation.on_date <= date_to)
    return q


def list_donations(ws, fund_id: int, date_from: date | None = None, date_to: date | None = None) -> list[DonationRow]:  # noqa: ANN001
    """The office's list: every donation with the donor's name (reversed ones flagged)."""
    with ws.read() as uow:
        s = uow.session
        get_fund(s, fund_id, ws.actor)
        return [_row(s, d) for d in s.scalars(_query(fund_id, date_from, date_to))]


def publication(ws, fund_id: int, date_from: date | None = None, date_to: date | None = None) -> list[PublishedDonation]:  # noqa: ANN001
    """For the disclosure notice (公示): reversed donations left out, anonymous donors shown as 匿名."""
    with ws.read() as uow:
        get_fund(uow.session, fund_id, ws.actor)
        return publication_in(uow.session, fund_id, date_from, date_to)


def publication_in(s: Session, fund_id: int, date_from: date | None = None,
                   date_to: date | None = None) -> list[PublishedDonation]:
    """``publication`` inside the caller's session (the caller has checked the fund's scope)."""
    reversed_txns = select(m.Txn.reverses_id).where(m.Txn.reverses_id.is_not(None))
    q = _query(fund_id, date_from, date_to).where(m.Donation.txn_id.not_in(reversed_txns))
    return [PublishedDonation(d.receipt_no, ANONYMOUS if d.anonymous else d.donor, d.donor_kind, d.amount_fen,
                              d.on_date, d.intended_use) for d in s.scalars(q)]
