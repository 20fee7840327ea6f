"""Translations: our compiled catalogues plus Qt's own (so standard dialogs speak Chinese too).

``partnerdesk_<lang>.qm`` is the main catalogue; areas may add their own (``partners_<lang>.qm``).

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
    installed = [ours, *_area_catalogues(app, language, translations_dir)]
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        installed.append(qt_own)
    for translator in installed:
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(language))
    return installed


def _area_catalogues(app: QCoreApplication, language: str, translations_dir: Path) -> list[QTranslator]:
    """The catalogues of single areas (partners_zh_CN.qm, ...) beside the main one."""
    found = []
    for qm in sorted(translations_dir.glob(f"*_{language}.qm")):
        translator = QTranslator(app)
        if qm.stem != f"partnerdesk_{language}" and translator.load(str(qm)):
            found.append(translator)
    return found


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def current_language() -> str:
    """The language the interface actually speaks: a translation names its own language code."""
    code = QCoreApplication.translate("Language", "en", "The code of the language of this translation")
    return code if code in LANGUAGES else "en"
