"""The agreements and spaces lists: filters, sorts and pages in SQL, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from partnerdesk.services import accounts
from partnerdesk.services import agreement_queries as aq
from partnerdesk.services.agreement_queries import AgreementFilter, SpaceFilter
from tests.ui.agreements.data import build


@pytest.fixture
def built(demo_ws):
    return build(demo_ws)


def _numbers(rows):  # noqa: ANN001, ANN202
    return [r.id for r in rows]


def test_filters_by_community_state_and_expiring_window(demo_ws, built):
    mine = AgreementFilter(community_id=built.community_id)
    assert aq.count_agreements(demo_ws, mine) == 6
    ids = built.agreement_ids
    for state, key in (("draft", "draft"), ("approved", "approved"), ("signed", "signed"),
                       ("terminated", "terminated")):
        rows = aq.query_agreements(demo_ws, AgreementFilter(state=state, community_id=built.community_id))
        assert _numbers(rows) == [ids[key]]
    in_force = aq.query_agreements(demo_ws, AgreementFilter(state="in_force", community_id=built.community_id))
    assert {r.id for r in in_force} == {ids["expiring"], ids["in_force_75"]}
    for window, expected in ((30, {ids["expiring"]}), (60, {ids["expiring"]}),
                             (90, {ids["expiring"], ids["in_force_75"]})):
        f = AgreementFilter(state="expiring", community_id=built.community_id, window_days=window)
        rows = aq.query_agreements(demo_ws, f)
        assert {r.id for r in rows} == expected and {r.shown_state for r in rows} == {"expiring"}
        assert aq.count_agreements(demo_ws, f) == len(expected)
    assert aq.count_expiring(demo_ws, 90) >= 2


def test_rows_carry_names_and_shown_state(demo_ws, built):
    row = aq.agreement_row(demo_ws, built.agreement_ids["expiring"])
    assert row.space_name == "丁服务中心" and row.community_name == "协议测试社区" and row.partner_name
    assert row.state == "in_force" and row.shown_state == "expiring"
    signed = aq.agreement_row(demo_ws, built.agreement_ids["signed"])
    assert signed.mode == "low_rent" and signed.rent_fen == 150_000 and signed.shown_state == "signed"
    assert aq.agreement_row(demo_ws, 999_999) is None


def test_text_matches_number_partner_and_space(demo_ws, built):
    by_space = aq.query_agreements(demo_ws, AgreementFilter(text="助餐点"))
    assert _numbers(by_space) == [built.agreement_ids["approved"]]
    partner = aq.agreement_row(demo_ws, built.agreement_ids["draft"]).partner_name
    assert built.agreement_ids["draft"] in _numbers(aq.query_agreements(demo_ws, AgreementFilter(text=partner)))
    number = aq.agreement_row(demo_ws, built.agreement_ids["signed"]).number
    assert _numbers(aq.query_agreements(demo_ws, AgreementFilter(text=number))) == [built.agreement_ids["signed"]]
    assert aq.count_agreements(demo_ws, AgreementFilter(text="100%_")) == 0  # wildcards are literal


def test_partner_space_and_mode_filters(demo_ws, built):
    pid = built.partner_ids[2]
    assert _numbers(aq.query_agreements(demo_ws, AgreementFilter(partner_id=pid))) == [built.agreement_ids["signed"]]
    sid = built.space_ids["戊户外场地"]
    assert _numbers(aq.query_agreements(demo_ws, AgreementFilter(space_id=sid))) == [built.agreement_ids["in_force_75"]]
    free = aq.query_agreements(demo_ws, AgreementFilter(mode="free", community_id=built.community_id))
    assert _numbers(free) == [built.agreement_ids["in_force_75"]]


def test_sorts_and_pages_never_overlap(demo_ws, built):
    f = AgreementFilter(community_id=built.community_id)
    for sort in aq.AGREEMENT_SORTS:
        for descending in (False, True):
            whole = aq.query_agreements(demo_ws, f, sort, descending)
            paged = [r for off in range(0, 6, 4) for r in aq.query_agreements(demo_ws, f, sort, descending,
                                                                                offset=off, limit=4)]
            assert _numbers(paged) == _numbers(whole) and len(set(_numbers(whole))) == 6
    ends = [r.end_date for r in aq.query_agreements(demo_ws, f, "end", True)]
    assert ends == sorted(ends, reverse=True)


def test_spaces_list_filters_sorts_pages(demo_ws, built):
    mine = SpaceFilter(community_id=built.community_id)
    assert aq.count_spaces(demo_ws, mine) == 6
    areas = [r.area_centi_m2 for r in aq.query_spaces(demo_ws, mine, "area", True)]
    assert areas == sorted(areas, reverse=True) and areas[0] == 10_000
    idle = aq.query_spaces(demo_ws, SpaceFilter(community_id=built.community_id, status="idle"))
    assert {r.name for r in idle} == {"甲活动室", "乙助餐点", "己活动室"}  # approved holds nothing yet
    assert [r.name for r in aq.query_spaces(demo_ws, SpaceFilter(text="测试路3号"))] == ["丙办公室"]
    assert [r.community_name for r in aq.query_spaces(demo_ws, SpaceFilter(text="隔壁礼堂"))] == ["协议隔壁社区"]
    pages = [r.id for off in (0, 4) for r in aq.query_spaces(demo_ws, mine, "name", offset=off, limit=4)]
    assert pages == [r.id for r in aq.query_spaces(demo_ws, mine, "name")]
    assert all(r.status not in ("withdrawn", "renovation") for r in aq.space_choices(demo_ws, built.community_id))


def test_community_worker_sees_only_own_communities(demo_ws, built):
    accounts.add_user(demo_ws, "next_door", "community_worker", "worker-pass-1",
                      community_ids=[built.other_community_id])
    accounts.login(demo_ws, "next_door", "worker-pass-1")
    assert aq.count_agreements(demo_ws) == 0
    assert [r.name for r in aq.query_spaces(demo_ws)] == ["隔壁礼堂"]
    assert aq.agreement_row(demo_ws, built.agreement_ids["draft"]) is None


def test_events_and_supplements(demo_ws, built):
    from datetime import date

    from partnerdesk.services import agreements

    aid = built.agreement_ids["expiring"]
    assert [e.action for e in aq.events(demo_ws, aid)] == ["create", "approve", "sign", "start"]
    agreements.add_supplement(demo_ws, aid, "增加周末开放时段", date(2026, 5, 20))
    assert [(s.seq, s.text) for s in aq.supplements(demo_ws, aid)] == [(1, "增加周末开放时段")]


def test_numbers_sort_by_year_then_sequence(demo_ws, built):
    numbers = [r.number for r in aq.query_agreements(demo_ws, AgreementFilter(), "number", limit=1000)]
    keys = [(n[5:9], int(n[10:-1])) for n in numbers]
    assert keys == sorted(keys)


def test_count_matches_the_list_for_every_kind_of_filter(demo_ws, built):
    """The count leaves out joins no condition needs and searches names through sub-selects: it must still agree
    with the list (which joins everything) for text on each column, community, state, scope."""
    sample = aq.agreement_row(demo_ws, built.agreement_ids["expiring"])
    filters = [AgreementFilter(), AgreementFilter(text=sample.partner_name), AgreementFilter(text=sample.space_name),
               AgreementFilter(text=sample.number), AgreementFilter(text=sample.partner_name[:1]),
               AgreementFilter(text="不存在的名字"), AgreementFilter(text="%"), AgreementFilter(text="_"),
               AgreementFilter(community_id=built.community_id, text="活动室"),
               AgreementFilter(state="current", text=sample.space_name[:1]), AgreementFilter(state="expiring")]

    def agree() -> list[int]:
        counts = []
        for f in filters:
            n = aq.count_agreements(demo_ws, f)
            assert n == len(aq.query_agreements(demo_ws, f, limit=10_000)), f
            counts.append(n)
        return counts

    counts = agree()
    assert counts[1] >= 1 and counts[2] >= 1 and counts[3] == 1 and counts[5] == 0 and counts[0] > counts[1]
    accounts.add_user(demo_ws, "next_door2", "community_worker", "worker-pass-1",
                      community_ids=[built.community_id])
    accounts.login(demo_ws, "next_door2", "worker-pass-1")
    scoped = agree()
    assert scoped[0] == 6 and scoped[5] == 0  # the worker's community only


def test_name_sorts_break_ties_by_the_named_record(demo_ws, built):
    """Sorted by partner (or space, community), equal names stay grouped by record, then by agreement (a community's
    agreements by space first)."""
    for sort, key in (("partner", lambda r: (r.partner_name, r.partner_id, r.id)),
                      ("space", lambda r: (r.space_name, r.space_id, r.id)),
                      ("community", lambda r: (r.community_name, r.community_id, r.space_name, r.space_id, r.id))):
        rows = aq.query_agreements(demo_ws, AgreementFilter(), sort, limit=10_000)
        assert [key(r) for r in rows] == sorted(key(r) for r in rows), sort
        down = aq.query_agreements(demo_ws, AgreementFilter(), sort, descending=True, limit=10_000)
        assert [r.id for r in down] == [r.id for r in reversed(rows)], sort
