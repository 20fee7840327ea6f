"""A partner's agreements (in the partner's window): the list, and delivery against commitments by month."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from ...services import agreement_queries as aq
from ...services.agreement_queries import AgreementFilter
from ...services.agreements import AGREEMENTS
from ..models.table import Column, RowTableModel
from ..operations import run_command
from ..partners.widgets import set_widths, table_view
from .delivery_view import DeliveryView
from .list_model import AGREEMENT_COLUMNS

CONTEXT = "AgreementLists"
LIMIT = 500
# the list's columns without the partner's own name
COLUMNS = tuple(Column(c.title, c.text, c.align) for c in AGREEMENT_COLUMNS if c.sort_key != "partner")


class PartnerAgreementsTab(QWidget):
    def __init__(self, session, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.session = session
        self.partner_id: int | None = None
        self.windows: dict[int, QWidget] = {}
        self.model: RowTableModel[aq.AgreementListRow] = RowTableModel(COLUMNS, CONTEXT, self)
        self.table = table_view(self)
        self.table.setModel(self.model)
        set_widths(self.table, (10, 9, 6, 12, 7, 5, 5, 6))
        self.empty = QLabel(self.tr("No space-use agreement yet."), objectName="noAgreements")
        self.delivery = DeliveryView(session)
        split = QSplitter(Qt.Orientation.Vertical, childrenCollapsible=False)
        split.addWidget(self.table)
        split.addWidget(self.delivery)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(split, 1)
        self.table.activated.connect(self._activated)
        session.bus.data_changed.connect(lambda changes: changes.touches(AGREEMENTS) and self.reload())

    def show_partner(self, partner_id: int) -> None:
        first = self.partner_id != partner_id
        self.partner_id = partner_id
        self.reload()
        if first:
            self.delivery.show_for(partner_id=partner_id)

    def reload(self) -> None:
        if self.partner_id is None:
            return
        ws, f = self.session.ws, AgreementFilter(partner_id=self.partner_id,
                                                 window_days=self.session.settings.agreement_reminder_days)
        run_command(self, lambda: aq.query_agreements(ws, f, "start", True, limit=LIMIT), on_done=self._show)

    def _show(self, rows: list) -> None:
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)

    def _activated(self, index: QModelIndex) -> None:
        from .page import open_agreement_window

        row = self.model.row_at(index)
        if row is not None:
            open_agreement_window(self, self.session, row.id, self.windows)
