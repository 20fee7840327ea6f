"""Backups and check tab: verified backups of the SQLite file, restore, and the invariant check."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from ...domain.errors import DomainError
from ...domain.roles import Perm
from ...messages import describe
from ...services import maintenance
from ...services.changes import BACKUPS
from ...services.consistency import CheckReport
from ..i18n import current_language
from ..models.maintenance import backups_model, check_model
from ..models.table import RowTableModel
from ..operations import run_command
from ..pages.base import Page


def _table(model: RowTableModel, name: str) -> QTableView:
    view = QTableView(objectName=name, alternatingRowColors=True)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class BackupsTab(Page):
    areas = frozenset({BACKUPS})

    def __init__(self, session, parent=None) -> None:  # noqa: ANN001
        super().__init__(session, parent)
        self.backups = backups_model(self)
        self.results = check_model(self)
        self.folder_label = QLabel(objectName="backupFolder", wordWrap=True)
        self.backup_view = _table(self.backups, "backupsTable")
        self.check_view = _table(self.results, "checkTable")
        self.check_summary = QLabel(objectName="checkSummary", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self._backup_box(), 3)
        layout.addWidget(self._check_box(), 2)

    def _button(self, text: str, name: str, slot, enabled: bool = True) -> QPushButton:  # noqa: ANN001
        button = QPushButton(text, objectName=name, enabled=enabled)
        button.clicked.connect(slot)
        return button

    def _backup_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Backups"))
        layout = QVBoxLayout(box)
        if not self.session.ws.is_sqlite:
            message = describe(DomainError("backup.server_side"), current_language())
            layout.addWidget(QLabel(message, objectName="serverSide", wordWrap=True))
            return box
        self.backup_button = self._button(self.tr("&Back up now"), "backupNow", self.backup_now,
                                          self.session.can(Perm.BACKUP))
        restore_enabled = self.session.can(Perm.RESTORE)
        self.restore_button = self._button(self.tr("&Restore selected…"), "restoreSelected",
                                           self.restore_selected, restore_enabled)
        self.restore_file_button = self._button(self.tr("Restore from &file…"), "restoreFile",
                                                self.restore_file, restore_enabled)
        folder = self._button(self.tr("&Open folder"), "openFolder", self.open_folder)
        row = QHBoxLayout()
        for widget in (self.folder_label, folder, self.backup_button, self.restore_button,
                       self.restore_file_button):
            row.addWidget(widget)
        row.setStretch(0, 1)
        layout.addLayout(row)
        layout.addWidget(self.backup_view)
        return box

    def _check_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Check"))
        layout = QVBoxLayout(box)
        intro = QLabel(self.tr("Checks the database file, the references between records, the audit "
                               "trail chain and every rule the data must keep."), wordWrap=True)
        self.check_button = self._button(self.tr("Run &check"), "runCheck", self.run_check,
                                         self.session.can(Perm.VERIFY))
        row = QHBoxLayout()
        row.addWidget(intro, 1)
        row.addWidget(self.check_button)
        layout.addLayout(row)
        layout.addWidget(self.check_summary)
        layout.addWidget(self.check_view)
        return box

    # -- backups ---------------------------------------------------------------------------------
    def reload(self) -> None:
        ws = self.session.ws
        if not ws.is_sqlite:
            return
        self.folder_label.setText(self.tr("Folder: {path}").format(path=ws.backup_dir or "–"))
        if ws.backup_dir is not None:
            run_command(self, lambda: maintenance.list_backups(ws.backup_dir), on_done=self.backups.set_rows)

    def backup_now(self) -> None:
        if self.session.shell is not None:
            self.session.shell.backup_now()

    def restore_selected(self) -> None:
        backup = self.backups.row_at(self.backup_view.currentIndex())
        if backup is None:
            return self.restore_file()
        if self.session.shell is not None:
            self.session.shell.restore_backup(backup.path)

    def restore_file(self) -> None:
        if self.session.shell is not None:
            self.session.shell.restore_backup(None)

    def open_folder(self) -> None:
        if self.session.ws.backup_dir is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.session.ws.backup_dir)))

    # -- check -----------------------------------------------------------------------------------
    def run_check(self) -> None:
        ws = self.session.ws
        run_command(self, lambda: maintenance.check(ws), on_done=self._show_check, background=True,
                    busy_text=self.tr("Checking the database…"))

    def _show_check(self, report: CheckReport) -> None:
        self.results.set_rows(report.results)
        failed = sum(1 for r in report.results if not r.ok)
        if failed:
            text = self.tr("✗ {n} of {total} checks found problems.").format(n=failed, total=len(report.results))
        else:
            text = self.tr("✓ All {total} checks passed.").format(total=len(report.results))
        self.check_summary.setText(text)
        self.check_summary.setProperty("ok", not failed)
        self.check_summary.style().polish(self.check_summary)

