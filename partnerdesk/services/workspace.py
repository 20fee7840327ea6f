"""The one object through which the edges reach the core (cf. Anki's Collection).

Built by :func:`open_workspace`: file checks, instance lock, engine, migrations after a verified backup.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..db import backup as db_backup
from ..db import fileguard, migrate
from ..db.lock import InstanceLock
from ..db.plain import PlainWork, utcnow
from ..db.plain import connect as plain_connect
from ..db.session import SqlWork, UnitOfWork, make_factories, writer_engine
from ..db.url import describe, is_sqlite, sqlite_path
from ..domain.errors import DomainError
from ..domain.roles import Actor

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)


# What SQLAlchemy the app needs, third-party modules only: :func:`load_sqlalchemy` imports them on a worker thread
# after start-up, and none of them imports one of ours, so that thread can never hold a module lock the GUI
# thread's own imports (ours first, SQLAlchemy's after) wait for the other way round.
SQLALCHEMY_MODULES = ("sqlalchemy", "sqlalchemy.orm", "sqlalchemy.dialects.sqlite", "sqlalchemy.pool")


def load_sqlalchemy() -> None:
    """Import SQLAlchemy and its ORM (≈ 200 ms of Python), e.g. on a worker thread once the first window is up."""
    import importlib

    for name in SQLALCHEMY_MODULES:
        importlib.import_module(name)


def _make_engine(url: str, read_only: bool) -> Engine:
    from ..db.engine import make_engine  # imports SQLAlchemy

    return make_engine(url, read_only=read_only)


@dataclass
class Workspace:
    """``bound_engine``: the SQLAlchemy engine, when the opener made one (a server database); for a SQLite file it
    is made, and SQLAlchemy imported, the first time :attr:`engine` is asked for. Start-up gets by without it
    (:meth:`read_plain`, :meth:`write_plain`)."""

    url: str
    bound_engine: Engine | None = None
    read_only: bool = False
    backup_dir: Path | None = None
    lock: InstanceLock | None = None
    actor: Actor | None = None
    clock: Callable[[], datetime] = field(default=utcnow)
    notes: list[str] = field(default_factory=list)  # what opening did (e.g. "migrated", "backup:...")
    integrity: IntegrityGate | None = None  # a large file's deep check, still running in the background
    verified_at: float | None = None  # when the SQLite file's content was last known sound (seals it at close)
    suspect: bool = False  # a backup of the file failed its check: never seal it, the next start checks it all
    _engine_lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    @property
    def engine(self) -> Engine:
        if self.bound_engine is None:
            with self._engine_lock:
                if self.bound_engine is None:
                    self.bound_engine = _make_engine(self.url, self.read_only)
        return self.bound_engine

    @property
    def is_sqlite(self) -> bool:
        return is_sqlite(self.url)

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    @property
    def description(self) -> str:
        return describe(self.url)

    # The ORM's session factories are made (and ``sqlalchemy.orm`` imported) the first time a service asks for a
    # session: start-up reads and signs in through plain SQL (:meth:`read_plain`, :meth:`write_plain`).
    @cached_property
    def _factories(self) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
        return make_factories(self.engine)

    @property
    def reader(self) -> sessionmaker[Session]:
        return self._factories[0]

    @property
    def writer(self) -> sessionmaker[Session]:
        return self._factories[1]

    def warm_up(self) -> None:
        """Make the engine, import the ORM and map the tables now, which start-up leaves for later: called once the
        first window is idle, so the first page opened after the Overview does not wait for them."""
        from ..db import models  # noqa: F401 - maps the classes onto the tables

        _ = self._factories

    def read(self) -> UnitOfWork:
        return UnitOfWork(self.reader)

    def write(self) -> UnitOfWork:
        self._may_write()
        return UnitOfWork(self.writer)

    def read_sql(self) -> SqlWork:
        """A unit of work on a Core connection (no ORM), for reading."""
        return SqlWork(self.engine)

    def write_sql(self) -> SqlWork:
        """A unit of work on a Core connection (no ORM) that writes: the same rules as :meth:`write`."""
        self._may_write()
        return SqlWork(writer_engine(self.engine))

    def read_plain(self) -> PlainWork | SqlWork:
        """A unit of work for plain SQL (its ``sql``: :class:`..db.plain.Sql`), for reading: on a SQLite file a
        sqlite3 connection of its own, with no SQLAlchemy; on a server, :meth:`read_sql`'s Core connection."""
        if self.path is None:
            return self.read_sql()
        return PlainWork(self.path, read_only=self.read_only, write=False)

    def write_plain(self) -> PlainWork | SqlWork:
        """As :meth:`read_plain`, for writing: the same rules as :meth:`write` (the write lock taken at the start)."""
        if self.path is None:
            return self.write_sql()
        self._may_write()
        return PlainWork(self.path, read_only=False, write=True)

    def _may_write(self) -> None:
        if self.read_only:
            raise DomainError("db.read_only")
        if self.integrity is not None:
            self.integrity.wait_ok()  # nothing is written to a file before it has passed its check

    def now(self) -> datetime:
        """The time, naive UTC (as stored)."""
        return self.clock()

    def today(self) -> date:
        """The office's calendar day (the machine's local time zone): what dates on records and forms mean. The
        clock is UTC, so between midnight and 08:00 in Beijing ``now().date()`` would still say yesterday."""
        return self.clock().replace(tzinfo=UTC).astimezone().date()

    def content_verified(self, at: float) -> None:
        """A verified backup was just taken of this file: its content was sound at ``at`` (epoch seconds)."""
        self.verified_at = max(at, self.verified_at or 0.0)

    def close(self) -> None:
        if self.bound_engine is not None:
            self.bound_engine.dispose()
        if self.lock is not None:
            self._settle()
            self._seal()
            self.lock.release()
            self.lock = None

    def _settle(self) -> None:
        """Leave the file at rest: the last read-write connection to close checkpoints the WAL and removes it. (A
        read-only connection, e.g. a backup's source, cannot: without this the -wal it opened would stay beside
        the file and keep it from being sealed.)"""
        path = self.path
        if path is None or not path.exists():
            return
        try:
            plain_connect(path, read_only=False).close()
        except (OSError, sqlite3.Error) as exc:  # only costs the next start its full check
            log.warning("could not settle %s before closing it: %s", path, exc)

    def _seal(self) -> None:
        """A clean close of a file verified this session: the next start may skip the full check (see fileguard)."""
        path = self.path
        verified = self.verified_at
        if self.integrity is not None:
            verified = max(verified or 0.0, self.integrity.verified_at() or 0.0) or None
        if path is None or verified is None or self.suspect:
            return
        try:
            fileguard.write_seal(path, verified)
        except OSError as exc:  # only costs the next start its full check
            log.warning("could not seal %s after closing it: %s", path, exc)


# Files up to this size get SQLite's quick_check before opening (~20 ms per MB); larger files are checked on a
# background thread while the user signs in, and the first write waits for the verdict.
DEEP_CHECK_MAX_BYTES = 32 * 1024 * 1024


class IntegrityGate:
    """SQLite's quick_check of a large file, run beside start-up; :meth:`wait_ok` blocks until it is done."""

    def __init__(self, path: Path, inspection: fileguard.Inspection | None = None) -> None:
        self.path = path
        self._inspection = inspection or fileguard.Inspection(path)

    def verified_at(self) -> float | None:
        return self._inspection.verified_at()

    def wait_ok(self) -> None:
        r = self._inspection.result()
        if r is None or not r.usable:
            state = r.state.value if r else "corrupt"
            raise DomainError("db.unusable", state=state, detail=r.detail if r else "", path=str(self.path))


def open_workspace(url: str, *, read_only: bool = False, backup_dir: Path | None = None,
                   pg_schema: str | None = None, migrate_schema: bool = True,
                   inspection: fileguard.Inspection | None = None) -> Workspace:
    """Open (creating if new) a PartnerDesk database.

    ``inspection``: the deep check of the SQLite file, started earlier (app start-up starts it before importing
    Qt); its verdict is used when it is about this file and nothing has written to it since, else the file is
    checked now as usual.

    Raises DomainError: ``db.unusable`` (state, detail, path) for a damaged or foreign file — nothing was
    written; ``db.in_use`` (user, host, pid) when another instance holds a SQLite file;
    ``db.newer_schema`` when a later PartnerDesk wrote it (open read-only instead).
    """
    if is_sqlite(url):
        return _open_sqlite(url, read_only, backup_dir, migrate_schema, inspection)
    from ..db.engine import make_engine

    engine = make_engine(url, read_only=read_only, pg_schema=pg_schema)
    ws = Workspace(url, engine, read_only=read_only)
    _prepare_schema(ws, migrate_schema)
    return ws


def _open_sqlite(url: str, read_only: bool, backup_dir: Path | None, migrate_schema: bool,
                 inspection: fileguard.Inspection | None) -> Workspace:
    path = sqlite_path(url)
    assert path is not None
    if inspection is not None and not inspection.matches(path):
        inspection = None
    started = time.time()
    sealed_at = inspection.sealed_at if inspection is not None else fileguard.sealed_since(path)
    # a sealed file gets the header checks only; else a small file is checked now, a large one in the background
    background = sealed_at is None and path.exists() and path.stat().st_size > DEEP_CHECK_MAX_BYTES
    deep = sealed_at is None and not background
    check = inspection.result() if inspection is not None and not background else None
    if check is None:  # no earlier check, or it could not read the file: check now (it raises what it meets)
        check = fileguard.inspect(path, deep=deep)
    if not check.usable:
        raise DomainError("db.unusable", state=check.state.value, detail=check.detail, path=str(path))
    if read_only and check.state is fileguard.FileState.NEW:
        raise DomainError("db.missing", path=str(path))
    if not read_only and check.state is fileguard.FileState.OK:
        # Refuse a later release's file before the engine switches it to WAL or anything else writes to it.
        revision = fileguard.schema_revision(path)
        if revision is not None and revision not in migrate.known_revisions():
            raise DomainError("db.newer_schema", revision=revision)
    lock = None
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = InstanceLock(path)
        holder = lock.acquire()
        if holder is not None:
            raise DomainError("db.in_use", user=holder.user, host=holder.host, pid=holder.pid, since=holder.since)
        fileguard.break_seal(path)  # from now on the file may change: only a clean close seals it again
    try:
        ws = Workspace(url, read_only=read_only, backup_dir=backup_dir, lock=lock)  # the engine comes when asked for
        if sealed_at is not None:
            ws.verified_at = sealed_at
        elif background:
            ws.integrity = IntegrityGate(path, inspection)
        else:
            ws.verified_at = started  # checked just now (or created just now)
        _prepare_schema(ws, migrate_schema)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    return ws


def _prepare_schema(ws: Workspace, migrate_schema: bool) -> None:
    # A SQLite file's revision is read through sqlite3; only when it is not the current one (or cannot be read)
    # does the engine, with SQLAlchemy, have a say.
    state = migrate.file_status(ws.path) if ws.path is not None else None
    if state != "current":
        state = migrate.status(ws.engine)
    if state == "newer" and not ws.read_only:
        ws.close()
        raise DomainError("db.newer_schema")
    if state in ("current", "newer") or not migrate_schema:
        return
    if ws.read_only:
        if state == "empty":
            raise DomainError("db.missing", path=ws.description)
        ws.notes.append("schema_behind_read_only")
        return
    if ws.integrity is not None:
        ws.integrity.wait_ok()  # a migration writes: the file must have passed its check first
    if state == "behind" and ws.is_sqlite and ws.backup_dir is not None:
        info = db_backup.take(ws.path, ws.backup_dir, "pre-migration")  # type: ignore[arg-type]
        ws.notes.append(f"backup:{info.path}")
    migrate.upgrade(ws.engine)
    ws.notes.append("created" if state == "empty" else "migrated")
