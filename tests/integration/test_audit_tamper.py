"""Audit tampering with raw SQL (edit, delete, swap, truncate, re-hash): `check` reports the chain broken and
names the first broken entry, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from partnerdesk.domain.audit import entry_hash
from partnerdesk.domain.errors import DomainError
from partnerdesk.domain.roles import Actor, Role
from partnerdesk.services import audit, maintenance, org
from tests.helpers.dbstate import audit_seqs, check_report


def sql(ws, statement: str, **params) -> None:
    with ws.engine.begin() as conn:
        conn.execute(text(statement), params)


def rehash_5(ws) -> None:
    sql(ws, "UPDATE audit_log SET after = :a WHERE seq = 5", a='{"name":"伪造社区"}')
    with ws.engine.connect() as conn:
        r = conn.execute(text('SELECT prev_hash, seq, at, username, action, entity, entity_id, before, after '
                              'FROM audit_log WHERE seq = 5')).one()
    sql(ws, "UPDATE audit_log SET hash = :h WHERE seq = 5", h=entry_hash(*r))


def swap_4_6(ws) -> None:
    sql(ws, "UPDATE audit_log SET seq = -4 WHERE seq = 4")
    sql(ws, "UPDATE audit_log SET seq = 4 WHERE seq = 6")
    sql(ws, "UPDATE audit_log SET seq = 6 WHERE seq = -4")


TAMPER = {  # what is done -> (first broken seq, reason)
    "edit_after": (lambda ws: sql(ws, "UPDATE audit_log SET after = replace(after, '社区', '小区') WHERE seq = 5"),
                   5, "content"),
    "edit_user": (lambda ws: sql(ws, "UPDATE audit_log SET username = 'nobody' WHERE seq = 3"), 3, "content"),
    "edit_time": (lambda ws: sql(ws, "UPDATE audit_log SET at = '2020-01-01T00:00:00.000000' WHERE seq = 7"),
                  7, "content"),
    "delete_middle": (lambda ws: sql(ws, "DELETE FROM audit_log WHERE seq = 5"), 5, "missing"),
    "delete_first": (lambda ws: sql(ws, "DELETE FROM audit_log WHERE seq = 1"), 1, "missing"),
    "swap": (swap_4_6, 4, "link"),
    "truncate_tail": (lambda ws: sql(ws, "DELETE FROM audit_log WHERE seq > 7"), 8, "truncated"),
    "rehash_one": (rehash_5, 6, "link"),
    "delete_all": (lambda ws: sql(ws, "DELETE FROM audit_log"), 1, "truncated"),
}


@pytest.fixture
def chain_ws(ws):
    street = org.office(ws).street_id
    for k in range(8):
        org.add_unit(ws, "community", street, f"社区{k}")
    assert audit_seqs(ws) == list(range(1, 11))
    report = check_report(ws)
    assert all(ok for ok, _ in report.values()), report
    return ws


@pytest.mark.parametrize("kind", list(TAMPER))
def test_tampering_named(chain_ws, kind):
    tamper, seq, reason = TAMPER[kind]
    tamper(chain_ws)
    report = check_report(chain_ws)
    ok, details = report["audit_chain"]
    assert not ok
    assert details == (f"first broken entry: #{seq} ({reason})",)
    assert all(v[0] for k, v in report.items() if k != "audit_chain"), "only the chain is reported broken"
    verdict = audit.verify_chain(chain_ws)
    assert (verdict.ok, verdict.first_broken_seq, verdict.reason) == (False, seq, reason)
    assert not maintenance.check(chain_ws).ok


def test_recorded_head_moved_back(chain_ws):
    """Someone rewinds the head beside the chain (to hide the newest entries from a naive reader)."""
    with chain_ws.engine.connect() as conn:
        h = conn.execute(text("SELECT hash FROM audit_log WHERE seq = 6")).scalar_one()
    sql(chain_ws, "UPDATE app_meta SET value = :v WHERE key = 'audit_head'", v=f"6:{h}")
    verdict = audit.verify_chain(chain_ws)
    assert not verdict.ok and verdict.first_broken_seq == 6


def test_verify_needs_permission(chain_ws):
    chain_ws.actor = Actor(99, "worker", Role.COMMUNITY_WORKER, frozenset({1}))
    with pytest.raises(DomainError) as exc:
        audit.verify_chain(chain_ws)
    assert exc.value.code == "auth.forbidden"


def test_appending_after_tampering_does_not_hide_it(chain_ws):
    TAMPER["edit_after"][0](chain_ws)
    org.add_unit(chain_ws, "community", org.office(chain_ws).street_id, "之后新增社区")
    verdict = audit.verify_chain(chain_ws)
    assert (verdict.ok, verdict.first_broken_seq) == (False, 5)
