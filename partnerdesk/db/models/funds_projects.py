"""Spending a fund: use rules (allowed and negative lists), approval tiers, project applications (项目申报) with
their budget lines and approval steps, and disbursements (each posted to the fund's ledger once, by its key).

Applications are versioned: an approved application is locked; a change is a new row (``previous_version_id``,
``version_no`` + 1) that goes through approval again. Steps are never deleted: a return or a resubmission adds the
next round, so the full history survives.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
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

from . import agreements as _agreements  # noqa: F401 - funds' foreign keys (agreements) must be known
from . import funds as _funds  # noqa: F401 - the funds and ledger tables must be known for the foreign keys
from . import partners as _partners  # noqa: F401 - needs (and partners)
from .base import Base, utcnow


class FundUseRule(Base):
    """What a fund may pay for: the allowed categories and the negative list (JSON lists of category codes)."""

    __tablename__ = "fund_use_rules"
    fund_id: Mapped[int] = mapped_column(ForeignKey("funds.id"), primary_key=True)
    allowed: Mapped[str] = mapped_column(Text, default="[]")
    denied: Mapped[str] = mapped_column(Text, default="[]")
    updated_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}


class ApprovalTier(Base):
    """An amount band [min_fen, max_fen] (max NULL = no limit) of a fund, a kind of fund ('' = any) → ordered
    steps (JSON list of {"role", "label"}). Loaded from the preset at first use; the office edits it."""

    __tablename__ = "approval_tiers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    fund_id: Mapped[int | None] = mapped_column(ForeignKey("funds.id"), index=True)
    fund_kind: Mapped[str] = mapped_column(String(16), default="")
    min_fen: Mapped[int] = mapped_column(BigInteger)
    max_fen: Mapped[int | None] = mapped_column(BigInteger)
    steps: Mapped[str] = mapped_column(Text)


class Application(Base):
    """A project application (项目申报) to a fund, one version of it."""

    __tablename__ = "fund_applications"
    __table_args__ = (Index("ix_fund_applications_fund_state", "fund_id", "state"),
                      Index("ix_fund_applications_unit_state", "unit_id", "state"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fund_id: Mapped[int] = mapped_column(ForeignKey("funds.id"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"))  # the community where the project runs (scope)
    applicant_kind: Mapped[str] = mapped_column(String(16))  # community / partner / resident_group
    applicant_id: Mapped[int | None] = mapped_column(Integer)  # org unit or partner id; none for a resident group
    applicant_name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(200))
    need_id: Mapped[int | None] = mapped_column(ForeignKey("needs.id"))
    category: Mapped[str] = mapped_column(String(48))
    amount_fen: Mapped[int] = mapped_column(BigInteger)  # requested; the approved amount once approved
    description: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(16), default="draft")
    round_no: Mapped[int] = mapped_column(Integer, default=0)  # submissions of this version so far
    version_no: Mapped[int] = mapped_column(Integer, default=1)
    previous_version_id: Mapped[int | None] = mapped_column(ForeignKey("fund_applications.id"), index=True)
    root_id: Mapped[int | None] = mapped_column(Integer, index=True)  # the first version's id (the whole chain)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    approved_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}


class BudgetLine(Base):
    __tablename__ = "fund_application_budget"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("fund_applications.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    item: Mapped[str] = mapped_column(String(200))
    amount_fen: Mapped[int] = mapped_column(BigInteger)


class ApprovalStep(Base):
    """One step of one round of an application's approval: the role that takes it, and who did, how and why."""

    __tablename__ = "fund_approval_steps"
    __table_args__ = (UniqueConstraint("application_id", "round_no", "seq", name="uq_fund_approval_steps_round_seq"),
                      Index("ix_fund_approval_steps_pending", "state", "role"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("fund_applications.id"), index=True)
    version_no: Mapped[int] = mapped_column(Integer)
    round_no: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(32))
    label: Mapped[str] = mapped_column(String(100), default="")
    state: Mapped[str] = mapped_column(String(16), default="pending")
    actor: Mapped[str] = mapped_column(String(64), default="")
    opinion: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime | None] = mapped_column(DateTime)


class Disbursement(Base):
    """A payment against an approved application, posted once to the fund's ledger (``idem_key`` unique)."""

    __tablename__ = "fund_disbursements"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("fund_applications.id"), index=True)
    root_id: Mapped[int] = mapped_column(Integer, index=True)  # the application chain (all versions)
    fund_id: Mapped[int] = mapped_column(ForeignKey("funds.id"), index=True)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    on_date: Mapped[date] = mapped_column(Date)
    payee: Mapped[str] = mapped_column(String(200))
    idem_key: Mapped[str] = mapped_column(String(100), unique=True)
    txn_id: Mapped[int] = mapped_column(ForeignKey("ledger_txns.id"), unique=True)
    reversed: Mapped[bool] = mapped_column(Boolean, default=False)
    reversal_txn_id: Mapped[int | None] = mapped_column(ForeignKey("ledger_txns.id"))
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
