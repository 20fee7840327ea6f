"""Human words for the codes of the service loop (kinds, order states, steps, complaint states).

English sources in the "ServiceLabels" context; the Chinese is in resources/translations/services_zh_CN.ts.
Unknown codes show as they are.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "ServiceLabels"

KINDS = {
    "free": QT_TRANSLATE_NOOP("ServiceLabels", "Free"),
    "low_fee": QT_TRANSLATE_NOOP("ServiceLabels", "Low fee"),
    "paid": QT_TRANSLATE_NOOP("ServiceLabels", "Paid"),
}

ORDER_STATES = {
    "pending": QT_TRANSLATE_NOOP("ServiceLabels", "Pending review"),
    "in_service": QT_TRANSLATE_NOOP("ServiceLabels", "In service"),
    "completed": QT_TRANSLATE_NOOP("ServiceLabels", "Completed"),
    "rejected": QT_TRANSLATE_NOOP("ServiceLabels", "Rejected"),
    "cancelled": QT_TRANSLATE_NOOP("ServiceLabels", "Cancelled"),
}

ORDER_ACTIONS = {
    "create": QT_TRANSLATE_NOOP("ServiceLabels", "Ordered"),
    "dispatch": QT_TRANSLATE_NOOP("ServiceLabels", "Dispatch"),
    "reject": QT_TRANSLATE_NOOP("ServiceLabels", "Reject"),
    "return": QT_TRANSLATE_NOOP("ServiceLabels", "Return to the pool"),
    "cancel": QT_TRANSLATE_NOOP("ServiceLabels", "Cancel"),
    "deliver": QT_TRANSLATE_NOOP("ServiceLabels", "Record delivery"),
    "rate": QT_TRANSLATE_NOOP("ServiceLabels", "Rate"),
    "complain": QT_TRANSLATE_NOOP("ServiceLabels", "Lodge a complaint"),
    "decide_complaint": QT_TRANSLATE_NOOP("ServiceLabels", "Decide the complaint"),
    "complaint": QT_TRANSLATE_NOOP("ServiceLabels", "Complaint"),
    "accept": QT_TRANSLATE_NOOP("ServiceLabels", "Accept"),
}

COMPLAINT_STATES = {
    "open": QT_TRANSLATE_NOOP("ServiceLabels", "Open"),
    "upheld": QT_TRANSLATE_NOOP("ServiceLabels", "Upheld"),
    "dismissed": QT_TRANSLATE_NOOP("ServiceLabels", "Dismissed"),
}


def _word(table: dict[str, str], code: str) -> str:
    source = table.get(code)
    return QCoreApplication.translate(CONTEXT, source) if source else code


def kind(code: str) -> str:
    return _word(KINDS, code)


def order_state(code: str) -> str:
    return _word(ORDER_STATES, code)


def order_action(code: str) -> str:
    return _word(ORDER_ACTIONS, code)


def complaint_state(code: str) -> str:
    return _word(COMPLAINT_STATES, code)


def kinds() -> list[tuple[str, str]]:
    return [(code, kind(code)) for code in KINDS]


def order_states() -> list[tuple[str, str]]:
    return [(code, order_state(code)) for code in ORDER_STATES]


def stars(n: int | None) -> str:
    return "" if not n else "★" * n + "☆" * (5 - n)


def hours(minutes: int) -> str:
    """Minutes as hours with at most two decimals (90 -> "1.5")."""
    if not minutes:
        return ""
    return f"{minutes / 60:.2f}".rstrip("0").rstrip(".")
