"""Password fields and the dialog that sets a new password (for someone else, or one's own)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from .form import FormDialog


def password_edit(name: str) -> QLineEdit:
    return QLineEdit(objectName=name, echoMode=QLineEdit.EchoMode.Password, maxLength=128)


class PasswordDialog(FormDialog):
    """New password twice; with ``ask_current`` the current one first (changing one's own)."""

    def __init__(self, title: str, parent=None, intro: str = "", ask_current: bool = False) -> None:  # noqa: ANN001
        super().__init__(title, parent, intro)
        self.current = password_edit("current")
        self.password = password_edit("password")
        self.confirm = password_edit("confirm")
        if ask_current:
            self.form.addRow(self.tr("&Current password:"), self.current)
        self.form.addRow(self.tr("New &password:"), self.password)
        self.form.addRow(self.tr("&Again:"), self.confirm)

    def validate(self) -> str:
        if self.password.text() != self.confirm.text():
            return self.tr("The two passwords differ.")
        return ""
