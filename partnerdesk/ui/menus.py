"""Menus and keyboard shortcuts of the main window, and the small actions behind them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from .. import __version__
from .. import settings as settings_mod
from ..services.changes import BACKUPS, Changes

# The dialogs behind the menus are imported when first opened: start-up builds the menus, not the dialogs.

if TYPE_CHECKING:
    from .main_window import MainWindow


class Menus(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        bar = window.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.view_menu = bar.addMenu(self.tr("&View"))
        self.settings_menu = bar.addMenu(self.tr("&Settings"))
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.recent_menu = QMenu(self.tr("&Recent databases"), window)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.go_actions: list[QAction] = []
        self._fill_file()
        self._fill_view()
        self._fill_settings()
        self.help_menu.addAction(self._action(self.tr("&About PartnerDesk"), self.about))

    def _action(self, text: str, slot, shortcut: str | QKeySequence.StandardKey | None = None) -> QAction:  # noqa: ANN001
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _fill_file(self) -> None:
        menu, w = self.file_menu, self.window
        menu.addAction(self._action(self.tr("&Open database…"), self.open_database, "Ctrl+O"))
        menu.addMenu(self.recent_menu)
        menu.addSeparator()
        self.backup_action = self._action(self.tr("&Back up now"), w.backup_now, "Ctrl+B")
        menu.addAction(self.backup_action)
        menu.addAction(self._action(self.tr("&Restore from backup…"), w.restore_backup))
        menu.addSeparator()
        menu.addAction(self._action(self.tr("&Quit"), w.close, "Ctrl+Q"))

    def _fill_view(self) -> None:
        self.view_menu.addSeparator()
        self.view_menu.addAction(self._action(self.tr("&Find"), self.window.focus_search, "Ctrl+F"))
        self.view_menu.addAction(self._action(self.tr("&Refresh"), self.window.refresh_current, "F5"))

    def _fill_settings(self) -> None:
        self.settings_menu.addAction(self._action(self.tr("&Settings…"), self.edit_settings, "Ctrl+,"))
        self.settings_menu.addAction(self._action(self.tr("Change my &password…"), self.change_password))

    def update_go_menu(self) -> None:
        """One action per page, Ctrl+1…Ctrl+9 in navigation order."""
        for action in self.go_actions:
            self.view_menu.removeAction(action)
        first = self.view_menu.actions()[0] if self.view_menu.actions() else None
        self.go_actions = []
        for number, spec in enumerate(self.window.specs[:9], start=1):
            action = self._action(spec.label(), lambda n=number: self.window.show_page(n), f"Ctrl+{number}")
            self.view_menu.insertAction(first, action)
            self.go_actions.append(action)

    # -- databases -------------------------------------------------------------------------------
    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for url in self.window.session.settings.recent_databases:
            self.recent_menu.addAction(self._action(_display(url), lambda u=url: self.open_url(u)))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def open_database(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        ws = self.window.session.ws
        start = str(ws.path.parent) if ws.path else ""
        path, _filter = QFileDialog.getOpenFileName(
            self.window, self.tr("Open database"), start,
            self.tr("PartnerDesk databases (*.sqlite3);;All files (*)"))
        if path:
            self.open_url(settings_mod.as_url(path))

    def open_url(self, url: str) -> None:
        w = self.window
        if url == w.session.ws.url:
            w.statusBar().showMessage(self.tr("That database is already open."), 5000)
            return
        new_ws = w.launcher.start(w, url)
        if new_ws is not None:
            w.finish_workspace()
            w.set_workspace(new_ws)

    # -- settings, password, about ---------------------------------------------------------------
    def edit_settings(self) -> None:
        from .dialogs.settings_dialog import SettingsDialog

        w = self.window
        dialog = SettingsDialog(w.session.settings, w.session.ws.is_sqlite, w)
        if not dialog.exec():
            return
        language = w.session.settings.language
        dialog.apply(w.session.settings)
        settings_mod.save(w.session.settings)
        ws = w.session.ws
        if ws.is_sqlite:
            ws.backup_dir = w.session.settings.resolved_backup_dir()
            w.bus.announce(Changes(frozenset({BACKUPS})))
        if w.session.settings.language != language:
            self.offer_restart()

    def offer_restart(self) -> None:
        """A new language shows after a restart: offer it now (the window closes as on exit; sign in again)."""
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self.window, self.tr("Restart PartnerDesk"),
            self.tr("The new language shows once PartnerDesk restarts. Restart now? You will sign in again; "
                    "nothing you saved is lost."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Yes:
            self.window.restart()

    def change_password(self) -> None:
        from ..services import accounts
        from .dialogs.passwords import PasswordDialog

        w = self.window
        dialog = PasswordDialog(self.tr("Change my password"), w, ask_current=True)
        dialog.submit = lambda: accounts.change_own_password(w.session.ws, dialog.current.text(),
                                                           dialog.password.text())
        if dialog.exec():
            w.statusBar().showMessage(self.tr("Your password was changed."), 5000)

    def about(self) -> None:
        import html
        import platform

        from PySide6 import __version__ as pyside_version
        from PySide6.QtWidgets import QMessageBox

        text = self.tr(
            "<h3>PartnerDesk {version}</h3><p>社区合伙人工作台 — the community partner programme's "
            "workbench for street offices. It works offline; your data stays in your database.</p>"
            "<p>Database: {db}<br>Python {python}, Qt for Python {pyside}</p>").format(
            version=__version__, db=html.escape(self.window.session.ws.description), python=platform.python_version(),
            pyside=pyside_version)
        QMessageBox.about(self.window, self.tr("About PartnerDesk"), text)


def _display(url: str) -> str:
    return url.removeprefix("sqlite:///")

