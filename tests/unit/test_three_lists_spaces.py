"""Idle spaces appear in the resources list (merged at read time, marked as spaces) and in matching."""

from __future__ import annotations

from partnerdesk.services import spaces, three_lists
from tests.unit.loop_setup import login, world


def test_idle_spaces_are_resources(ws):
    w = world(ws)  # "一楼活动室" in community 1 is under agreement: not a resource
    store = spaces.save(ws, spaces.SpaceInput(w.c2.id, "闲置库房", 4025, address="西湖路2号", kind="other")).value
    spaces.save(ws, spaces.SpaceInput(w.c2.id, "改造中的厅", 5000, status="renovation"))
    three_lists.save(ws, "resource", {"community_id": w.c2.id, "kind": "capability", "title": "理发手艺"})
    rows = three_lists.list_of(ws, "resource")
    assert [(r.kind, r.title, r.space_id, r.id, r.area_centi_m2, r.status) for r in rows] == [
        ("capability", "理发手艺", None, rows[0].id, 0, "available"),
        ("space", "闲置库房", store.id, -store.id, 4025, "available")]
    assert [r.title for r in three_lists.list_of(ws, "resource", w.c1.id)] == []
    assert [r.title for r in three_lists.list_of(ws, "resource", status="in_use")] == []
    login(ws, "worker")  # community 1 only
    assert three_lists.list_of(ws, "resource") == []
    login(ws, "admin")
    # a resource row that already stands for the space: the space is not listed twice
    three_lists.save(ws, "resource", {"community_id": w.c2.id, "kind": "room", "title": "库房（登记）",
                                      "space_id": store.id})
    assert sorted(r.title for r in three_lists.list_of(ws, "resource")) == ["库房（登记）", "理发手艺"]


def test_matching_offers_idle_spaces(ws):
    w = world(ws)
    hall = spaces.save(ws, spaces.SpaceInput(w.c2.id, "闲置大厅", 9000)).value
    three_lists.save(ws, "need", {"community_id": w.c2.id, "title": "老人午餐", "category": "elderly_care",
                                  "source": "survey"})
    [match] = three_lists.matching(ws, w.c2.id)
    assert [(r.kind, r.space_id) for r in match.resources] == [("space", hall.id)]
