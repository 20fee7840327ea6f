"""Two clerks at the same moment: one live partner per number, gap-free filing numbers, no lost updates."""

from __future__ import annotations

import threading

import pytest

from partnerdesk.domain.errors import DomainError
from partnerdesk.domain.partners import PartnerInput
from partnerdesk.services import accounts, maintenance, org, partner_lifecycle, partners
from tests.conftest import ADMIN_PASSWORD, open_ws
from tests.helpers.numbers import org_code

N = 6


def _clerks(db_target, n, user="admin", password=ADMIN_PASSWORD):
    out = []
    for _ in range(n):
        w = open_ws(db_target, read_only=False) if db_target["pg_schema"] else _sqlite_ws(db_target)
        accounts.login(w, user, password)
        out.append(w)
    return out


def _sqlite_ws(db_target):
    # one process holds the instance lock; further workspaces in it share the file without the lock
    from partnerdesk.db.engine import make_engine
    from partnerdesk.services.workspace import Workspace

    return Workspace(db_target["url"], make_engine(db_target["url"]))


def _race(fns):
    barrier, results = threading.Barrier(len(fns)), [None] * len(fns)

    def run(i, fn):
        barrier.wait()
        try:
            results[i] = fn()
        except DomainError as err:
            results[i] = err

    threads = [threading.Thread(target=run, args=(i, f)) for i, f in enumerate(fns)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


@pytest.fixture
def setup(ws):
    st = org.add_unit(ws, "street", org.office(ws).district_id, "并发街道").value
    c = org.add_unit(ws, "community", st.id, "并发社区").value
    accounts.add_user(ws, "appr", "approver", "approve-pass-1")
    return c


@pytest.mark.timeout(120)
def test_same_number_registered_at_once(ws, db_target, setup):
    clerks = _clerks(db_target, N)
    data = PartnerInput("enterprise", "同时登记", uscc=org_code(77), community_ids=(setup.id,))
    results = _race([lambda w=w: partners.register(w, data) for w in clerks])
    ok = [r for r in results if not isinstance(r, DomainError)]
    refused = [r for r in results if isinstance(r, DomainError)]
    assert len(ok) == 1, results
    assert {e.code for e in refused} == {"partner.duplicate"}
    assert partners.count(ws, partners.PartnerFilter(text="同时登记")) == 1
    for w in clerks:
        w.close()
    assert maintenance.check(ws).ok


@pytest.mark.timeout(120)
def test_concurrent_filings_get_gap_free_numbers(ws, db_target, setup):
    ids = []
    for n in range(N):
        p = partners.register(ws, PartnerInput("enterprise", f"待备案{n}", uscc=org_code(200 + n),
                                               community_ids=(setup.id,)), submit=True).value
        p = partner_lifecycle.transition(ws, p.id, p.version, "community_approve", "同意").value
        ids.append(p)
    accounts.login(ws, "appr", "approve-pass-1")
    ids = [partner_lifecycle.transition(ws, p.id, p.version, "street_approve", "同意").value for p in ids]
    clerks = _clerks(db_target, N, "appr", "approve-pass-1")
    results = _race([lambda w=w, p=p: partner_lifecycle.transition(w, p.id, p.version, "file").value
                     for w, p in zip(clerks, ids, strict=True)])
    retried = []
    for r, p, w in zip(results, ids, clerks, strict=True):  # a busy SQLite writer may ask to retry: do so
        retried.append(r if not isinstance(r, DomainError) else partner_lifecycle.transition(w, p.id, p.version, "file").value)
    numbers = sorted(int(r.filing_no.split("〕")[1].rstrip("号")) for r in retried)
    assert numbers == list(range(1, N + 1))
    for w in clerks:
        w.close()


@pytest.mark.timeout(120)
def test_two_approvers_same_partner_one_wins(ws, db_target, setup):
    p = partners.register(ws, PartnerInput("enterprise", "抢审", uscc=org_code(300), community_ids=(setup.id,)),
                          submit=True).value
    clerks = _clerks(db_target, 2)
    results = _race([lambda: partner_lifecycle.transition(clerks[0], p.id, p.version, "community_approve", "同意"),
                     lambda: partner_lifecycle.transition(clerks[1], p.id, p.version, "reject", "不同意")])
    errors = [r for r in results if isinstance(r, DomainError)]
    assert len(errors) == 1 and errors[0].code in ("record.conflict", "db.busy")
    assert len(partner_lifecycle.timeline(ws, p.id)) == 2  # register + exactly one decision
    for w in clerks:
        w.close()
    assert maintenance.check(ws).ok
