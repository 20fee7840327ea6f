"""A form dialog that saves through the operation runner and closes only when the service accepted."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ..operations import run_command


class FormDialog(QDialog):
    """Rows go into ``self.form``. ``submit`` (a service call reading the widgets) runs on OK; its
    result is kept in ``self.outcome``. A refused call shows its message and leaves the dialog open."""

    def __init__(self, title: str, parent: QWidget | None = None, intro: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.submit: Callable[[], Any] | None = None
        self.outcome: Any = None
        self.form = QFormLayout()
        self.problem = QLabel(objectName="formProblem", wordWrap=True, visible=False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        self.intro = QLabel(intro, wordWrap=True, objectName="formIntro", visible=bool(intro))
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def validate(self) -> str:
        """Checks that need no service (e.g. the two passwords agree): a message, or '' when fine."""
        return ""

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def ok_button(self):  # noqa: ANN201
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _on_ok(self) -> None:
        problem = self.validate()
        self.show_problem(problem)
        if problem:
            return
        if self.submit is None:
            self.accept()
            return
        run_command(self, self.submit, on_done=self._saved)

    def _saved(self, outcome: Any) -> None:
        self.outcome = outcome
        self.accept()
