"""Service records through the service: rules per row, all-or-nothing batches, delete with audit, the list."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from partnerdesk.db.models import AuditLog, ServiceRecord
from partnerdesk.domain.errors import DomainError
from partnerdesk.services import maintenance, service_records
from partnerdesk.services.service_records import ServiceFilter, ServiceInput
from tests.unit.loop_setup import login, world

D = date


@pytest.fixture
def w(ws):
    return world(ws)


def _count(ws) -> int:
    with ws.read() as uow:
        return uow.session.scalar(select(func.count(ServiceRecord.id)))


def _audit_count(ws) -> int:
    with ws.read() as uow:
        return uow.session.scalar(select(func.count(AuditLog.seq)))


def _row(w, **kw) -> ServiceInput:
    base = ServiceInput(w.p1.id, D(2026, 7, 1), "free", 12, 90, place="活动室", agreement_id=w.a1.id)
    return replace(base, **kw)


def test_add_defaults_the_community_from_the_agreement_and_lists_it(ws, w):
    rid = service_records.add(ws, _row(w)).value
    rows = service_records.query(ws, ServiceFilter(partner_id=w.p1.id))
    assert [(r.id, r.community_id, r.community_name, r.agreement_number, r.people, r.minutes)
            for r in rows] == [(rid, w.c1.id, "东风社区", w.a1.number, 12, 90)]
    no_agreement = service_records.add(ws, _row(w, agreement_id=None, place="广场")).value
    assert service_records.query(ws, ServiceFilter(text="广场"))[0].id == no_agreement
    assert service_records.query(ws, ServiceFilter(text="服务企业1"))[0].community_id == w.c1.id


@pytest.mark.parametrize("change, code", [
    ({"kind": "gift"}, "service.bad_kind"),
    ({"on_date": D(2026, 7, 16)}, "service.future_date"),
    ({"people": -1}, "service.negative"),
    ({"people": 0, "minutes": 0}, "service.nothing_delivered"),
    ({"people": 10_001}, "service.too_many_people"),
    ({"minutes": 24 * 60 + 1}, "service.too_long"),
    ({"partner_id": 99_999}, "service.unknown_partner"),
    ({"on_date": D(2025, 12, 31)}, "service.outside_term"),
    ({"domain": "no_such_domain"}, "service.unknown_domain"),
])
def test_bad_rows_are_refused_with_their_reason(ws, w, change, code):
    with pytest.raises(DomainError) as e:
        service_records.add(ws, _row(w, **change))
    assert e.value.code == code
    assert _count(ws) == 0


def test_people_zero_is_allowed_with_time(ws, w):
    service_records.add(ws, _row(w, people=0, minutes=60))
    assert _count(ws) == 1


def test_agreement_of_another_partner_or_unsigned(ws, w):
    with pytest.raises(DomainError) as e:
        service_records.add(ws, _row(w, partner_id=w.p2.id))
    assert e.value.code == "service.agreement_other_partner"


def test_add_many_is_all_or_nothing_with_every_problem(ws, w):
    rows = [_row(w, place=f"活动室{i}") for i in range(5)]
    bad = rows[:2] + [_row(w, people=-3, place="x"), _row(w, kind="gift", place="y")] + rows[2:]
    before_audit = _audit_count(ws)
    with pytest.raises(DomainError) as e:
        service_records.add_many(ws, bad)
    assert e.value.code == "service.rows_invalid" and e.value.params == {"count": 2}
    assert [(p.row, p.code) for p in e.value.problems] == [(2, "service.negative"), (3, "service.bad_kind")]
    assert _count(ws) == 0 and _audit_count(ws) == before_audit
    assert [(p.row, p.code) for p in service_records.check_many(ws, bad)] == [(2, "service.negative"),
                                                                             (3, "service.bad_kind")]
    ids = service_records.add_many(ws, rows, batch="第一周签到表").value
    assert len(ids) == 5 and _count(ws) == 5 and _audit_count(ws) == before_audit + 5


def test_duplicates_in_batch_and_of_stored_records(ws, w):
    service_records.add(ws, _row(w))
    with pytest.raises(DomainError) as e:
        service_records.add_many(ws, [_row(w, place="新地点"), _row(w, place="新地点"), _row(w)])
    assert [(p.row, p.code, p.params.get("row")) for p in e.value.problems] == [
        (1, "service.duplicate_in_batch", 1), (2, "service.duplicate_existing", None)]
    assert _count(ws) == 1
    service_records.add(ws, _row(w), allow_duplicates=True)  # e.g. morning and afternoon sessions
    assert _count(ws) == 2


def test_community_worker_only_in_own_communities_and_auditor_reads(ws, w):
    login(ws, "outsider")
    assert service_records.check_many(ws, [_row(w)])[0].code == "service.out_of_scope"
    with pytest.raises(DomainError):
        service_records.add(ws, _row(w))
    login(ws, "worker")
    rid = service_records.add(ws, _row(w)).value
    login(ws, "outsider")
    assert service_records.query(ws) == [] and service_records.count(ws) == 0
    with pytest.raises(DomainError) as e:
        service_records.delete(ws, rid, "录错了")
    assert e.value.code == "auth.forbidden"
    login(ws, "aud")
    assert service_records.count(ws) == 1
    with pytest.raises(DomainError) as e:
        service_records.add(ws, _row(w, place="别处"))
    assert e.value.code == "auth.forbidden"


def test_delete_needs_a_reason_and_the_audit_keeps_the_content(ws, w):
    rid = service_records.add(ws, _row(w, notes="签到表第3页")).value
    with pytest.raises(DomainError) as e:
        service_records.delete(ws, rid, "  ")
    assert e.value.code == "service.reason_required"
    service_records.delete(ws, rid, "重复录入")
    assert _count(ws) == 0
    with ws.read() as uow:
        entry = uow.session.execute(select(AuditLog.before, AuditLog.after)
                                    .where(AuditLog.action == "service.delete")).one()
    before, after = json.loads(entry.before), json.loads(entry.after)
    assert (before["notes"], before["people"], before["on_date"], after["reason"]) == (
        "签到表第3页", 12, "2026-07-01", "重复录入")
    assert maintenance.check(ws).ok


def test_exited_partner_only_before_exit(ws, w):
    from partnerdesk.services import partner_lifecycle, partners

    login(ws, "appr")
    p = partners.get(ws, w.p2.id)
    partner_lifecycle.transition(ws, p.id, p.version, "exit", "主动退出", exit_reason="voluntary", on_date=D(2026, 6, 30))
    login(ws, "admin")
    service_records.add(ws, ServiceInput(w.p2.id, D(2026, 6, 30), "paid", 3))
    with pytest.raises(DomainError) as e:
        service_records.add(ws, ServiceInput(w.p2.id, D(2026, 7, 1), "paid", 3))
    assert e.value.code == "service.partner_not_serving"


def test_filter_sort_and_page_in_sql(ws, w):
    rows = [_row(w, on_date=D(2026, 6, d), people=d, place=f"p{d}", kind=("free", "paid")[d % 2])
            for d in range(1, 21)]
    service_records.add_many(ws, rows)
    f = ServiceFilter(date_from=D(2026, 6, 5), date_to=D(2026, 6, 14))
    assert service_records.count(ws, f) == 10
    page1 = service_records.query(ws, f, sort="people", descending=False, limit=4)
    page2 = service_records.query(ws, f, sort="people", descending=False, limit=4, offset=4)
    assert [r.people for r in page1 + page2] == [5, 6, 7, 8, 9, 10, 11, 12]
    assert [r.on_date.day for r in service_records.query(ws, f, limit=3)] == [14, 13, 12]
    assert service_records.count(ws, replace(f, kind="paid")) == 5
    assert {r.kind for r in service_records.query(ws, replace(f, kind="paid"), sort="kind")} == {"paid"}
    assert service_records.query(ws, ServiceFilter(text="100%")) == []


def test_text_search_matches_places_and_partner_names_as_a_plain_scan_would(ws, w):
    """The search reads the distinct places off the place index instead of testing every record: it must find
    exactly what testing every record would (middle of a place, repeated places, LIKE's wildcards taken literally,
    partner names, both at once counted once), on the list and on its count."""
    assert service_records.count(ws, ServiceFilter(text="活动")) == 0  # no records at all
    places = ["一楼活动室", "活动室", "二楼活动室", "居民家中", "100%广场", "a_b 花园", "活动室", "", "东风社区广场"]
    rows = [_row(w, on_date=D(2026, 6, 1 + i % 28), place=p, partner_id=(w.p1.id, w.p2.id)[i % 2],
                 agreement_id=None) for i, p in enumerate(places * 3)]
    service_records.add_many(ws, rows)
    everything = service_records.query(ws, ServiceFilter(), limit=1000)
    for text in ("活动", "活动室", "广场", "100%", "%", "a_b", "_", "居民", "服务企业1", "服务企业", "东风", "无此处"):
        expected = sorted(r.id for r in everything if text in r.place or text in r.partner_name)
        for sort in ("date", "community", "partner"):  # walked in order, or through the indexes
            found = sorted(r.id for r in service_records.query(ws, ServiceFilter(text=text), sort=sort, limit=1000))
            assert found == expected, (text, sort)
        assert service_records.count(ws, ServiceFilter(text=text)) == len(expected), text
