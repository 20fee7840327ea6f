"""First run on an empty database: the administrator account, the office, and optional demo data."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit

from ...services import accounts
from .form import FormDialog
from .passwords import password_edit


class FirstRunDialog(FormDialog):
    def __init__(self, ws, parent=None) -> None:  # noqa: ANN001
        super().__init__("", parent)
        self.ws = ws
        self.setWindowTitle(self.tr("Welcome to PartnerDesk"))
        intro = self.tr("This database is new. Name your street office and create the administrator "
                        "account. The administrator then adds the other users.")
        self.set_intro(intro)
        self.district = QLineEdit(objectName="district", maxLength=100)
        self.district.setPlaceholderText(self.tr("e.g. 渝中区"))
        self.street = QLineEdit(objectName="street", maxLength=100)
        self.street.setPlaceholderText(self.tr("e.g. 石油路街道"))
        self.username = QLineEdit("admin", objectName="username", maxLength=64)
        self.display_name = QLineEdit(objectName="displayName", maxLength=100)
        self.password = password_edit("password")
        self.confirm = password_edit("confirm")
        self.demo = QComboBox(objectName="demo")
        self.demo.addItem(self.tr("No, start empty"), "")
        self.demo.addItem(self.tr("Yes, a small demonstration"), "small")
        self.demo.addItem(self.tr("Yes, a district-scale demonstration"), "district")
        self._add_rows()
        self.submit = self._create
        self.setMinimumWidth(460)

    def _add_rows(self) -> None:
        for label, widget in ((self.tr("&District:"), self.district), (self.tr("&Street office:"), self.street),
                              (self.tr("Administrator &user name:"), self.username),
                              (self.tr("&Name:"), self.display_name), (self.tr("&Password:"), self.password),
                              (self.tr("&Again:"), self.confirm), (self.tr("Demo &data:"), self.demo)):
            self.form.addRow(label, widget)

    def validate(self) -> str:
        if self.password.text() != self.confirm.text():
            return self.tr("The two passwords differ.")
        return ""

    def demo_scale(self) -> str:
        return self.demo.currentData()

    def _create(self):  # noqa: ANN202
        """The office and its administrator, who is then signed in."""
        outcome = accounts.init_office(self.ws, self.username.text(), self.password.text(), self.district.text(),
                                       self.street.text(), self.display_name.text())
        accounts.login(self.ws, self.username.text(), self.password.text())
        return outcome

