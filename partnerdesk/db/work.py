"""What every unit of work shares, whichever connection it holds: commit once or roll back, and database errors
turned into domain errors. No SQLAlchemy import here: start-up's plain SQLite units of work (:mod:`.plain`) use it
before SQLAlchemy is loaded; :mod:`.session` builds the ORM's and Core's on it.
"""

from __future__ import annotations

import sqlite3
import sys
from types import TracebackType

from ..domain.errors import DomainError


class Work:
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


def _is_stale(exc: BaseException) -> bool:
    """The ORM's "row changed meanwhile" (a version number did not match); without the ORM loaded, it is not."""
    orm_exc = sys.modules.get("sqlalchemy.orm.exc")
    return orm_exc is not None and isinstance(exc, orm_exc.StaleDataError)


_KINDS = ("OperationalError", "IntegrityError", "DataError")


def _database_error(exc: BaseException) -> tuple[str, BaseException] | None:
    """(kind, the driver's own exception) for an error of the database: SQLAlchemy's wrapper (when SQLAlchemy is
    loaded) or the sqlite3 module's own (plain units of work). Kinds are PEP 249's class names."""
    sa_exc = sys.modules.get("sqlalchemy.exc")
    if sa_exc is not None and isinstance(exc, sa_exc.DBAPIError):
        driver = exc.orig if exc.orig is not None else exc
    elif isinstance(exc, sqlite3.Error):
        driver = exc
    else:
        return None
    for cls in type(exc).__mro__:
        if cls.__name__ in _KINDS:
            return cls.__name__, driver
    return None


def translate_db_error(exc: BaseException) -> DomainError | None:
    if _is_stale(exc):
        return DomainError("record.conflict")
    found = _database_error(exc)
    if found is None:
        return None
    kind, driver = found
    if kind == "OperationalError":
        text = str(driver).lower()
        if "locked" in text or "busy" in text or "deadlock" in text or "could not serialize" in text:
            return DomainError("db.busy")
        if "readonly" in text or "read-only" in text or "read only" in text:
            return DomainError("db.read_only")
        if "disk is full" in text or "no space left" in text:  # SQLITE_FULL; nothing was committed
            return DomainError("db.disk_full")
        if "disk i/o error" in text:  # SQLITE_IOERR; nothing was committed
            return DomainError("db.io_error")
        return None
    detail = str(driver).splitlines()[0][:200] if str(driver) else ""
    if kind == "DataError":  # e.g. PostgreSQL: value too long for type character varying(n)
        return DomainError("record.bad_value", detail=detail)
    if "foreign key" in detail.lower():
        return DomainError("record.referenced", detail=detail)
    return DomainError("record.duplicate", detail=detail)
