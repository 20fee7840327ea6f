"""Fund commands: list, ledger, statement (read-only; amounts printed in yuan, exact)."""

from __future__ import annotations

from datetime import date

from ..domain.money import fen_to_yuan, format_yuan
from ..services import fund_statement, funds, ledger
from .common import CliError, Context, add_json, emit

KIND_ZH = {"pool": "社区基金池", "se_ledger": "社会企业代管", "micro": "社区微基金", "other": "其他"}


def register(sub) -> None:  # noqa: ANN001
    grp = sub.add_parser("funds", help="funds and their ledgers").add_subparsers(dest="funds_cmd", metavar="ACTION")
    p = grp.add_parser("list", help="funds with the money each holds")
    add_json(p)
    p.set_defaults(handler=cmd_list)
    p = grp.add_parser("ledger", help="a fund's journal, posting by posting")
    p.add_argument("fund", help="fund code or number")
    p.add_argument("--from", dest="date_from", type=date.fromisoformat, help="first day (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", type=date.fromisoformat, help="last day (YYYY-MM-DD)")
    p.add_argument("--limit", type=int, default=10_000)
    add_json(p)
    p.set_defaults(handler=cmd_ledger)
    p = grp.add_parser("statement", help="opening, income by source, spending by project, closing")
    p.add_argument("fund", help="fund code or number")
    p.add_argument("--quarter", required=True, help="2026Q3 (or a month 2026-07, a year 2026)")
    add_json(p)
    p.set_defaults(handler=cmd_statement)


def _signed_in(ctx: Context):  # noqa: ANN202
    ws = ctx.open(allow_read_only_fallback=True)
    ctx.sign_in(ws)
    return ws


def _yuan(fen: int) -> str:
    return format_yuan(fen)


def cmd_list(ctx: Context, args) -> int:  # noqa: ANN001
    rows = funds.list_funds(_signed_in(ctx))
    kind = (lambda k: KIND_ZH.get(k, k)) if ctx.language != "en" else (lambda k: k)  # noqa: E731
    if getattr(args, "json", False):
        emit(args, [{"id": r.id, "code": r.code, "name": r.name, "kind": r.kind, "unit": r.unit_name,
                     "host": r.host, "money": str(r.money)} for r in rows])
        return 0
    emit(args, None, [(r.id, r.code, r.name, kind(r.kind), r.unit_name, _yuan(r.money_fen)) for r in rows],
         ("id", "code", "name", "kind", "unit", "money"))
    return 0


def cmd_ledger(ctx: Context, args) -> int:  # noqa: ANN001
    ws = _signed_in(ctx)
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise CliError(ctx.say("--from is after --to", "--from 晚于 --to"))
    fund = funds.find(ws, args.fund)
    lines = ledger.ledger_lines(ws, fund.id, args.date_from, args.date_to, limit=args.limit)
    if getattr(args, "json", False):
        emit(args, [{"txn": x.txn_id, "date": x.on_date.isoformat(), "kind": x.kind, "memo": x.memo,
                     "project": x.project, "account": x.account_code, "account_name": x.account_name,
                     "debit": str(fen_to_yuan(x.debit_fen)), "credit": str(fen_to_yuan(x.credit_fen)),
                     "reverses": x.reverses_id, "by": x.created_by} for x in lines])
        return 0
    emit(args, None, [(x.txn_id, x.on_date.isoformat(), f"{x.account_code} {x.account_name}",
                       _yuan(x.debit_fen) if x.debit_fen else "", _yuan(x.credit_fen) if x.credit_fen else "",
                       x.memo) for x in lines], ("txn", "date", "account", "debit", "credit", "memo"))
    return 0


def cmd_statement(ctx: Context, args) -> int:  # noqa: ANN001
    ws = _signed_in(ctx)
    s = fund_statement.statement(ws, funds.find(ws, args.fund).id, args.quarter)
    if getattr(args, "json", False):
        emit(args, {"fund": s.fund_code, "name": s.fund_name, "period": s.period, "start": s.start, "end": s.end,
                    "opening": str(s.opening), "income": [[n, str(x)] for n, x in s.income],
                    "income_total": str(s.income_total), "spending": [[n, str(x)] for n, x in s.spending],
                    "spending_total": str(s.spending_total), "other": str(s.other), "closing": str(s.closing)})
        return 0
    rows = [(ctx.say("opening", "期初余额"), f"{s.opening:,.2f}")]
    rows += [(f"  + {n}", f"{x:,.2f}") for n, x in s.income]
    rows += [(f"  − {n}", f"{x:,.2f}") for n, x in s.spending]
    if s.other:
        rows.append((ctx.say("other movements", "其他变动"), f"{s.other:,.2f}"))
    rows.append((ctx.say("closing", "期末余额"), f"{s.closing:,.2f}"))
    print(f"{s.fund_code} {s.fund_name} {s.period} ({s.start.isoformat()} – {s.end.isoformat()})")
    emit(args, None, rows, ("", "yuan"))
    return 0
