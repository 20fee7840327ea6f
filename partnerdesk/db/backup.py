"""Verified SQLite backups (online backup API), rotation and restore."""

from __future__ import annotations

import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from ..domain.errors import DomainError
from ..fsutil import atomic_write, fsync_dir
from . import fileguard
from .fileguard import APPLICATION_ID

# integrity_check looks every row up in each of its indexes: with SQLite's default 2 MB page cache a large file
# is read several times over (a 230 MB file: 7 s; with 128 MB of cache, held only while checking: 3.9 s).
VERIFY_CACHE_KIB = 128 * 1024

_NAME = re.compile(r"^partnerdesk-(\d{8}-\d{6})-([a-z-]+?)(?:-(\d+))?\.sqlite3$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: str
    size: int


def verify(path: Path) -> str | None:
    """Return None if ``path`` is a sound PartnerDesk database, else a short reason code."""
    check = fileguard.inspect(path, deep=False)
    if check.state is fileguard.FileState.NEW:
        return "empty"
    if not check.usable:
        return check.state.value
    try:
        conn = fileguard.ro_connect(path)
        try:
            conn.execute(f"PRAGMA cache_size = -{VERIFY_CACHE_KIB}")
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            result = [r[0] for r in conn.execute("PRAGMA integrity_check(5)")]
            has_meta = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE name IN ('app_meta','alembic_version')").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return "corrupt"
    if app_id != APPLICATION_ID or has_meta != 2:
        return "foreign"
    return None if result == ["ok"] else "corrupt"


def take(source: Path, backup_dir: Path, reason: str, now: datetime | None = None) -> BackupInfo:
    """Copy ``source`` into ``backup_dir`` and verify the copy before it gets its final name."""
    now = now or datetime.now()
    target = backup_dir / f"partnerdesk-{now:%Y%m%d-%H%M%S}-{reason}.sqlite3"
    n = 1
    while target.exists():
        target = backup_dir / f"partnerdesk-{now:%Y%m%d-%H%M%S}-{reason}-{n}.sqlite3"
        n += 1
    take_to(source, target)
    return BackupInfo(target, now, reason, target.stat().st_size)


def take_to(source: Path, target: Path) -> Path:
    """Online-backup ``source`` to exactly ``target`` (temp file, verify, fsync, atomic rename)."""

    def write(tmp: Path) -> None:
        src = sqlite3.connect(f"file:{source.as_posix()}?mode=ro", uri=True, timeout=30)
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)  # one step: a consistent snapshot even while others write
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
            src.close()
        problem = verify(tmp)
        if problem:
            raise DomainError("backup.unverified", reason=problem)

    return atomic_write(target, write)


def list_backups(backup_dir: Path) -> list[BackupInfo]:
    """Backups in the folder, newest first."""
    found = []
    if not backup_dir.is_dir():
        return found
    for p in backup_dir.iterdir():
        m = _NAME.match(p.name)
        if m:
            st = p.stat()
            # names have one-second resolution: within a second, the file time (then the "-N" counter) orders them
            order = (st.st_mtime_ns, int(m.group(3) or 0))
            found.append((order, BackupInfo(p, datetime.strptime(m.group(1), "%Y%m%d-%H%M%S"), m.group(2),
                                            st.st_size)))
    found.sort(key=lambda x: (x[1].taken_at, x[0], x[1].path.name), reverse=True)
    return [b for _, b in found]


def newest_verified(backup_dir: Path) -> BackupInfo | None:
    for info in list_backups(backup_dir):
        if verify(info.path) is None:
            return info
    return None


def plan_rotation(backups: list[BackupInfo], keep_daily: int, keep_weekly: int,
                  now: datetime, keep_recent: int = 5) -> list[BackupInfo]:
    """Which backups to delete: keep the newest few, the newest per day for ``keep_daily`` days and the
    newest per ISO week for ``keep_weekly`` weeks. Pure; the newest backup is always kept."""
    keep: set[Path] = {b.path for b in backups[:max(keep_recent, 1)]}
    days: dict[object, BackupInfo] = {}
    weeks: dict[object, BackupInfo] = {}
    for b in backups:  # newest first, so the first seen per bucket is the newest
        days.setdefault(b.taken_at.date(), b)
        weeks.setdefault(b.taken_at.isocalendar()[:2], b)
    day_cut = (now - timedelta(days=keep_daily)).date()
    week_cut = (now - timedelta(weeks=keep_weekly)).date()
    keep |= {b.path for d, b in days.items() if d > day_cut}
    keep |= {b.path for b in weeks.values() if b.taken_at.date() > week_cut}
    return [b for b in backups if b.path not in keep]


def rotate(backup_dir: Path, keep_daily: int, keep_weekly: int, now: datetime | None = None,
           verified: Path | None = None) -> list[Path]:
    """Delete what the plan says — only if the newest backup verifies (``verified``: a backup the caller has just
    taken and verified, not checked a second time when it is the newest). Then the temporary copies of backups
    that never finished (the process was killed while copying) go once they are a day old."""
    backups = list_backups(backup_dir)
    if not backups or (backups[0].path != verified and verify(backups[0].path) is not None):
        return []
    now = now or datetime.now()
    doomed = plan_rotation(backups, keep_daily, keep_weekly, now)
    for b in doomed:
        b.path.unlink(missing_ok=True)
    return [b.path for b in doomed] + _remove_unfinished(backup_dir, now)


_UNFINISHED = re.compile(r"^\.partnerdesk-.+\.part(?:-journal)?$")  # atomic_write's temporary names (and journals)
UNFINISHED_AFTER = timedelta(days=1)  # younger ones may belong to a backup another window is taking right now


def _remove_unfinished(backup_dir: Path, now: datetime) -> list[Path]:
    removed = []
    for p in backup_dir.iterdir():
        if _UNFINISHED.match(p.name):
            try:
                if datetime.fromtimestamp(p.stat().st_mtime) < now - UNFINISHED_AFTER:
                    p.unlink()
                    removed.append(p)
            except OSError:
                continue  # gone meanwhile, or not ours to delete: the next rotation tries again
    return removed


def restore(backup: Path, target: Path) -> None:
    """Replace ``target`` with a verified copy of ``backup``. The caller must hold the instance lock and
    have closed every connection to ``target``."""
    problem = verify(backup)
    if problem:
        raise DomainError("restore.refused", reason=problem)

    def write(tmp: Path) -> None:
        shutil.copyfile(backup, tmp)
        if verify(tmp) is not None:
            raise DomainError("restore.refused", reason="copy")

    fileguard.break_seal(target)
    for suffix in ("-wal", "-shm"):
        target.with_name(target.name + suffix).unlink(missing_ok=True)
    atomic_write(target, write)
    fsync_dir(target.parent)
