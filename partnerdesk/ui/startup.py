"""Opening a database with the conversations that may need, then signing someone in.

Damaged file: say so, keep a quarantined copy, offer the newest verified backup. Held by another
instance: say who, offer read-only. Written by a newer PartnerDesk: offer read-only. Empty: first run.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from .. import settings as settings_mod
from ..domain.errors import DomainError
from ..messages import describe
from ..services import signin
from ..services.workspace import Workspace, open_workspace
from ..settings import Settings
from .formatting import wall_time
from .i18n import current_language
from .operations import run_and_wait, run_command, show_crash, show_domain_error

log = logging.getLogger(__name__)


def _choose(parent: QWidget | None, text: str, accept: str, icon=None) -> bool:  # noqa: ANN001
    """A message with two buttons: ``accept`` and Quit (a Warning unless ``icon``). True when ``accept`` was chosen."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning if icon is None else icon,
                      QCoreApplication.translate("Launcher", "PartnerDesk"), text, parent=parent)
    yes = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("Launcher", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes)
    box.exec()
    return box.clickedButton() is yes


class Launcher(QObject):
    def __init__(self, settings: Settings, quarantine_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.quarantine_dir = quarantine_dir

    @property
    def backup_dir(self) -> Path:
        return self.settings.resolved_backup_dir()

    def start(self, parent: QWidget | None, url: str, *, inspection=None) -> Workspace | None:  # noqa: ANN001
        """Open and sign in; None when the user gave up (the database is then closed again).

        ``inspection``: the file's check, already started (``app.inspect_ahead``)."""
        ws = self.open(parent, url, inspection=inspection)
        if ws is None:
            return None
        if not self.sign_in(parent, ws):
            ws.close()
            return None
        self.remember(url)
        return ws

    def remember(self, url: str) -> None:
        if urlsplit(url).password:
            return  # never write a server password into the settings file
        self.settings.remember_database(url)
        settings_mod.save(self.settings)

    # -- opening ---------------------------------------------------------------------------------
    def open(self, parent: QWidget | None, url: str, *, read_only: bool = False,
             inspection=None) -> Workspace | None:  # noqa: ANN001
        try:
            return open_workspace(url, read_only=read_only, backup_dir=self.backup_dir, inspection=inspection)
        except DomainError as err:
            handler = {"db.in_use": self._in_use, "db.newer_schema": self._newer,
                       "db.unusable": self._unusable}.get(err.code)
            if handler is not None and not read_only:
                return handler(parent, url, err)
            show_domain_error(parent, err)
        except Exception as exc:  # noqa: BLE001 - e.g. the server cannot be reached
            show_crash(parent, exc)
        return None

    def _in_use(self, parent: QWidget | None, url: str, err: DomainError) -> Workspace | None:
        text = describe(err, current_language()) + "\n\n" + self.tr(
            "You can open it read-only to look things up, or quit and ask them to close PartnerDesk.")
        if _choose(parent, text, self.tr("Open &read-only")):
            return self.open(parent, url, read_only=True)
        return None

    def _newer(self, parent: QWidget | None, url: str, err: DomainError) -> Workspace | None:
        text = describe(err, current_language()) + "\n\n" + self.tr("Please install the newer PartnerDesk.")
        if _choose(parent, text, self.tr("Open &read-only")):
            return self.open(parent, url, read_only=True)
        return None

    def _unusable(self, parent: QWidget | None, url: str, err: DomainError) -> Workspace | None:
        from PySide6.QtWidgets import QMessageBox

        from ..services import maintenance  # only for a damaged file

        path = Path(str(err.params.get("path", "")))
        try:
            copy, newest = maintenance.quarantine(path, self.quarantine_dir, self.backup_dir)
        except OSError as exc:
            log.error("could not quarantine %s: %s", path, exc)
            copy, newest = None, None
        text = describe(err, current_language()) + "\n\n" + self.tr("Nothing was written to the file.")
        if copy is not None:
            text += " " + self.tr("A copy was put aside for inspection: {copy}").format(copy=copy)
        if newest is None:
            QMessageBox.critical(parent, self.tr("PartnerDesk"), text + "\n\n" + self.tr(
                "There is no verified backup to restore. Please ask your administrator for help."))
            return None
        text += "\n\n" + self.tr("The newest verified backup was taken at {time}. Restore it? The damaged file "
                             "is replaced by the backup.").format(time=wall_time(newest.taken_at))
        if not _choose(parent, text, self.tr("&Restore the backup"), QMessageBox.Icon.Critical):
            return None
        restored: list[bool] = []
        run_command(parent, lambda: maintenance.restore(path, newest.path, self.backup_dir, None),
                    on_done=lambda _r: restored.append(True), busy_text=self.tr("Restoring…"))
        return self.open(parent, url) if restored else None

    # -- signing in ------------------------------------------------------------------------------
    def sign_in(self, parent: QWidget | None, ws: Workspace,
                credentials: tuple[str, str] | None = None) -> bool:
        """First run (empty database), or the login dialog. ``credentials`` are tried silently first."""
        if credentials is not None and _quiet_login(ws, credentials):
            return True
        initialised = _initialised(parent, ws)
        if initialised is None:
            return False
        if not initialised:
            return self._first_run(parent, ws)
        from PySide6.QtWidgets import QDialog

        from .dialogs.login import LoginDialog  # not when start-up signs in without the dialog

        dialog = LoginDialog(ws, parent, credentials[0] if credentials else "")
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _first_run(self, parent: QWidget | None, ws: Workspace) -> bool:
        from PySide6.QtWidgets import QDialog, QMessageBox

        if ws.read_only:
            QMessageBox.warning(parent, self.tr("PartnerDesk"),
                                self.tr("This database has no accounts yet and is open read-only."))
            return False
        from .dialogs.first_run import FirstRunDialog  # only on a database's first run

        dialog = FirstRunDialog(ws, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        scale = dialog.demo_scale()
        if scale:
            from ..services import demo  # only now: it brings every capability's generator

            run_and_wait(parent, lambda: demo.load(ws, scale), busy_text=self.tr("Loading demonstration data…"))
        return True


def _quiet_login(ws: Workspace, credentials: tuple[str, str]) -> bool:
    try:
        signin.login(ws, *credentials)
    except DomainError:
        return False
    return True


def _initialised(parent: QWidget | None, ws: Workspace) -> bool | None:
    """Has the office been set up? None when the database could not say (the error was shown)."""
    answer: list[bool] = []
    run_command(parent, lambda: signin.is_initialised(ws), on_done=answer.append)
    return answer[0] if answer else None
