"""Baseline for the start-up figure: `import sqlalchemy.orm` plus an empty PySide6 QMainWindow shown.

Run in a fresh process by test_bench_startup.py; prints STARTUP_SECONDS=<seconds since the top of this file>.
"""

import time

T0 = time.perf_counter()

import sqlalchemy.orm  # noqa: E402,F401  - part of what is measured
from _idle import report, wait_until_idle  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

app = QApplication([])
window = QMainWindow()
window.resize(1280, 800)
window.show()
wait_until_idle()
report(T0)
