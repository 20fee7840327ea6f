"""New agreement (Ctrl+N) or change a draft: the whole form, saved through the services in one action.

Obvious gaps and every refusal of the service (overlap, partner not filed, slots…) are shown under the form,
in the user's language, and the dialog stays open.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from ...domain.errors import DomainError
from ...messages import describe
from ...services import agreement_queries as aq
from ...services import agreements
from ...services.agreements import AgreementRow
from ..i18n import current_language
from ..operations import run_command
from ..partners.widgets import ErrorLabel
from .agreement_form import AgreementForm


class AgreementDialog(QDialog):
    """``saved(AgreementRow)`` after the service accepted it."""

    saved = Signal(object)

    def __init__(self, session, row: AgreementRow | None = None, parent: QWidget | None = None, *,  # noqa: ANN001
                 community_id: int | None = None) -> None:
        super().__init__(parent)
        self.session, self.row = session, row
        self.setWindowTitle(self.tr("New space-use agreement") if row is None
                            else self.tr("Change draft %1").replace("%1", row.number))
        self.form = AgreementForm(session, self)
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        if row is None:
            self.form.load_choices(community_id)
        else:
            self.form.set_row(row, aq.agreement_row(session.ws, row.id))
        self.form._show_split()
        self.resize(720, 560)

    def save_button(self):  # noqa: ANN201
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def save(self) -> None:
        gap = self.form.missing()
        if gap is not None:
            widget, text = gap
            self.error.show_text(text)
            widget.setFocus()
            return
        try:
            data = self.form.value()
        except DomainError as err:
            self.error.show_text(describe(err, current_language()))
            return
        ws, row = self.session.ws, self.row
        if row is None:
            work = lambda: agreements.create(ws, data)  # noqa: E731
        else:
            work = lambda: agreements.update_draft(ws, row.id, row.version, data)  # noqa: E731
        self.error.show_text("")
        run_command(self, work, on_done=self._saved, on_error=self._refused)

    def _refused(self, err: DomainError) -> bool:
        self.error.show_text(describe(err, current_language()))
        return True

    def _saved(self, outcome) -> None:  # noqa: ANN001
        self.saved.emit(outcome.value)
        self.accept()
