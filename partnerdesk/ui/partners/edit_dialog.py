"""Register or change a partner: the type decides credit code or ID number; derived facts, similar
records and refusals are shown beside the fields while typing. The record's version goes back with a change."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...domain.ids import normalise_mobile
from ...domain.partners import INDIVIDUAL, SO_GRADES, PartnerInput
from ...domain.roles import Perm
from ...services import notices, partners
from ...services.partners import PartnerDetail, SimilarRow
from ..operations import run_command
from ..session import Session
from . import choices, identity, labels
from .widgets import (
    CheckList,
    Debouncer,
    ErrorLabel,
    FilteredCheckList,
    OptionalDate,
    combo_value,
    fill_combo,
    select_value,
)

SIMILAR_DELAY_MS = 300


class PartnerEditDialog(QDialog):
    """``saved(PartnerDetail)`` after a successful register or update."""

    saved = Signal(object)

    def __init__(self, session: Session, detail: PartnerDetail | None = None, *, numbers: dict | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.detail = session, detail
        self.types = choices.partner_types(session.ws)
        self.setWindowTitle(self.tr("Change partner") if detail else self.tr("Register partner"))
        self.errors: dict[str, ErrorLabel] = {}
        self._make_fields()
        self._layout()
        self._fill_choices()
        self.similar_check = Debouncer(SIMILAR_DELAY_MS, self)
        self._connect()
        if detail is not None:
            self._load(detail, numbers or {})
        self._type_changed()
        self.resize(960, 640)

    # -- construction -------------------------------------------------------------------------------------
    def _make_fields(self) -> None:
        self.type_combo = QComboBox()
        self.name = QLineEdit(maxLength=200)
        self.uscc = QLineEdit(maxLength=30, placeholderText=self.tr("18 characters"))
        self.uscc_facts = QLabel(wordWrap=True)
        self.override = QLineEdit(placeholderText=self.tr("Why the failing check character is accepted"))
        self.id_number = QLineEdit(maxLength=30, placeholderText=self.tr("18 digits, last may be X"))
        self.id_facts = QLabel(wordWrap=True)
        self.legal_rep, self.contact_name = QLineEdit(maxLength=100), QLineEdit(maxLength=100)
        self.mobile = QLineEdit(maxLength=20, placeholderText=self.tr("11 digits"))
        self.address = QLineEdit(maxLength=300)
        self.skills = QLineEdit(placeholderText=self.tr("e.g. haircuts, tutoring, repairs"))
        self.grade = QComboBox()
        self.grade_until = OptionalDate(self.tr("valid until"))
        self.community_box = FilteredCheckList(self.tr("Find a community"))
        self.communities, self.domains = self.community_box.checks, CheckList()
        self.notice = QComboBox()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.submit_now = QCheckBox(self.tr("Submit the application now"))
        self.similar = QLabel(wordWrap=True, visible=False, objectName="similarWarning")
        self.similar.setStyleSheet("color: #8a5300;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        for key in ("type", "name", "uscc", "id_number", "override", "mobile", "grade", "communities"):
            self.errors[key] = ErrorLabel()

    def _with_error(self, widget: QWidget, key: str, extra: QWidget | None = None) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        if extra is not None:
            column.addWidget(extra)
        column.addWidget(self.errors[key])
        return box

    def _layout(self) -> None:
        left = QFormLayout()
        left.addRow(self.tr("Type"), self._with_error(self.type_combo, "type"))
        left.addRow(self.tr("Name"), self._with_error(self.name, "name", self.similar))
        left.addRow(self.tr("Credit code"), self._with_error(self.uscc, "uscc", self.uscc_facts))
        left.addRow(self.tr("Reason to accept"), self._with_error(self.override, "override"))
        left.addRow(self.tr("Resident ID number"), self._with_error(self.id_number, "id_number", self.id_facts))
        left.addRow(self.tr("Legal representative / person in charge"), self.legal_rep)
        left.addRow(self.tr("Contact person"), self.contact_name)
        left.addRow(self.tr("Mobile"), self._with_error(self.mobile, "mobile"))
        left.addRow(self.tr("Address"), self.address)
        left.addRow(self.tr("Skills"), self.skills)
        grade_row = QWidget()
        row = QHBoxLayout(grade_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.grade)
        row.addWidget(self.grade_until, 1)
        left.addRow(self.tr("Social organisation grade"), self._with_error(grade_row, "grade"))
        left.addRow(self.tr("Answers notice"), self.notice)
        self.form = left
        right = QFormLayout()
        right.addRow(self.tr("Communities served"), self._with_error(self.community_box, "communities"))
        right.addRow(self.tr("Service domains"), self.domains)
        right.addRow(self.tr("Notes"), self.notes)
        grid = QGridLayout()
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(grid, 1)
        layout.addWidget(self.submit_now)
        layout.addWidget(self.buttons)
        self.submit_now.setVisible(self.detail is None)
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        chain = [self.type_combo, self.name, self.uscc, self.override, self.id_number, self.legal_rep,
                 self.contact_name, self.mobile, self.address, self.skills, self.grade, self.grade_until.check,
                 self.grade_until.edit, self.notice, self.community_box.filter, self.communities, self.domains,
                 self.notes, self.submit_now,
                 self.buttons]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _fill_choices(self) -> None:
        ws, actor = self.session.ws, self.session.actor
        fill_combo(self.type_combo, [(t.code, t.label) for t in self.types.values()], keep=False)
        fill_combo(self.grade, [(g, g) for g in SO_GRADES], self.tr("none"), keep=False)
        own = {c for c, _ in choices.communities(ws)} if actor.is_scoped else None
        self.communities.set_choices(choices.communities(ws, own_only=False), enabled=own)
        self.domains.set_choices(choices.dictionary(ws, "service_domain"))
        fill_combo(self.notice, [(n.id, n.title) for n in notices.list_all(ws, "open")], self.tr("none"),
                   keep=False)

    def _connect(self) -> None:
        self.type_combo.currentIndexChanged.connect(self._type_changed)
        self.uscc.textChanged.connect(self._read_uscc)
        self.id_number.textChanged.connect(self._read_id)
        self.name.textChanged.connect(self.similar_check.poke)
        self.mobile.textChanged.connect(self.similar_check.poke)
        self.similar_check.fire.connect(self.check_similar)
        self.finished.connect(self.similar_check.timer.stop)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def _load(self, d: PartnerDetail, numbers: dict) -> None:
        select_value(self.type_combo, d.type_code)
        self.name.setText(d.name)
        self.uscc.setText(d.uscc)
        self.id_number.setText(numbers.get("id_number", ""))
        self.legal_rep.setText(d.legal_rep)
        self.contact_name.setText(d.contact_name)
        self.mobile.setText(numbers.get("contact_mobile", ""))
        self.address.setText(d.address)
        self.skills.setText(d.skills)
        select_value(self.grade, d.so_grade or None)
        self.grade_until.set_value(d.so_grade_valid_until)
        self.communities.set_checked(d.community_ids)
        self.domains.set_checked(d.domain_codes)
        select_value(self.notice, d.notice_id)
        self.notes.setPlainText(d.notes)
        self.override.setText(d.checksum_override)

    # -- live reading ----------------------------------------------------------------------------------------
    def holder(self) -> str:
        ptype = self.types.get(combo_value(self.type_combo) or "")
        return ptype.holder if ptype else ""

    def _type_changed(self) -> None:
        individual = self.holder() == INDIVIDUAL
        for widget, visible in ((self.uscc, not individual), (self.id_number, individual),
                                (self.skills, individual), (self.grade, not individual)):
            self.form.setRowVisible(self._row_of(widget), visible)
        self._read_uscc()

    def _row_of(self, widget: QWidget) -> int:
        while widget.parentWidget() is not None and self.form.indexOf(widget) < 0:
            widget = widget.parentWidget()
        row, _role = self.form.getWidgetPosition(widget)
        return row

    def _read_uscc(self) -> None:
        reading = identity.read_uscc(self.uscc.text()) if self.holder() != INDIVIDUAL else identity.Reading()
        self.uscc_facts.setText(reading.facts)
        self.uscc_facts.setVisible(bool(reading.facts))
        self.errors["uscc"].show_text(reading.error)
        may_override = reading.overridable and self.session.can(Perm.OVERRIDE_CHECK)
        self.form.setRowVisible(self._row_of(self.override), may_override or bool(self.override.text()))

    def _read_id(self) -> None:
        if self.detail and self.detail.id_number_masked and self.id_number.text() == self.detail.id_number_masked:
            facts = self.detail.derived  # the stored number, unchanged: what it tells is already known
            self.id_facts.setText(identity.id_facts(facts.get("birth_date", ""), facts.get("sex", "")))
            self.id_facts.setVisible(True)
            self.errors["id_number"].show_text("")
            return
        reading = identity.read_resident_id(self.id_number.text())
        self.id_facts.setText(reading.facts)
        self.id_facts.setVisible(bool(reading.facts))
        self.errors["id_number"].show_text(reading.error)

    def check_similar(self) -> None:
        if not self.isVisible():
            return
        name, mobile = self.name.text().strip(), self.mobile.text().strip()
        try:
            mobile = normalise_mobile(mobile) if mobile else ""
        except DomainError:
            mobile = ""
        exclude = self.detail.id if self.detail else None
        run_command(self, lambda: partners.similar(self.session.ws, name, mobile, exclude), quiet=True,
                    on_done=self._show_similar)

    def _show_similar(self, rows: list[SimilarRow]) -> None:
        if not rows:
            self.similar.setVisible(False)
            return
        items = [f"{r.name}（{labels.state(r.state)}，#{r.id}）" for r in rows]
        self.similar.setText(self.tr("Similar records: %1").replace("%1", "；".join(items)))
        self.similar.setVisible(True)

    # -- saving ----------------------------------------------------------------------------------------------
    def value(self) -> PartnerInput:
        individual = self.holder() == INDIVIDUAL
        grade = (combo_value(self.grade) or "") if not individual else ""
        return PartnerInput(
            type_code=combo_value(self.type_combo) or "", name=self.name.text(),
            uscc="" if individual else self.uscc.text(), id_number=self.id_number.text() if individual else "",
            legal_rep=self.legal_rep.text(), contact_name=self.contact_name.text(),
            contact_mobile=self.mobile.text().strip(), address=self.address.text(),
            community_ids=tuple(self.communities.checked()), domain_codes=tuple(self.domains.checked()),
            skills=self.skills.text() if individual else "", so_grade=grade,
            so_grade_valid_until=self.grade_until.value() if grade else None, notes=self.notes.toPlainText(),
            notice_id=combo_value(self.notice), override_reason=self.override.text().strip())

    def save(self) -> None:
        for label in self.errors.values():
            label.show_text("")
        data, ws = self.value(), self.session.ws
        if self.detail is None:
            submit = self.submit_now.isChecked()
            run_command(self, lambda: partners.register(ws, data, submit=submit), on_done=self._saved,
                        on_error=self._field_error)
        else:
            pid, version = self.detail.id, self.detail.version
            run_command(self, lambda: partners.update(ws, pid, version, data), on_done=self._saved,
                        on_error=self._field_error)

    def _field_error(self, err: DomainError) -> bool:
        field = identity.field_of(err, "id_number" if self.holder() == INDIVIDUAL else "uscc")
        if field is None or field not in self.errors:
            return False
        self.errors[field].show_text(identity.message(err))
        if field == "uscc" and err.code == "uscc.checksum" and self.session.can(Perm.OVERRIDE_CHECK):
            self.form.setRowVisible(self._row_of(self.override), True)
        target = getattr(self, field, None)
        if isinstance(target, QWidget):
            target.setFocus()
        return True

    def _saved(self, outcome) -> None:  # noqa: ANN001 - Outcome[PartnerDetail]
        self.saved.emit(outcome.value)
        self.accept()
