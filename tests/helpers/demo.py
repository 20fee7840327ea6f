"""Helpers for the demo-data tests: load a scale, the district demo once per module on SQLite, and the
same seed loaded into a second office must give the same data."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest

from partnerdesk.services import accounts, demo
from tests.conftest import ADMIN_PASSWORD, open_ws

TODAY = date(2026, 11, 21)


def load(ws, scale: str, seed: int = 7, today: date = TODAY):  # noqa: ANN001, ANN201
    """Load the demo at ``scale``; returns its summary."""
    return demo.load(ws, scale, seed=seed, today=today).value


def _office(url: str, backup_dir) -> Any:  # noqa: ANN001
    ws = open_ws({"url": url, "pg_schema": None, "backup_dir": backup_dir})
    accounts.init_office(ws, "admin", ADMIN_PASSWORD, "渝新区", "石油路街道")
    accounts.login(ws, "admin", ADMIN_PASSWORD)
    return ws


def district(tmp_path_factory, folder_name: str, today: date = TODAY) -> Iterator[tuple[Any, Any]]:  # noqa: ANN001
    """Body of a module-scoped fixture: the district demo on SQLite, loaded once; yields (ws, summary)."""
    folder = tmp_path_factory.mktemp(folder_name)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PARTNERDESK_HOME", str(folder / "home"))
        ws = _office(f"sqlite:///{folder / 'pd.sqlite3'}", folder / "b")
        summary = load(ws, "district", seed=1, today=today)
        yield ws, summary
        ws.close()


def assert_same_seed_same_data(ws, tmp_path, fingerprint: Callable[[Any], Any], seed: int = 3,  # noqa: ANN001
                               today: date = TODAY) -> None:
    """Load ``seed`` into ``ws`` and into a fresh SQLite office: ``fingerprint`` must agree."""
    load(ws, "small", seed=seed, today=today)
    other = _office(f"sqlite:///{tmp_path / 'again.sqlite3'}", None)
    try:
        load(other, "small", seed=seed, today=today)
        assert fingerprint(other) == fingerprint(ws)
    finally:
        other.close()
