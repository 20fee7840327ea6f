"""Recognise a SQLite file before anything writes to it; never modify a file we do not trust."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import struct
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

APPLICATION_ID = 0x5044534B  # "PDSK": marks a PartnerDesk SQLite file (here, not in .engine: no SQLAlchemy needed)
SQLITE_MAGIC = b"SQLite format 3\x00"


class FileState(StrEnum):
    NEW = "new"  # absent or empty: will be created
    OK = "ok"
    NOT_SQLITE = "not_sqlite"
    SPREADSHEET = "spreadsheet"  # a zip (xlsx, docx) renamed
    TRUNCATED = "truncated"
    FOREIGN = "foreign"  # a SQLite file of another program
    CORRUPT = "corrupt"


@dataclass(frozen=True)
class FileCheck:
    state: FileState
    detail: str = ""

    @property
    def usable(self) -> bool:
        return self.state in (FileState.NEW, FileState.OK)


def inspect(path: Path, *, deep: bool = True) -> FileCheck:
    """Look at a database file read-only. ``deep`` runs SQLite's quick_check as well."""
    if not path.exists() or path.stat().st_size == 0:
        return FileCheck(FileState.NEW)
    with open(path, "rb") as fh:
        header = fh.read(100)
    if not header.startswith(SQLITE_MAGIC):
        if header.startswith(b"PK"):
            return FileCheck(FileState.SPREADSHEET, "zip/xlsx signature")
        return FileCheck(FileState.NOT_SQLITE, header[:16].hex())
    shallow = _check_header(path, header)
    if shallow is not None or not deep:
        return shallow or FileCheck(FileState.OK)
    return _quick_check(path)


class Inspection:
    """:func:`inspect` of one file, running on a worker thread from now on: SQLite's quick_check releases the
    GIL, so it proceeds while the caller imports Qt or builds windows. :meth:`result` waits for the verdict;
    :meth:`matches` says whether it still speaks for the file (same file, not written to since it began).

    A file sealed after a clean close (:func:`sealed_since`) gets the header checks only: its content was verified
    when the seal was written and nothing has touched it since."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._signature = _signature(path)
        self.started = time.time()
        self.sealed_at = sealed_since(path)
        self._result: FileCheck | None = None
        self._thread = threading.Thread(target=self._run, name="pd-file-check", daemon=True)
        self._thread.start()

    @property
    def deep(self) -> bool:
        return self.sealed_at is None

    def _run(self) -> None:
        try:
            self._result = inspect(self.path, deep=self.deep)
        except Exception:  # noqa: BLE001 - no verdict: result() is None, and the caller decides
            self._result = None

    def verified_at(self) -> float | None:
        """When the content was last known sound, without waiting: the seal's time, or the start of this check once
        it has passed; None while it runs or when it failed."""
        if not self.deep:
            return self.sealed_at
        if self._thread.is_alive() or self._result is None or self._result.state is not FileState.OK:
            return None
        return self.started

    def matches(self, path: Path) -> bool:
        return (os.path.abspath(path) == os.path.abspath(self.path) and self._signature is not None
                and _signature(path) == self._signature)

    def result(self) -> FileCheck | None:
        """The verdict; None when the check itself failed (it could not read the file)."""
        self._thread.join()
        return self._result


def _signature(path: Path) -> tuple | None:
    """What would change if anything wrote to the database (its file or its WAL)."""
    try:
        st = path.stat()
    except OSError:
        return None
    try:
        wal = path.with_name(path.name + "-wal").stat()
        wal_sig = (wal.st_ino, wal.st_size, wal.st_mtime_ns)
    except OSError:
        wal_sig = None
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, wal_sig


# -- the clean-close seal ------------------------------------------------------------------------------------------
# SQLite's quick_check reads the whole file (~2 ms per MB, ~0.3 s for a district's 100 MB), and start-up would
# otherwise pay it every time. Like a file system's clean flag: when PartnerDesk closes a file cleanly (every
# connection closed, the WAL checkpointed away) whose content was verified during that session — the deep check at
# opening, or a verified backup (the online backup reads every page, then integrity_check runs on the copy) — it
# leaves ``<file>.clean`` beside it naming the file's exact state. The next start checks only the header if the file
# is still in exactly that state and the verification is under SEAL_MAX_AGE old; opening it for writing removes the
# seal first, so a crash, a copy, a restore, another program or another machine touching the file all lead to the
# full check again, as does a week without a verified backup.
SEAL_SUFFIX = ".clean"
SEAL_MAX_AGE = 7 * 24 * 3600  # seconds


def seal_path(path: Path) -> Path:
    return path.with_name(path.name + SEAL_SUFFIX)


def _seal_facts(path: Path) -> dict | None:
    """The file's exact state at rest (None if it is not at rest: absent, or a WAL beside it)."""
    sig = _signature(path)
    if sig is None or sig[-1] is not None:
        return None
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError:
        return None
    return {"file": list(sig[:4]), "header": hashlib.sha256(header).hexdigest()}


def write_seal(path: Path, verified_at: float) -> bool:
    """After a clean close: the file's state and when its content was last verified. False (nothing written) when
    the file is not at rest."""
    facts = _seal_facts(path)
    if facts is None:
        return False
    facts["verified_at"] = verified_at
    # Renamed into place but not fsynced: the database itself is already durable, and a seal lost or torn by a
    # power cut only costs the next start its full check (a torn file does not parse).
    target = seal_path(path)
    tmp = target.with_name(target.name + ".part")
    tmp.write_bytes(json.dumps(facts).encode())
    os.replace(tmp, target)
    return True


def break_seal(path: Path) -> None:
    """Before anything writes to the file (taken under its instance lock)."""
    seal_path(path).unlink(missing_ok=True)


def sealed_since(path: Path, now: float | None = None) -> float | None:
    """When the file's content was verified, if it was sealed at a clean close and is exactly as it was left then
    and the verification is recent; else None (the file gets the full check)."""
    try:
        seal = json.loads(seal_path(path).read_bytes())
        verified = float(seal["verified_at"])
        expected = {"file": seal["file"], "header": seal["header"]}
    except (OSError, ValueError, TypeError, KeyError):
        return None
    now = time.time() if now is None else now
    if not 0 <= now - verified <= SEAL_MAX_AGE:
        return None
    return verified if _seal_facts(path) == expected else None


def _check_header(path: Path, header: bytes) -> FileCheck | None:
    if len(header) < 100:
        return FileCheck(FileState.TRUNCATED, "short header")
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return FileCheck(FileState.CORRUPT, f"page size {page_size}")
    size = path.stat().st_size
    change_counter, pages, valid_for = (struct.unpack(">I", header[o:o + 4])[0] for o in (24, 28, 92))
    if size % page_size:
        return FileCheck(FileState.TRUNCATED, f"{size} bytes is not a whole number of pages")
    if pages and valid_for == change_counter and size < pages * page_size and not _has_wal(path):
        return FileCheck(FileState.TRUNCATED, f"{size} bytes, header says {pages * page_size}")
    app_id = struct.unpack(">i", header[68:72])[0]
    if app_id != APPLICATION_ID and (app_id != 0 or _has_foreign_tables(path)):
        return FileCheck(FileState.FOREIGN, f"application id {app_id:#x}")
    return None


def _has_wal(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def ro_connect(path: Path) -> sqlite3.Connection:
    """A read-only connection that leaves no trace: for a WAL-mode file nobody has open (no -wal/-shm
    beside it), ``immutable`` stops SQLite creating the -wal/-shm a plain read-only open would leave behind."""
    uri = f"file:{path.as_posix()}?mode=ro"
    if _is_wal_mode(path) and not any(path.with_name(path.name + s).exists() for s in ("-wal", "-shm")):
        uri += "&immutable=1"
    return sqlite3.connect(uri, uri=True, timeout=15)


_ro_connect = ro_connect


def _is_wal_mode(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            header = fh.read(20)
    except OSError:
        return False
    return len(header) == 20 and header[18] == 2 and header[19] == 2


def schema_revision(path: Path) -> str | None:
    """The Alembic revision stamped in a sound file, read without writing anything (None if unstamped)."""
    conn = None
    try:
        conn = ro_connect(path)
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name='alembic_version'").fetchone():
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    except sqlite3.DatabaseError:
        return None
    finally:
        if conn is not None:
            conn.close()


def _has_foreign_tables(path: Path) -> bool:
    """application_id 0: an empty file we may initialise, or another program's database."""
    try:
        with _ro_connect(path) as conn:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()
    return bool(names) and "app_meta" not in names


def _quick_check(path: Path) -> FileCheck:
    conn = None
    try:
        conn = _ro_connect(path)
        rows = [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.OperationalError as exc:
        # e.g. a read-only open that cannot attach the WAL: not evidence of damage.
        if "malformed" in str(exc) or "not a database" in str(exc):
            return FileCheck(FileState.CORRUPT, str(exc))
        return FileCheck(FileState.OK, f"not checked: {exc}")
    except sqlite3.DatabaseError as exc:
        return FileCheck(FileState.CORRUPT, str(exc))
    finally:
        if conn is not None:
            conn.close()
    if rows != ["ok"]:
        return FileCheck(FileState.CORRUPT, "; ".join(rows)[:300])
    return FileCheck(FileState.OK)


def quarantine(path: Path, quarantine_dir: Path, now: datetime | None = None) -> Path:
    """Copy (never move) a suspicious file and its WAL beside it into the quarantine folder."""
    quarantine_dir.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = quarantine_dir / f"{path.stem}.{stamp}{path.suffix}"
    shutil.copy2(path, target)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            shutil.copy2(side, target.with_name(target.name + suffix))
    return target
