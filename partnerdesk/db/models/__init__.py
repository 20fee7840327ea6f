"""ORM models. Import every module here so metadata is complete for Alembic."""

from .base import Base, utcnow
from .core import AppMeta, AuditLog, CommunityPhase, OrgUnit, User, UserCommunity
from .partners import (
                       Attachment,
                       Blob,
                       DictItem,
                       FilingCounter,
                       LifecycleRule,
                       Need,
                       Partner,
                       PartnerCommunity,
                       PartnerDomain,
                       PartnerEvent,
                       Project,
                       RecruitmentNotice,
                       Resource,
                       RotaPattern,
                       RotaShift,
)

__all__ = ["AppMeta", "Attachment", "AuditLog", "Base", "Blob", "CommunityPhase", "DictItem", "FilingCounter",
           "LifecycleRule", "Need", "OrgUnit", "Partner", "PartnerCommunity", "PartnerDomain", "PartnerEvent",
           "Project", "RecruitmentNotice", "Resource", "RotaPattern", "RotaShift", "User", "UserCommunity",
           "utcnow"]
