"""Human words for the codes of the partner capability (states, steps, reasons, statuses).

English sources in the "PartnerLabels" context; the Chinese is in resources/translations/partners_zh_CN.ts.
Unknown codes (a later capability's) show as they are.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "PartnerLabels"

STATES = {
    "registered": QT_TRANSLATE_NOOP("PartnerLabels", "Registered"),
    "applied": QT_TRANSLATE_NOOP("PartnerLabels", "Applied"),
    "community_approved": QT_TRANSLATE_NOOP("PartnerLabels", "Approved by community"),
    "street_approved": QT_TRANSLATE_NOOP("PartnerLabels", "Approved by street"),
    "filed": QT_TRANSLATE_NOOP("PartnerLabels", "Filed"),
    "committed": QT_TRANSLATE_NOOP("PartnerLabels", "Commitment signed"),
    "active": QT_TRANSLATE_NOOP("PartnerLabels", "Active on site"),
    "rejected": QT_TRANSLATE_NOOP("PartnerLabels", "Rejected"),
    "exited": QT_TRANSLATE_NOOP("PartnerLabels", "Exited"),
}

ACTIONS = {
    "register": QT_TRANSLATE_NOOP("PartnerLabels", "Register"),
    "submit": QT_TRANSLATE_NOOP("PartnerLabels", "Submit application"),
    "community_approve": QT_TRANSLATE_NOOP("PartnerLabels", "Community approval"),
    "street_approve": QT_TRANSLATE_NOOP("PartnerLabels", "Street approval"),
    "reject": QT_TRANSLATE_NOOP("PartnerLabels", "Send back"),
    "resubmit": QT_TRANSLATE_NOOP("PartnerLabels", "Resubmit"),
    "file": QT_TRANSLATE_NOOP("PartnerLabels", "File"),
    "sign_commitment": QT_TRANSLATE_NOOP("PartnerLabels", "Sign commitment letter"),
    "activate": QT_TRANSLATE_NOOP("PartnerLabels", "Move in"),
    "renew": QT_TRANSLATE_NOOP("PartnerLabels", "Renew"),
    "exit": QT_TRANSLATE_NOOP("PartnerLabels", "Exit"),
    "merge": QT_TRANSLATE_NOOP("PartnerLabels", "Merge"),
}

EXIT_REASONS = {
    "term_expired": QT_TRANSLATE_NOOP("PartnerLabels", "Term expired"),
    "voluntary": QT_TRANSLATE_NOOP("PartnerLabels", "Voluntary withdrawal"),
    "evaluation_failed": QT_TRANSLATE_NOOP("PartnerLabels", "Failed evaluation after rectification"),
    "breach": QT_TRANSLATE_NOOP("PartnerLabels", "Breach of commitment or safety incident"),
    "licence_lost": QT_TRANSLATE_NOOP("PartnerLabels", "Licence lost"),
    "space_reclaimed": QT_TRANSLATE_NOOP("PartnerLabels", "Space reclaimed"),
    "merged": QT_TRANSLATE_NOOP("PartnerLabels", "Merged into another record"),
}

HOLDERS = {
    "organisation": QT_TRANSLATE_NOOP("PartnerLabels", "Organisation (credit code)"),
    "individual": QT_TRANSLATE_NOOP("PartnerLabels", "Individual (resident ID)"),
    "group": QT_TRANSLATE_NOOP("PartnerLabels", "Group (credit code if any)"),
}

AUTHORITIES = {
    "staffing": QT_TRANSLATE_NOOP("PartnerLabels", "Staffing office"),
    "foreign_affairs": QT_TRANSLATE_NOOP("PartnerLabels", "Foreign affairs"),
    "judicial": QT_TRANSLATE_NOOP("PartnerLabels", "Judicial administration"),
    "culture": QT_TRANSLATE_NOOP("PartnerLabels", "Culture"),
    "civil_affairs": QT_TRANSLATE_NOOP("PartnerLabels", "Civil affairs"),
    "religion": QT_TRANSLATE_NOOP("PartnerLabels", "Religious affairs"),
    "trade_union": QT_TRANSLATE_NOOP("PartnerLabels", "Trade union"),
    "industry_commerce": QT_TRANSLATE_NOOP("PartnerLabels", "Industry and commerce"),
    "market_regulation": QT_TRANSLATE_NOOP("PartnerLabels", "Market regulation"),
    "overseas_affairs": QT_TRANSLATE_NOOP("PartnerLabels", "Overseas Chinese affairs"),
    "agriculture": QT_TRANSLATE_NOOP("PartnerLabels", "Agriculture"),
    "other": QT_TRANSLATE_NOOP("PartnerLabels", "Other"),
}

CATEGORIES = {
    "social_group": QT_TRANSLATE_NOOP("PartnerLabels", "Social group"),
    "private_non_enterprise": QT_TRANSLATE_NOOP("PartnerLabels", "Private non-enterprise unit"),
    "foundation": QT_TRANSLATE_NOOP("PartnerLabels", "Foundation"),
    "other": QT_TRANSLATE_NOOP("PartnerLabels", "Other"),
}

SEXES = {"M": QT_TRANSLATE_NOOP("PartnerLabels", "Male"), "F": QT_TRANSLATE_NOOP("PartnerLabels", "Female")}

ATTENDANCE = {
    "scheduled": QT_TRANSLATE_NOOP("PartnerLabels", "Scheduled"),
    "present": QT_TRANSLATE_NOOP("PartnerLabels", "Present"),
    "absent": QT_TRANSLATE_NOOP("PartnerLabels", "Absent"),
    "replaced": QT_TRANSLATE_NOOP("PartnerLabels", "Replaced"),
}

NOTICE_STATUSES = {
    "draft": QT_TRANSLATE_NOOP("PartnerLabels", "Draft"),
    "open": QT_TRANSLATE_NOOP("PartnerLabels", "Open"),
    "closed": QT_TRANSLATE_NOOP("PartnerLabels", "Closed"),
}

LIST_STATUSES = {
    "open": QT_TRANSLATE_NOOP("PartnerLabels", "Unmet"),
    "matched": QT_TRANSLATE_NOOP("PartnerLabels", "Matched"),
    "met": QT_TRANSLATE_NOOP("PartnerLabels", "Met"),
    "closed": QT_TRANSLATE_NOOP("PartnerLabels", "Closed"),
    "available": QT_TRANSLATE_NOOP("PartnerLabels", "Idle"),
    "in_use": QT_TRANSLATE_NOOP("PartnerLabels", "In use"),
    "withdrawn": QT_TRANSLATE_NOOP("PartnerLabels", "Withdrawn"),
    "planned": QT_TRANSLATE_NOOP("PartnerLabels", "Planned"),
    "running": QT_TRANSLATE_NOOP("PartnerLabels", "Running"),
    "done": QT_TRANSLATE_NOOP("PartnerLabels", "Done"),
    "cancelled": QT_TRANSLATE_NOOP("PartnerLabels", "Cancelled"),
}

RESOURCE_KINDS = {
    "room": QT_TRANSLATE_NOOP("PartnerLabels", "Idle room"),
    "capability": QT_TRANSLATE_NOOP("PartnerLabels", "Partner capability"),
    "space": QT_TRANSLATE_NOOP("PartnerLabels", "Idle space (space register)"),
}

DICTIONARY_KINDS = {
    "partner_type": QT_TRANSLATE_NOOP("PartnerLabels", "Partner types"),
    "service_domain": QT_TRANSLATE_NOOP("PartnerLabels", "Service domains"),
    "need_source": QT_TRANSLATE_NOOP("PartnerLabels", "Need sources"),
}

WEEKDAYS = (
    QT_TRANSLATE_NOOP("PartnerLabels", "Monday"), QT_TRANSLATE_NOOP("PartnerLabels", "Tuesday"),
    QT_TRANSLATE_NOOP("PartnerLabels", "Wednesday"), QT_TRANSLATE_NOOP("PartnerLabels", "Thursday"),
    QT_TRANSLATE_NOOP("PartnerLabels", "Friday"), QT_TRANSLATE_NOOP("PartnerLabels", "Saturday"),
    QT_TRANSLATE_NOOP("PartnerLabels", "Sunday"),
)


def tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def _label(table: dict[str, str], code: str | None) -> str:
    if not code:
        return ""
    source = table.get(code)
    return tr(source) if source else code


def state(code: str) -> str:
    return _label(STATES, code)


def action(code: str) -> str:
    return _label(ACTIONS, code)


def exit_reason(code: str) -> str:
    return _label(EXIT_REASONS, code)


def holder(code: str) -> str:
    return _label(HOLDERS, code)


def authority(code: str) -> str:
    return _label(AUTHORITIES, code)


def category(code: str) -> str:
    return _label(CATEGORIES, code)


def sex(code: str) -> str:
    return _label(SEXES, code)


def attendance(code: str) -> str:
    return _label(ATTENDANCE, code)


def notice_status(code: str) -> str:
    return _label(NOTICE_STATUSES, code)


def list_status(code: str) -> str:
    return _label(LIST_STATUSES, code)


def resource_kind(code: str) -> str:
    return _label(RESOURCE_KINDS, code)


def dictionary_kind(code: str) -> str:
    return _label(DICTIONARY_KINDS, code)


def weekday(index: int) -> str:
    return tr(WEEKDAYS[index]) if 0 <= index < len(WEEKDAYS) else str(index)
