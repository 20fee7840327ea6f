"""Foundation tables as mapped classes: meta, organisation tree, users, audit chain. The tables themselves are
SQLAlchemy Core (:mod:`..tables`), which the audit browser and the consistency check read without the ORM."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Mapped, relationship

from .. import tables
from .base import Base


class AppMeta(Base):
    """Key/value facts about the file: application marker, office, audit chain head."""

    __table__ = tables.app_meta
    key: Mapped[str]
    value: Mapped[str]


class OrgUnit(Base):
    __table__ = tables.org_units

    id: Mapped[int]
    kind: Mapped[str]
    parent_id: Mapped[int | None]
    name: Mapped[str]
    code: Mapped[str]
    is_pilot: Mapped[bool]
    phase: Mapped[str]
    phase_since: Mapped[date | None]
    version: Mapped[int]
    created_at: Mapped[datetime]

    phases: Mapped[list[CommunityPhase]] = relationship(order_by="CommunityPhase.entered_on",
                                                        cascade="all, delete-orphan")
    __mapper_args__ = {"version_id_col": tables.org_units.c.version}


class CommunityPhase(Base):
    """History: the date a community entered each rollout phase."""

    __table__ = tables.community_phases

    id: Mapped[int]
    community_id: Mapped[int]
    phase: Mapped[str]
    entered_on: Mapped[date]


class User(Base):
    __table__ = tables.users

    id: Mapped[int]
    username: Mapped[str]
    display_name: Mapped[str]
    role: Mapped[str]
    password_hash: Mapped[str]
    active: Mapped[bool]
    failed_logins: Mapped[int]
    locked_until: Mapped[datetime | None]
    last_login_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    version: Mapped[int]

    communities: Mapped[list[UserCommunity]] = relationship(cascade="all, delete-orphan")
    __mapper_args__ = {"version_id_col": tables.users.c.version}


class UserCommunity(Base):
    __table__ = tables.user_communities

    user_id: Mapped[int]
    community_id: Mapped[int]


class AuditLog(Base):
    """Append-only hash chain. ``seq`` is unique, so two writers can never fork the chain."""

    __table__ = tables.audit_log

    id: Mapped[int]
    seq: Mapped[int]
    at: Mapped[str]
    user_id: Mapped[int | None]
    username: Mapped[str]
    action: Mapped[str]
    entity: Mapped[str]
    entity_id: Mapped[str]
    before: Mapped[str]
    after: Mapped[str]
    prev_hash: Mapped[str]
    hash: Mapped[str]
