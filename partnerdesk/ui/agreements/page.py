"""The "Spaces & agreements" page: the agreements list and the spaces register, each a tab built on first use.

Agreements open in their own windows (one per agreement). Ctrl+N makes a new record on the current tab.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ...domain.roles import Perm
from ...services.changes import Changes
from ..pages.base import Page
from ..pages.lazy import LazyTab
from ..session import Session

CONTEXT = "AgreementsPage"


@dataclass(frozen=True)
class TabSpec:
    key: str
    title: str  # English source in the "AgreementsPage" context
    factory: Callable[[Session, QWidget | None], Page]
    needs: Perm = Perm.READ


def _agreements(session: Session, parent: QWidget | None) -> Page:
    from .agreements_tab import AgreementsTab

    return AgreementsTab(session, parent)


def _spaces(session: Session, parent: QWidget | None) -> Page:
    from .spaces_tab import SpacesTab

    return SpacesTab(session, parent)


TABS: tuple[TabSpec, ...] = (
    TabSpec("agreements", QT_TRANSLATE_NOOP("AgreementsPage", "Agreements"), _agreements),
    TabSpec("spaces", QT_TRANSLATE_NOOP("AgreementsPage", "Spaces"), _spaces),
)


class AgreementsPage(Page):
    areas = frozenset()  # the tabs refresh themselves

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.tabs = QTabWidget(documentMode=True)
        self.holders: dict[str, LazyTab] = {}
        self.windows: dict[int, QWidget] = {}
        for spec in TABS:
            if session.can(spec.needs):
                holder = LazyTab(lambda parent, spec=spec: self._make(spec, parent), self.tabs)
                self.holders[spec.key] = holder
                self.tabs.addTab(holder, QCoreApplication.translate(CONTEXT, spec.title))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        new = QShortcut(QKeySequence(QKeySequence.StandardKey.New), self)
        new.setContext(Qt.ShortcutContext.WindowShortcut)  # fires while the page is shown, wherever the focus is
        new.activated.connect(lambda: self.current().new())  # type: ignore[attr-defined]

    def _make(self, spec: TabSpec, parent: QWidget) -> Page:
        page = spec.factory(self.session, parent)
        if spec.key == "agreements":
            page.open_agreement.connect(self.open_agreement)  # type: ignore[attr-defined]
        return page

    @property
    def tab_pages(self) -> dict[str, Page]:
        """The tabs by key (each built when first asked for)."""
        return {key: holder.page() for key, holder in self.holders.items()}

    def show_tab(self, key: str) -> Page:
        holder = self.holders[key]
        self.tabs.setCurrentWidget(holder)
        return holder.page()

    def current(self) -> Page:
        return self.tabs.currentWidget().page()

    def reload(self) -> None:
        if self.tabs.count():
            self.current().reload()

    def on_changes(self, changes: Changes) -> None:
        """Nothing of its own; each tab listens to the bus."""

    def focus_search(self) -> bool:
        return bool(self.tabs.count()) and self.current().focus_search()

    def show_expiring(self, window_days: int) -> Page:
        """The agreements list filtered to those ending within ``window_days`` (from the dashboard)."""
        tab = self.show_tab("agreements")
        tab.show_expiring(window_days)  # type: ignore[attr-defined]
        return tab

    def open_agreement(self, agreement_id: int) -> QWidget:
        return open_agreement_window(self, self.session, agreement_id, self.windows)


def open_agreement_window(parent: QWidget, session: Session, agreement_id: int,
                          windows: dict[int, QWidget]) -> QWidget:
    """One window per agreement: a second request raises the open one."""
    from .agreement_window import AgreementWindow

    window = windows.get(agreement_id)
    if window is None:
        window = AgreementWindow(session, agreement_id, parent)
        window.destroyed.connect(lambda *_: windows.pop(agreement_id, None))
        windows[agreement_id] = window
    window.show()
    window.raise_()
    window.activateWindow()
    return window
