"""The "Documents" page (文书): the archive of issued documents (open = the archived bytes, save as PDF),
verification (Ctrl+Shift+V) and batch issue."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.roles import Perm
from ...fsutil import atomic_write_bytes
from ...services import documents
from ..operations import run_command
from ..pages.base import Page
from ..partners.widgets import Debouncer, combo_value, set_widths, table_view
from ..session import Session
from .list_model import KINDS, DocumentListModel, kind_label

SEARCH_DELAY_MS = 150
COLUMN_CHARS = (14, 7, 20, 7, 10, 8)


class DocumentsPage(Page):
    areas = frozenset({documents.DOCUMENTS})

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = DocumentListModel(session.ws, self)
        self.search = QLineEdit(objectName="search", clearButtonEnabled=True)
        self.search.setPlaceholderText(self.tr("Search: serial number, record or verification code"))
        self.kind_combo = QComboBox(objectName="documentKind")
        self.kind_combo.addItem(self.tr("All kinds"), "")
        for kind, _title in KINDS:
            self.kind_combo.addItem(kind_label(kind), kind)
        self.count_label = QLabel(objectName="documentCount")
        self.empty_hint = QLabel(objectName="hint", wordWrap=True)
        self.empty_hint.setVisible(False)
        self.table = table_view(self)
        self.table.setModel(self.model)
        self.open_button = QPushButton(self.tr("Open"), objectName="openDocument")
        self.save_button = QPushButton(self.tr("Save as PDF…"), objectName="saveDocumentAs")
        self.verify_button = QPushButton(self.tr("Verify…"), objectName="verifyDocument")
        self.batch_button = QPushButton(self.tr("Batch issue…"), objectName="batchIssue")
        self.batch_button.setVisible(session.may_change(Perm.EDIT_RECORDS))
        self.templates_button = QPushButton(self.tr("Templates…"), objectName="editTemplates")
        self.templates_button.setVisible(session.can(Perm.MANAGE_SETTINGS))
        self.debounce = Debouncer(SEARCH_DELAY_MS, self)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.kind_combo)
        top.addWidget(self.count_label)
        buttons = QHBoxLayout()
        for b in (self.open_button, self.save_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        for b in (self.templates_button, self.verify_button, self.batch_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        set_widths(self.table, COLUMN_CHARS)
        self.search.textChanged.connect(self.debounce.poke)
        self.search.returnPressed.connect(self.debounce.flush)
        self.debounce.fire.connect(self.apply_filter)
        self.kind_combo.currentIndexChanged.connect(self.apply_filter)
        self.model.modelReset.connect(self._update)
        self.model.rowsInserted.connect(self._update)
        self.table.selectionModel().currentRowChanged.connect(self._update)
        self.table.activated.connect(self.open_current)
        self.open_button.clicked.connect(self.open_current)
        self.save_button.clicked.connect(self.save_current)
        self.verify_button.clicked.connect(self.verify)
        self.batch_button.clicked.connect(self.batch)
        self.templates_button.clicked.connect(self.edit_templates)
        self.verify_shortcut = QShortcut(QKeySequence("Ctrl+Shift+V"), self, self.verify,
                                         context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._update()

    def reload(self) -> None:
        row = self.table.currentIndex().row()
        self.model.set_filter(combo_value(self.kind_combo) or "", self.search.text().strip(), force=True)
        if 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, 0))

    def apply_filter(self) -> None:
        self.model.set_filter(combo_value(self.kind_combo) or "", self.search.text().strip())

    def _update(self, *_: object) -> None:
        self.count_label.setText(self.tr("Documents: %1").replace("%1", f"{self.model.total:,}"))
        filtered = bool(self.search.text().strip() or combo_value(self.kind_combo))
        if self.model.total:
            self.empty_hint.setVisible(False)
        else:
            self.empty_hint.setText(
                self.tr("No document matches the search or kind.") if filtered else
                self.tr("No document has been issued yet. Issue one with Print… in a partner's, an agreement's or "
                        "an application's window, or several at once with Batch issue…; every issued document is "
                        "archived here."))
            self.empty_hint.setVisible(True)
        has = self.current() is not None
        self.open_button.setEnabled(has)
        self.save_button.setEnabled(has)

    def current(self) -> documents.IssuedDoc | None:
        return self.model.document(self.table.currentIndex())

    # -- actions -----------------------------------------------------------------------------------------
    def open_current(self, *_: object) -> None:
        """The preview dialog on the archived bytes (a reprint, audited), never a new rendering."""
        doc = self.current()
        if doc is not None:
            run_command(self, lambda: documents.reprint(self.session.ws, doc.id),
                        on_done=lambda pdf: self._show(doc, pdf))

    def _show(self, doc: documents.IssuedDoc, pdf: bytes) -> QWidget:
        from .preview_dialog import PreviewDialog

        dialog = PreviewDialog(self.session, doc.kind, doc.entity_id, self, issued=doc, archived=pdf)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.last_preview = dialog
        return dialog

    def save_current(self) -> None:
        doc = self.current()
        if doc is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), documents.file_name(doc),
                                              self.tr("PDF files (*.pdf)"))
        if name:
            path = Path(name if name.lower().endswith(".pdf") else name + ".pdf")
            ws = self.session.ws
            run_command(self, lambda: atomic_write_bytes(path, documents.reprint(ws, doc.id)))

    def verify(self) -> QWidget:
        from .verify_dialog import VerifyDialog

        dialog = VerifyDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.last_verify = dialog
        return dialog

    def batch(self) -> QWidget:
        from .batch_dialog import BatchDialog

        dialog = BatchDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.last_batch = dialog
        return dialog

    def edit_templates(self) -> QWidget:
        from .template_editor import TemplateEditor

        dialog = TemplateEditor(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.last_templates = dialog
        return dialog
