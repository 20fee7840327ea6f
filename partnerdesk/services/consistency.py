"""`partnerdesk check` and the administration page's check: SQLite's integrity and foreign keys, the audit chain and
every capability's invariants (each capability's rules load here, for a check only, not at start-up)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import text

from ..domain.roles import Perm, require
from . import audit
from .workspace import Workspace

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class CheckReport:
    results: tuple[CheckResult, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)


def check(ws: Workspace, actor_required: bool = True) -> CheckReport:
    from . import invariants  # every capability's rules (ledgers...)

    if actor_required:
        require(ws.actor, Perm.VERIFY)
    results = []
    with ws.read() as uow:
        s = uow.session
        results.append(_integrity(s))
        results.append(_foreign_keys(s))
        chain = audit.verify_in(s)
        results.append(CheckResult("audit_chain", chain.ok, () if chain.ok else
                                   (f"first broken entry: #{chain.first_broken_seq} ({chain.reason})",)))
        for name, fn in invariants.INVARIANTS.items():
            problems = fn(s)
            results.append(CheckResult(name, not problems, tuple(problems[:50])))
    return CheckReport(tuple(results))


def _integrity(s: Session) -> CheckResult:
    if s.get_bind().dialect.name != "sqlite":
        return CheckResult("integrity", True, ("server-side: PostgreSQL keeps its own checksums",))
    rows = [r[0] for r in s.execute(text("PRAGMA integrity_check(20)"))]
    return CheckResult("integrity", rows == ["ok"], tuple(r for r in rows if r != "ok"))


def _foreign_keys(s: Session) -> CheckResult:
    if s.get_bind().dialect.name != "sqlite":
        return CheckResult("foreign_keys", True, ("enforced by the server",))
    rows = [tuple(r) for r in s.execute(text("PRAGMA foreign_key_check"))]
    return CheckResult("foreign_keys", not rows, tuple(f"{r[0]} row {r[1]} -> {r[2]}" for r in rows[:20]))

