"""Spaces (community rooms and sites) and space-use agreements with slots, supplements and events."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
    literal_column,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow


class Space(Base):
    __tablename__ = "spaces"
    __table_args__ = (Index("ix_spaces_community_name", "community_id", "name"),
                      Index("ix_spaces_name", "name", "id"))  # sort by space

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(300), default="")
    area_centi_m2: Mapped[int] = mapped_column(Integer, default=0)  # m² × 100, exact
    kind: Mapped[str] = mapped_column(String(32), default="activity_room")
    owner: Mapped[str] = mapped_column(String(32), default="community")
    status: Mapped[str] = mapped_column(String(24), default="idle", index=True)  # idle/under_agreement/renovation/withdrawn
    shared_by_slot: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}


class Agreement(Base):
    __tablename__ = "agreements"
    __table_args__ = (Index("ix_agreements_space_term", "space_id", "start_date", "end_date"),
                      Index("ix_agreements_state_end", "state", "end_date"),
                      Index("ix_agreements_end_date", "end_date", "id"))  # the list's default order

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id"), index=True)
    space_id: Mapped[int] = mapped_column(ForeignKey("spaces.id"), index=True)
    permitted_use: Mapped[str] = mapped_column(Text, default="")
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    renewal_rule: Mapped[str] = mapped_column(Text, default="")
    mode: Mapped[str] = mapped_column(String(32))
    rent_fen: Mapped[int] = mapped_column(Integer, default=0)  # per month, low-rent mode
    deposit_fen: Mapped[int] = mapped_column(Integer, default=0)
    utilities_payer: Mapped[str] = mapped_column(String(16), default="partner")  # partner / community
    property_fee_payer: Mapped[str] = mapped_column(String(16), default="partner")
    committed_sessions: Mapped[int] = mapped_column(Integer, default=0)  # public-benefit sessions per month
    committed_hours: Mapped[int] = mapped_column(Integer, default=0)  # or hours per month
    target_groups: Mapped[str] = mapped_column(Text, default="")
    discounts: Mapped[str] = mapped_column(Text, default="")
    price_list: Mapped[str] = mapped_column(Text, default="")
    revenue_share_bp: Mapped[int] = mapped_column(Integer, default=0)  # revenue feedback, basis points of revenue
    pool_share_bp: Mapped[int] = mapped_column(Integer, default=1000)  # of that feedback, to the fund pool
    duties: Mapped[str] = mapped_column(Text, default="")
    prohibited: Mapped[str] = mapped_column(Text, default="")
    termination_terms: Mapped[str] = mapped_column(Text, default="")
    signatories: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(16), default="draft", index=True)
    signed_on: Mapped[date | None] = mapped_column(Date)
    terminated_on: Mapped[date | None] = mapped_column(Date)
    termination_reason: Mapped[str] = mapped_column(Text, default="")
    renewal_of_id: Mapped[int | None] = mapped_column(ForeignKey("agreements.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    slots: Mapped[list[AgreementSlot]] = relationship(cascade="all, delete-orphan", order_by="AgreementSlot.id")
    __mapper_args__ = {"version_id_col": version}



# Numbers read 空间协议〔2026〕12号: by year, then shorter first, so 〔2026〕9号 comes before 10号. The agreements list
# sorts by exactly this, read off its index; the constants are written into the SQL (not bound) so SQLite matches it.
NUMBER_ORDER = (func.substr(Agreement.number, literal_column("6"), literal_column("4")), func.length(Agreement.number),
                Agreement.number)
Index("ix_agreements_number_order", *NUMBER_ORDER)


class AgreementSlot(Base):
    __tablename__ = "agreement_slots"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"), index=True)
    weekday: Mapped[int] = mapped_column(Integer)
    start: Mapped[str] = mapped_column(String(5))
    end: Mapped[str] = mapped_column(String(5))


class AgreementSupplement(Base):
    """A numbered supplement to a signed agreement (signed agreements are never edited)."""

    __tablename__ = "agreement_supplements"
    __table_args__ = (UniqueConstraint("agreement_id", "seq", name="agreement_seq"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    signed_on: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AgreementEvent(Base):
    __tablename__ = "agreement_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id"), index=True)
    action: Mapped[str] = mapped_column(String(32))
    from_state: Mapped[str] = mapped_column(String(16), default="")
    to_state: Mapped[str] = mapped_column(String(16), default="")
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    on_date: Mapped[date | None] = mapped_column(Date)
    username: Mapped[str] = mapped_column(String(64))
    opinion: Mapped[str] = mapped_column(Text, default="")


class AgreementCounter(Base):
    """Gap-free agreement numbers per year."""

    __tablename__ = "agreement_counters"
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


class ServiceRecord(Base):
    """One delivered service (a session): who, when, where, what kind, how many people (人次), how long."""

    __tablename__ = "service_records"
    __table_args__ = (Index("ix_service_records_agreement_date", "agreement_id", "on_date"),
                      Index("ix_service_records_partner_date", "partner_id", "on_date"),
                      Index("ix_service_records_community_date", "community_id", "on_date"),
                      # the list's sorts by people and by kind read a page off these instead of sorting every row
                      Index("ix_service_records_people", "people", "id"),
                      Index("ix_service_records_kind", "kind", "id"),
                      # the search counts matches of place (or partner) by reading this small index, not the table
                      Index("ix_service_records_place", "place", "partner_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id"))
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreements.id"))
    community_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("resident_orders.id"), index=True)
    on_date: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(16))  # free / low_fee / paid
    domain: Mapped[str] = mapped_column(String(32), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    people: Mapped[int] = mapped_column(Integer, default=0)  # 人次
    minutes: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")
    batch: Mapped[str] = mapped_column(String(40), default="", index=True)  # import or grid batch
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ResidentOrder(Base):
    """居民点单: ordered, reviewed by the community, dispatched to a partner, delivered and rated."""

    __tablename__ = "resident_orders"
    __table_args__ = (Index("ix_resident_orders_community_state", "community_id", "state"),
                      Index("ix_resident_orders_state_due", "state", "due_on"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"))
    resident_name: Mapped[str] = mapped_column(String(64))
    resident_phone: Mapped[str] = mapped_column(String(32), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    wanted: Mapped[str] = mapped_column(Text)
    domain: Mapped[str] = mapped_column(String(32), default="")
    ordered_on: Mapped[date] = mapped_column(Date, index=True)
    due_on: Mapped[date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(16), default="pending")
    reject_reason: Mapped[str] = mapped_column(Text, default="")
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id"), index=True)
    dispatched_on: Mapped[date | None] = mapped_column(Date)
    delivered_on: Mapped[date | None] = mapped_column(Date)
    rating: Mapped[int | None] = mapped_column(Integer)
    rating_comment: Mapped[str] = mapped_column(Text, default="")
    rated_on: Mapped[date | None] = mapped_column(Date)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}


class OrderEvent(Base):
    __tablename__ = "order_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("resident_orders.id"), index=True)
    action: Mapped[str] = mapped_column(String(32))
    from_state: Mapped[str] = mapped_column(String(16), default="")
    to_state: Mapped[str] = mapped_column(String(16), default="")
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    username: Mapped[str] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(Text, default="")


class OrderComplaint(Base):
    """A complaint about a delivered order: open until upheld or dismissed (upheld ones count in evaluation)."""

    __tablename__ = "order_complaints"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("resident_orders.id"), index=True)
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id"), index=True)
    lodged_on: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16), default="open")  # open / upheld / dismissed
    decision: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str] = mapped_column(String(64), default="")
    decided_on: Mapped[date | None] = mapped_column(Date)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}


class OrderCounter(Base):
    """Gap-free order numbers per year."""

    __tablename__ = "order_counters"
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
