"""Shared plumbing for CLI commands: opening the database, signing in, printing."""

from __future__ import annotations

import dataclasses
import getpass
import json
import os
import sys
from datetime import date, datetime
from pathlib import Path

from .. import settings as settings_mod
from ..domain.errors import DomainError
from ..messages import describe, message
from ..services import accounts
from ..services.workspace import Workspace, open_workspace


class CliError(Exception):
    def __init__(self, text: str, exit_code: int = 2) -> None:
        super().__init__(text)
        self.exit_code = exit_code


class Context:
    def __init__(self, args) -> None:  # noqa: ANN001
        self.args = args
        self.settings = settings_mod.load()
        self.language = args.lang or os.environ.get("PARTNERDESK_LANG") or self.settings.language
        self.url = settings_mod.database_url_from(args.db)
        self.ws: Workspace | None = None

    @property
    def backup_dir(self) -> Path:
        return self.settings.resolved_backup_dir()

    def open(self, *, read_only: bool = False, allow_read_only_fallback: bool = False) -> Workspace:
        try:
            self.ws = open_workspace(self.url, read_only=read_only, backup_dir=self.backup_dir)
        except DomainError as err:
            if err.code == "db.in_use" and allow_read_only_fallback:
                print(describe(err, self.language) + " " + self.say("opened read-only", "已以只读方式打开"),
                      file=sys.stderr)
                self.ws = open_workspace(self.url, read_only=True, backup_dir=self.backup_dir)
            elif err.code == "db.unusable":
                raise CliError(describe(err, self.language) + " " + self.say(
                    "Nothing was changed; see `partnerdesk restore`.", "文件未做任何修改；可用 `partnerdesk restore` 恢复备份。"),
                    3) from None
            else:
                raise
        return self.ws

    def sign_in(self, ws: Workspace) -> None:
        user = self.args.user or os.environ.get("PARTNERDESK_USER")
        if not user:
            raise CliError(self.say("--user is required for this command", "此命令需要 --user 指定用户"))
        accounts.login(ws, user, password(self.say("Password: ", "密码：")))

    def say(self, en: str, zh: str) -> str:
        return en if self.language == "en" else zh

    def close(self) -> None:
        if self.ws is not None:
            self.ws.close()
            self.ws = None


def password(prompt: str, env: str = "PARTNERDESK_PASSWORD", confirm: bool = False) -> str:
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise CliError(f"没有密码：请设置环境变量 {env} 或在终端中运行 / no password: set {env} or run in a terminal")
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass(prompt) != value:
        raise CliError("两次输入的密码不一致 / the passwords differ")
    return value


def fail(ctx: Context, err: DomainError) -> int:
    print(f"partnerdesk: {describe(err, ctx.language)}", file=sys.stderr)
    return 3 if err.code in ("db.unusable", "db.missing") else 1


def _plain(value: object) -> object:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    return value


def emit(args, value: object, table: list[tuple] | None = None, headers: tuple[str, ...] = ()) -> None:  # noqa: ANN001
    """--json prints the value as JSON; otherwise an aligned text table (or the value)."""
    if getattr(args, "json", False):
        json.dump(_plain(value), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    if table is None:
        print(value)
        return
    rows = [tuple(str(c) for c in headers)] + [tuple("" if c is None else str(c) for c in r) for r in table]
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))] if rows and rows[0] else []
    for r in rows:
        print("  ".join(c + " " * (w - _width(c)) for c, w in zip(r, widths, strict=False)).rstrip())


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def add_json(parser) -> None:  # noqa: ANN001
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def msg(ctx: Context, code: str, **params: object) -> str:
    return message(code, params, ctx.language)


