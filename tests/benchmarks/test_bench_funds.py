"""Funds at 1,000,000 ledger postings (the district10 demo, built once and cached with the agreements benchmark):
any fund's balance ≤ 50 ms, a quarterly statement ≤ 500 ms, and the ledger view like the partner list (first rows
≤ 150 ms, memory flat). Each figure against a baseline from the same run: the bare SQL asking the same question."""

from __future__ import annotations

import sqlite3
import tracemalloc
from datetime import date, timedelta

import pytest
from benchlib import Figure, bare_ms, ms
from test_bench_agreements import big10  # noqa: F401 - the same cached district10 file

BALANCE_MS, STATEMENT_MS, VIEW_MS = 50.0, 500.0, 150.0
PAGE = 200


def _ms(fn, reps=7):  # noqa: ANN001, ANN202 - these figures warm up first (imports, the statement cache)
    return ms(fn, reps, warm=True)


def _bare_ms(path, sql: str, params=()) -> float:  # noqa: ANN001
    return bare_ms(path, sql, params, 7, warm=True)


@pytest.fixture(scope="module")
def books(big10):  # noqa: F811
    ws, path, _, _ = big10
    conn = sqlite3.connect(path)
    try:
        total = conn.execute("SELECT count(*) FROM ledger_postings").fetchone()[0]
        per_fund = conn.execute("SELECT fund_id, count(*) FROM ledger_postings GROUP BY fund_id ORDER BY 2 DESC, 1")\
            .fetchall()
        bank = dict(conn.execute("SELECT fund_id, id FROM ledger_accounts WHERE code = '1002'").fetchall())
        today = date.fromisoformat(conn.execute("SELECT max(on_date) FROM ledger_postings").fetchone()[0])
    finally:
        conn.close()
    biggest, n_biggest = per_fund[0]
    smallest, n_smallest = per_fund[-1]
    q = (today.year * 4 + (today.month - 1) // 3) - 2  # a closed quarter, two before the current one
    quarter = f"{q // 4}Q{q % 4 + 1}"
    return {"ws": ws, "path": path, "total": total, "biggest": biggest, "n_biggest": n_biggest,
            "smallest": smallest, "n_smallest": n_smallest, "bank": bank, "quarter": quarter, "today": today}


def _figures(record, cases: dict, limit: float) -> list[str]:
    failures = []
    for name, (fn, base, base_name) in cases.items():
        measured, samples = _ms(fn)
        fig = Figure(name, measured, "ms", f"≤ {limit:.0f} ms", measured <= limit, base, base_name,
                     samples={"ms": samples})
        record(fig)
        if not fig.passed:
            failures.append(f"{name}: {measured:.1f} ms")
    return failures


def test_postings_count(books, record):
    record(Figure(f"ledger postings in the district10 demo (biggest fund {books['n_biggest']:,})", books["total"],
                  "rows", "≈ 1,000,000", 900_000 <= books["total"] <= 1_100_000))
    assert 900_000 <= books["total"] <= 1_100_000


def test_fund_balance(books, record):
    from partnerdesk.services import ledger

    ws, path, fid = books["ws"], books["path"], books["biggest"]
    bank = books["bank"][fid]
    mid = books["today"] - timedelta(days=200)
    per_account = ("SELECT a.id, (SELECT sum(p.amount_fen) FROM ledger_postings p WHERE p.account_id = a.id) "
                   "FROM ledger_accounts a WHERE a.fund_id = ?")
    at_date = ("SELECT a.id, (SELECT sum(p.amount_fen) FROM ledger_postings p WHERE p.account_id = a.id AND "
               "p.on_date <= ?) FROM ledger_accounts a WHERE a.fund_id = ?")
    one = "SELECT sum(amount_fen) FROM ledger_postings WHERE account_id = ?"
    one_at = "SELECT sum(amount_fen) FROM ledger_postings WHERE account_id = ? AND on_date <= ?"
    n = f"{books['n_biggest']:,} postings"
    cases = {
        f"fund balance: ledger.balances, every account ({n})": (
            lambda: ledger.balances(ws, fid), _bare_ms(path, per_account, (fid,)),
            "bare sqlite3 SUM per account of the fund"),
        "fund balance: ledger.balances at a date": (
            lambda: ledger.balances(ws, fid, mid), _bare_ms(path, at_date, (mid.isoformat(), fid)),
            "bare sqlite3 SUM per account of the fund to a date"),
        "fund balance: ledger.account_balance (bank)": (
            lambda: ledger.account_balance(ws, bank), _bare_ms(path, one, (bank,)), "bare sqlite3 SUM of one account"),
        "fund balance: ledger.account_balance (bank) at a date": (
            lambda: ledger.account_balance(ws, bank, mid), _bare_ms(path, one_at, (bank, mid.isoformat())),
            "bare sqlite3 SUM of one account to a date"),
    }
    failures = _figures(record, cases, BALANCE_MS)
    assert not failures, failures


def test_quarterly_statement(books, record):
    from partnerdesk.domain import ledger as rules
    from partnerdesk.services import fund_statement

    ws, path, fid = books["ws"], books["path"], books["biggest"]
    p = rules.period(books["quarter"])
    start, end, before = p.start.isoformat(), p.end.isoformat(), (p.start - timedelta(days=1)).isoformat()
    conn = sqlite3.connect(path)

    def bare():
        held = ("SELECT a.kind, (SELECT sum(p.amount_fen) FROM ledger_postings p WHERE p.account_id = a.id AND "
                "p.on_date <= ?) FROM ledger_accounts a WHERE a.fund_id = ?")
        conn.execute(held, (before, fid)).fetchall()
        conn.execute(held, (end, fid)).fetchall()
        conn.execute("SELECT a.name, sum(p.amount_fen) FROM ledger_postings p JOIN ledger_accounts a ON "
                     "a.id = p.account_id WHERE p.fund_id = ? AND a.kind = 'income' AND p.on_date BETWEEN ? AND ? "
                     "GROUP BY a.name", (fid, start, end)).fetchall()
        conn.execute("SELECT t.project, sum(p.amount_fen) FROM ledger_postings p JOIN ledger_accounts a ON "
                     "a.id = p.account_id JOIN ledger_txns t ON t.id = p.txn_id WHERE p.fund_id = ? AND "
                     "a.kind = 'expense' AND p.on_date BETWEEN ? AND ? GROUP BY t.project", (fid, start, end)).fetchall()

    try:
        baseline = _ms(bare)[0]
    finally:
        conn.close()
    st = fund_statement.statement(ws, fid, p.key)
    assert st.opening + st.income_total - st.spending_total + st.other == st.closing
    cases = {f"statement {p.key} of the biggest fund ({books['n_biggest']:,} postings)": (
        lambda: fund_statement.statement(ws, fid, p.key), baseline,
        "bare sqlite3: money held at both ends, income by account, spending by project")}
    failures = _figures(record, cases, STATEMENT_MS)
    assert not failures, failures


def test_ledger_view_first_rows(books, record):
    from partnerdesk.services import fund_queries as fq
    from partnerdesk.services import ledger

    ws, path, fid = books["ws"], books["path"], books["biggest"]
    p_from = books["today"] - timedelta(days=120)
    baseline = _bare_ms(path, "SELECT t.id, t.on_date, t.kind, t.memo, a.code, a.name, p.amount_fen FROM ledger_txns t "
                              "JOIN ledger_postings p ON p.txn_id = t.id JOIN ledger_accounts a ON a.id = p.account_id "
                              "WHERE t.fund_id = ? ORDER BY t.on_date, t.id, p.id LIMIT ?", (fid, PAGE))
    deep = _bare_ms(path, "SELECT t.id, t.on_date, t.kind, t.memo, a.code, a.name, p.amount_fen FROM ledger_txns t "
                          "JOIN ledger_postings p ON p.txn_id = t.id JOIN ledger_accounts a ON a.id = p.account_id "
                          "WHERE t.fund_id = ? ORDER BY t.on_date, t.id, p.id LIMIT ? OFFSET 10000", (fid, PAGE))
    bare_count = _bare_ms(path, "SELECT count(*) FROM ledger_postings WHERE fund_id = ?", (fid,))
    everything = fq.JournalFilter(fund_id=fid)
    cases = {
        "ledger view: ledger.ledger_lines first page + count": (
            lambda: (fq.journal_count(ws, everything), ledger.ledger_lines(ws, fid, limit=PAGE)), baseline + bare_count,
            "bare sqlite3 first page (same joins, same order) + count"),
        "ledger view: ledger.ledger_lines from a date + count": (
            lambda: (fq.journal_count(ws, fq.JournalFilter(fund_id=fid, date_from=p_from)),
                     ledger.ledger_lines(ws, fid, date_from=p_from, limit=PAGE)), baseline + bare_count,
            "bare sqlite3 first page + count"),
        "ledger view: ledger.ledger_lines page at offset 10,000": (
            lambda: ledger.ledger_lines(ws, fid, limit=PAGE, offset=10_000), deep, "bare sqlite3 same page"),
        "ledger view (Funds page): fund_queries.journal first page + count": (
            lambda: (fq.journal_count(ws, everything), fq.journal(ws, everything, 0, PAGE)), baseline + bare_count,
            "bare sqlite3 first page + count"),
        "ledger view (Funds page): one account with running balance": (
            lambda: fq.journal(ws, fq.JournalFilter(fund_id=fid, account_id=books["bank"][fid]), 0, PAGE),
            baseline, "bare sqlite3 first page"),
    }
    failures = _figures(record, cases, VIEW_MS)
    assert not failures, failures


def test_ledger_view_memory(books, record):
    from partnerdesk.services import fund_queries as fq
    from partnerdesk.services import ledger

    ws = books["ws"]

    def peak(fid: int) -> float:
        tracemalloc.start()
        fq.journal_count(ws, fq.JournalFilter(fund_id=fid))
        ledger.ledger_lines(ws, fid, limit=PAGE)
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return top / 1e6

    peak(books["smallest"])
    few, many = peak(books["smallest"]), peak(books["biggest"])
    fig = Figure(f"ledger view memory: {books['n_biggest']:,} postings vs {books['n_smallest']:,}", many, "MB",
                 "≤ 2 × small + 1 MB", many <= 2 * few + 1, few, "same view of the smallest fund")
    record(fig)
    assert fig.passed
