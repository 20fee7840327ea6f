from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase

from ..tables import NAMING, metadata, utcnow

__all__ = ["NAMING", "Base", "utcnow"]


class Base(DeclarativeBase):
    metadata = metadata  # the Core tables of ..tables and every mapped class's table: one schema
