"""Excel import of service records (typed-up sign-in sheets): save the template, choose a file, read the
preview (every rejected row with its reason), then import all rows or none. Long work runs in the
background with a progress dialog (the pattern of ``ui/partners/import_dialog.py``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...messages import message
from ...services import service_import
from ..i18n import current_language
from ..models.table import RIGHT, Column, RowTableModel
from ..operations import run_command
from ..partners.widgets import set_widths, table_view
from ..session import Session

CONTEXT = "ServiceImportDialog"
XLSX_FILTER = QT_TRANSLATE_NOOP("ServiceImportDialog", "Excel workbook (*.xlsx);;CSV file (*.csv)")


def problems_text(problems) -> str:  # noqa: ANN001 - tuple[(code, params)]
    return "；".join(message(code, params, current_language()) for code, params in problems)


COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ServiceImportDialog", "Row"), lambda r: str(r.row_no), RIGHT),
    Column(QT_TRANSLATE_NOOP("ServiceImportDialog", "Partner"), lambda r: r.partner),
    Column(QT_TRANSLATE_NOOP("ServiceImportDialog", "Problems"), lambda r: problems_text(r.problems),
           tooltip=lambda r: problems_text(r.problems)),
)


class ServiceImportDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.path: Path | None = None
        self.preview = None
        self.setWindowTitle(self.tr("Import service records from Excel"))
        self.template_button = QPushButton(self.tr("Save the template…"))
        self.choose_button = QPushButton(self.tr("Choose a file…"))
        self.file_label = QLabel(self.tr("No file chosen."), wordWrap=True)
        self.summary = QLabel(wordWrap=True, objectName="importSummary")
        self.model: RowTableModel = RowTableModel(COLUMNS, CONTEXT, self)
        self.table = table_view(self)
        self.table.setModel(self.model)
        set_widths(self.table, (4, 14, 40))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self._layout()
        self.template_button.clicked.connect(self.save_template)
        self.choose_button.clicked.connect(self.choose)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        self.resize(860, 560)

    def _layout(self) -> None:
        row = QHBoxLayout()
        row.addWidget(self.template_button)
        row.addWidget(self.choose_button)
        row.addWidget(self.file_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "Fill in the template (one session per row: partner name or filing number, date, kind, people served, "
            "hours…), then choose the file. Nothing is imported until every row is valid; the rows below need "
            "correcting first."), wordWrap=True))
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

    def save_template(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the import template"),
                                              self.tr("Service records import template.xlsx"),
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            ws = self.session.ws
            run_command(self, lambda: service_import.template(ws).save(path), background=True,
                        busy_text=self.tr("Writing the template…"))

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the file to import"), "", self.tr(XLSX_FILTER))
        if path:
            self.check(Path(path))

    def check(self, path: Path) -> None:
        self.path = path
        self.file_label.setText(path.name)
        self.import_button.setEnabled(False)
        ws = self.session.ws
        run_command(self, lambda: service_import.preview(ws, path), background=True,
                    busy_text=self.tr("Checking every row…"), on_done=self.show_preview)

    def show_preview(self, preview) -> None:  # noqa: ANN001 - reports.service_import.ServicePreview
        self.preview = preview
        self.model.set_rows(preview.rejected)
        if preview.header_problems:
            self.summary.setText(problems_text(preview.header_problems))
        elif preview.ok:
            self.summary.setText(self.tr("Rows checked: %1, all valid: ready to import.")
                                 .replace("%1", str(len(preview.rows))))
        elif not preview.rows:
            self.summary.setText(self.tr("The file holds no rows to import."))
        else:
            self.summary.setText(self.tr("Rows checked: %1; rows to correct: %2. Nothing is imported until they are "
                                         "corrected.").replace("%1", str(len(preview.rows)))
                                 .replace("%2", str(len(preview.rejected))))
        self.summary.setStyleSheet("" if preview.ok else "color: #b3261e;")
        self.import_button.setEnabled(bool(preview.ok))

    def apply(self) -> None:
        if self.path is None or self.preview is None or not self.preview.ok:
            return
        ws, source = self.session.ws, self.path
        run_command(self, lambda: service_import.apply(ws, source), background=True,
                    busy_text=self.tr("Importing…"), on_done=self._imported)

    def _imported(self, outcome) -> None:  # noqa: ANN001 - Outcome[ImportResult]
        QMessageBox.information(self, self.windowTitle(),
                                self.tr("Service records imported: %1.").replace("%1", str(outcome.value.imported)))
        self.accept()
