"""Every further document kind (招募令, 退出通知书, 项目申报审批表, 拨付凭证, 捐赠收据, 资金公示, 值班表) issued through the
services on SQLite and PostgreSQL, records created through the services, and read back: exact Chinese text of
key fields and clauses, embedded TrueType fonts, A4, every word inside the type area, page numbers, masking,
amounts in capitals. Also ``amount_in_words`` (大写金额)."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import date, datetime
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from partnerdesk import paths
from partnerdesk.db import models as m
from partnerdesk.documents.profiles import MM
from partnerdesk.documents.render import render
from partnerdesk.documents.templates import TemplateStore
from partnerdesk.domain import ledger as L
from partnerdesk.domain.errors import DomainError
from partnerdesk.domain.money import MAX_WORDS_FEN, amount_in_words
from partnerdesk.domain.partners import PartnerInput
from partnerdesk.services import (
    accounts,
    dictionaries,
    document_data,
    documents,
    donations,
    funds,
    ledger,
    notices,
    partner_lifecycle,
    partners,
    rota,
    spaces,
)
from partnerdesk.services import applications as ap
from tests.helpers.numbers import org_code
from tests.unit.loop_setup import login, signed_agreement, world

from . import pdftools

JULY = datetime(2026, 7, 15, 10, 0)
PRINT_DAY = datetime(2026, 8, 5, 9, 30)  # after July is closed: the documents are printed on this day
MOBILE = "13912345678"
USERS = {"liyun": ("community_worker", "李芸", "cw-pass-12"), "zhaomin": ("approver", "赵敏", "ap-pass-123"),
         "zhoujie": ("staff", "周杰", "st-pass-123")}
NEW_KINDS = ("recruitment_notice", "exit_notice", "project_approval", "disbursement_voucher", "donation_receipt",
             "fund_disclosure", "rota", "rota_week")


# --- amounts in capitals ---
@pytest.mark.parametrize("fen, words", [
    (0, "零元整"), (5, "伍分"), (50, "伍角整"), (55, "伍角伍分"), (1000, "壹拾元整"), (1010, "壹拾元壹角整"),
    (123456, "壹仟贰佰叁拾肆元伍角陆分"), (32504, "叁佰贰拾伍元零肆分"), (140950, "壹仟肆佰零玖元伍角整"),
    (100001050, "壹佰万零壹拾元伍角整"), (10000000000, "壹亿元整"), (10000000100, "壹亿零壹元整"),
    (1010000, "壹万零壹佰元整"), (100010000, "壹佰万零壹佰元整"), (1000001000000, "壹佰亿零壹万元整"), (1000100000000, "壹佰亿零壹佰万元整"),
    (200000000, "贰佰万元整"), (1001000000, "壹仟零壹万元整"), (1010000000, "壹仟零壹拾万元整"),
    (MAX_WORDS_FEN, "玖仟玖佰玖拾玖万亿玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
])
def test_amount_in_words(fen, words):
    assert amount_in_words(fen) == words


@pytest.mark.parametrize("bad", [-1, MAX_WORDS_FEN + 1])
def test_amount_in_words_refuses_what_cannot_be_written(bad):
    with pytest.raises(DomainError) as err:
        amount_in_words(bad)
    assert err.value.code == "money.out_of_range"
    with pytest.raises(DomainError):
        amount_in_words(1.5)  # type: ignore[arg-type]


_DIGIT = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
_SMALL = {"拾": 10, "佰": 100, "仟": 1000}
_BIG = {"万": 10 ** 4, "亿": 10 ** 8}


def words_to_fen(text: str) -> int:
    """A reader of capitals, independent of the writer, for the round trip."""
    yuan_part, _, rest = text.partition("元") if "元" in text else ("", "", text)
    total = section = digit = 0
    for ch in yuan_part:
        if ch in _DIGIT:
            digit = _DIGIT[ch]
        elif ch in _SMALL:
            section += digit * _SMALL[ch]
            digit = 0
        elif ch in _BIG:
            section += digit
            total = (total + section) * _BIG[ch] if ch == "亿" else total + section * _BIG[ch]
            section = digit = 0
    yuan = total + section + digit
    jiao = _DIGIT[rest[rest.index("角") - 1]] if "角" in rest else 0
    fen = _DIGIT[rest[rest.index("分") - 1]] if "分" in rest else 0
    return yuan * 100 + jiao * 10 + fen


@given(st.integers(min_value=0, max_value=10 ** 14 - 1))  # below 万亿 yuan: the reader's range
def test_amount_in_words_round_trip(fen):
    words = amount_in_words(fen)
    assert words_to_fen(words) == fen
    assert words.endswith("分") != words.endswith("整")  # 整 exactly when there is no 分
    assert "零零" not in words and not words.startswith("零") or fen == 0


# --- a world built through the services ---
def _user(ws, name: str, community_ids=()):
    role, shown, password = USERS[name]
    accounts.add_user(ws, name, role, password, display_name=shown, community_ids=community_ids)


def as_user(ws, name: str) -> None:
    accounts.login(ws, name, USERS[name][2])


def build_world(ws) -> SimpleNamespace:
    w = world(ws)  # 东风社区 c1 (partner p1, room, agreement a1), 西湖社区 c2 (p2); clock 2026-07-15
    _user(ws, "liyun", (w.c1.id,))
    _user(ws, "zhaomin")
    _user(ws, "zhoujie")
    codes = [d.code for d in dictionaries.items(ws, "service_domain")[:3]]
    w.notice = notices.save(ws, notices.NoticeInput(
        "东风社区2026年社区合伙人招募令", w.c1.id, tuple(codes),
        "依法登记、证照齐全；近三年内无违法违规记录；自愿参与社区公益服务", "免费使用社区闲置空间；优先推荐参加评优",
        date(2026, 7, 1), date(2026, 8, 31), "open")).value
    w.domains = "、".join(d.label for d in dictionaries.items(ws, "service_domain")[:3])
    # a partner that exits (evaluation failed): its agreement ends on the exit day
    p3 = partners.register(ws, PartnerInput("enterprise", "东风便民维修服务部", uscc=org_code(931), legal_rep="孙立",
                                            contact_mobile=MOBILE, community_ids=(w.c1.id,)), submit=True).value
    p3 = partner_lifecycle.transition(ws, p3.id, p3.version, "community_approve", "同意").value
    login(ws, "appr")
    p3 = partner_lifecycle.transition(ws, p3.id, p3.version, "street_approve", "同意").value
    p3 = partner_lifecycle.transition(ws, p3.id, p3.version, "file", on_date=date(2026, 1, 10)).value
    login(ws, "admin")
    shop = spaces.save(ws, spaces.SpaceInput(w.c1.id, "二楼维修点", 2500)).value
    w.a3 = signed_agreement(ws, partners.get(ws, p3.id), shop, date(2026, 2, 1), date(2027, 1, 31))
    login(ws, "appr")
    p3 = partners.get(ws, p3.id)
    partner_lifecycle.transition(ws, p3.id, p3.version, "exit", "年度评估不合格，限期整改后复评仍不合格",
                                 on_date=date(2026, 7, 10), exit_reason="evaluation_failed")
    login(ws, "admin")
    w.p3 = partners.get(ws, p3.id)
    # the community fund: feedback income, two donations (one anonymous), a project returned once then approved
    w.pool = funds.create(ws, funds.FundInput("DF-POOL", "东风社区基金池", "pool", w.c1.id)).value
    acc = {a.code: a.id for a in funds.accounts(ws, w.pool.id)}
    ap.set_use_rule(ws, w.pool.id, ["养老", "托育", "便民服务"], ["宴请"])
    ledger.post(ws, w.pool.id, date(2026, 6, 20), [L.Line.debit(acc[L.BANK], 20_000_00),
                                                  L.Line.credit(acc[L.FEEDBACK_INCOME], 20_000_00)], "上期结余", "k0")
    ledger.post(ws, w.pool.id, date(2026, 7, 2), [L.Line.debit(acc[L.BANK], 3_500_00),
                                                 L.Line.credit(acc[L.FEEDBACK_INCOME], 3_500_00)], "收益反哺", "k1")
    w.gift = donations.record(ws, w.pool.id, donations.DonationInput(
        "王秀兰", "person", 1_234_56, date(2026, 7, 3), "助老送餐", anonymous=True), "gift-1").value
    w.gift2 = donations.record(ws, w.pool.id, donations.DonationInput(
        "重庆惠民超市有限公司", "organisation", 5_000_00, date(2026, 7, 4), ""), "gift-2").value
    as_user(ws, "zhoujie")
    draft = ap.create_draft(ws, ap.ApplicationInput(
        w.pool.id, "community", "", "长者助餐", "养老", 4_800_00, (("食材", 3_800_00), ("场地水电", 1_000_00)),
        applicant_id=w.c1.id, description="每周一、三、五为辖区80岁以上老人提供午餐，每次约30人次。")).value
    a = ap.submit(ws, draft.id, draft.version).value
    as_user(ws, "liyun")
    a = ap.act(ws, a.id, a.version, "return", "请补充食材采购询价单").value
    as_user(ws, "zhoujie")
    a = ap.submit(ws, a.id, a.version).value
    as_user(ws, "liyun")
    a = ap.act(ws, a.id, a.version, "approve", "材料齐全，同意").value
    as_user(ws, "zhaomin")
    w.app = ap.act(ws, a.id, a.version, "approve", "同意立项").value
    login(ws, "admin")
    w.pay = ap.disburse(ws, w.app.id, 2_400_00, date(2026, 7, 20), "东风社区长者食堂", "pay-1").value
    # the rota: two weekly duties rolled out for August
    rota.add_pattern(ws, w.c1.id, "合伙人工作室", 0, "14:00", "17:00", w.p1.id, "母婴育儿咨询", date(2026, 7, 1))
    p4 = partners.register(ws, PartnerInput("enterprise", "东风社区卫生服务站", uscc=org_code(944),
                                            community_ids=(w.c1.id,)), submit=True).value
    p4 = partner_lifecycle.transition(ws, p4.id, p4.version, "community_approve", "同意").value
    login(ws, "appr")
    p4 = partner_lifecycle.transition(ws, p4.id, p4.version, "street_approve", "同意").value
    partner_lifecycle.transition(ws, p4.id, p4.version, "file")
    login(ws, "admin")
    rota.add_pattern(ws, w.c1.id, "合伙人工作室", 2, "09:00", "11:30", p4.id, "义诊及健康咨询", date(2026, 7, 1))
    w.p4 = partners.get(ws, p4.id)
    rota.roll_out(ws, w.c1.id, date(2026, 8, 1), date(2026, 8, 31))
    # August: July is closed, then the documents are printed
    ws.clock = lambda: PRINT_DAY
    ledger.close_period(ws, w.pool.id, "2026-07")
    with ws.read() as uow:
        w.closed = uow.session.scalar(select(m.ClosedPeriod.id).where(m.ClosedPeriod.fund_id == w.pool.id))
    return w


RECORD = {"recruitment_notice": lambda w: w.notice.id, "exit_notice": lambda w: w.p3.id,
          "project_approval": lambda w: w.app.id, "disbursement_voucher": lambda w: w.pay.id,
          "donation_receipt": lambda w: w.gift.id, "fund_disclosure": lambda w: w.closed,
          "rota": lambda w: w.c1.id, "rota_week": lambda w: w.c1.id}


@pytest.fixture
def kw(ws):
    return build_world(ws)


def _flat(text: str) -> str:
    return "".join(text.split())


def raw_text(pdf: bytes, tmp_path) -> str:
    """The text in drawing order (pdftotext -raw), white space removed: a table reads row by row, cell by cell."""
    path = tmp_path / "raw.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True)
    return _flat(out.stdout.decode("utf-8"))


def _profile_of(kind: str):
    from partnerdesk.documents.render import profile_for

    return profile_for(TemplateStore(paths.forms_dir()).load(kind))


def check_layout(pdf: bytes, kind: str, tmp_path) -> list[pdftools.Word]:
    """A4, every font an embedded subset TrueType font, every word inside the type area, page numbers placed."""
    assert all(size == pytest.approx((595.28, 841.89), abs=0.01) for size in pdftools.page_sizes(pdf))
    fonts = pdftools.fonts(pdf)
    assert fonts and all(f["fontfile2"] and f["name"][7] == "+" for f in fonts), fonts
    p = _profile_of(kind)
    page_h = p.page_size[1]
    top, bottom = page_h - p.top, page_h - p.bottom
    words = pdftools.words(pdf, tmp_path)
    pages = max(w.page for w in words)
    for w in words:
        if w.y0 >= bottom:  # below the type area: the page number, and the footer's verification code
            assert w.text in ("—", str(w.page)) or w.text.startswith("核验码") or re.fullmatch(r"[0-9A-Z]{8}", w.text), w
            continue
        assert p.left - 0.5 <= w.x0 and w.x1 <= p.right + 0.5 and w.y0 >= top - 0.5, (kind, w)
    one_char = p.page_number.size
    for page in range(1, pages + 1):
        feet = sorted((w for w in words if w.page == page and w.text in ("—", str(page)) and w.y0 >= bottom),
                      key=lambda w: w.x0)
        assert [w.text for w in feet] == ["—", str(page), "—"], (kind, page, feet)
        assert feet[0].y0 >= bottom + 7 * MM - 3
        if page % 2:
            assert feet[-1].x1 == pytest.approx(p.right - one_char, abs=1.0)
        else:
            assert feet[0].x0 == pytest.approx(p.left + one_char, abs=1.0)
    return words


def issued_text(ws, kind: str, record_id: int, tmp_path) -> tuple[documents.IssuedDoc, str]:
    doc = documents.issue(ws, kind, record_id).value
    check_layout(doc.pdf, kind, tmp_path)
    assert documents.verify_file(ws, doc.pdf).status == "match"
    return doc, raw_text(doc.pdf, tmp_path)


# --- each kind, issued through the service and read back ---
def test_recruitment_notice(ws, kw, tmp_path):
    doc, text = issued_text(ws, "recruitment_notice", kw.notice.id, tmp_path)
    assert (doc.serial, doc.entity, doc.entity_id) == ("招募令〔2026〕1号", "notice", kw.notice.id)
    assert "东风社区2026年社区合伙人招募令" in text and "招募令〔2026〕1号" in text
    assert "一、招募领域" + kw.domains + "。" in text
    assert "三、基本条件（一）依法登记、证照齐全。（二）近三年内无违法违规记录。（三）自愿参与社区公益服务。" in text
    assert "四、合伙人权益（一）免费使用社区闲置空间。（二）优先推荐参加评优。" in text
    assert "五、报名时间自2026年7月1日起至2026年8月31日止。" in text
    assert "到东风社区报名" in text and text.endswith("东风社区2026年7月1日") is False
    assert "东风社区2026年7月1日" in text  # issuer over the date the notice opens


def test_exit_notice_masks_the_mobile_and_lists_the_ended_agreement(ws, kw, tmp_path):
    doc, text = issued_text(ws, "exit_notice", kw.p3.id, tmp_path)
    assert doc.serial == "退出通知书〔2026〕1号" and doc.entity == "partner"
    assert "社区合伙人退出通知书" in text and "东风便民维修服务部：" in text
    assert f"（备案编号：{kw.p3.filing_no}）" in text and "于2026年1月10日经备案成为东风社区的社区合伙人" in text
    assert "因评估不合格且整改后仍不合格，经东风社区研究、报服务街道同意，自2026年7月10日起" in text
    assert "处理意见：年度评估不合格，限期整改后复评仍不合格。" in text
    assert kw.a3.number in text and "二楼维修点" in text and "2026年2月1日至2027年1月31日" in text
    assert "请于收到本通知之日起十五日内腾退空间" in text
    assert "联系电话：139****5678" in text and MOBILE not in text
    assert "送达回执" in text and "（编号：退出通知书〔2026〕1号）" in text
    with pytest.raises(DomainError) as err:  # a partner still on board has no exit notice
        documents.preview(ws, "exit_notice", kw.p1.id)
    assert err.value.code == "document.not_exited"


def test_project_approval_form_shows_every_step(ws, kw, tmp_path):
    doc, text = issued_text(ws, "project_approval", kw.app.id, tmp_path)
    assert doc.serial == "审批表〔2026〕1号" and (doc.entity, doc.entity_id) == ("fund_application", kw.app.id)
    assert "社区基金项目申报审批表" in text and "项目名称长者助餐" in text and "申请基金东风社区基金池" in text
    assert "人民币（大写）肆仟捌佰元整¥4,800.00" in text
    assert "食材3,800.00" in text and "场地水电1,000.00" in text and "合计4,800.00" in text
    assert "二、审批记录（含退回修改后重新报送的各轮审批）" in text
    # round 1: returned at the first step, the second skipped; round 2: both approved (with names, not logins)
    assert "第1轮社区初审（社区工作者）李芸请补充食材采购询价单退回修改2026年7月15日" in text
    assert "第1轮街道审批（审批人）未进行" in text
    assert "第2轮社区初审（社区工作者）李芸材料齐全，同意同意2026年7月15日" in text
    assert "第2轮街道审批（审批人）赵敏同意立项同意2026年7月15日" in text
    assert "同意立项，批准金额人民币肆仟捌佰元整（¥4,800.00），批准日期2026年7月15日。" in text
    assert "填报人周杰" in text


def test_disbursement_voucher_amounts_agree(ws, kw, tmp_path):
    doc, text = issued_text(ws, "disbursement_voucher", kw.pay.id, tmp_path)
    assert doc.serial == "拨付凭证〔2026〕1号" and doc.entity == "disbursement"
    assert "社区基金项目拨付凭证" in text and "收款单位（人）东风社区长者食堂" in text
    assert "拨付金额（大写）人民币贰仟肆佰元整" in text and "拨付金额（小写）¥2,400.00" in text
    assert "累计已拨付（含本次）¥2,400.00" in text and "尚未拨付¥2,400.00" in text
    assert "于2026年7月15日批准，批准金额¥4,800.00" in text and "拨付日期2026年7月20日" in text
    assert "借：项目支出贷：银行存款" in text
    assert f"记账凭证号第{kw.pay.txn_id}号" in text
    ap.reverse_disbursement(ws, kw.pay.id, "收款人账户有误", "rev-1")
    with pytest.raises(DomainError) as err:
        documents.preview(ws, "disbursement_voucher", kw.pay.id)
    assert err.value.code == "document.reversed"
    assert documents.record_ids(ws, "disbursement_voucher") == []


def test_donation_receipt(ws, kw, tmp_path):
    doc, text = issued_text(ws, "donation_receipt", kw.gift.id, tmp_path)
    assert doc.serial == "捐赠收据〔2026〕1号" and doc.title == f"{kw.gift.receipt_no} 匿名"
    assert f"收据编号：{kw.gift.receipt_no}" in text and kw.gift.receipt_no == "DF-POOL-2026-00001"
    assert "今收到王秀兰向东风社区基金池捐赠的款项" in text  # the donor's own receipt names the donor
    assert "捐赠金额（大写）人民币壹仟贰佰叁拾肆元伍角陆分" in text and "捐赠金额（小写）¥1,234.56" in text
    assert "捐赠用途助老送餐" in text and "公示方式按捐赠人意愿匿名公示（公示时捐赠人显示为“匿名”）" in text
    assert "捐赠人类型个人" in text and "捐赠日期2026年7月3日" in text
    _, text2 = issued_text(ws, "donation_receipt", kw.gift2.id, tmp_path)
    assert "人民币伍仟元整" in text2 and "公示方式实名公示" in text2 and "捐赠人类型单位" in text2
    assert "由基金统筹用于社区公益事业" in text2


def test_fund_disclosure(ws, kw, tmp_path):
    doc, text = issued_text(ws, "fund_disclosure", kw.closed, tmp_path)
    assert doc.serial == "公示〔2026〕1号" and doc.entity == "closed_period"
    assert "东风社区基金池2026年7月收支情况公示" in text
    assert "（2026年7月1日至2026年7月31日）" in text
    assert "期初余额20,000.00元，本期收入9,734.56元，本期支出2,400.00元，期末余额27,334.56元。" in text
    assert "收入合计9,734.56" in text and "支出合计2,400.00" in text and "长者助餐2,400.00" in text
    assert "匿名1,234.56" in text and "王秀兰" not in text  # anonymous donors are published as 匿名
    assert "重庆惠民超市有限公司5,000.00" in text
    assert "1长者助餐东风社区4,800.00" in text
    assert "公示期为2026年8月5日至2026年8月11日，共7天。" in text
    assert "东风社区2026年8月5日" in text


def test_rota_month_and_week(ws, kw, tmp_path):
    doc, text = issued_text(ws, "rota", kw.c1.id, tmp_path)
    assert doc.serial == "值班表〔2026〕1号" and (doc.entity, doc.entity_id) == ("community", kw.c1.id)
    assert "东风社区合伙人工作室值班表" in text and "（2026年8月）" in text
    mondays = [3, 10, 17, 24, 31]
    for day in mondays:
        assert f"8月{day}日（周一）14:00—17:00合伙人工作室服务企业1母婴育儿咨询" in text
    assert "8月5日（周三）09:00—11:30合伙人工作室东风社区卫生服务站义诊及健康咨询" in text
    assert text.count("（周三）") == 4 and text.count("（周一）") == 5
    _, week = issued_text(ws, "rota_week", kw.c1.id, tmp_path)
    assert "（2026年8月3日至8月9日）" in week and week.count("（周") == 2


def test_rota_of_a_chosen_month_or_week(ws, kw, tmp_path):
    """Printed on 5 August, a rota can cover another month or week (the duties rolled out for September); the
    document keeps the print day, a batch and a draft take the period too, and no other kind accepts one."""
    login(ws, "admin")
    rota.roll_out(ws, kw.c1.id, date(2026, 9, 1), date(2026, 9, 30))
    doc = documents.issue(ws, "rota", kw.c1.id, period_of=date(2026, 9, 10)).value
    text = raw_text(doc.pdf, tmp_path)
    assert "（2026年9月）" in text and "（2026年8月）" not in text and "8月3日" not in text
    for day in (7, 14, 21, 28):
        assert f"9月{day}日（周一）14:00—17:00合伙人工作室服务企业1母婴育儿咨询" in text
    assert text.count("（周三）") == 5  # 2, 9, 16, 23, 30 September
    assert documents.verify_file(ws, doc.pdf).status == "match"
    week = raw_text(documents.preview(ws, "rota_week", kw.c1.id, period_of=date(2026, 8, 20)), tmp_path)
    assert "（2026年8月17日至8月23日）" in week and "8月17日（周一）" in week and "8月3日" not in week
    out = documents.issue_batch(ws, "rota_week", [kw.c1.id], tmp_path / "weeks.pdf", True,
                                period_of=date(2026, 9, 1)).value
    assert "（2026年8月31日至9月6日）" in raw_text((tmp_path / "weeks.pdf").read_bytes(), tmp_path)
    assert out.documents[0].serial == "值班表〔2026〕2号"
    for kind, rid in (("donation_receipt", kw.gift.id), ("exit_notice", kw.p3.id)):
        with pytest.raises(DomainError) as err:
            documents.issue(ws, kind, rid, period_of=date(2026, 9, 1))
        assert err.value.code == "document.no_period"


def test_scope_and_batches(ws, kw, tmp_path):
    login(ws, "outsider")  # a community worker of 西湖社区 reaches none of 东风社区's documents
    for kind in NEW_KINDS:
        with pytest.raises(DomainError) as err:
            documents.preview(ws, kind, RECORD[kind](kw))
        assert err.value.code == "auth.forbidden", kind
        assert documents.record_ids(ws, kind) == [], kind
    login(ws, "admin")
    assert documents.record_ids(ws, "exit_notice") == [kw.p3.id]
    assert documents.record_ids(ws, "recruitment_notice", kw.c1.id) == [kw.notice.id]
    assert documents.record_ids(ws, "recruitment_notice", state="draft") == []
    assert documents.record_ids(ws, "project_approval", kw.c1.id) == [kw.app.id]
    assert documents.record_ids(ws, "donation_receipt", kw.c2.id) == []
    assert documents.record_ids(ws, "rota") == [kw.c1.id]
    with pytest.raises(DomainError) as err:
        documents.record_ids(ws, "donation_receipt", state="approved")
    assert err.value.code == "document.bad_filter"
    ids = documents.record_ids(ws, "donation_receipt", kw.c1.id)
    out = documents.issue_batch(ws, "donation_receipt", ids, tmp_path / "receipts", False).value
    assert [d.serial for d in out.documents] == ["捐赠收据〔2026〕1号", "捐赠收据〔2026〕2号"] and len(out.files) == 2


@pytest.mark.parametrize("kind", NEW_KINDS)
def test_every_kind_previews_without_serial_and_stays_in_the_type_area(ws, kw, kind, tmp_path):
    pdf = documents.preview(ws, kind, RECORD[kind](kw))
    words = check_layout(pdf, kind, tmp_path)
    assert "核验码" not in "".join(w.text for w in words)


def test_every_new_kind_is_known_to_the_cli_and_the_template_store():
    from partnerdesk.cli.documents import KIND_CHOICES

    assert set(NEW_KINDS) <= set(KIND_CHOICES) and set(NEW_KINDS) <= set(document_data.SERIES)
    kinds = {t.kind for t in TemplateStore(paths.forms_dir()).list()}
    assert set(NEW_KINDS) <= kinds


def test_hostile_record_text_prints_literally(ws, kw, tmp_path):
    hostile = "<b>&<img src=http://x>=cmd|' /C calc'!A0"
    donations.record(ws, kw.pool.id, donations.DonationInput(hostile, "person", 100, date(2026, 8, 3), "@SUM(1)"),
                     "gift-h")
    with ws.read() as uow:
        gid = uow.session.scalar(select(m.Donation.id).where(m.Donation.idem_key == "gift-h"))
    text = pdftools.text(documents.preview(ws, "donation_receipt", gid), tmp_path)
    assert hostile.replace(" ", "") in _flat(text) and "@SUM(1)" in text


def test_templates_render_the_same_data_without_a_database(tmp_path):
    """The rota template with many shifts breaks across pages and repeats its header."""
    rows = [{"date": f"8月{d}日", "weekday": "星期一", "weekday_short": "周一", "time": "09:00—11:30", "venue": "合伙人工作室",
             "partner": f"合伙人{d}", "topic": "法律咨询", "note": ""} for d in range(1, 32)] * 2
    data = {"community": {"name": "东风社区", "contact": ""}, "street": {"name": "服务街道"},
            "document": {"date": date(2026, 8, 5), "serial": "值班表〔2026〕9号"},
            "rota": {"period": "2026年8月", "start": date(2026, 8, 1), "end": date(2026, 8, 31),
                     "venues": "合伙人工作室", "shifts": rows}}
    pdf = render(TemplateStore(paths.forms_dir()).load("rota"), data)
    words = check_layout(pdf, "rota", tmp_path)
    assert max(w.page for w in words) >= 2
    assert all(any(w.text == "值班合伙人" and w.page == p for w in words) for p in (1, 2))


def test_a_number_is_never_split_at_its_separators(tmp_path):
    from partnerdesk.documents.templates import parse

    t = parse({"format": 1, "kind": "grid", "name": "grid", "version": "t", "profile": "gbt9704", "title": "网格",
               "fields": {"clause": {"label": "条款"}},
               "blocks": [{"type": "paragraph", "text": "{clause}", "indent": False}]})
    for lead in range(24, 28):  # the number reaches the end of the first line at every position
        clause = "收" * lead + "本期支出2,400.00元。"
        lines = [w.text for w in pdftools.words(render(t, {"clause": clause}), tmp_path) if w.text != "网格"
                 and w.text not in ("—", "1")]
        assert "".join(lines) == clause
        assert not any(re.search(r"[\d,.]$", a) and re.match(r"[\d,.]", b) for a, b in zip(lines, lines[1:], strict=False)), lines


# --- the command line, as real processes ---
@pytest.fixture(scope="module")
def cli_world(tmp_path_factory):
    from partnerdesk.services.workspace import open_workspace
    from tests.conftest import ADMIN_PASSWORD

    path = tmp_path_factory.mktemp("cli_kinds") / "pd.sqlite3"
    ws = open_workspace(f"sqlite:///{path}")
    try:
        accounts.init_office(ws, "admin", ADMIN_PASSWORD, "渝新区", "石油路街道")
        accounts.login(ws, "admin", ADMIN_PASSWORD)
        w = build_world(ws)
    finally:
        ws.close()
    return path, w


@pytest.mark.parametrize("kind", NEW_KINDS)
def test_cli_print_each_kind_by_id(cli_world, kind, tmp_path):
    from tests.documents.test_batch_cli import run

    db, w = cli_world
    out = tmp_path / f"{kind}.pdf"
    r = run(db, "print", kind, "--id", str(RECORD[kind](w)), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert document_data.SERIES[kind][1] + "〔" in r.stdout and out.read_bytes().startswith(b"%PDF")
    assert run(db, "verify", str(out)).returncode == 0


def test_cli_print_all_filters(cli_world, tmp_path):
    from tests.documents.test_batch_cli import run

    db, w = cli_world
    r = run(db, "print", "donation_receipt", "--all", "--community", "东风社区", "-o", str(tmp_path / "r"))
    assert r.returncode == 0, r.stderr
    assert len(list((tmp_path / "r").iterdir())) == 2
    r = run(db, "print", "exit_notice", "--all", "-o", str(tmp_path / "exit.pdf"))
    assert r.returncode == 0 and (tmp_path / "exit.pdf").exists(), r.stderr
    r = run(db, "print", "donation_receipt", "--all", "--state", "filed", "-o", str(tmp_path / "x"), lang="zh_CN")
    assert r.returncode == 1 and "不能按状态“filed”筛选" in r.stderr and not (tmp_path / "x").exists()
    r = run(db, "print", "recruitment_notice", "--all", "--state", "draft", "-o", str(tmp_path / "d"))
    assert r.returncode == 1 and "nothing was issued" in r.stderr.lower() + r.stdout.lower()


def test_cli_print_rota_of_a_chosen_period(cli_world, tmp_path):
    from tests.documents.test_batch_cli import run

    db, w = cli_world
    out = tmp_path / "week.pdf"
    r = run(db, "print", "rota_week", "--id", str(w.c1.id), "--period", "2026-08-12", "-o", str(out), "--preview")
    assert r.returncode == 0, r.stderr
    assert "（2026年8月10日至8月16日）" in raw_text(out.read_bytes(), tmp_path)
    r = run(db, "audit", "list", "--json")
    drafts = [e for e in json.loads(r.stdout) if e["action"] == "print" and '"draft":true' in e["after"]]
    assert len(drafts) == 1 and drafts[0]["entity"] == "rota_week" and "week.pdf" in drafts[0]["after"]
    r = run(db, "print", "rota", "--all", "--period", "2026-08-01", "-o", str(tmp_path / "month.pdf"))
    assert r.returncode == 0, r.stderr
    assert "（2026年8月）" in raw_text((tmp_path / "month.pdf").read_bytes(), tmp_path)
    r = run(db, "print", "rota", "--id", str(w.c1.id), "--period", "2026-13-01", "-o", str(tmp_path / "x.pdf"))
    assert r.returncode != 0 and "YYYY-MM-DD" in r.stderr and not (tmp_path / "x.pdf").exists()
    r = run(db, "print", "exit_notice", "--id", str(w.p3.id), "--period", "2026-08-01", "-o", str(tmp_path / "e.pdf"),
            lang="zh_CN")
    assert r.returncode == 1 and "只有值班表" in r.stderr and not (tmp_path / "e.pdf").exists()
