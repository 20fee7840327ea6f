"""Restoring a backup from the running application: confirm, close, restore, reopen, sign in again."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox

from ..domain.errors import DomainError
from ..services import maintenance
from .operations import run_command, show_domain_error

if TYPE_CHECKING:
    from .main_window import MainWindow


class RestoreFlow(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def run(self, path: Path | None) -> None:
        ws = self.window.session.ws
        if not ws.is_sqlite:
            show_domain_error(self.window, DomainError("backup.server_side"))
            return
        path = path or self._choose_file()
        if path is None or not self._acceptable(path) or not self._confirmed(path):
            return
        password = self._password()
        if password is None:
            return
        self._restore(path, (self.window.session.actor.username, password))

    def _choose_file(self) -> Path | None:
        start = str(self.window.session.ws.backup_dir or "")
        name, _filter = QFileDialog.getOpenFileName(
            self.window, self.tr("Restore from backup"), start,
            self.tr("PartnerDesk backups (*.sqlite3);;All files (*)"))
        return Path(name) if name else None

    def _acceptable(self, path: Path) -> bool:
        problem = maintenance.verify_backup_file(path)
        if problem:
            show_domain_error(self.window, DomainError("restore.refused", reason=problem))
        return problem is None

    def _confirmed(self, path: Path) -> bool:
        text = self.tr("Replace the current database with the backup “{name}”?\n\nThe current state is first "
                       "saved as a backup (“Before restore”). Everything entered after the chosen backup was "
                       "taken will no longer be in the database.").format(name=path.name)
        answer = QMessageBox.question(self.window, self.tr("Restore from backup"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _password(self) -> str | None:
        user = self.window.session.actor.username
        text, ok = QInputDialog.getText(self.window, self.tr("Restore from backup"),
                                        self.tr("To confirm, enter the password of {user}:").format(user=user),
                                        QLineEdit.EchoMode.Password)
        return text if ok else None

    def _restore(self, path: Path, credentials: tuple[str, str]) -> None:
        w = self.window
        url, db_path, backup_dir = w.session.ws.url, w.session.ws.path, w.session.ws.backup_dir
        w.finish_workspace(backup=False)
        done: list[bool] = []
        run_command(w, lambda: maintenance.restore(db_path, path, backup_dir, credentials),
                    on_done=lambda _r: done.append(True), busy_text=self.tr("Restoring…"))
        ws = w.launcher.open(w, url)
        if ws is None or not w.launcher.sign_in(w, ws, credentials):
            if ws is not None:
                ws.close()
            w.abandon()
            return
        w.set_workspace(ws)
        if done:
            w.statusBar().showMessage(self.tr("Restored from {name}.").format(name=path.name), 10000)


def restore_backup(window: MainWindow, path: Path | None) -> None:
    RestoreFlow(window).run(path)
