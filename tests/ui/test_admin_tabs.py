"""The administration tabs driven through their real widgets, on the real services."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from partnerdesk.domain.roles import Role
from partnerdesk.services import accounts, audit_queries, maintenance, org
from tests.ui.support import answer_modal, press_ok


def admin_tab(window, key: str):  # noqa: ANN001, ANN201
    return window.go_to("administration").show_tab(key)


def _select(tab, unit_id: int) -> None:  # noqa: ANN001
    tab.select(unit_id)
    assert tab.selected().id == unit_id


def test_org_add_community_pilot_and_phase(qtbot, window, boxes) -> None:
    tab = admin_tab(window, "org")
    street = next(u for u in org.tree(window.session.ws) if u.kind == "street")
    _select(tab, street.id)

    def name_it(dialog) -> None:  # noqa: ANN001
        dialog.name_edit.setText("金银湾社区")
        dialog.code_edit.setText("C99")
        press_ok(dialog)

    answer_modal(name_it)
    qtbot.mouseClick(tab.buttons["add_community"], Qt.MouseButton.LeftButton)
    added = next(u for u in org.communities(window.session.ws) if u.name == "金银湾社区")
    assert tab.selected().id == added.id and added.parent_id == street.id

    assert tab.buttons["pilot"].isEnabled() and not tab.buttons["pilot"].isChecked()
    qtbot.mouseClick(tab.buttons["pilot"], Qt.MouseButton.LeftButton)
    assert next(u for u in org.communities(window.session.ws) if u.id == added.id).is_pilot
    assert tab.buttons["pilot"].isChecked()

    def enter_review(dialog) -> None:  # noqa: ANN001
        dialog.phase_combo.setCurrentIndex(dialog.phase_combo.findData("review"))
        dialog.date_edit.setDate(QDate(2026, 3, 1))
        press_ok(dialog)

    answer_modal(enter_review)
    qtbot.mouseClick(tab.buttons["phase"], Qt.MouseButton.LeftButton)
    unit = next(u for u in org.communities(window.session.ws) if u.id == added.id)
    assert (unit.phase, unit.phase_since) == ("review", date(2026, 3, 1))
    row = tab.proxy.mapToSource(tab.view.currentIndex())
    assert tab.model.index(row.row(), 3, row.parent()).data() == "Sum up experience"
    assert not boxes.shown


def test_org_rename_history_and_delete(qtbot, window, boxes) -> None:
    ws = window.session.ws
    street = next(u for u in org.tree(ws) if u.kind == "street")
    community = org.add_unit(ws, "community", street.id, "临时社区").value
    tab = admin_tab(window, "org")
    _select(tab, community.id)

    def rename(dialog) -> None:  # noqa: ANN001
        dialog.name_edit.setText("正式社区")
        press_ok(dialog)

    answer_modal(rename)
    tab.buttons["rename"].click()
    assert tab.selected().name == "正式社区"
    answer_modal(lambda dialog: dialog.reject())
    tab.buttons["history"].click()
    tab.buttons["delete"].click()  # the question is answered Yes
    assert all(u.id != community.id for u in org.tree(ws))
    assert any(kind == "question" for kind, _text in boxes.shown)


def test_org_refusal_is_shown_and_the_dialog_stays(qtbot, window, boxes) -> None:
    tab = admin_tab(window, "org")
    district = next(u for u in org.tree(window.session.ws) if u.kind == "district")
    _select(tab, district.id)
    seen = []

    def duplicate(dialog) -> None:  # noqa: ANN001
        dialog.name_edit.setText("石油路街道")  # exists already
        press_ok(dialog)
        seen.append(dialog.isVisible())
        dialog.reject()

    answer_modal(duplicate)
    tab.buttons["add_street"].click()
    assert seen == [True]
    assert "already a unit named" in boxes.texts()


def test_users_add_a_community_worker(qtbot, window, boxes) -> None:
    ws = window.session.ws
    street = next(u for u in org.tree(ws) if u.kind == "street")
    community = org.add_unit(ws, "community", street.id, "金银湾社区").value
    tab = admin_tab(window, "users")

    def fill(dialog) -> None:  # noqa: ANN001
        dialog.username.setText("worker99")
        dialog.display_name.setText("王五")
        dialog.role.setCurrentIndex(dialog.role.findData(Role.COMMUNITY_WORKER.value))
        assert dialog.communities.isEnabled()
        dialog.check_community("金银湾社区")
        dialog.password.setText("worker-pass-1")
        dialog.confirm.setText("worker-pass-1")
        press_ok(dialog)

    answer_modal(fill)
    tab.buttons["add"].click()
    user = next(u for u in accounts.list_users(ws) if u.username == "worker99")
    assert user.role == "community_worker" and user.community_ids == (community.id,)
    assert tab.selected().id == user.id
    assert tab.model.find_row(lambda item: "金银湾社区" in item.communities) >= 0
    assert not boxes.shown


def test_users_deactivate_and_reset_password(qtbot, demo_window, boxes) -> None:
    ws = demo_window.session.ws
    tab = admin_tab(demo_window, "users")
    staff = next(u for u in accounts.list_users(ws) if u.username == "staff1")
    tab.select(staff.id)
    tab.buttons["active"].click()
    assert not next(u for u in accounts.list_users(ws) if u.id == staff.id).active
    assert tab.buttons["active"].text().replace("&", "") == "Activate"

    def new_password(dialog) -> None:  # noqa: ANN001
        dialog.password.setText("fresh-pass-2")
        dialog.confirm.setText("fresh-pass-2")
        press_ok(dialog)

    answer_modal(new_password)
    tab.buttons["password"].click()
    assert any(e.action == "user.reset_password" for e in audit_queries.list_entries(ws, limit=5))


def test_audit_shows_entries_filters_and_verifies(qtbot, demo_window) -> None:
    ws = demo_window.session.ws
    tab = admin_tab(demo_window, "audit")
    assert tab.model.rowCount() == min(200, audit_queries.count_entries(ws))
    assert tab.count_label.text().startswith(str(audit_queries.count_entries(ws)))
    tab.user_filter.setText("system")
    tab.reload()
    assert tab.model.rowCount() >= 1 and all(r.username == "system" for r in tab.model.rows())
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    assert "#" in tab.detail.toPlainText()
    tab.verify_button.click()
    demo_window.bus.wait()
    assert tab.verify_label.text().startswith("✓")


def test_audit_verify_names_the_first_broken_entry(qtbot, window) -> None:
    ws = window.session.ws
    if not ws.is_sqlite:
        pytest.skip("tampering uses the SQLite file directly")
    tab = admin_tab(window, "audit")
    with sqlite3.connect(ws.path) as conn:
        conn.execute("UPDATE audit_log SET after = '{\"forged\": true}' WHERE seq = 1")
    tab.verify_button.click()
    window.bus.wait()
    assert tab.verify_label.text().startswith("✗") and "No. 1" in tab.verify_label.text()


def test_backups_tab_backs_up_checks_and_restores(qtbot, window, boxes, monkeypatch) -> None:
    ws = window.session.ws
    tab = admin_tab(window, "backups")
    tab.check_button.click()
    window.bus.wait()
    assert tab.results.rowCount() >= 3 and tab.check_summary.text().startswith("✓")
    if not ws.is_sqlite:
        assert tab.findChild(type(tab.check_summary), "serverSide") is not None
        return
    count = tab.backups.rowCount()
    tab.backup_button.click()
    window.bus.wait()
    assert tab.backups.rowCount() == count + 1
    street = next(u for u in org.tree(ws) if u.kind == "street")
    org.add_unit(ws, "community", street.id, "备份之后的社区")
    newest = maintenance.list_backups(ws.backup_dir)[0]
    tab.backup_view.setCurrentIndex(tab.backups.index(tab.backups.find_row(lambda b: b == newest), 0))
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("admin-pass-1", True))
    tab.restore_button.click()
    restored = window.session.ws
    assert restored is not ws and restored.actor.username == "admin"
    assert all(u.name != "备份之后的社区" for u in org.tree(restored))
    assert any("pre-restore" in p.name for p in ws.backup_dir.iterdir())
    assert [k for k, _t in boxes.shown] == ["question"]


def test_restore_refuses_a_foreign_file(qtbot, window, boxes, tmp_path, monkeypatch) -> None:
    if not window.session.ws.is_sqlite:
        pytest.skip("SQLite only")
    foreign = tmp_path / "holiday.sqlite3"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.close()
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(foreign), ""))
    window.restore_backup()
    assert "Restore refused" in boxes.texts()
    assert window.session.ws.actor is not None


