"""New space or change a space: validation messages under the form, saved in one service call.

The area is typed in m² with up to two decimals and kept exactly as centi-m² (Decimal, never float).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...messages import describe
from ...services import spaces
from ...services.spaces import SpaceInput, SpaceRow
from ..i18n import current_language
from ..operations import run_command
from ..partners import choices
from ..partners.widgets import ErrorLabel, combo_value, fill_combo, select_value
from . import labels

AREA = QRegularExpression(r"^\d{0,7}([.]\d{0,2})?$")


def centi_of(text: str) -> int:
    """'80.5' (m²) -> 8050, exactly; '' or nonsense -> 0 (the service then refuses a zero area)."""
    try:
        return int(Decimal(text.strip() or "0") * 100)
    except InvalidOperation:
        return 0


class SpaceDialog(QDialog):
    """``saved(SpaceRow)`` after the service accepted it."""

    saved = Signal(object)

    def __init__(self, session, row: SpaceRow | None = None, parent: QWidget | None = None, *,  # noqa: ANN001
                 community_id: int | None = None) -> None:
        super().__init__(parent)
        self.session, self.row = session, row
        self.setWindowTitle(self.tr("New space") if row is None else self.tr("Change space %1").replace("%1", row.name))
        self.community = QComboBox(objectName="community")
        fill_combo(self.community, choices.communities(session.ws), self.tr("Choose a community…"), keep=False)
        self.name, self.address = QLineEdit(objectName="name"), QLineEdit(objectName="address")
        self.area = QLineEdit(objectName="area", placeholderText="0.00")
        self.area.setValidator(QRegularExpressionValidator(AREA, self.area))
        self.kind, self.owner, self.status = QComboBox(objectName="kind"), QComboBox(objectName="owner"), \
            QComboBox(objectName="status")
        for combo, table in ((self.kind, labels.KINDS), (self.owner, labels.OWNERS),
                             (self.status, labels.SPACE_STATUSES)):
            fill_combo(combo, labels.choices(table), keep=False)
        self.shared = QCheckBox(self.tr("Several partners share it by weekly time slots"), objectName="shared")
        self.notes = QPlainTextEdit(objectName="notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(80)
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._layout()
        self._fill(row, community_id)
        self.setMinimumWidth(520)

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Community"), self.community)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Floor area (m²)"), self.area)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Owner"), self.owner)
        form.addRow(self.tr("Status"), self.status)
        form.addRow("", self.shared)
        form.addRow(self.tr("Notes"), self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _fill(self, row: SpaceRow | None, community_id: int | None) -> None:
        if row is None:
            select_value(self.community, community_id)
            return
        select_value(self.community, row.community_id)
        self.name.setText(row.name)
        self.address.setText(row.address)
        self.area.setText(f"{row.area_centi_m2 // 100}.{row.area_centi_m2 % 100:02d}")
        select_value(self.kind, row.kind)
        select_value(self.owner, row.owner)
        select_value(self.status, row.status)
        self.shared.setChecked(row.shared_by_slot)
        self.notes.setPlainText(row.notes)

    def value(self) -> SpaceInput:
        return SpaceInput(community_id=combo_value(self.community), name=self.name.text().strip(),
                          area_centi_m2=centi_of(self.area.text()), address=self.address.text().strip(),
                          kind=combo_value(self.kind), owner=combo_value(self.owner), status=combo_value(self.status),
                          shared_by_slot=self.shared.isChecked(), notes=self.notes.toPlainText())

    def _gap(self) -> tuple[QWidget, str] | None:
        if combo_value(self.community) is None:
            return self.community, self.tr("Choose the community the space belongs to.")
        if not self.name.text().strip():
            return self.name, self.tr("Please enter the space's name.")
        if centi_of(self.area.text()) <= 0:
            return self.area, self.tr("Enter the floor area in m², more than zero (e.g. 80.50).")
        return None

    def save(self) -> None:
        gap = self._gap()
        if gap is not None:
            widget, text = gap
            self.error.show_text(text)
            widget.setFocus()
            return
        ws, data, row = self.session.ws, self.value(), self.row
        self.error.show_text("")
        run_command(self, lambda: spaces.save(ws, data, row.id if row else None, row.version if row else None),
                    on_done=self._saved, on_error=self._refused)

    def _refused(self, err: DomainError) -> bool:
        self.error.show_text(describe(err, current_language()))
        return True

    def _saved(self, outcome) -> None:  # noqa: ANN001
        self.saved.emit(outcome.value)
        self.accept()
