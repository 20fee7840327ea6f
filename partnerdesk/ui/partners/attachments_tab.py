"""Attachments of a partner (scans of licence, ID, charter): list, add from a file, open a copy."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain.roles import Perm
from ...services import attachments
from ...services.attachments import AttachmentRow
from ..formatting import local_time, size
from ..models.table import RIGHT, Column, RowTableModel
from ..operations import run_command
from ..session import Session
from .widgets import set_widths, table_view

CONTEXT = "AttachmentsTab"
COLUMNS = (
    Column(QT_TRANSLATE_NOOP("AttachmentsTab", "File"), lambda a: a.filename),
    Column(QT_TRANSLATE_NOOP("AttachmentsTab", "Kind"), lambda a: a.kind),
    Column(QT_TRANSLATE_NOOP("AttachmentsTab", "Size"), lambda a: size(a.size), RIGHT),
    Column(QT_TRANSLATE_NOOP("AttachmentsTab", "Added"), lambda a: local_time(a.added_at)[:16]),
    Column(QT_TRANSLATE_NOOP("AttachmentsTab", "By"), lambda a: a.added_by),
    Column(QT_TRANSLATE_NOOP("AttachmentsTab", "SHA-256"), lambda a: a.sha256[:16] + "…",
           tooltip=lambda a: a.sha256),
)
KINDS = (QT_TRANSLATE_NOOP("AttachmentsTab", "Business licence"),
         QT_TRANSLATE_NOOP("AttachmentsTab", "Registration certificate"),
         QT_TRANSLATE_NOOP("AttachmentsTab", "ID card copy"), QT_TRANSLATE_NOOP("AttachmentsTab", "Charter"),
         QT_TRANSLATE_NOOP("AttachmentsTab", "Other"))
_TEMP: list[tempfile.TemporaryDirectory] = []  # opened copies live until the program ends


def temp_copy(filename: str, data: bytes) -> Path:
    """Write an attachment to a private temporary folder so the system viewer can open it."""
    if not _TEMP:
        _TEMP.append(tempfile.TemporaryDirectory(prefix="partnerdesk-"))
    folder = Path(tempfile.mkdtemp(dir=_TEMP[0].name))
    target = folder / (Path(filename).name or "attachment")
    target.write_bytes(data)
    return target


def open_attachment(parent: QWidget, session: Session, attachment_id: int) -> None:
    """Fetch (the hash is checked by the service), copy to a temporary file, open with the system viewer."""
    ws = session.ws
    run_command(parent, lambda: temp_copy(*attachments.content(ws, attachment_id)),
                on_done=lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


class AttachmentsTab(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.partner_id: int | None = None
        self.model: RowTableModel[AttachmentRow] = RowTableModel(COLUMNS, CONTEXT, self)
        self.table = table_view(self)
        self.table.setModel(self.model)
        set_widths(self.table, (16, 8, 5, 9, 6, 10))
        self.kind = QComboBox(editable=True)
        self.kind.addItems([self.tr(k) for k in KINDS])
        self.add_button = QPushButton(self.tr("Add file…"))
        self.open_button = QPushButton(self.tr("Open"))
        self.add_button.setVisible(session.may_change(Perm.EDIT_RECORDS))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Kind")))
        row.addWidget(self.kind)
        row.addWidget(self.add_button)
        row.addStretch(1)
        row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.add_button.clicked.connect(self.add_file)
        self.open_button.clicked.connect(lambda: self.open_row(self.table.currentIndex()))
        self.table.activated.connect(self.open_row)

    def show_rows(self, partner_id: int, rows: tuple[AttachmentRow, ...]) -> None:
        self.partner_id = partner_id
        self.model.set_rows(rows)

    def add_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Add an attachment"), "",
                                              self.tr("Scans and documents (*.pdf *.jpg *.jpeg *.png *.doc *.docx);;"
                                                      "All files (*)"))
        if not path or self.partner_id is None:
            return
        ws, pid, kind, file = self.session.ws, self.partner_id, self.kind.currentText().strip(), Path(path)
        run_command(self, lambda: attachments.add(ws, "partner", pid, file.name, file.read_bytes(), kind))

    def open_row(self, index: QModelIndex) -> None:
        row = self.model.row_at(index)
        if row is not None:
            open_attachment(self, self.session, row.id)
