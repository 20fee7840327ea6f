"""Every error code the core can raise has a message in both languages."""

import re
from pathlib import Path

from partnerdesk.messages import MESSAGES, message

ROOT = Path(__file__).resolve().parents[2] / "partnerdesk"
CODE = re.compile(r"""DomainError\(\s*["']([a-z_]+\.[a-z_]+)["']""")


def raised_codes() -> set[str]:
    codes = set()
    for path in ROOT.rglob("*.py"):
        codes |= set(CODE.findall(path.read_text(encoding="utf-8")))
    return codes | {"uscc.numeric_cell", "resident_id.numeric_cell", "mobile.numeric_cell"}


def test_every_code_has_both_languages():
    missing = sorted(raised_codes() - set(MESSAGES))
    assert not missing, f"codes without a message: {missing}"
    for code, (zh, en) in MESSAGES.items():
        assert zh and en, code
        assert re.search(r"[\u4e00-\u9fff]", zh), f"{code}: Chinese text expected"


def test_placeholders_filled_and_unknown_code_falls_back():
    assert message("auth.locked", {"until": "2026-11-21T10:00"}) == "登录失败次数过多，账户已锁定至 2026-11-21T10:00。"
    assert message("auth.locked", {"until": "x"}, "en").startswith("Too many failed sign-ins")
    assert message("no.such_code", {}, "en") == "The action failed (no.such_code)."
