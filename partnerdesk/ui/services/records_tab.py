"""Service records: a SQL-paged list with filters (dates, community, partner text, kind, domain) and sort;
delete with a reason; the way to the entry grid and to the Excel import."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ...domain.roles import Perm
from ...services import service_records
from ...services.changes import ORG
from ...services.dictionaries import DICTIONARIES
from ...services.partner_queries import PARTNERS
from ...services.service_records import SERVICES, ServiceFilter
from ..formatting import day
from ..models.paged import CENTER, RIGHT, ListColumn, SqlListModel
from ..operations import run_command
from ..pages.base import Page
from ..partners import choices
from ..partners.widgets import Debouncer, add_labelled, combo_value, fill_combo, set_widths, table_view
from ..session import Session
from . import labels
from .widgets import DateBound, ask_reason, keep_sort_indicator

CONTEXT = "ServiceList"
SEARCH_DELAY_MS = 150


def columns(domains: dict[str, str]) -> tuple[ListColumn, ...]:
    return (
        ListColumn(QT_TRANSLATE_NOOP("ServiceList", "Date"), lambda r: day(r.on_date), "date", CENTER),
        ListColumn(QT_TRANSLATE_NOOP("ServiceList", "Partner"), lambda r: r.partner_name, "partner",
                   tooltip=lambda r: r.partner_name),
        ListColumn(QT_TRANSLATE_NOOP("ServiceList", "Community"), lambda r: r.community_name or "", "community"),
        ListColumn(QT_TRANSLATE_NOOP("ServiceList", "Kind"), lambda r: labels.kind(r.kind), "kind", CENTER),
        ListColumn(QT_TRANSLATE_NOOP("ServiceList", "Domain"), lambda r: domains.get(r.domain, r.domain or "")),
        ListColumn(QT_TRANSLATE_NOOP("ServiceList", "Place"), lambda r: r.place or "", tooltip=lambda r: r.place),
        ListColumn(QT_TRANSLATE_NOOP("ServiceList", "People served"), lambda r: str(r.people), "people", RIGHT),
        ListColumn(QT_TRANSLATE_NOOP("ServiceList", "Hours"), lambda r: labels.hours(r.minutes), None, RIGHT),
        ListColumn(QT_TRANSLATE_NOOP("ServiceList", "Agreement"), lambda r: r.agreement_number or ""),
        ListColumn(QT_TRANSLATE_NOOP("ServiceList", "Notes"), lambda r: r.notes or "", tooltip=lambda r: r.notes),
        ListColumn(QT_TRANSLATE_NOOP("ServiceList", "Entered by"), lambda r: r.created_by or ""),
    )


WIDTHS = (7, 14, 8, 5, 7, 10, 6, 7, 11, 12, 6)


class ServiceRecordsTab(Page):
    """Emits ``enter_services`` for the entry grid (Ctrl+N here)."""

    areas = frozenset({SERVICES, PARTNERS, DICTIONARIES, ORG})
    enter_services = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.domains: dict[str, str] = {}
        ws = session.ws
        self.model = SqlListModel(
            columns(self.domains), CONTEXT, lambda f: service_records.count(ws, f),
            lambda f, sort, desc, offset, limit: service_records.query(ws, f, sort, desc, limit=limit, offset=offset),
            ServiceFilter(), ("date", True), self)
        self.search = QLineEdit(objectName="search", clearButtonEnabled=True)
        self.search.setPlaceholderText(self.tr("Search: partner name or place"))
        self.date_from, self.date_to = DateBound(), DateBound()
        self.community_combo, self.kind_combo, self.domain_combo = QComboBox(), QComboBox(), QComboBox()
        self.count_label = QLabel(objectName="serviceCount")
        self.table = table_view(self)
        self.table.setModel(self.model)
        self.enter_button = QPushButton(self.tr("Enter a sign-in sheet…"))
        self.import_button = QPushButton(self.tr("Import from Excel…"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.debounce = Debouncer(SEARCH_DELAY_MS, self)
        self._build()
        self._connect()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        writable = self.session.may_change(Perm.EDIT_RECORDS)
        for button in (self.enter_button, self.import_button, self.delete_button):
            button.setVisible(writable)
            top.addWidget(button)
        filters = QHBoxLayout()
        add_labelled(filters, ((self.tr("From"), self.date_from), (self.tr("to"), self.date_to),
                               (self.tr("Community"), self.community_combo), (self.tr("Kind"), self.kind_combo),
                               (self.tr("Domain"), self.domain_combo)), fit_combos=True)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        set_widths(self.table, WIDTHS)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.delete_button.setEnabled(False)

    def _connect(self) -> None:
        self.search.textChanged.connect(self.debounce.poke)
        self.search.returnPressed.connect(self.debounce.flush)
        self.debounce.fire.connect(self.apply_filter)
        for combo in (self.community_combo, self.kind_combo, self.domain_combo):
            combo.currentIndexChanged.connect(self.apply_filter)
        for bound in (self.date_from, self.date_to):
            bound.dateChanged.connect(self.apply_filter)
        self.table.horizontalHeader().sortIndicatorChanged.connect(
            lambda c, o: keep_sort_indicator(self.table, self.model, c, o))
        self.model.modelReset.connect(self._show_count)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.model.modelReset.connect(self._enable)
        self.enter_button.clicked.connect(self.enter_services)
        self.import_button.clicked.connect(self.import_services)
        self.delete_button.clicked.connect(self.delete_current)

    # -- loading ------------------------------------------------------------------------------------------
    def reload(self) -> None:
        ws = self.session.ws
        self.domains.clear()
        self.domains.update(choices.dictionary(ws, "service_domain"))
        fill_combo(self.community_combo, choices.communities(ws), self.tr("All communities"))
        fill_combo(self.kind_combo, labels.kinds(), self.tr("All kinds"))
        fill_combo(self.domain_combo, list(self.domains.items()), self.tr("All domains"))
        row = self.table.currentIndex().row()
        self.model.set_filter(self.current_filter(), force=True)
        if 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, 0))

    def current_filter(self) -> ServiceFilter:
        return ServiceFilter(text=self.search.text().strip(), community_id=combo_value(self.community_combo),
                             kind=combo_value(self.kind_combo) or "", domain=combo_value(self.domain_combo) or "",
                             date_from=self.date_from.value(), date_to=self.date_to.value())

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("Records: %1").replace("%1", f"{self.model.rowCount():,}"))

    def _enable(self) -> None:
        self.delete_button.setEnabled(self.model.id_at(self.table.currentIndex()) is not None)

    # -- actions ---------------------------------------------------------------------------------------------
    def delete_current(self) -> None:
        row = self.model.row_at(self.table.currentIndex().row())
        if row is None:
            return
        reason = ask_reason(self, self.tr("Delete a service record"),
                            self.tr("Why is the record of %1 on %2 deleted?").replace("%1", row.partner_name)
                            .replace("%2", day(row.on_date)))
        if reason is None:
            return
        ws, record_id = self.session.ws, row.id
        run_command(self, lambda: service_records.delete(ws, record_id, reason))

    def import_services(self) -> None:
        from .import_dialog import ServiceImportDialog

        ServiceImportDialog(self.session, parent=self).open()
