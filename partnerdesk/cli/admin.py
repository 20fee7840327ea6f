"""Foundation commands: init, demo, user, org, backup, restore, check, audit."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..domain.errors import DomainError
from ..domain.org import PHASE_LABELS_ZH
from ..domain.roles import Role
from ..services import accounts, audit_queries, demo, maintenance, org
from .common import CliError, Context, add_json, emit, password


def register(sub) -> None:  # noqa: ANN001
    p = sub.add_parser("init", help="create the database, the administrator and the office")
    p.add_argument("--admin", required=True, help="administrator user name")
    p.add_argument("--district", default="", help="district name (区)")
    p.add_argument("--street", default="", help="street office name (街道)")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("demo", help="load deterministic demonstration data")
    p.add_argument("--scale", choices=demo.SCALES, default="small")
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--partners", type=int, default=None, help="number of partners (benchmarks: 100000)")
    p.set_defaults(handler=cmd_demo)

    user = sub.add_parser("user", help="manage accounts").add_subparsers(dest="user_cmd", metavar="ACTION")
    p = user.add_parser("add", help="add a user (password: prompt or PARTNERDESK_NEW_PASSWORD)")
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=[r.value for r in Role])
    p.add_argument("--community", action="append", default=[], help="community name (repeatable)")
    p.add_argument("--display-name", default="")
    p.set_defaults(handler=cmd_user_add)
    p = user.add_parser("list", help="list users")
    add_json(p)
    p.set_defaults(handler=cmd_user_list)

    p = sub.add_parser("org", help="show the organisation tree")
    add_json(p)
    p.set_defaults(handler=cmd_org)

    p = sub.add_parser("backup", help="take a verified backup (SQLite)")
    p.add_argument("-o", "--output", help="write the backup to this file")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", help="replace the database with a verified backup")
    p.add_argument("file")
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("check", help="verify integrity, foreign keys, the audit chain and all invariants")
    add_json(p)
    p.set_defaults(handler=cmd_check)

    a = sub.add_parser("audit", help="the audit trail").add_subparsers(dest="audit_cmd", metavar="ACTION")
    p = a.add_parser("list", help="list audit entries, newest first")
    add_json(p)
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--by", default="", help="only this user")
    p.add_argument("--action", default="", help="only actions starting with this")
    p.add_argument("--text", default="", help="search record ids and values")
    p.set_defaults(handler=cmd_audit_list)


def cmd_init(ctx: Context, args) -> int:  # noqa: ANN001
    ws = ctx.open()
    if accounts.is_initialised(ws):
        raise DomainError("init.already_done")
    district = args.district or _ask(ctx.say("District: ", "区："))
    street = args.street or _ask(ctx.say("Street: ", "街道："))
    pw = password(ctx.say("New administrator password: ", "管理员新密码："), confirm=True)
    accounts.init_office(ws, args.admin, pw, district, street)
    print(ctx.say(f"Initialised {ws.description}: administrator {args.admin}, {district} {street}.",
                  f"已初始化 {ws.description}：管理员 {args.admin}，{district}{street}。"))
    return 0


def _ask(prompt: str) -> str:
    if not sys.stdin or not sys.stdin.isatty():
        raise CliError("missing --district/--street")
    return input(prompt)


def _signed_in(ctx: Context, *, read_only_ok: bool = False):  # noqa: ANN202
    ws = ctx.open(allow_read_only_fallback=read_only_ok)
    ctx.sign_in(ws)
    return ws


def cmd_demo(ctx: Context, args) -> int:  # noqa: ANN001
    ws = _signed_in(ctx)
    summary = demo.load(ws, args.scale, args.seed, partners=args.partners).value
    names = {"partners": ("partners", "合伙人"), "spaces": ("spaces", "空间"), "agreements": ("agreements", "空间协议"),
             "service_records": ("service records", "服务记录"), "orders": ("resident orders", "居民点单")}
    extra = "".join(f", {ctx.say(*names.get(k, (k, k)))} {n}" for k, n in summary.extra)
    print(ctx.say(f"Demo loaded: {summary.streets} streets, {summary.communities} communities "
                  f"({summary.pilots} pilots), {summary.users} users{extra}. Demo password: {demo.DEMO_PASSWORD}",
                  f"演示数据已加载：{summary.streets} 个街道，{summary.communities} 个社区（试点 {summary.pilots} 个），"
                  f"{summary.users} 个用户{extra}。演示账户密码：{demo.DEMO_PASSWORD}"))
    return 0


def cmd_user_add(ctx: Context, args) -> int:  # noqa: ANN001
    ws = _signed_in(ctx)
    by_name = {c.name: c.id for c in org.communities(ws)}
    unknown = [n for n in args.community if n not in by_name]
    if unknown:
        raise CliError(ctx.say(f"unknown community: {', '.join(unknown)}", f"没有这个社区：{'、'.join(unknown)}"), 1)
    pw = password(ctx.say(f"Password for {args.name}: ", f"{args.name} 的密码："), env="PARTNERDESK_NEW_PASSWORD",
                  confirm=True)
    row = accounts.add_user(ws, args.name, args.role, pw, args.display_name,
                            tuple(by_name[n] for n in args.community)).value
    print(ctx.say(f"User {row.username} added ({row.role}).", f"已添加用户 {row.username}（{row.role}）。"))
    return 0


def cmd_user_list(ctx: Context, args) -> int:  # noqa: ANN001
    rows = accounts.list_users(_signed_in(ctx, read_only_ok=True))
    emit(args, rows, [(u.id, u.username, u.display_name, u.role, "yes" if u.active else "no",
                       u.locked_until or "") for u in rows],
         ("id", "username", "name", "role", "active", "locked_until"))
    return 0


def cmd_org(ctx: Context, args) -> int:  # noqa: ANN001
    rows = org.tree(_signed_in(ctx, read_only_ok=True))
    indent = {"district": "", "street": "  ", "community": "    "}
    zh = ctx.language != "en"
    phase = (lambda p: PHASE_LABELS_ZH.get(p, p)) if zh else (lambda p: p)  # noqa: E731
    emit(args, rows, [(r.id, indent.get(r.kind, "") + r.name, r.kind, "*" if r.is_pilot else "", phase(r.phase),
                       r.phase_since or "") for r in rows], ("id", "name", "kind", "pilot", "phase", "since"))
    return 0


def cmd_backup(ctx: Context, args) -> int:  # noqa: ANN001
    ws = _signed_in(ctx, read_only_ok=True)
    if args.output:
        path = maintenance.backup_to(ws, Path(args.output).resolve()).value
    else:
        path = maintenance.backup_now(ws).value.path
        maintenance.rotate(ws, ctx.settings.keep_daily, ctx.settings.keep_weekly, verified=path)
    print(ctx.say(f"Backup written and verified: {path}", f"备份已写入并校验通过：{path}"))
    return 0


def cmd_restore(ctx: Context, args) -> int:  # noqa: ANN001
    target = maintenance.sqlite_file(ctx.url)
    if target is None:
        raise DomainError("backup.server_side")
    source = Path(args.file).resolve()
    problem = maintenance.verify_backup_file(source)
    if problem:
        raise DomainError("restore.refused", reason=problem)
    user = ctx.args.user or os.environ.get("PARTNERDESK_USER")
    credentials = (user, password(ctx.say("Password: ", "密码："))) if user else None
    safety = maintenance.restore(target, source, ctx.backup_dir, credentials)
    print(ctx.say(f"Restored {target} from {source}." + (f" Previous state saved as {safety}." if safety else ""),
                  f"已从 {source} 恢复 {target}。" + (f"恢复前的数据已另存为 {safety}。" if safety else "")))
    return 0


def cmd_check(ctx: Context, args) -> int:  # noqa: ANN001
    report = maintenance.check(_signed_in(ctx, read_only_ok=True))
    emit(args, {"ok": report.ok, "results": report.results},
         [(r.name, "ok" if r.ok else "FAILED", "; ".join(r.details)) for r in report.results],
         ("check", "result", "details"))
    return 0 if report.ok else 1


def cmd_audit_list(ctx: Context, args) -> int:  # noqa: ANN001
    f = audit_queries.AuditFilter(text=args.text, username=args.by, action=args.action)
    rows = audit_queries.list_entries(_signed_in(ctx, read_only_ok=True), f, limit=args.limit)
    emit(args, rows, [(r.seq, r.at[:19], r.username, r.action, f"{r.entity}:{r.entity_id}") for r in rows],
         ("seq", "at (UTC)", "user", "action", "record"))
    return 0
