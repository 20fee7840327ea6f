"""The audit trail service on SQLite and PostgreSQL: one entry per action in the same transaction, filters,
keyset paging, literal text search."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from partnerdesk.domain.errors import DomainError
from partnerdesk.services import audit, audit_queries, org
from partnerdesk.services.audit_queries import AuditFilter
from tests.helpers.dbstate import audit_seqs, state


@pytest.fixture
def trail(ws):
    """admin signed in; entries: init, login, then ten events on two days with some awkward text."""
    t0 = datetime(2026, 3, 1, 9, 0)
    for k in range(10):
        ws.clock = lambda k=k: t0 + timedelta(days=k // 5, minutes=k)
        audit.record_event(ws, "export.partners" if k % 2 else "print.notice", "file", f"f{k}",
                           {"note": ["50%", "a_b", "普通", "𠈌", "back\\slash"][k % 5]})
    return ws


def test_newest_first_and_keyset_paging(trail):
    seqs = [e.seq for e in audit_queries.list_entries(trail)]
    assert seqs == list(range(12, 0, -1))
    page1 = audit_queries.list_entries(trail, limit=5)
    page2 = audit_queries.list_entries(trail, limit=5, before_seq=page1[-1].seq)
    assert [e.seq for e in page1 + page2] == list(range(12, 2, -1))


def test_filters(trail):
    assert {e.action for e in audit_queries.list_entries(trail, AuditFilter(action="export"))} == {"export.partners"}
    assert audit_queries.count_entries(trail, AuditFilter(action="export")) == 5
    assert audit_queries.count_entries(trail, AuditFilter(username="admin")) == 11  # all but the init (system)
    assert audit_queries.count_entries(trail, AuditFilter(date_from="2026-03-02", date_to="2026-03-02")) == 5
    assert audit_queries.count_entries(trail, AuditFilter(date_to="2026-03-02")) == 10
    assert audit_queries.count_entries(trail, AuditFilter(action="print.")) == 5
    assert audit_queries.count_entries(trail, AuditFilter(action="print_")) == 0  # '_' is not a wildcard here either
    assert audit_queries.count_entries(trail, AuditFilter(date_from="2026-03-01", date_to="2026-03-01")) == 5
    assert audit_queries.count_entries(trail, AuditFilter(text="f7")) == 1


@pytest.mark.parametrize("needle, hits", [("50%", 2), ("%", 2), ("a_b", 2), ("_", 2), ("\\", 2), ("𠈌", 2),
                                          ("普通", 2)])
def test_text_search_is_literal(trail, needle, hits):
    """'%' and '_' are searched for, not used as wildcards."""
    found = audit_queries.list_entries(trail, AuditFilter(text=needle))
    assert len(found) == hits and all(needle in e.after for e in found), [e.after for e in found]
    assert audit_queries.count_entries(trail, AuditFilter(text=needle)) == hits


def test_entry_written_with_the_change_or_not_at_all(ws):
    street = org.office(ws).street_id
    org.add_unit(ws, "community", street, "甲社区")
    before = state(ws)
    with pytest.raises(DomainError):
        org.add_unit(ws, "community", street, "甲社区")  # refused: no entry either
    assert state(ws) == before
    assert audit_seqs(ws) == list(range(1, len(audit_seqs(ws)) + 1))


def test_reading_the_trail_needs_permission(ws):
    from partnerdesk.domain.roles import Actor, Role

    ws.actor = Actor(5, "staff1", Role.STAFF)
    for call in (lambda: audit_queries.list_entries(ws), lambda: audit_queries.count_entries(ws)):
        with pytest.raises(DomainError) as exc:
            call()
        assert exc.value.code == "auth.forbidden"
