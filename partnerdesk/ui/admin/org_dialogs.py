"""Dialogs of the organisation tab: a unit's name and code, entering a phase, the phase history."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QTableView,
    QVBoxLayout,
)

from ...domain.org import Phase
from ...services.dto import PhaseRow
from .. import labels
from ..dialogs.form import FormDialog
from ..formatting import day
from ..models.table import Column, RowTableModel


class UnitDialog(FormDialog):
    def __init__(self, title: str, parent=None, name: str = "", code: str = "") -> None:  # noqa: ANN001
        super().__init__(title, parent)
        self.name_edit = QLineEdit(name, objectName="unitName", maxLength=200)
        self.code_edit = QLineEdit(code, objectName="unitCode", maxLength=40)
        self.code_edit.setPlaceholderText(self.tr("optional, used for sorting"))
        self.form.addRow(self.tr("&Name:"), self.name_edit)
        self.form.addRow(self.tr("&Code:"), self.code_edit)

    def name(self) -> str:
        return self.name_edit.text()

    def code(self) -> str:
        return self.code_edit.text()


class PhaseDialog(FormDialog):
    """Which phase a community entered, and on what date."""

    def __init__(self, community: str, current: str, parent=None, today: date | None = None) -> None:  # noqa: ANN001
        super().__init__("", parent)
        self.setWindowTitle(self.tr("Rollout phase of {community}").format(community=community))
        self.phase_combo = QComboBox(objectName="phaseCombo")
        for phase in Phase:
            self.phase_combo.addItem(labels.phase(phase), phase.value)
        next_index = _next_phase_index(current)
        self.phase_combo.setCurrentIndex(next_index)
        self.date_edit = QDateEdit(QDate(today or date.today()), objectName="phaseDate", calendarPopup=True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.form.addRow(self.tr("&Phase:"), self.phase_combo)
        self.form.addRow(self.tr("&Entered on:"), self.date_edit)
        self.setMinimumWidth(340)

    def phase(self) -> str:
        return self.phase_combo.currentData()

    def entered_on(self) -> date:
        return self.date_edit.date().toPython()


def _next_phase_index(current: str) -> int:
    order = [p.value for p in Phase]
    if current not in order:
        return 0
    return min(order.index(current) + 1, len(order) - 1)


HISTORY_COLUMNS: tuple[Column[PhaseRow], ...] = (
    Column(QT_TRANSLATE_NOOP("PhaseHistoryDialog", "Phase"), lambda r: labels.phase(r.phase)),
    Column(QT_TRANSLATE_NOOP("PhaseHistoryDialog", "Entered on"), lambda r: day(r.entered_on)),
)


class PhaseHistoryDialog(QDialog):
    def __init__(self, community: str, rows: Sequence[PhaseRow], parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setWindowTitle(self.tr("Phase history of {community}").format(community=community))
        self.model = RowTableModel(HISTORY_COLUMNS, "PhaseHistoryDialog", self)
        self.model.set_rows(rows)
        view = QTableView(objectName="phaseHistory")
        view.setModel(self.model)
        view.horizontalHeader().setStretchLastSection(True)
        view.verticalHeader().hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(buttons)
        self.resize(360, 260)
