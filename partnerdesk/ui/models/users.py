"""The users table: each account with its role, communities and sign-in state."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...services.dto import UserRow
from .. import labels
from ..formatting import local_time
from .table import Column, RowTableModel

CONTEXT = "UsersModel"


@dataclass(frozen=True)
class UserItem:
    """A user as the table shows it: the row plus the names of its communities."""

    user: UserRow
    communities: str
    now: datetime  # naive UTC, to tell a current lock from an expired one

    @property
    def locked(self) -> bool:
        return self.user.locked_until is not None and self.user.locked_until > self.now


def _status(item: UserItem) -> str:
    if not item.user.active:
        return QCoreApplication.translate("UsersModel", "Deactivated")
    if item.locked:
        return QCoreApplication.translate("UsersModel", "Locked until {time}").format(
            time=local_time(item.user.locked_until))
    return QCoreApplication.translate("UsersModel", "Active")


COLUMNS: tuple[Column[UserItem], ...] = (
    Column(QT_TRANSLATE_NOOP("UsersModel", "User name"), lambda i: i.user.username),
    Column(QT_TRANSLATE_NOOP("UsersModel", "Name"), lambda i: i.user.display_name),
    Column(QT_TRANSLATE_NOOP("UsersModel", "Role"), lambda i: labels.role(i.user.role)),
    Column(QT_TRANSLATE_NOOP("UsersModel", "Communities"), lambda i: i.communities,
           tooltip=lambda i: i.communities),
    Column(QT_TRANSLATE_NOOP("UsersModel", "Status"), _status),
    Column(QT_TRANSLATE_NOOP("UsersModel", "Last sign-in"), lambda i: local_time(i.user.last_login_at)),
)


def users_model(parent=None) -> RowTableModel[UserItem]:  # noqa: ANN001
    return RowTableModel(COLUMNS, CONTEXT, parent)
