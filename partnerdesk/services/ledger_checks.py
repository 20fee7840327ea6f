"""The ledger invariants `partnerdesk check` verifies (registered in services/invariants.py).

Each takes a session and returns a list of problems (empty = holds), at most 20 each.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from ..db import models as m
from ..domain import ledger as rules

LIMIT = 20


def txns_balance(s: Session) -> list[str]:
    """Every transaction has at least two postings, none zero, summing to zero (debits = credits)."""
    sums = (select(m.Posting.txn_id, func.count().label("n"), func.sum(m.Posting.amount_fen).label("total"),
                   func.min(func.abs(m.Posting.amount_fen)).label("smallest"))
            .group_by(m.Posting.txn_id).subquery())
    bad = s.execute(select(m.Txn.id, sums.c.n, sums.c.total).outerjoin(sums, sums.c.txn_id == m.Txn.id).where(
        or_(sums.c.n.is_(None), sums.c.n < 2, sums.c.total != 0, sums.c.smallest == 0)).order_by(m.Txn.id)
        .limit(LIMIT)).all()
    return [f"transaction #{i}: {n or 0} postings, debits − credits = {total or 0} fen" for i, n, total in bad]


def kept_balances(s: Session) -> list[str]:
    """Each account's kept balance equals the sum of its postings."""
    sums = select(m.Posting.account_id, func.sum(m.Posting.amount_fen).label("total")) \
        .group_by(m.Posting.account_id).subquery()
    total = func.coalesce(sums.c.total, 0)
    bad = s.execute(select(m.LedgerAccount.id, m.LedgerAccount.fund_id, m.LedgerAccount.code,
                           m.LedgerAccount.balance_fen, total)
                    .outerjoin(sums, sums.c.account_id == m.LedgerAccount.id)
                    .where(m.LedgerAccount.balance_fen != total).order_by(m.LedgerAccount.id).limit(LIMIT)).all()
    return [f"fund #{f} account {c}: kept balance {kept} fen, postings sum to {real} fen" for _, f, c, kept, real in bad]


def no_illegal_negative(s: Session) -> list[str]:
    """No account that must not go negative is negative at the end of any day."""
    rows = s.execute(select(m.LedgerAccount.id, m.LedgerAccount.fund_id, m.LedgerAccount.code, m.LedgerAccount.kind,
                            m.Posting.on_date, func.sum(m.Posting.amount_fen))
                     .join(m.Posting, m.Posting.account_id == m.LedgerAccount.id)
                     .where(m.LedgerAccount.may_go_negative.is_(False))
                     .group_by(m.LedgerAccount.id, m.LedgerAccount.fund_id, m.LedgerAccount.code,
                               m.LedgerAccount.kind, m.Posting.on_date)
                     .order_by(m.LedgerAccount.id, m.Posting.on_date))
    problems, current, running, flagged = [], None, 0, False
    for acc_id, fund_id, code, kind, on_date, delta in rows:
        if acc_id != current:
            current, running, flagged = acc_id, 0, False
        running += rules.on_normal_side(kind, int(delta))
        if running < 0 and not flagged:
            flagged = True
            problems.append(f"fund #{fund_id} account {code}: {running} fen at the end of {on_date.isoformat()}")
            if len(problems) >= LIMIT:
                break
    return problems


def nothing_posted_in_closed_periods(s: Session) -> list[str]:
    """No transaction dated on or before a closed period's last day was posted after the period was closed."""
    cp = m.ClosedPeriod
    bad = s.execute(select(m.Txn.id, m.Txn.fund_id, m.Txn.on_date, cp.period).join(cp, and_(
        cp.fund_id == m.Txn.fund_id, m.Txn.on_date <= cp.end_date, m.Txn.id > cp.through_txn_id))
        .order_by(m.Txn.id).limit(LIMIT)).all()
    return [f"transaction #{i} (fund #{f}, {d.isoformat()}) was posted after {p} was closed" for i, f, d, p in bad]


def postings_match_their_transaction(s: Session) -> list[str]:
    """A posting carries its transaction's fund and date, on an account of that fund."""
    bad = s.execute(select(m.Posting.id, m.Posting.txn_id)
                    .join(m.Txn, m.Txn.id == m.Posting.txn_id)
                    .join(m.LedgerAccount, m.LedgerAccount.id == m.Posting.account_id)
                    .where(or_(m.Posting.fund_id != m.Txn.fund_id, m.Posting.on_date != m.Txn.on_date,
                               m.LedgerAccount.fund_id != m.Txn.fund_id))
                    .order_by(m.Posting.id).limit(LIMIT)).all()
    return [f"posting #{p} does not match transaction #{t} (fund, date or account)" for p, t in bad]


def receipts_split_exactly(s: Session) -> list[str]:
    """A feedback receipt's pool and social-enterprise shares sum to the receipt."""
    r = m.FeedbackReceipt
    bad = s.scalars(select(r.id).where(r.pool_fen + r.se_fen != r.amount_fen).order_by(r.id).limit(LIMIT)).all()
    return [f"feedback receipt #{i}: the shares do not sum to the amount" for i in bad]


def donation_numbers_gap_free(s: Session) -> list[str]:
    """Donation receipt numbers run 1..n per fund and year, with the counter at n."""
    d = m.Donation
    seqs = select(d.fund_id, d.year, func.count().label("n"), func.max(d.seq).label("top")) \
        .group_by(d.fund_id, d.year).subquery()
    bad = s.execute(select(seqs.c.fund_id, seqs.c.year, seqs.c.n, seqs.c.top, m.DonationCounter.last_seq)
                    .outerjoin(m.DonationCounter, and_(m.DonationCounter.fund_id == seqs.c.fund_id,
                                                       m.DonationCounter.year == seqs.c.year))
                    .where(or_(seqs.c.n != seqs.c.top, m.DonationCounter.last_seq.is_(None),
                               m.DonationCounter.last_seq != seqs.c.top)).limit(LIMIT)).all()
    return [f"fund #{f} {y}: {n} donations numbered up to {top}, counter at {last}" for f, y, n, top, last in bad]


def disbursed_within_approved(s: Session) -> list[str]:
    """Per application (all its versions), payments not reversed never exceed the approved amount of the version in
    force, and each payment's ledger transaction moved exactly its amount."""
    d, a = m.Disbursement, m.Application
    paid = select(d.root_id, func.sum(d.amount_fen).label("fen")).where(d.reversed.is_(False)) \
        .group_by(d.root_id).subquery()
    approved = select(a.root_id, func.max(a.amount_fen).label("fen")).where(a.state == "approved") \
        .group_by(a.root_id).subquery()
    bad = s.execute(select(paid.c.root_id, paid.c.fen, approved.c.fen).outerjoin(
        approved, approved.c.root_id == paid.c.root_id).where(
        or_(approved.c.fen.is_(None), paid.c.fen > approved.c.fen)).limit(LIMIT)).all()
    out = [f"application #{r}: {p} fen paid, {x if x is not None else 'nothing'} approved" for r, p, x in bad]
    moved = select(m.Posting.txn_id, func.sum(m.Posting.amount_fen).label("fen")).where(m.Posting.amount_fen > 0) \
        .group_by(m.Posting.txn_id).subquery()
    wrong = s.execute(select(d.id, d.amount_fen, moved.c.fen).outerjoin(moved, moved.c.txn_id == d.txn_id).where(
        or_(moved.c.fen.is_(None), moved.c.fen != d.amount_fen)).limit(LIMIT)).all()
    return out + [f"disbursement #{i}: {x} fen, its transaction moved {y or 0} fen" for i, x, y in wrong]


LEDGER_INVARIANTS: dict[str, Callable[[Session], list[str]]] = {
    "ledger_transactions_balance": txns_balance,
    "ledger_kept_balances": kept_balances,
    "ledger_no_illegal_negative": no_illegal_negative,
    "ledger_closed_periods": nothing_posted_in_closed_periods,
    "ledger_postings_match": postings_match_their_transaction,
    "feedback_receipts_split": receipts_split_exactly,
    "donations_gap_free": donation_numbers_gap_free,
    "disbursed_within_approved": disbursed_within_approved,
}
