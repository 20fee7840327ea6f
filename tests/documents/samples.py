"""Record data for the shipped templates, as a service would hand it to the renderer."""

from __future__ import annotations

import datetime as dt

ID_NUMBER = "11010519491231002X"
MOBILE = "13812345678"

COMMON = {
    "community": {"name": "解放碑社区", "contact": "王建国"},
    "street": {"name": "解放碑街道办事处"},
    "document": {"date": dt.date(2026, 7, 5)},
    "filing": {"number": "〔2026〕第012号", "date": dt.date(2026, 7, 5), "term": "2026年7月至2027年6月"},
}


def commitment_org() -> dict:
    return {**COMMON, "partner": {"name": "重庆市渝中区康乐养老服务中心", "uscc": "52500103MJP123456X",
                                  "legal_rep": "李明", "legal_rep_id": ID_NUMBER, "mobile": MOBILE}}


def commitment_individual(name: str = "张秀英") -> dict:
    return {**COMMON, "partner": {"name": name, "id_number": ID_NUMBER, "mobile": MOBILE, "skill": "中医推拿"}}


def partner_card() -> dict:
    return {"name": "重庆市渝中区康乐养老服务中心", "type": "社会组织（民办非企业单位）", "code": "52500103MJP123456X",
            "contact": "李明", "contact_id": ID_NUMBER, "mobile": MOBILE,
            "address": "重庆市渝中区民族路188号", "fields": "养老服务、便民服务",
            "services": "每月为辖区80岁以上老人提供助餐服务不少于20次，10元爱心餐；每周三上午义诊一次。",
            "space_need": "约60平方米社区闲置用房，用作长者食堂。", "intro": "2019年登记成立，专业社工8名。"}


def filing() -> dict:
    return {**COMMON, "partner": partner_card(), "space": {"name": "解放碑社区长者食堂"},
            "review": {"community_opinion": "材料齐全，同意推荐。", "community_date": dt.date(2026, 6, 28),
                       "street_opinion": "同意备案。", "street_date": dt.date(2026, 7, 3)}}


def application() -> dict:
    return {**COMMON, "partner": partner_card(),
            "application": {"number": "SQ-2026-0031", "date": dt.date(2026, 6, 12)}}


def space_agreement(supplements: int = 2) -> dict:
    rows = [{"title": f"第{i}号补充协议（调整服务时段）", "signed_on": dt.date(2026, 9, i),
             "summary": "周三上午义诊调整为周四上午，其余不变。"} for i in range(1, supplements + 1)]
    return {**COMMON, "partner": partner_card(), "space": {"name": "长者食堂", "address": "民族路188号一楼", "area": "62.5"},
            "agreement": {"number": "XY-2026-007", "start": dt.date(2026, 7, 1), "end": dt.date(2027, 6, 30),
                          "use": "社区长者食堂及老年活动", "mode": "空间换服务（免收租金）",
                          "fees": "水电费由乙方承担，物业费由甲方承担。",
                          "services": "每月为80岁以上老人提供助餐不少于20次，每次不少于30人次。",
                          "feedback_percent": "10", "fund": "解放碑社区基金池",
                          "renewal": "协议期满前三十日，双方根据年度评估结果协商续约。", "date": dt.date(2026, 7, 1),
                          "supplements": rows}}


SAMPLES = {"commitment_org": commitment_org, "commitment_individual": commitment_individual, "filing": filing,
           "application": application, "space_agreement": space_agreement}
