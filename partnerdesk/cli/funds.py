"""Fund commands: list, ledger, statement (read-only; amounts printed in yuan, exact)."""

from __future__ import annotations

from datetime import date

from ..domain.money import fen_to_yuan, format_yuan
from ..services import applications, feedback, fund_statement, funds, ledger
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
    register_money(grp)


def _signed_in(ctx: Context):  # noqa: ANN202
    ws = ctx.open(allow_read_only_fallback=True)
    ctx.sign_in(ws)
    return ws


def _yuan(fen: int) -> str:
    return format_yuan(fen)


def cmd_list(ctx: Context, args) -> int:  # noqa: ANN001
    ws = _signed_in(ctx)
    rows = funds.list_funds(ws)
    promised = applications.fund_positions(ws, [r.id for r in rows])  # 已批未付 and what is still free
    kind = (lambda k: KIND_ZH.get(k, k)) if ctx.language != "en" else (lambda k: k)  # noqa: E731
    if getattr(args, "json", False):
        emit(args, [{"id": r.id, "code": r.code, "name": r.name, "kind": r.kind, "unit": r.unit_name,
                     "host": r.host, "money": str(r.money),
                     "committed": str(fen_to_yuan(promised[r.id].committed_fen)),
                     "available": str(fen_to_yuan(promised[r.id].available_fen))} for r in rows])
        return 0
    emit(args, None, [(r.id, r.code, r.name, kind(r.kind), r.unit_name, _yuan(r.money_fen),
                       _yuan(promised[r.id].committed_fen), _yuan(promised[r.id].available_fen)) for r in rows],
         ("id", "code", "name", "kind", "unit", "money", "committed", "available"))
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


# ---- money in and out: feedback receipts, applications, approvals, payments -------------------------------------

def register_money(grp) -> None:  # noqa: ANN001
    p = grp.add_parser("receive", help="revenue feedback received: split between the pool and the SE ledger")
    p.add_argument("agreement", help="agreement number or id")
    p.add_argument("amount_pos", nargs="?", metavar="AMOUNT", help="yuan (or --amount)")
    p.add_argument("--amount", help="yuan, e.g. 1234.50")
    p.add_argument("--date", type=date.fromisoformat, help="day received (default today)")
    p.add_argument("--key", help="idempotency key: the same key records once (default from the arguments)")
    add_json(p)
    p.set_defaults(handler=cmd_receive)
    p = grp.add_parser("applications", help="project applications (项目申报)")
    p.add_argument("--fund", help="fund code or number")
    p.add_argument("--state", default="", help="draft / submitted / in_approval / returned / approved / ...")
    add_json(p)
    p.set_defaults(handler=cmd_applications)
    p = grp.add_parser("inbox", help="applications waiting for me (待我审批)")
    add_json(p)
    p.set_defaults(handler=cmd_inbox)
    for action, text in (("approve", "approve the current step"), ("reject", "reject (needs --opinion)"),
                         ("return", "return for changes (needs --opinion)")):
        p = grp.add_parser(action, help=text)
        p.add_argument("application", type=int)
        p.add_argument("--opinion", default="")
        add_json(p)
        p.set_defaults(handler=cmd_act, decision=action)
    p = grp.add_parser("disburse", help="pay against an approved application (once per --key)")
    p.add_argument("application", type=int)
    p.add_argument("--amount", required=True, help="yuan")
    p.add_argument("--date", type=date.fromisoformat, required=True)
    p.add_argument("--payee", required=True)
    p.add_argument("--key", required=True, help="idempotency key: a retry with the same key pays once")
    add_json(p)
    p.set_defaults(handler=cmd_disburse)
    p = grp.add_parser("close", help="close a month or quarter (结账): nothing is posted on or before its last day")
    p.add_argument("fund", help="fund code or number")
    p.add_argument("period", help="2026-07 or 2026Q3")
    p.add_argument("--note", default="")
    add_json(p)
    p.set_defaults(handler=cmd_period, period_action="closed")
    p = grp.add_parser("reopen", help="reopen the latest closed month or quarter (反结账), with a reason")
    p.add_argument("fund", help="fund code or number")
    p.add_argument("period", help="the latest closed period, e.g. 2026-07")
    p.add_argument("--reason", required=True)
    add_json(p)
    p.set_defaults(handler=cmd_period, period_action="reopened")
    p = grp.add_parser("projects", help="approved projects for the disclosure notice (公示)")
    p.add_argument("fund", help="fund code or number")
    p.add_argument("--quarter", required=True, help="2026Q3 (or a month, a year)")
    add_json(p)
    p.set_defaults(handler=cmd_projects)


def cmd_receive(ctx: Context, args) -> int:  # noqa: ANN001
    from ..domain.money import yuan_to_fen

    ws = ctx.open()
    ctx.sign_in(ws)
    text = args.amount or args.amount_pos
    if not text:
        raise CliError(ctx.say("give the amount (AMOUNT or --amount)", "请填写金额（AMOUNT 或 --amount）"))
    fen = yuan_to_fen(text)
    on = args.date or ws.today()
    agreement_id = feedback.find_agreement(ws, args.agreement)
    key = args.key or f"cli-receive:{agreement_id}:{on.isoformat()}:{fen}"
    r = feedback.receive(ws, agreement_id, fen, on, key).value
    out = {"receipt": r.id, "agreement": args.agreement, "date": r.received_on.isoformat(),
           "amount": str(fen_to_yuan(r.amount_fen)), "pool": str(fen_to_yuan(r.pool_fen)),
           "se_ledger": str(fen_to_yuan(r.se_fen)), "pool_share_bp": r.pool_bp, "replayed": r.replayed}
    if getattr(args, "json", False):
        emit(args, out)
        return 0
    emit(args, None, [(ctx.say("received", "到账"), _yuan(r.amount_fen)),
                      (ctx.say("community fund pool", "社区基金池"), _yuan(r.pool_fen)),
                      (ctx.say("social-enterprise ledger", "社会企业代管"), _yuan(r.se_fen))], ("", "yuan"))
    if r.replayed:
        print(ctx.say("(already recorded under this key: nothing new)", "（该业务编号已登记过，未重复记账）"))
    return 0


def _app_json(a) -> dict:  # noqa: ANN001
    cur = a.current_step
    return {"id": a.id, "version": a.version, "version_no": a.version_no, "fund_id": a.fund_id, "title": a.title,
            "applicant": a.applicant_name, "category": a.category, "amount": str(fen_to_yuan(a.amount_fen)),
            "state": a.state, "round": a.round_no, "current_step": cur.seq if cur else None,
            "current_role": cur.role if cur else None, "disbursed": str(fen_to_yuan(a.disbursed_fen)),
            "created_by": a.created_by}


def _app_table(args, rows) -> None:  # noqa: ANN001
    if getattr(args, "json", False):
        emit(args, [_app_json(a) for a in rows])
        return
    emit(args, None, [(a.id, a.title, a.applicant_name, _yuan(a.amount_fen), a.state,
                       a.current_step.role if a.current_step else "", _yuan(a.disbursed_fen)) for a in rows],
         ("id", "title", "applicant", "amount", "state", "waiting for", "paid"))


def cmd_applications(ctx: Context, args) -> int:  # noqa: ANN001
    ws = _signed_in(ctx)
    fund_id = funds.find(ws, args.fund).id if args.fund else None
    _app_table(args, applications.list_applications(ws, fund_id=fund_id, state=args.state))
    return 0


def cmd_inbox(ctx: Context, args) -> int:  # noqa: ANN001
    _app_table(args, applications.inbox(_signed_in(ctx)))
    return 0


def cmd_act(ctx: Context, args) -> int:  # noqa: ANN001
    ws = ctx.open()
    ctx.sign_in(ws)
    a = applications.get(ws, args.application)
    a = applications.act(ws, a.id, a.version, args.decision, args.opinion).value
    if getattr(args, "json", False):
        emit(args, _app_json(a))
        return 0
    print(f"#{a.id} {a.title}: {a.state}")
    return 0


def cmd_disburse(ctx: Context, args) -> int:  # noqa: ANN001
    from ..domain.money import yuan_to_fen

    ws = ctx.open()
    ctx.sign_in(ws)
    d = applications.disburse(ws, args.application, yuan_to_fen(args.amount), args.date, args.payee, args.key).value
    out = {"disbursement": d.id, "application": d.application_id, "amount": str(fen_to_yuan(d.amount_fen)),
           "date": d.on_date.isoformat(), "payee": d.payee, "txn": d.txn_id, "replayed": d.replayed}
    if getattr(args, "json", False):
        emit(args, out)
        return 0
    print(f"#{d.id} {_yuan(d.amount_fen)} → {d.payee} ({ctx.say('transaction', '凭证')} #{d.txn_id})"
          + (ctx.say(" — already paid under this key", "（该业务编号已拨付过，未重复支付）") if d.replayed else ""))
    return 0


def cmd_period(ctx: Context, args) -> int:  # noqa: ANN001
    """``funds close`` / ``funds reopen``, then say where the books are closed through."""
    ws = ctx.open()
    ctx.sign_in(ws)
    fund_id = funds.find(ws, args.fund).id
    if args.period_action == "closed":
        period = ledger.close_period(ws, fund_id, args.period, args.note).value
    else:
        period = ledger.reopen_period(ws, fund_id, args.period, args.reason).value
    closed = ledger.closed_periods(ws, fund_id)
    through = closed[-1][1].isoformat() if closed else None
    if getattr(args, "json", False):
        emit(args, {"fund": args.fund, "period": period, "done": args.period_action, "closed_through": through})
        return 0
    print(f"{args.fund} {period}: " + (ctx.say(f"closed through {through}", f"已结账至 {through}") if through
                                       else ctx.say("no period closed", "没有已结账的期间")))
    return 0


def cmd_projects(ctx: Context, args) -> int:  # noqa: ANN001
    ws = _signed_in(ctx)
    rows = applications.approved_projects(ws, funds.find(ws, args.fund).id, args.quarter)
    if getattr(args, "json", False):
        emit(args, [{"application": r.application_id, "title": r.title, "applicant": r.applicant_name,
                     "category": r.category, "approved": str(fen_to_yuan(r.approved_fen)),
                     "approved_on": r.approved_on, "paid_in_period": str(fen_to_yuan(r.paid_in_period_fen)),
                     "paid_total": str(fen_to_yuan(r.paid_total_fen))} for r in rows])
        return 0
    emit(args, None, [(r.application_id, r.title, r.applicant_name, r.category, _yuan(r.approved_fen),
                       _yuan(r.paid_in_period_fen)) for r in rows],
         ("id", "title", "applicant", "category", "approved", "paid in period"))
    return 0
