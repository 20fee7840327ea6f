"""Clerks posting against one fund at the same moment (threads, one connection each): never an overdraft, and a
retried or double-clicked posting (same key) is posted once. Runs on SQLite and on the PostgreSQL server."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from partnerdesk.db import models as m
from partnerdesk.domain import ledger as L
from partnerdesk.domain.errors import DomainError
from partnerdesk.services import donations, funds, ledger, maintenance, org
from tests.integration.test_partner_races import _clerks, _race

N = 6


@pytest.fixture
def fund(ws):
    st = org.add_unit(ws, "street", org.office(ws).district_id, "并发基金街道").value
    c = org.add_unit(ws, "community", st.id, "并发基金社区").value
    f = funds.create(ws, funds.FundInput("RACE", "并发基金池", "pool", c.id)).value
    acc = {a.code: a.id for a in funds.accounts(ws, f.id)}
    ledger.post(ws, f.id, date(2026, 7, 1), [L.Line.debit(acc[L.BANK], 1000),
                                             L.Line.credit(acc[L.FEEDBACK_INCOME], 1000)], "到账", "seed")
    return f, acc


def _spend(acc, fen):
    return [L.Line.debit(acc[L.PROJECT_SPENDING], fen), L.Line.credit(acc[L.BANK], fen)]


@pytest.mark.timeout(120)
def test_concurrent_spending_never_overdraws(ws, db_target, fund):
    f, acc = fund
    clerks = _clerks(db_target, N)
    results = _race([lambda w=w, i=i: ledger.post(w, f.id, date(2026, 7, 2), _spend(acc, 300), "支出", f"spend-{i}")
                     for i, w in enumerate(clerks)])
    ok = [r for r in results if not isinstance(r, DomainError)]
    refused = [r for r in results if isinstance(r, DomainError)]
    assert len(ok) == 3, results  # 3 × 300 fits in 1,000 fen; a fourth would overdraw
    assert {e.code for e in refused} == {"ledger.overdrawn"}
    assert ledger.account_balance(ws, acc[L.BANK]) == 100
    for w in clerks:
        w.close()
    assert maintenance.check(ws).ok


@pytest.mark.timeout(120)
def test_double_click_and_retries_post_once(ws, db_target, fund):
    f, acc = fund
    clerks = _clerks(db_target, N)
    results = _race([lambda w=w: ledger.post(w, f.id, date(2026, 7, 3), _spend(acc, 250), "同一笔", "pay-once")
                     for w in clerks])
    assert not [r for r in results if isinstance(r, DomainError)], results
    assert len({r.value.id for r in results}) == 1
    assert sum(not r.value.replayed for r in results) == 1
    gifts = _race([lambda w=w: donations.record(w, f.id, donations.DonationInput("张三", "person", 500,
                                                                                  date(2026, 7, 4)), "gift-once")
                   for w in clerks])
    assert not [r for r in gifts if isinstance(r, DomainError)], gifts
    assert {r.value.receipt_no for r in gifts} == {"RACE-2026-00001"}
    for w in clerks:
        w.close()
    with ws.read() as uow:
        assert uow.session.scalar(select(func.count()).select_from(m.Txn)) == 3  # seed, one payment, one gift
    assert ledger.account_balance(ws, acc[L.BANK]) == 1000 - 250 + 500
    assert maintenance.check(ws).ok
