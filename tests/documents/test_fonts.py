"""Fonts: shipped fonts cover GB 2312, system fonts win, CFF files are skipped, rare characters reported."""

from __future__ import annotations

import pytest

from partnerdesk.documents import fonts as F
from partnerdesk.domain.errors import DomainError


@pytest.fixture(scope="module")
def shipped() -> F.FontSet:
    return F.resolve(system_dirs=())


def test_gb2312_set_has_6763_hanzi():
    hanzi = F.gb2312_hanzi()
    assert len(hanzi) == 6763 == len(set(hanzi))
    assert hanzi[0] == "啊" and hanzi[-1] == "齄"


def test_every_shipped_font_used_for_a_style_covers_gb2312(shipped):
    hanzi = F.gb2312_hanzi()
    for style in F.STYLES:
        primary = shipped[style].primary
        assert primary.origin == "shipped"
        missing = [ch for ch in hanzi if not primary.has(ch)]
        assert missing == [], f"{style}: {primary.describe()} lacks {''.join(missing[:20])}"
    assert shipped.coverage(hanzi + "，。、；：？！（）《》“”—…０１２") == {}


def test_report_names_the_file_of_every_style(shipped):
    report = shipped.report()
    assert set(report) == set(F.STYLES)
    assert report["hei"].startswith("wqy-microhei.ttc#0 (WenQuanYi Micro Hei, shipped)")
    assert report["kai"].startswith("gkai00mp.ttf")
    assert report["fangsong"].startswith("gbsn00lp.ttf")
    assert report["title"].endswith("+synthetic bold")  # no 小标宋 shipped


def test_shipped_fonts_have_licences():
    folder = F.default_shipped_dir()
    readme = (folder / "README.md").read_text(encoding="utf-8")
    for name in {f for f, _ in F.SHIPPED.values()}:
        assert (folder / name).is_file() and name in readme
    assert (folder / "LICENSE-ARPHIC-gbsn00lp.txt").is_file() and (folder / "COPYRIGHT-wqy-microhei.txt").is_file()


def test_system_fonts_win_and_cff_fonts_are_skipped(tmp_path):
    shipped_dir = F.default_shipped_dir()
    (tmp_path / "Fonts").mkdir()
    (tmp_path / "Fonts" / "SIMKAI.TTF").symlink_to(shipped_dir / "gkai00mp.ttf")  # case-insensitive match
    cff = next((p for p in ["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"] if __import__("os").path.exists(p)), None)
    if cff:
        (tmp_path / "Fonts" / "simhei.ttf").symlink_to(cff)
    fs = F.resolve(system_dirs=[tmp_path])
    assert fs["kai"].primary.origin == "system" and fs["kai"].primary.path.name == "SIMKAI.TTF"
    assert fs["kai"].chain[1].origin == "shipped"  # the shipped font stays behind it
    assert fs["hei"].primary.origin == "shipped"
    if cff:
        assert any("simhei.ttf" in note for note in fs.notes)


def test_office_override_comes_first(tmp_path):
    fs = F.resolve(system_dirs=(), overrides={"fangsong": F.default_shipped_dir() / "gkai00mp.ttf"})
    assert fs["fangsong"].primary.origin == "office"


def test_rare_characters_are_reported_with_their_code_points(shipped):
    assert shipped.coverage("张𠈌\ue000", ["fangsong"]) == {"fangsong": "\ue000𠈌"}
    with pytest.raises(DomainError) as err:
        shipped.require({"fangsong": "申请人：张𠈌", "hei": "一、"})
    assert err.value.code == "document.missing_glyphs"
    assert err.value.params["characters"] == "𠈌"
    assert err.value.params["codepoints"] == "U+2020C"


def test_fonts_are_registered_once(shipped):
    again = F.resolve(system_dirs=())
    assert again["song"].primary is shipped["song"].primary  # cached face, not parsed twice
