"""Plain frozen rows handed to the edges (never live ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


class Page(list):
    """One page of a list's rows. ``total``: how many rows match in all, when the query learnt it on the way (a
    text search scans every row anyway, so its first page counts them too), else None."""

    total: int | None = None

    @classmethod
    def of(cls, rows: list, total: int | None = None) -> Page:
        page = cls(rows)
        page.total = total
        return page


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    display_name: str
    role: str
    active: bool
    locked_until: datetime | None
    last_login_at: datetime | None
    community_ids: tuple[int, ...]
    version: int


@dataclass(frozen=True)
class OrgUnitRow:
    id: int
    kind: str
    parent_id: int | None
    name: str
    code: str
    is_pilot: bool
    phase: str
    phase_since: date | None
    version: int


@dataclass(frozen=True)
class PhaseRow:
    phase: str
    entered_on: date

