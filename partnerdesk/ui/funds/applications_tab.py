"""Project applications (项目申报): the list (SQL-paged, by fund, state and text) with its pending step, a new
application, the use rules and approval tiers (approvers and administrators); and the inbox 待我审批."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ...domain.errors import DomainError
from ...domain.roles import Perm
from ...services import applications, fund_queries
from ...services.applications import APPLICATIONS, ApplicationRow
from ...services.fund_queries import ApplicationFilter, ApplicationListRow
from ...services.funds import FUNDS
from ..formatting import wall_time
from ..models.paged import ListColumn, SqlListModel
from ..models.table import CENTER, RIGHT, Column, RowTableModel
from ..operations import show_domain_error
from ..pages.base import Page
from ..partners.widgets import Debouncer, add_labelled, combo_value, fill_combo, set_widths, table_view
from ..session import Session
from . import labels
from .widgets import fund_choices, yuan

CONTEXT = "ApplicationsTab"


def _step(r: ApplicationListRow) -> str:
    return f"{r.step_label or labels.role(r.step_role)}（{labels.role(r.step_role)}）" if r.step_role else ""


COLUMNS = (
    ListColumn(QT_TRANSLATE_NOOP("ApplicationsTab", "No."), lambda r: str(r.id), None, CENTER),
    ListColumn(QT_TRANSLATE_NOOP("ApplicationsTab", "Project"), lambda r: r.title, tooltip=lambda r: r.title),
    ListColumn(QT_TRANSLATE_NOOP("ApplicationsTab", "Applicant"), lambda r: r.applicant_name),
    ListColumn(QT_TRANSLATE_NOOP("ApplicationsTab", "Fund"), lambda r: r.fund_code),
    ListColumn(QT_TRANSLATE_NOOP("ApplicationsTab", "Category"), lambda r: r.category),
    ListColumn(QT_TRANSLATE_NOOP("ApplicationsTab", "Amount (yuan)"), lambda r: yuan(r.amount_fen), None, RIGHT),
    ListColumn(QT_TRANSLATE_NOOP("ApplicationsTab", "State"), lambda r: labels.app_state(r.state), None, CENTER),
    ListColumn(QT_TRANSLATE_NOOP("ApplicationsTab", "Waiting for"), _step),
    ListColumn(QT_TRANSLATE_NOOP("ApplicationsTab", "Version"), lambda r: str(r.version_no), None, CENTER),
    ListColumn(QT_TRANSLATE_NOOP("ApplicationsTab", "Submitted"), lambda r: wall_time(r.submitted_at), None, CENTER),
)
WIDTHS = (3, 16, 10, 7, 6, 7, 6, 12, 3, 9)
INBOX_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ApplicationsTab", "No."), lambda r: str(r.id), CENTER),
    Column(QT_TRANSLATE_NOOP("ApplicationsTab", "Project"), lambda r: r.title),
    Column(QT_TRANSLATE_NOOP("ApplicationsTab", "Applicant"), lambda r: r.applicant_name),
    Column(QT_TRANSLATE_NOOP("ApplicationsTab", "Category"), lambda r: r.category),
    Column(QT_TRANSLATE_NOOP("ApplicationsTab", "Amount (yuan)"), lambda r: yuan(r.amount_fen), RIGHT),
    Column(QT_TRANSLATE_NOOP("ApplicationsTab", "Step"),
           lambda r: f"{r.current_step.seq}. {r.current_step.label or labels.role(r.current_step.role)}"
           if r.current_step else ""),
    Column(QT_TRANSLATE_NOOP("ApplicationsTab", "Submitted"), lambda r: wall_time(r.submitted_at), CENTER),
    Column(QT_TRANSLATE_NOOP("ApplicationsTab", "By"), lambda r: r.created_by),
)


class ApplicationsTab(Page):
    areas = frozenset({APPLICATIONS, FUNDS})
    open_application = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        ws = session.ws
        self.model = SqlListModel(
            COLUMNS, CONTEXT, lambda f: fund_queries.application_count(ws, f),
            lambda f, _s, _d, offset, limit: fund_queries.applications(ws, f, offset, limit),
            ApplicationFilter(), ("id", True), self)
        self.search = QLineEdit(objectName="search", clearButtonEnabled=True)
        self.search.setPlaceholderText(self.tr("Search: project or applicant"))
        self.fund, self.state = QComboBox(objectName="appFundFilter"), QComboBox(objectName="appStateFilter")
        for combo in (self.fund, self.state):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.count_label = QLabel(objectName="appCount")
        self.table = table_view(self)
        self.table.setModel(self.model)
        self.new_button = QPushButton(self.tr("New application…"), objectName="newApplication",
                                      visible=session.may_change(Perm.EDIT_RECORDS))
        self.new_button.setToolTip(self.tr("Ctrl+N"))
        self.open_button = QPushButton(self.tr("Open"), objectName="openApplication")
        self.rules_button = QPushButton(self.tr("Use rules…"), objectName="useRules",
                                        visible=session.may_change(Perm.APPROVE))
        self.tiers_button = QPushButton(self.tr("Approval tiers…"), objectName="approvalTiers",
                                        visible=session.can(Perm.APPROVE))
        self.debounce = Debouncer(150, self)
        self.dialog = None
        self._build()
        self.search.textChanged.connect(self.debounce.poke)
        self.search.returnPressed.connect(self.debounce.flush)
        self.debounce.fire.connect(self.apply_filter)
        for combo in (self.fund, self.state):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.model.modelReset.connect(lambda: self.count_label.setText(
            self.tr("Applications: %1").replace("%1", f"{self.model.rowCount():,}")))
        self.table.activated.connect(self._activated)
        self.open_button.clicked.connect(lambda: self._activated(self.table.currentIndex()))
        self.new_button.clicked.connect(self.new)
        self.rules_button.clicked.connect(self.edit_rules)
        self.tiers_button.clicked.connect(self.edit_tiers)

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        for b in (self.new_button, self.open_button, self.rules_button, self.tiers_button):
            top.addWidget(b)
        filters = QHBoxLayout()
        add_labelled(filters, ((self.tr("Fund"), self.fund), (self.tr("State"), self.state)))
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        set_widths(self.table, WIDTHS)

    def reload(self) -> None:
        fill_combo(self.fund, fund_choices(self.session.ws), self.tr("All funds"))
        fill_combo(self.state, labels.choices(labels.APP_STATES), self.tr("All states"))
        self.model.set_filter(self.current_filter(), force=True)

    def current_filter(self) -> ApplicationFilter:
        return ApplicationFilter(combo_value(self.fund), combo_value(self.state) or "", self.search.text().strip())

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())

    def _activated(self, index: QModelIndex) -> None:
        app_id = self.model.id_at(index)
        if app_id is not None:
            self.open_application.emit(app_id)

    def new(self):  # noqa: ANN201
        if not self.session.may_change(Perm.EDIT_RECORDS):
            return None
        from .application_dialog import ApplicationDialog

        self.dialog = ApplicationDialog(self.session, None, self, fund_id=combo_value(self.fund))
        self.dialog.done_with.connect(lambda outcome: self.open_application.emit(outcome.value.id))
        self.dialog.open()
        return self.dialog

    def edit_rules(self):  # noqa: ANN201
        from .rules_dialogs import UseRuleDialog

        self.dialog = UseRuleDialog(self.session, combo_value(self.fund), self)
        self.dialog.open()
        return self.dialog

    def edit_tiers(self):  # noqa: ANN201
        from .rules_dialogs import TiersDialog

        self.dialog = TiersDialog(self.session, self)
        self.dialog.open()
        return self.dialog


class InboxTab(Page):
    """待我审批: what waits for the signed-in user's step; Enter opens it."""

    areas = frozenset({APPLICATIONS})
    open_application = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model: RowTableModel[ApplicationRow] = RowTableModel(INBOX_COLUMNS, CONTEXT, self)
        self.table = table_view(self)
        self.table.setModel(self.model)
        self.hint = QLabel(objectName="inboxHint")
        self.open_button = QPushButton(self.tr("Open"), objectName="openInbox")
        top = QHBoxLayout()
        top.addWidget(self.hint, 1)
        top.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        set_widths(self.table, (3, 16, 10, 6, 7, 10, 9, 6))
        self.table.activated.connect(self._activated)
        self.open_button.clicked.connect(lambda: self._activated(self.table.currentIndex()))

    def reload(self) -> None:
        try:
            rows = applications.inbox(self.session.ws)
        except DomainError as err:
            show_domain_error(self, err)
            return
        self.model.set_rows(rows)
        self.hint.setText(self.tr("%1 application(s) wait for your step.").replace("%1", str(len(rows))) if rows
                          else self.tr("Nothing waits for you."))
        if rows:
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index)
        if row is not None:
            self.open_application.emit(row.id)
