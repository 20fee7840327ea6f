"""Shared by both start-up scripts: wait until Qt has drained its event queue (window exposed and painted)."""

from __future__ import annotations


def wait_until_idle() -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    app.processEvents()
    loop = QEventLoop()
    QTimer.singleShot(0, loop.quit)  # a zero timer fires once every pending event has been handled
    loop.exec()
    app.processEvents()


def visible_main_windows() -> list:
    from PySide6.QtWidgets import QApplication, QMainWindow

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]


def report(t0: float) -> None:
    """Print the figure the benchmark parses, then leave without Qt/SQLAlchemy teardown (not measured)."""
    import os
    import sys
    import time

    elapsed = time.perf_counter() - t0
    if not visible_main_windows():
        print("NO_WINDOW: no visible QMainWindow after start-up", flush=True)
        sys.stderr.flush()
        os._exit(4)
    print(f"STARTUP_SECONDS={elapsed:.4f}", flush=True)
    sys.stderr.flush()
    os._exit(0)
