"""Partner commands: list, show, template, import."""

from __future__ import annotations

from ..domain.lifecycle import State
from ..services import org, partner_lifecycle, partners
from .common import CliError, Context, add_json, emit

STATE_ZH = {State.REGISTERED: "登记", State.APPLIED: "已申请", State.COMMUNITY_APPROVED: "社区审核通过",
            State.STREET_APPROVED: "街道审核通过", State.FILED: "已备案", State.COMMITTED: "已承诺",
            State.ACTIVE: "入驻服务", State.REJECTED: "未通过", State.EXITED: "已退出"}


def register(sub) -> None:  # noqa: ANN001
    grp = sub.add_parser("partners", help="the partner registry").add_subparsers(dest="partners_cmd", metavar="ACTION")
    p = grp.add_parser("list", help="list partners (personal numbers masked)")
    add_json(p)
    p.add_argument("--community", help="community name")
    p.add_argument("--state", choices=[s.value for s in State])
    p.add_argument("--search", default="", help="name, pinyin initials or the last digits of a number")
    p.add_argument("--limit", type=int, default=0, help="at most this many rows (0 = all)")
    p.set_defaults(handler=cmd_list)
    p = grp.add_parser("show", help="one partner with its timeline")
    p.add_argument("id", type=int)
    add_json(p)
    p.set_defaults(handler=cmd_show)
    from .partner_import import register_import

    register_import(grp)


def _signed_in(ctx: Context):  # noqa: ANN202
    ws = ctx.open(allow_read_only_fallback=True)
    ctx.sign_in(ws)
    return ws


def cmd_list(ctx: Context, args) -> int:  # noqa: ANN001
    ws = _signed_in(ctx)
    community_id = None
    if args.community:
        found = [c.id for c in org.communities(ws) if c.name == args.community]
        if not found:
            raise CliError(ctx.say(f"unknown community: {args.community}", f"没有这个社区：{args.community}"), 1)
        community_id = found[0]
    f = partners.PartnerFilter(text=args.search, community_id=community_id, state=args.state or "")
    rows = []
    for r in partners.all_rows(ws, f):
        rows.append(r)
        if args.limit and len(rows) >= args.limit:
            break
    state = (lambda v: STATE_ZH.get(State(v), v)) if ctx.language != "en" else (lambda v: v)  # noqa: E731
    emit(args, rows, [(r.id, r.name, r.type_label, state(r.state), r.uscc or r.id_number_masked, r.mobile_masked,
                       r.communities, r.filing_no) for r in rows],
         ("id", "name", "type", "state", "uscc/id", "mobile", "communities", "filing_no"))
    return 0


def cmd_show(ctx: Context, args) -> int:  # noqa: ANN001
    ws = _signed_in(ctx)
    detail = partners.get(ws, args.id)
    events = partner_lifecycle.timeline(ws, args.id)
    if getattr(args, "json", False):
        emit(args, {"partner": detail, "timeline": events})
        return 0
    fields = [("id", detail.id), ("name", detail.name), ("type", detail.type_code), ("state", detail.state),
              ("uscc", detail.uscc), ("id_number", detail.id_number_masked), ("mobile", detail.contact_mobile_masked),
              ("communities", "、".join(detail.community_names)), ("domains", ", ".join(detail.domain_codes)),
              ("filing_no", detail.filing_no), ("derived", detail.derived)]
    emit(args, None, [(k, v) for k, v in fields], ("field", "value"))
    print()
    emit(args, None, [(e.at.isoformat(timespec="minutes"), e.action, f"{e.from_state}→{e.to_state}", e.username,
                       e.opinion) for e in events], ("at", "action", "state", "by", "opinion"))
    return 0


