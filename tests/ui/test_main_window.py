"""The real main window, signed in: pages by keyboard, status bar, backups, settings, window state."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from partnerdesk import settings as settings_mod
from partnerdesk.services import accounts, maintenance
from partnerdesk.services.workspace import open_workspace
from partnerdesk.ui.pages.registry import PAGES
from tests.ui.support import open_window

CTRL = Qt.KeyboardModifier.ControlModifier


def test_every_page_by_shortcut_and_the_status_bar(qtbot, demo_window) -> None:
    w = demo_window
    assert len(w.pages) == len(PAGES) >= 2
    for number in range(len(w.pages), 0, -1):
        qtbot.keyClick(w, Qt.Key(Qt.Key.Key_0 + number), CTRL)
        assert w.stack.currentIndex() == number - 1
        assert w.nav.currentRow() == number - 1
        assert w.current_page().isVisible()
    status = " ".join(label.text() for label in (w.user_label, w.db_label, w.backup_label))
    assert "admin" in status and "Administrator" in status
    assert w.session.ws.description[-20:] in w.db_label.toolTip()
    if w.session.ws.is_sqlite:
        assert "At start-up" in w.backup_label.text()  # the start-up backup ran on a worker thread
    dashboard = w.page("dashboard")
    assert dashboard.communities.value.text() == "31"


def test_every_page_name_fits_the_navigation(qtbot, demo_window) -> None:
    """English page names ("Spaces & agreements") are longer than the Chinese ones: none is cut off."""
    w = demo_window
    w.nav.setStyleSheet("font-size: 26px")  # larger than any office's setting: the names need more than the default
    w._build_pages()  # noqa: SLF001 - as after signing in
    qtbot.waitUntil(lambda: w.nav.isVisible())
    QApplication.processEvents()
    fm = w.nav.fontMetrics()
    for row in range(w.nav.count()):
        item = w.nav.item(row)
        assert w.nav.visualItemRect(item).width() >= fm.horizontalAdvance(item.text()) + w.nav.iconSize().width()
    assert w.nav.viewport().width() >= w.nav.sizeHintForColumn(0)
    assert not w.nav.horizontalScrollBar().isVisible()


def test_every_administration_tab_loads(qtbot, demo_window) -> None:
    w = demo_window
    admin = w.go_to("administration")
    assert set(admin.holders) == {"org", "users", "audit", "backups"}
    for key in admin.holders:
        tab = admin.show_tab(key)
        qtbot.keyClick(w, Qt.Key.Key_F5)
        qtbot.keyClick(w, Qt.Key.Key_F, CTRL)
        assert isinstance(QApplication.focusWidget(), QLineEdit) or key == "backups"
        assert tab.isVisible()
    assert admin.tab_pages["users"].model.rowCount() >= 5
    assert admin.tab_pages["audit"].model.rowCount() >= 3


def test_backup_now_shortcut_adds_a_backup(qtbot, window, boxes) -> None:
    ws = window.session.ws
    before = len(maintenance.list_backups(ws.backup_dir)) if ws.backup_dir else 0
    qtbot.keyClick(window, Qt.Key.Key_B, CTRL)
    window.bus.wait()
    if ws.is_sqlite:
        assert len(maintenance.list_backups(ws.backup_dir)) == before + 1
        assert "Manual" in window.backup_label.text()
    else:
        assert "server" in boxes.texts()


def test_a_staff_member_sees_only_what_the_role_allows(qtbot, demo_ws, ui_settings) -> None:
    accounts.login(demo_ws, "staff1", "demo-pass-1")
    w = open_window(qtbot, demo_ws, ui_settings)
    admin = w.page("administration")
    assert set(admin.holders) == {"org", "backups"}
    org_tab = admin.tab_pages["org"]
    assert not org_tab.buttons["add_street"].isEnabled()
    assert "Case officer" in w.user_label.text()


def test_window_geometry_is_saved_and_restored_and_exit_backup_taken(qtbot, window) -> None:
    ws = window.session.ws
    if not ws.is_sqlite:
        pytest.skip("geometry does not depend on the database; reopening needs the SQLite file")
    window.resize(640, 480)  # inside the offscreen screen (800 x 600); the minimum width may win
    size = (window.width(), window.height())
    window.close()
    assert any(p.name.endswith("-exit.sqlite3") for p in ws.backup_dir.iterdir())
    saved = settings_mod.load()
    assert saved.window_geometry and saved.window_state
    again_ws = open_workspace(ws.url, backup_dir=ws.backup_dir)
    again_ws.actor = ws.actor
    again = open_window(qtbot, again_ws, saved)
    assert (again.width(), again.height()) == size
    again.close()


def test_open_another_database_from_the_menu_and_recent_list(qtbot, window, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from tests.ui.support import answer_modal, press_ok

    other = tmp_path / "other.sqlite3"
    other_ws = open_workspace(f"sqlite:///{other}")
    accounts.init_office(other_ws, "clerk", "clerk-pass-1", "渝北区", "龙溪街道")
    other_ws.close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))

    def sign_in(dialog) -> None:  # noqa: ANN001
        dialog.username.setText("clerk")
        dialog.password.setText("clerk-pass-1")
        press_ok(dialog)

    answer_modal(sign_in)
    window.menus.open_database()
    assert window.session.ws.path == other.resolve() and window.session.actor.username == "clerk"
    assert "clerk" in window.user_label.text()
    assert settings_mod.load().recent_databases[0].endswith("other.sqlite3")
    window.menus._fill_recent()
    assert window.menus.recent_menu.actions()[0].text().endswith("other.sqlite3")
