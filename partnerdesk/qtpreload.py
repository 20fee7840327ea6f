"""Qt's shared libraries and fontconfig's configuration, loaded on a worker thread while the app starts (Linux).

Importing PySide6 maps and relocates Qt Core, Gui and Widgets, ICU and PySide's own modules; creating the window
loads a platform plugin and the SVG icon engine; the first text Qt lays out reads fontconfig's configuration and
caches. That is C work (relocating ≈ 60 MB of libraries, touching their pages), but done by the import system or a
Qt call it holds Python's GIL on the main thread. Called through ctypes instead (``dlopen``, ``FcInit``: foreign calls release the GIL), the same
work runs on a second core while the main thread imports SQLAlchemy; PySide6 then finds the libraries already
loaded (``dlopen`` of a loaded file only counts a reference) and Qt finds fontconfig initialised. Measured on the
district demo's start: 0.650 → 0.607 s (median of 12 interleaved fresh processes each, 2-core machine).

It only ever loads files PySide6 itself would load; whatever is not found is skipped, and on other systems nothing
happens: the main thread then does the work itself, as it would have anyway.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Mapping
from importlib.util import find_spec
from pathlib import Path

log = logging.getLogger(__name__)

MODULES = ("QtCore", "QtGui", "QtWidgets")  # what the first window imports (each pulls in its Qt libraries)
FONTCONFIG = "libfontconfig.so.1"


def platform_plugin(environ: Mapping[str, str]) -> str:
    """The platform plugin Qt will choose: QT_QPA_PLATFORM (without its options), else X11, else Wayland."""
    chosen = environ.get("QT_QPA_PLATFORM", "").split(":", 1)[0].split(";", 1)[0].strip()
    if chosen:
        return chosen
    return "xcb" if environ.get("DISPLAY") or not environ.get("WAYLAND_DISPLAY") else "wayland"


def _package_dir(name: str) -> Path | None:
    try:
        spec = find_spec(name)  # finds the package without running it
    except (ImportError, ValueError):
        return None
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    return Path(locations[0]) if locations else None


def native_files(environ: Mapping[str, str]) -> list[Path]:
    """PySide6's extension modules for the first window, the platform plugin and the SVG icon engine, as installed."""
    pyside, shiboken = _package_dir("PySide6"), _package_dir("shiboken6")
    if pyside is None:
        return []
    files = sorted(shiboken.glob("Shiboken*.so")) if shiboken is not None else []
    for module in MODULES:
        files += sorted(pyside.glob(f"{module}.*so"))
    plugins = pyside / "Qt" / "plugins"
    files += [plugins / "platforms" / f"libq{platform_plugin(environ)}.so", plugins / "iconengines" / "libqsvgicon.so"]
    return [f for f in files if f.is_file()]


def _load(environ: Mapping[str, str]) -> None:
    import ctypes  # here, on the worker: its import is work the main thread need not do

    try:
        files = native_files(environ)
        libc = ctypes.CDLL(None)
        dlopen = libc.dlopen
        dlopen.restype, dlopen.argtypes = ctypes.c_void_p, [ctypes.c_char_p, ctypes.c_int]
        for file in files:
            if not dlopen(os.fsencode(file), os.RTLD_NOW):
                log.debug("could not preload %s", file)
        ctypes.CDLL(FONTCONFIG).FcInit()
    except (OSError, AttributeError) as exc:  # another C library, no fontconfig: Qt does it all itself
        log.debug("Qt preload stopped: %s", exc)


def start(environ: Mapping[str, str] = os.environ) -> threading.Thread | None:
    """Begin loading on a worker thread; join it before Qt starts (Qt must not start fontconfig while the worker may
    still be in it). None where there is nothing to do: not Linux, PySide6 already imported, or switched off
    (``PARTNERDESK_QT_PRELOAD=0``)."""
    if not sys.platform.startswith("linux") or "PySide6.QtCore" in sys.modules:
        return None
    if environ.get("PARTNERDESK_QT_PRELOAD") == "0":
        return None
    worker = threading.Thread(target=_load, args=(dict(environ),), name="pd-qt-preload", daemon=True)
    worker.start()
    return worker
