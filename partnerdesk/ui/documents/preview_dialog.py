"""Preview a document before issuing it, then issue, print (system print dialog) or save the issued PDF.

The preview is a draft without serial or verification code; after Issue the dialog shows the archived bytes,
which are what Print and Save as PDF use (a reprint is the archived document, never a new rendering)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain.roles import Perm
from ...fsutil import atomic_write_bytes
from ...services import documents
from ..operations import run_command
from ..session import Session


class PreviewDialog(QDialog):
    def __init__(self, session: Session, kind: str, record_id: int, parent: QWidget | None = None, *,
                 issued: documents.IssuedDoc | None = None, archived: bytes = b"") -> None:
        """``issued`` + ``archived``: show an issued document's archived bytes (a reprint), no new rendering."""
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Print preview"))
        self.session, self.kind, self.record_id = session, kind, record_id
        self.pdf: bytes = b""
        self.issued: documents.IssuedDoc | None = None
        self.document = QPdfDocument(self)
        self.buffer = QBuffer(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.status = QLabel(self.tr("Draft: no serial number or verification code yet."), objectName="previewStatus")
        self.issue_button = QPushButton(self.tr("Issue"), objectName="issueDocument")
        self.print_button = QPushButton(self.tr("Print…"), objectName="printDocument")
        self.save_button = QPushButton(self.tr("Save as PDF…"), objectName="saveDocument")
        self.issue_button.setEnabled(session.may_change(Perm.EDIT_RECORDS))
        self.issue_button.clicked.connect(self.issue)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for b in (self.issue_button, self.print_button, self.save_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._update_buttons()
        self.resize(820, 900)
        if issued is not None:
            self.issued = issued
            self.status.setText(self.tr("Archived copy of %1 — verification code %2").replace("%1", issued.serial)
                                .replace("%2", issued.code))
            self.show_pdf(archived)
            return
        run_command(self, lambda: documents.preview(session.ws, kind, record_id), on_done=self.show_pdf)

    def show_pdf(self, pdf: bytes) -> None:
        self.pdf = pdf
        self.document.close()
        self.buffer.close()
        self.buffer.setData(QByteArray(pdf))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self.buffer)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.issue_button.setEnabled(self.issued is None and bool(self.pdf)
                                     and self.session.may_change(Perm.EDIT_RECORDS))
        self.print_button.setEnabled(self.issued is not None)
        self.save_button.setEnabled(self.issued is not None)

    def issue(self) -> None:
        run_command(self, lambda: documents.issue(self.session.ws, self.kind, self.record_id), on_done=self._issued)

    def _issued(self, outcome) -> None:  # noqa: ANN001 - Outcome[IssuedDoc]
        doc = self.issued = outcome.value
        self.status.setText(self.tr("Issued %1 — verification code %2").replace("%1", doc.serial)
                            .replace("%2", doc.code))
        self.show_pdf(doc.pdf)

    def save(self) -> None:
        if self.issued is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), documents.file_name(self.issued),
                                              self.tr("PDF files (*.pdf)"))
        if name:
            path = Path(name if name.lower().endswith(".pdf") else name + ".pdf")
            run_command(self, lambda: atomic_write_bytes(path, self.pdf))

    def print_document(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            print_pdf(self.document, printer)


def print_pdf(document: QPdfDocument, printer) -> None:  # noqa: ANN001
    """Each page rendered at the printer's resolution and drawn at its true A4 size (no scaling to fit)."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QPainter

    painter = QPainter()
    if not painter.begin(printer):
        return
    dpi = printer.resolution()
    try:
        for i in range(document.pageCount()):
            if i:
                printer.newPage()
            pts = document.pagePointSize(i)
            size = QSize(round(pts.width() / 72 * dpi), round(pts.height() / 72 * dpi))
            painter.drawImage(0, 0, document.render(i, size))
    finally:
        painter.end()


PARTNER_KINDS = (("application", QT_TRANSLATE_NOOP("PrintMenu", "Application form")),
                 ("filing", QT_TRANSLATE_NOOP("PrintMenu", "Filing form")),
                 ("commitment", QT_TRANSLATE_NOOP("PrintMenu", "Commitment letter")),
                 ("exit_notice", QT_TRANSLATE_NOOP("PrintMenu", "Exit notice")))
APPLICATION_KINDS = (("project_approval", QT_TRANSLATE_NOOP("PrintMenu", "Project application and approval form")),)
VOUCHER_KINDS = (("disbursement_voucher", QT_TRANSLATE_NOOP("PrintMenu", "Disbursement voucher")),)
RECEIPT_KINDS = (("donation_receipt", QT_TRANSLATE_NOOP("PrintMenu", "Donation receipt")),)


def print_button(session: Session, kinds, record_id, parent: QWidget) -> QPushButton:  # noqa: ANN001
    """A "Print…" button for a record window: one kind opens the preview, several offer a menu.
    ``record_id`` is a callable giving the current record's id."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMenu

    button = QPushButton(QCoreApplication.translate("PrintMenu", "Print…"), parent, objectName="printRecord")

    def open_preview(kind: str) -> None:
        current = record_id()
        if current is None:  # nothing chosen (e.g. no payment selected)
            return
        dialog = PreviewDialog(session, kind, current, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    if len(kinds) == 1:
        button.clicked.connect(lambda: open_preview(kinds[0][0]))
        return button
    menu = QMenu(button)
    for kind, label in kinds:
        menu.addAction(QCoreApplication.translate("PrintMenu", label), lambda k=kind: open_preview(k))
    button.setMenu(menu)
    return button
