"""Duty rota rules: weekly patterns rolled out into dated shifts; attendance states."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .errors import DomainError

ATTENDANCE = ("scheduled", "present", "absent", "replaced")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def check_times(start: str, end: str) -> None:
    if not _TIME.match(start) or not _TIME.match(end):
        raise DomainError("rota.bad_time", start=start, end=end)
    if end <= start:
        raise DomainError("rota.end_before_start", start=start, end=end)


def dates_for(weekday: int, first: date, last: date, valid_from: date, valid_to: date | None) -> list[date]:
    """Every date with the given weekday (0 = Monday) in [first, last] ∩ [valid_from, valid_to]."""
    if not 0 <= weekday <= 6:
        raise DomainError("rota.bad_weekday", weekday=weekday)
    if last < first:
        raise DomainError("rota.bad_period")
    if (last - first).days > 366:
        raise DomainError("rota.period_too_long")
    start = max(first, valid_from)
    end = min(last, valid_to) if valid_to else last
    day = start + timedelta(days=(weekday - start.weekday()) % 7)
    out = []
    while day <= end:
        out.append(day)
        day += timedelta(days=7)
    return out


def attendance_rate(present: int, absent: int, replaced: int) -> float | None:
    """Share of past shifts the partner covered (replaced counts as not covered by them). For evaluation."""
    total = present + absent + replaced
    return None if total == 0 else present / total
