"""Excel import: save the template, choose a file, read the preview (every rejected row with its reason),
then import all rows or none. Long work runs in the background with a progress dialog.

The partner and service-record imports subclass :class:`ExcelImportDialog` with their service functions
(template, preview, apply), their texts and the column naming a rejected row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
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
from ..i18n import current_language
from ..models.table import RIGHT, Column, RowTableModel
from ..operations import run_command
from ..partners.widgets import set_widths, table_view
from ..session import Session

CONTEXT = "ExcelImportDialog"
XLSX_FILTER = QT_TRANSLATE_NOOP("ExcelImportDialog", "Excel workbook (*.xlsx);;CSV file (*.csv)")


def problems_text(problems) -> str:  # noqa: ANN001 - tuple[(code, params)]
    return "；".join(message(code, params, current_language()) for code, params in problems)


def columns(subject: Column) -> tuple[Column, ...]:
    """The preview table: the row number, ``subject`` (what the row is about), the problems."""
    return (
        Column(QT_TRANSLATE_NOOP("ExcelImportDialog", "Row"), lambda r: str(r.row_no), RIGHT),
        subject,
        Column(QT_TRANSLATE_NOOP("ExcelImportDialog", "Problems"), lambda r: problems_text(r.problems),
               tooltip=lambda r: problems_text(r.problems)),
    )


@dataclass(frozen=True)
class ImportSteps:
    """The service functions of one import: ``template(ws)`` -> workbook, ``preview(ws, path)``,
    ``apply(ws, path)`` -> Outcome whose value has ``imported``."""

    template: Callable[[Any], Any]
    preview: Callable[[Any, Path], Any]
    apply: Callable[[Any, Path], Any]


@dataclass(frozen=True)
class ImportTexts:
    """The texts of one import, already translated by the subclass."""

    title: str
    intro: str
    template_name: str
    imported: str  # "%1" stands for the number of rows imported
    template_busy: str | None = None  # None: the default busy text
    no_rows: str | None = None  # None: a file without rows reads as "Rows checked: 0; rows to correct: 0"


class ExcelImportDialog(QDialog):
    def __init__(self, session: Session, steps: ImportSteps, texts: ImportTexts, subject: Column,
                 context: str, widths: tuple[int, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.steps, self.texts = session, steps, texts
        self.path: Path | None = None
        self.preview = None
        self.setWindowTitle(texts.title)
        self.template_button = QPushButton(QCoreApplication.translate("ExcelImportDialog", "Save the template…"))
        self.choose_button = QPushButton(QCoreApplication.translate("ExcelImportDialog", "Choose a file…"))
        self.file_label = QLabel(QCoreApplication.translate("ExcelImportDialog", "No file chosen."), wordWrap=True)
        self.summary = QLabel(wordWrap=True, objectName="importSummary")
        self.model: RowTableModel = _PreviewModel(columns(subject), context, self)
        self.table = table_view(self)
        self.table.setModel(self.model)
        set_widths(self.table, widths)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(QCoreApplication.translate("ExcelImportDialog", "Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
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
        layout.addWidget(QLabel(self.texts.intro, wordWrap=True))
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

    def save_template(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("ExcelImportDialog", "Save the import template"), self.texts.template_name,
            QCoreApplication.translate("ExcelImportDialog", "Excel workbook (*.xlsx)"))
        if path:
            ws, template = self.session.ws, self.steps.template
            run_command(self, lambda: template(ws).save(path), background=True, busy_text=self.texts.template_busy)

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, QCoreApplication.translate("ExcelImportDialog", "Choose the file to import"), "",
            QCoreApplication.translate(CONTEXT, XLSX_FILTER))
        if path:
            self.check(Path(path))

    def check(self, path: Path) -> None:
        self.path = path
        self.file_label.setText(path.name)
        self.import_button.setEnabled(False)
        ws, preview = self.session.ws, self.steps.preview
        run_command(self, lambda: preview(ws, path), background=True,
                    busy_text=QCoreApplication.translate("ExcelImportDialog", "Checking every row…"),
                    on_done=self.show_preview)

    def show_preview(self, preview) -> None:  # noqa: ANN001 - reports.*_import preview
        self.preview = preview
        self.model.set_rows(preview.rejected)
        if preview.header_problems:
            self.summary.setText(problems_text(preview.header_problems))
        elif preview.ok:
            self.summary.setText(QCoreApplication.translate(
                "ExcelImportDialog", "Rows checked: %1, all valid: ready to import.")
                .replace("%1", str(len(preview.rows))))
        elif not preview.rows and self.texts.no_rows is not None:
            self.summary.setText(self.texts.no_rows)
        else:
            self.summary.setText(QCoreApplication.translate(
                "ExcelImportDialog", "Rows checked: %1; rows to correct: %2. Nothing is imported until they are "
                "corrected.").replace("%1", str(len(preview.rows))).replace("%2", str(len(preview.rejected))))
        self.summary.setStyleSheet("" if preview.ok else "color: #b3261e;")
        self.import_button.setEnabled(bool(preview.ok))

    def apply(self) -> None:
        if self.path is None or self.preview is None or not self.preview.ok:
            return
        ws, source, apply = self.session.ws, self.path, self.steps.apply
        run_command(self, lambda: apply(ws, source), background=True,
                    busy_text=QCoreApplication.translate("ExcelImportDialog", "Importing…"), on_done=self._imported)

    def _imported(self, outcome) -> None:  # noqa: ANN001 - Outcome[ImportResult]
        QMessageBox.information(self, self.windowTitle(),
                                self.texts.imported.replace("%1", str(outcome.value.imported)))
        self.accept()


class _PreviewModel(RowTableModel):
    """Column titles in this dialog's context, but for the subject column, in the subclass's own."""

    def column_title(self, column: int) -> str:
        context = self._context if column == 1 else CONTEXT
        return QCoreApplication.translate(context, self._columns[column].title)
