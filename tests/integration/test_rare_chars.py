"""Rare characters (CJK Extension B such as 𠈌, emoji) are stored exactly, found by search and reported
clearly when too long, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from partnerdesk.domain.errors import DomainError
from partnerdesk.services import accounts, audit_queries, org
from tests.helpers.dbstate import assert_invariants, state

NAMES = ["𠈌溪社区😀", "𪚥𠀀社区", "🏘️邻里社区", "ㄅ𡈽坊（东）"]


def test_names_round_trip_and_are_searchable(ws):
    street = org.office(ws).street_id
    ids = {name: org.add_unit(ws, "community", street, name).value.id for name in NAMES}
    stored = {u.id: u.name for u in org.communities(ws)}
    assert {stored[i]: i for i in ids.values()} == ids, "every code point kept, nothing normalised away"
    for needle in ("𠈌", "😀", "𪚥𠀀", "🏘️", "𡈽坊"):
        hits = audit_queries.list_entries(ws, audit_queries.AuditFilter(text=needle))
        assert hits and all(needle in h.after for h in hits), needle
        assert audit_queries.count_entries(ws, audit_queries.AuditFilter(text=needle)) == len(hits)
    c = next(u for u in org.communities(ws) if u.id == ids["𠈌溪社区😀"])
    org.update_unit(ws, c.id, c.version, name="𠈌溪新社区😀😀")
    hits = audit_queries.list_entries(ws, audit_queries.AuditFilter(text="𠈌溪新社区😀😀"))
    assert [h.action for h in hits] == ["org.update"] and "𠈌溪社区😀" in hits[0].before
    assert_invariants(ws)


def test_people_with_rare_characters(ws):
    row = accounts.add_user(ws, "张𠈌", "staff", "密码𠈌😀-1234", display_name="张𠈌😀").value
    assert row.display_name == "张𠈌😀"
    assert accounts.login(ws, "张𠈌", "密码𠈌😀-1234").username == "张𠈌"


def test_longest_name_fits_and_longer_is_refused_clearly(ws):
    street = org.office(ws).street_id
    longest = "𠈌" * 99 + "😀"  # 100 characters (400 bytes in UTF-8)
    assert org.add_unit(ws, "community", street, longest).value.name == longest
    before = state(ws)
    with pytest.raises(DomainError) as exc:
        org.add_unit(ws, "community", street, "𠈌" * 101)
    assert exc.value.code == "org.name_too_long" and exc.value.params == {"max": 100}
    c = org.communities(ws)[0]
    with pytest.raises(DomainError) as exc:
        org.update_unit(ws, c.id, c.version, name=longest + "𠈌")
    assert exc.value.code == "org.name_too_long"
    with pytest.raises(DomainError) as exc:
        org.update_unit(ws, c.id, c.version, code="Ｃ" * 33)
    assert exc.value.code == "org.code_too_long"
    assert state(ws) == before


def test_too_long_value_elsewhere_is_a_clear_error_not_a_crash(ws):
    """Where no rule checks a length, PostgreSQL's refusal still arrives as a coded error (SQLite keeps it)."""
    try:
        row = accounts.add_user(ws, "long", "staff", "long-pass-123", display_name="𠈌" * 101).value
    except DomainError as exc:
        assert not ws.is_sqlite and exc.code == "record.bad_value"
    else:
        assert ws.is_sqlite and row.display_name == "𠈌" * 101
