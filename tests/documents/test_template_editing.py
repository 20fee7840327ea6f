"""Office template versions through the service: save (validated, versioned, atomic, audited), documents
record the version they were printed from, reprints stay the old bytes, revert keeps shipped intact."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from partnerdesk import paths
from partnerdesk.db import models as m
from partnerdesk.documents.profiles import MM
from partnerdesk.domain.errors import DomainError
from partnerdesk.services import documents
from partnerdesk.services import templates as tpl
from tests.documents import pdftools
from tests.unit.loop_setup import login, world

FORMS = Path(__file__).resolve().parents[2] / "forms"


@pytest.fixture
def w(ws):
    return world(ws)


def _audits(ws, action: str) -> list:
    with ws.read() as uow:
        return [(a.entity, a.before, a.after) for a in
                uow.session.scalars(select(m.AuditLog).where(m.AuditLog.action == action))]


def test_save_office_version_then_issue_records_it_and_reprint_keeps_old_bytes(ws, w, tmp_path):
    shipped_bytes = (FORMS / "commitment_org.json").read_bytes()
    old = documents.issue(ws, "commitment", w.p1.id).value
    assert (old.template_origin, old.template_version) == ("shipped", "2026.1")
    ed = tpl.load_for_editing(ws, "commitment_org")
    assert ed.origin == "shipped" and ed.raw["kind"] == "commitment_org"
    ed.raw["title"] = "社区合伙人承诺书（东风社区版）"
    ed.raw["blocks"][-2]["text"] = "特此郑重承诺。"
    ed.raw["layout"] = {"margin_left_mm": 30, "margin_right_mm": 24}
    ed.raw["fonts"] = {"fangsong": "gkai00mp.ttf"}
    entry = tpl.save_office_version(ws, "commitment_org", ed.raw).value
    assert (entry.origin, entry.version, entry.shipped_version) == ("office", "2026.1-office.1", "2026.1")
    office = paths.data_dir() / "forms" / "commitment_org.json"
    assert json.loads(office.read_text(encoding="utf-8"))["version"] == "2026.1-office.1"
    assert entry.sha256 == hashlib.sha256(office.read_bytes()).hexdigest()
    assert (FORMS / "commitment_org.json").read_bytes() == shipped_bytes  # shipped stays intact
    assert {e.kind: e.origin for e in tpl.list_templates(ws)}["commitment_org"] == "office"

    new = documents.issue(ws, "commitment", w.p1.id).value
    assert (new.template_origin, new.template_version, new.template_sha256) == ("office", entry.version, entry.sha256)
    text = "".join(pdftools.text(new.pdf, tmp_path).split())
    assert "社区合伙人承诺书（东风社区版）" in text and "特此郑重承诺。" in text
    assert documents.reprint(ws, old.id) == old.pdf  # the earlier document is the archived bytes, unchanged
    assert "东风社区版" not in "".join(pdftools.text(documents.reprint(ws, old.id), tmp_path).split())
    ((entity, before, after),) = _audits(ws, "template.save")
    assert entity == "template" and entry.version in after and "2026.1" in before

    # a second save: next number, the first office version archived, never reused after a revert
    assert tpl.save_office_version(ws, "commitment_org", ed.raw).value.version == "2026.1-office.2"
    back = tpl.revert_to_shipped(ws, "commitment_org").value
    assert (back.origin, back.version) == ("shipped", "2026.1") and not office.exists()
    archived = sorted((paths.data_dir() / "forms" / "archive").glob("commitment_org.*.json"))
    assert len(archived) == 2 and len(_audits(ws, "template.revert")) == 1
    assert documents.issue(ws, "commitment", w.p1.id).value.template_version == "2026.1"
    assert tpl.save_office_version(ws, "commitment_org", ed.raw).value.version == "2026.1-office.3"


def test_layout_and_fonts_from_the_template_reach_the_page(ws, w, tmp_path):
    ed = tpl.load_for_editing(ws, "commitment_org")
    ed.raw["layout"] = {"margin_left_mm": 40}
    ed.raw["fonts"] = {"fangsong": "gkai00mp.ttf"}
    tpl.save_office_version(ws, "commitment_org", ed.raw)
    pdf = documents.issue(ws, "commitment", w.p1.id).value.pdf
    left = min(word.x0 for word in pdftools.words(pdf, tmp_path) if word.text.strip())
    names = [f["name"] for f in pdftools.fonts(pdf)]
    assert any("Kai" in n for n in names), names
    assert 40 * MM - 1 <= left < 41 * MM


def test_invalid_edit_names_the_place_and_writes_nothing(ws, w):
    ed = tpl.load_for_editing(ws, "filing")
    ed.raw["blocks"][0]["text"] = "{partner.nmae}："
    ed.raw["layout"] = {"margin_top_mm": 250}
    ed.raw["fonts"] = {"fangsong": "../../etc/passwd"}
    with pytest.raises(DomainError) as e:
        tpl.save_office_version(ws, "filing", ed.raw)
    errors = e.value.params["errors"]
    assert e.value.code == "template.invalid"
    assert "blocks[0].text: placeholder {partner.nmae} is not declared in fields" in errors
    assert "layout.margin_top_mm" in errors and "fonts.fangsong" in errors
    assert not (paths.data_dir() / "forms" / "filing.json").exists() and _audits(ws, "template.save") == []


def test_only_settings_managers_save_or_revert(ws, w):
    raw = tpl.load_for_editing(ws, "filing").raw
    for user in ("staff1", "worker", "aud"):
        login(ws, user)
        assert tpl.list_templates(ws)
        for call in (lambda: tpl.save_office_version(ws, "filing", raw), lambda: tpl.revert_to_shipped(ws, "filing")):
            with pytest.raises(DomainError) as e:
                call()
            assert e.value.code == "auth.forbidden"
    assert not (paths.data_dir() / "forms" / "filing.json").exists()


def test_preview_with_record_and_built_in_sample(ws, w, tmp_path):
    data = tpl.sample_data(ws, "filing")
    assert data["partner"]["name"] == w.p1.name
    raw = tpl.load_for_editing(ws, "filing").raw
    raw["title"] = "备案书（预览）"
    assert "备案书（预览）" in "".join(pdftools.text(tpl.preview(raw, data), tmp_path).split())
    sample = tpl.built_in_sample(documents.template_store().load("space_agreement"))
    assert sample["agreement"]["supplements"] and "（" in sample["partner"]["name"]
    assert tpl.preview(tpl.load_for_editing(ws, "space_agreement").raw, sample).startswith(b"%PDF")
