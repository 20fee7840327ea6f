"""Adding or editing a user, and setting a password."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget, QListWidgetItem

from ...domain.roles import Role
from ...services.dto import UserRow
from .. import labels
from ..dialogs.form import FormDialog
from ..dialogs.passwords import password_edit


class UserDialog(FormDialog):
    """``communities`` are (id, label) pairs; a community worker must get at least one (the service
    says so if not)."""

    def __init__(self, communities: Sequence[tuple[int, str]], user: UserRow | None = None,
                 parent=None) -> None:  # noqa: ANN001
        super().__init__("", parent)
        self.setWindowTitle(self.tr("Edit user") if user else self.tr("Add user"))
        self.username = QLineEdit(user.username if user else "", objectName="username", maxLength=64)
        self.username.setReadOnly(user is not None)
        self.display_name = QLineEdit(user.display_name if user else "", objectName="displayName")
        self.role = QComboBox(objectName="role")
        for role in Role:
            self.role.addItem(labels.role(role), role.value)
        self.role.setCurrentIndex(max(0, self.role.findData(user.role if user else Role.STAFF.value)))
        self.communities = self._community_list(communities, user.community_ids if user else ())
        self.role.currentIndexChanged.connect(self._role_changed)
        self._add_rows(user is None)
        self._role_changed()

    def _community_list(self, communities: Sequence[tuple[int, str]], chosen: Sequence[int]) -> QListWidget:
        widget = QListWidget(objectName="communities")
        for community_id, label in communities:
            item = QListWidgetItem(label, widget)
            item.setData(Qt.ItemDataRole.UserRole, community_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if community_id in chosen else Qt.CheckState.Unchecked)
        widget.setMinimumHeight(140)
        return widget

    def _add_rows(self, new: bool) -> None:
        self.form.addRow(self.tr("&User name:"), self.username)
        self.form.addRow(self.tr("&Name:"), self.display_name)
        self.form.addRow(self.tr("&Role:"), self.role)
        self.form.addRow(self.tr("&Communities:"), self.communities)
        self.password = password_edit("password")
        self.confirm = password_edit("confirm")
        if new:
            self.form.addRow(self.tr("&Password:"), self.password)
            self.form.addRow(self.tr("&Again:"), self.confirm)

    def _role_changed(self) -> None:
        self.communities.setEnabled(self.role_value() == Role.COMMUNITY_WORKER.value)

    def role_value(self) -> str:
        return self.role.currentData()

    def community_ids(self) -> tuple[int, ...]:
        if self.role_value() != Role.COMMUNITY_WORKER.value:
            return ()
        items = (self.communities.item(i) for i in range(self.communities.count()))
        return tuple(it.data(Qt.ItemDataRole.UserRole) for it in items
                     if it.checkState() == Qt.CheckState.Checked)

    def check_community(self, label: str) -> None:
        for item in self.communities.findItems(label, Qt.MatchFlag.MatchStartsWith):
            item.setCheckState(Qt.CheckState.Checked)

    def validate(self) -> str:
        if self.password.text() != self.confirm.text():
            return self.tr("The two passwords differ.")
        return ""

