"""Per-machine settings (language, backup folder and retention, window, recent databases).

Stored as JSON in the user's config folder, written atomically. Office-wide data lives in the database.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from . import paths
from .fsutil import atomic_write_bytes

LANGUAGES = ("zh_CN", "en")
MAX_RECENT = 8


@dataclass
class Settings:
    language: str = "zh_CN"
    backup_dir: str = ""  # empty = default under the data folder
    keep_daily: int = 7
    keep_weekly: int = 4
    print_profile: str = "gbt9704"
    recent_databases: list[str] = field(default_factory=list)
    window_geometry: str = ""  # base64 of QByteArray, written by the UI
    window_state: str = ""
    agreement_reminder_days: int = 30  # the dashboard's "agreements ending soon" window: 30, 60 or 90

    def resolved_backup_dir(self) -> Path:
        return Path(self.backup_dir) if self.backup_dir else paths.default_backup_dir()

    def remember_database(self, url: str) -> None:
        self.recent_databases = [url] + [u for u in self.recent_databases if u != url]
        del self.recent_databases[MAX_RECENT:]


def settings_path() -> Path:
    return paths.config_dir() / "settings.json"


def load(path: Path | None = None) -> Settings:
    path = path or settings_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    known = {f.name for f in fields(Settings)}
    settings = Settings(**{k: v for k, v in raw.items() if k in known})
    if settings.language not in LANGUAGES:
        settings.language = "zh_CN"
    return settings


def save(settings: Settings, path: Path | None = None) -> None:
    data = json.dumps(asdict(settings), ensure_ascii=False, indent=2).encode("utf-8")
    atomic_write_bytes(path or settings_path(), data)


def database_url_from(cli_value: str | None) -> str:
    """--db wins, then PARTNERDESK_DATABASE_URL, then the default SQLite file. A bare path means SQLite."""
    value = cli_value or os.environ.get("PARTNERDESK_DATABASE_URL") or str(paths.default_database_path())
    return as_url(value)


def as_url(value: str) -> str:
    if "://" in value:
        return value
    return "sqlite:///" + str(Path(value).expanduser().resolve())
