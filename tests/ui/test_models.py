"""Every item model passes pytest-qt's model tester, filled from the real services."""

from __future__ import annotations

from PySide6.QtCore import Qt

from partnerdesk.services import accounts, audit, audit_queries, maintenance, org
from partnerdesk.services.audit_queries import AuditFilter
from partnerdesk.ui.admin.org_dialogs import HISTORY_COLUMNS
from partnerdesk.ui.models.audit import audit_model
from partnerdesk.ui.models.maintenance import backups_model, check_model
from partnerdesk.ui.models.org_tree import OrgTreeModel
from partnerdesk.ui.models.table import ROW_ROLE, RowTableModel
from partnerdesk.ui.models.users import UserItem, users_model


def test_org_tree_model(qtmodeltester, demo_ws) -> None:
    model = OrgTreeModel()
    rows = org.tree(demo_ws)
    model.set_rows(rows)
    qtmodeltester.check(model)
    district = model.index(0, 0)
    assert model.rowCount(district) > 1  # streets under the district
    street = model.index(0, 0, district)
    community = model.index(0, 0, street)
    unit = model.unit_at(community)
    assert unit.kind == "community" and model.parent(community) == street
    assert model.index_of(unit.id) == community
    model.set_rows(rows[:5])
    qtmodeltester.check(model)


def test_users_model(qtmodeltester, demo_ws) -> None:
    model = users_model()
    now = demo_ws.now()
    model.set_rows([UserItem(u, "", now) for u in accounts.list_users(demo_ws)])
    qtmodeltester.check(model)
    assert model.rowCount() >= 5
    assert model.headerData(0, Qt.Orientation.Horizontal) == "User name"
    assert model.index(0, 0).data(ROW_ROLE).user.username == model.index(0, 0).data()


def test_audit_model_pages_with_keyset(qtmodeltester, demo_ws) -> None:
    for i in range(4):
        audit.record_event(demo_ws, "export", "test", i)
    total = audit_queries.count_entries(demo_ws)
    model = audit_model(page_size=2)
    model.reset(lambda before, limit: audit_queries.list_entries(demo_ws, AuditFilter(), limit, before))
    assert model.rowCount() == 2 and model.canFetchMore()
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    seqs = [r.seq for r in model.rows()]
    assert len(seqs) == total and seqs == sorted(seqs, reverse=True) and len(set(seqs)) == total
    qtmodeltester.check(model)


def test_backup_and_check_models(qtmodeltester, ws) -> None:
    if ws.is_sqlite:
        maintenance.backup_now(ws)
    backups = backups_model()
    backups.set_rows(maintenance.list_backups(ws.backup_dir) if ws.backup_dir else [])
    qtmodeltester.check(backups)
    results = check_model()
    results.set_rows(maintenance.check(ws).results)
    qtmodeltester.check(results)
    assert results.rowCount() >= 3


def test_phase_history_model(qtmodeltester, demo_ws) -> None:
    community = next(c for c in org.communities(demo_ws) if c.phase)
    model = RowTableModel(HISTORY_COLUMNS, "PhaseHistoryDialog")
    model.set_rows(org.phase_history(demo_ws, community.id))
    qtmodeltester.check(model)
    assert model.rowCount() >= 1


def test_columns_widen_once_to_their_longer_labels(qtbot) -> None:
    """Preset widths suit Chinese; an English label widens its column once (capped), and a width the user sets by
    hand survives the next reload."""
    from partnerdesk.ui.models.table import Column
    from partnerdesk.ui.partners.widgets import WIDEN_AT_MOST, set_widths, table_view

    model = RowTableModel((Column("Mode", lambda r: r), Column("Notes", lambda r: r)), "Test")
    view = table_view()
    qtbot.addWidget(view)
    view.setModel(model)
    set_widths(view, (3, 6))
    preset = int(3 * view.fontMetrics().horizontalAdvance("中") + 16)
    assert view.columnWidth(0) == preset
    model.set_rows(["Space for services"])
    view.show()
    qtbot.waitExposed(view)
    widened = view.columnWidth(0)
    assert preset < widened <= int(preset * WIDEN_AT_MOST)
    view.setColumnWidth(0, 40)  # by hand
    model.set_rows(["Space for services and a much longer text than any column is allowed to grow to"])
    assert view.columnWidth(0) == 40


def test_a_new_list_measures_a_screenful_of_rows_not_every_row(qtbot) -> None:
    """Widening to the first rows reads about a screenful per column: Qt's default read 1,000 rows of a view not yet
    on screen, and the first visit to the partner list fetched and laid out a thousand rows (≈ 0.6 s)."""
    from partnerdesk.ui.models.table import Column
    from partnerdesk.ui.partners.widgets import MEASURED_ROWS, set_widths, table_view

    read: list[int] = []

    def cell(row: str) -> str:
        read.append(int(row.split()[-1]))
        return row

    model = RowTableModel((Column("Name", cell), Column("Notes", lambda r: r)), "Test")
    view = table_view()
    qtbot.addWidget(view)
    view.setModel(model)
    set_widths(view, (3, 6))
    model.set_rows([f"合伙人 {i}" for i in range(5000)])
    assert 0 < len(set(read)) <= MEASURED_ROWS, f"rows read to size a column: {len(set(read))}"
