"""Foundation tables: meta, organisation tree, users, audit chain."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow


class AppMeta(Base):
    """Key/value facts about the file: application marker, office, audit chain head."""

    __tablename__ = "app_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class OrgUnit(Base):
    __tablename__ = "org_units"
    __table_args__ = (UniqueConstraint("parent_id", "name", name="parent_name"),
                      Index("ix_org_units_name", "name"))  # lists sorted by community read it in name order

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("org_units.id", ondelete="RESTRICT"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    code: Mapped[str] = mapped_column(String(32), default="")
    is_pilot: Mapped[bool] = mapped_column(Boolean, default=False)
    phase: Mapped[str] = mapped_column(String(24), default="")
    phase_since: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    phases: Mapped[list[CommunityPhase]] = relationship(order_by="CommunityPhase.entered_on",
                                                        cascade="all, delete-orphan")
    __mapper_args__ = {"version_id_col": version}


class CommunityPhase(Base):
    """History: the date a community entered each rollout phase."""

    __tablename__ = "community_phases"
    __table_args__ = (UniqueConstraint("community_id", "phase", name="community_phase"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("org_units.id", ondelete="CASCADE"), index=True)
    phase: Mapped[str] = mapped_column(String(24))
    entered_on: Mapped[date] = mapped_column(Date)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[str] = mapped_column(String(24))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    communities: Mapped[list[UserCommunity]] = relationship(cascade="all, delete-orphan")
    __mapper_args__ = {"version_id_col": version}


class UserCommunity(Base):
    __tablename__ = "user_communities"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("org_units.id", ondelete="RESTRICT"), primary_key=True)


class AuditLog(Base):
    """Append-only hash chain. ``seq`` is unique, so two writers can never fork the chain."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    at: Mapped[str] = mapped_column(String(32), index=True)
    user_id: Mapped[int | None] = mapped_column(Integer)
    username: Mapped[str] = mapped_column(String(64), index=True)
    action: Mapped[str] = mapped_column(String(64), index=True)
    entity: Mapped[str] = mapped_column(String(64), default="")
    entity_id: Mapped[str] = mapped_column(String(64), default="")
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
