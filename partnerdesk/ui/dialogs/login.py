"""Signing in: user name and password; a refusal is shown in the dialog, in the interface's language."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit

from ...domain.errors import DomainError
from ...messages import describe
from ...services import overview, signin
from ..i18n import current_language
from ..operations import run_command
from .form import FormDialog
from .passwords import password_edit


class LoginDialog(FormDialog):
    def __init__(self, ws, parent=None, username: str = "") -> None:  # noqa: ANN001
        super().__init__("", parent)
        self.ws = ws
        self.setWindowTitle(self.tr("Sign in — PartnerDesk"))
        self.office = QLabel(_office_name(ws), objectName="loginOffice")
        self.username = QLineEdit(username, objectName="username", maxLength=64)
        self.password = password_edit("password")
        where = ws.description + (self.tr(" (read-only)") if ws.read_only else "")
        self.database = QLabel(where, objectName="loginDatabase", wordWrap=True)
        self.form.addRow(self.office)
        self.form.addRow(self.tr("&User name:"), self.username)
        self.form.addRow(self.tr("&Password:"), self.password)
        self.form.addRow(self.tr("Database:"), self.database)
        self.ok_button().setText(self.tr("&Sign in"))
        (self.password if username else self.username).setFocus()
        self.setMinimumWidth(420)

    def _on_ok(self) -> None:
        self.show_problem("")
        run_command(self, lambda: signin.login(self.ws, self.username.text(), self.password.text()),
                    on_done=self._saved, on_error=self._refused)

    def _refused(self, err: DomainError) -> bool:
        self.show_problem(describe(err, current_language()))
        self.password.clear()
        self.password.setFocus()
        return True


def _office_name(ws) -> str:  # noqa: ANN001
    try:
        office = overview.office(ws)
    except Exception:  # noqa: BLE001 - a heading only; signing in still works
        return ""
    return f"{office.district} {office.street}".strip()
