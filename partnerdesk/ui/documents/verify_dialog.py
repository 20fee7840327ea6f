"""Verify a document: open a PDF (matched with the archive byte for byte) or type the code read off paper."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services import documents
from ..operations import run_command
from ..session import Session


class VerifyDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Verify a document"))
        self.session = session
        self.code = QLineEdit(objectName="verifyCode", placeholderText=self.tr("Verification code, e.g. K7QM-3XRA"))
        self.check_button = QPushButton(self.tr("Check code"), objectName="checkCode")
        self.open_button = QPushButton(self.tr("Open PDF…"), objectName="openPdf")
        self.result = QLabel(objectName="verifyResult", wordWrap=True)
        row = QHBoxLayout()
        row.addWidget(self.code, 1)
        row.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.open_button)
        layout.addWidget(self.result)
        self.check_button.clicked.connect(self.check_code)
        self.code.returnPressed.connect(self.check_code)
        self.open_button.clicked.connect(self.open_file)
        self.resize(560, 200)

    def check_code(self) -> None:
        code = self.code.text()
        run_command(self, lambda: documents.verify_code(self.session.ws, code), on_done=self.show_verdict)

    def open_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open PDF"), "", self.tr("PDF files (*.pdf)"))
        if name:
            self.verify_path(Path(name))

    def verify_path(self, path: Path) -> None:
        run_command(self, lambda: documents.verify_file(self.session.ws, path.read_bytes()),
                    on_done=self.show_verdict)

    def show_verdict(self, v: documents.Verdict) -> None:
        d = v.document
        if v.status == "match":
            text = self.tr("Matches the archive: %1 %2, issued %3 by %4.")
        elif v.status == "known":
            text = self.tr("The code belongs to %1 %2, issued %3 by %4. Compare the paper with the archived copy.")
        elif v.status == "altered":
            text = self.tr("NOT the archived document: it carries the code of %1 %2 (issued %3 by %4), "
                           "but its content differs.")
        else:
            text = self.tr("Unknown: no archived document has this content or code.")
        if d is not None:
            text = (text.replace("%1", d.serial).replace("%2", d.title)
                    .replace("%3", f"{d.issued_at:%Y-%m-%d}").replace("%4", d.issued_by))
        self.result.setText(text)
        self.result.setProperty("ok", v.ok)
