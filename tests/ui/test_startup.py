"""Start-up: first run, signing in, and the conversations for a busy, newer or damaged database."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from partnerdesk import paths
from partnerdesk import settings as settings_mod
from partnerdesk.app import main, make_launcher
from partnerdesk.services import accounts, maintenance, org
from partnerdesk.services.workspace import open_workspace
from partnerdesk.ui.dialogs.first_run import FirstRunDialog
from partnerdesk.ui.dialogs.login import LoginDialog
from partnerdesk.ui.main_window import MainWindow
from tests.ui.support import answer_modal, press_ok, when_shown

ADMIN_PW = "admin-pass-1"


def fill_first_run(dialog: FirstRunDialog, demo: str = "") -> None:
    dialog.district.setText("渝中区")
    dialog.street.setText("石油路街道")
    dialog.username.setText("chief")
    dialog.password.setText(ADMIN_PW)
    dialog.confirm.setText(ADMIN_PW)
    dialog.demo.setCurrentIndex(dialog.demo.findData(demo))
    press_ok(dialog)


def test_first_run_dialog_creates_the_administrator(qtbot, bare_ws, boxes) -> None:
    dialog = FirstRunDialog(bare_ws)
    qtbot.addWidget(dialog)
    dialog.password.setText(ADMIN_PW)
    dialog.confirm.setText("something-else-1")
    press_ok(dialog)
    assert dialog.problem.text() == "The two passwords differ."
    assert not accounts.is_initialised(bare_ws)
    fill_first_run(dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert accounts.is_initialised(bare_ws)
    assert bare_ws.actor is not None and bare_ws.actor.username == "chief"
    assert org.office(bare_ws).street == "石油路街道"


def test_first_run_refusal_keeps_the_dialog_open(qtbot, bare_ws, boxes) -> None:
    dialog = FirstRunDialog(bare_ws)
    qtbot.addWidget(dialog)
    dialog.password.setText("short")
    dialog.confirm.setText("short")
    press_ok(dialog)  # no district, no street, weak password: the service refuses
    assert boxes.shown and dialog.result() != dialog.DialogCode.Accepted
    assert not accounts.is_initialised(bare_ws)


def test_login_refuses_a_wrong_password_in_chinese(qtbot, ws, zh) -> None:
    accounts.logout(ws)
    dialog = LoginDialog(ws)
    qtbot.addWidget(dialog)
    dialog.username.setText("admin")
    dialog.password.setText("wrong-password-1")
    press_ok(dialog)
    assert dialog.problem.text() == "用户名或密码不正确。"
    assert dialog.result() != dialog.DialogCode.Accepted and ws.actor is None
    assert dialog.windowTitle().startswith("登录")
    dialog.password.setText(ADMIN_PW)
    press_ok(dialog)
    assert dialog.result() == dialog.DialogCode.Accepted and ws.actor.username == "admin"


def _sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'office.sqlite3'}"


def _initialised_db(url: str, backup_dir: Path) -> None:
    ws = open_workspace(url, backup_dir=backup_dir)
    accounts.init_office(ws, "admin", ADMIN_PW, "渝中区", "石油路街道")
    ws.close()


def test_a_database_in_use_opens_read_only(qtbot, tmp_path, boxes) -> None:
    settings = settings_mod.load()
    url = _sqlite_url(tmp_path)
    _initialised_db(url, settings.resolved_backup_dir())
    holder = open_workspace(url)
    try:
        ws = make_launcher(settings).open(None, url)
        assert ws is not None and ws.read_only
        assert "使用" in boxes.texts() or "in use" in boxes.texts()
        ws.close()
    finally:
        holder.close()


def test_a_newer_schema_opens_read_only(qtbot, tmp_path, boxes) -> None:
    settings = settings_mod.load()
    url = _sqlite_url(tmp_path)
    _initialised_db(url, settings.resolved_backup_dir())
    with sqlite3.connect(tmp_path / "office.sqlite3") as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    ws = make_launcher(settings).open(None, url)
    assert ws is not None and ws.read_only
    ws.close()


def test_a_damaged_file_is_quarantined_and_the_newest_backup_restored(qtbot, tmp_path, boxes) -> None:
    settings = settings_mod.load()
    url, db = _sqlite_url(tmp_path), tmp_path / "office.sqlite3"
    _initialised_db(url, settings.resolved_backup_dir())
    ws = open_workspace(url, backup_dir=settings.resolved_backup_dir())
    accounts.login(ws, "admin", ADMIN_PW)
    maintenance.backup_now(ws)
    ws.close()
    db.write_bytes(b"\0" * 4096 + db.read_bytes()[4096:])  # a zeroed header
    ws = make_launcher(settings).open(None, url)
    assert ws is not None and not ws.read_only
    assert accounts.is_initialised(ws)
    ws.close()
    assert any(paths.quarantine_dir().iterdir()), "a copy of the damaged file is kept"


def test_a_damaged_file_without_backup_says_so(qtbot, tmp_path, boxes) -> None:
    db = tmp_path / "office.sqlite3"
    db.write_bytes(b"PK\x03\x04 this is a spreadsheet, not a database" * 100)
    original = db.read_bytes()
    assert make_launcher(settings_mod.load()).open(None, _sqlite_url(tmp_path)) is None
    assert db.read_bytes() == original
    assert "backup" in boxes.texts().lower() or "备份" in boxes.texts()


def test_main_runs_first_run_then_the_window(qtbot, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    db = tmp_path / "new.sqlite3"

    answer_modal(fill_first_run)
    when_shown(MainWindow, lambda w: w.close())
    assert main(["--db", str(db), "--lang", "en"]) == 0
    assert str(db.resolve()) in settings_mod.load().recent_databases[0]
    backups = list(settings_mod.load().resolved_backup_dir().glob("*.sqlite3"))
    assert any("exit" in p.name for p in backups)


def test_a_restart_closes_as_on_exit_then_starts_again_without_the_one_run_language(qtbot, tmp_path,
                                                                                     monkeypatch) -> None:
    import partnerdesk.app as app_mod

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    db = tmp_path / "new.sqlite3"
    started: list[list[str]] = []
    monkeypatch.setattr(app_mod, "relaunch", lambda command: started.append(command) or True)
    monkeypatch.setattr(sys, "orig_argv", ["python", "-m", "partnerdesk", "--lang", "en", "--db", str(db)])
    answer_modal(fill_first_run)
    when_shown(MainWindow, lambda w: w.restart())
    assert main(["--db", str(db), "--lang", "en"]) == 0
    assert started == [[sys.executable, "-m", "partnerdesk", "--db", str(db)]]
    backups = list(settings_mod.load().resolved_backup_dir().glob("*.sqlite3"))
    assert any("exit" in p.name for p in backups), "closed as on exit"
    again = open_workspace(f"sqlite:///{db}")  # the lock is released for the next PartnerDesk
    assert not again.read_only
    again.close()


def test_restart_command_drops_only_the_one_run_language() -> None:
    from partnerdesk.app import restart_command

    assert restart_command("/py", ["python", "/venv/bin/partnerdesk", "--lang=en", "--db", "x.db"]) == \
        ["/py", "/venv/bin/partnerdesk", "--db", "x.db"]
    assert restart_command("/opt/PartnerDesk.exe", ["PartnerDesk.exe"]) == ["/opt/PartnerDesk.exe"]


def test_relaunch_starts_a_process_that_outlives_the_call(qtbot, tmp_path) -> None:
    from partnerdesk.app import relaunch

    mark = tmp_path / "started.txt"
    assert relaunch([sys.executable, "-c", f"open({str(mark)!r}, 'w').write('ok')"])
    qtbot.waitUntil(lambda: mark.exists() and mark.read_text() == "ok", timeout=20_000)
    assert not relaunch([str(tmp_path / "no-such-program")])


def test_without_a_display_one_clear_line_and_exit_code_2(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PARTNERDESK_HOME"] = str(tmp_path)
    done = subprocess.run([sys.executable, "-c", "import sys; from partnerdesk.app import main; "
                           "sys.exit(main([]))"], env=env, capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "xvfb-run" in lines[0] and "display" in lines[0]
    assert not (tmp_path / "partnerdesk.sqlite3").exists()


@pytest.mark.skipif(sys.platform != "linux", reason="the display check is for Linux")
def test_has_display_rules() -> None:
    from partnerdesk.app import has_display

    assert not has_display({}, "linux")
    assert has_display({"DISPLAY": ":0"}, "linux")
    assert has_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert has_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert has_display({}, "win32")


def test_dialog_tab_order_follows_the_form(qtbot, bare_ws) -> None:
    dialog = FirstRunDialog(bare_ws)
    qtbot.addWidget(dialog)
    expected = [dialog.district, dialog.street, dialog.username, dialog.display_name, dialog.password,
                dialog.confirm, dialog.demo]
    chain, widget = [], dialog.district
    for _ in range(len(expected)):
        chain.append(widget)
        widget = widget.nextInFocusChain()
        while widget not in expected and widget is not dialog.district:
            widget = widget.nextInFocusChain()
    assert chain == expected
