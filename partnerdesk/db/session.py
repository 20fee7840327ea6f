"""Unit of work: one user action = one session = one commit; anything else rolls back."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from ..domain.errors import DomainError


class UnitOfWork:
    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory
        self.session: Session
        self._committed = False

    def __enter__(self) -> UnitOfWork:
        self.session = self._factory()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> bool:
        try:
            if not self._committed:
                self.session.rollback()
        finally:
            self.session.close()
        if exc is not None and not isinstance(exc, DomainError):
            translated = translate_db_error(exc)
            if translated is not None:
                raise translated from exc
        return False

    def commit(self) -> None:
        try:
            self.session.commit()
        except Exception as exc:
            translated = translate_db_error(exc)
            if translated is not None:
                raise translated from exc
            raise
        self._committed = True


def translate_db_error(exc: BaseException) -> DomainError | None:
    if isinstance(exc, StaleDataError):
        return DomainError("record.conflict")
    if isinstance(exc, OperationalError):
        text = str(exc.orig).lower()
        if "locked" in text or "busy" in text or "deadlock" in text or "could not serialize" in text:
            return DomainError("db.busy")
        if "readonly" in text or "read-only" in text or "read only" in text:
            return DomainError("db.read_only")
        if "disk is full" in text or "no space left" in text:  # SQLITE_FULL; nothing was committed
            return DomainError("db.disk_full")
        if "disk i/o error" in text:  # SQLITE_IOERR; nothing was committed
            return DomainError("db.io_error")
        return None
    if isinstance(exc, DataError):  # e.g. PostgreSQL: value too long for type character varying(n)
        return DomainError("record.bad_value", detail=str(exc.orig).splitlines()[0][:200])
    if isinstance(exc, IntegrityError):
        detail = str(exc.orig).splitlines()[0][:200]
        if "foreign key" in detail.lower():
            return DomainError("record.referenced", detail=detail)
        return DomainError("record.duplicate", detail=detail)
    return None


def make_factories(engine: Engine) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
    """(reader, writer) session factories; the writer's transactions start with the write lock on SQLite."""
    reader = sessionmaker(bind=engine, expire_on_commit=False, autoflush=False)
    writer = sessionmaker(bind=engine.execution_options(pd_write=True), expire_on_commit=False, autoflush=False)
    return reader, writer
