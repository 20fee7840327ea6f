"""Password policy and lockout rule (hashing itself lives in services, it is I/O-free but library-bound)."""

from __future__ import annotations

from datetime import datetime, timedelta

from .errors import DomainError

MIN_LENGTH = 8
MAX_FAILURES = 5
LOCK_MINUTES = 15


def check_strength(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise DomainError("password.too_short", min=MIN_LENGTH)
    if password.isdigit() or password.isalpha():
        raise DomainError("password.too_simple")


def lock_until_after_failure(failures: int, now: datetime) -> datetime | None:
    """Return when the account unlocks if this failure count locks it, else None."""
    if failures >= MAX_FAILURES:
        return now + timedelta(minutes=LOCK_MINUTES)
    return None
