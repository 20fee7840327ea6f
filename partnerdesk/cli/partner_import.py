"""`partners template -o FILE.xlsx` and `partners import FILE.xlsx [--dry-run]`."""

from __future__ import annotations

import sys
from pathlib import Path

from ..fsutil import atomic_write
from ..messages import message
from ..services import partner_import
from .common import Context


def register_import(grp) -> None:  # noqa: ANN001
    p = grp.add_parser("template", help="write the Excel import template")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(handler=cmd_template)
    p = grp.add_parser("import", help="import partners from a workbook: every row or none")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="check only; change nothing")
    p.set_defaults(handler=cmd_import)


def _signed_in(ctx: Context, read_only_ok: bool):  # noqa: ANN202
    ws = ctx.open(allow_read_only_fallback=read_only_ok)
    ctx.sign_in(ws)
    return ws


def cmd_template(ctx: Context, args) -> int:  # noqa: ANN001
    wb = partner_import.template(_signed_in(ctx, True))
    target = atomic_write(Path(args.output).resolve(), lambda tmp: wb.save(tmp))
    print(ctx.say(f"Template written: {target}", f"导入模板已写入：{target}"))
    return 0


def cmd_import(ctx: Context, args) -> int:  # noqa: ANN001
    ws = _signed_in(ctx, args.dry_run)
    preview = partner_import.preview(ws, Path(args.file))
    for code, params in preview.header_problems:
        print(ctx.say("header: ", "表头：") + message(code, params, ctx.language), file=sys.stderr)
    for row in preview.rejected:
        for code, params in row.problems:
            print(ctx.say(f"row {row.row_no}: ", f"第 {row.row_no} 行：") + message(code, params, ctx.language),
                  file=sys.stderr)
    if not preview.ok:
        print(message("import.rejected", {"total": len(preview.rows), "rows": len(preview.rejected)}, ctx.language),
              file=sys.stderr)
        return 1
    if args.dry_run:
        print(ctx.say(f"{len(preview.rows)} rows are valid; nothing was imported (--dry-run).",
                      f"{len(preview.rows)} 行全部有效；未导入（--dry-run）。"))
        return 0
    result = partner_import.apply(ws, Path(args.file)).value
    print(ctx.say(f"Imported {result.imported} partners.", f"已导入 {result.imported} 个合伙人。")
          + (ctx.say(f" Backup before import: {result.backup}", f"导入前备份：{result.backup}") if result.backup else ""))
    return 0
