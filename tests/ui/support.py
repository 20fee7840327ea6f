"""Helpers for the UI tests: open the real main window; answer modal dialogs from inside their loop;
record message boxes (only QMessageBox, QFileDialog and QInputDialog are ever patched)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget


def open_window(qtbot, ws, settings):  # noqa: ANN001, ANN201
    from partnerdesk.app import make_launcher, show_main_window

    window = show_main_window(ws, settings, make_launcher(settings))
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    qtbot.wait(1)  # the start-up backup is queued once the window shows
    window.bus.wait()
    return window


def answer_modal(handler: Callable[[QWidget], None], timeout: float = 10.0) -> None:
    """Call ``handler(dialog)`` on the next modal dialog, from inside its ``exec()`` loop."""
    deadline = time.monotonic() + timeout

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if widget is not None and widget.isVisible():
            handler(widget)
        elif time.monotonic() < deadline:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def press_ok(dialog: QDialog) -> None:
    dialog.ok_button().click()


class MessageBoxes:
    """Records QMessageBox calls instead of showing them; answers questions with ``answer``."""

    def __init__(self, monkeypatch, answer=QMessageBox.StandardButton.Yes) -> None:  # noqa: ANN001
        self.shown: list[tuple[str, str]] = []
        self.answer = answer
        for kind in ("warning", "critical", "information"):
            monkeypatch.setattr(QMessageBox, kind, self._record(kind))
        monkeypatch.setattr(QMessageBox, "question", self._question)
        monkeypatch.setattr(QMessageBox, "exec", lambda box: self._exec(box))

    def _record(self, kind: str):  # noqa: ANN202
        def show(parent, title, text, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
            self.shown.append((kind, text))
            return QMessageBox.StandardButton.Ok
        return show

    def _question(self, parent, title, text, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        self.shown.append(("question", text))
        return self.answer

    def _exec(self, box: QMessageBox) -> int:
        """Message boxes built by hand: press the accepting button (or record and close)."""
        self.shown.append(("box", box.text() + "\n" + box.detailedText()))
        accept = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
        if accept and self.answer == QMessageBox.StandardButton.Yes:
            accept[0].click()
        return 0

    def texts(self) -> str:
        return "\n".join(text for _kind, text in self.shown)


def when_shown(kind: type, action: Callable[[QWidget], None], timeout: float = 20.0) -> None:
    """Call ``action(window)`` once a visible top-level widget of ``kind`` exists."""
    deadline = time.monotonic() + timeout

    def poll() -> None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        if found:
            action(found[0])
        elif time.monotonic() < deadline:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
