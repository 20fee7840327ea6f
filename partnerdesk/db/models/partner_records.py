"""Around the partner registry: dictionaries, lifecycle events, attachments, filing counters, lifecycle rules, notices,
the three lists (needs, resources, projects) and the duty rota."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from . import partners  # noqa: F401 - the partners table their foreign keys point to is defined first
from .base import Base, utcnow


class DictItem(Base):
    """Editable dictionaries: partner types, service domains, need sources, project categories."""

    __tablename__ = "dict_items"
    __table_args__ = (UniqueConstraint("kind", "code", name="kind_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    code: Mapped[str] = mapped_column(String(48))
    label: Mapped[str] = mapped_column(String(100))
    holder: Mapped[str] = mapped_column(String(16), default="")  # partner types: organisation / individual
    grp: Mapped[str] = mapped_column(String(48), default="")  # partner types: the Yuzhong family
    category: Mapped[str] = mapped_column(String(48), default="")  # partner types: the "1+3+N" category
    sort: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}


class PartnerEvent(Base):
    """One lifecycle transition (or registration, edit, merge): the timeline of a partner."""

    __tablename__ = "partner_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id"), index=True)
    action: Mapped[str] = mapped_column(String(32))
    from_state: Mapped[str] = mapped_column(String(24), default="")
    to_state: Mapped[str] = mapped_column(String(24), default="")
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    on_date: Mapped[date | None] = mapped_column(Date)
    username: Mapped[str] = mapped_column(String(64))
    opinion: Mapped[str] = mapped_column(Text, default="")
    attachment_id: Mapped[int | None] = mapped_column(ForeignKey("attachments.id"))


class Blob(Base):
    """Content-addressed file bytes (kept in the database so backups and the shared server carry them)."""

    __tablename__ = "blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Attachment(Base):
    __tablename__ = "attachments"
    __table_args__ = (Index("ix_attachments_owner", "entity", "entity_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str] = mapped_column(String(255))
    kind: Mapped[str] = mapped_column(String(32), default="")  # licence, id_card, charter, other
    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"))
    size: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    added_by: Mapped[str] = mapped_column(String(64))


class FilingCounter(Base):
    """Gap-free filing numbers per street and year: incremented in the filing's own transaction."""

    __tablename__ = "filing_counters"
    street_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


class LifecycleRule(Base):
    """Which roles may take each lifecycle action (editable; defaults in domain.lifecycle)."""

    __tablename__ = "lifecycle_rules"
    action: Mapped[str] = mapped_column(String(32), primary_key=True)
    roles: Mapped[str] = mapped_column(String(200))


class RecruitmentNotice(Base):
    __tablename__ = "recruitment_notices"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    issuer_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), index=True)
    domain_codes: Mapped[str] = mapped_column(Text, default="")  # comma-separated dictionary codes
    conditions: Mapped[str] = mapped_column(Text, default="")
    benefits: Mapped[str] = mapped_column(Text, default="")
    open_from: Mapped[date | None] = mapped_column(Date)
    open_to: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="draft")  # draft / open / closed
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}


class Need(Base):
    """需求清单."""

    __tablename__ = "needs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(32))  # door_to_door / survey / hotline / resident_meeting
    category: Mapped[str] = mapped_column(String(48), index=True)  # service-domain code
    households: Mapped[int] = mapped_column(Integer, default=0)
    people: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)  # open / matched / met / closed
    recorded_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}


class Resource(Base):
    """资源清单: idle rooms (linked to spaces once they exist) and partner capabilities."""

    __tablename__ = "resources"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # room / capability
    title: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(48), default="")
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id"), index=True)
    space_id: Mapped[int | None] = mapped_column(Integer)  # the spaces capability adds the foreign key
    area_centi_m2: Mapped[int] = mapped_column(Integer, default=0)  # m² × 100, exact
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="available", index=True)  # available / in_use / withdrawn
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}


class Project(Base):
    """项目清单: a need matched to a resource and a partner."""

    __tablename__ = "projects"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(48), index=True)
    need_id: Mapped[int | None] = mapped_column(ForeignKey("needs.id"))
    resource_id: Mapped[int | None] = mapped_column(ForeignKey("resources.id"))
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="planned", index=True)  # planned/running/done/cancelled
    started_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}


class RotaPattern(Base):
    """A weekly duty at a venue: e.g. Monday 14:00–17:00 mother-and-baby advice by partner X."""

    __tablename__ = "rota_patterns"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), index=True)
    venue: Mapped[str] = mapped_column(String(100))
    weekday: Mapped[int] = mapped_column(Integer)  # 0 = Monday
    start: Mapped[str] = mapped_column(String(5))  # HH:MM
    end: Mapped[str] = mapped_column(String(5))
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id"), index=True)
    topic: Mapped[str] = mapped_column(String(200), default="")
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class RotaShift(Base):
    __tablename__ = "rota_shifts"
    __table_args__ = (UniqueConstraint("pattern_id", "on_date", name="pattern_date"),
                      Index("ix_rota_shifts_date", "on_date", "community_id"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pattern_id: Mapped[int | None] = mapped_column(ForeignKey("rota_patterns.id"))
    community_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"))
    venue: Mapped[str] = mapped_column(String(100))
    on_date: Mapped[date] = mapped_column(Date)
    start: Mapped[str] = mapped_column(String(5))
    end: Mapped[str] = mapped_column(String(5))
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id"), index=True)
    topic: Mapped[str] = mapped_column(String(200), default="")
    attendance: Mapped[str] = mapped_column(String(16), default="scheduled")  # scheduled/present/absent/replaced
    replaced_by_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}
