"""The weekly duties (值班规律) of a community under the rota's week view: listed, added, ended.

Ending a duty asks for its last day; the service removes its later shifts that are still scheduled.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...domain.roles import Perm
from ...services import partners, rota
from ...services.rota import PatternRow
from ..formatting import day
from ..models.table import CENTER, Column, RowTableModel
from ..session import Session
from . import labels, rota_forms
from .form_dialog import FormDialog
from .widgets import set_widths, table_view

CONTEXT = "RotaPatterns"


def partner_names(ws, duty: dict[int, str], ids: Iterable[int | None]) -> dict[int, str]:  # noqa: ANN001
    """Names for ``ids``: the community's partners on duty, then any other one (an ended duty's partner,
    a stand-in from elsewhere) looked up singly; "#id" when the user may not see it."""
    names = dict(duty)
    for pid in {i for i in ids if i is not None} - names.keys():
        try:
            names[pid] = partners.get(ws, pid).name
        except DomainError:
            names[pid] = f"#{pid}"
    return names


class PatternsPanel(QGroupBox):
    """The duties of one community; ``message`` carries a line for the rota's status label."""

    message = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Weekly duties"))
        self.session = session
        self.community_id: int | None = None
        self.names: dict[int, str] = {}
        self.duty: dict[int, str] = {}
        self.model: RowTableModel[PatternRow] = RowTableModel(self._columns(), CONTEXT, self)
        self.table = table_view(self)
        self.table.setModel(self.model)
        set_widths(self.table, (4, 7, 10, 12, 14, 7, 7, 5))
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)  # the topic
        self.show_ended = QCheckBox(self.tr("Show ended duties"))
        self.add_button = QPushButton(self.tr("Add weekly pattern…"))
        self.end_button = QPushButton(self.tr("End duty…"))
        self.dialog: FormDialog | None = None
        self._layout()
        self.show_ended.toggled.connect(self.reload)
        self.end_button.clicked.connect(self.end_selected)
        self.table.selectionModel().currentRowChanged.connect(self._enable)

    def _columns(self) -> tuple[Column, ...]:
        def partner(p: PatternRow) -> str:
            return self.names.get(p.partner_id, f"#{p.partner_id}")

        def until(p: PatternRow) -> str:
            return day(p.valid_to) if p.valid_to else self.tr("open-ended")

        def status(p: PatternRow) -> str:
            return self.tr("On duty") if p.active else self.tr("Ended")

        return (
            Column(QT_TRANSLATE_NOOP("RotaPatterns", "Day"), lambda p: labels.weekday(p.weekday), CENTER),
            Column(QT_TRANSLATE_NOOP("RotaPatterns", "Time"), lambda p: f"{p.start}–{p.end}", CENTER),
            Column(QT_TRANSLATE_NOOP("RotaPatterns", "Venue"), lambda p: p.venue, tooltip=lambda p: p.venue),
            Column(QT_TRANSLATE_NOOP("RotaPatterns", "Partner"), partner),
            Column(QT_TRANSLATE_NOOP("RotaPatterns", "Topic"), lambda p: p.topic, tooltip=lambda p: p.topic),
            Column(QT_TRANSLATE_NOOP("RotaPatterns", "Valid from"), lambda p: day(p.valid_from), CENTER),
            Column(QT_TRANSLATE_NOOP("RotaPatterns", "Valid until"), until, CENTER),
            Column(QT_TRANSLATE_NOOP("RotaPatterns", "Status"), status, CENTER),
        )

    def _layout(self) -> None:
        bar = QHBoxLayout()
        may_edit = self.session.may_change(Perm.EDIT_RECORDS)
        for button in (self.add_button, self.end_button):
            button.setVisible(may_edit)
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.show_ended)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    # -- showing ------------------------------------------------------------------------------------------
    def show_community(self, community_id: int | None, duty: dict[int, str]) -> None:
        self.community_id, self.duty = community_id, duty
        self.reload()

    def reload(self) -> None:
        ws, cid = self.session.ws, self.community_id
        rows = rota.patterns(ws, cid, include_ended=self.show_ended.isChecked()) if cid is not None else []
        self.names = partner_names(ws, self.duty, (p.partner_id for p in rows))
        self.model.set_rows(rows)
        self._enable()

    def selected(self) -> PatternRow | None:
        return self.model.row_at(self.table.currentIndex())

    def _enable(self, *_: object) -> None:
        chosen = self.selected()
        self.end_button.setEnabled(chosen is not None and chosen.active)

    # -- ending -------------------------------------------------------------------------------------------
    def end_selected(self) -> None:
        pattern = self.selected()
        if pattern is None or not pattern.active:
            self.message.emit(self.tr("Select a weekly duty that is still running."))
            return
        ws = self.session.ws
        self.dialog = rota_forms.end_pattern_dialog(ws, pattern, self.names, ws.today(), self)
        self.dialog.saved.connect(self._ended)
        self.dialog.open()

    def _ended(self, outcome) -> None:  # noqa: ANN001 - Outcome[int]
        self.message.emit(self.tr("Duty ended; later shifts removed: %1").replace("%1", str(outcome.value)))
