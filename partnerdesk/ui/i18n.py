"""Translations: our compiled .ts plus Qt's own (so standard dialogs speak Chinese too).

Source strings are English, so English needs no file. A missing .qm degrades to English, and
:func:`current_language` then says "en", so error messages follow the language actually on screen.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..settings import LANGUAGES

log = logging.getLogger(__name__)


def install_translators(app: QCoreApplication, language: str, translations_dir: Path) -> list[QTranslator]:
    """Install the translators for ``language``; returns them (empty for English or a missing file)."""
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        return []
    ours = QTranslator(app)
    if not ours.load(f"partnerdesk_{language}", str(translations_dir)):
        log.warning("no translation partnerdesk_%s.qm in %s: the interface stays in English", language,
                    translations_dir)
        return []
    installed = [ours]
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        installed.append(qt_own)
    for translator in installed:
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(language))
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def current_language() -> str:
    """The language the interface actually speaks: a translation names its own language code."""
    code = QCoreApplication.translate("Language", "en", "The code of the language of this translation")
    return code if code in LANGUAGES else "en"
