"""The foundation tables as SQLAlchemy Core: meta, organisation tree, users, audit chain.

Defined without the ORM, for the services that read them in Core (the audit trail's browser and check, the
consistency check): :mod:`.models.core` maps its classes onto these same tables, so the ORM services and Alembic
see one schema, and the shared :data:`metadata` holds every table. (What start-up itself reads and writes of them
is plain SQL, :mod:`.plain`.)
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from .plain import utcnow  # its home is plain: start-up needs it before SQLAlchemy is loaded

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

__all__ = ["NAMING", "app_meta", "audit_log", "community_phases", "metadata", "org_units", "user_communities",
           "users", "utcnow"]

metadata = MetaData(naming_convention=NAMING)


def _required(name: str, type_, *args, **kw) -> Column:  # noqa: ANN001
    return Column(name, type_, *args, nullable=False, **kw)


# Key/value facts about the file: application marker, office, audit chain head.
app_meta = Table(
    "app_meta", metadata,
    Column("key", String(64), primary_key=True),
    _required("value", Text, default=""),
)

org_units = Table(
    "org_units", metadata,
    Column("id", Integer, primary_key=True),
    _required("kind", String(16), index=True),
    Column("parent_id", ForeignKey("org_units.id", ondelete="RESTRICT"), index=True),
    _required("name", String(100)),
    _required("code", String(32), default=""),
    _required("is_pilot", Boolean, default=False),
    _required("phase", String(24), default=""),
    Column("phase_since", Date),
    _required("version", Integer, default=1),
    _required("created_at", DateTime, default=utcnow),
    UniqueConstraint("parent_id", "name", name="parent_name"),
    Index("ix_org_units_name", "name"),  # lists sorted by community read it in name order
)

# History: the date a community entered each rollout phase.
community_phases = Table(
    "community_phases", metadata,
    Column("id", Integer, primary_key=True),
    _required("community_id", ForeignKey("org_units.id", ondelete="CASCADE"), index=True),
    _required("phase", String(24)),
    _required("entered_on", Date),
    UniqueConstraint("community_id", "phase", name="community_phase"),
)

users = Table(
    "users", metadata,
    Column("id", Integer, primary_key=True),
    _required("username", String(64), unique=True),
    _required("display_name", String(100), default=""),
    _required("role", String(24)),
    _required("password_hash", String(255)),
    _required("active", Boolean, default=True),
    _required("failed_logins", Integer, default=0),
    Column("locked_until", DateTime),
    Column("last_login_at", DateTime),
    _required("created_at", DateTime, default=utcnow),
    _required("version", Integer, default=1),
)

user_communities = Table(
    "user_communities", metadata,
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("community_id", ForeignKey("org_units.id", ondelete="RESTRICT"), primary_key=True),
)

# Append-only hash chain. ``seq`` is unique, so two writers can never fork the chain.
audit_log = Table(
    "audit_log", metadata,
    Column("id", Integer, primary_key=True),
    _required("seq", Integer, unique=True),
    _required("at", String(32), index=True),
    Column("user_id", Integer),
    _required("username", String(64), index=True),
    _required("action", String(64), index=True),
    _required("entity", String(64), default=""),
    _required("entity_id", String(64), default=""),
    _required("before", Text, default=""),
    _required("after", Text, default=""),
    _required("prev_hash", String(64)),
    _required("hash", String(64)),
    Index("ix_audit_entity", "entity", "entity_id"),
)
