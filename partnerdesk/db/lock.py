"""One writer instance per SQLite file: an OS lock on ``<db>.lock`` naming the holder (user, host, pid)."""

from __future__ import annotations

import getpass
import json
import os
import socket
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

_LOCK_OFFSET = 1 << 20  # Windows locks a byte range past the holder text, so others can still read it


@dataclass(frozen=True)
class Holder:
    user: str
    host: str
    pid: int
    since: str


class InstanceLock:
    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        self._fh = None

    def acquire(self) -> Holder | None:
        """Take the lock. Returns None on success, else who holds it."""
        fh = open(self.path, "a+b")  # noqa: SIM115 - held open for the life of the lock
        if not _try_lock(fh):
            fh.close()
            return self.holder() or Holder("?", "?", 0, "")
        me = Holder(_user(), socket.gethostname(), os.getpid(), datetime.now().isoformat(timespec="seconds"))
        fh.seek(0)
        fh.truncate()
        fh.write(json.dumps(me.__dict__).encode())
        fh.flush()
        self._fh = fh
        return None

    def holder(self) -> Holder | None:
        try:
            return Holder(**json.loads(self.path.read_text(encoding="utf-8") or "{}"))
        except (OSError, ValueError, TypeError):
            return None

    def release(self) -> None:
        if self._fh is not None:
            _unlock(self._fh)
            self._fh.close()
            self._fh = None

    @property
    def held(self) -> bool:
        return self._fh is not None


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some service accounts
        return "?"


if os.name == "nt":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _try_lock(fh) -> bool:  # noqa: ANN001
        try:
            fh.seek(_LOCK_OFFSET)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fh) -> None:  # noqa: ANN001
        fh.seek(_LOCK_OFFSET)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fh) -> bool:  # noqa: ANN001
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fh) -> None:  # noqa: ANN001
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
