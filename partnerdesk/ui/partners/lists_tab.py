"""The three lists (三张清单): needs, resources, projects, and the matching view."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.roles import Perm
from ...services import three_lists
from ...services.changes import ORG
from ...services.dictionaries import DICTIONARIES
from ...services.partner_queries import PARTNERS
from ...services.three_lists import LISTS
from ..models.table import RowTableModel
from ..pages.base import Page
from ..session import Session
from . import list_records as spec
from .form_dialog import FormDialog
from .matching_view import MatchingView
from .widgets import combo_value, fill_combo, set_widths, table_view

KINDS = {"need": QT_TRANSLATE_NOOP("ThreeListsTab", "Needs"),
         "resource": QT_TRANSLATE_NOOP("ThreeListsTab", "Resources"),
         "project": QT_TRANSLATE_NOOP("ThreeListsTab", "Projects")}


class RecordList(QWidget):
    """One of the lists: a table with New / Change; ``edit_requested(row or None, preset)``."""

    edit_requested = Signal(object, dict)

    def __init__(self, kind: str, look: spec.Lookup, may_edit: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.model = RowTableModel(spec.columns(kind, look), spec.CONTEXT, self)
        self.table = table_view(self)
        self.table.setModel(self.model)
        set_widths(self.table, spec.WIDTHS[kind])
        self.add_button = QPushButton(QCoreApplication.translate("ThreeListsTab", "New…"))
        self.edit_button = QPushButton(QCoreApplication.translate("ThreeListsTab", "Change…"))
        row = QHBoxLayout()
        row.addStretch(1)
        for button in (self.add_button, self.edit_button):
            button.setVisible(may_edit)
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.add_button.clicked.connect(lambda: self.edit_requested.emit(None, {}))
        self.edit_button.clicked.connect(lambda: self._edit(self.table.currentIndex()))
        if may_edit:
            self.table.activated.connect(self._edit)

    def _edit(self, index) -> None:  # noqa: ANN001
        row = self.model.row_at(index)
        if row is not None:
            self.edit_requested.emit(row, {})


class ThreeListsTab(Page):
    areas = frozenset({LISTS, PARTNERS, DICTIONARIES, ORG})

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.look = spec.Lookup()
        self.community = QComboBox()
        self.tabs = QTabWidget()
        may_edit = session.may_change(Perm.EDIT_RECORDS)
        self.lists = {kind: RecordList(kind, self.look, may_edit) for kind in KINDS}
        for kind, widget in self.lists.items():
            self.tabs.addTab(widget, self.tr(KINDS[kind]))
            widget.edit_requested.connect(lambda row, preset, k=kind: self.edit(k, row, preset))
        self.matching = MatchingView(session, self.look, may_edit)
        self.matching.start_project.connect(lambda preset: self.edit("project", None, preset))
        self.tabs.addTab(self.matching, self.tr("Matching"))
        self.dialog: FormDialog | None = None
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Community")))
        row.addWidget(self.community)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.tabs, 1)
        self.community.currentIndexChanged.connect(self.reload)
        self.tabs.currentChanged.connect(self._tab_changed)

    def community_id(self) -> int | None:
        return combo_value(self.community)

    def reload(self) -> None:
        ws = self.session.ws
        self.look.refresh(ws, self.community_id())
        fill_combo(self.community, self.look.communities, self.tr("All communities"))
        rows = {kind: three_lists.list_of(ws, kind, self.community_id()) for kind in KINDS}
        self.look.needs = {n.id: n.title for n in rows["need"]}
        # idle spaces appear among the resources with negative ids: they live in the space register
        self.look.resources = {r.id: r.title for r in rows["resource"] if r.id > 0}
        for kind, widget in self.lists.items():
            widget.model.set_rows(rows[kind])
        self._tab_changed()

    def _tab_changed(self, *_: object) -> None:
        if self.tabs.currentWidget() is self.matching:
            self.matching.load(self.community_id())

    def edit(self, kind: str, row: object | None, preset: dict) -> None:
        ws = self.session.ws
        if kind == "resource" and row is not None and getattr(row, "id", 0) < 0:
            QMessageBox.information(self, self.tr("Idle space"), self.tr(
                "This idle space comes from the space register; change it on the Spaces & agreements page."))
            return
        preset = dict(preset)
        if preset.get("partner_id") is not None:
            self.look.partners.setdefault(preset["partner_id"], preset.pop("partner_name", ""))
        values = dict(row.__dict__) if row is not None else {"community_id": self.community_id(), **preset}

        def save(v: dict):  # noqa: ANN202 - Outcome
            return three_lists.save(ws, kind, spec.cleaned(kind, v), getattr(row, "id", None),
                                    getattr(row, "version", None))

        self.dialog = FormDialog(spec.title(kind, row is not None), spec.fields(kind, self.look), save, values, self)
        self.dialog.open()
