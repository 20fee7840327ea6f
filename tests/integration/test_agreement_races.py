"""Two clerks approving clashing agreements for one space at the same moment: exactly one holds it."""

from __future__ import annotations

from datetime import date

import pytest

from partnerdesk.domain.errors import DomainError
from partnerdesk.services import accounts, agreement_queries, agreements, maintenance, spaces
from partnerdesk.services.agreement_queries import AgreementFilter
from tests.integration.test_partner_races import _clerks, _race
from tests.unit.test_agreements_service import _filed_partner, _terms

N = 5


@pytest.fixture
def setup(ws):
    from partnerdesk.services import org

    st = org.add_unit(ws, "street", org.office(ws).district_id, "并发协议街道").value
    c = org.add_unit(ws, "community", st.id, "并发协议社区").value
    accounts.add_user(ws, "appr", "approver", "approve-pass-1")
    room = spaces.save(ws, spaces.SpaceInput(c.id, "抢手的活动室", 6000)).value
    return c, room


@pytest.mark.timeout(120)
def test_concurrent_approvals_never_double_book(ws, db_target, setup):
    c, room = setup
    # drafts for the same dates are allowed (a draft holds nothing yet); approval decides who holds the room
    partners_ = [_filed_partner(ws, c, 900 + n) for n in range(N)]
    rows = [agreements.create(ws, _terms(p, room, date(2027, 1, 1), date(2027, 12, 31))).value for p in partners_]
    clerks = _clerks(db_target, N)
    results = _race([lambda w=w, a=a: agreements.transition(w, a.id, a.version, "approve", "同意")
                     for w, a in zip(clerks, rows, strict=True)])
    ok = [r for r in results if not isinstance(r, DomainError)]
    refused = [r for r in results if isinstance(r, DomainError)]
    assert len(ok) == 1, results
    assert {e.code for e in refused} <= {"agreement.overlap", "db.busy"}
    held = [a for a in agreement_queries.query_agreements(ws, AgreementFilter(space_id=room.id)) if a.state == "approved"]
    assert len(held) == 1
    for w in clerks:
        w.close()
    assert maintenance.check(ws).ok
