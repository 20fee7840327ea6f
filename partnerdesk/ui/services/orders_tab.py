"""Resident orders: a SQL-paged list (overdue orders highlighted, or shown alone), a new order, and each
order in its own window with the steps the user may take."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.roles import Perm
from ...services import orders
from ...services.changes import ORG
from ...services.dictionaries import DICTIONARIES
from ...services.orders import ORDERS, OrderFilter
from ...services.partner_queries import PARTNERS
from ..formatting import day
from ..models.paged import CENTER, ListColumn, SqlListModel
from ..pages.base import Page
from ..partners import choices
from ..partners.widgets import Debouncer, add_labelled, combo_value, fill_combo, set_widths, table_view
from ..session import Session
from . import labels
from .widgets import keep_sort_indicator

CONTEXT = "OrderList"
SEARCH_DELAY_MS = 150



COLUMNS = (
    ListColumn(QT_TRANSLATE_NOOP("OrderList", "Number"), lambda r: r.number, "number"),
    ListColumn(QT_TRANSLATE_NOOP("OrderList", "Ordered"), lambda r: day(r.ordered_on), "ordered", CENTER),
    ListColumn(QT_TRANSLATE_NOOP("OrderList", "Due"), lambda r: f"{day(r.due_on)} ⚠" if r.overdue else day(r.due_on),
               "due", CENTER),
    ListColumn(QT_TRANSLATE_NOOP("OrderList", "State"), lambda r: labels.order_state(r.state), "state", CENTER),
    ListColumn(QT_TRANSLATE_NOOP("OrderList", "Community"), lambda r: r.community_name, "community"),
    ListColumn(QT_TRANSLATE_NOOP("OrderList", "Resident"), lambda r: r.resident_name, "resident"),
    ListColumn(QT_TRANSLATE_NOOP("OrderList", "Service wanted"), lambda r: r.wanted.replace("\n", " "),
               tooltip=lambda r: r.wanted),
    ListColumn(QT_TRANSLATE_NOOP("OrderList", "Partner"), lambda r: r.partner_name, "partner"),
    ListColumn(QT_TRANSLATE_NOOP("OrderList", "Rating"), lambda r: labels.stars(r.rating), None, CENTER),
)
WIDTHS = (13, 7, 8, 5, 8, 6, 16, 12, 6)


class OrdersTab(Page):
    areas = frozenset({ORDERS, PARTNERS, DICTIONARIES, ORG})

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        ws = session.ws
        self.windows: dict[int, QWidget] = {}
        self.model = SqlListModel(
            COLUMNS, CONTEXT, lambda f: orders.count(ws, f),
            lambda f, sort, desc, offset, limit: orders.query(ws, f, sort, desc, limit=limit, offset=offset),
            OrderFilter(), ("ordered", True), self, alert=lambda r: r.overdue)
        self.search = QLineEdit(objectName="search", clearButtonEnabled=True)
        self.search.setPlaceholderText(self.tr("Search: order number, resident, service wanted or address"))
        self.community_combo, self.state_combo = QComboBox(), QComboBox()
        self.overdue_check = QCheckBox(self.tr("Only overdue"), objectName="overdueOnly")
        self.count_label = QLabel(objectName="orderCount")
        self.table = table_view(self)
        self.table.setModel(self.model)
        self.new_button = QPushButton(self.tr("New order…"))
        self.open_button = QPushButton(self.tr("Open"))
        self.debounce = Debouncer(SEARCH_DELAY_MS, self)
        self._build()
        self._connect()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        self.new_button.setVisible(self.session.may_change(Perm.EDIT_RECORDS))
        self.new_button.setToolTip(self.tr("Ctrl+N"))
        top.addWidget(self.new_button)
        top.addWidget(self.open_button)
        filters = QHBoxLayout()
        add_labelled(filters, ((self.tr("Community"), self.community_combo), (self.tr("State"), self.state_combo)),
                     fit_combos=True)
        filters.addWidget(self.overdue_check)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        set_widths(self.table, WIDTHS)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)

    def _connect(self) -> None:
        self.search.textChanged.connect(self.debounce.poke)
        self.search.returnPressed.connect(self.debounce.flush)
        self.debounce.fire.connect(self.apply_filter)
        for combo in (self.community_combo, self.state_combo):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.overdue_check.toggled.connect(self.apply_filter)
        self.table.horizontalHeader().sortIndicatorChanged.connect(
            lambda c, o: keep_sort_indicator(self.table, self.model, c, o))
        self.model.modelReset.connect(self._show_count)
        self.table.activated.connect(self._activated)
        self.new_button.clicked.connect(self.new_order)
        self.open_button.clicked.connect(self.open_current)

    # -- loading ------------------------------------------------------------------------------------------
    def reload(self) -> None:
        ws = self.session.ws
        fill_combo(self.community_combo, choices.communities(ws), self.tr("All communities"))
        fill_combo(self.state_combo, labels.order_states(), self.tr("All states"))
        current = self.model.id_at(self.table.currentIndex())
        self.model.set_filter(self.current_filter(), force=True)
        self.select(current)

    def current_filter(self) -> OrderFilter:
        return OrderFilter(text=self.search.text().strip(), community_id=combo_value(self.community_combo),
                           state=combo_value(self.state_combo) or "", overdue_only=self.overdue_check.isChecked())

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())

    def select(self, order_id: int | None) -> None:
        row = self.model.find_id(order_id) if order_id is not None else -1
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("Orders: %1").replace("%1", f"{self.model.rowCount():,}"))

    # -- actions ---------------------------------------------------------------------------------------------
    def _activated(self, index: QModelIndex) -> None:
        order_id = self.model.id_at(index)
        if order_id is not None:
            self.open_order(order_id)

    def open_current(self) -> None:
        self._activated(self.table.currentIndex())

    def open_order(self, order_id: int) -> QWidget:
        """One window per order: a second request raises the open one."""
        from .order_window import OrderWindow

        window = self.windows.get(order_id)
        if window is None:
            window = OrderWindow(self.session, order_id, self)
            window.finished.connect(lambda *_: self.windows.pop(order_id, None))
            self.windows[order_id] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def new_order(self):  # noqa: ANN201 - the opened dialog
        from .order_steps import new_order

        dialog = new_order(self.session, self)
        dialog.done_with.connect(lambda outcome: self._created(outcome.value.id))
        dialog.open()
        return dialog

    def _created(self, order_id: int) -> None:
        self.refresh()
        self.select(order_id)
        self.open_order(order_id)
