"""Templates as data: shipped ones load, errors are clear, office versions win and shipped stay intact."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path

import pytest

from partnerdesk.documents.profiles import GBT9704, MM, get_profile, profile_from_dict
from partnerdesk.documents.templates import TemplateStore, parse
from partnerdesk.domain.errors import DomainError

FORMS = Path(__file__).resolve().parents[2] / "forms"
KINDS = {"application", "filing", "commitment_org", "commitment_individual", "space_agreement"}


def test_shipped_templates_load_and_list():
    infos = TemplateStore(FORMS).list()
    assert {i.kind for i in infos} >= KINDS
    assert all(i.origin == "shipped" and i.version for i in infos)


def test_individual_commitment_prints_id_unmasked_everything_else_masked():
    t = TemplateStore(FORMS).load("commitment_individual")
    assert t.masked("partner.id_number") is None
    assert t.masked("partner.mobile") == "mobile"
    assert TemplateStore(FORMS).load("application").masked("partner.contact_id") == "resident_id"


def _raw(kind: str = "commitment_org") -> dict:
    return json.loads((FORMS / f"{kind}.json").read_text(encoding="utf-8"))


def test_errors_name_every_problem_and_where():
    raw = _raw()
    raw["profile"] = "letter"
    raw["blocks"][0]["text"] = "致{street.nmae}："
    raw["blocks"].append({"type": "poem", "text": "x"})
    raw["blocks"].append({"type": "paragraph", "text": "单个 } 括号"})
    with pytest.raises(DomainError) as err:
        parse(raw, "bad.json")
    errors = err.value.params["errors"]
    assert err.value.code == "template.invalid" and err.value.params["template"] == "bad.json"
    assert "unknown profile 'letter'" in errors
    assert "blocks[0].text: placeholder {street.nmae} is not declared in fields" in errors
    assert "needs a type among" in errors and "unbalanced brace" in errors


def test_unmasked_must_name_a_masked_field():
    raw = _raw()
    raw["unmasked"] = ["partner.name"]
    with pytest.raises(DomainError, match="not a masked field"):
        parse(raw)


def test_office_version_wins_and_shipped_file_stays_intact():
    before = (FORMS / "commitment_org.json").read_bytes()
    raw = copy.deepcopy(_raw())
    raw["version"] = "2026.1-office.1"
    raw["title"] = "社区合伙人承诺书（解放碑版）"
    body = json.dumps(raw, ensure_ascii=False).encode("utf-8")
    store = TemplateStore(FORMS, {"commitment_org": body})
    t = store.load("commitment_org")
    assert (t.origin, t.version, t.title, t.path) == ("office", "2026.1-office.1", "社区合伙人承诺书（解放碑版）", None)
    assert t.digest == hashlib.sha256(body).hexdigest()
    assert store.load_shipped("commitment_org").version == "2026.1"
    assert {i.kind: i.origin for i in store.list()}["commitment_org"] == "office"
    assert (FORMS / "commitment_org.json").read_bytes() == before


def test_office_versions_only_for_shipped_kinds_and_must_name_their_kind():
    raw = copy.deepcopy(_raw())
    with pytest.raises(DomainError, match="template.unknown"):  # no office version of a kind nobody ships
        TemplateStore(FORMS, {"nope": json.dumps(raw).encode()}).load("nope")
    with pytest.raises(DomainError, match="must match"):  # stored under another kind's name
        TemplateStore(FORMS, {"filing": json.dumps(raw).encode()}).load("filing")
    with pytest.raises(DomainError, match="not UTF-8 JSON"):
        TemplateStore(FORMS, {"commitment_org": b"\xff{"}).load("commitment_org")


def test_unknown_kind_and_path_tricks_are_refused():
    store = TemplateStore(FORMS)
    for kind in ("nope", "../pyproject", "Commitment_org"):
        with pytest.raises(DomainError, match="template.unknown"):
            store.load(kind)


def test_gbt9704_grid_comes_from_the_type_area():
    p = GBT9704
    assert (p.type_width_mm, p.type_height_mm) == (156, 225)
    assert p.char_pitch * 28 == pytest.approx(156 * MM)
    assert p.line_pitch == pytest.approx(225 / 22 * MM)  # 28.99 pt
    assert 28 <= p.line_pitch <= 29.5
    assert (p.body.font, p.body.size, p.title.size, p.page_number.size) == ("fangsong", 16, 22, 14)
    assert [h.font for h in p.headings] == ["hei", "kai", "fangsong", "fangsong"] and p.headings[2].bold


def test_profiles_as_data():
    p = profile_from_dict({"name": "wide", "label": "x", "margin_left_mm": 25, "body": {"font": "kai", "size": 15}})
    assert p.body.font == "kai" and p.margin_left_mm == 25 and p.margin_top_mm == 37
    with pytest.raises(DomainError, match="profile_invalid"):
        profile_from_dict({"colour": "red"})
    assert get_profile("compact_form").body.size == 12
