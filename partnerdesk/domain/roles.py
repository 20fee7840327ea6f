"""Roles and the permission matrix. Services call :func:`require`; hiding buttons is only a courtesy."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .errors import DomainError


class Role(StrEnum):
    ADMIN = "admin"
    STAFF = "staff"  # 经办人 street-office staff
    APPROVER = "approver"  # 审批人
    COMMUNITY_WORKER = "community_worker"  # 社区工作者, limited to assigned communities
    AUDITOR = "auditor"  # 监督/审计: reads and verifies, changes nothing


class Perm(StrEnum):
    MANAGE_USERS = "manage_users"
    MANAGE_ORG = "manage_org"
    MANAGE_SETTINGS = "manage_settings"
    READ = "read"
    READ_AUDIT = "read_audit"
    VERIFY = "verify"
    BACKUP = "backup"
    RESTORE = "restore"
    LOAD_DEMO = "load_demo"
    REVEAL_PERSONAL = "reveal_personal"
    EXPORT = "export"
    EXPORT_PERSONAL = "export_personal"
    EDIT_RECORDS = "edit_records"
    APPROVE = "approve"
    OVERRIDE_CHECK = "override_check"
    POST_LEDGER = "post_ledger"  # set up funds, post to their ledgers, record feedback and donations


_ALL = frozenset(Perm)
MATRIX: dict[Role, frozenset[Perm]] = {
    Role.ADMIN: _ALL,
    Role.STAFF: frozenset({Perm.READ, Perm.EDIT_RECORDS, Perm.EXPORT, Perm.REVEAL_PERSONAL, Perm.BACKUP,
                          Perm.VERIFY, Perm.POST_LEDGER}),
    Role.APPROVER: frozenset({Perm.READ, Perm.EDIT_RECORDS, Perm.APPROVE, Perm.EXPORT, Perm.REVEAL_PERSONAL,
                             Perm.EXPORT_PERSONAL, Perm.OVERRIDE_CHECK, Perm.BACKUP, Perm.VERIFY,
                             Perm.POST_LEDGER}),
    Role.COMMUNITY_WORKER: frozenset({Perm.READ, Perm.EDIT_RECORDS, Perm.EXPORT}),
    Role.AUDITOR: frozenset({Perm.READ, Perm.READ_AUDIT, Perm.VERIFY, Perm.EXPORT}),
}


@dataclass(frozen=True)
class Actor:
    """Who is acting: the signed-in user as services see it."""

    user_id: int | None
    username: str
    role: Role
    community_ids: frozenset[int] = field(default_factory=frozenset)

    @property
    def is_scoped(self) -> bool:
        return self.role is Role.COMMUNITY_WORKER

    def can(self, perm: Perm, community_id: int | None = None) -> bool:
        if perm not in MATRIX[self.role]:
            return False
        if community_id is not None and self.is_scoped:
            return community_id in self.community_ids
        return True


SYSTEM = Actor(None, "system", Role.ADMIN)


def require(actor: Actor | None, perm: Perm, community_id: int | None = None) -> Actor:
    if actor is None:
        raise DomainError("auth.not_signed_in")
    if not actor.can(perm, community_id):
        raise DomainError("auth.forbidden", action=perm.value, role=actor.role.value)
    return actor
