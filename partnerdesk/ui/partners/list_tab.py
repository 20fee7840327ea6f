"""The partner list: instant search, filters, SQL-paged table; register, open, export, import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.roles import Perm
from ...services.changes import ORG
from ...services.dictionaries import DICTIONARIES
from ...services.partner_queries import PARTNERS, PartnerFilter
from ..operations import run_command
from ..pages.base import Page
from ..session import Session
from . import choices
from .list_model import PartnerListModel
from .widgets import Debouncer, combo_value, fill_combo, set_widths, table_view

SEARCH_DELAY_MS = 150
COLUMN_CHARS = (15, 7, 7, 8, 12, 7, 17, 9)


class PartnerListTab(Page):
    """Emits ``open_partner(id)`` on Enter / double-click and after registering a partner."""

    areas = frozenset({PARTNERS, DICTIONARIES, ORG})
    open_partner = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = PartnerListModel(session.ws, self)
        self.search = QLineEdit(objectName="search", clearButtonEnabled=True)
        self.search.setPlaceholderText(self.tr("Search: name, pinyin initials (e.g. myh) or last digits of a number"))
        self.type_combo, self.community_combo = QComboBox(), QComboBox()
        self.state_combo, self.domain_combo = QComboBox(), QComboBox()
        self.count_label = QLabel(objectName="partnerCount")
        self.table = table_view(self)
        self.table.setModel(self.model)
        self.register_button = QPushButton(self.tr("Register partner…"))
        self.import_button = QPushButton(self.tr("Import from Excel…"))
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.debounce = Debouncer(SEARCH_DELAY_MS, self)
        self._build()
        self._connect()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        for button, perm in ((self.register_button, Perm.EDIT_RECORDS), (self.import_button, Perm.EDIT_RECORDS)):
            button.setVisible(self.session.may_change(perm))
            top.addWidget(button)
        self.export_button.setVisible(self.session.can(Perm.EXPORT))
        top.addWidget(self.export_button)
        filters = QHBoxLayout()
        for caption, combo in ((self.tr("Type"), self.type_combo), (self.tr("Community"), self.community_combo),
                               (self.tr("State"), self.state_combo), (self.tr("Domain"), self.domain_combo)):
            filters.addWidget(QLabel(caption))
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            filters.addWidget(combo)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        set_widths(self.table, COLUMN_CHARS)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)

    def _connect(self) -> None:
        self.search.textChanged.connect(self.debounce.poke)
        self.search.returnPressed.connect(self.debounce.flush)
        self.debounce.fire.connect(self.apply_filter)
        for combo in (self.type_combo, self.community_combo, self.state_combo, self.domain_combo):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_indicator)
        self.table.activated.connect(self._activated)
        self.model.modelReset.connect(self._show_count)
        self.register_button.clicked.connect(self.register)
        self.export_button.clicked.connect(self.export)
        self.import_button.clicked.connect(self.import_partners)

    # -- loading ------------------------------------------------------------------------------------------
    def reload(self) -> None:
        ws = self.session.ws
        fill_combo(self.type_combo, choices.dictionary(ws, "partner_type"), self.tr("All types"))
        fill_combo(self.community_combo, choices.communities(ws), self.tr("All communities"))
        fill_combo(self.state_combo, choices.states(), self.tr("All states"))
        fill_combo(self.domain_combo, choices.dictionary(ws, "service_domain"), self.tr("All domains"))
        row, scroll = self.table.currentIndex().row(), self.table.verticalScrollBar().value()
        self.model.set_filter(self.current_filter(), force=True)
        if 0 <= row < self.model.rowCount():  # a change elsewhere keeps the reader's place in the list
            self.table.setCurrentIndex(self.model.index(row, 0))
        self.table.verticalScrollBar().setValue(scroll)

    def current_filter(self) -> PartnerFilter:
        return PartnerFilter(text=self.search.text().strip(), type_code=combo_value(self.type_combo) or "",
                             community_id=combo_value(self.community_combo),
                             state=combo_value(self.state_combo) or "",
                             domain_code=combo_value(self.domain_combo) or "")

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("Partners: %1").replace("%1", f"{self.model.rowCount():,}"))

    def _sort_indicator(self, column: int, order: Qt.SortOrder) -> None:
        """Columns without a SQL sort key (communities, numbers) keep the indicator on the sorted column."""
        if self.model.is_sortable(column):
            return
        _key, descending = self.model.sort_key
        current = self.model.sorted_column()
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(current, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)

    # -- actions ---------------------------------------------------------------------------------------------
    def _activated(self, index: QModelIndex) -> None:
        partner_id = self.model.partner_id(index)
        if partner_id is not None:
            self.open_partner.emit(partner_id)

    def open_current(self) -> None:
        self._activated(self.table.currentIndex())

    def register(self) -> None:
        from .edit_dialog import PartnerEditDialog

        dialog = PartnerEditDialog(self.session, parent=self)
        dialog.saved.connect(lambda detail: self.open_partner.emit(detail.id))
        dialog.open()

    def export(self) -> None:
        from .export import default_file_name, export_list, headers

        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export partners"), default_file_name(),
                                              self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        ws, f, (sort, _descending), titles = self.session.ws, self.model.filter, self.model.sort_key, headers()
        run_command(self, lambda: export_list(ws, f, sort, Path(path), titles), background=True,
                    busy_text=self.tr("Writing the partner list…"), on_done=lambda n: self._exported(n, path))

    def _exported(self, rows: int, path: str) -> None:
        QMessageBox.information(self, self.tr("Export"),
                                self.tr("Partners written: %1. File: %2").replace("%1", str(rows)).replace("%2", path))

    def import_partners(self) -> None:
        from .import_dialog import ImportDialog

        ImportDialog(self.session, parent=self).open()
