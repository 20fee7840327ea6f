"""The native preload of Qt's libraries (partnerdesk.qtpreload): which files, when, and that Qt runs after it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from partnerdesk import qtpreload

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("environ", "plugin"), [
    ({"QT_QPA_PLATFORM": "offscreen"}, "offscreen"),
    ({"QT_QPA_PLATFORM": "xcb:nodpi", "DISPLAY": ":0"}, "xcb"),
    ({"QT_QPA_PLATFORM": "wayland;xcb"}, "wayland"),
    ({"DISPLAY": ":1"}, "xcb"),
    ({"WAYLAND_DISPLAY": "wayland-0"}, "wayland"),
    ({"DISPLAY": ":1", "WAYLAND_DISPLAY": "wayland-0"}, "xcb"),
    ({}, "xcb"),
])
def test_the_platform_plugin_is_the_one_qt_will_choose(environ, plugin):
    assert qtpreload.platform_plugin(environ) == plugin


def test_the_files_are_pysides_own_modules_the_platform_plugin_and_the_svg_icon_engine():
    files = qtpreload.native_files({"QT_QPA_PLATFORM": "offscreen"})
    names = [f.name for f in files]
    assert all(f.is_file() for f in files)
    for module in qtpreload.MODULES:
        assert any(n.startswith(module + ".") and n.endswith(".so") for n in names), names
    assert "libqoffscreen.so" in names and "libqsvgicon.so" in names
    assert qtpreload.native_files({"QT_QPA_PLATFORM": "no-such-platform"}) == [
        f for f in files if f.name != "libqoffscreen.so"]


PRELOAD = """
import json, sys
from partnerdesk import qtpreload

worker = qtpreload.start({"QT_QPA_PLATFORM": "offscreen", **dict(a.split("=", 1) for a in sys.argv[1:])})
if worker is not None:
    worker.join()
mapped = open("/proc/self/maps").read()
before = {"worker": worker is not None, "pyside_imported": "PySide6.QtCore" in sys.modules,
          "qtcore_mapped": "libQt6Core.so" in mapped, "plugin_mapped": "libqoffscreen.so" in mapped}
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(["t"])
label = QLabel("社区合伙人工作台")
width = label.fontMetrics().horizontalAdvance(label.text())
print(json.dumps({**before, "again": qtpreload.start() is None, "text_width": width}))
"""


def _preload(*args: str) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", PRELOAD, *args], env=env, capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the preload is Linux-only")
def test_the_libraries_are_loaded_before_pyside_is_imported_and_qt_then_works():
    result = _preload()
    assert result["worker"] and not result["pyside_imported"]
    assert result["qtcore_mapped"] and result["plugin_mapped"]
    assert result["again"], "once PySide6 is imported there is nothing left to preload"
    assert result["text_width"] > 0, "Chinese text is measured with fontconfig initialised by the preload"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the preload is Linux-only")
def test_the_preload_can_be_switched_off():
    result = _preload("PARTNERDESK_QT_PRELOAD=0")
    assert not result["worker"] and not result["qtcore_mapped"]
    assert result["text_width"] > 0
