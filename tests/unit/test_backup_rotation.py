"""Backup rotation plan: the newest few, the newest per day and per ISO week are kept; nothing else."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from partnerdesk.db.backup import BackupInfo, list_backups, plan_rotation, rotate

NOW = datetime(2026, 11, 21, 18, 0, 0)


def info(at: datetime, n: int = 0) -> BackupInfo:
    return BackupInfo(Path(f"/b/partnerdesk-{at:%Y%m%d-%H%M%S}-auto{'-' + str(n) if n else ''}.sqlite3"), at, "auto", 1)


def newest_first(items: list[BackupInfo]) -> list[BackupInfo]:
    return sorted(items, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def test_hourly_backups_for_sixty_days():
    backups = newest_first([info(NOW - timedelta(hours=h)) for h in range(60 * 24)])
    doomed = plan_rotation(backups, keep_daily=7, keep_weekly=4, now=NOW)
    kept = [b for b in backups if b not in doomed]
    assert backups[0] in kept
    assert backups[:5] == kept[:5], "the five newest are kept"
    days = {b.taken_at.date() for b in kept}
    for d in range(7):  # newest of each of the last 7 days
        day = (NOW - timedelta(days=d)).date()
        assert day in days
        assert max(b.taken_at for b in backups if b.taken_at.date() == day) in {b.taken_at for b in kept}
    weeks = {b.taken_at.isocalendar()[:2] for b in kept}
    assert len(weeks) >= 4
    assert min(b.taken_at for b in kept) > NOW - timedelta(weeks=5)
    assert len(kept) <= 5 + 7 + 5
    assert len(doomed) + len(kept) == len(backups)


def test_newest_always_kept_even_with_zero_retention():
    backups = newest_first([info(NOW - timedelta(days=d * 30)) for d in range(6)])
    doomed = plan_rotation(backups, keep_daily=0, keep_weekly=0, now=NOW, keep_recent=0)
    assert backups[0] not in doomed
    assert doomed == backups[1:]


def test_several_per_day_only_newest_of_old_days_survive():
    day = NOW - timedelta(days=3)
    same_day = newest_first([info(day.replace(hour=h)) for h in (9, 12, 15)])
    recent = newest_first([info(NOW - timedelta(minutes=m)) for m in range(5)])
    backups = newest_first(recent + same_day)
    doomed = plan_rotation(backups, keep_daily=7, keep_weekly=4, now=NOW)
    assert set(doomed) == set(same_day[1:])


def test_empty():
    assert plan_rotation([], 7, 4, NOW) == []


@settings(deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=90 * 24 * 60), min_size=1, max_size=60, unique=True),
       st.integers(min_value=0, max_value=10), st.integers(min_value=0, max_value=8),
       st.integers(min_value=0, max_value=6))
def test_plan_properties(minutes_ago, keep_daily, keep_weekly, keep_recent):
    backups = newest_first([info(NOW - timedelta(minutes=m)) for m in minutes_ago])
    doomed = plan_rotation(backups, keep_daily, keep_weekly, NOW, keep_recent)
    kept = [b for b in backups if b not in doomed]
    assert set(doomed) <= set(backups) and len(set(doomed)) == len(doomed)
    assert backups[0] in kept
    assert set(backups[:max(keep_recent, 1)]) <= set(kept)
    for b in doomed:
        same_day = [x for x in backups if x.taken_at.date() == b.taken_at.date()]
        same_week = [x for x in backups if x.taken_at.isocalendar()[:2] == b.taken_at.isocalendar()[:2]]
        newest_of_day = same_day[0] is b
        newest_of_week = same_week[0] is b
        in_day_window = b.taken_at.date() > (NOW - timedelta(days=keep_daily)).date()
        in_week_window = b.taken_at.date() > (NOW - timedelta(weeks=keep_weekly)).date()
        assert not (newest_of_day and in_day_window)
        assert not (newest_of_week and in_week_window)


def test_rotate_on_disk_only_after_newest_verifies(tmp_path):
    """rotate() deletes nothing while the newest backup does not verify (a damaged copy keeps the old ones)."""
    folder = tmp_path / "backups"
    folder.mkdir()
    for d in range(40):
        at = NOW - timedelta(days=d)
        (folder / f"partnerdesk-{at:%Y%m%d-%H%M%S}-auto.sqlite3").write_bytes(b"not a database")
    before = sorted(p.name for p in folder.iterdir())
    assert rotate(folder, 7, 4, now=NOW) == []
    assert sorted(p.name for p in folder.iterdir()) == before
    assert len(list_backups(folder)) == 40
