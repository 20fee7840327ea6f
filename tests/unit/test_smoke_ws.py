from partnerdesk.services import org


def test_demo_tree_has_district_shape(demo_ws):
    rows = org.tree(demo_ws)
    kinds = [r.kind for r in rows]
    assert kinds.count("street") == 12
    assert kinds.count("community") == 31
    assert sum(r.is_pilot for r in rows) == 6
