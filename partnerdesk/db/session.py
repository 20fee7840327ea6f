"""Units of work: one user action = one transaction = one commit; anything else rolls back.

:class:`UnitOfWork` gives the services an ORM ``Session``; :class:`SqlWork` gives a Core ``Connection`` to the few
actions that start-up runs (signing in, its audit entry, the Overview), so a start imports no ``sqlalchemy.orm``.
Both commit, roll back and translate database errors the same way. This module imports the ORM only when an ORM
session is first made.
"""

from __future__ import annotations

import sys
from types import TracebackType
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import DataError, IntegrityError, OperationalError

from ..domain.errors import DomainError

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, RootTransaction
    from sqlalchemy.orm import Session, sessionmaker


class _Work:
    """Commit once or roll back; errors of the database become domain errors."""

    _committed = False

    def __enter__(self):  # noqa: ANN204 - the subclass
        try:
            self._open()  # a writer's connection takes the write lock here (BEGIN IMMEDIATE): it may be busy
        except Exception as exc:
            translated = translate_db_error(exc)
            if translated is not None:
                raise translated from exc
            raise
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> bool:
        try:
            if not self._committed:
                self._rollback()
        finally:
            self._close()
        if exc is not None and not isinstance(exc, DomainError):
            translated = translate_db_error(exc)
            if translated is not None:
                raise translated from exc
        return False

    def commit(self) -> None:
        try:
            self._commit()
        except Exception as exc:
            translated = translate_db_error(exc)
            if translated is not None:
                raise translated from exc
            raise
        self._committed = True

    def _open(self) -> None:
        raise NotImplementedError

    def _commit(self) -> None:
        raise NotImplementedError

    def _rollback(self) -> None:
        raise NotImplementedError

    def _close(self) -> None:
        raise NotImplementedError


class UnitOfWork(_Work):
    """An ORM session for one user action."""

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory
        self.session: Session

    def _open(self) -> None:
        self.session = self._factory()

    def _commit(self) -> None:
        self.session.commit()

    def _rollback(self) -> None:
        self.session.rollback()

    def _close(self) -> None:
        self.session.close()


class SqlWork(_Work):
    """A Core connection in one transaction, for one user action (``engine`` carries the writer's options)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self.conn: Connection
        self._tx: RootTransaction

    def _open(self) -> None:
        self.conn = self._engine.connect()
        try:
            self._tx = self.conn.begin()
        except BaseException:
            self.conn.close()
            raise

    def _commit(self) -> None:
        self._tx.commit()

    def _rollback(self) -> None:
        if self._tx.is_active:
            self._tx.rollback()

    def _close(self) -> None:
        self.conn.close()


def _is_stale(exc: BaseException) -> bool:
    """The ORM's "row changed meanwhile" (a version number did not match); without the ORM loaded, it is not."""
    orm_exc = sys.modules.get("sqlalchemy.orm.exc")
    return orm_exc is not None and isinstance(exc, orm_exc.StaleDataError)


def translate_db_error(exc: BaseException) -> DomainError | None:
    if _is_stale(exc):
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


def writer_engine(engine: Engine) -> Engine:
    """The engine as writers use it: on SQLite their transactions start with the write lock (``BEGIN IMMEDIATE``)."""
    return engine.execution_options(pd_write=True)


def make_factories(engine: Engine) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
    """(reader, writer) session factories; the writer's transactions start with the write lock on SQLite."""
    from sqlalchemy.orm import sessionmaker

    reader = sessionmaker(bind=engine, expire_on_commit=False, autoflush=False)
    writer = sessionmaker(bind=writer_engine(engine), expire_on_commit=False, autoflush=False)
    return reader, writer
