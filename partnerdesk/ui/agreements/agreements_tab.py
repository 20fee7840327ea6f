"""The agreements list: search, filters (state incl. ending soon, community, reminder window), SQL-paged table."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ...domain.agreements import REMINDER_DAYS
from ...domain.roles import Perm
from ...services.agreement_queries import CURRENT, EXPIRING, AgreementFilter
from ...services.agreements import AGREEMENTS
from ...services.changes import ORG
from ...services.partner_queries import PARTNERS
from ..pages.base import Page
from ..partners import choices
from ..partners.widgets import (
    Debouncer,
    add_labelled,
    combo_value,
    fill_combo,
    select_value,
    set_widths,
    table_view,
)
from ..session import Session
from . import labels
from .list_model import AgreementListModel

SEARCH_DELAY_MS = 150
COLUMN_CHARS = (11, 9, 9, 6, 13, 6, 5, 4, 6)


class AgreementsTab(Page):
    """Emits ``open_agreement(id)`` on Enter / double-click and after a new agreement is saved."""

    areas = frozenset({AGREEMENTS, PARTNERS, ORG, "spaces"})
    open_agreement = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = AgreementListModel(session.ws, self)
        self.search = QLineEdit(objectName="search", clearButtonEnabled=True)
        self.search.setPlaceholderText(self.tr("Search: agreement number, partner or space (Ctrl+F)"))
        self.state_combo, self.community_combo, self.window_combo = QComboBox(), QComboBox(), QComboBox()
        for combo, name in ((self.state_combo, "stateFilter"), (self.community_combo, "communityFilter"),
                            (self.window_combo, "windowFilter")):
            combo.setObjectName(name)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for days in REMINDER_DAYS:
            self.window_combo.addItem(self.tr("%1 days").replace("%1", str(days)), days)
        select_value(self.window_combo, session.settings.agreement_reminder_days)
        self.count_label = QLabel(objectName="agreementCount")
        self.table = table_view(self)
        self.table.setModel(self.model)
        self.new_button = QPushButton(self.tr("New agreement… (Ctrl+N)"), objectName="newAgreement")
        self.open_button = QPushButton(self.tr("Open"))
        self.debounce = Debouncer(SEARCH_DELAY_MS, self)
        self._build()
        self._connect()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        self.new_button.setVisible(self.session.may_change(Perm.EDIT_RECORDS))
        top.addWidget(self.new_button)
        top.addWidget(self.open_button)
        filters = QHBoxLayout()
        add_labelled(filters, ((self.tr("State"), self.state_combo), (self.tr("Community"), self.community_combo),
                               (self.tr("Ending within"), self.window_combo)))
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        set_widths(self.table, COLUMN_CHARS)
        self.table.horizontalHeader().setSortIndicator(self.model.sorted_column(), Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # after the indicator: enabling sorts by the indicated column
        for a, b in ((self.search, self.new_button), (self.new_button, self.open_button),
                     (self.open_button, self.state_combo), (self.state_combo, self.community_combo),
                     (self.community_combo, self.window_combo), (self.window_combo, self.table)):
            QWidget.setTabOrder(a, b)

    def _connect(self) -> None:
        self.search.textChanged.connect(self.debounce.poke)
        self.search.returnPressed.connect(self.debounce.flush)
        self.debounce.fire.connect(self.apply_filter)
        for combo in (self.state_combo, self.community_combo, self.window_combo):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.window_combo.currentIndexChanged.connect(self._remember_window)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_indicator)
        self.table.activated.connect(self._activated)
        self.model.modelReset.connect(self._show_count)
        self.new_button.clicked.connect(self.new)
        self.open_button.clicked.connect(self.open_current)

    # -- loading ------------------------------------------------------------------------------------------
    def reload(self) -> None:
        ws = self.session.ws
        first = self.state_combo.count() == 0
        states = [(CURRENT, labels.translate_current())] + [(code, labels.state(code)) for code in labels.STATES]
        fill_combo(self.state_combo, states, self.tr("All states"))
        if first:  # by default what is being worked on or in force, not years of expired agreements
            self.state_combo.blockSignals(True)
            select_value(self.state_combo, CURRENT)
            self.state_combo.blockSignals(False)
        fill_combo(self.community_combo, choices.communities(ws), self.tr("All communities"))
        row = self.table.currentIndex().row()
        self.model.set_filter(self.current_filter(), force=True)
        if 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, 0))

    def current_filter(self) -> AgreementFilter:
        return AgreementFilter(text=self.search.text().strip(), state=combo_value(self.state_combo) or "",
                               community_id=combo_value(self.community_combo),
                               window_days=combo_value(self.window_combo) or REMINDER_DAYS[0])

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())

    def show_expiring(self, window_days: int) -> None:
        """Ending soon within ``window_days``, all communities, no search text."""
        self.reload()  # the combos are filled
        for combo in (self.state_combo, self.community_combo, self.window_combo):
            combo.blockSignals(True)
        select_value(self.state_combo, EXPIRING)
        select_value(self.community_combo, None)
        select_value(self.window_combo, window_days)
        for combo in (self.state_combo, self.community_combo, self.window_combo):
            combo.blockSignals(False)
        self.search.setText("")
        self.debounce.timer.stop()
        self.apply_filter()

    def _remember_window(self) -> None:
        days = combo_value(self.window_combo)
        settings = self.session.settings
        if days and days != settings.agreement_reminder_days:
            from ... import settings as settings_mod

            settings.agreement_reminder_days = days
            settings_mod.save(settings)

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("Agreements: %1").replace("%1", f"{self.model.rowCount():,}"))

    def _sort_indicator(self, column: int, order: Qt.SortOrder) -> None:
        if self.model.is_sortable(column):
            return
        _key, descending = self.model.sort_key
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(self.model.sorted_column(),
                                Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)

    # -- actions ---------------------------------------------------------------------------------------------
    def _activated(self, index: QModelIndex) -> None:
        agreement_id = self.model.id_at(index)
        if agreement_id is not None:
            self.open_agreement.emit(agreement_id)

    def open_current(self) -> None:
        self._activated(self.table.currentIndex())

    def new(self) -> None:
        if not self.session.may_change(Perm.EDIT_RECORDS):
            return
        from .agreement_dialog import AgreementDialog

        self.dialog = AgreementDialog(self.session, parent=self,
                                      community_id=combo_value(self.community_combo))
        self.dialog.saved.connect(lambda row: self.open_agreement.emit(row.id))
        self.dialog.open()
