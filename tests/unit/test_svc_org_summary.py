"""The overview's counts come from one grouped query and agree with the tree."""

from collections import Counter

from partnerdesk.services import audit_queries, org


def test_summary_matches_the_tree(demo_ws):
    tree = org.tree(demo_ws)
    s = org.summary(demo_ws)
    communities = [u for u in tree if u.kind == "community"]
    assert (s.streets, s.communities, s.pilots) == (12, 31, sum(u.is_pilot for u in communities))
    found = Counter(u.phase for u in communities)
    assert dict(s.phases) == {code: found.get(code, 0) for code, _ in s.phases}
    assert sum(n for _, n in s.phases) == 31
    assert s.phases[0][0] == ""  # "not started" first, then the phases in order


def test_usernames_for_auditors(demo_ws):
    from partnerdesk.services import accounts

    accounts.login(demo_ws, "auditor1", "demo-pass-1")
    names = audit_queries.usernames(demo_ws)
    assert "admin" in names and "auditor1" in names and names == sorted(names)
