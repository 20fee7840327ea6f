"""Printed documents on the command line: `print KIND --id ID -o FILE.pdf`, `print KIND --all [--community NAME]
[--state STATE] -o DIR_OR_FILE`, `verify FILE.pdf` (exit 0 only when the file is an archived document) and
`forms list [--json]`."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from ..fsutil import atomic_write_bytes
from ..services import document_data, documents, org, template_adoption
from .common import CliError, Context, add_json, emit

KIND_CHOICES = [*document_data.KINDS, document_data.COMMITMENT]


def register(sub) -> None:  # noqa: ANN001
    p = sub.add_parser("print", help="issue a document (serial, archive, verification code) and write the PDF")
    p.add_argument("kind", choices=KIND_CHOICES, help="commitment = the letter fitting each partner's type")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--id", type=int, help="the record's id: partner (application, filing, commitment, "
                       "exit_notice), agreement, notice, fund application (project_approval), disbursement, donation, "
                       "closed period (fund_disclosure) or community (rota: a month, rota_week: a week; see --period)")
    which.add_argument("--all", action="store_true", help="every matching record")
    p.add_argument("--community", help="with --all: only this community (name)")
    p.add_argument("--state", help="with --all: only records in this state (e.g. filed, in_force)")
    p.add_argument("-o", "--output", required=True,
                   help="FILE.pdf; with --all a folder (one file per record) or FILE.pdf (one combined file)")
    p.add_argument("--preview", action="store_true", help="with --id: a draft without serial or code; nothing archived (audited as a print)")
    p.add_argument("--period", type=_day, metavar="YYYY-MM-DD",
                   help="rota, rota_week: a day of the month (or week) the rota covers; default today")
    p.set_defaults(handler=cmd_print)

    p = sub.add_parser("verify", help="tell whether a PDF is an issued document, unchanged (exit 0) or not (exit 1)")
    p.add_argument("file", nargs="?", help="the PDF to check")
    p.add_argument("--code", help="check a verification code read off paper instead")
    add_json(p)
    p.set_defaults(handler=cmd_verify)

    grp = sub.add_parser("forms", help="document templates").add_subparsers(dest="forms_cmd", metavar="ACTION")
    p = grp.add_parser("list", help="the templates in use (office versions win over shipped ones)")
    add_json(p)
    p.set_defaults(handler=cmd_forms)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from None


def _signed_in(ctx: Context, read_only_ok: bool):  # noqa: ANN202
    ws = ctx.open(allow_read_only_fallback=read_only_ok)
    ctx.sign_in(ws)
    template_adoption.adopt_desktop_versions(ws)  # an earlier release's office versions on this desktop, once
    return ws


def _community_id(ctx: Context, ws, name: str | None) -> int | None:  # noqa: ANN001
    if not name:
        return None
    found = [c.id for c in org.communities(ws) if c.name == name]
    if not found:
        raise CliError(ctx.say(f"unknown community: {name}", f"没有这个社区：{name}"), 1)
    return found[0]


def cmd_print(ctx: Context, args) -> int:  # noqa: ANN001
    out = Path(args.output)
    if args.id is not None and out.suffix.lower() != ".pdf":
        raise CliError(ctx.say("-o must name a .pdf file", "-o 须为 .pdf 文件"))
    ws = _signed_in(ctx, read_only_ok=False)  # issuing, and a draft's audit entry, need a writable database
    if args.id is not None:
        if args.preview:
            documents.save_draft(ws, args.kind, args.id, out, args.period)
            print(ctx.say(f"draft written: {out}", f"样稿已写入：{out}"))
            return 0
        doc = documents.issue(ws, args.kind, args.id, args.period).value
        atomic_write_bytes(out, doc.pdf)
        print(f"{doc.serial}  {ctx.say('code', '核验码')} {doc.code}  {out}")
        return 0
    ids = documents.record_ids(ws, args.kind, _community_id(ctx, ws, args.community), args.state or "")
    one_file = out.suffix.lower() == ".pdf"

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    result = documents.issue_batch(ws, args.kind, ids, out, one_file, progress=progress, period_of=args.period).value
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(ctx.say(f"{len(result.documents)} documents issued, {len(result.files)} file(s) in {out}",
                  f"已签发 {len(result.documents)} 份文书，写入 {len(result.files)} 个文件：{out}"))
    return 0


def _describe(ctx: Context, v: documents.Verdict, source: str) -> str:
    d = v.document
    if v.status in ("match", "known"):
        head = ctx.say("MATCH", "相符") if v.status == "match" else ctx.say("KNOWN CODE", "核验码有效")
        return (f"{head}: {source} = {d.serial} {d.title} ({d.kind}, {ctx.say('issued', '签发')} "
                f"{d.issued_at:%Y-%m-%d} {d.issued_by}, {ctx.say('code', '核验码')} {d.code})")
    if v.status == "altered":
        return ctx.say(f"ALTERED: {source} carries the code {v.code} of {d.serial} {d.title}, but its content differs "
                       "from the archived document",
                       f"内容不符：{source} 印有 {d.serial} {d.title} 的核验码 {v.code}，但内容与存档文书不一致")
    return ctx.say(f"UNKNOWN: {source} is not an archived document" + (f" (code {v.code})" if v.code else ""),
                   f"未知：{source} 不是存档文书" + (f"（核验码 {v.code}）" if v.code else ""))


def cmd_verify(ctx: Context, args) -> int:  # noqa: ANN001
    if bool(args.file) == bool(args.code):
        raise CliError(ctx.say("give a FILE.pdf or --code CODE", "请给出 PDF 文件或 --code 核验码"))
    if args.file:
        path = Path(args.file)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CliError(ctx.say(f"cannot read {path}: {exc}", f"无法读取 {path}：{exc}"), 1) from None
    ws = _signed_in(ctx, read_only_ok=True)
    verdict = documents.verify_file(ws, data) if args.file else documents.verify_code(ws, args.code)
    if getattr(args, "json", False):
        d = verdict.document
        emit(args, {"status": verdict.status, "ok": verdict.ok, "code": verdict.code,
                    "document": None if d is None else {"id": d.id, "serial": d.serial, "kind": d.kind,
                                                        "title": d.title, "entity": d.entity, "entity_id": d.entity_id,
                                                        "issued_by": d.issued_by, "issued_at": d.issued_at,
                                                        "sha256": d.content_sha256}})
    else:
        print(_describe(ctx, verdict, args.file or args.code))
    return 0 if verdict.ok else 1


def cmd_forms(ctx: Context, args) -> int:  # noqa: ANN001
    ws = _signed_in(ctx, read_only_ok=True)
    rows = documents.forms(ws)
    in_db = ctx.say("(in the database)", "（存于数据库）")
    emit(args, rows, [(r.kind, r.name, r.version, r.origin, r.path or in_db) for r in rows],
         ("kind", "name", "version", "origin", "path"))
    return 0
