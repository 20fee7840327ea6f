"""The one operation runner every slot goes through (model: Anki's ``aqt.operations.CollectionOp``).

A slot gathers widget values and calls ``run_command(self, lambda: service.action(...))``. The runner
owns the busy cursor, runs long work on a worker thread (which never touches widgets) with a progress
dialog after about a second, turns ``DomainError`` into a translated message, reports anything
unexpected with its details, and on success emits ``data_changed(changes)`` on the window's
:class:`OperationBus` so each page refreshes only what changed.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from ..domain.errors import DomainError, write_problem
from ..messages import describe
from ..services.changes import Changes, Outcome
from .i18n import current_language

log = logging.getLogger(__name__)
PROGRESS_DELAY_MS = 1000

OnDone = Callable[[Any], None]
OnError = Callable[[DomainError], bool]


class OperationBus(QObject):
    """Owned by a window: announces what changed and keeps background work alive until it ends."""

    data_changed = Signal(object)  # services.changes.Changes
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("operationBus")
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._running: set[_Relay] = set()

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = -1) -> bool:
        """Block until background work finishes (shutdown, tests); delivers its results."""
        ok = self.pool.waitForDone(msecs)
        QCoreApplication.sendPostedEvents()
        return ok

    def announce(self, changes: Changes) -> None:
        self.data_changed.emit(changes)

    def _started(self, relay: _Relay) -> None:
        self._running.add(relay)
        if len(self._running) == 1:
            self.busy_changed.emit(True)

    def _ended(self, relay: _Relay) -> None:
        self._running.discard(relay)
        relay.deleteLater()
        if not self._running:
            self.busy_changed.emit(False)


def bus_for(widget: QWidget | None) -> OperationBus:
    """The bus of the nearest window up the parent chain (one is created for a lone dialog)."""
    w = widget
    while w is not None:
        bus = w.findChild(OperationBus, "operationBus", Qt.FindChildOption.FindDirectChildrenOnly)
        if bus is not None:
            return bus
        w = w.parentWidget()
    return OperationBus(widget.window() if widget is not None else None)


def run_command(parent: QWidget | None, fn: Callable[[], Any], *, on_done: OnDone | None = None,
                busy_text: str | None = None, background: bool = False, on_error: OnError | None = None,
                on_finished: Callable[[], None] | None = None, quiet: bool = False) -> None:
    """Run ``fn`` (a service call) for a slot.

    ``on_done(result)`` runs on success after ``data_changed`` was emitted for an ``Outcome``;
    ``on_error(err)`` may take over a ``DomainError`` (return True to suppress the message box);
    ``on_finished()`` runs last either way. ``background`` runs ``fn`` on a worker thread; ``quiet``
    work (the automatic start-up backup) shows neither busy cursor nor progress dialog.
    """
    call = _Call(parent, on_done, on_error, on_finished)
    if background:
        _start_background(call, fn, busy_text, quiet)
        return
    with busy_cursor(not quiet):
        try:
            result = fn()
        except BaseException as exc:  # noqa: BLE001 - every failure is reported, never swallowed
            call.failed(exc)
            return
    call.succeeded(result)


def run_and_wait(parent: QWidget | None, fn: Callable[[], Any], *, busy_text: str | None = None
                 ) -> tuple[bool, Any]:
    """Background ``fn`` with progress dialog, waiting in a local event loop: (ok, result)."""
    box: dict[str, Any] = {}
    loop = QEventLoop()
    run_command(parent, fn, background=True, busy_text=busy_text, on_done=lambda r: box.update(result=r),
                on_finished=loop.quit)
    if not box and bus_for(parent).busy:
        loop.exec()
    return "result" in box, box.get("result")


@contextmanager
def busy_cursor(enabled: bool = True):
    if enabled:
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    try:
        yield
    finally:
        if enabled:
            QApplication.restoreOverrideCursor()


class _Call:
    """What to do with the result of one command, on the GUI thread."""

    def __init__(self, parent: QWidget | None, on_done: OnDone | None, on_error: OnError | None,
                 on_finished: Callable[[], None] | None) -> None:
        self.parent, self.on_done, self.on_error, self.on_finished = parent, on_done, on_error, on_finished
        self.bus = bus_for(parent)

    def succeeded(self, result: Any) -> None:
        try:
            if isinstance(result, Outcome):
                self.bus.announce(result.changes)
            if self.on_done is not None:
                self.on_done(result)
        finally:
            self._finish()

    def failed(self, exc: BaseException) -> None:
        try:
            known = exc if isinstance(exc, DomainError) else write_problem(exc)
            if known is not None:
                if known is not exc:
                    log.warning("write failed", exc_info=exc)
                if self.on_error is None or not self.on_error(known):
                    show_domain_error(self.parent, known)
            else:
                show_crash(self.parent, exc)
        finally:
            self._finish()

    def _finish(self) -> None:
        if self.on_finished is not None:
            self.on_finished()


def show_domain_error(parent: QWidget | None, err: DomainError) -> None:
    # QMessageBox and QProgressDialog are imported where used: their types (and enums) are built on first use.
    from PySide6.QtWidgets import QMessageBox

    log.info("refused: %s", err)
    title = QCoreApplication.translate("Operations", "PartnerDesk")
    QMessageBox.warning(parent, title, describe(err, current_language()))


def show_crash(parent: QWidget | None, exc: BaseException) -> None:
    from PySide6.QtWidgets import QMessageBox

    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    log.error("unexpected error in an operation:\n%s", details)
    text = QCoreApplication.translate(
        "Operations", "Something went wrong and the action was not completed. Nothing was saved "
                      "half-way. The details below are also in the log file.")
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("Operations", "PartnerDesk"), text,
                      parent=parent)
    box.setDetailedText(details)
    box.exec()


class _Relay(QObject):
    """Lives on the GUI thread; the worker only emits ``finished`` (a queued connection)."""

    finished = Signal(bool, object)


def _start_background(call: _Call, fn: Callable[[], Any], busy_text: str | None, quiet: bool) -> None:
    bus = call.bus
    relay = _Relay()
    progress = None if quiet else _delayed_progress(call.parent, busy_text)
    if not quiet:
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)

    def landed(ok: bool, payload: Any) -> None:
        if not quiet:
            QApplication.restoreOverrideCursor()
        if not isValid(bus):  # its window closed while the work ran (e.g. during the warm-up after start-up)
            relay.deleteLater()
            log.info("an operation finished after its window closed; its outcome was not shown")
            return
        if progress is not None:
            progress.finish()
        bus._ended(relay)
        call.succeeded(payload) if ok else call.failed(payload)

    def work() -> None:
        try:
            result = fn()
        except BaseException as exc:  # noqa: BLE001 - carried back to the GUI thread
            _report(relay, False, exc)
            return
        _report(relay, True, result)

    relay.finished.connect(landed, Qt.ConnectionType.QueuedConnection)
    bus._started(relay)
    bus.pool.start(work)


def _report(relay: _Relay, ok: bool, payload: Any) -> None:
    """Hand the outcome to the GUI thread. When the application is already shutting down (the relay's C++ side
    is gone, e.g. the process ends while a start-up backup still runs) nobody is left to tell: that is not a
    crash to show, and the work itself has committed or rolled back on its own."""
    try:
        relay.finished.emit(ok, payload)
    except RuntimeError:
        log.info("an operation finished after the application closed; its outcome was not shown")


class _DelayedProgress(QObject):
    """A busy progress dialog that appears only when the work lasts longer than a second."""

    def __init__(self, parent: QWidget | None, text: str) -> None:
        super().__init__(parent)
        self._parent, self._text, self._dialog = parent, text, None
        self._timer = QTimer(self, singleShot=True, interval=PROGRESS_DELAY_MS)
        self._timer.timeout.connect(self._show)
        self._timer.start()

    def _show(self) -> None:
        from PySide6.QtWidgets import QProgressDialog

        dialog = QProgressDialog(self._text, "", 0, 0, self._parent)
        dialog.setCancelButton(None)
        dialog.setWindowTitle(QCoreApplication.translate("Operations", "PartnerDesk"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.show()
        self._dialog = dialog

    def finish(self) -> None:
        self._timer.stop()
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
        self.deleteLater()


def _delayed_progress(parent: QWidget | None, busy_text: str | None) -> _DelayedProgress:
    return _DelayedProgress(parent, busy_text or QCoreApplication.translate("Operations", "Working…"))
