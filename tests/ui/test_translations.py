"""The Chinese catalogues are complete and current; the interface really speaks Chinese by default;
without the compiled catalogue it falls back to English."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDateEdit,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

from scripts import build_translations as bt

CATALOGUES = sorted(bt.TRANSLATIONS.glob("*.ts"))


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.find("name").text
        for message in context.iter("message"):
            found[(name, message.find("source").text)] = message.find("translation")
    return found


@pytest.mark.parametrize("ts", CATALOGUES, ids=[ts.stem for ts in CATALOGUES])
def test_every_string_is_translated(ts: Path) -> None:
    untranslated = [key for key, tr in messages(ts).items()
                    if tr.get("type") in ("unfinished", "vanished", "obsolete") or not (tr.text or "").strip()]
    assert not untranslated, f"{len(untranslated)} untranslated in {ts.name}, e.g. {untranslated[:5]}"


@pytest.mark.parametrize("ts", CATALOGUES, ids=[ts.stem for ts in CATALOGUES])
def test_catalogue_matches_the_sources(ts: Path, tmp_path: Path) -> None:
    fresh = tmp_path / ts.name
    bt.extract(ts, fresh)
    in_sources, in_catalogue = set(messages(fresh)), set(messages(ts))
    assert not in_sources - in_catalogue, "run scripts/build_translations.py --update and translate"
    assert not in_catalogue - in_sources, "stale entries: run scripts/build_translations.py --update"


def test_placeholders_survive_translation() -> None:
    main = bt.TRANSLATIONS / "partnerdesk_zh_CN.ts"
    for (context, source), tr in messages(main).items():
        for name in ("{n}", "{name}", "{user}", "{db}", "{time}", "{path}", "{seq}", "{community}", "{file}"):
            assert (name in source) == (name in (tr.text or "")), (context, source)


def test_the_interface_speaks_chinese_by_default(qtbot, zh, demo_ws, ui_settings) -> None:
    from partnerdesk.ui.i18n import current_language
    from tests.ui.support import open_window

    assert ui_settings.language == "zh_CN" and current_language() == "zh_CN"
    w = open_window(qtbot, demo_ws, ui_settings)
    nav = [w.nav.item(i).text() for i in range(w.nav.count())]
    assert nav == ["概览", "合伙人", "空间与协议", "服务与点单", "资金", "文书", "系统管理"]
    assert w.menuBar().actions()[0].text() == "文件(&F)"
    assert "管理员" in w.user_label.text()
    admin = w.go_to("administration")
    assert admin.tabs.tabText(0) == "组织架构"
    org_tab = admin.show_tab("org")
    assert org_tab.model.headerData(3, Qt.Orientation.Horizontal) == "推进阶段"


def test_missing_catalogue_falls_back_to_english(qapp, tmp_path: Path) -> None:
    from partnerdesk.ui.i18n import current_language, install_translators

    assert install_translators(qapp, "zh_CN", tmp_path) == []
    assert current_language() == "en"
    assert QCoreApplication.translate("Pages", "Overview") == "Overview"


ALLOWED_LATIN = re.compile(r"Ctrl|GB/T|English|sqlite3?|admin|staff|worker|approver|auditor|system|demo|"
                           r"PartnerDesk|PostgreSQL|Python|Qt|PySide|tmp|pytest|backups?|partnerdesk|startup|manual|exit|"
                           r"kB|MB|pd|office|home|root|of|Excel|WPS|Tab|Delete|PDF")


def _english_words(text: str) -> list[str]:
    # file paths, pg_dump and the like; record codes such as the demo's fund codes (JJC-110105001)
    text = re.sub(r"\S*/\S*|\w+_\w+|\b[A-Z]+-[\w-]+", "", text.replace("&", ""))
    return [w for w in re.findall(r"[A-Za-z]{3,}", text) if not ALLOWED_LATIN.fullmatch(w)]


def _visible_texts(root: QWidget) -> list[str]:
    texts = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        for getter in ("text", "title", "placeholderText", "specialValueText", "windowTitle"):
            value = getattr(widget, getter, None)
            if callable(value) and isinstance(widget, (QLabel, QAbstractButton, QGroupBox, QLineEdit,
                                                       QDateEdit)):
                try:
                    texts.append(value())
                except TypeError:
                    pass
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts += _model_texts(widget.model())
    return texts


def _model_texts(model) -> list[str]:  # noqa: ANN001
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
    texts = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)]
    for row in range(min(model.rowCount(QModelIndex()), 5)):
        texts += [str(model.index(row, c).data() or "") for c in range(columns)]
    return texts


def test_no_english_is_left_on_chinese_screens(qtbot, zh, demo_ws, ui_settings) -> None:
    from tests.ui.support import open_window

    w = open_window(qtbot, demo_ws, ui_settings)
    leftovers = set()
    for spec in w.specs:
        if "partners" in spec.key:
            continue  # the partners area keeps its own catalogue and tests
        page = w.go_to(spec.key)
        tabs = getattr(page, "tab_pages", {"": page})
        for key in tabs:
            if key:
                page.show_tab(key)
            qtbot.wait(1)
            for text in _visible_texts(w):
                leftovers.update(_english_words(text))
    leftovers.update(_english_words(" ".join(a.text() for a in w.menuBar().actions())))
    assert not leftovers, sorted(leftovers)
