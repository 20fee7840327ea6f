"""After an upgrade, the main window moves the office template versions an earlier release kept on this desktop
into the database (quietly, after the window shows) and says so in the status bar."""

from __future__ import annotations

import json
from pathlib import Path

from partnerdesk import paths
from partnerdesk.app import make_launcher, show_main_window
from partnerdesk.services import templates

FORMS = Path(__file__).resolve().parents[3] / "forms"


def test_the_window_adopts_this_desktops_office_versions_once(qtbot, ws, ui_settings) -> None:
    raw = json.loads((FORMS / "filing.json").read_text(encoding="utf-8"))
    raw["version"], raw["title"] = "2026.1-office.2", "备案书（本机旧版）"
    folder = paths.desktop_forms_dir()
    folder.mkdir(parents=True)
    (folder / "filing.json").write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")

    window = show_main_window(ws, ui_settings, make_launcher(ui_settings))
    qtbot.addWidget(window)
    notes: list[str] = []
    window.statusBar().messageChanged.connect(notes.append)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: any("moved into the database" in n for n in notes), timeout=20000)
    window.bus.wait()
    entry = {e.kind: e for e in templates.list_templates(ws)}["filing"]
    assert (entry.origin, entry.version) == ("office", "2026.1-office.2")
    assert templates.load_for_editing(ws, "filing").raw["title"] == "备案书（本机旧版）"
    assert not (folder / "filing.json").exists() and len(list((folder / "archive").iterdir())) == 1
