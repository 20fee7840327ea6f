"""Small shared helpers for services that edit simple versioned records."""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from datetime import date, datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from ..domain.errors import DomainError


def get_versioned(s: Session, model: type, record_id: int, version: int | None = None, entity: str = ""):  # noqa: ANN201
    obj = s.get(model, record_id)
    if obj is None:
        raise DomainError("record.missing", entity=entity or model.__tablename__, id=record_id)
    if version is not None and getattr(obj, "version", version) != version:
        raise DomainError("record.conflict")
    return obj


def snapshot(obj: object, names: tuple[str, ...]) -> dict:
    out = {}
    for n in names:
        v = getattr(obj, n)
        out[n] = v.isoformat() if isinstance(v, (date, datetime)) else v
    return out


def to_row(row_type: type, obj: object):  # noqa: ANN201
    """Build a frozen row dataclass from an ORM object with the same attribute names."""
    assert is_dataclass(row_type)
    return row_type(**{f.name: getattr(obj, f.name) for f in fields(row_type)})


def sync_id_sequence(s: Session, model: type) -> None:
    """After a bulk insert with explicit ids, move PostgreSQL's id sequence past them (SQLite needs nothing)."""
    if s.get_bind().dialect.name != "postgresql":
        return
    table = model.__tablename__
    s.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                   f"(SELECT coalesce(max(id), 1) FROM {table}))"))


def insert_ignore(s: Session, model: type):  # noqa: ANN201 - an Insert statement
    """INSERT ... ON CONFLICT DO NOTHING (two first uses of a counter row must not collide)."""
    if s.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(model).on_conflict_do_nothing()


def refresh_statistics(ws) -> None:  # noqa: ANN001
    """Planner statistics after a bulk load. Without them SQLite never starts a join from partners or spaces,
    so sorting a list by name sorts every row (bounded ANALYZE: ~0.03 s on a 330 MB file). PostgreSQL's
    autovacuum keeps its own statistics."""
    if ws.engine.dialect.name != "sqlite" or ws.read_only:
        return
    with ws.write() as uow:
        uow.session.execute(text("PRAGMA analysis_limit=400"))
        uow.session.execute(text("ANALYZE"))
        uow.commit()
