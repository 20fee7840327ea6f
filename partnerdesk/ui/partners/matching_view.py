"""Unmet needs beside the idle resources of their community and the partners whose domains fit."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...services import three_lists
from ...services.three_lists import Match
from ..models.table import RIGHT, Column, RowTableModel
from ..operations import run_command
from ..session import Session
from .list_records import Lookup
from .widgets import set_widths, table_view

CONTEXT = "MatchingView"


def _columns(look: Lookup) -> tuple[Column, ...]:
    def joined(items: list[str]) -> str:
        return "、".join(items)

    return (
        Column(QT_TRANSLATE_NOOP("MatchingView", "Unmet need"), lambda m: m.need.title, tooltip=lambda m: m.need.title),
        Column(QT_TRANSLATE_NOOP("MatchingView", "Community"), lambda m: look.units.get(m.need.community_id, "")),
        Column(QT_TRANSLATE_NOOP("MatchingView", "Category"), lambda m: look.domains.get(m.need.category,
                                                                                           m.need.category)),
        Column(QT_TRANSLATE_NOOP("MatchingView", "People"), lambda m: str(m.need.people), RIGHT),
        Column(QT_TRANSLATE_NOOP("MatchingView", "Idle resources"), lambda m: joined([r.title for r in m.resources]),
               tooltip=lambda m: "\n".join(r.title for r in m.resources)),
        Column(QT_TRANSLATE_NOOP("MatchingView", "Partners who fit"), lambda m: joined([n for _, n in m.partners]),
               tooltip=lambda m: "\n".join(n for _, n in m.partners)),
    )


class MatchingView(QWidget):
    """``start_project(preset)`` with the selected need, its first idle resource and first fitting partner."""

    start_project = Signal(dict)

    def __init__(self, session: Session, look: Lookup, may_edit: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model: RowTableModel[Match] = RowTableModel(_columns(look), CONTEXT, self)
        self.table = table_view(self)
        self.table.setModel(self.model)
        set_widths(self.table, (14, 8, 7, 4, 18, 18))
        self.project_button = QPushButton(self.tr("Start a project from this need…"))
        self.project_button.setVisible(may_edit)
        self.summary = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.project_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.project_button.clicked.connect(self._start)

    def load(self, community_id: int | None) -> None:
        ws = self.session.ws
        run_command(self, lambda: three_lists.matching(ws, community_id), on_done=self._show)

    def _show(self, matches: list[Match]) -> None:
        self.model.set_rows(matches)
        self.summary.setText(self.tr("Unmet needs: %1").replace("%1", str(len(matches))))

    def _start(self) -> None:
        match = self.model.row_at(self.table.currentIndex())
        if match is None:
            return
        need = match.need
        self.start_project.emit({
            "community_id": need.community_id, "title": need.title, "category": need.category, "need_id": need.id,
            "resource_id": next((r.id for r in match.resources if r.id > 0), None),  # not an idle space
            "partner_id": match.partners[0][0] if match.partners else None,
            "partner_name": match.partners[0][1] if match.partners else "", "status": "planned"})
