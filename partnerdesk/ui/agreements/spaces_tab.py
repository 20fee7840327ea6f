"""The spaces register: search, filters, SQL-paged table; new / change; photos and floor plans; space activated."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.roles import Perm
from ...services import spaces
from ...services.agreement_queries import SpaceFilter
from ...services.agreements import AGREEMENTS
from ...services.changes import ORG
from ...services.spaces import SPACES
from ..operations import run_command
from ..pages.base import Page
from ..partners import choices
from ..partners.widgets import Debouncer, add_labelled, combo_value, fill_combo, set_widths, table_view
from ..session import Session
from . import labels
from .activated_view import ActivatedView
from .list_model import SpaceListModel
from .space_files import SpaceFiles

SEARCH_DELAY_MS = 150
COLUMN_CHARS = (11, 7, 12, 5, 7, 7, 7, 5)


class SpacesTab(Page):
    areas = frozenset({SPACES, AGREEMENTS, ORG})

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = SpaceListModel(session.ws, self)
        self.search = QLineEdit(objectName="search", clearButtonEnabled=True)
        self.search.setPlaceholderText(self.tr("Search: space name or address (Ctrl+F)"))
        self.community_combo, self.status_combo = QComboBox(objectName="communityFilter"), \
            QComboBox(objectName="statusFilter")
        self.count_label = QLabel(objectName="spaceCount")
        self.table = table_view(self)
        self.table.setModel(self.model)
        self.new_button = QPushButton(self.tr("New space… (Ctrl+N)"), objectName="newSpace")
        self.edit_button = QPushButton(self.tr("Change…"), objectName="editSpace")
        self.files = SpaceFiles(session)
        self.activated = ActivatedView(session)
        self.below = QTabWidget(objectName="spaceDetails")
        self.debounce = Debouncer(SEARCH_DELAY_MS, self)
        self._build()
        self._connect()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        for button in (self.new_button, self.edit_button):
            button.setVisible(self.session.may_change(Perm.EDIT_RECORDS))
            top.addWidget(button)
        filters = QHBoxLayout()
        add_labelled(filters, ((self.tr("Community"), self.community_combo), (self.tr("Status"), self.status_combo)),
                     fit_combos=True)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        self.below.addTab(self.files, self.tr("Photos and floor plans"))
        self.below.addTab(self.activated, self.tr("Space activated"))
        split = QSplitter(Qt.Orientation.Vertical, childrenCollapsible=False)
        split.addWidget(self.table)
        split.addWidget(self.below)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        set_widths(self.table, COLUMN_CHARS)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        for a, b in ((self.search, self.new_button), (self.new_button, self.edit_button),
                     (self.edit_button, self.community_combo), (self.community_combo, self.status_combo),
                     (self.status_combo, self.table)):
            QWidget.setTabOrder(a, b)

    def _connect(self) -> None:
        self.search.textChanged.connect(self.debounce.poke)
        self.search.returnPressed.connect(self.debounce.flush)
        self.debounce.fire.connect(self.apply_filter)
        for combo in (self.community_combo, self.status_combo):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_indicator)
        self.table.activated.connect(self._activated)
        self.model.modelReset.connect(self._after_reset)
        self.new_button.clicked.connect(self.new)
        self.edit_button.clicked.connect(self.open_current)

    def _selection(self) -> None:
        row = self.model.row_at(self.table.currentIndex().row())
        self.files.show_space(row.id if row else None, row.name if row else "")

    # -- loading ------------------------------------------------------------------------------------------
    def reload(self) -> None:
        ws = self.session.ws
        fill_combo(self.community_combo, choices.communities(ws), self.tr("All communities"))
        fill_combo(self.status_combo, labels.choices(labels.SPACE_STATUSES), self.tr("All statuses"))
        row = self.table.currentIndex().row()
        self.model.set_filter(self.current_filter(), force=True)
        if 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, 0))
        self.activated.reload()

    def current_filter(self) -> SpaceFilter:
        return SpaceFilter(text=self.search.text().strip(), community_id=combo_value(self.community_combo),
                           status=combo_value(self.status_combo) or "")

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())

    def _after_reset(self) -> None:
        self.count_label.setText(self.tr("Spaces: %1").replace("%1", f"{self.model.rowCount():,}"))
        selection = self.table.selectionModel()
        if selection is not None:
            selection.currentRowChanged.connect(self._selection, Qt.ConnectionType.UniqueConnection)
        self._selection()

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
        space_id = self.model.id_at(index)
        if space_id is None or not self.session.may_change(Perm.EDIT_RECORDS):
            return
        ws = self.session.ws
        run_command(self, lambda: spaces.get(ws, space_id), on_done=self._edit)

    def open_current(self) -> None:
        self._activated(self.table.currentIndex())

    def _edit(self, row) -> None:  # noqa: ANN001
        from .space_dialog import SpaceDialog

        self.dialog = SpaceDialog(self.session, row, parent=self)
        self.dialog.open()

    def new(self) -> None:
        if not self.session.may_change(Perm.EDIT_RECORDS):
            return
        from .space_dialog import SpaceDialog

        self.dialog = SpaceDialog(self.session, parent=self, community_id=combo_value(self.community_combo))
        self.dialog.open()
