"""Human words for the codes the core uses (roles, phases, audit actions, backup reasons, checks).

Source strings are English; the Chinese lives in resources/translations like every other string.
Unknown codes (added by a later capability) show as they are rather than failing.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..domain.org import Phase, UnitKind
from ..domain.roles import Role
from ..services import maintenance
from .formatting import wall_time

ROLES = {
    Role.ADMIN: QT_TRANSLATE_NOOP("Labels", "Administrator"),
    Role.STAFF: QT_TRANSLATE_NOOP("Labels", "Case officer"),
    Role.APPROVER: QT_TRANSLATE_NOOP("Labels", "Approver"),
    Role.COMMUNITY_WORKER: QT_TRANSLATE_NOOP("Labels", "Community worker"),
    Role.AUDITOR: QT_TRANSLATE_NOOP("Labels", "Supervision & audit"),
}

PHASES = {
    "": QT_TRANSLATE_NOOP("Labels", "Not started"),
    Phase.PILOT: QT_TRANSLATE_NOOP("Labels", "Pilot first"),
    Phase.REVIEW: QT_TRANSLATE_NOOP("Labels", "Sum up experience"),
    Phase.INSTITUTIONALISE: QT_TRANSLATE_NOOP("Labels", "Institutionalise"),
    Phase.ROLLOUT: QT_TRANSLATE_NOOP("Labels", "Roll out everywhere"),
    Phase.SUSTAIN: QT_TRANSLATE_NOOP("Labels", "Long-term operation"),
}

UNIT_KINDS = {
    UnitKind.DISTRICT: QT_TRANSLATE_NOOP("Labels", "District"),
    UnitKind.STREET: QT_TRANSLATE_NOOP("Labels", "Street"),
    UnitKind.COMMUNITY: QT_TRANSLATE_NOOP("Labels", "Community"),
}

ACTIONS = {
    "init": QT_TRANSLATE_NOOP("Labels", "Set up the office"),
    "login": QT_TRANSLATE_NOOP("Labels", "Sign in"),
    "login_failed": QT_TRANSLATE_NOOP("Labels", "Failed sign-in"),
    "user.add": QT_TRANSLATE_NOOP("Labels", "Add user"),
    "user.update": QT_TRANSLATE_NOOP("Labels", "Change user"),
    "user.reset_password": QT_TRANSLATE_NOOP("Labels", "Reset password"),
    "user.change_password": QT_TRANSLATE_NOOP("Labels", "Change own password"),
    "user.unlock": QT_TRANSLATE_NOOP("Labels", "Unlock user"),
    "org.add": QT_TRANSLATE_NOOP("Labels", "Add unit"),
    "org.update": QT_TRANSLATE_NOOP("Labels", "Change unit"),
    "org.phase": QT_TRANSLATE_NOOP("Labels", "Enter phase"),
    "org.delete": QT_TRANSLATE_NOOP("Labels", "Delete unit"),
    "demo.load": QT_TRANSLATE_NOOP("Labels", "Load demo data"),
    "backup": QT_TRANSLATE_NOOP("Labels", "Backup"),
    "restore": QT_TRANSLATE_NOOP("Labels", "Restore"),
    "export": QT_TRANSLATE_NOOP("Labels", "Export"),
    "print": QT_TRANSLATE_NOOP("Labels", "Print"),
    "personal.reveal": QT_TRANSLATE_NOOP("Labels", "Reveal personal data"),
    "partner.register": QT_TRANSLATE_NOOP("Labels", "Register partner"),
    "partner.update": QT_TRANSLATE_NOOP("Labels", "Change partner"),
    "partner.merge": QT_TRANSLATE_NOOP("Labels", "Merge partners"),
    "partner.checksum_override": QT_TRANSLATE_NOOP("Labels", "Accept failing check character"),
    "attachment.add": QT_TRANSLATE_NOOP("Labels", "Add attachment"),
}

BACKUP_REASONS = {
    "manual": QT_TRANSLATE_NOOP("Labels", "Manual"),
    "startup": QT_TRANSLATE_NOOP("Labels", "At start-up"),
    "exit": QT_TRANSLATE_NOOP("Labels", "At exit"),
    "pre-migration": QT_TRANSLATE_NOOP("Labels", "Before upgrade"),
    "pre-restore": QT_TRANSLATE_NOOP("Labels", "Before restore"),
    "daily": QT_TRANSLATE_NOOP("Labels", "Daily"),
}

ENTITIES = {
    "user": QT_TRANSLATE_NOOP("Labels", "user"),
    "org_unit": QT_TRANSLATE_NOOP("Labels", "unit"),
    "office": QT_TRANSLATE_NOOP("Labels", "office"),
    "file": QT_TRANSLATE_NOOP("Labels", "file"),
    "demo": QT_TRANSLATE_NOOP("Labels", "demo data"),
    "partner": QT_TRANSLATE_NOOP("Labels", "partner"),
}

CHECKS = {
    "integrity": QT_TRANSLATE_NOOP("Labels", "Database file integrity"),
    "foreign_keys": QT_TRANSLATE_NOOP("Labels", "References between records"),
    "audit_chain": QT_TRANSLATE_NOOP("Labels", "Audit trail chain"),
    "partners_unique_live_numbers": QT_TRANSLATE_NOOP("Labels", "Partner numbers are unique"),
    "partners_live_number_columns": QT_TRANSLATE_NOOP("Labels", "Partner number index in step"),
    "partners_filing_numbers": QT_TRANSLATE_NOOP("Labels", "Filed partners have filing numbers"),
}


def _label(table: dict, code: str) -> str:
    source = table.get(code)
    return QCoreApplication.translate("Labels", source) if source else code


def role(code: str) -> str:
    return _label(ROLES, code)


def phase(code: str) -> str:
    return _label(PHASES, code)


def unit_kind(code: str) -> str:
    return _label(UNIT_KINDS, code)


def action(code: str) -> str:
    return _label(ACTIONS, code)


def entity(code: str) -> str:
    return _label(ENTITIES, code)


def backup_reason(code: str) -> str:
    return _label(BACKUP_REASONS, code)


def check(code: str) -> str:
    return _label(CHECKS, code)


def backup_state(ws) -> str:  # noqa: ANN001 - a Workspace
    """'2026-05-10 14:03 (At start-up)', 'none yet', or the server's job on PostgreSQL."""
    if not ws.is_sqlite:
        return QCoreApplication.translate("Labels", "kept by the database server")
    last = maintenance.last_backup(ws.backup_dir)
    if last is None:
        return QCoreApplication.translate("Labels", "none yet")
    return f"{wall_time(last.taken_at)} ({backup_reason(last.reason)})"
