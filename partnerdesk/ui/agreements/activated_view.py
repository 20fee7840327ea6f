"""Space activated (m² under a signed agreement at the end of each quarter), per community, for a chosen year."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from ...services import spaces
from ..models.table import RIGHT, Column, RowTableModel
from ..operations import run_command
from ..partners import choices
from ..partners.widgets import set_widths, table_view
from .list_model import area

CONTEXT = "ActivatedView"


@dataclass(frozen=True)
class ActivatedRow:
    community: str
    quarters: tuple[int, int, int, int]  # centi-m² at the end of Q1..Q4


def _quarter(n: int):  # noqa: ANN202
    return lambda r: area(r.quarters[n]) if r.quarters[n] else "–"


COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ActivatedView", "Community"), lambda r: r.community),
    Column(QT_TRANSLATE_NOOP("ActivatedView", "Q1 (m²)"), _quarter(0), RIGHT),
    Column(QT_TRANSLATE_NOOP("ActivatedView", "Q2 (m²)"), _quarter(1), RIGHT),
    Column(QT_TRANSLATE_NOOP("ActivatedView", "Q3 (m²)"), _quarter(2), RIGHT),
    Column(QT_TRANSLATE_NOOP("ActivatedView", "Q4 (m²)"), _quarter(3), RIGHT),
)


def rows_for(ws, year: int, total_label: str) -> list[ActivatedRow]:  # noqa: ANN001
    """Every community the user sees (those with no space activated too), then the total."""
    figures = spaces.activated_by_quarter(ws, year)
    rows = [ActivatedRow(name, tuple(figures.get((cid, q), 0) for q in range(1, 5)))  # type: ignore[arg-type]
            for cid, name in choices.communities(ws)]
    total = tuple(sum(r.quarters[q] for r in rows) for q in range(4))
    return [*rows, ActivatedRow(total_label, total)]  # type: ignore[arg-type]


class ActivatedView(QWidget):
    def __init__(self, session, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.session = session
        self.year = QSpinBox(objectName="activatedYear", minimum=2000, maximum=2100)
        self.year.setValue(session.ws.today().year)
        self.model: RowTableModel[ActivatedRow] = RowTableModel(COLUMNS, CONTEXT, self)
        self.table = table_view(self)
        self.table.setModel(self.model)
        set_widths(self.table, (12, 7, 7, 7, 7))
        self.table.horizontalHeader().setStretchLastSection(False)  # four equal quarters
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("Year")))
        head.addWidget(self.year)
        head.addWidget(QLabel(self.tr("m² under a signed agreement at the end of each quarter"), wordWrap=True), 1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.table, 1)
        self.year.valueChanged.connect(self.reload)

    def reload(self) -> None:
        ws, year, total = self.session.ws, self.year.value(), self.tr("Total")
        run_command(self, lambda: rows_for(ws, year, total), on_done=self.model.set_rows)
