"""Engine construction: SQLite (WAL, synchronous=FULL, foreign keys, busy timeout) or PostgreSQL (psycopg 3)."""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from . import plain
from .url import is_sqlite, sqlite_path


def make_engine(url: str, *, read_only: bool = False, pg_schema: str | None = None) -> Engine:
    if is_sqlite(url):
        return _sqlite_engine(url, read_only)
    return _pg_engine(url, read_only, pg_schema)


def _sqlite_engine(url: str, read_only: bool) -> Engine:
    path = sqlite_path(url)
    if path is None:
        raise ValueError("PartnerDesk needs a SQLite file, not an in-memory database")

    def connect():  # noqa: ANN202 - sqlite3.Connection
        return plain.connect(path, read_only)

    # An explicit QueuePool: for the "sqlite://" URL SQLAlchemy would pick SingletonThreadPool, which keeps
    # one connection per thread and, past five threads, closes connections other threads are using
    # (a segfault in sqlite3). The connections are made with check_same_thread=False for this.
    engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool, pool_pre_ping=False)
    engine.info = {"read_only": read_only, "path": path}  # type: ignore[attr-defined]

    @event.listens_for(engine, "begin")
    def _begin(conn):  # noqa: ANN001 - SQLAlchemy event signature
        # Writers take the write lock at BEGIN, so a unit of work never fails half-way on lock upgrade.
        immediate = conn.get_execution_options().get("pd_write") and not read_only
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _pg_engine(url: str, read_only: bool, pg_schema: str | None) -> Engine:
    options = []
    if pg_schema:
        options.append(f"-csearch_path={pg_schema}")
    if read_only:
        options.append("-cdefault_transaction_read_only=on")
    connect_args = {"options": " ".join(options)} if options else {}
    engine = create_engine(url, connect_args=connect_args, pool_pre_ping=True)
    engine.info = {"read_only": read_only, "path": None}  # type: ignore[attr-defined]
    return engine
