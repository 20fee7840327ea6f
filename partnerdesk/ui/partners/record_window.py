"""A partner's own window: basics, lifecycle timeline with the next steps, attachments.

Tabs for agreements, services, evaluations, funds and documents join when those capabilities exist.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.lifecycle import State
from ...domain.roles import Perm
from ...services.attachments import ATTACHMENTS
from ...services.changes import Changes
from ...services.dictionaries import DICTIONARIES
from ...services.partner_queries import PARTNERS
from ..operations import run_command
from ..session import Session
from . import labels, record
from .attachments_tab import AttachmentsTab, open_attachment
from .basics_tab import BasicsTab
from .record import PartnerRecord
from .timeline_tab import TimelineTab

AREAS = (PARTNERS, ATTACHMENTS, DICTIONARIES)


class PartnerWindow(QDialog):
    def __init__(self, session: Session, partner_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.session, self.partner_id = session, partner_id
        self.record: PartnerRecord | None = None
        self.title = QLabel(objectName="pageTitle")
        self.state = QLabel(objectName="partnerState")
        self.edit_button = QPushButton(self.tr("Change…"))
        self.basics, self.timeline = BasicsTab(session), TimelineTab(session)
        self.attachments = AttachmentsTab(session)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.basics, self.tr("Basics"))
        self.tabs.addTab(self.timeline, self.tr("Lifecycle"))
        self.tabs.addTab(self.attachments, self.tr("Attachments"))
        self._add_agreements_tab()
        self._layout()
        self.edit_button.clicked.connect(self.edit)
        self.timeline.open_attachment.connect(lambda att: open_attachment(self, session, att))
        session.bus.data_changed.connect(self.on_changes)
        self.resize(980, 660)
        self.reload()

    def _add_agreements_tab(self) -> None:
        from ..agreements.partner_tab import PartnerAgreementsTab

        self.agreements = PartnerAgreementsTab(self.session)
        self.tabs.addTab(self.agreements, self.tr("Agreements"))

    def _print_button(self) -> QWidget:
        from ..documents.preview_dialog import PARTNER_KINDS, print_button

        return print_button(self.session, PARTNER_KINDS, lambda: self.partner_id, self)

    def _layout(self) -> None:
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.state)
        head.addStretch(1)
        head.addWidget(self._print_button())
        head.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)

    def on_changes(self, changes: Changes) -> None:
        if any(changes.touches(area) for area in AREAS):
            self.reload()

    def reload(self) -> None:
        ws, pid = self.session.ws, self.partner_id
        run_command(self, lambda: record.load(ws, pid), on_done=self.show_record)

    def show_record(self, rec: PartnerRecord) -> None:
        self.record = rec
        d = rec.detail
        self.setWindowTitle(self.tr("Partner %1").replace("%1", d.name))
        self.title.setText(d.name)
        self.state.setText(f"【{labels.state(d.state)}】{d.filing_no}")
        self.edit_button.setVisible(self.session.may_change(Perm.EDIT_RECORDS) and d.state != State.EXITED.value
                                    and not d.merged_into_id)
        self.basics.show_record(rec)
        self.timeline.show_record(rec)
        self.attachments.show_rows(d.id, rec.attachments)
        self.agreements.show_partner(d.id)

    def edit(self) -> None:
        """The editor shows the numbers masked; unchanged masked numbers are kept by the service (no reveal)."""
        if self.record is None:
            return
        detail = self.record.detail
        self._open_editor({"id_number": detail.id_number_masked, "contact_mobile": detail.contact_mobile_masked})

    def _open_editor(self, numbers: dict) -> None:
        from .edit_dialog import PartnerEditDialog

        assert self.record is not None
        self.editor = PartnerEditDialog(self.session, self.record.detail, numbers=numbers, parent=self)
        self.editor.open()
