"""Human words for the codes of spaces and agreements (kinds, owners, statuses, states, modes, steps).

English sources in the "AgreementLabels" context; the Chinese is in resources/translations/agreements_zh_CN.ts.
Unknown codes show as they are.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "AgreementLabels"

KINDS = {
    "activity_room": QT_TRANSLATE_NOOP("AgreementLabels", "Activity room"),
    "canteen": QT_TRANSLATE_NOOP("AgreementLabels", "Canteen"),
    "office": QT_TRANSLATE_NOOP("AgreementLabels", "Office"),
    "service_centre": QT_TRANSLATE_NOOP("AgreementLabels", "Service centre"),
    "outdoor_site": QT_TRANSLATE_NOOP("AgreementLabels", "Outdoor site"),
    "other": QT_TRANSLATE_NOOP("AgreementLabels", "Other"),
}
OWNERS = {
    "street_office": QT_TRANSLATE_NOOP("AgreementLabels", "Street office"),
    "community": QT_TRANSLATE_NOOP("AgreementLabels", "Community"),
    "property_company": QT_TRANSLATE_NOOP("AgreementLabels", "Property company"),
    "other": QT_TRANSLATE_NOOP("AgreementLabels", "Other"),
}
SPACE_STATUSES = {
    "idle": QT_TRANSLATE_NOOP("AgreementLabels", "Idle"),
    "under_agreement": QT_TRANSLATE_NOOP("AgreementLabels", "Under agreement"),
    "renovation": QT_TRANSLATE_NOOP("AgreementLabels", "Under renovation"),
    "withdrawn": QT_TRANSLATE_NOOP("AgreementLabels", "Withdrawn"),
}
CURRENT_FILTER = QT_TRANSLATE_NOOP("AgreementLabels", "In progress or in force")
STATES = {
    "draft": QT_TRANSLATE_NOOP("AgreementLabels", "Draft"),
    "approved": QT_TRANSLATE_NOOP("AgreementLabels", "Approved"),
    "signed": QT_TRANSLATE_NOOP("AgreementLabels", "Signed"),
    "in_force": QT_TRANSLATE_NOOP("AgreementLabels", "In force"),
    "expiring": QT_TRANSLATE_NOOP("AgreementLabels", "Ending soon"),
    "renewed": QT_TRANSLATE_NOOP("AgreementLabels", "Renewed"),
    "terminated": QT_TRANSLATE_NOOP("AgreementLabels", "Terminated"),
    "expired": QT_TRANSLATE_NOOP("AgreementLabels", "Expired"),
}
MODES = {
    "free": QT_TRANSLATE_NOOP("AgreementLabels", "Free of charge"),
    "low_rent": QT_TRANSLATE_NOOP("AgreementLabels", "Low rent"),
    "revenue_share": QT_TRANSLATE_NOOP("AgreementLabels", "Revenue share"),
    "space_for_services": QT_TRANSLATE_NOOP("AgreementLabels", "Space for services"),
    "space_for_funds": QT_TRANSLATE_NOOP("AgreementLabels", "Space for funds"),
}
ACTIONS = {
    "create": QT_TRANSLATE_NOOP("AgreementLabels", "Drafted"),
    "update": QT_TRANSLATE_NOOP("AgreementLabels", "Draft changed"),
    "approve": QT_TRANSLATE_NOOP("AgreementLabels", "Approve"),
    "sign": QT_TRANSLATE_NOOP("AgreementLabels", "Sign"),
    "start": QT_TRANSLATE_NOOP("AgreementLabels", "Put in force"),
    "terminate": QT_TRANSLATE_NOOP("AgreementLabels", "Terminate"),
    "expire": QT_TRANSLATE_NOOP("AgreementLabels", "Close as expired"),
}
PAYERS = {
    "partner": QT_TRANSLATE_NOOP("AgreementLabels", "Partner"),
    "community": QT_TRANSLATE_NOOP("AgreementLabels", "Community"),
}
WEEKDAYS = (QT_TRANSLATE_NOOP("AgreementLabels", "Monday"), QT_TRANSLATE_NOOP("AgreementLabels", "Tuesday"),
            QT_TRANSLATE_NOOP("AgreementLabels", "Wednesday"), QT_TRANSLATE_NOOP("AgreementLabels", "Thursday"),
            QT_TRANSLATE_NOOP("AgreementLabels", "Friday"), QT_TRANSLATE_NOOP("AgreementLabels", "Saturday"),
            QT_TRANSLATE_NOOP("AgreementLabels", "Sunday"))


def _tr(table: dict[str, str], code: str) -> str:
    source = table.get(code)
    return QCoreApplication.translate(CONTEXT, source) if source else code


def kind(code: str) -> str:
    return _tr(KINDS, code)


def owner(code: str) -> str:
    return _tr(OWNERS, code)


def space_status(code: str) -> str:
    return _tr(SPACE_STATUSES, code)


def state(code: str) -> str:
    return _tr(STATES, code)


def mode(code: str) -> str:
    return _tr(MODES, code)


def action(code: str) -> str:
    return _tr(ACTIONS, code)


def payer(code: str) -> str:
    return _tr(PAYERS, code)


def weekday(n: int) -> str:
    return QCoreApplication.translate(CONTEXT, WEEKDAYS[n]) if 0 <= n < 7 else str(n)


def choices(table: dict[str, str]) -> list[tuple[str, str]]:
    return [(code, _tr(table, code)) for code in table]


def translate_current() -> str:
    return QCoreApplication.translate(CONTEXT, CURRENT_FILTER)
