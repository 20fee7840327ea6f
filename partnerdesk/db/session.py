"""Units of work: one user action = one transaction = one commit; anything else rolls back.

:class:`UnitOfWork` gives the services an ORM ``Session``; :class:`SqlWork` a Core ``Connection`` (the audit
browser, the consistency check; on PostgreSQL also start-up's plain SQL, through :class:`CoreSql`).
Both commit, roll back and translate database errors the same way (:mod:`.work`). Nothing here imports SQLAlchemy
before it is used: a local file's start signs in through :mod:`.plain` and loads SQLAlchemy after the first window.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .plain import Params
from .work import Work, translate_db_error

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.engine import Connection, RootTransaction
    from sqlalchemy.orm import Session, sessionmaker

__all__ = ["CoreSql", "SqlWork", "UnitOfWork", "make_factories", "translate_db_error", "writer_engine"]

class UnitOfWork(Work):
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


class SqlWork(Work):
    """A Core connection in one transaction, for one user action (``engine`` carries the writer's options)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self.conn: Connection
        self._tx: RootTransaction

    @property
    def sql(self) -> CoreSql:
        """The plain-SQL interface (:class:`.plain.Sql`) on this connection."""
        return CoreSql(self.conn)

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


def writer_engine(engine: Engine) -> Engine:
    """The engine as writers use it: on SQLite their transactions start with the write lock (``BEGIN IMMEDIATE``)."""
    return engine.execution_options(pd_write=True)


def make_factories(engine: Engine) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
    """(reader, writer) session factories; the writer's transactions start with the write lock on SQLite."""
    from sqlalchemy.orm import sessionmaker

    reader = sessionmaker(bind=engine, expire_on_commit=False, autoflush=False)
    writer = sessionmaker(bind=writer_engine(engine), expire_on_commit=False, autoflush=False)
    return reader, writer


class CoreSql:
    """:class:`.plain.Sql` on a SQLAlchemy connection: the same SQL text, through ``text()`` (PostgreSQL's start
    path; an ORM service's audit entry)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.dialect = conn.dialect.name

    def _execute(self, sql: str, params: Params | Sequence[Params] | None):  # noqa: ANN202 - CursorResult
        from sqlalchemy import text

        return self.conn.execute(text(sql), params or {})

    def rows(self, sql: str, params: Params | None = None) -> list[tuple]:
        return [tuple(r) for r in self._execute(sql, params)]

    def scalar(self, sql: str, params: Params | None = None) -> Any:
        return self._execute(sql, params).scalar()

    def run(self, sql: str, params: Params | None = None) -> int:
        return self._execute(sql, params).rowcount

    def run_many(self, sql: str, params: Sequence[Params]) -> None:
        self._execute(sql, list(params))

    def value(self, v: object) -> object:
        if self.dialect == "sqlite":
            from .plain import sqlite_value

            return sqlite_value(v)
        return v
