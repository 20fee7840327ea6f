"""Cell helpers shared by the importers (partners, service records): a cell as text, a label as lookup key. Pure."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, time


def lookup_key(label: object) -> str:
    """How dictionary labels are matched: NFKC, no white space, case-folded."""
    return "".join(unicodedata.normalize("NFKC", str(label)).split()).casefold()


def as_text(value: object) -> str:
    """A cell as text: 12.0 -> '12', a date-time at midnight -> '2026-03-05', None -> ''."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value)
