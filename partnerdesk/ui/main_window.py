"""The main window: navigation on the left, one page at a time on the right, status at the bottom.

It owns the operation bus and the open workspace (which it may replace: open another database,
restore a backup). Pages come from the registry; menus and shortcuts from :mod:`.menus`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from .. import paths
from .. import settings as settings_mod
from ..services import maintenance
from ..services.changes import BACKUPS, Changes
from ..services.workspace import Workspace, load_sqlalchemy
from ..settings import Settings
from . import labels, menus
from .operations import OperationBus, run_command
from .pages.base import Page
from .pages.lazy import LazyTab
from .pages.registry import PageSpec, pages_for
from .session import Session
from .startup import Launcher

log = logging.getLogger(__name__)

# After the window shows, it waits this long before loading SQLAlchemy and the ORM (start-up reads through plain
# SQL): once the Overview is on screen and idle, not on the way to it.
WARM_UP_MS = 700


def icon(name: str) -> QIcon:
    return QIcon(str(paths.resources_dir() / "icons" / name))


class MainWindow(QMainWindow):
    """``MainWindow(ws, …)`` for a signed-in workspace. ``MainWindow(None, …)`` builds only the frame (navigation,
    status bar, menus: no session, no page, no data) while a password is being verified; :meth:`attach` then
    gives it the signed-in workspace. Either way nothing is shown before someone has signed in."""

    def __init__(self, ws: Workspace | None, settings: Settings, launcher: Launcher) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.launcher = launcher
        self.settings = settings
        self._closed = False
        self.restart_requested = False  # read by the app once the event loop has ended (a new language)
        self.bus = OperationBus(self)
        self.session: Session = None  # type: ignore[assignment]  # set by attach(), after signing in
        self.specs: list[PageSpec] = []
        self.pages: list[LazyTab] = []  # each page is built the first time it is shown
        self.nav = QListWidget(objectName="navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget(objectName="pages")
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self._build_central()
        self._build_status_bar()
        self.menus = menus.Menus(self)
        self.bus.data_changed.connect(self._on_changes)
        self._restore_geometry()
        if ws is not None:
            self.attach(ws)

    def attach(self, ws: Workspace) -> None:
        """The workspace someone has just signed in to: the session, then the pages that user may see."""
        if ws.actor is None:
            raise ValueError("the main window shows a workspace only after someone has signed in")
        self.session = Session(ws, self.settings, self.bus, shell=self)
        self._build_pages()

    # -- building --------------------------------------------------------------------------------
    def _build_central(self) -> None:
        splitter = QSplitter(childrenCollapsible=False)
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([180, 1000])
        self.setCentralWidget(splitter)
        self.setWindowIcon(icon("partnerdesk.svg"))
        self.resize(1200, 780)

    def _build_status_bar(self) -> None:
        self.user_label = QLabel(objectName="statusUser")
        self.db_label = QLabel(objectName="statusDatabase")
        self.backup_label = QLabel(objectName="statusBackup")
        for label in (self.user_label, self.db_label, self.backup_label):
            self.statusBar().addPermanentWidget(label)

    def _build_pages(self) -> None:
        """(Re)build navigation and pages for the signed-in user."""
        for page in self.pages:
            self.stack.removeWidget(page)
            page.deleteLater()
        self.nav.clear()
        self.specs = pages_for(self.session.actor)
        self.pages = []
        for spec in self.specs:
            holder = LazyTab(lambda parent, spec=spec: self._make_page(spec, parent), self.stack)
            self.pages.append(holder)
            self.stack.addWidget(holder)
            QListWidgetItem(icon(spec.icon), spec.label(), self.nav)
        self.nav.setCurrentRow(0)
        self._fit_navigation()
        self.menus.update_go_menu()
        self._update_status()

    def _fit_navigation(self) -> None:
        """The navigation is as wide as its longest page name in this language (English names are longer than
        Chinese ones): no name is cut off and no sideways scroll bar appears."""
        self.nav.setMinimumWidth(self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 4)

    def _make_page(self, spec: PageSpec, parent: QWidget) -> Page:
        page = spec.factory(self.session, parent)
        page.setObjectName(f"page_{spec.key}")
        return page

    # -- pages -----------------------------------------------------------------------------------
    def show_page(self, number: int) -> None:
        """Ctrl+1…9: the ``number``-th page (1-based) the user may see."""
        if 1 <= number <= len(self.pages):
            self.nav.setCurrentRow(number - 1)

    def page(self, key: str) -> Page:
        return self.pages[self._index(key)].page()

    def _index(self, key: str) -> int:
        return [s.key for s in self.specs].index(key)

    def go_to(self, key: str) -> Page:
        """Show the page registered as ``key``."""
        self.nav.setCurrentRow(self._index(key))
        return self.page(key)

    def current_page(self) -> Page:
        return self.stack.currentWidget().page()

    def refresh_current(self) -> None:
        self.current_page().reload()
        self._update_status()

    def focus_search(self) -> None:
        if not self.current_page().focus_search():
            self.statusBar().showMessage(self.tr("This page has no search box."), 3000)

    # -- status ----------------------------------------------------------------------------------
    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(BACKUPS):
            self._update_status()

    def _update_status(self) -> None:
        ws, actor = self.session.ws, self.session.actor
        self.user_label.setText(self.tr("Signed in: {user} ({role})").format(
            user=actor.username, role=labels.role(actor.role)))
        mode = self.tr(" · read-only") if ws.read_only else ""
        self.db_label.setText(self.tr("Database: {db}").format(db=_short(ws.description)) + mode)
        self.db_label.setToolTip(ws.description)
        self.backup_label.setText(self.tr("Last backup: {state}").format(state=labels.backup_state(ws)))
        title = self.tr("PartnerDesk — {db}").format(db=_short(ws.description))
        self.setWindowTitle(title + (self.tr(" (read-only)") if ws.read_only else ""))

    # -- the workspace ---------------------------------------------------------------------------
    def start_up(self) -> None:
        """After the window shows: the automatic start-up backup, quietly on a worker thread; and, once, the office
        template versions an earlier release kept on this desktop move into the database. A moment later SQLAlchemy
        loads on a worker thread, then the ORM's mapping on this one (:meth:`_warm_up`)."""
        QTimer.singleShot(WARM_UP_MS, self, self._warm_up)
        if self._backs_up():
            run_command(self, lambda: self._auto_backup("startup"), background=True, quiet=True,
                        on_done=lambda _o: self._quiet_note(self.tr("Start-up backup taken."), 5000))
        if not self.session.ws.read_only and paths.desktop_form_files():
            run_command(self, self._adopt_templates, background=True, quiet=True, on_done=self._templates_adopted)

    def _warm_up(self) -> None:
        """SQLAlchemy's own modules import on a worker thread (the window stays responsive: the GIL changes hands
        every few milliseconds); then our models, the engine and the session factories, here (≈ 30 ms)."""
        if self.session is not None:
            run_command(self, load_sqlalchemy, background=True, quiet=True, on_done=lambda _r: self._warmed())

    def _warmed(self) -> None:
        if self.session is not None:
            self.session.ws.warm_up()

    def _quiet_note(self, text: str, msecs: int) -> None:
        """A routine note in the status bar that does not push aside one still showing (e.g. the adoption's)."""
        if not self.statusBar().currentMessage():
            self.statusBar().showMessage(text, msecs)

    def _adopt_templates(self):  # noqa: ANN202 - Outcome[list[str]]
        from ..services import template_adoption

        return template_adoption.adopt_desktop_versions(self.session.ws)

    def _templates_adopted(self, outcome) -> None:  # noqa: ANN001
        if outcome.value:
            self.statusBar().showMessage(self.tr("Office template versions saved on this computer moved into the "
                                                 "database: %1.").replace("%1", str(len(outcome.value))), 8000)

    def _backs_up(self) -> bool:
        ws = self.session.ws
        return ws.is_sqlite and not ws.read_only and ws.backup_dir is not None

    def _auto_backup(self, reason: str):  # noqa: ANN202
        ws, s = self.session.ws, self.session.settings
        outcome = maintenance.backup_now(ws, reason, automatic=True)
        maintenance.rotate(ws, s.keep_daily, s.keep_weekly, verified=outcome.value.path)
        return outcome

    def finish_workspace(self, *, backup: bool = True) -> None:
        """Let background work end, take the exit backup (then rotate), close the database."""
        self.bus.wait()
        if backup and self._backs_up():
            run_command(self, lambda: self._auto_backup("exit"), busy_text=self.tr("Taking the exit backup…"))
        self.session.ws.close()

    def restart(self) -> None:
        """Close as on exit (exit backup, database closed); the app then starts PartnerDesk again."""
        self.restart_requested = True
        if not self.close():
            self.restart_requested = False

    def abandon(self) -> None:
        """The database could not be reopened (already closed): close the window without an exit backup."""
        self._closed = True
        self.save_window_state()
        self.close()

    def set_workspace(self, ws: Workspace) -> None:
        """Show another (or the reopened) database: pages are rebuilt for whoever signed in."""
        self.session.ws = ws
        self._build_pages()
        self.start_up()

    def backup_now(self) -> None:
        ws, s = self.session.ws, self.session.settings

        def work():  # noqa: ANN202
            outcome = maintenance.backup_now(ws)
            maintenance.rotate(ws, s.keep_daily, s.keep_weekly, verified=outcome.value.path)
            return outcome

        run_command(self, work, background=True, busy_text=self.tr("Taking a backup…"),
                    on_done=lambda o: self.statusBar().showMessage(
                        self.tr("Backup taken: {file}").format(file=o.value.path.name), 8000))

    def restore_backup(self, path: Path | None = None) -> None:
        from .restore_flow import restore_backup

        restore_backup(self, path)

    # -- window state ----------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        s = self.settings
        if s.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(s.window_geometry.encode("ascii")))
        if s.window_state:
            self.restoreState(QByteArray.fromBase64(s.window_state.encode("ascii")))

    def save_window_state(self) -> None:
        s = self.settings
        s.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        s.window_state = bytes(self.saveState().toBase64().data()).decode("ascii")
        settings_mod.save(s)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed and self.session is not None:  # (a frame nobody signed in to has nothing to finish)
            self._closed = True
            self.save_window_state()
            self.finish_workspace()
        event.accept()


def _short(description: str, limit: int = 60) -> str:
    return description if len(description) <= limit else "…" + description[-(limit - 1):]

