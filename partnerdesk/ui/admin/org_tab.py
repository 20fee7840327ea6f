"""Organisation tab: the district -> streets -> communities tree, pilots and rollout phases."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeView,
    QVBoxLayout,
)

from ...domain.org import UnitKind
from ...domain.roles import Perm
from ...services import org
from ...services.changes import ORG
from ...services.dto import OrgUnitRow
from ..models.org_tree import OrgTreeModel
from ..operations import run_command
from ..pages.base import Page
from .org_dialogs import PhaseDialog, PhaseHistoryDialog, UnitDialog


class OrgTab(Page):
    areas = frozenset({ORG})

    def __init__(self, session, parent=None) -> None:  # noqa: ANN001
        super().__init__(session, parent)
        self.model = OrgTreeModel(self)
        self.proxy = QSortFilterProxyModel(self, recursiveFilteringEnabled=True,
                                           filterCaseSensitivity=Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.search = QLineEdit(objectName="search", clearButtonEnabled=True)
        self.search.setPlaceholderText(self.tr("Filter by name or code (Ctrl+F)"))
        self.search.textChanged.connect(self._filter)
        self.view = self._make_view()
        self.buttons = self._make_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addLayout(self._button_row())
        layout.addWidget(self.view)
        self._update_buttons()

    def _make_view(self) -> QTreeView:
        view = QTreeView(objectName="orgTree", alternatingRowColors=True, uniformRowHeights=True)
        view.setModel(self.proxy)
        header = view.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        view.selectionModel().currentChanged.connect(self._update_buttons)
        view.doubleClicked.connect(lambda _index: self.rename())
        return view

    def _make_buttons(self) -> dict[str, QPushButton]:
        specs = {
            "add_street": (self.tr("Add &street…"), self.add_street),
            "add_community": (self.tr("Add c&ommunity…"), self.add_community),
            "rename": (self.tr("&Rename…"), self.rename),
            "pilot": (self.tr("&Pilot"), self.toggle_pilot),
            "phase": (self.tr("Set p&hase…"), self.set_phase),
            "history": (self.tr("Phase &history…"), self.show_history),
            "delete": (self.tr("&Delete"), self.delete),
        }
        buttons = {}
        for key, (text, slot) in specs.items():
            button = QPushButton(text, objectName=f"org_{key}")
            button.clicked.connect(slot)
            buttons[key] = button
        buttons["pilot"].setCheckable(True)
        buttons["pilot"].setToolTip(self.tr("Mark the selected community as a pilot community"))
        return buttons

    def _button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        row.addStretch(1)
        return row

    # -- loading ---------------------------------------------------------------------------------
    def reload(self) -> None:
        keep = self.selected()
        run_command(self, lambda: org.tree(self.session.ws), on_done=lambda rows: self._show(rows, keep))

    def _show(self, rows: list[OrgUnitRow], keep: OrgUnitRow | None) -> None:
        self.model.set_rows(rows)
        self.view.expandAll()
        if keep is not None:
            self.select(keep.id)
        self._update_buttons()

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self.view.expandAll()

    def select(self, unit_id: int) -> None:
        index = self.proxy.mapFromSource(self.model.index_of(unit_id))
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def selected(self) -> OrgUnitRow | None:
        return self.model.unit_at(self.proxy.mapToSource(self.view.currentIndex()))

    def _unit(self, unit_id: int | None) -> OrgUnitRow | None:
        source = self.model.index_of(unit_id) if unit_id is not None else QModelIndex()
        return self.model.unit_at(source)

    def _ancestor(self, kind: UnitKind) -> OrgUnitRow | None:
        """The selected unit or its nearest ancestor of ``kind`` (the single district if none selected)."""
        unit = self.selected()
        if unit is None and kind is UnitKind.DISTRICT:
            districts = [u for u in self.model.units() if u.kind == kind.value]
            return districts[0] if len(districts) == 1 else None
        while unit is not None and unit.kind != kind.value:
            unit = self._unit(unit.parent_id)
        return unit

    def _update_buttons(self, *_args) -> None:  # noqa: ANN002
        unit = self.selected()
        may = self.session.may_change(Perm.MANAGE_ORG)
        community = unit is not None and unit.kind == UnitKind.COMMUNITY.value
        self.buttons["add_street"].setEnabled(may and self._ancestor(UnitKind.DISTRICT) is not None)
        self.buttons["add_community"].setEnabled(may and self._ancestor(UnitKind.STREET) is not None)
        for key in ("rename", "delete"):
            self.buttons[key].setEnabled(may and unit is not None)
        for key in ("pilot", "phase"):
            self.buttons[key].setEnabled(may and community)
        self.buttons["history"].setEnabled(community)
        self.buttons["pilot"].setChecked(bool(community and unit.is_pilot))

    # -- actions ---------------------------------------------------------------------------------
    def add_street(self) -> None:
        self._add(UnitKind.STREET, self._ancestor(UnitKind.DISTRICT), self.tr("Add street"))

    def add_community(self) -> None:
        self._add(UnitKind.COMMUNITY, self._ancestor(UnitKind.STREET), self.tr("Add community"))

    def _add(self, kind: UnitKind, parent_unit: OrgUnitRow | None, title: str) -> None:
        if parent_unit is None:
            return
        dialog = UnitDialog(f"{title} — {parent_unit.name}", self)
        dialog.submit = lambda: org.add_unit(self.session.ws, kind.value, parent_unit.id, dialog.name(),
                                             dialog.code())
        if dialog.exec():
            self.select(dialog.outcome.value.id)

    def rename(self) -> None:
        unit = self.selected()
        if unit is None or not self.session.may_change(Perm.MANAGE_ORG):
            return
        dialog = UnitDialog(self.tr("Rename"), self, unit.name, unit.code)
        dialog.submit = lambda: org.update_unit(self.session.ws, unit.id, unit.version, name=dialog.name(),
                                                code=dialog.code())
        dialog.exec()

    def toggle_pilot(self) -> None:
        unit = self.selected()
        if unit is None:
            return
        run_command(self, lambda: org.update_unit(self.session.ws, unit.id, unit.version,
                                                  is_pilot=not unit.is_pilot),
                    on_finished=self._update_buttons)

    def set_phase(self) -> None:
        unit = self.selected()
        if unit is None:
            return
        dialog = PhaseDialog(unit.name, unit.phase, self)
        dialog.submit = lambda: org.enter_phase(self.session.ws, unit.id, unit.version, dialog.phase(),
                                                dialog.entered_on())
        dialog.exec()

    def show_history(self) -> None:
        unit = self.selected()
        if unit is not None:
            run_command(self, lambda: org.phase_history(self.session.ws, unit.id),
                        on_done=lambda rows: PhaseHistoryDialog(unit.name, rows, self).exec())

    def delete(self) -> None:
        unit = self.selected()
        if unit is None:
            return
        question = self.tr("Delete “{name}”? This cannot be undone.").format(name=unit.name)
        if QMessageBox.question(self, self.tr("Delete unit"), question) != QMessageBox.StandardButton.Yes:
            return
        run_command(self, lambda: org.delete_unit(self.session.ws, unit.id, unit.version))
