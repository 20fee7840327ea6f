"""`demo --scale district` through the service layer: ≤ 2 minutes (absolute target, no baseline)."""

from __future__ import annotations

from benchlib import Figure

LIMIT_S = 120.0


def test_district_demo_load_time(district_db, record):
    seconds = district_db.demo_seconds
    summary = district_db.summary
    fig = Figure("demo.load('district') on SQLite", seconds, "s", f"≤ {LIMIT_S:.0f} s", seconds <= LIMIT_S,
                 note=f"{summary}")
    record(fig)
    assert fig.passed, f"district demo took {seconds:.1f} s (> {LIMIT_S:.0f} s)"
