"""Funds and their double-entry ledgers: accounts, transactions, postings, closed periods, balance assertions;
revenue feedback (reports and receipts) and donations with gap-free receipt numbers.

Posted transactions and postings are never updated or deleted: a mistake is cancelled by a reversing transaction.
Amounts are integer fen (BigInteger: sums of a district's books pass PostgreSQL's 32-bit integer).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class Fund(Base):
    """社区基金池 / 社会企业代管账套 / 社区微基金 / other: each fund keeps its own books."""

    __tablename__ = "funds"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)  # short code used in receipt numbers and the CLI
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16), index=True)  # pool / se_ledger / micro / other
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), index=True)  # the community or street
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id"), unique=True)  # se_ledger: the enterprise
    host: Mapped[str] = mapped_column(String(200), default="")  # micro: the charity federation hosting it
    purpose: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}


class FundMember(Base):
    """A micro-fund's management committee member (unpaid) or supervisor."""

    __tablename__ = "fund_members"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fund_id: Mapped[int] = mapped_column(ForeignKey("funds.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))  # committee / supervisor
    name: Mapped[str] = mapped_column(String(64))
    paid: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)


class LedgerAccount(Base):
    """An account of one fund's books. ``balance_fen`` is the signed sum (debit +) of all its postings, kept in the
    same transaction as each posting; `partnerdesk check` proves it equals the sum."""

    __tablename__ = "ledger_accounts"
    __table_args__ = (UniqueConstraint("fund_id", "code", name="uq_ledger_accounts_fund_code"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fund_id: Mapped[int] = mapped_column(ForeignKey("funds.id"), index=True)
    code: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16))  # asset / liability / net_assets / income / expense
    may_go_negative: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(String(32), default="")  # income source / spending category
    balance_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Txn(Base):
    """A posted transaction (凭证). Never edited; ``reverses_id`` marks the transaction that cancels another."""

    __tablename__ = "ledger_txns"
    __table_args__ = (Index("ix_ledger_txns_fund_date", "fund_id", "on_date", "id"),
                      Index("ix_ledger_txns_fund_quarter", "fund_id", "quarter"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fund_id: Mapped[int] = mapped_column(ForeignKey("funds.id"))
    on_date: Mapped[date] = mapped_column(Date)
    period: Mapped[str] = mapped_column(String(7))  # 2026-07
    quarter: Mapped[str] = mapped_column(String(6))  # 2026Q3
    kind: Mapped[str] = mapped_column(String(16))  # manual / feedback / donation / reversal
    memo: Mapped[str] = mapped_column(Text, default="")
    project: Mapped[str] = mapped_column(String(200), default="")  # spending by project in the statement
    idem_key: Mapped[str] = mapped_column(String(100), unique=True)  # a retry or double click posts once
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("ledger_txns.id"), unique=True)
    reason: Mapped[str] = mapped_column(Text, default="")  # why a reversal was made
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Posting(Base):
    """One line of a transaction: signed ``amount_fen`` (+ debit, − credit, never 0). Fund and date are copied
    from the transaction so balances at a date are one indexed SUM."""

    __tablename__ = "ledger_postings"
    __table_args__ = (CheckConstraint("amount_fen <> 0", name="nonzero"),
                      Index("ix_ledger_postings_account_date", "account_id", "on_date", "amount_fen"),
                      Index("ix_ledger_postings_fund_date", "fund_id", "on_date"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    txn_id: Mapped[int] = mapped_column(ForeignKey("ledger_txns.id"), index=True)
    fund_id: Mapped[int] = mapped_column(ForeignKey("funds.id"))
    account_id: Mapped[int] = mapped_column(ForeignKey("ledger_accounts.id"))
    on_date: Mapped[date] = mapped_column(Date)
    amount_fen: Mapped[int] = mapped_column(BigInteger)


class ClosedPeriod(Base):
    """A closed month or quarter: the books are closed through ``end_date``. ``through_txn_id`` is the fund's last
    transaction at closing (the check finds any later transaction dated on or before ``end_date``)."""

    __tablename__ = "ledger_closed_periods"
    __table_args__ = (UniqueConstraint("fund_id", "period", name="uq_ledger_closed_periods_fund_period"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fund_id: Mapped[int] = mapped_column(ForeignKey("funds.id"), index=True)
    period: Mapped[str] = mapped_column(String(7))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    through_txn_id: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    closed_by: Mapped[str] = mapped_column(String(64))
    closed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class BalanceAssertion(Base):
    """What an outside source says an account held at the end of a day (e.g. the bank statement balance)."""

    __tablename__ = "ledger_balance_assertions"
    __table_args__ = (Index("ix_ledger_balance_assertions_account_date", "account_id", "on_date"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fund_id: Mapped[int] = mapped_column(ForeignKey("funds.id"), index=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("ledger_accounts.id"))
    on_date: Mapped[date] = mapped_column(Date)
    expected_fen: Mapped[int] = mapped_column(BigInteger)  # on the account's normal side
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class RevenueReport(Base):
    """A partner's reported revenue for a period under an agreement's revenue-feedback rule, and the amount due."""

    __tablename__ = "revenue_reports"
    __table_args__ = (UniqueConstraint("agreement_id", "period", name="uq_revenue_reports_agreement_period"),
                      Index("ix_revenue_reports_due", "due_on"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id"), index=True)
    period: Mapped[str] = mapped_column(String(7))  # 2026-07 or 2026Q3
    revenue_fen: Mapped[int] = mapped_column(BigInteger)
    share_bp: Mapped[int] = mapped_column(Integer)  # the agreement's rule when reported
    due_fen: Mapped[int] = mapped_column(BigInteger)  # revenue × share, half-up
    due_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class FeedbackReceipt(Base):
    """Revenue feedback received: split into the pool's share (half-up) and the social-enterprise ledger's rest."""

    __tablename__ = "feedback_receipts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id"), index=True)
    received_on: Mapped[date] = mapped_column(Date)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    pool_bp: Mapped[int] = mapped_column(Integer)
    pool_fen: Mapped[int] = mapped_column(BigInteger)
    se_fen: Mapped[int] = mapped_column(BigInteger)
    pool_txn_id: Mapped[int | None] = mapped_column(ForeignKey("ledger_txns.id"))
    se_txn_id: Mapped[int | None] = mapped_column(ForeignKey("ledger_txns.id"))
    idem_key: Mapped[str] = mapped_column(String(100), unique=True)
    reversed: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Donation(Base):
    """A donation with its receipt number, gap-free per fund and year."""

    __tablename__ = "donations"
    __table_args__ = (UniqueConstraint("fund_id", "year", "seq", name="uq_donations_fund_year_seq"),
                      Index("ix_donations_fund_date", "fund_id", "on_date"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fund_id: Mapped[int] = mapped_column(ForeignKey("funds.id"))
    donor: Mapped[str] = mapped_column(String(200))
    donor_kind: Mapped[str] = mapped_column(String(16))  # person / organisation
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)  # masked in publications
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    on_date: Mapped[date] = mapped_column(Date)
    intended_use: Mapped[str] = mapped_column(Text, default="")
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    receipt_no: Mapped[str] = mapped_column(String(64), unique=True)
    txn_id: Mapped[int] = mapped_column(ForeignKey("ledger_txns.id"), unique=True)
    idem_key: Mapped[str] = mapped_column(String(100), unique=True)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class DonationCounter(Base):
    """Gap-free donation receipt numbers per fund and year."""

    __tablename__ = "donation_counters"
    fund_id: Mapped[int] = mapped_column(ForeignKey("funds.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
