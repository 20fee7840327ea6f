"""Partner registry: partners with their communities and service domains. Lifecycle events, attachments,
dictionaries, notices, the three lists and the duty rota are in :mod:`.partner_records` (loaded when first used:
the dashboard's agreement reminder needs partner names only)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow


class Partner(Base):
    __tablename__ = "partners"
    __table_args__ = (
        Index("ix_partners_state_name", "state", "name"),
        Index("ix_partners_type_name", "type_code", "name"),
        # by name, and whether merged into another: the list (partners not merged, by name) reads a page anywhere in
        # 100,000 off this index alone, without looking up each row it passes
        Index("ix_partners_name", "name", "merged_into_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type_code: Mapped[str] = mapped_column(String(48))
    name: Mapped[str] = mapped_column(String(200))
    name_initials: Mapped[str] = mapped_column(String(200), default="", index=True)
    uscc: Mapped[str] = mapped_column(String(18), default="", index=True)
    id_number: Mapped[str] = mapped_column(String(18), default="", index=True)
    # set only while the partner is live: a plain unique index then means "one live partner per number",
    # enforced by the database itself, also for two clerks registering at the same moment
    live_uscc: Mapped[str | None] = mapped_column(String(18), unique=True)
    live_id_number: Mapped[str | None] = mapped_column(String(18), unique=True)
    checksum_override: Mapped[str] = mapped_column(Text, default="")
    legal_rep: Mapped[str] = mapped_column(String(100), default="")
    contact_name: Mapped[str] = mapped_column(String(100), default="")
    contact_mobile: Mapped[str] = mapped_column(String(20), default="", index=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    skills: Mapped[str] = mapped_column(Text, default="")
    so_grade: Mapped[str] = mapped_column(String(4), default="")
    so_grade_valid_until: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(24), index=True)
    filing_no: Mapped[str | None] = mapped_column(String(100), unique=True)
    filed_on: Mapped[date | None] = mapped_column(Date)
    street_id: Mapped[int | None] = mapped_column(ForeignKey("org_units.id"))
    notice_id: Mapped[int | None] = mapped_column(ForeignKey("recruitment_notices.id"))
    exit_reason: Mapped[str] = mapped_column(String(32), default="")
    exit_date: Mapped[date | None] = mapped_column(Date)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    communities: Mapped[list[PartnerCommunity]] = relationship(cascade="all, delete-orphan")
    domains: Mapped[list[PartnerDomain]] = relationship(cascade="all, delete-orphan")
    __mapper_args__ = {"version_id_col": version}


class PartnerCommunity(Base):
    __tablename__ = "partner_communities"
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id", ondelete="CASCADE"), primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), primary_key=True, index=True)


class PartnerDomain(Base):
    __tablename__ = "partner_domains"
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id", ondelete="CASCADE"), primary_key=True)
    domain_code: Mapped[str] = mapped_column(String(48), primary_key=True, index=True)
