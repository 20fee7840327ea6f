"""Excel import of partners: get the template, choose a file, read the preview (every rejected row with its
reason), then import all rows or none (:class:`~partnerdesk.ui.dialogs.import_dialog.ExcelImportDialog`)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from ...services import partner_import
from ..dialogs.import_dialog import ExcelImportDialog, ImportSteps, ImportTexts
from ..models.table import Column
from ..session import Session

CONTEXT = "ImportDialog"
SUBJECT = Column(QT_TRANSLATE_NOOP("ImportDialog", "Name"), lambda r: r.name)


class ImportDialog(ExcelImportDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        texts = ImportTexts(
            title=self.tr("Import partners from Excel"),
            intro=self.tr("Fill in the template (one partner per row), then choose the file. Nothing is imported "
                          "until every row is valid; the rows below need correcting first."),
            template_name=self.tr("Partner import template.xlsx"),
            imported=self.tr("Partners imported: %1."))
        steps = ImportSteps(lambda ws: partner_import.template(ws), lambda ws, path: partner_import.preview(ws, path),
                            lambda ws, path: partner_import.apply(ws, path))
        super().__init__(session, steps, texts, SUBJECT, CONTEXT, (4, 16, 40), parent)
