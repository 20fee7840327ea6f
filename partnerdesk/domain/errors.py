"""Errors carry a code and parameters; only the edges (UI, CLI) turn them into words."""

from __future__ import annotations

import errno


class DomainError(Exception):
    """A rule was broken. ``code`` names the rule, ``params`` fill the message."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"DomainError({self.code!r}, **{self.params!r})"

    def __str__(self) -> str:
        if not self.params:
            return self.code
        inner = ", ".join(f"{k}={v!r}" for k, v in sorted(self.params.items()))
        return f"{self.code}({inner})"


_WRITE_PROBLEMS = {getattr(errno, name): code for name, code in (
    ("ENOSPC", "fs.disk_full"), ("EDQUOT", "fs.disk_full"), ("EFBIG", "fs.disk_full"),
    ("EACCES", "fs.no_permission"), ("EPERM", "fs.no_permission"), ("EROFS", "fs.read_only"))
    if hasattr(errno, name)}


def write_problem(exc: BaseException) -> DomainError | None:
    """A file that could not be written for a reason the user can act on (full disk, no permission, read-only
    disk), as a DomainError the edges say plainly; None for anything else. Whatever was writing left no
    half-written file under a final name (fsutil.atomic_write)."""
    if not isinstance(exc, OSError) or exc.errno not in _WRITE_PROBLEMS:
        return None
    return DomainError(_WRITE_PROBLEMS[exc.errno], path=str(exc.filename or "?"))
