"""UI fixtures: the real main window on a real database, the Chinese translation, message boxes."""

from __future__ import annotations

import pytest

from partnerdesk import paths
from partnerdesk import settings as settings_mod
from tests.ui.support import MessageBoxes, open_window


@pytest.fixture(scope="session")
def qm_built() -> None:
    from scripts.build_translations import build

    build()
    assert (paths.translations_dir() / "partnerdesk_zh_CN.qm").exists()


@pytest.fixture
def zh(qapp, qm_built):
    """The interface in Chinese (as by default) for one test."""
    from partnerdesk.ui.i18n import install_translators, remove_translators

    translators = install_translators(qapp, "zh_CN", paths.translations_dir())
    assert translators, "the Chinese translation did not load"
    yield
    remove_translators(qapp, translators)


@pytest.fixture
def ui_settings() -> settings_mod.Settings:
    return settings_mod.load()


@pytest.fixture
def window(qtbot, ws, ui_settings):
    """The main window, administrator signed in, on an office without demo data."""
    return open_window(qtbot, ws, ui_settings)


@pytest.fixture
def demo_window(qtbot, demo_ws, ui_settings):
    return open_window(qtbot, demo_ws, ui_settings)


@pytest.fixture
def boxes(monkeypatch) -> MessageBoxes:
    return MessageBoxes(monkeypatch)
