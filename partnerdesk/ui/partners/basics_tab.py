"""Basics of a partner: the record's fields, what its numbers tell, and audited reveals of masked numbers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QWidget

from ...domain.roles import Perm
from ...services import partners
from ..formatting import day, local_time
from ..operations import run_command
from ..session import Session
from . import identity, labels
from .record import PartnerRecord


class BasicsTab(QScrollArea):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.values: dict[str, QLabel] = {}
        self.reveal_buttons: dict[str, QPushButton] = {}
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        body = QWidget()
        body.setLayout(self.form)
        self.setWidget(body)
        self._partner_id: int | None = None
        self._rows()

    def _rows(self) -> None:
        rows = (("type", self.tr("Type")), ("name", self.tr("Name")), ("uscc", self.tr("Credit code")),
                ("facts", self.tr("From the number")), ("id_number", self.tr("Resident ID number")),
                ("legal_rep", self.tr("Legal representative / person in charge")),
                ("contact_name", self.tr("Contact person")), ("contact_mobile", self.tr("Mobile")),
                ("address", self.tr("Address")), ("communities", self.tr("Communities served")),
                ("domains", self.tr("Service domains")), ("skills", self.tr("Skills")),
                ("grade", self.tr("Social organisation grade")), ("filing", self.tr("Filing number")),
                ("notice", self.tr("Answers notice")), ("exit", self.tr("Exit")),
                ("override", self.tr("Check character accepted because")), ("notes", self.tr("Notes")),
                ("times", self.tr("Registered / last changed")))
        for key, caption in rows:
            value = QLabel(wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setObjectName(f"value_{key}")
            self.values[key] = value
            self.form.addRow(caption, self._with_reveal(key, value) if key in partners.REVEALABLE else value)

    def _with_reveal(self, key: str, value: QLabel) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(value)
        button = QPushButton(self.tr("Reveal"), objectName=f"reveal_{key}")
        button.setToolTip(self.tr("Show the full number (the reveal is recorded in the audit trail)"))
        button.clicked.connect(lambda: self.reveal(key))
        self.reveal_buttons[key] = button
        row.addWidget(button)
        row.addStretch(1)
        return box

    def show_record(self, record: PartnerRecord) -> None:
        d = record.detail
        self._partner_id = d.id
        texts = {
            "type": record.type_label, "name": d.name, "uscc": d.uscc, "facts": self._facts(d.derived),
            "id_number": d.id_number_masked, "legal_rep": d.legal_rep, "contact_name": d.contact_name,
            "contact_mobile": d.contact_mobile_masked, "address": d.address,
            "communities": "、".join(d.community_names), "domains": "、".join(record.domain_labels),
            "skills": d.skills, "grade": self._grade(d), "filing": self._filing(d), "notice": record.notice_title,
            "exit": self._exit(d), "override": d.checksum_override, "notes": d.notes,
            "times": f"{local_time(d.created_at)[:16]} / {local_time(d.updated_at)[:16]}",
        }
        for key, text in texts.items():
            self.values[key].setText(text)
            self.form.setRowVisible(self.values[key].parentWidget() if key in partners.REVEALABLE
                                    else self.values[key], bool(text))
        for key, button in self.reveal_buttons.items():
            button.setVisible(bool(texts[key]) and self.session.can(Perm.REVEAL_PERSONAL))

    def _facts(self, derived: dict) -> str:
        if "authority" in derived:
            return identity.uscc_facts(derived["authority"], derived.get("category", ""), derived.get("region", ""))
        if "birth_date" in derived:
            return identity.id_facts(derived["birth_date"], derived.get("sex", ""))
        return ""

    def _grade(self, d) -> str:  # noqa: ANN001
        if not d.so_grade:
            return ""
        until = self.tr(" (valid until %1)").replace("%1", day(d.so_grade_valid_until)) \
            if d.so_grade_valid_until else ""
        return d.so_grade + until

    def _filing(self, d) -> str:  # noqa: ANN001
        return f"{d.filing_no}（{day(d.filed_on)}）" if d.filing_no else ""

    def _exit(self, d) -> str:  # noqa: ANN001
        return f"{day(d.exit_date)} {labels.exit_reason(d.exit_reason)}" if d.exit_date else ""

    def reveal(self, field: str) -> None:
        if self._partner_id is None:
            return
        ws, pid = self.session.ws, self._partner_id
        run_command(self, lambda: partners.reveal(ws, pid, field), on_done=lambda v: self._revealed(field, v))

    def _revealed(self, field: str, value: str) -> None:
        self.values[field].setText(value)
        self.reveal_buttons[field].setVisible(False)
