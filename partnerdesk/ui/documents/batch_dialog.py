"""Batch issue: one kind for the partners (or agreements) of a community and state, into one combined PDF or
one file per record. ``documents.issue_batch`` runs on a worker thread; the progress dialog's Cancel rolls
everything back and nothing is written."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.agreements import AgreementState
from ...domain.errors import DomainError
from ...messages import describe
from ...services import documents
from ..agreements import labels as agreement_labels
from ..i18n import current_language
from ..operations import run_command
from ..partners import choices
from ..partners.widgets import combo_value, date_edit, fill_combo
from ..session import Session
from .list_model import KINDS, kind_label

PARTNER_BATCH_KINDS = ("application", "filing", "commitment", "exit_notice")


class _Steps(QObject):
    """Created on the GUI thread; the worker emits, the progress dialog receives (queued)."""

    step = Signal(int, int)


class BatchDialog(QDialog):
    """``done_batch(result)`` after a successful run; ``last_error`` holds the code of a refused one."""

    done_batch = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Batch issue"))
        self.session = session
        self.cancel_requested = threading.Event()
        self.progress: QProgressDialog | None = None
        self.running = False
        self.result: documents.BatchResult | None = None
        self.last_error = ""
        self.kind_combo = QComboBox(objectName="batchKind")
        for kind, _title in KINDS:
            self.kind_combo.addItem(kind_label(kind), kind)
        self.community_combo = QComboBox(objectName="batchCommunity")
        self.state_combo = QComboBox(objectName="batchState")
        self.count_label = QLabel(objectName="batchCount")
        self.period = date_edit(session.ws.today())  # a rota's month or week: the one holding this day
        self.period.setObjectName("batchPeriod")
        self.one_file = QRadioButton(self.tr("One combined PDF"), checked=True)
        self.per_record = QRadioButton(self.tr("One PDF per record, into a folder"))
        self.target = QLineEdit(objectName="batchTarget")
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.issue_button = self.buttons.addButton(self.tr("Issue"), QDialogButtonBox.ButtonRole.AcceptRole)
        self._build()
        fill_combo(self.community_combo, choices.communities(session.ws), self.tr("All communities"))
        self._kind_changed()
        self.resize(560, 0)

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Document"), self.kind_combo)
        form.addRow(self.tr("Community"), self.community_combo)
        form.addRow(self.tr("State"), self.state_combo)
        form.addRow(self.tr("Month or week of"), self.period)
        form.addRow("", self.count_label)
        self.form = form
        output = QVBoxLayout()
        output.addWidget(self.one_file)
        output.addWidget(self.per_record)
        form.addRow(self.tr("Output"), output)
        target = QHBoxLayout()
        target.addWidget(self.target, 1)
        target.addWidget(self.browse_button)
        form.addRow(self.tr("Save to"), target)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.community_combo.currentIndexChanged.connect(self.count_records)
        self.state_combo.currentIndexChanged.connect(self.count_records)
        self.one_file.toggled.connect(lambda: self.target.clear())
        self.target.textChanged.connect(self._update_buttons)
        self.browse_button.clicked.connect(self.browse)
        self.buttons.rejected.connect(self.reject)
        self.issue_button.clicked.connect(self.start)

    # -- what the batch covers ---------------------------------------------------------------------------
    def kind(self) -> str:
        return combo_value(self.kind_combo) or "commitment"

    def _kind_changed(self) -> None:
        if self.kind() == "space_agreement":
            states = [(s.value, agreement_labels.state(s.value)) for s in AgreementState]
        elif self.kind() in PARTNER_BATCH_KINDS:
            states = choices.states()
        else:  # notices, fund documents, rota: the records the kind prints for, without a state filter
            states = []
        fill_combo(self.state_combo, states, self.tr("All states"), keep=False)
        self.form.setRowVisible(self.state_combo, bool(states))  # no "All states" for kinds without states
        self.form.setRowVisible(self.period, self.kind() in documents.PERIOD_KINDS)
        self.count_records()

    def record_ids(self) -> list[int]:
        return documents.record_ids(self.session.ws, self.kind(), combo_value(self.community_combo),
                                    combo_value(self.state_combo) or "")

    def count_records(self) -> None:
        self.ids = self.record_ids()
        self.count_label.setText(self.tr("Records: %1").replace("%1", str(len(self.ids))))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.issue_button.setEnabled(bool(self.ids) and bool(self.target.text().strip()) and not self.running)

    def browse(self) -> None:
        if self.one_file.isChecked():
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the combined PDF"), "",
                                                  self.tr("PDF files (*.pdf)"))
            if name and not name.lower().endswith(".pdf"):
                name += ".pdf"
        else:
            name = QFileDialog.getExistingDirectory(self, self.tr("Folder for the PDF files"))
        if name:
            self.target.setText(name)

    # -- the run -----------------------------------------------------------------------------------------
    def start(self) -> None:
        ids, out, one_file = list(self.ids), Path(self.target.text().strip()), self.one_file.isChecked()
        if not ids or not self.target.text().strip() or self.running:
            return
        ws, kind = self.session.ws, self.kind()
        period_of = self.period.date().toPython() if kind in documents.PERIOD_KINDS else None
        self.cancel_requested = cancel = threading.Event()
        self.running, self.result, self.last_error = True, None, ""
        self._update_buttons()
        progress = self.progress = QProgressDialog(self.tr("Issuing %1 documents…").replace("%1", str(len(ids))),
                                                   self.tr("Cancel"), 0, len(ids), self)
        progress.setObjectName("batchProgress")
        progress.setWindowTitle(self.tr("Batch issue"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumDuration(0)
        progress.canceled.connect(self.cancel)
        steps = _Steps(self)
        steps.step.connect(lambda done, _total: progress.setValue(done))
        progress.setValue(0)
        progress.show()

        def work() -> object:
            return documents.issue_batch(ws, kind, ids, out, one_file, progress=steps.step.emit,
                                         cancelled=cancel.is_set, period_of=period_of)

        run_command(self, work, background=True, quiet=True, on_done=self._done, on_error=self._refused,
                    on_finished=lambda: self._ended(steps))

    def cancel(self) -> None:
        if self.running:
            self.cancel_requested.set()
            if self.progress is not None:
                self.progress.setLabelText(self.tr("Cancelling…"))

    def _done(self, outcome) -> None:  # noqa: ANN001 - Outcome[BatchResult]
        self.result = outcome.value
        self.done_batch.emit(self.result)
        files = self.result.files
        where = str(files[0]) if len(files) == 1 else str(files[0].parent) if files else ""
        QMessageBox.information(self, self.tr("Batch issue"),
                                self.tr("Documents issued: %1. Files written: %2 (%3).")
                                .replace("%1", str(len(self.result.documents))).replace("%2", str(len(files)))
                                .replace("%3", where))

    def _refused(self, err: DomainError) -> bool:
        self.last_error = err.code
        if err.code == "document.cancelled":
            QMessageBox.information(self, self.tr("Batch issue"), describe(err, current_language()))
            return True
        return False

    def _ended(self, steps: _Steps) -> None:
        self.running = False
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        steps.deleteLater()
        self._update_buttons()
