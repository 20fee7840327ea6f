"""The command line, run as a real process against a real SQLite file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PW = "cli-pass-123"


def run(home: Path, *args: str, password: str | None = PW, new_password: str | None = None,
        lang: str = "zh_CN") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARTNERDESK_")}
    env.update(PARTNERDESK_HOME=str(home), PARTNERDESK_LANG=lang)
    if password is not None:
        env["PARTNERDESK_PASSWORD"] = password
    if new_password is not None:
        env["PARTNERDESK_NEW_PASSWORD"] = new_password
    return subprocess.run([sys.executable, "-m", "partnerdesk", *args], env=env, capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL)


@pytest.fixture
def home(tmp_path) -> Path:
    r = run(tmp_path, "init", "--admin", "boss", "--district", "渝新区", "--street", "石油路街道")
    assert r.returncode == 0, r.stderr
    return tmp_path


def test_version():
    r = subprocess.run([sys.executable, "-m", "partnerdesk", "--version"], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.startswith("PartnerDesk ")


def test_init_twice_is_refused(home):
    r = run(home, "init", "--admin", "other", "--district", "x", "--street", "y")
    assert r.returncode == 1
    assert r.stderr.strip() == "partnerdesk: 数据库已初始化，已有管理员账户。"


def test_demo_org_and_json(home):
    assert run(home, "--user", "boss", "demo", "--seed", "5").returncode == 0
    r = run(home, "--user", "boss", "org", "--json")
    rows = json.loads(r.stdout)
    assert sum(1 for x in rows if x["kind"] == "community") == 31
    assert sum(1 for x in rows if x["is_pilot"]) == 6


def test_wrong_password_one_line_in_english(home):
    r = run(home, "--user", "boss", "--lang", "en", "check", password="nope-nope-1")
    assert r.returncode == 1
    assert r.stderr == "partnerdesk: Wrong user name or password.\n"


def test_user_add_and_permissions(home):
    run(home, "--user", "boss", "demo")
    r = run(home, "--user", "boss", "user", "add", "w99", "--role", "community_worker", "--community", "金银湾社区",
            new_password="worker-pass-1")
    assert r.returncode == 0, r.stderr
    users = json.loads(run(home, "--user", "boss", "user", "list", "--json").stdout)
    assert {"w99", "boss", "staff1"} <= {u["username"] for u in users}
    # a community worker may not add users: refused in the service layer, audited nothing
    r = run(home, "--user", "w99", "user", "add", "x1", "--role", "staff", password="worker-pass-1",
            new_password="whatever-pass-1")
    assert r.returncode == 1 and "无权" in r.stderr


def test_backup_restore_check_audit(home, tmp_path):
    out = tmp_path / "copy.sqlite3"
    r = run(home, "--user", "boss", "backup", "-o", str(out))
    assert r.returncode == 0 and out.exists(), r.stderr
    run(home, "--user", "boss", "demo")
    r = run(home, "--user", "boss", "restore", str(out))
    assert r.returncode == 0, r.stderr
    rows = json.loads(run(home, "--user", "boss", "org", "--json").stdout)
    assert [x["kind"] for x in rows] == ["district", "street"]  # the demo came after the backup
    check = json.loads(run(home, "--user", "boss", "check", "--json").stdout)
    assert check["ok"] is True
    actions = [e["action"] for e in json.loads(run(home, "--user", "boss", "audit", "list", "--json").stdout)]
    assert "restore" in actions


def test_restore_refuses_foreign_file(home, tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"PK\x03\x04 not a database")
    r = run(home, "--user", "boss", "restore", str(junk))
    assert r.returncode == 1 and "拒绝恢复" in r.stderr


def test_unusable_database_exit_3(tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"\0" * 4096)
    before = bad.read_bytes()
    r = run(tmp_path, "--db", str(bad), "--user", "x", "check")
    assert r.returncode == 3
    assert len(r.stderr.strip().splitlines()) == 1
    assert bad.read_bytes() == before


def test_a_folder_that_cannot_be_written_is_one_plain_line(home):
    """/sys refuses new files even to root (a stand-in for a share without write permission)."""
    r = run(home, "--user", "boss", "backup", "-o", "/sys/partnerdesk-copy.sqlite3")
    assert r.returncode == 1, r.stderr
    assert r.stderr == "partnerdesk: 没有写入 /sys/partnerdesk-copy.sqlite3 的权限。请另选文件夹，或请管理员开放权限。\n"
    assert "Traceback" not in r.stderr
