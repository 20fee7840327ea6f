"""Resident orders through the service on SQLite and PostgreSQL: the loop, roles, numbers, overdue list."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from partnerdesk.db.models import AuditLog, ServiceRecord
from partnerdesk.domain.errors import DomainError
from partnerdesk.services import delivery, maintenance, orders, service_records
from partnerdesk.services.orders import DeliveryInput, OrderFilter, OrderInput
from tests.unit.loop_setup import login, world

D = date


@pytest.fixture
def w(ws):
    return world(ws)


def _order(ws, w, n=1, community=None, due=D(2026, 7, 20), ordered=D(2026, 7, 10)):
    return orders.create(ws, OrderInput((community or w.c1).id, f"居民{n}", "上门理发", ordered, due,
                                        resident_phone="13812345678", address="东风路1号", domain="")).value


def _in_service(ws, w, n=1):
    o = _order(ws, w, n)
    return orders.transition(ws, o.id, o.version, "dispatch", partner_id=w.p1.id).value


def _completed(ws, w, n=1):
    o = _in_service(ws, w, n)
    return orders.transition(ws, o.id, o.version, "deliver",
                             delivery=DeliveryInput(D(2026, 7, 12), "low_fee", 1, 45)).value


def _records(ws) -> int:
    with ws.read() as uow:
        return uow.session.scalar(select(func.count(ServiceRecord.id)))


def test_the_closed_loop(ws, w):
    o = _order(ws, w)
    assert (o.state, o.number, o.resident_phone, o.overdue) == ("pending", "居民点单〔2026〕1号", "138****5678", False)
    assert orders.allowed(ws, o.id) == ["dispatch", "reject", "cancel"]
    o = orders.transition(ws, o.id, o.version, "dispatch", partner_id=w.p1.id).value
    assert (o.state, o.partner_id, o.partner_name, o.dispatched_on) == ("in_service", w.p1.id, "服务企业1", D(2026, 7, 15))
    with pytest.raises(DomainError) as e:
        orders.transition(ws, o.id, o.version, "return")
    assert e.value.code == "order.reason_required"
    o = orders.transition(ws, o.id, o.version, "return", "合伙人人手不足").value
    assert (o.state, o.partner_id) == ("pending", None)
    o = orders.transition(ws, o.id, o.version, "dispatch", partner_id=w.p1.id).value
    o = orders.transition(ws, o.id, o.version, "deliver", delivery=DeliveryInput(
        D(2026, 7, 12), "low_fee", 1, 45, agreement_id=w.a1.id)).value
    assert (o.state, o.delivered_on) == ("completed", D(2026, 7, 12))
    [rec] = service_records.query(ws, service_records.ServiceFilter(partner_id=w.p1.id))
    assert (rec.id, rec.community_id, rec.kind, rec.people, rec.minutes, rec.place) == (
        o.service_record_id, w.c1.id, "low_fee", 1, 45, "东风路1号")
    with pytest.raises(DomainError) as e:
        service_records.delete(ws, rec.id, "试试")
    assert e.value.code == "service.from_order"
    assert orders.allowed(ws, o.id) == ["rate", "complain"]
    o = orders.rate(ws, o.id, 5, "师傅很耐心").value
    assert (o.rating, o.rated_on) == (5, D(2026, 7, 15))
    with pytest.raises(DomainError) as e:
        orders.rate(ws, o.id, 4)
    assert e.value.code == "order.already_rated"
    cid = orders.complain(ws, o.id, "迟到半小时").value
    [c] = orders.complaints(ws, order_id=o.id)
    assert (c.id, c.state, c.partner_id) == (cid, "open", w.p1.id)
    login(ws, "appr")
    with pytest.raises(DomainError) as e:
        orders.decide_complaint(ws, cid, c.version, True, "")
    assert e.value.code == "order.decision_required"
    assert orders.decide_complaint(ws, cid, c.version, True, "核实属实").value.state == "upheld"
    with pytest.raises(DomainError) as e:
        orders.decide_complaint(ws, cid, c.version + 1, False, "再议")
    assert e.value.code == "order.complaint_decided"
    assert [e.action for e in orders.events(ws, o.id)] == ["create", "dispatch", "return", "dispatch", "deliver",
                                                             "rate", "complain"]
    assert delivery.satisfaction(ws, w.p1.id, D(2026, 7, 1), D(2026, 7, 31)) == delivery.Satisfaction(1, 1, 1)
    assert maintenance.check(ws).ok


def test_reject_and_cancel_keep_the_reason_and_end_the_order(ws, w):
    o = _order(ws, w)
    o = orders.transition(ws, o.id, o.version, "reject", "不属于社区服务范围").value
    assert (o.state, o.reason) == ("rejected", "不属于社区服务范围")
    assert orders.allowed(ws, o.id) == []
    with pytest.raises(DomainError) as e:
        orders.transition(ws, o.id, o.version, "dispatch", partner_id=w.p1.id)
    assert e.value.code == "order.not_allowed"
    o2 = _in_service(ws, w, 2)
    o2 = orders.transition(ws, o2.id, o2.version, "cancel", "居民已另行解决").value
    assert (o2.state, o2.reason) == ("cancelled", "居民已另行解决")
    with pytest.raises(DomainError) as e:
        orders.rate(ws, o2.id, 5)
    assert e.value.code == "order.not_completed"


def test_a_bad_delivery_changes_nothing(ws, w):
    o = _in_service(ws, w)
    for bad, code in ((DeliveryInput(D(2026, 7, 16), "free", 1), "service.future_date"),
                      (DeliveryInput(D(2026, 7, 9), "free", 1), "order.delivered_before_ordered"),
                      (DeliveryInput(D(2026, 7, 12), "free", 0), "service.nothing_delivered"),
                      (None, "order.delivery_required")):
        with pytest.raises(DomainError) as e:
            orders.transition(ws, o.id, o.version, "deliver", delivery=bad)
        assert e.value.code == code
    assert orders.get(ws, o.id).state == "in_service" and _records(ws) == 0
    with pytest.raises(DomainError) as e:
        orders.transition(ws, o.id, o.version - 1, "cancel", "旧版本")
    assert e.value.code == "record.conflict"


def test_dispatch_needs_a_serving_partner_and_dates_are_checked(ws, w):
    o = _order(ws, w)
    with pytest.raises(DomainError) as e:
        orders.transition(ws, o.id, o.version, "dispatch")
    assert e.value.code == "order.partner_required"
    with pytest.raises(DomainError) as e:
        orders.create(ws, OrderInput(w.c1.id, "居民", "助浴", D(2026, 7, 10), D(2026, 7, 1)))
    assert e.value.code == "order.due_before_ordered"
    with pytest.raises(DomainError) as e:
        orders.create(ws, OrderInput(w.c1.id, " ", "助浴", D(2026, 7, 10), D(2026, 7, 11)))
    assert e.value.code == "order.resident_required"


def test_numbers_are_gap_free_per_year_of_ordering(ws, w):
    a = _order(ws, w, 1, ordered=D(2025, 12, 30), due=D(2026, 1, 5))
    b = _order(ws, w, 2)
    with pytest.raises(DomainError):  # a refused order takes no number
        orders.create(ws, OrderInput(w.c1.id, "居民", "助浴", D(2026, 7, 10), D(2026, 7, 1)))
    c = _order(ws, w, 3)
    assert [a.number, b.number, c.number] == ["居民点单〔2025〕1号", "居民点单〔2026〕1号", "居民点单〔2026〕2号"]


def test_phone_revealed_only_with_permission_and_audited(ws, w):
    o = _order(ws, w)
    assert orders.get(ws, o.id).resident_phone == "138****5678"
    assert orders.get(ws, o.id, reveal=True).resident_phone == "13812345678"
    with ws.read() as uow:
        assert uow.session.scalar(select(func.count(AuditLog.seq)).where(AuditLog.action == "personal.reveal",
                                                                          AuditLog.entity == "order")) == 1
    login(ws, "worker")
    with pytest.raises(DomainError) as e:
        orders.get(ws, o.id, reveal=True)
    assert e.value.code == "auth.forbidden"
    assert orders.query(ws)[0].resident_phone == "138****5678"


MOVERS = {"admin", "staff1", "appr", "worker"}


@pytest.mark.parametrize("user", ["admin", "staff1", "appr", "worker", "outsider", "aud"])
def test_every_action_by_role(ws, w, user):
    """Each role tries every action on an order of community 1 (the worker's; not the outsider's)."""
    prepared = {"dispatch": _order(ws, w, 1), "reject": _order(ws, w, 2), "cancel": _order(ws, w, 3),
                "return": _in_service(ws, w, 4), "deliver": _in_service(ws, w, 5), "rate": _completed(ws, w, 6),
                "complain": _completed(ws, w, 7)}
    complaint_id = orders.complain(ws, prepared["complain"].id, "服务态度差").value
    login(ws, user)
    calls = {
        "create": lambda: orders.create(ws, OrderInput(w.c1.id, "新居民", "助餐", D(2026, 7, 14), D(2026, 7, 20))),
        "dispatch": lambda o: orders.transition(ws, o.id, o.version, "dispatch", partner_id=w.p1.id),
        "reject": lambda o: orders.transition(ws, o.id, o.version, "reject", "不符合条件"),
        "cancel": lambda o: orders.transition(ws, o.id, o.version, "cancel", "居民取消"),
        "return": lambda o: orders.transition(ws, o.id, o.version, "return", "合伙人退单"),
        "deliver": lambda o: orders.transition(ws, o.id, o.version, "deliver",
                                               delivery=DeliveryInput(D(2026, 7, 13), "free", 2, 30)),
        "rate": lambda o: orders.rate(ws, o.id, 4, "满意"),
        "complain": lambda o: orders.complain(ws, o.id, "再次投诉"),
    }
    outcome = {}
    for action, call in calls.items():
        try:
            call() if action == "create" else call(prepared[action])
            outcome[action] = "ok"
        except DomainError as err:
            outcome[action] = err.code
    expected = "ok" if user in MOVERS else "auth.forbidden"
    assert outcome == dict.fromkeys(calls, expected)
    c = orders.complaints(ws, order_id=prepared["complain"].id)[-1] if user != "outsider" else None
    try:
        orders.decide_complaint(ws, complaint_id, c.version if c else 1, False, "证据不足")
        decided = "ok"
    except DomainError as err:
        decided = err.code
    assert decided == ("ok" if user in ("admin", "appr") else "auth.forbidden")
    visible = orders.count(ws)
    assert visible == (0 if user == "outsider" else 7 + (user in MOVERS))


def test_overdue_filter_sort_and_page(ws, w):
    late = _order(ws, w, 1, due=D(2026, 7, 14))
    _order(ws, w, 2, due=D(2026, 7, 15))  # due today: not overdue
    done = _completed(ws, w, 3)
    assert done.overdue is False
    _order(ws, w, 4, community=w.c2, due=D(2026, 7, 1), ordered=D(2026, 6, 20))
    rows = orders.query(ws, OrderFilter(overdue_only=True), sort="due", descending=False)
    assert [(r.resident_name, r.overdue) for r in rows] == [("居民4", True), ("居民1", True)]
    assert orders.count(ws, OrderFilter(overdue_only=True, community_id=w.c1.id)) == 1
    assert orders.get(ws, late.id).overdue is True
    assert orders.count(ws, OrderFilter(text="居民")) == 4
    assert [r.resident_name for r in orders.query(ws, OrderFilter(), sort="number", descending=False, limit=2,
                                                  offset=1)] == ["居民2", "居民3"]
    assert [r.partner_name for r in orders.query(ws, OrderFilter(partner_id=w.p1.id))] == ["服务企业1"]
    assert orders.count(ws, OrderFilter(state="completed")) == 1
    login(ws, "worker")
    assert orders.count(ws, OrderFilter(overdue_only=True)) == 1
