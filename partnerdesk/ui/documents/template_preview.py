"""The template editor's live preview: rendering off the GUI thread, newest request only."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal

from ...services import templates


class PreviewWorker(QObject):
    """Renders on a one-thread pool; only the newest request is drawn (older ones are dropped unstarted)."""

    ready = Signal(int, bytes)
    failed = Signal(int, object)
    _landed = Signal(int, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.generation = 0
        self.busy = False
        self.pending: tuple[int, dict, dict] | None = None
        self._landed.connect(self._on_landed, Qt.ConnectionType.QueuedConnection)

    def request(self, raw: dict, data: dict) -> int:
        self.generation += 1
        self.pending = (self.generation, raw, data)
        self._kick()
        return self.generation

    def _kick(self) -> None:
        if self.busy or self.pending is None:
            return
        gen, raw, data = self.pending
        self.pending, self.busy = None, True
        self.pool.start(lambda: self._run(gen, raw, data))

    def _run(self, gen: int, raw: dict, data: dict) -> None:  # worker thread: no widgets here
        try:
            self._landed.emit(gen, templates.preview(raw, data), None)
        except Exception as exc:  # noqa: BLE001 - shown in the dialog
            self._landed.emit(gen, b"", exc)

    def _on_landed(self, gen: int, pdf: object, err: object) -> None:
        self.busy = False
        if gen == self.generation:
            if err is None:
                self.ready.emit(gen, pdf)
            else:
                self.failed.emit(gen, err)
        self._kick()

    def wait(self, msecs: int = 10000) -> bool:
        return self.pool.waitForDone(msecs)
