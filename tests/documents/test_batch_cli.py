"""Batches (one combined PDF or one file per record, cancel) on both backends; the CLI as real processes."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from partnerdesk.domain.errors import DomainError
from partnerdesk.services import accounts, documents
from partnerdesk.services.workspace import open_workspace
from tests.unit.loop_setup import filed_partner, world


@pytest.fixture
def w(ws):
    w = world(ws)
    w.more = [filed_partner(ws, w.c1.id, 10 + k) for k in range(2)]
    return w


def test_batch_one_file_and_folder(ws, w, tmp_path):
    ids = documents.record_ids(ws, "commitment", community_id=w.c1.id)
    assert ids == [w.p1.id] + [p.id for p in w.more]
    seen = []
    one = documents.issue_batch(ws, "commitment", ids, tmp_path / "all.pdf", True,
                                progress=lambda d, t: seen.append((d, t))).value
    assert seen == [(1, 3), (2, 3), (3, 3)] and len(one.files) == 1
    pages = len(PdfReader(io.BytesIO(one.files[0].read_bytes())).pages)
    assert pages == sum(d.pages for d in one.documents) >= 3
    assert [d.serial for d in one.documents] == [f"承诺书〔2026〕{k}号" for k in (1, 2, 3)]
    folder = documents.issue_batch(ws, "commitment", ids, tmp_path / "out", False).value
    files = sorted((tmp_path / "out").iterdir())
    assert len(files) == 3 and set(files) == set(folder.files)
    for d in folder.documents:  # each file is the archived document, byte for byte
        path = tmp_path / "out" / documents.file_name(d)
        assert documents.verify_file(ws, path.read_bytes()).status == "match"
        assert documents.reprint(ws, d.id) == path.read_bytes()
    assert not [p for p in tmp_path.rglob("*") if p.name.startswith(".") or p.suffix == ".tmp"]


def test_cancel_rolls_back_and_writes_nothing(ws, w, tmp_path):
    ids = documents.record_ids(ws, "commitment")
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(DomainError) as e:
        documents.issue_batch(ws, "commitment", ids, tmp_path / "out" / "letters", False, cancelled=cancelled)
    assert e.value.code == "document.cancelled" and len(calls) == 3
    assert documents.list_issued(ws) == [] and not (tmp_path / "out").exists()
    assert documents.issue(ws, "commitment", w.p1.id).value.serial == "承诺书〔2026〕1号"  # no gap


# --- CLI ---
def run(db: Path, *args: str, lang: str = "en") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARTNERDESK_")}
    env.update(PARTNERDESK_HOME=str(db.parent / "home"), PARTNERDESK_LANG=lang, PARTNERDESK_PASSWORD="admin-pass-1")
    return subprocess.run([sys.executable, "-m", "partnerdesk", "--db", str(db), "--user", "admin", *args], env=env,
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def cli_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "pd.sqlite3"
    ws = open_workspace(f"sqlite:///{path}")
    try:
        accounts.init_office(ws, "admin", "admin-pass-1", "渝新区", "石油路街道")
        accounts.login(ws, "admin", "admin-pass-1")
        w = world(ws)
    finally:
        ws.close()
    return path, w


def test_cli_print_verify_forms(cli_db, tmp_path):
    db, w = cli_db
    out = tmp_path / "c.pdf"
    r = run(db, "print", "commitment", "--id", str(w.p1.id), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert "承诺书〔" in r.stdout and out.read_bytes().startswith(b"%PDF")
    r = run(db, "verify", str(out))
    assert r.returncode == 0 and r.stdout.startswith("MATCH") and len(r.stdout.strip().splitlines()) == 1
    changed = bytearray(out.read_bytes())
    changed[changed.index(b"/Producer") + 12] ^= 1
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(bytes(changed))
    r = run(db, "verify", str(bad), lang="zh_CN")
    assert r.returncode == 1 and r.stdout.startswith("内容不符")
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"%PDF-1.4 nothing")
    r = run(db, "verify", str(junk))
    assert r.returncode == 1 and r.stdout.startswith("UNKNOWN")
    r = run(db, "verify", "--code", "ZZZZZZZZ")
    assert r.returncode == 1
    r = run(db, "forms", "list", "--json")
    assert r.returncode == 0 and {f["kind"] for f in json.loads(r.stdout)} >= {"application", "filing",
                                                                             "commitment_org", "space_agreement"}
    r = run(db, "print", "commitment_individual", "--id", str(w.p1.id), "-o", str(tmp_path / "x.pdf"))
    assert r.returncode == 1 and "does not fit" in r.stderr and not (tmp_path / "x.pdf").exists()


def test_cli_adopts_this_desktops_office_versions_then_prints_from_the_database(cli_db, tmp_path):
    db, w = cli_db
    raw = json.loads((Path(__file__).resolve().parents[2] / "forms" / "rota.json").read_text(encoding="utf-8"))
    raw["version"] = "2026.1-office.3"
    folder = db.parent / "home" / "forms"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "rota.json").write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    r = run(db, "forms", "list", "--json")
    assert r.returncode == 0, r.stderr
    rota = next(f for f in json.loads(r.stdout) if f["kind"] == "rota")
    assert (rota["origin"], rota["version"], rota["path"]) == ("office", "2026.1-office.3", None)
    assert not (folder / "rota.json").exists() and [p.name.split(".")[-2] for p in (folder / "archive").iterdir()] == [
        "adopted"]
    r = run(db, "forms", "list")
    assert r.returncode == 0 and "2026.1-office.3" in r.stdout and "(in the database)" in r.stdout


def test_cli_print_all_to_folder_and_file(cli_db, tmp_path):
    db, w = cli_db
    r = run(db, "print", "filing", "--all", "--community", w.c1.name, "-o", str(tmp_path / "dir"))
    assert r.returncode == 0, r.stderr
    assert len(list((tmp_path / "dir").iterdir())) == 1
    r = run(db, "print", "commitment", "--all", "--state", "filed", "-o", str(tmp_path / "all.pdf"))
    assert r.returncode == 0, r.stderr
    assert len(PdfReader(str(tmp_path / "all.pdf")).pages) >= 2
    r = run(db, "print", "filing", "--all", "--community", "没有的社区", "-o", str(tmp_path / "none"))
    assert r.returncode == 1
