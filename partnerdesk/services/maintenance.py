"""Backups, restore, quarantine; the invariant check (`partnerdesk check`) is :mod:`.consistency`."""

from __future__ import annotations

import time
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from ..db import backup as db_backup
from ..db import fileguard, migrate
from ..db.lock import InstanceLock
from ..db.url import sqlite_path
from ..domain.errors import DomainError
from ..domain.roles import Perm, require
from . import audit
from .changes import BACKUPS, Changes, Outcome
from .workspace import Workspace, open_workspace

BackupInfo = db_backup.BackupInfo


def backup_now(ws: Workspace, reason: str = "manual", *, automatic: bool = False) -> Outcome[BackupInfo]:
    """Take a verified backup (the caller rotates old copies afterwards with :func:`rotate`)."""
    if not automatic:
        require(ws.actor, Perm.BACKUP)
    if not ws.is_sqlite:
        raise DomainError("backup.server_side")
    if ws.backup_dir is None:
        raise DomainError("backup.no_folder")
    with _copying(ws):
        info = db_backup.take(ws.path, ws.backup_dir, reason, now=datetime.now())  # type: ignore[arg-type]
    if not automatic and not ws.read_only:
        audit.record_event(ws, "backup", "file", info.path.name, {"reason": reason, "size": info.size})
    return Outcome(info, Changes.of(BACKUPS))


@contextmanager
def backup_beside(ws: Workspace, reason: str):  # noqa: ANN201 - yields a function that returns the backup's path
    """A bulk change's verified backup, taken on a worker thread while the caller reads and checks its rows (the
    copy and its integrity_check are SQLite's C code, which releases the GIL). Yields ``path()``: it waits for the
    backup and returns its path ("" on a server database or without a backup folder), or raises why it failed. The
    caller calls it before committing, so nothing is committed without its verified backup; leaving the block
    waits for the backup in any case."""
    if not ws.is_sqlite or ws.backup_dir is None:
        yield lambda: ""
        return
    from ..beside import Beside

    pending = Beside(lambda: str(backup_now(ws, reason, automatic=True).value.path), f"pd-backup-{reason}")
    try:
        yield pending.result
    finally:
        pending.join()


def backup_to(ws: Workspace, target: Path) -> Outcome[Path]:
    """A verified backup to a file the user names (``partnerdesk backup -o FILE``)."""
    require(ws.actor, Perm.BACKUP)
    if not ws.is_sqlite:
        raise DomainError("backup.server_side")
    with _copying(ws):
        path = db_backup.take_to(ws.path, target)  # type: ignore[arg-type]
    if not ws.read_only:
        audit.record_event(ws, "backup", "file", str(path), {"reason": "manual"})
    return Outcome(path, Changes.of(BACKUPS))


@contextmanager
def _copying(ws: Workspace):  # noqa: ANN202
    """A verified backup speaks about the file it was copied from: every page was read into the copy, so a copy
    that passes integrity_check says the file was sound when the copy began (the seal may skip the next start's
    full check), and one that fails as damaged says the file may be damaged (it is not sealed again)."""
    started = time.time()
    try:
        yield
    except DomainError as err:
        if err.code == "backup.unverified" and err.params.get("reason") == "corrupt":
            ws.suspect = True
        raise
    ws.content_verified(started)


def rotate(ws: Workspace, keep_daily: int, keep_weekly: int, verified: Path | None = None) -> list[Path]:
    """Old backups out (see ``db.backup.rotate``); ``verified``: the backup just taken, already checked."""
    if ws.backup_dir is None or not ws.is_sqlite:
        return []
    return db_backup.rotate(ws.backup_dir, keep_daily, keep_weekly, verified=verified)


def list_backups(backup_dir: Path) -> list[BackupInfo]:
    return db_backup.list_backups(backup_dir)


def last_backup(backup_dir: Path | None) -> BackupInfo | None:
    found = db_backup.list_backups(backup_dir) if backup_dir else []
    return found[0] if found else None


def quarantine(db_path: Path, quarantine_dir: Path, backup_dir: Path | None) -> tuple[Path, BackupInfo | None]:
    """Copy a damaged file aside (the original stays untouched) and find the newest verified backup."""
    copy = fileguard.quarantine(db_path, quarantine_dir)
    return copy, db_backup.newest_verified(backup_dir) if backup_dir else None


def sqlite_file(url: str) -> Path | None:
    """The file behind a SQLite URL (None for a server database)."""
    return sqlite_path(url)


def verify_backup_file(path: Path) -> str | None:
    return db_backup.verify(path)


def restore(db_path: Path, backup_file: Path, backup_dir: Path | None,
            credentials: tuple[str, str] | None) -> Path | None:
    """Replace the database at ``db_path`` with ``backup_file``.

    Refuses unverified or foreign files. When the current database is sound and has accounts, an
    administrator's credentials are required and a 'pre-restore' backup of it is taken first. A damaged
    current database needs no sign-in (it cannot be read). Returns the pre-restore backup path, if any.
    """
    problem = db_backup.verify(backup_file)
    if problem:
        raise DomainError("restore.refused", reason=problem)
    revision = fileguard.schema_revision(backup_file)
    if revision is not None and revision not in migrate.known_revisions():
        # written by a later release: this version could not open what it put in place
        raise DomainError("restore.refused", reason="newer_schema")
    safety = _authorise_and_save(db_path, backup_dir, credentials)
    lock = InstanceLock(db_path)
    holder = lock.acquire()
    if holder is not None:
        raise DomainError("db.in_use", user=holder.user, host=holder.host, pid=holder.pid, since=holder.since)
    try:
        db_backup.restore(backup_file, db_path)
    finally:
        lock.release()
    ws = open_workspace(f"sqlite:///{db_path}", backup_dir=backup_dir)
    try:
        audit.record_event(ws, "restore", "file", backup_file.name,
                           {"by": credentials[0] if credentials else "", "pre_restore": str(safety or "")})
    finally:
        ws.close()
    return safety


def _authorise_and_save(db_path: Path, backup_dir: Path | None, credentials) -> Path | None:
    if fileguard.inspect(db_path).state is not fileguard.FileState.OK:
        return None
    from . import signin  # local: signin imports audit, which is fine; avoids a cycle at import

    ws = open_workspace(f"sqlite:///{db_path}", backup_dir=backup_dir)
    try:
        if signin.is_initialised(ws):
            if credentials is None:
                raise DomainError("auth.not_signed_in")
            signin.login(ws, *credentials)
            require(ws.actor, Perm.RESTORE)
        if backup_dir is None:
            return None
        return db_backup.take(db_path, backup_dir, "pre-restore").path
    finally:
        ws.close()


def check(ws: Workspace, actor_required: bool = True):  # noqa: ANN201 - consistency.CheckReport
    """The consistency check of :mod:`.consistency` (it loads every capability's rules, so only when asked)."""
    from . import consistency

    return consistency.check(ws, actor_required)
