"""Start-up verifies the password on a worker thread while the hidden frame of the main window is built: the
window gets a session and is shown only after the sign-in succeeded; a refusal shows nothing and is recorded
and counted exactly as a refusal in the login dialog."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from partnerdesk.app import SignIn, make_launcher, show_main_window
from partnerdesk.domain.errors import DomainError
from partnerdesk.services import accounts, audit_queries
from partnerdesk.ui.main_window import MainWindow

ADMIN_PW = "admin-pass-1"


def _visible_main_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_a_refused_sign_in_shows_nothing_and_is_recorded(qtbot, ws, ui_settings) -> None:
    accounts.logout(ws)
    before = _visible_main_windows()
    signing_in = SignIn(lambda: accounts.login(ws, "admin", "wrong-password-1"))
    with pytest.raises(DomainError) as err:
        show_main_window(ws, ui_settings, make_launcher(ui_settings), signing_in)
    assert err.value.code == "auth.bad_credentials"
    assert ws.actor is None
    assert _visible_main_windows() == before
    accounts.login(ws, "admin", ADMIN_PW)
    failed = audit_queries.list_entries(ws, audit_queries.AuditFilter(action="login_failed"))
    assert [e.action for e in failed] == ["login_failed"] and "password" in failed[0].after
    users = {u.username: u for u in accounts.list_users(ws)}
    assert users["admin"].locked_until is None  # one failure: counted, not locked; the success reset it


def test_the_window_is_shown_signed_in_once_the_password_is_verified(qtbot, ws, ui_settings) -> None:
    accounts.logout(ws)
    signing_in = SignIn(lambda: accounts.login(ws, "admin", ADMIN_PW))
    window = show_main_window(ws, ui_settings, make_launcher(ui_settings), signing_in)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    assert window.session.actor.username == "admin"
    assert window.current_page().objectName() == "page_dashboard"
    assert "admin" in window.user_label.text()
    window.bus.wait()


def test_the_frame_has_no_session_and_refuses_a_workspace_nobody_signed_in_to(qtbot, ws, ui_settings) -> None:
    frame = MainWindow(None, ui_settings, make_launcher(ui_settings))
    qtbot.addWidget(frame)
    assert frame.session is None and frame.pages == [] and frame.nav.count() == 0
    accounts.logout(ws)
    with pytest.raises(ValueError):
        frame.attach(ws)
    assert frame.session is None and frame.pages == []


def test_the_garbage_collector_runs_again_whatever_start_up_ends_with(qtbot, tmp_path, monkeypatch) -> None:
    """Start-up pauses the cyclic GC (app.pause_gc); a cancelled first run, like a shown window, resumes it."""
    import gc
    import sys

    from partnerdesk.app import main, pause_gc, resume_gc
    from tests.ui.support import answer_modal

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    answer_modal(lambda dialog: dialog.reject())  # the first-run dialog: cancelled
    assert main(["--db", str(tmp_path / "new.sqlite3"), "--lang", "en"]) == 1
    assert gc.isenabled()
    pause_gc()
    assert not gc.isenabled()
    resume_gc()
    assert gc.isenabled()
    resume_gc()  # a no-op once running
    assert gc.isenabled()
