"""Photos and floor plans of a space: list, add from a file, open a copy (attachments of entity "space")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain.roles import Perm
from ...services import attachments
from ...services.attachments import ATTACHMENTS, AttachmentRow
from ..formatting import local_time, size
from ..models.table import RIGHT, Column, RowTableModel
from ..operations import run_command
from ..partners.attachments_tab import open_attachment
from ..partners.widgets import set_widths, table_view

CONTEXT = "SpaceFiles"
ENTITY = "space"
COLUMNS = (
    Column(QT_TRANSLATE_NOOP("SpaceFiles", "File"), lambda a: a.filename),
    Column(QT_TRANSLATE_NOOP("SpaceFiles", "Kind"), lambda a: a.kind),
    Column(QT_TRANSLATE_NOOP("SpaceFiles", "Size"), lambda a: size(a.size), RIGHT),
    Column(QT_TRANSLATE_NOOP("SpaceFiles", "Added"), lambda a: local_time(a.added_at)[:16]),
    Column(QT_TRANSLATE_NOOP("SpaceFiles", "By"), lambda a: a.added_by),
)
KINDS = (QT_TRANSLATE_NOOP("SpaceFiles", "Photo"), QT_TRANSLATE_NOOP("SpaceFiles", "Floor plan"),
         QT_TRANSLATE_NOOP("SpaceFiles", "Other"))


class SpaceFiles(QWidget):
    """Files of one record: attachments of ``entity`` (a space by default; project applications use it too,
    with their own kinds of file, translated in ``kinds_context``, and file-dialog title)."""

    def __init__(self, session, parent: QWidget | None = None, *, entity: str = ENTITY,  # noqa: ANN001
                 kinds: tuple[str, ...] = KINDS, kinds_context: str = CONTEXT, add_title: str = "") -> None:
        super().__init__(parent)
        self.entity, self.kinds, self.context = entity, kinds, kinds_context
        self.add_title = add_title
        self.session = session
        self.space_id: int | None = None
        self.model: RowTableModel[AttachmentRow] = RowTableModel(COLUMNS, CONTEXT, self)
        self.table = table_view(self)
        self.table.setModel(self.model)
        set_widths(self.table, (16, 6, 5, 9, 6))
        self.caption = QLabel(objectName="filesCaption")
        self.kind = QComboBox(editable=True, objectName="fileKind")
        self.kind.addItems([QCoreApplication.translate(self.context, k) for k in self.kinds])
        self.add_button = QPushButton(self.tr("Add file…"), objectName="addFile")
        self.open_button = QPushButton(self.tr("Open"), objectName="openFile")
        self.add_button.setVisible(session.may_change(Perm.EDIT_RECORDS))
        row = QHBoxLayout()
        row.addWidget(self.caption, 1)
        row.addWidget(QLabel(self.tr("Kind")))
        row.addWidget(self.kind)
        row.addWidget(self.add_button)
        row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.add_button.clicked.connect(self.add_file)
        self.open_button.clicked.connect(lambda: self.open_row(self.table.currentIndex()))
        self.table.activated.connect(self.open_row)
        session.bus.data_changed.connect(lambda changes: changes.touches(ATTACHMENTS) and self.reload())
        self.show_space(None, "")

    def show_space(self, space_id: int | None, name: str) -> None:
        self.space_id = space_id
        self.caption.setText(name if space_id else self.tr("Choose a space in the list above."))
        self.add_button.setEnabled(space_id is not None)
        self.reload()

    def reload(self) -> None:
        if self.space_id is None:
            self.model.set_rows([])
            return
        ws, sid = self.session.ws, self.space_id
        entity = self.entity
        run_command(self, lambda: attachments.list_for(ws, entity, sid), on_done=self.model.set_rows)

    def add_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.add_title or self.tr("Add a photo or floor plan"), "",
                                              self.tr("Images and documents (*.jpg *.jpeg *.png *.pdf *.dwg);;"
                                                      "All files (*)"))
        if not path or self.space_id is None:
            return
        ws, sid, kind, file = self.session.ws, self.space_id, self.kind.currentText().strip(), Path(path)
        entity = self.entity
        run_command(self, lambda: attachments.add(ws, entity, sid, file.name, file.read_bytes(), kind),
                    background=True, busy_text=self.tr("Storing the file…"))

    def open_row(self, index: QModelIndex) -> None:
        row = self.model.row_at(index)
        if row is not None:
            open_attachment(self, self.session, row.id)
