"""Rendered PDFs read back: text, masking, dates, embedded fonts, page numbers, the 22 x 28 grid, escaping."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from partnerdesk.documents.fonts import gb2312_hanzi
from partnerdesk.documents.profiles import GBT9704, MM
from partnerdesk.documents.render import render
from partnerdesk.documents.templates import TemplateStore, parse
from partnerdesk.domain.errors import DomainError

from . import pdftools
from .samples import ID_NUMBER, SAMPLES, commitment_individual, commitment_org

FORMS = Path(__file__).resolve().parents[2] / "forms"
STORE = TemplateStore(FORMS)
P = GBT9704
PAGE_H = P.page_size[1]
TYPE_LEFT, TYPE_RIGHT = P.left, P.right
TYPE_TOP, TYPE_BOTTOM = PAGE_H - P.top, PAGE_H - P.bottom  # from the top of the page, as pdftotext counts


def _flat(text: str) -> str:
    return "".join(text.split())


def test_commitment_letter_reads_back(tmp_path):
    pdf = render(STORE.load("commitment_org"), commitment_org())
    text = _flat(pdftools.text(pdf, tmp_path))
    assert "社区合伙人承诺书" in text and "编号：〔2026〕第012号" in text
    assert "重庆市渝中区康乐养老服务中心" in text and "52500103MJP123456X" in text
    assert "联系电话：138****5678" in text and "13812345678" not in text
    assert "2026年7月5日" in text and "2026年07月05日" not in text
    assert "近三年内无违法违规行为" in text
    assert pdftools.page_sizes(pdf)[0] == pytest.approx((595.28, 841.89), abs=0.01)


def test_individual_letter_prints_the_id_unmasked_and_the_mobile_masked(tmp_path):
    text = _flat(pdftools.text(render(STORE.load("commitment_individual"), commitment_individual()), tmp_path))
    assert f"公民身份号码：{ID_NUMBER}" in text
    assert "138****5678" in text and "13812345678" not in text


def test_application_masks_the_id_number(tmp_path):
    text = _flat(pdftools.text(render(STORE.load("application"), SAMPLES["application"]()), tmp_path))
    assert "1101**********002X" in text and ID_NUMBER not in text


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_every_kind_embeds_subset_truetype_fonts_and_stays_in_the_type_area(kind, tmp_path):
    pdf = render(STORE.load(kind), SAMPLES[kind]())
    fonts = pdftools.fonts(pdf)
    assert fonts and all(f["fontfile2"] for f in fonts), fonts
    assert all(f["name"][7] == "+" and f["name"][1:7].isalpha() and f["name"][1:7].isupper() for f in fonts)
    profile = STORE.load(kind).profile
    from partnerdesk.documents.profiles import get_profile
    pr = get_profile(profile)
    top, bottom = PAGE_H - pr.top, PAGE_H - pr.bottom
    for w in pdftools.words(pdf, tmp_path):
        if w.y0 >= bottom:  # below the type area: only the page number
            assert w.text in ("—", str(w.page)), w
            continue
        assert pr.left - 0.5 <= w.x0 and w.x1 <= pr.right + 0.5 and w.y0 >= top - 0.5, w


def test_page_numbers_alternate_sides_7mm_below_the_type_area(tmp_path):
    pdf = render(STORE.load("commitment_org"), commitment_org())
    feet = [w for w in pdftools.words(pdf, tmp_path) if w.y0 > TYPE_BOTTOM]
    pages = {w.page for w in feet}
    assert pages == {1, 2}
    one_char = P.page_number.size
    for page in pages:
        line = sorted((w for w in feet if w.page == page), key=lambda w: w.x0)
        assert [w.text for w in line] == ["—", str(page), "—"]
        assert line[0].y0 >= TYPE_BOTTOM + 7 * MM - 3  # the number's top about 7 mm below the type area
        if page % 2:
            assert line[-1].x1 == pytest.approx(TYPE_RIGHT - one_char, abs=1.0)
        else:
            assert line[0].x0 == pytest.approx(TYPE_LEFT + one_char, abs=1.0)


def _grid_template(text: str):
    return parse({"format": 1, "kind": "grid", "name": "grid", "version": "t", "profile": "gbt9704",
                  "title": "网格", "fields": {"clause": {"label": "条款"}},
                  "blocks": [{"type": "paragraph", "text": "{clause}", "indent": False}]})


def test_body_text_sits_on_the_22_by_28_grid(tmp_path):
    hanzi = gb2312_hanzi()
    clause = (hanzi[:700] + hanzi[1000:1700])  # 1,400 characters without punctuation: 50 full lines
    pdf = render(_grid_template(clause), {"clause": clause})
    body = [w for w in pdftools.words(pdf, tmp_path) if TYPE_TOP - 1 < w.y0 < TYPE_BOTTOM]
    page2 = sorted((w for w in body if w.page == 2), key=lambda w: w.y0)
    assert len(page2) == 22  # a full page: 22 lines
    assert all(len(w.text) == 28 for w in page2)  # 28 characters each
    assert all(w.x0 == pytest.approx(TYPE_LEFT, abs=0.3) and w.x1 == pytest.approx(TYPE_RIGHT, abs=0.3) for w in page2)
    gaps = [b.y0 - a.y0 for a, b in zip(page2, page2[1:], strict=False)]
    assert all(g == pytest.approx(P.line_pitch, abs=0.05) for g in gaps)
    page1 = [w for w in body if w.page == 1]
    assert len(page1) == 1 + 20  # the title, one blank line, then 20 body lines
    assert "".join(w.text for w in sorted(body, key=lambda w: (w.page, w.y0))) == "网格" + clause


def test_no_line_starts_with_closing_punctuation(tmp_path):
    clause = "一二三四五六七八九十" * 2 + "一二三四五六七，八九十" + "甲乙丙丁戊己庚辛壬癸。" * 4 + "子丑寅卯辰巳午未申酉戌亥》" * 3
    pdf = render(_grid_template(clause), {"clause": clause})
    lines = [w.text for w in pdftools.words(pdf, tmp_path) if TYPE_TOP < w.y0 < TYPE_BOTTOM and w.page == 1][1:]
    assert len(lines) >= 3
    for line in lines:
        assert line[0] not in "。，、；：？！）》”", lines


def test_record_text_prints_literally_and_nothing_is_fetched(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network used while rendering")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    data = commitment_org()
    data["partner"]["name"] = "<b>&<img src=http://x>"
    pdf = render(STORE.load("commitment_org"), data)
    assert "<b>&<img src=http://x>" in pdftools.text(pdf, tmp_path)


def test_a_character_no_font_has_is_refused_before_rendering():
    with pytest.raises(DomainError) as err:
        render(STORE.load("commitment_individual"), commitment_individual(name="张𠈌\ue000"))
    assert err.value.code == "document.missing_glyphs"
    assert set(err.value.params["characters"]) == {"𠈌", "\ue000"}


def test_missing_data_is_named():
    data = commitment_org()
    del data["partner"]["uscc"]
    with pytest.raises(DomainError) as err:
        render(STORE.load("commitment_org"), data)
    assert (err.value.code, err.value.params) == ("document.missing_data", {"field": "partner.uscc"})


def test_date_block_ends_four_characters_in_from_the_right(tmp_path):
    pdf = render(STORE.load("commitment_org"), commitment_org())
    date = next(w for w in pdftools.words(pdf, tmp_path) if w.text == "2026年7月5日")
    assert date.x1 == pytest.approx(TYPE_RIGHT - 4 * P.char_pitch, abs=0.5)


def test_space_agreement_lists_its_supplements_across_pages(tmp_path):
    pdf = render(STORE.load("space_agreement"), SAMPLES["space_agreement"](supplements=12))
    text = _flat(pdftools.text(pdf, tmp_path))
    assert "第12号补充协议（调整服务时段）" in text and "2026年9月12日" in text
    assert text.count("补充协议名称") >= 1
    empty = SAMPLES["space_agreement"](supplements=0)
    assert "主要内容无" in _flat(pdftools.text(render(STORE.load("space_agreement"), empty), tmp_path))


def test_footer_slot_carries_the_verification_code(tmp_path):
    pdf = render(STORE.load("commitment_org"), commitment_org(), footer_code="K7Q2-9XM4")
    assert _flat(pdftools.text(pdf, tmp_path)).count("核验码K7Q2-9XM4") == 2  # on every page
