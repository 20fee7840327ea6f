"""The archive list behind the Documents page: filters by kind and text, paged, counted with the same filters."""

from __future__ import annotations

from partnerdesk.services import documents
from tests.unit.loop_setup import filed_partner, login, world


def test_list_and_count_issued_filter_and_page(ws):
    w = world(ws)
    more = filed_partner(ws, w.c1.id, 10)
    a = documents.issue(ws, "commitment", w.p1.id).value
    b = documents.issue(ws, "commitment", w.p2.id).value
    c = documents.issue(ws, "filing", more.id).value
    assert [d.id for d in documents.list_issued(ws)] == [c.id, b.id, a.id]  # newest first
    assert documents.count_issued(ws) == 3
    assert {d.id for d in documents.list_issued(ws, kind="commitment")} == {a.id, b.id}
    assert documents.count_issued(ws, kind="commitment") == 2
    assert documents.count_issued(ws, kind="filing") == 1 and documents.count_issued(ws, kind="application") == 0
    assert [d.id for d in documents.list_issued(ws, text=b.code.lower())] == [b.id]  # a code, as typed
    assert documents.count_issued(ws, text=c.serial) == 1
    assert [d.id for d in documents.list_issued(ws, limit=2, offset=1)] == [b.id, a.id]
    assert documents.list_issued(ws, limit=2, offset=3) == []
    login(ws, "worker")  # scoped to c1: p2 (c2) is not theirs
    assert documents.count_issued(ws) == 2 and b.id not in {d.id for d in documents.list_issued(ws)}
