"""The "Funds" page (资金): funds, ledger, revenue feedback, donations, project applications, the inbox 待我审批
(its count in the tab title) and statements. Each tab is a Page built the first time it is shown.

Ctrl+N makes a new record on the current tab; Enter opens the selected row; Ctrl+F goes to the tab's filter.
Applications open in their own windows (one per application).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from ...domain.errors import DomainError
from ...services import applications
from ...services.applications import APPLICATIONS
from ...services.changes import Changes
from ..pages.base import Page
from ..pages.tabbed import TabbedPage, TabSpec, open_record_window
from ..services.widgets import shortcut
from ..session import Session

CONTEXT = "FundsPage"


def _funds(session: Session, parent: QWidget | None) -> Page:
    from .funds_tab import FundsTab

    return FundsTab(session, parent)


def _ledger(session: Session, parent: QWidget | None) -> Page:
    from .ledger_tab import LedgerTab

    return LedgerTab(session, parent)


def _feedback(session: Session, parent: QWidget | None) -> Page:
    from .feedback_tab import FeedbackTab

    return FeedbackTab(session, parent)


def _donations(session: Session, parent: QWidget | None) -> Page:
    from .donations_tab import DonationsTab

    return DonationsTab(session, parent)


def _applications(session: Session, parent: QWidget | None) -> Page:
    from .applications_tab import ApplicationsTab

    return ApplicationsTab(session, parent)


def _inbox(session: Session, parent: QWidget | None) -> Page:
    from .applications_tab import InboxTab

    return InboxTab(session, parent)


def _statement(session: Session, parent: QWidget | None) -> Page:
    from .statement_tab import StatementTab

    return StatementTab(session, parent)


TABS: tuple[TabSpec, ...] = (
    TabSpec("funds", QT_TRANSLATE_NOOP("FundsPage", "Funds"), _funds),
    TabSpec("ledger", QT_TRANSLATE_NOOP("FundsPage", "Ledger"), _ledger),
    TabSpec("feedback", QT_TRANSLATE_NOOP("FundsPage", "Revenue feedback"), _feedback),
    TabSpec("donations", QT_TRANSLATE_NOOP("FundsPage", "Donations"), _donations),
    TabSpec("applications", QT_TRANSLATE_NOOP("FundsPage", "Project applications"), _applications),
    TabSpec("inbox", QT_TRANSLATE_NOOP("FundsPage", "Awaiting my approval"), _inbox),
    TabSpec("statement", QT_TRANSLATE_NOOP("FundsPage", "Statement"), _statement),
)


class FundsPage(TabbedPage):
    areas = frozenset({APPLICATIONS})  # only the inbox count; the tabs refresh themselves
    CONTEXT = CONTEXT
    TABS = TABS

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        shortcut(self, "Ctrl+N", self.new)
        self.inbox_count = 0
        self.update_inbox_title()

    def _build_tab(self, spec: TabSpec, parent: QWidget) -> Page:
        page = spec.factory(self.session, parent)
        page.setObjectName(f"funds_{spec.key}")
        if hasattr(page, "open_application"):
            page.open_application.connect(self.open_application)  # type: ignore[attr-defined]
        return page

    def reload(self) -> None:
        self.update_inbox_title()

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(APPLICATIONS):
            self.update_inbox_title()

    def update_inbox_title(self) -> None:
        holder = self.holders.get("inbox")
        if holder is None:
            return
        try:
            self.inbox_count = len(applications.inbox(self.session.ws))
        except DomainError:
            self.inbox_count = 0
        title = QCoreApplication.translate(CONTEXT, "Awaiting my approval")
        self.tabs.setTabText(self.tabs.indexOf(holder), f"{title} ({self.inbox_count})" if self.inbox_count
                             else title)

    def new(self) -> None:
        """Ctrl+N: the current tab's "new" action (a fund, an entry, a report, a donation, an application)."""
        if self.tabs.count() and hasattr(self.current(), "new"):
            self.current().new()  # type: ignore[attr-defined]

    def open_application(self, app_id: int) -> QWidget:
        """One window per application: a second request raises the open one."""
        from .application_window import ApplicationWindow

        return open_record_window(self.windows, app_id, lambda: ApplicationWindow(self.session, app_id, self),
                                  closed_signal="finished")
