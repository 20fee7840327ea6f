"""Delivered versus committed per agreement and month, against figures computed by hand."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event

from partnerdesk.domain.errors import DomainError
from partnerdesk.services import agreements, delivery, service_records, spaces
from partnerdesk.services.delivery import DeliveryRow
from partnerdesk.services.service_records import ServiceInput
from tests.unit.loop_setup import login, signed_agreement, world

D = date


@pytest.fixture
def w(ws):
    w = world(ws)
    hall = spaces.save(ws, spaces.SpaceInput(w.c2.id, "二楼多功能厅", 12000)).value
    w.a2 = signed_agreement(ws, w.p2, hall, D(2026, 3, 20), D(2026, 12, 31), sessions=10, hours=31)
    login(ws, "appr")
    a2 = agreements.get(ws, w.a2.id)
    w.a2 = agreements.transition(ws, a2.id, a2.version, "terminate", "合伙人申请提前终止", on_date=D(2026, 5, 10)).value
    login(ws, "admin")
    other = spaces.save(ws, spaces.SpaceInput(w.c2.id, "三楼", 3000)).value
    agreements.create(ws, agreements.AgreementInput(w.p2.id, other.id, D(2026, 1, 1), D(2026, 12, 31),
                                                    "free", committed_sessions=99))  # a draft: never counted
    a1, a2, p1, p2 = w.a1.id, w.a2.id, w.p1.id, w.p2.id
    service_records.add_many(ws, [
        ServiceInput(p1, D(2026, 3, 31), "free", 10, 60, agreement_id=a1),
        ServiceInput(p1, D(2026, 4, 1), "free", 5, 30, agreement_id=a1),
        ServiceInput(p1, D(2026, 4, 15), "paid", 3, 0, agreement_id=a1),
        ServiceInput(p1, D(2026, 4, 30), "low_fee", 7, 45, agreement_id=a1),
        ServiceInput(p1, D(2026, 4, 10), "free", 50, 60),  # no agreement: not delivery against one
        ServiceInput(p2, D(2026, 3, 20), "free", 4, 60, agreement_id=a2),
        ServiceInput(p2, D(2026, 5, 10), "free", 6, 90, agreement_id=a2),
    ])
    return w


def test_april_full_months(ws, w):
    rows = delivery.by_month(ws, year=2026, month=4)
    assert rows == [
        DeliveryRow(w.a1.id, w.a1.number, w.p1.id, "服务企业1", "2026-04", 8, 3, 20, 75, 15),
        DeliveryRow(w.a2.id, w.a2.number, w.p2.id, "服务企业2", "2026-04", 10, 0, 31, 0, 0),
    ]


def test_month_boundaries_and_partial_months_are_prorated(ws, w):
    march = {r.agreement_id: r for r in delivery.by_month(ws, year=2026, month=3)}
    # a1: the 31 March session belongs to March, not April; a2 starts on 20 March: 12 of 31 days
    assert (march[w.a1.id].delivered_sessions, march[w.a1.id].delivered_minutes, march[w.a1.id].people) == (1, 60, 10)
    assert (march[w.a2.id].committed_sessions, march[w.a2.id].committed_hours) == (4, 12)  # 10×12/31=3.87, 31×12/31
    assert (march[w.a2.id].delivered_sessions, march[w.a2.id].people) == (1, 4)


def test_terminated_agreement_counts_up_to_its_termination(ws, w):
    may = {r.agreement_id: r for r in delivery.by_month(ws, year=2026, month=5)}
    # a2 terminated on 10 May: 10 of 31 days -> 10×10/31 = 3.2 -> 3 sessions, 31×10/31 = 10 hours
    assert may[w.a2.id] == DeliveryRow(w.a2.id, w.a2.number, w.p2.id, "服务企业2", "2026-05", 3, 1, 10, 90, 6)
    assert [r.agreement_id for r in delivery.by_month(ws, year=2026, month=6)] == [w.a1.id]
    with pytest.raises(DomainError) as e:
        service_records.add(ws, ServiceInput(w.p2.id, D(2026, 5, 11), "free", 1, agreement_id=w.a2.id))
    assert e.value.code == "service.outside_term"


def test_whole_year_and_filters(ws, w):
    year = delivery.by_month(ws, year=2026)
    assert len(year) == 12 + 3  # a1 every month, a2 March to May; the draft never
    assert [r for r in year if r.month == "2026-04"] == delivery.by_month(ws, year=2026, month=4)
    assert sum(r.delivered_sessions for r in year) == 6
    only = delivery.by_month(ws, year=2026, agreement_id=w.a2.id)
    assert [r.month for r in only] == ["2026-03", "2026-04", "2026-05"]
    assert {r.partner_id for r in delivery.by_month(ws, year=2026, partner_id=w.p1.id)} == {w.p1.id}
    assert delivery.by_month(ws, year=2025) == []
    login(ws, "outsider")  # community 2 only: sees the agreement on its hall
    assert {r.agreement_id for r in delivery.by_month(ws, year=2026, month=4)} == {w.a2.id}


def test_prorate_rounds_half_up():
    assert delivery.prorate(8, 31, 31) == 8
    assert delivery.prorate(1, 15, 30) == 1  # 0.5 -> 1
    assert delivery.prorate(1, 14, 30) == 0
    assert delivery.prorate(0, 10, 31) == 0


def test_sqlite_uses_the_agreement_date_index(ws, w):
    if not ws.is_sqlite:
        pytest.skip("the plan check reads SQLite's EXPLAIN QUERY PLAN")
    seen: list[tuple[str, object]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):  # noqa: ANN001
        if "GROUP BY" in statement and "service_records" in statement:
            seen.append((statement, parameters))

    event.listen(ws.engine, "before_cursor_execute", capture)
    try:
        delivery.by_month(ws, year=2026, month=4)
    finally:
        event.remove(ws.engine, "before_cursor_execute", capture)
    [(statement, parameters)] = seen
    with ws.engine.connect() as conn:
        plan = " ".join(str(r[-1]) for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters))
    assert "ix_service_records_agreement_date" in plan, plan
