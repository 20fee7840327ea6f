"""Where things live: shipped resources/forms (checkout or PyInstaller bundle) and the user's data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import PlatformDirs

from . import APP_AUTHOR, APP_NAME


def bundle_root() -> Path:
    """The folder holding resources/ and forms/: the checkout root, or PyInstaller's _MEIPASS."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return bundle_root() / "resources"


def forms_dir() -> Path:
    return bundle_root() / "forms"


def desktop_forms_dir() -> Path:
    """Where releases before schema 0009 kept the office's template versions on each desktop (now in the
    database: ``services.template_adoption`` moves what it finds here)."""
    return data_dir() / "forms"


def desktop_form_files() -> list[Path]:
    """The template files left in :func:`desktop_forms_dir` (usually none), sorted."""
    folder = desktop_forms_dir()
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def translations_dir() -> Path:
    return resources_dir() / "translations"


def _dirs() -> PlatformDirs:
    return PlatformDirs(APP_NAME, APP_AUTHOR, roaming=False)


def data_dir() -> Path:
    """User data folder; PARTNERDESK_HOME overrides it (tests, portable installs)."""
    override = os.environ.get("PARTNERDESK_HOME")
    path = Path(override) if override else Path(_dirs().user_data_dir)
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    override = os.environ.get("PARTNERDESK_HOME")
    path = Path(override) / "config" if override else Path(_dirs().user_config_dir)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return data_dir() / "partnerdesk.sqlite3"


def default_backup_dir() -> Path:
    return data_dir() / "backups"


def quarantine_dir() -> Path:
    return data_dir() / "quarantine"


def archive_dir() -> Path:
    return data_dir() / "archive"
