"""SQLite through the standard library's sqlite3, for what start-up does before the first window: sign in (and its
audit entry), the office and the Overview's counts and reminders. Importing SQLAlchemy is about half of the time
from launching to a usable window (≈ 130 ms of ≈ 300 on the reference machine), so a local file's start runs these
few statements through plain connections, and SQLAlchemy loads once the window is up (:meth:`Workspace.warm_up`).

The statements are written once, as SQL text with ``:name`` parameters, against the small interface of
:class:`Sql`: on SQLite a :class:`PlainWork` runs them on its own sqlite3 connection, on PostgreSQL (where SQLAlchemy
is loaded anyway) :class:`.session.CoreSql` runs the same text through SQLAlchemy. Connections are made by
:func:`connect`, the same function the SQLAlchemy engine uses, so both see a database configured the same way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Protocol

from .work import Work

BUSY_TIMEOUT_MS = 15_000


def connect(path: Path, read_only: bool) -> sqlite3.Connection:
    """A connection to a PartnerDesk file: autocommit mode (units of work say BEGIN themselves), busy timeout,
    foreign keys; writers in WAL mode with synchronous=FULL. Usable from any thread (one at a time)."""
    target = f"file:{path.as_posix()}?mode=ro" if read_only else f"file:{path.as_posix()}?mode=rwc"
    conn = sqlite3.connect(target, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False,
                           isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys=ON")
        if not read_only:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
    except BaseException:
        conn.close()
        raise
    return conn


def utcnow() -> datetime:
    """Naive UTC timestamp (stored the same way on SQLite and PostgreSQL)."""
    return datetime.now(UTC).replace(tzinfo=None)


Params = Mapping[str, Any]


class Sql(Protocol):
    """Plain SQL with ``:name`` parameters inside a unit of work. Dates and times go in through :meth:`value` (SQLite
    keeps them as text, in SQLAlchemy's format, so the ORM reads them back) and come out through :func:`as_date` and
    :func:`as_datetime`."""

    dialect: str

    def rows(self, sql: str, params: Params | None = None) -> list[tuple]: ...

    def scalar(self, sql: str, params: Params | None = None) -> Any: ...

    def run(self, sql: str, params: Params | None = None) -> int: ...

    def run_many(self, sql: str, params: Sequence[Params]) -> None: ...

    def value(self, v: object) -> object: ...


def sqlite_value(v: object) -> object:
    """A date or time as SQLAlchemy's SQLite types store it (``2026-12-06 06:45:00.000000``, ``2026-12-06``)."""
    if isinstance(v, datetime):
        return v.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(v, date):
        return v.isoformat()
    return v


def as_datetime(v: object) -> datetime | None:
    """A DATETIME column's value as read by plain SQL: text on SQLite, a datetime from a server."""
    if v is None or isinstance(v, datetime):
        return v
    return datetime.fromisoformat(str(v))


def as_date(v: object) -> date | None:
    """A DATE column's value as read by plain SQL: text on SQLite, a date from a server."""
    if v is None or isinstance(v, date):
        return v
    return date.fromisoformat(str(v)[:10])


def in_list(name: str, values: Iterable[object]) -> tuple[str, dict[str, object]]:
    """``IN (…)`` with one parameter per value (neither driver expands a list by itself): the SQL and its
    parameters. An empty list matches nothing."""
    params = {f"{name}_{i}": v for i, v in enumerate(values)}
    if not params:
        return "IN (NULL)", {}
    return "IN (" + ", ".join(f":{key}" for key in params) + ")", params


class PlainWork(Work):
    """A unit of work on a fresh sqlite3 connection to ``path``: ``BEGIN IMMEDIATE`` for a writer (the write lock up
    front, as the engine's writers take it), ``BEGIN`` for a reader; commit once or roll back; closed at the end."""

    dialect = "sqlite"

    def __init__(self, path: Path, *, read_only: bool, write: bool) -> None:
        self._path = path
        self._read_only = read_only
        self._write = write and not read_only
        self.conn: sqlite3.Connection

    @property
    def sql(self) -> PlainWork:
        return self

    def _open(self) -> None:
        self.conn = connect(self._path, self._read_only)
        try:
            self.conn.execute("BEGIN IMMEDIATE" if self._write else "BEGIN")
        except BaseException:
            self.conn.close()
            raise

    def _commit(self) -> None:
        self.conn.execute("COMMIT")

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def _close(self) -> None:
        self.conn.close()

    # -- Sql ---------------------------------------------------------------------------------------------------
    def rows(self, sql: str, params: Params | None = None) -> list[tuple]:
        return self.conn.execute(sql, params or {}).fetchall()

    def scalar(self, sql: str, params: Params | None = None) -> Any:
        row = self.conn.execute(sql, params or {}).fetchone()
        return row[0] if row else None

    def run(self, sql: str, params: Params | None = None) -> int:
        return self.conn.execute(sql, params or {}).rowcount

    def run_many(self, sql: str, params: Sequence[Params]) -> None:
        self.conn.executemany(sql, params)

    def value(self, v: object) -> object:
        return sqlite_value(v)
