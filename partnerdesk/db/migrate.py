"""Schema migrations through Alembic, in one transaction, after a verified backup (the caller takes it)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from ..domain.errors import DomainError

_HERE = Path(__file__).resolve().parent / "migrations"


def config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_HERE))
    return cfg


def head() -> str:
    return ScriptDirectory.from_config(config()).get_current_head()


def known_revisions() -> set[str]:
    return {s.revision for s in ScriptDirectory.from_config(config()).walk_revisions()}


def current(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def status(engine: Engine) -> str:
    """'empty', 'current', 'behind' or 'newer' (written by a later PartnerDesk: never write to it)."""
    rev = current(engine)
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
    cfg = config()
    with engine.execution_options(pd_write=True).connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
        conn.commit()


def foreign_key_problems(engine: Engine) -> list[tuple]:
    if engine.dialect.name != "sqlite":
        return []
    with engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql("PRAGMA foreign_key_check")]
