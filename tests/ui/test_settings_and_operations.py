"""The settings dialog, the About box, and the operation runner's promises."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from partnerdesk import settings as settings_mod
from partnerdesk.domain.errors import DomainError
from partnerdesk.services.changes import Changes, Outcome
from partnerdesk.ui import operations
from partnerdesk.ui.operations import OperationBus, run_and_wait, run_command
from tests.ui.support import answer_modal, press_ok

CTRL = Qt.KeyboardModifier.ControlModifier


def test_settings_dialog_saves_language_backup_folder_and_retention(qtbot, window, tmp_path, boxes) -> None:
    folder = tmp_path / "elsewhere"
    boxes.answer = QMessageBox.StandardButton.No  # a new language: the restart offered is declined here

    def fill(dialog) -> None:  # noqa: ANN001
        assert dialog.language.currentData() == "zh_CN"  # the default
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.backup_dir.setText(str(folder))
        dialog.keep_daily.setValue(10)
        assert dialog.print_profile.currentText() == "GB/T 9704-2012"
        press_ok(dialog)

    answer_modal(fill)
    qtbot.keyClick(window, Qt.Key.Key_Comma, CTRL)
    saved = settings_mod.load()
    assert (saved.language, saved.backup_dir, saved.keep_daily) == ("en", str(folder), 10)
    if window.session.ws.is_sqlite:
        assert window.session.ws.backup_dir == folder
    assert [kind for kind, _ in boxes.shown] == ["question"] and "Restart now?" in boxes.texts()
    assert window.isVisible() and not window.restart_requested


def test_a_new_language_offers_a_restart_that_closes_as_on_exit(qtbot, window, boxes) -> None:
    answer_modal(press_ok)  # the language as it was: nothing to offer
    qtbot.keyClick(window, Qt.Key.Key_Comma, CTRL)
    assert not boxes.shown and window.isVisible()

    def fill(dialog) -> None:  # noqa: ANN001
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        press_ok(dialog)

    answer_modal(fill)
    window.menus.edit_settings()  # boxes answer Yes
    assert [kind for kind, _ in boxes.shown] == ["question"]
    assert window.restart_requested and not window.isVisible()
    assert settings_mod.load().language == "en"


def test_change_own_password_from_the_menu(qtbot, window) -> None:
    from partnerdesk.services import accounts

    def fill(dialog) -> None:  # noqa: ANN001
        dialog.current.setText("admin-pass-1")
        dialog.password.setText("admin-pass-2")
        dialog.confirm.setText("admin-pass-2")
        press_ok(dialog)

    answer_modal(fill)
    window.menus.change_password()
    accounts.login(window.session.ws, "admin", "admin-pass-2")


def test_about_names_the_version(qtbot, window, boxes, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from partnerdesk import __version__

    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    window.menus.about()
    assert __version__ in shown[0]


def test_domain_errors_become_translated_messages(qtbot, boxes, zh) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    finished = []

    def refuse() -> None:
        raise DomainError("org.name_required")

    run_command(parent, refuse, on_finished=lambda: finished.append(True))
    assert boxes.shown == [("warning", "名称不能为空。")] and finished == [True]


def test_unexpected_errors_show_details_and_are_logged(qtbot, boxes, caplog) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    run_command(parent, lambda: 1 / 0)
    assert "ZeroDivisionError" in boxes.texts()
    assert "ZeroDivisionError" in caplog.text


def test_success_announces_the_changes_on_the_window_bus(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    bus = OperationBus(parent)
    child = QWidget(parent)
    seen, done = [], []
    bus.data_changed.connect(seen.append)
    run_command(child, lambda: Outcome(7, Changes.of("org")), on_done=lambda o: done.append(o.value))
    assert done == [7] and seen[0].touches("org")


def test_background_work_runs_off_the_gui_thread_with_a_progress_dialog(qtbot, monkeypatch) -> None:
    import threading

    monkeypatch.setattr(operations, "PROGRESS_DELAY_MS", 20)
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    gui = threading.get_ident()

    def slow() -> Outcome[int]:
        time.sleep(0.3)
        return Outcome(threading.get_ident(), Changes.of("users"))

    seen_progress = []

    def look() -> None:
        if parent.findChildren(QProgressDialog):
            seen_progress.append(True)
        elif not seen_progress:
            QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)
    ok, outcome = run_and_wait(parent, slow, busy_text="…")
    assert ok and outcome.value != gui
    assert seen_progress, "work longer than the delay shows a progress dialog"
    assert not operations.bus_for(parent).busy


def test_a_full_disk_or_a_refused_folder_is_said_plainly_not_as_a_crash(qtbot, window, boxes) -> None:
    import errno

    def full() -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    def refused() -> None:
        raise PermissionError(errno.EACCES, "Permission denied", "/srv/share/报表.xlsx")

    run_command(window, full)
    run_command(window, refused)
    from partnerdesk.messages import describe
    from partnerdesk.ui.i18n import current_language

    language = current_language()
    assert boxes.shown == [
        ("warning", describe(DomainError("fs.disk_full", path="?"), language)),
        ("warning", describe(DomainError("fs.no_permission", path="/srv/share/报表.xlsx"), language)),
    ]
    assert "/srv/share/报表.xlsx" in boxes.shown[1][1]
    assert describe(DomainError("fs.disk_full", path="?"), "zh_CN").startswith("磁盘空间不足")


def test_sqlite_disk_full_and_io_errors_become_messages() -> None:
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from partnerdesk.db.session import translate_db_error

    full = OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full"))
    broken = OperationalError("COMMIT", {}, sqlite3.OperationalError("disk I/O error"))
    other = OperationalError("SELECT", {}, sqlite3.OperationalError("no such table: x"))
    assert translate_db_error(full).code == "db.disk_full"
    assert translate_db_error(broken).code == "db.io_error"
    assert translate_db_error(other) is None


def test_work_that_lands_after_its_window_closed_is_dropped_quietly(qtbot) -> None:
    """A window closed while its background work runs (e.g. during the warm-up after start-up): when the work ends,
    there is no bus or window left to tell, and nothing is raised in the event loop."""
    w = QWidget()
    landed = []
    run_command(w, lambda: time.sleep(0.3) or "done", background=True, quiet=True, on_done=landed.append)
    assert operations.bus_for(w).busy
    w.deleteLater()  # its bus and thread pool go with it (the pool waits for the work first)
    qtbot.wait(50)
    qtbot.wait(600)  # the outcome's queued call arrives and finds the bus gone
    assert landed == []
