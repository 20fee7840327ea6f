"""Overview: the office, how many streets, communities and pilots, the rollout phases, backup state."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from ...domain.org import Phase
from ...services import overview
from ...services.changes import AGREEMENTS, BACKUPS, ORG
from ...services.overview import Office, OrgSummary
from .. import labels
from ..operations import run_command
from .base import Page


@dataclass(frozen=True)
class Overview:
    office: Office
    summary: OrgSummary


class _Figure(QFrame):
    """A large number with a caption."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.value = QLabel("–", objectName="figureValue", alignment=Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(QLabel(caption, objectName="figureCaption", alignment=Qt.AlignmentFlag.AlignCenter))


class DashboardPage(Page):
    areas = frozenset({ORG, BACKUPS, AGREEMENTS})

    def __init__(self, session, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(session, parent)
        self.title = QLabel(objectName="pageTitle")
        self.streets = _Figure(self.tr("Streets"))
        self.communities = _Figure(self.tr("Communities"))
        self.pilots = _Figure(self.tr("Pilot communities"))
        self._bars: dict[str, tuple[QProgressBar, QLabel]] = {}
        self.backup_label = QLabel(objectName="lastBackup")
        self.database_label = QLabel(objectName="databaseLabel", wordWrap=True)
        self.user_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self._figures_row())
        layout.addWidget(self._phase_box())
        layout.addWidget(self._reminder())
        layout.addWidget(self._facts_box())
        layout.addStretch(1)

    def _figures_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for figure in (self.streets, self.communities, self.pilots):
            row.addWidget(figure)
        return row

    def _phase_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Communities by rollout phase"))
        grid = QGridLayout(box)
        for i, code in enumerate(["", *Phase]):
            bar = QProgressBar(textVisible=False, maximumHeight=14)
            count = QLabel("0", alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(QLabel(labels.phase(code)), i, 0)
            grid.addWidget(bar, i, 1)
            grid.addWidget(count, i, 2)
            self._bars[code] = (bar, count)
        grid.setColumnStretch(1, 1)
        return box

    def _reminder(self) -> QGroupBox:
        from ..agreements.reminder import ExpiringReminder

        self.expiring = ExpiringReminder(self.session)
        self.expiring.open_list.connect(self._open_expiring)
        return self.expiring

    def _open_expiring(self, days: int) -> None:
        """The agreements list filtered to those ending within ``days``."""
        go_to = getattr(self.session.shell, "go_to", None)
        if go_to is not None:
            go_to("agreements").show_expiring(days)

    def _facts_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("This workstation"))
        form = QFormLayout(box)
        form.addRow(self.tr("Last backup:"), self.backup_label)
        form.addRow(self.tr("Database:"), self.database_label)
        form.addRow(self.tr("Signed in as:"), self.user_label)
        return box

    def reload(self) -> None:
        ws = self.session.ws
        run_command(self, lambda: Overview(overview.office(ws), overview.summary(ws)), on_done=self._show)
        self.expiring.reload()
        self._show_facts()

    def _show(self, overview: Overview) -> None:
        office = overview.office
        self.title.setText(f"{office.district} · {office.street}" if office.street else self.tr("Overview"))
        summary = overview.summary
        self.streets.value.setText(str(summary.streets))
        self.communities.value.setText(str(summary.communities))
        self.pilots.value.setText(str(summary.pilots))
        total = max(1, summary.communities)
        for code, n in summary.phases:
            bar, count = self._bars[code]
            bar.setMaximum(total)
            bar.setValue(n)
            count.setText(str(n))

    def _show_facts(self) -> None:
        ws, actor = self.session.ws, self.session.actor
        self.backup_label.setText(labels.backup_state(ws))
        mode = self.tr(" (read-only)") if ws.read_only else ""
        self.database_label.setText(ws.description + mode)
        self.user_label.setText(f"{actor.username} ({labels.role(actor.role)})")

