"""Administration: one tab per area, each shown only to roles that may read it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from ...domain.roles import Perm
from ..pages.base import Page
from ..pages.tabbed import TabbedPage, TabSpec
from ..session import Session


def _org(session: Session, parent: QWidget | None) -> Page:
    from .org_tab import OrgTab

    return OrgTab(session, parent)


def _users(session: Session, parent: QWidget | None) -> Page:
    from .users_tab import UsersTab

    return UsersTab(session, parent)


def _audit(session: Session, parent: QWidget | None) -> Page:
    from .audit_tab import AuditTab

    return AuditTab(session, parent)


def _backups(session: Session, parent: QWidget | None) -> Page:
    from .backups_tab import BackupsTab

    return BackupsTab(session, parent)


TABS: tuple[TabSpec, ...] = (
    TabSpec("org", QT_TRANSLATE_NOOP("AdministrationPage", "Organisation"), _org, Perm.READ),
    TabSpec("users", QT_TRANSLATE_NOOP("AdministrationPage", "Users"), _users, Perm.MANAGE_USERS),
    TabSpec("audit", QT_TRANSLATE_NOOP("AdministrationPage", "Audit trail"), _audit, Perm.READ_AUDIT),
    TabSpec("backups", QT_TRANSLATE_NOOP("AdministrationPage", "Backups && check"), _backups,
            (Perm.BACKUP, Perm.VERIFY)),
)


class AdministrationPage(TabbedPage):
    CONTEXT = "AdministrationPage"
    TABS = TABS
