"""The "Spaces & agreements" page: the agreements list and the spaces register, each a tab built on first use.

Agreements open in their own windows (one per agreement). Ctrl+N makes a new record on the current tab.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from ..pages.base import Page
from ..pages.tabbed import TabbedPage, TabSpec, open_record_window
from ..session import Session

CONTEXT = "AgreementsPage"


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


class AgreementsPage(TabbedPage):
    CONTEXT = CONTEXT
    TABS = TABS

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        new = QShortcut(QKeySequence(QKeySequence.StandardKey.New), self)
        new.setContext(Qt.ShortcutContext.WindowShortcut)  # fires while the page is shown, wherever the focus is
        new.activated.connect(lambda: self.current().new())  # type: ignore[attr-defined]

    def _build_tab(self, spec: TabSpec, parent: QWidget) -> Page:
        page = spec.factory(self.session, parent)
        if spec.key == "agreements":
            page.open_agreement.connect(self.open_agreement)  # type: ignore[attr-defined]
        return page

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

    return open_record_window(windows, agreement_id, lambda: AgreementWindow(session, agreement_id, parent))
