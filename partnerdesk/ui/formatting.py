"""Display formats for times, dates and sizes (locale-aware through QLocale)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QLocale


def local_time(value: datetime | str | None) -> str:
    """A stored naive-UTC timestamp (or its ISO text) in local time, to the second."""
    if not value:
        return ""
    stamp = datetime.fromisoformat(value) if isinstance(value, str) else value
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return stamp.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def wall_time(value: datetime | None) -> str:
    """A local (naive) timestamp, to the minute."""
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def day(value: date | None) -> str:
    return value.isoformat() if value else ""


def size(n: int) -> str:
    return QLocale().formattedDataSize(n, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)
