"""The dashboard reminder's plain-SQL answers equal the agreements list's own, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from partnerdesk.services import accounts, reminders
from partnerdesk.services import agreement_queries as aq
from partnerdesk.services.agreement_queries import AgreementFilter
from tests.ui.agreements.data import build


def _listed(ws, days: int, limit: int = 5):  # noqa: ANN001, ANN202
    f = AgreementFilter(state=aq.EXPIRING, window_days=days)
    rows = aq.query_agreements(ws, f, "end", limit=limit)
    return aq.count_agreements(ws, f), [(r.id, r.number, r.end_date, r.partner_name, r.space_name,
                                         r.community_name) for r in rows]


@pytest.mark.parametrize("days", [30, 60, 90, 400])
def test_expiring_agreements_match_the_list(demo_ws, days):
    build(demo_ws)
    n, rows = reminders.expiring_agreements(demo_ws, days)
    assert n > 0 or days == 30
    assert (n, [(r.id, r.number, r.end_date, r.partner_name, r.space_name, r.community_name) for r in rows]) \
        == _listed(demo_ws, days)


def test_a_community_worker_sees_their_communities_only(demo_ws):
    built = build(demo_ws)
    accounts.add_user(demo_ws, "w-remind", "community_worker", "worker-pass-1", community_ids=(built.community_id,))
    accounts.login(demo_ws, "w-remind", "worker-pass-1")
    n, rows = reminders.expiring_agreements(demo_ws, 90)
    assert (n, [r.id for r in rows]) == (_listed(demo_ws, 90)[0], [r[0] for r in _listed(demo_ws, 90)[1]])
    assert {r.community_name for r in rows} == {"协议测试社区"}
