"""Benchmark helpers: figures with a baseline from the same run, fresh-process timing, medians."""

from __future__ import annotations

import os
import re
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
ADMIN, ADMIN_PASSWORD = "admin", "admin-pass-1"
REPS = int(os.environ.get("PARTNERDESK_BENCH_REPS", "7"))


@dataclass
class Figure:
    """One row of the table. ``passed`` is None for an informational or unavailable figure."""

    name: str
    measured: float | None
    unit: str
    target: str
    passed: bool | None
    baseline: float | None = None
    baseline_name: str = ""
    note: str = ""
    samples: dict = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.measured is None or not self.baseline:
            return None
        return self.measured / self.baseline

    def as_json(self) -> dict:
        return {**asdict(self), "ratio": self.ratio}


def median_of(fn: Callable[[], float], reps: int) -> tuple[float, list[float]]:
    samples = [fn() for _ in range(reps)]
    return statistics.median(samples), samples


def ms(fn: Callable[[], object], reps: int = 5, *, warm: bool = False) -> tuple[float, list[float]]:
    """Median milliseconds of ``reps`` calls, and the samples. ``warm``: one call first, not counted (imports,
    the statement cache)."""
    if warm:
        fn()
    samples = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples), samples


def bare_ms(path: Path, sql: str, params: tuple = (), reps: int = 5, *, warm: bool = False) -> float:
    """The same query through bare sqlite3: the baseline of a list or report figure."""
    conn = sqlite3.connect(path)
    try:
        return ms(lambda: conn.execute(sql, params).fetchall(), reps, warm=warm)[0]
    finally:
        conn.close()


def timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


class NotAvailable(Exception):
    pass


_FIGURE = re.compile(r"^STARTUP_SECONDS=([0-9.]+)\s*$", re.M)


def run_startup_script(script: str, args: list[str], home: Path, timeout: float = 180) -> tuple[float, float]:
    """Run tests/benchmarks/<script> in a fresh offscreen process: (seconds it reports, wall seconds)."""
    # PYTHONDONTWRITEBYTECODE would make every run compile our modules from source (≈30 ms): an installed app
    # has its .pyc files, and the warm-up run is there to write them.
    env = {k: v for k, v in os.environ.items()
           if k not in ("PARTNERDESK_DATABASE_URL", "PARTNERDESK_PASSWORD", "PYTHONDONTWRITEBYTECODE")}
    env.update(QT_QPA_PLATFORM="offscreen", PARTNERDESK_HOME=str(home))
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, str(HERE / script), *args], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    if proc.returncode == 3 and "NOT_AVAILABLE" in proc.stdout:
        raise NotAvailable(proc.stdout.strip().splitlines()[-1])
    found = _FIGURE.findall(proc.stdout)
    if proc.returncode != 0 or not found:
        raise AssertionError(f"{script} failed (exit {proc.returncode})\nstdout:\n{proc.stdout[-3000:]}\n"
                             f"stderr:\n{proc.stderr[-3000:]}")
    return float(found[-1]), wall
