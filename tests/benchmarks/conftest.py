"""Benchmark session: a district demo database built once, figures collected, printed as a table and written
to bench-results/latest.json. Run with `make bench` (not part of the normal suite)."""

from __future__ import annotations

import json
import os
import platform
import shutil
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import ADMIN, ADMIN_PASSWORD, ROOT, Figure  # noqa: E402

_FIGURES = pytest.StashKey[list]()


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_FIGURES] = []


@pytest.fixture
def record(request):
    """record(Figure) adds a row to the table."""
    return request.config.stash[_FIGURES].append


class DistrictDb:
    def __init__(self, path: Path, seconds: float, summary: object) -> None:
        self.path, self.demo_seconds, self.summary = path, seconds, summary

    def copy_to(self, folder: Path, *, closed_cleanly: bool = False) -> Path:
        """A private copy (the app takes an instance lock and writes a sign-in record). ``closed_cleanly``: as the
        last session left it after a clean exit (opened once, checked in full, closed: it carries its seal)."""
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / "pd.sqlite3"
        shutil.copyfile(self.path, target)
        if closed_cleanly:
            from partnerdesk.db import fileguard
            from partnerdesk.services.workspace import open_workspace

            ws = open_workspace(f"sqlite:///{target}")
            if ws.integrity is not None:
                ws.integrity.wait_ok()  # a large file's check runs beside start-up: a session outlives it
            ws.close()
            assert fileguard.sealed_since(target) is not None
        return target


@pytest.fixture(scope="session")
def district_db(tmp_path_factory) -> DistrictDb:
    """The district demo, loaded once per run through the service layer (the demo.load time is a figure)."""
    folder = tmp_path_factory.mktemp("district")
    path = folder / "district.sqlite3"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PARTNERDESK_HOME", str(folder / "home"))
        from partnerdesk.services import accounts, demo
        from partnerdesk.services.workspace import open_workspace

        ws = open_workspace(f"sqlite:///{path}", backup_dir=folder / "backups")
        try:
            accounts.init_office(ws, ADMIN, ADMIN_PASSWORD, "渝新区", "石油路街道")
            accounts.login(ws, ADMIN, ADMIN_PASSWORD)
            t0 = time.perf_counter()
            outcome = demo.load(ws, "district", seed=1)
            seconds = time.perf_counter() - t0
        finally:
            ws.close()
    return DistrictDb(path, seconds, outcome.value)


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "ms":
        return f"{value:.2f} ms"
    return f"{value:g}"


def _verdict(fig: Figure) -> str:
    if fig.measured is None:
        return "n/a"
    return {True: "PASS", False: "FAIL", None: "info"}[fig.passed]


def _table(figures: list[Figure]) -> list[str]:
    head = ("figure", "baseline", "measured", "ratio", "target", "result")
    rows = [(f.name, _fmt(f.baseline, f.unit), _fmt(f.measured, f.unit),
             f"{f.ratio:.2f}×" if f.ratio is not None else "—", f.target, _verdict(f)) for f in figures]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    line = lambda r: "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()  # noqa: E731
    out = [line(head), line(tuple("-" * w for w in widths)), *map(line, rows)]
    for f in figures:
        if f.baseline_name or f.note:
            out.append(f"  {f.name}: " + "; ".join(x for x in (
                f"baseline = {f.baseline_name}" if f.baseline_name else "", f.note) if x))
    return out


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    figures = config.stash.get(_FIGURES, [])
    if not figures:
        return
    tr = terminalreporter
    tr.section("PartnerDesk benchmarks (median of fresh runs; ratio = measured / baseline)")
    for text in _table(figures):
        tr.write_line(text)
    out = ROOT / "bench-results" / "latest.json"
    out.parent.mkdir(exist_ok=True)
    doc = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "figures": [f.as_json() for f in figures],
    }
    out.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    tr.write_line(f"written to {out.relative_to(ROOT)}")
