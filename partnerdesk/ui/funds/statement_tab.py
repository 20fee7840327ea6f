"""A fund's statement of a month, quarter or year (opening balance, income by source, spending by project, closing
balance), exported to .xlsx, and the approved projects of the period for the disclosure notice (公示)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...domain.money import fen_to_yuan, format_yuan, yuan_to_fen
from ...services import applications, fund_statement
from ...services.applications import APPLICATIONS, ProjectRow
from ...services.fund_statement import Statement
from ...services.funds import FUNDS
from ..formatting import day
from ..models.table import CENTER, RIGHT, Column, RowTableModel
from ..operations import run_command, show_domain_error
from ..pages.base import Page
from ..partners.widgets import combo_value, fill_combo, set_widths, table_view
from ..session import Session
from .widgets import PeriodPicker, fund_choices, yuan

CONTEXT = "StatementTab"
tr = QCoreApplication.translate


@dataclass(frozen=True)
class StatementLine:
    section: str
    item: str
    amount: Decimal | None
    total: bool = False


def _money(value: Decimal | None) -> str:
    return "" if value is None else format_yuan(yuan_to_fen(value))


COLUMNS = (
    Column(QT_TRANSLATE_NOOP("StatementTab", "Section"), lambda r: r.section),
    Column(QT_TRANSLATE_NOOP("StatementTab", "Item"), lambda r: r.item),
    Column(QT_TRANSLATE_NOOP("StatementTab", "Amount (yuan)"), lambda r: _money(r.amount), RIGHT),
)
PROJECT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("StatementTab", "Project"), lambda r: r.title),
    Column(QT_TRANSLATE_NOOP("StatementTab", "Applicant"), lambda r: r.applicant_name),
    Column(QT_TRANSLATE_NOOP("StatementTab", "Category"), lambda r: r.category),
    Column(QT_TRANSLATE_NOOP("StatementTab", "Approved (yuan)"), lambda r: yuan(r.approved_fen), RIGHT),
    Column(QT_TRANSLATE_NOOP("StatementTab", "Approved on"), lambda r: day(r.approved_on), CENTER),
    Column(QT_TRANSLATE_NOOP("StatementTab", "Paid in period"), lambda r: yuan(r.paid_in_period_fen), RIGHT),
    Column(QT_TRANSLATE_NOOP("StatementTab", "Paid to date"), lambda r: yuan(r.paid_total_fen), RIGHT),
)


WORDS = {
    "opening": QT_TRANSLATE_NOOP("StatementTab", "Opening balance"),
    "income": QT_TRANSLATE_NOOP("StatementTab", "Income"),
    "income_total": QT_TRANSLATE_NOOP("StatementTab", "Total income"),
    "spending": QT_TRANSLATE_NOOP("StatementTab", "Spending"),
    "spending_total": QT_TRANSLATE_NOOP("StatementTab", "Total spending"),
    "other": QT_TRANSLATE_NOOP("StatementTab", "Other movements"),
    "closing": QT_TRANSLATE_NOOP("StatementTab", "Closing balance"),
}


def statement_lines(st: Statement) -> list[StatementLine]:
    """The statement as rows: opening, each income source and the total, each project and the total, closing."""
    t = {key: tr(CONTEXT, text) for key, text in WORDS.items()}
    income, spending = t["income"], t["spending"]
    rows = [StatementLine(t["opening"], f"{day(st.start)}", st.opening, True)]
    rows += [StatementLine(income, name, amount) for name, amount in st.income]
    rows.append(StatementLine(income, t["income_total"], st.income_total, True))
    rows += [StatementLine(spending, name, amount) for name, amount in st.spending]
    rows.append(StatementLine(spending, t["spending_total"], st.spending_total, True))
    if st.other:
        rows.append(StatementLine(t["other"], "", st.other))
    rows.append(StatementLine(t["closing"], f"{day(st.end)}", st.closing, True))
    return rows


class _Model(RowTableModel):
    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201
        if role == Qt.ItemDataRole.FontRole:
            row = self.row_at(index)
            if row is not None and row.total:
                font = QFont()
                font.setBold(True)
                return font
            return None
        return super().data(index, role)


class StatementTab(Page):
    areas = frozenset({FUNDS, APPLICATIONS})

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.statement: Statement | None = None
        self.model: _Model = _Model(COLUMNS, CONTEXT, self)
        self.projects: RowTableModel[ProjectRow] = RowTableModel(PROJECT_COLUMNS, CONTEXT, self)
        self.fund = QComboBox(objectName="statementFund")
        self.fund.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        today = session.ws.today()
        self.period = PeriodPicker(("month", "quarter", "year"), today)
        self.period.set_period("quarter", today.year, (today.month - 1) // 3 + 1)
        self.heading = QLabel(objectName="statementHeading")
        self.heading.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.export_button = QPushButton(self.tr("Export to Excel…"), objectName="exportStatement")
        self.table, self.project_view = table_view(self), table_view(self)
        self.table.setModel(self.model)
        self.project_view.setModel(self.projects)
        self.last_export: Path | None = None
        self._build()
        self.fund.currentIndexChanged.connect(self.show_statement)
        self.period.changed.connect(self.show_statement)
        self.export_button.clicked.connect(self.export)

    def _build(self) -> None:
        top = QHBoxLayout()
        label = QLabel(self.tr("Fund"))
        label.setBuddy(self.fund)
        top.addWidget(label)
        top.addWidget(self.fund)
        top.addWidget(QLabel(self.tr("Period")))
        top.addWidget(self.period)
        top.addStretch(1)
        top.addWidget(self.export_button)
        statement = QWidget()
        box = QVBoxLayout(statement)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.heading)
        box.addWidget(self.table, 1)
        projects = QGroupBox(self.tr("Approved projects (for the disclosure notice)"))
        QVBoxLayout(projects).addWidget(self.project_view)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(statement)
        split.addWidget(projects)
        split.setSizes([360, 220])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        set_widths(self.table, (10, 22, 10))
        set_widths(self.project_view, (16, 10, 6, 8, 7, 8, 8))

    def reload(self) -> None:
        fill_combo(self.fund, fund_choices(self.session.ws))
        self.show_statement()

    def show_statement(self) -> None:
        fund_id, ws = combo_value(self.fund), self.session.ws
        if fund_id is None:
            self.statement = None
            self.model.set_rows([])
            self.projects.set_rows([])
            self.heading.setText("")
            self.export_button.setEnabled(False)
            return
        try:
            self.statement = st = fund_statement.statement(ws, fund_id, self.period.key())
            self.projects.set_rows(applications.approved_projects(ws, fund_id, st.period))
        except DomainError as err:
            show_domain_error(self, err)
            return
        self.heading.setText(self.tr("%1 %2 — statement for %3 (%4 to %5)").replace("%1", st.fund_code)
                             .replace("%2", st.fund_name).replace("%3", st.period).replace("%4", day(st.start))
                             .replace("%5", day(st.end)))
        self.model.set_rows(statement_lines(st))
        self.export_button.setEnabled(True)

    def export(self) -> None:
        st = self.statement
        if st is None:
            return
        name = f"{st.fund_code}-{st.period}.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the statement"), str(Path.home() / name),
                                              self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        target = Path(path if path.endswith(".xlsx") else path + ".xlsx")
        headers = [self.model.column_title(c) for c in range(self.model.columnCount())]
        rows = [(r.section, r.item, r.amount) for r in self.model.rows()]
        project = self.tr("Approved projects")
        rows += [(project, f"{p.title}（{p.applicant_name}）", fen_to_yuan(p.approved_fen)) for p in self.projects.rows()]
        title, ws = f"{st.fund_code} {st.period}", self.session.ws

        def work() -> Path:
            return fund_statement.export_statement(ws, st.fund_id, st.period, target, title, headers, rows)

        run_command(self, work, background=True, busy_text=self.tr("Exporting…"), on_done=self._exported)

    def _exported(self, path: Path) -> None:
        self.last_export = path
