from partnerdesk.services import org


def test_demo_tree_has_district_shape(demo_ws):
    rows = org.tree(demo_ws)
    kinds = [r.kind for r in rows]
    assert kinds.count("street") == 12
    assert kinds.count("community") == 31
    assert sum(r.is_pilot for r in rows) == 6


def test_today_is_the_offices_calendar_day_not_utcs(ws, monkeypatch) -> None:
    """Records store UTC; the dates on them (approved on, paid on, due) are the office's day. At 02:00 in Beijing
    it is still yesterday 18:00 in UTC."""
    import time
    from datetime import date, datetime

    monkeypatch.setenv("TZ", "CST-8")  # a POSIX zone string: no tz database needed
    time.tzset()
    try:
        ws.clock = lambda: datetime(2026, 11, 21, 18, 0)  # UTC
        assert ws.today() == date(2026, 11, 22)
        ws.clock = lambda: datetime(2026, 11, 21, 15, 59)
        assert ws.today() == date(2026, 11, 21)
    finally:
        monkeypatch.undo()
        time.tzset()
