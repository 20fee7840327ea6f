"""PySide6 6.12.0 aborts on Python 3.11 in a tight setText loop (none_dealloc); keep it out.

The loop runs in a subprocess so that an abort fails this test instead of killing pytest.
"""

from __future__ import annotations

import os
import subprocess
import sys

import PySide6

CRASH_LOOP = """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for i in range(20000):
    label.setText(str(i))
print("survived")
"""


def test_label_set_text_loop_survives_offscreen() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", CRASH_LOOP], env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "survived" in done.stdout


def test_pyside_is_not_the_release_that_aborts_on_python_311() -> None:
    if sys.version_info[:2] == (3, 11):
        assert PySide6.__version__ != "6.12.0", "PySide6 6.12.0 aborts on Python 3.11: pin <6.12"
