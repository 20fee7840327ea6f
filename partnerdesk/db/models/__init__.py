"""ORM models. The core tables load with this package; each capability's tables load the first time one of
their names is used (``from partnerdesk.db.models import Partner``), so start-up pays only for what it needs.
``load_all()`` imports everything (Alembic, schema checks)."""

from importlib import import_module

from .base import Base, utcnow
from .core import AppMeta, AuditLog, CommunityPhase, OrgUnit, User, UserCommunity

_LAZY = {
    "partners": ("Partner", "PartnerCommunity", "PartnerDomain"),
    "partner_records": ("Attachment", "Blob", "DictItem", "FilingCounter", "LifecycleRule", "Need", "PartnerEvent",
                        "Project", "RecruitmentNotice", "Resource", "RotaPattern", "RotaShift"),
    "agreements": ("Agreement", "AgreementCounter", "AgreementEvent", "AgreementSlot", "AgreementSupplement",
                   "OrderComplaint", "OrderCounter", "OrderEvent", "ResidentOrder", "ServiceRecord", "Space"),
    "funds": ("BalanceAssertion", "ClosedPeriod", "Donation", "DonationCounter", "FeedbackReceipt", "Fund", "FundMember",
              "LedgerAccount", "Posting", "RevenueReport", "Txn"),
    "documents": ("DocumentCounter", "IssuedDocument", "OfficeTemplate"),
    "funds_projects": ("Application", "ApprovalStep", "ApprovalTier", "BudgetLine", "Disbursement", "FundUseRule"),
}
_WHERE = {name: module for module, names in _LAZY.items() for name in names}

__all__ = ["AppMeta", "AuditLog", "Base", "CommunityPhase", "OrgUnit", "User", "UserCommunity", "load_all",
           "utcnow", *_WHERE]


def __getattr__(name: str):  # noqa: ANN202 - PEP 562 lazy attribute
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(name)
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def load_all() -> None:
    for module in _LAZY:
        import_module(f"{__name__}.{module}")
