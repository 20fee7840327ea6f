"""Delivery against commitments: per month, committed versus delivered sessions and hours (of one agreement,
or of all a partner's agreements), with a year picker. Figures come from ``services.delivery`` (imported when
first shown)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from ..models.table import CENTER, RIGHT, Column, RowTableModel
from ..operations import run_command
from ..partners.widgets import set_widths, table_view

CONTEXT = "DeliveryView"


def hours(minutes: int) -> str:
    """Minutes as hours with one decimal, in integers (95 -> '1.6')."""
    tenths = (minutes * 10 + 30) // 60
    return f"{tenths // 10}.{tenths % 10}"


def rate(row) -> str:  # noqa: ANN001
    """Delivered ÷ committed: by sessions when sessions were committed, else by hours; '' when nothing was."""
    if row.committed_sessions:
        return f"{row.delivered_sessions * 100 // row.committed_sessions}%"
    if row.committed_hours:
        return f"{row.delivered_minutes * 100 // (row.committed_hours * 60)}%"
    return ""


COLUMNS = (
    Column(QT_TRANSLATE_NOOP("DeliveryView", "Month"), lambda r: r.month, CENTER),
    Column(QT_TRANSLATE_NOOP("DeliveryView", "Agreement"), lambda r: r.number),
    Column(QT_TRANSLATE_NOOP("DeliveryView", "Partner"), lambda r: r.partner_name),
    Column(QT_TRANSLATE_NOOP("DeliveryView", "Sessions committed"), lambda r: str(r.committed_sessions), RIGHT),
    Column(QT_TRANSLATE_NOOP("DeliveryView", "Sessions delivered"), lambda r: str(r.delivered_sessions), RIGHT),
    Column(QT_TRANSLATE_NOOP("DeliveryView", "Hours committed"), lambda r: str(r.committed_hours), RIGHT),
    Column(QT_TRANSLATE_NOOP("DeliveryView", "Hours delivered"), lambda r: hours(r.delivered_minutes), RIGHT),
    Column(QT_TRANSLATE_NOOP("DeliveryView", "People served"), lambda r: str(r.people), RIGHT),
    Column(QT_TRANSLATE_NOOP("DeliveryView", "Delivered"), rate, RIGHT),
)


class DeliveryView(QWidget):
    def __init__(self, session, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.session = session
        self.agreement_id: int | None = None
        self.partner_id: int | None = None
        self.year = QSpinBox(objectName="deliveryYear", minimum=2000, maximum=2100)
        self.year.setValue(session.ws.today().year)
        self.note = QLabel(objectName="deliveryNote", wordWrap=True)
        self.model: RowTableModel = RowTableModel(COLUMNS, CONTEXT, self)
        self.table = table_view(self)
        self.table.setModel(self.model)
        set_widths(self.table, (5, 11, 10, 5, 5, 5, 5, 5, 4))
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("Year")))
        head.addWidget(self.year)
        head.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.table, 1)
        self.year.valueChanged.connect(self.reload)

    def show_for(self, *, agreement_id: int | None = None, partner_id: int | None = None,
                 around: date | None = None) -> None:
        self.agreement_id, self.partner_id = agreement_id, partner_id
        if around is not None:
            self.year.blockSignals(True)
            self.year.setValue(around.year)
            self.year.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        try:
            from ...services import delivery
        except ImportError:  # the delivery figures are a separate capability
            self.note.setText(self.tr("Delivery figures are not available in this version."))
            return
        ws, year, aid, pid = self.session.ws, self.year.value(), self.agreement_id, self.partner_id
        if aid is None and pid is None:
            self.model.set_rows([])
            return
        run_command(self, lambda: delivery.by_month(ws, year=year, agreement_id=aid, partner_id=pid),
                    on_done=self._show)

    def _show(self, rows: list) -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()  # a year of months: a few dozen rows at most
        self.note.setText("" if rows else self.tr("No signed agreement held a space in this year."))
