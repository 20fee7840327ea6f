"""Human words for the codes of funds: kinds, accounts, transactions, application states, steps, roles.

English sources in the "FundLabels" context; the Chinese is in resources/translations/funds_zh_CN.ts.
Unknown codes show as they are.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "FundLabels"

FUND_KINDS = {
    "pool": QT_TRANSLATE_NOOP("FundLabels", "Community fund pool"),
    "se_ledger": QT_TRANSLATE_NOOP("FundLabels", "Social-enterprise ledger"),
    "micro": QT_TRANSLATE_NOOP("FundLabels", "Community micro-fund"),
    "other": QT_TRANSLATE_NOOP("FundLabels", "Other fund"),
}
ACCOUNT_KINDS = {
    "asset": QT_TRANSLATE_NOOP("FundLabels", "Asset"),
    "liability": QT_TRANSLATE_NOOP("FundLabels", "Liability"),
    "net_assets": QT_TRANSLATE_NOOP("FundLabels", "Net assets"),
    "income": QT_TRANSLATE_NOOP("FundLabels", "Income"),
    "expense": QT_TRANSLATE_NOOP("FundLabels", "Expense"),
}
TXN_KINDS = {
    "manual": QT_TRANSLATE_NOOP("FundLabels", "Manual entry"),
    "feedback": QT_TRANSLATE_NOOP("FundLabels", "Revenue feedback"),
    "donation": QT_TRANSLATE_NOOP("FundLabels", "Donation"),
    "reversal": QT_TRANSLATE_NOOP("FundLabels", "Reversal"),
    "disbursement": QT_TRANSLATE_NOOP("FundLabels", "Project payment"),
}
APP_STATES = {
    "draft": QT_TRANSLATE_NOOP("FundLabels", "Draft"),
    "submitted": QT_TRANSLATE_NOOP("FundLabels", "Submitted"),
    "in_approval": QT_TRANSLATE_NOOP("FundLabels", "In approval"),
    "returned": QT_TRANSLATE_NOOP("FundLabels", "Returned for changes"),
    "approved": QT_TRANSLATE_NOOP("FundLabels", "Approved"),
    "rejected": QT_TRANSLATE_NOOP("FundLabels", "Rejected"),
    "withdrawn": QT_TRANSLATE_NOOP("FundLabels", "Withdrawn"),
    "superseded": QT_TRANSLATE_NOOP("FundLabels", "Superseded"),
}
STEP_STATES = {
    "pending": QT_TRANSLATE_NOOP("FundLabels", "Waiting"),
    "approved": QT_TRANSLATE_NOOP("FundLabels", "Approved"),
    "rejected": QT_TRANSLATE_NOOP("FundLabels", "Rejected"),
    "returned": QT_TRANSLATE_NOOP("FundLabels", "Returned"),
    "skipped": QT_TRANSLATE_NOOP("FundLabels", "Not needed"),
}
DECISIONS = {
    "approve": QT_TRANSLATE_NOOP("FundLabels", "Approve"),
    "reject": QT_TRANSLATE_NOOP("FundLabels", "Reject"),
    "return": QT_TRANSLATE_NOOP("FundLabels", "Return for changes"),
}
APPLICANT_KINDS = {
    "community": QT_TRANSLATE_NOOP("FundLabels", "Community"),
    "partner": QT_TRANSLATE_NOOP("FundLabels", "Partner"),
    "resident_group": QT_TRANSLATE_NOOP("FundLabels", "Resident group"),
}
ROLES = {
    "community_worker": QT_TRANSLATE_NOOP("FundLabels", "Community worker"),
    "staff": QT_TRANSLATE_NOOP("FundLabels", "Case officer"),
    "approver": QT_TRANSLATE_NOOP("FundLabels", "Approver"),
    "admin": QT_TRANSLATE_NOOP("FundLabels", "Administrator"),
}
MEMBER_ROLES = {
    "member": QT_TRANSLATE_NOOP("FundLabels", "Committee member"),
    "chair": QT_TRANSLATE_NOOP("FundLabels", "Committee chair"),
    "supervisor": QT_TRANSLATE_NOOP("FundLabels", "Supervisor"),
}
DONOR_KINDS = {
    "person": QT_TRANSLATE_NOOP("FundLabels", "Person"),
    "organisation": QT_TRANSLATE_NOOP("FundLabels", "Organisation"),
}
PERIOD_KINDS = {
    "month": QT_TRANSLATE_NOOP("FundLabels", "Month"),
    "quarter": QT_TRANSLATE_NOOP("FundLabels", "Quarter"),
    "year": QT_TRANSLATE_NOOP("FundLabels", "Year"),
}


def _tr(table: dict[str, str], code: str) -> str:
    source = table.get(code)
    return QCoreApplication.translate(CONTEXT, source) if source else code


def fund_kind(code: str) -> str:
    return _tr(FUND_KINDS, code)


def account_kind(code: str) -> str:
    return _tr(ACCOUNT_KINDS, code)


def txn_kind(code: str) -> str:
    return _tr(TXN_KINDS, code)


def app_state(code: str) -> str:
    return _tr(APP_STATES, code)


def step_state(code: str) -> str:
    return _tr(STEP_STATES, code)


def decision(code: str) -> str:
    return _tr(DECISIONS, code)


def applicant_kind(code: str) -> str:
    return _tr(APPLICANT_KINDS, code)


def role(code: str) -> str:
    return _tr(ROLES, code)


def member_role(code: str) -> str:
    return _tr(MEMBER_ROLES, code)


def donor_kind(code: str) -> str:
    return _tr(DONOR_KINDS, code)


def choices(table: dict[str, str]) -> list[tuple[str, str]]:
    return [(code, _tr(table, code)) for code in table]
