"""What a command changed, so each page refreshes only what it shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")

ORG = "org"
USERS = "users"
AUDIT = "audit"
BACKUPS = "backups"
AGREEMENTS = "agreements"  # spaces, agreements, service records and orders (services.agreements and friends)
DOCUMENTS = "documents"  # issued documents and their archive
TEMPLATES = "templates"  # the office's template versions
ALL = "*"


@dataclass(frozen=True)
class Changes:
    areas: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, *areas: str) -> Changes:
        return cls(frozenset(areas) | {AUDIT})

    def touches(self, area: str) -> bool:
        return ALL in self.areas or area in self.areas


@dataclass(frozen=True)
class Outcome(Generic[T]):
    value: T
    changes: Changes
