"""`partnerdesk check` finds a ledger corrupted behind the application's back (raw SQL), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from partnerdesk.domain import ledger as L
from partnerdesk.services import ledger, maintenance
from tests.helpers.dbstate import check_report
from tests.unit.test_ledger_service import fx, receipt, spend  # noqa: F401 - fixture

D = date


@pytest.fixture
def books(ws, fx):  # noqa: F811
    pool = fx["pool"].id
    t_in = ledger.post(ws, pool, D(2026, 7, 1), receipt(fx, 1000, "")[0], "收入", "i-1").value
    t_out = ledger.post(ws, pool, D(2026, 7, 2), spend(fx, 400), "支出", "i-2").value
    ledger.close_period(ws, pool, "2026-07")
    assert maintenance.check(ws).ok
    return fx, t_in, t_out


def raw(ws, sql, **params):
    with ws.engine.begin() as conn:
        conn.execute(text(sql), params)


def failing(ws) -> dict[str, tuple[str, ...]]:
    return {k: v[1] for k, v in check_report(ws).items() if not v[0]}


def test_unbalanced_transaction_and_wrong_kept_balance_reported(ws, books):
    env, t_in, _ = books
    raw(ws, "UPDATE ledger_postings SET amount_fen = amount_fen + 1 WHERE txn_id = :t AND amount_fen > 0", t=t_in.id)
    bad = failing(ws)
    assert set(bad) == {"ledger_transactions_balance", "ledger_kept_balances"}
    assert f"transaction #{t_in.id}" in bad["ledger_transactions_balance"][0]
    assert "account 1002" in bad["ledger_kept_balances"][0]


def test_kept_balance_tampered(ws, books):
    env = books[0]
    raw(ws, "UPDATE ledger_accounts SET balance_fen = 99999 WHERE id = :a", a=env["acc"][L.BANK])
    assert set(failing(ws)) == {"ledger_kept_balances"}


def test_posting_removed_leaves_a_one_sided_transaction(ws, books):
    env, _, t_out = books
    raw(ws, "DELETE FROM ledger_postings WHERE txn_id = :t AND amount_fen < 0", t=t_out.id)
    raw(ws, "UPDATE ledger_accounts SET balance_fen = 1000 WHERE id = :a", a=env["acc"][L.BANK])
    bad = failing(ws)
    assert set(bad) == {"ledger_transactions_balance"}
    assert "1 postings" in bad["ledger_transactions_balance"][0]


def test_negative_bank_reported(ws, books):
    env, _, t_out = books
    # turn the spending of 4 yuan into 14 yuan on both sides (still balanced, kept balances kept in step)
    raw(ws, "UPDATE ledger_postings SET amount_fen = amount_fen * 3.5 WHERE txn_id = :t", t=t_out.id)
    raw(ws, "UPDATE ledger_accounts SET balance_fen = (SELECT coalesce(sum(amount_fen), 0) FROM ledger_postings p "
            "WHERE p.account_id = ledger_accounts.id)")
    bad = failing(ws)
    assert set(bad) == {"ledger_no_illegal_negative"}
    assert bad["ledger_no_illegal_negative"][0].endswith("-400 fen at the end of 2026-07-02")


def test_posting_slipped_into_a_closed_period_reported(ws, books):
    env, t_in, _ = books
    acc = env["acc"]
    with ws.engine.begin() as conn:
        new_id = conn.execute(text(
            "INSERT INTO ledger_txns (fund_id, on_date, period, quarter, kind, memo, project, idem_key, reason, "
            "created_by, created_at) VALUES (:f, :d, '2026-07', '2026Q3', 'manual', '倒签', '', 'sneaky', '', 'x', :d) "
            "RETURNING id"), {"f": env["pool"].id, "d": D(2026, 7, 20)}).scalar()
        for account, amount in ((acc[L.BANK], 50), (acc[L.OTHER_INCOME], -50)):
            conn.execute(text("INSERT INTO ledger_postings (txn_id, fund_id, account_id, on_date, amount_fen) "
                              "VALUES (:t, :f, :a, :d, :x)"),
                         {"t": new_id, "f": env["pool"].id, "a": account, "d": D(2026, 7, 20), "x": amount})
            conn.execute(text("UPDATE ledger_accounts SET balance_fen = balance_fen + :x WHERE id = :a"),
                         {"a": account, "x": amount})
    bad = failing(ws)
    assert set(bad) == {"ledger_closed_periods"}
    assert f"transaction #{new_id}" in bad["ledger_closed_periods"][0] and "2026-07" in bad["ledger_closed_periods"][0]


def test_posting_moved_to_another_date_reported(ws, books):
    _, t_in, _ = books
    raw(ws, "UPDATE ledger_postings SET on_date = :d WHERE txn_id = :t AND amount_fen > 0", t=t_in.id, d=D(2026, 8, 9))
    assert "ledger_postings_match" in failing(ws)
