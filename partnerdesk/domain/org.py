"""Organisation tree: district -> street -> community, and the programme's rollout phases."""

from __future__ import annotations

from enum import StrEnum


class UnitKind(StrEnum):
    DISTRICT = "district"
    STREET = "street"
    COMMUNITY = "community"


PARENT_KIND = {UnitKind.STREET: UnitKind.DISTRICT, UnitKind.COMMUNITY: UnitKind.STREET}


class Phase(StrEnum):
    PILOT = "pilot"  # 试点先行
    REVIEW = "review"  # 总结经验
    INSTITUTIONALISE = "institutionalise"  # 制度固化
    ROLLOUT = "rollout"  # 全域推广
    SUSTAIN = "sustain"  # 长效运营


PHASE_ORDER = list(Phase)
PHASE_LABELS_ZH = {
    Phase.PILOT: "试点先行", Phase.REVIEW: "总结经验", Phase.INSTITUTIONALISE: "制度固化",
    Phase.ROLLOUT: "全域推广", Phase.SUSTAIN: "长效运营",
}
