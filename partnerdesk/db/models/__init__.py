"""ORM models. Import every module here so metadata is complete for Alembic."""

from .base import Base, utcnow
from .core import AppMeta, AuditLog, CommunityPhase, OrgUnit, User, UserCommunity

__all__ = ["AppMeta", "AuditLog", "Base", "CommunityPhase", "OrgUnit", "User", "UserCommunity", "utcnow"]
