"""Users tab: accounts, roles and community assignments; passwords, unlocking, deactivation."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from ...domain.org import UnitKind
from ...domain.roles import Perm
from ...services import accounts, org
from ...services.changes import ORG, USERS
from ...services.dto import OrgUnitRow, UserRow
from ..dialogs.passwords import PasswordDialog
from ..models.table import ROW_ROLE
from ..models.users import UserItem, users_model
from ..operations import run_command
from ..pages.base import Page
from .user_dialogs import UserDialog


def community_choices(units: list[OrgUnitRow]) -> list[tuple[int, str]]:
    """(id, 'Community · Street') for every community, in tree order."""
    names = {u.id: u.name for u in units}
    return [(u.id, f"{u.name} · {names.get(u.parent_id, '')}") for u in units
            if u.kind == UnitKind.COMMUNITY.value]


class UsersTab(Page):
    areas = frozenset({USERS, ORG})

    def __init__(self, session, parent=None) -> None:  # noqa: ANN001
        super().__init__(session, parent)
        self.model = users_model(self)
        self.proxy = QSortFilterProxyModel(self, filterCaseSensitivity=Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.search = QLineEdit(objectName="search", clearButtonEnabled=True)
        self.search.setPlaceholderText(self.tr("Filter by name, role or community (Ctrl+F)"))
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = self._make_view()
        self.buttons = self._make_buttons()
        self._units: list[OrgUnitRow] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.view)
        self._update_buttons()

    def _make_view(self) -> QTableView:
        view = QTableView(objectName="usersTable", sortingEnabled=True, alternatingRowColors=True)
        view.setModel(self.proxy)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        view.selectionModel().currentChanged.connect(self._update_buttons)
        view.doubleClicked.connect(lambda _index: self.edit_user())
        return view

    def _make_buttons(self) -> dict[str, QPushButton]:
        specs = {
            "add": (self.tr("&Add user…"), self.add_user),
            "edit": (self.tr("&Edit…"), self.edit_user),
            "password": (self.tr("Reset &password…"), self.reset_password),
            "unlock": (self.tr("&Unlock"), self.unlock),
            "active": (self.tr("Deac&tivate"), self.toggle_active),
        }
        buttons = {}
        for key, (text, slot) in specs.items():
            buttons[key] = QPushButton(text, objectName=f"users_{key}")
            buttons[key].clicked.connect(slot)
        return buttons

    # -- loading ---------------------------------------------------------------------------------
    def reload(self) -> None:
        ws = self.session.ws
        run_command(self, lambda: (accounts.list_users(ws), org.tree(ws), ws.now()), on_done=self._show)

    def _show(self, loaded: tuple[list[UserRow], list[OrgUnitRow], object]) -> None:
        users, self._units, now = loaded
        keep = self.selected()
        names = {u.id: u.name for u in self._units}
        self.model.set_rows([UserItem(u, "、".join(names.get(c, str(c)) for c in u.community_ids), now)
                             for u in users])
        if keep is not None:
            self.select(keep.id)
        self._update_buttons()

    def select(self, user_id: int) -> None:
        row = self.model.find_row(lambda item: item.user.id == user_id)
        if row >= 0:
            self.view.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row, 0)))

    def selected_item(self) -> UserItem | None:
        index = self.view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def selected(self) -> UserRow | None:
        item = self.selected_item()
        return item.user if item else None

    def _update_buttons(self, *_args) -> None:  # noqa: ANN002
        item = self.selected_item()
        may = self.session.may_change(Perm.MANAGE_USERS)
        self.buttons["add"].setEnabled(may)
        for key in ("edit", "password", "active"):
            self.buttons[key].setEnabled(may and item is not None)
        self.buttons["unlock"].setEnabled(may and item is not None and item.locked)
        active = item is None or item.user.active
        self.buttons["active"].setText(self.tr("Deac&tivate") if active else self.tr("Ac&tivate"))

    # -- actions ---------------------------------------------------------------------------------
    def add_user(self) -> None:
        dialog = UserDialog(community_choices(self._units), None, self)
        dialog.submit = lambda: accounts.add_user(
            self.session.ws, dialog.username.text(), dialog.role_value(), dialog.password.text(),
            dialog.display_name.text(), dialog.community_ids())
        if dialog.exec():
            self.select(dialog.outcome.value.id)

    def edit_user(self) -> None:
        user = self.selected()
        if user is None or not self.session.may_change(Perm.MANAGE_USERS):
            return
        dialog = UserDialog(community_choices(self._units), user, self)
        dialog.submit = lambda: accounts.update_user(
            self.session.ws, user.id, user.version, role=dialog.role_value(),
            display_name=dialog.display_name.text(), community_ids=dialog.community_ids())
        dialog.exec()

    def reset_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        intro = self.tr("Set a new password for {user}. Tell it to them in person; they can change it "
                        "after signing in. This also unlocks the account.").format(user=user.username)
        dialog = PasswordDialog(self.tr("Reset password"), self, intro)
        dialog.submit = lambda: accounts.reset_password(self.session.ws, user.id, dialog.password.text())
        dialog.exec()

    def unlock(self) -> None:
        user = self.selected()
        if user is not None:
            run_command(self, lambda: accounts.unlock_user(self.session.ws, user.id))

    def toggle_active(self) -> None:
        user = self.selected()
        if user is not None:
            run_command(self, lambda: accounts.update_user(self.session.ws, user.id, user.version,
                                                           active=not user.active))
