"""Administration: one tab per area, each shown only to roles that may read it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ...domain.roles import Perm
from ...services.changes import Changes
from ..pages.base import Page
from ..pages.lazy import LazyTab
from ..session import Session


@dataclass(frozen=True)
class TabSpec:
    key: str
    title: str  # English source in the "AdministrationPage" context
    factory: Callable[[Session, QWidget | None], Page]
    needs: tuple[Perm, ...]  # any one of these


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
    TabSpec("org", QT_TRANSLATE_NOOP("AdministrationPage", "Organisation"), _org, (Perm.READ,)),
    TabSpec("users", QT_TRANSLATE_NOOP("AdministrationPage", "Users"), _users, (Perm.MANAGE_USERS,)),
    TabSpec("audit", QT_TRANSLATE_NOOP("AdministrationPage", "Audit trail"), _audit, (Perm.READ_AUDIT,)),
    TabSpec("backups", QT_TRANSLATE_NOOP("AdministrationPage", "Backups && check"), _backups,
            (Perm.BACKUP, Perm.VERIFY)),
)


class AdministrationPage(Page):
    areas = frozenset()  # the tabs refresh themselves

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._stale = False  # nothing of its own to load
        self.tabs = QTabWidget(documentMode=True)
        self.slots: dict[str, LazyTab] = {}
        for spec in TABS:
            if any(session.can(p) for p in spec.needs):
                slot = LazyTab(lambda parent, f=spec.factory: f(session, parent), self.tabs)
                self.slots[spec.key] = slot
                self.tabs.addTab(slot, QCoreApplication.translate("AdministrationPage", spec.title))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    @property
    def tab_pages(self) -> dict[str, Page]:
        """Every tab's page (building those not shown yet)."""
        return {key: slot.page() for key, slot in self.slots.items()}

    def show_tab(self, key: str) -> Page:
        self.tabs.setCurrentWidget(self.slots[key])
        return self.slots[key].page()

    def current(self) -> Page:
        return self.tabs.currentWidget().page()

    def reload(self) -> None:
        """F5 on this page reloads the visible tab."""
        if self.tabs.count():
            self.current().reload()

    def on_changes(self, changes: Changes) -> None:
        """Nothing of its own to refresh; each tab listens to the bus."""

    def focus_search(self) -> bool:
        return bool(self.tabs.count()) and self.current().focus_search()
