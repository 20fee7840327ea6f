"""Excel import of service records (typed-up sign-in sheets): save the template, choose a file, read the
preview (every rejected row with its reason), then import all rows or none. Long work runs in the
background with a progress dialog (:class:`~partnerdesk.ui.dialogs.import_dialog.ExcelImportDialog`)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from ...services import service_import
from ..dialogs.import_dialog import ExcelImportDialog, ImportSteps, ImportTexts
from ..models.table import Column
from ..session import Session

CONTEXT = "ServiceImportDialog"
SUBJECT = Column(QT_TRANSLATE_NOOP("ServiceImportDialog", "Partner"), lambda r: r.partner)


class ServiceImportDialog(ExcelImportDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        texts = ImportTexts(
            title=self.tr("Import service records from Excel"),
            intro=self.tr("Fill in the template (one session per row: partner name or filing number, date, kind, "
                          "people served, hours…), then choose the file. Nothing is imported until every row is "
                          "valid; the rows below need correcting first."),
            template_name=self.tr("Service records import template.xlsx"),
            imported=self.tr("Service records imported: %1."),
            template_busy=self.tr("Writing the template…"),
            no_rows=self.tr("The file holds no rows to import."))
        steps = ImportSteps(lambda ws: service_import.template(ws), lambda ws, path: service_import.preview(ws, path),
                            lambda ws, path: service_import.apply(ws, path))
        super().__init__(session, steps, texts, SUBJECT, CONTEXT, (4, 14, 40), parent)
