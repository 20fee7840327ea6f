"""Spaces, agreements and services on the command line: `spaces list`, `agreements list`,
`services import FILE.xlsx [--dry-run]` and `services template -o FILE.xlsx`."""

from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path

from ..domain.agreements import AgreementState
from ..fsutil import atomic_write
from ..messages import message
from ..services import agreement_queries, org, service_import, service_records, spaces
from .common import CliError, Context, add_json, emit

SPACE_STATUS_ZH = {"idle": "闲置", "under_agreement": "协议使用中", "renovation": "改造中", "withdrawn": "已撤回"}
AGREEMENT_STATE_ZH = {"draft": "草稿", "approved": "已审批", "signed": "已签订", "in_force": "履行中",
                      "expiring": "即将到期", "renewed": "已续签", "terminated": "已终止", "expired": "已到期"}


def register(sub) -> None:  # noqa: ANN001
    grp = sub.add_parser("spaces", help="community rooms and sites").add_subparsers(dest="spaces_cmd", metavar="ACTION")
    p = grp.add_parser("list", help="list spaces")
    add_json(p)
    p.add_argument("--community", help="community name")
    p.add_argument("--status", choices=list(spaces.STATUSES))
    p.set_defaults(handler=cmd_spaces)

    grp = sub.add_parser("agreements", help="space-use agreements").add_subparsers(dest="agreements_cmd",
                                                                                   metavar="ACTION")
    p = grp.add_parser("list", help="list agreements (ending soonest first)")
    add_json(p)
    p.add_argument("--expiring", type=int, metavar="DAYS", help="only agreements in force ending within DAYS days")
    p.add_argument("--state", choices=[s.value for s in AgreementState])
    p.set_defaults(handler=cmd_agreements)

    grp = sub.add_parser("services", help="service records").add_subparsers(dest="services_cmd", metavar="ACTION")
    p = grp.add_parser("import", help="import service records from a workbook: every row or none")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="check only; change nothing")
    p.set_defaults(handler=cmd_import)
    p = grp.add_parser("template", help="write the Excel template for service records")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(handler=cmd_template)


def _signed_in(ctx: Context, read_only_ok: bool = True):  # noqa: ANN202
    ws = ctx.open(allow_read_only_fallback=read_only_ok)
    ctx.sign_in(ws)
    return ws


def _community_id(ctx: Context, ws, name: str | None) -> int | None:  # noqa: ANN001
    if not name:
        return None
    found = [c.id for c in org.communities(ws) if c.name == name]
    if not found:
        raise CliError(ctx.say(f"unknown community: {name}", f"没有这个社区：{name}"), 1)
    return found[0]


def cmd_spaces(ctx: Context, args) -> int:  # noqa: ANN001
    ws = _signed_in(ctx)
    rows = spaces.list_spaces(ws, community_id=_community_id(ctx, ws, args.community), status=args.status or "",
                              limit=1_000_000)
    names = service_records.names_of(ws, community_ids={r.community_id for r in rows})["communities"]
    if getattr(args, "json", False):
        emit(args, [{**asdict(r), "community_name": names.get(r.community_id, ""), "area_m2": r.area_centi_m2 / 100}
                    for r in rows])
        return 0
    status = (lambda v: v) if ctx.language == "en" else (lambda v: SPACE_STATUS_ZH.get(v, v))  # noqa: E731
    emit(args, None, [(r.id, r.name, names.get(r.community_id, ""), f"{r.area_centi_m2 / 100:.2f}", r.kind,
                       status(r.status), "✓" if r.shared_by_slot else "") for r in rows],
         ("id", "name", "community", "m²", "kind", "status", "shared"))
    return 0


def cmd_agreements(ctx: Context, args) -> int:  # noqa: ANN001
    ws = _signed_in(ctx)
    if args.expiring is not None:
        f = agreement_queries.AgreementFilter(state=agreement_queries.EXPIRING, window_days=args.expiring)
    else:
        f = agreement_queries.AgreementFilter(state=args.state or "")
    rows, offset = [], 0
    while True:  # the list the screens show, in pages
        page = agreement_queries.query_agreements(ws, f, "end", offset=offset, limit=2000)
        rows += page
        offset += len(page)
        if len(page) < 2000:
            break
    if getattr(args, "json", False):
        emit(args, [asdict(r) for r in rows])
        return 0
    state = (lambda v: v) if ctx.language == "en" else (lambda v: AGREEMENT_STATE_ZH.get(v, v))  # noqa: E731
    emit(args, None, [(r.id, r.number, r.partner_name, r.space_name, r.start_date, r.end_date, state(r.shown_state))
                      for r in rows], ("id", "number", "partner", "space", "start", "end", "state"))
    return 0


def cmd_import(ctx: Context, args) -> int:  # noqa: ANN001
    ws = _signed_in(ctx, args.dry_run)
    preview = service_import.preview(ws, Path(args.file))
    for line in service_import.problem_lines(preview, ctx.language):
        print(line, file=sys.stderr)
    if not preview.ok:
        if not preview.header_problems:
            print(message("import.rejected", {"total": len(preview.rows),
                                                             "rows": len(preview.rejected)}, ctx.language),
                  file=sys.stderr)
        return 1
    if args.dry_run:
        print(ctx.say(f"{len(preview.rows)} rows are valid; nothing was imported (--dry-run).",
                      f"{len(preview.rows)} 行全部有效；未导入（--dry-run）。"))
        return 0
    result = service_import.apply(ws, Path(args.file)).value
    print(ctx.say(f"Imported {result.imported} service records.", f"已导入 {result.imported} 条服务记录。")
          + (ctx.say(f" Backup before import: {result.backup}", f"导入前备份：{result.backup}") if result.backup else ""))
    return 0


def cmd_template(ctx: Context, args) -> int:  # noqa: ANN001
    wb = service_import.template(_signed_in(ctx))
    target = atomic_write(Path(args.output).resolve(), lambda tmp: wb.save(tmp))
    print(ctx.say(f"Template written: {target}", f"导入模板已写入：{target}"))
    return 0
