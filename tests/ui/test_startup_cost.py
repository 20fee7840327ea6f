"""Start-up stays light: the first window pulls in no chart, PDF or spreadsheet library."""

from __future__ import annotations

import json
import os
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
