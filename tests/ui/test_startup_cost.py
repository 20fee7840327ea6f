"""Start-up stays light: the first window pulls in no chart, PDF or spreadsheet library."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

SCRIPT = """
import json, os, sys, time
t0 = time.perf_counter()
from partnerdesk import app, settings
from partnerdesk.services import accounts
from partnerdesk.services.workspace import open_workspace
qt = app.create_application([])
s = settings.load()
ws = open_workspace(settings.database_url_from(None), backup_dir=s.resolved_backup_dir())
accounts.init_office(ws, "admin", "admin-pass-1", "区", "街道")
accounts.login(ws, "admin", "admin-pass-1")
window = app.show_main_window(ws, s, app.make_launcher(s))
qt.processEvents()
elapsed = time.perf_counter() - t0
heavy = sorted(m for m in ("matplotlib", "reportlab", "openpyxl") if m in sys.modules)
window.close()
print(json.dumps({"heavy": heavy, "seconds": elapsed}))
"""


def test_first_window_imports_no_heavy_library(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PARTNERDESK_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["heavy"] == [], f"imported at start-up: {result['heavy']}"


# -- what the start-up benchmark measures (app.benchmark_startup) must stay lean --------------------------------

SETUP = """
import sys
from partnerdesk.services import accounts
from partnerdesk.services.workspace import open_workspace
ws = open_workspace(sys.argv[1])
accounts.init_office(ws, "admin", "admin-pass-1", "区", "街道")
ws.close()
"""

START = """
import gc, json, os, sys, threading
from partnerdesk import app
from partnerdesk.services import signin

threads = []
verify = signin.verify


def spy(pw_hash, password):
    threads.append(threading.current_thread().name)
    return verify(pw_hash, password)


signin.verify = spy
window, ws = app.benchmark_startup(sys.argv[1], "admin", "admin-pass-1")
from PySide6.QtWidgets import QApplication

QApplication.processEvents()
feature = sys.modules.get("PySide6.support.feature")
verdicts = getattr(feature, "pyside_feature_dict", {})
result = {"modules": sorted(sys.modules), "order": list(sys.modules),
          "verdicts": {m: verdicts.get(m) for m in ("partnerdesk.services.signin",
                                                     "partnerdesk.messages", "partnerdesk.ui.main_window")},
          "verify_threads": threads, "visible": window.isVisible(),
          "page": window.current_page().objectName(), "user": window.session.actor.username,
          "gc": gc.isenabled()}
window.bus.wait()
from PySide6.QtCore import QEventLoop, QTimer
from partnerdesk.ui.main_window import WARM_UP_MS

import time

idle = QEventLoop()
QTimer.singleShot(WARM_UP_MS, idle.quit)
idle.exec()
deadline = time.monotonic() + 30  # SQLAlchemy loads on a worker thread, then the models here
while "partnerdesk.db.models.core" not in sys.modules and time.monotonic() < deadline:
    QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    time.sleep(0.01)
result["warmed_up"] = [m for m in ("sqlalchemy.orm", "partnerdesk.db.models.core") if m in sys.modules]
result["engine"] = ws.bound_engine is not None
result["late_verdicts"] = {m: verdicts.get(m) for m in ("sqlalchemy.orm", "sqlalchemy.sql.compiler")}
print(json.dumps(result), flush=True)
os._exit(0)
"""

# Only when first needed: chart/PDF/spreadsheet libraries, Alembic (the schema is current), SQLAlchemy, the ORM and
# every mapped class (start-up signs in and reads the Overview through sqlite3: db.plain; the window loads SQLAlchemy
# once idle), the
# dialogs behind menus and the login dialog (start-up signs in directly here), demo generators, every capability's
# invariants.
NOT_AT_START = ("matplotlib", "reportlab", "openpyxl", "pypdf", "alembic", "sqlalchemy", "partnerdesk.db.models",
                "partnerdesk.db.engine", "partnerdesk.db.tables",
                "partnerdesk.services.accounts", "partnerdesk.services.org", "partnerdesk.documents",
                "partnerdesk.reports", "partnerdesk.charts", "partnerdesk.services.demo",
                "partnerdesk.services.invariants", "partnerdesk.ui.dialogs.login", "partnerdesk.ui.dialogs.first_run",
                "partnerdesk.ui.dialogs.settings_dialog", "partnerdesk.ui.dialogs.passwords",
                "partnerdesk.ui.restore_flow", "partnerdesk.db.models.partner_records")


def _run(script: str, args: list[str], home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PARTNERDESK_HOME": str(home)}
    return subprocess.run([sys.executable, "-c", script, *args], env=env, capture_output=True, text=True,
                          timeout=120, cwd=Path(__file__).resolve().parents[2])


def test_benchmarked_start_up_loads_only_the_first_page_and_verifies_off_the_gui_thread(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'pd.sqlite3'}"
    done = _run(SETUP, [url], tmp_path / "home")
    assert done.returncode == 0, done.stderr[-3000:]
    done = _run(START, [url], tmp_path / "home")
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["visible"] and result["page"] == "page_dashboard" and result["user"] == "admin"
    assert result["verify_threads"] == ["pd-sign-in"], "Argon2 runs beside the window being built"
    assert result["gc"], "the garbage collector runs again once the window is shown"
    loaded = [m for m in result["modules"] if any(m == n or m.startswith(n + ".") for n in NOT_AT_START)]
    assert loaded == [], f"imported at start-up: {loaded}"
    assert result["warmed_up"] == ["sqlalchemy.orm", "partnerdesk.db.models.core"], "the ORM loads once idle"
    assert result["engine"], "and the engine is made"
    other_pages = [m for m in result["modules"] if re.fullmatch(r"partnerdesk\.ui\.\w+\.page", m)]
    assert other_pages == [], f"pages built before they are shown: {other_pages}"
    # PySide6 reads the source of every module imported after it (app.PRELOAD): ours outside the UI come first
    order = result["order"]
    after_qt = order[order.index("PySide6.QtCore"):]
    late = [m for m in after_qt if m.startswith("partnerdesk.") and not m.startswith("partnerdesk.ui")]
    assert late == [], f"add these to app.PRELOAD: {late}"
    if any(v is not None for v in result["verdicts"].values()):  # this PySide6 keeps its verdicts there
        assert result["verdicts"]["partnerdesk.messages"] == -1
        assert result["verdicts"]["partnerdesk.ui.main_window"] == 0, "a module that uses PySide6 is still read"
        assert result["late_verdicts"] == {"sqlalchemy.orm": -1, "sqlalchemy.sql.compiler": -1}


REGISTRY = """
import json, sys
from partnerdesk.domain.roles import Actor, Role
from partnerdesk.ui.pages.registry import pages_for
specs = pages_for(Actor(1, "admin", Role.ADMIN))
print(json.dumps({"keys": [s.key for s in specs], "modules": sorted(sys.modules)}))
"""


def test_registering_pages_imports_no_page(tmp_path: Path) -> None:
    """Each capability adds its page to the registry; a factory imports its page module when first shown."""
    done = _run(REGISTRY, [], tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert "dashboard" in result["keys"] and len(result["keys"]) > 1
    pages = [m for m in result["modules"]
             if re.fullmatch(r"partnerdesk\.ui\.\w+\.page", m) or m == "partnerdesk.ui.pages.dashboard"]
    assert pages == [], f"imported by the registry: {pages}"
