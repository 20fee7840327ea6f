"""Office template versions through the service: save (validated, versioned, kept in the database, audited),
documents record the version they were printed from, reprints stay the old bytes, revert keeps shipped intact,
a stale edit is refused, every desktop on the database prints the same version, and versions an earlier release
kept as files on one desktop move into the database once."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from partnerdesk import paths
from partnerdesk.db import models as m
from partnerdesk.documents.profiles import MM
from partnerdesk.documents.templates import TemplateStore
from partnerdesk.domain.errors import DomainError
from partnerdesk.messages import describe
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


def _versions(ws, kind: str) -> list[tuple[int, str, bool, str]]:
    with ws.read() as uow:
        return [tuple(r) for r in uow.session.execute(
            select(m.OfficeTemplate.number, m.OfficeTemplate.version, m.OfficeTemplate.active, m.OfficeTemplate.sha256)
            .where(m.OfficeTemplate.kind == kind).order_by(m.OfficeTemplate.number))]


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
    assert _versions(ws, "commitment_org") == [(1, "2026.1-office.1", True, entry.sha256)]
    assert not (paths.data_dir() / "forms").exists()  # nothing on this desktop: the database holds it
    assert (FORMS / "commitment_org.json").read_bytes() == shipped_bytes  # shipped stays intact
    assert {e.kind: e.origin for e in tpl.list_templates(ws)}["commitment_org"] == "office"
    again = tpl.load_for_editing(ws, "commitment_org")
    assert (again.origin, again.version, again.sha256) == ("office", entry.version, entry.sha256)
    assert again.raw["title"] == "社区合伙人承诺书（东风社区版）" and again.raw["layout"]["margin_left_mm"] == 30

    new = documents.issue(ws, "commitment", w.p1.id).value
    assert (new.template_origin, new.template_version, new.template_sha256) == ("office", entry.version, entry.sha256)
    text = "".join(pdftools.text(new.pdf, tmp_path).split())
    assert "社区合伙人承诺书（东风社区版）" in text and "特此郑重承诺。" in text
    assert documents.reprint(ws, old.id) == old.pdf  # the earlier document is the archived bytes, unchanged
    assert "东风社区版" not in "".join(pdftools.text(documents.reprint(ws, old.id), tmp_path).split())
    ((entity, before, after),) = _audits(ws, "template.save")
    assert entity == "template" and entry.version in after and "2026.1" in before and entry.sha256 in after

    # a second save: next number, the first kept (inactive); a revert leaves none active; numbers never reused
    assert tpl.save_office_version(ws, "commitment_org", again.raw).value.version == "2026.1-office.2"
    back = tpl.revert_to_shipped(ws, "commitment_org").value
    assert (back.origin, back.version) == ("shipped", "2026.1")
    assert [(n, active) for n, _v, active, _h in _versions(ws, "commitment_org")] == [(1, False), (2, False)]
    assert len(_audits(ws, "template.revert")) == 1
    assert documents.issue(ws, "commitment", w.p1.id).value.template_version == "2026.1"
    assert tpl.save_office_version(ws, "commitment_org", ed.raw).value.version == "2026.1-office.3"


def test_an_edit_of_a_version_replaced_meanwhile_is_refused_and_changes_nothing(ws, w):
    mine = tpl.load_for_editing(ws, "filing")
    theirs = tpl.load_for_editing(ws, "filing")
    theirs.raw["title"] = "备案书（他人所改）"
    tpl.save_office_version(ws, "filing", theirs.raw)
    mine.raw["title"] = "备案书（我的修改）"
    with pytest.raises(DomainError) as e:
        tpl.save_office_version(ws, "filing", mine.raw)  # started from the shipped version, which is no longer used
    assert e.value.code == "template.changed"
    assert "“社区合伙人备案书”已被他人修改" in describe(e.value, "zh_CN")
    assert [v for _n, v, _a, _h in _versions(ws, "filing")] == ["2026.1-office.1"]
    assert len(_audits(ws, "template.save")) == 1
    assert tpl.load_for_editing(ws, "filing").raw["title"] == "备案书（他人所改）"


def test_every_desktop_on_the_database_prints_the_office_version(ws, w, db_target, tmp_path, monkeypatch):
    """Two desktops (their own data folders) on one database: what one saves, the other prints."""
    from tests.conftest import open_ws

    ed = tpl.load_for_editing(ws, "commitment_org")
    ed.raw["title"] = "社区合伙人承诺书（全街道统一版）"
    entry = tpl.save_office_version(ws, "commitment_org", ed.raw).value
    monkeypatch.setenv("PARTNERDESK_HOME", str(tmp_path / "other-desktop"))
    sqlite = db_target["pg_schema"] is None  # one SQLite file has one writer: a second desktop reads it
    other = open_ws(db_target, read_only=sqlite)
    try:
        login(other, "staff1")
        assert [(e.version, e.sha256) for e in tpl.list_templates(other) if e.kind == "commitment_org"] == [
            (entry.version, entry.sha256)]
        if sqlite:
            pdf = documents.preview(other, "commitment", w.p1.id)
        else:
            doc = documents.issue(other, "commitment", w.p1.id).value
            assert (doc.template_origin, doc.template_version, doc.template_sha256) == ("office", entry.version,
                                                                                      entry.sha256)
            pdf = doc.pdf
        assert "全街道统一版" in "".join(pdftools.text(pdf, tmp_path).split())
    finally:
        other.close()


def _desktop_file(kind: str, version: str, title: str) -> Path:
    raw = json.loads((FORMS / f"{kind}.json").read_text(encoding="utf-8"))
    raw["version"], raw["title"] = version, title
    folder = paths.desktop_forms_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{kind}.json"
    path.write_text(json.dumps(raw, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def test_versions_an_earlier_release_kept_on_this_desktop_move_into_the_database_once(ws, w, tmp_path):
    from partnerdesk.services import template_adoption

    mine = _desktop_file("commitment_org", "2026.1-office.4", "社区合伙人承诺书（旧版本机）")
    digest = hashlib.sha256(mine.read_bytes()).hexdigest()
    tpl.save_office_version(ws, "filing", tpl.load_for_editing(ws, "filing").raw)  # filing: the database has one
    other = _desktop_file("filing", "2026.1-office.9", "备案书（另一台电脑）")
    broken = paths.desktop_forms_dir() / "application.json"
    broken.write_text("{not json", encoding="utf-8")

    outcome = template_adoption.adopt_desktop_versions(ws)
    assert outcome.value == ["commitment_org"] and outcome.changes.touches("templates")
    assert _versions(ws, "commitment_org") == [(4, "2026.1-office.4", True, digest)]
    assert [v for _n, v, _a, _h in _versions(ws, "filing")] == ["2026.1-office.1"]  # the database's own stays
    ((entity, before, after),) = _audits(ws, "template.adopt")
    assert entity == "template" and "2026.1-office.4" in after and "2026.1" in before
    assert not mine.exists() and not other.exists() and broken.exists()  # the broken one is left and logged
    archived = sorted(p.name for p in (paths.desktop_forms_dir() / "archive").iterdir())
    assert [n.split(".")[0] + "." + n.split(".")[-2] for n in archived] == ["commitment_org.adopted",
                                                                             "filing.not-adopted"]
    doc = documents.issue(ws, "commitment", w.p1.id).value
    assert (doc.template_version, doc.template_sha256) == ("2026.1-office.4", digest)
    assert tpl.save_office_version(ws, "commitment_org",
                                   tpl.load_for_editing(ws, "commitment_org").raw).value.version == "2026.1-office.5"
    broken.unlink()
    assert template_adoption.adopt_desktop_versions(ws).value == []  # once: nothing left to adopt


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
    assert _versions(ws, "filing") == [] and _audits(ws, "template.save") == []


def test_only_settings_managers_save_or_revert(ws, w):
    raw = tpl.load_for_editing(ws, "filing").raw
    for user in ("staff1", "worker", "aud"):
        login(ws, user)
        assert tpl.list_templates(ws)
        for call in (lambda: tpl.save_office_version(ws, "filing", raw), lambda: tpl.revert_to_shipped(ws, "filing")):
            with pytest.raises(DomainError) as e:
                call()
            assert e.value.code == "auth.forbidden"
    assert _versions(ws, "filing") == []


def test_preview_with_record_and_built_in_sample(ws, w, tmp_path):
    data = tpl.sample_data(ws, "filing")
    assert data["partner"]["name"] == w.p1.name
    raw = tpl.load_for_editing(ws, "filing").raw
    raw["title"] = "备案书（预览）"
    assert "备案书（预览）" in "".join(pdftools.text(tpl.preview(raw, data), tmp_path).split())
    sample = tpl.built_in_sample(TemplateStore(FORMS).load("space_agreement"))
    assert sample["agreement"]["supplements"] and "（" in sample["partner"]["name"]
    assert tpl.preview(tpl.load_for_editing(ws, "space_agreement").raw, sample).startswith(b"%PDF")


def test_check_finds_an_office_version_whose_text_was_changed_behind_the_apps_back(ws, w):
    from sqlalchemy import update

    from partnerdesk.services import maintenance

    tpl.save_office_version(ws, "filing", tpl.load_for_editing(ws, "filing").raw)
    assert maintenance.check(ws).ok
    with ws.write() as uow:
        uow.session.execute(update(m.OfficeTemplate).values(body=m.OfficeTemplate.body + " "))
        uow.commit()
    report = maintenance.check(ws)
    (bad,) = [r for r in report.results if r.name == "office_templates_intact"]
    assert not report.ok and not bad.ok and "filing 2026.1-office.1" in " ".join(bad.details)


def test_a_draft_saved_to_disk_is_audited_as_a_print_and_refused_where_it_cannot_be(ws, w, tmp_path):
    import dataclasses

    out = tmp_path / "drafts"
    out.mkdir()
    documents.save_draft(ws, "filing", w.p1.id, out / "d.pdf")
    assert (out / "d.pdf").read_bytes().startswith(b"%PDF")
    ((entity, _before, after),) = _audits(ws, "print")
    assert entity == "filing" and json.loads(after)["draft"] is True and json.loads(after)["file"] == "d.pdf"
    with pytest.raises(DomainError) as e:
        documents.save_draft(dataclasses.replace(ws, read_only=True), "filing", w.p1.id, out / "e.pdf")
    assert e.value.code == "db.read_only" and sorted(p.name for p in out.iterdir()) == ["d.pdf"]
