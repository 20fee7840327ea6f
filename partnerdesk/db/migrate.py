"""Schema migrations through Alembic, in one transaction, after a verified backup (the caller takes it)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.errors import DomainError
from . import fileguard

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

_HERE = Path(__file__).resolve().parent / "migrations"

# The revisions this release knows, oldest first; the last is the head. Kept as data so that opening a current
# database needs no Alembic import (start-up time); tests/unit/test_migrations_head.py checks it against
# Alembic's own view of the scripts.
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009")
HEAD = REVISIONS[-1]


def config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(_HERE))
    return cfg


def head() -> str:
    return HEAD


def known_revisions() -> set[str]:
    return set(REVISIONS)


def current(engine: Engine) -> str | None:
    from sqlalchemy import inspect, text

    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def status(engine: Engine) -> str:
    """'empty', 'current', 'behind' or 'newer' (written by a later PartnerDesk: never write to it)."""
    return _state(current(engine))


def file_status(path: Path) -> str:
    """:func:`status` of a SQLite file that passed fileguard's checks, read through sqlite3 (no engine needed)."""
    return _state(fileguard.schema_revision(path))


def _state(rev: str | None) -> str:
    if rev is None:
        return "empty"
    if rev == head():
        return "current"
    if rev not in known_revisions():
        return "newer"
    return "behind"


def upgrade(engine: Engine, target: str = "head") -> None:
    if status(engine) == "newer":
        raise DomainError("db.newer_schema", revision=current(engine) or "")
    from alembic import command

    cfg = config()
    with engine.execution_options(pd_write=True).connect() as conn:
        # Begin before Alembic sees the connection: it then treats the transaction as external and leaves it
        # alone. Otherwise, on SQLite (transactional_ddl False in Alembic), it commits after every revision,
        # and a crash between revisions leaves a half-upgraded file. One transaction: all revisions or none.
        with conn.begin():
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)


def foreign_key_problems(engine: Engine) -> list[tuple]:
    if engine.dialect.name != "sqlite":
        return []
    with engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql("PRAGMA foreign_key_check")]
