"""Print profiles as data: page, margins, the body grid and the type of every element.

The default profile follows GB/T 9704-2012 (党政机关公文格式). Lengths are millimetres, type sizes points;
the grid pitches are computed from the type area, so a profile stays consistent when an office edits it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace

from partnerdesk.domain.errors import DomainError

MM = 72 / 25.4  # points per millimetre

# Chinese type sizes (字号) in points.
ZIHAO = {"初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18, "三号": 16, "小三": 15,
         "四号": 14, "小四": 12, "五号": 10.5, "小五": 9}


@dataclass(frozen=True)
class TextStyle:
    font: str  # a style of documents.fonts.STYLES
    size: float  # points
    bold: bool = False  # drawn with a synthetic stroke: no bold 仿宋/楷体 faces exist


@dataclass(frozen=True)
class Profile:
    name: str
    label: str
    page_width_mm: float = 210.0
    page_height_mm: float = 297.0
    margin_top_mm: float = 37.0
    margin_bottom_mm: float = 35.0
    margin_left_mm: float = 28.0
    margin_right_mm: float = 26.0
    lines_per_page: int = 22
    chars_per_line: int = 28
    body: TextStyle = TextStyle("fangsong", 16)
    title: TextStyle = TextStyle("title", 22)
    # 一、 黑体; （一） 楷体; 1. 仿宋 bold; （1） 仿宋
    headings: tuple[TextStyle, ...] = (TextStyle("hei", 16), TextStyle("kai", 16), TextStyle("fangsong", 16, True),
                                       TextStyle("fangsong", 16))
    table: TextStyle = TextStyle("fangsong", 14)
    page_number: TextStyle = TextStyle("song", 14)
    page_number_below_mm: float = 7.0  # from the type area's lower edge to the top of the number
    page_number_inset_chars: int = 1  # right on odd pages, left on even, this many characters in
    first_line_indent_chars: int = 2
    date_right_chars: int = 4  # the date ends this many body characters in from the right
    seal_diameter_mm: float = 42.0
    footer_code: TextStyle = TextStyle("song", 9)
    qr_size_mm: float = 15.0
    extra: Mapping[str, str] = field(default_factory=dict)

    # --- derived geometry (points, origin bottom-left as in PDF) ---
    @property
    def page_size(self) -> tuple[float, float]:
        return self.page_width_mm * MM, self.page_height_mm * MM

    @property
    def type_width_mm(self) -> float:
        return self.page_width_mm - self.margin_left_mm - self.margin_right_mm

    @property
    def type_height_mm(self) -> float:
        return self.page_height_mm - self.margin_top_mm - self.margin_bottom_mm

    @property
    def left(self) -> float:
        return self.margin_left_mm * MM

    @property
    def right(self) -> float:
        return (self.page_width_mm - self.margin_right_mm) * MM

    @property
    def top(self) -> float:
        return (self.page_height_mm - self.margin_top_mm) * MM

    @property
    def bottom(self) -> float:
        return self.margin_bottom_mm * MM

    @property
    def char_pitch(self) -> float:
        """Width of one grid cell: 156 mm / 28 = 5.571 mm (15.79 pt) for GB/T 9704."""
        return self.type_width_mm * MM / self.chars_per_line

    @property
    def line_pitch(self) -> float:
        """Height of one grid line: 225 mm / 22 = 10.227 mm (28.99 pt) for GB/T 9704."""
        return self.type_height_mm * MM / self.lines_per_page

    def heading(self, level: int) -> TextStyle:
        return self.headings[min(max(level, 1), len(self.headings)) - 1]

    def validate(self) -> Profile:
        if self.type_width_mm <= 20 or self.type_height_mm <= 20:
            raise DomainError("document.profile_invalid", profile=self.name, reason="type area too small")
        if not (5 <= self.lines_per_page <= 60 and 10 <= self.chars_per_line <= 60):
            raise DomainError("document.profile_invalid", profile=self.name, reason="grid out of range")
        if self.body.size > self.line_pitch:
            raise DomainError("document.profile_invalid", profile=self.name, reason="body larger than line pitch")
        return self


GBT9704 = Profile(name="gbt9704", label="GB/T 9704-2012 公文格式")

# Forms that are mostly tables (application and filing forms): 小四 body, denser grid, same margins.
COMPACT_FORM = Profile(
    name="compact_form", label="表格类（小四号）", lines_per_page=30, chars_per_line=36,
    body=TextStyle("fangsong", 12), table=TextStyle("fangsong", 12), title=TextStyle("title", 18),
    headings=(TextStyle("hei", 12), TextStyle("kai", 12), TextStyle("fangsong", 12, True), TextStyle("fangsong", 12)),
    margin_top_mm=30, margin_bottom_mm=30, seal_diameter_mm=42,
)

PROFILES: dict[str, Profile] = {p.name: p for p in (GBT9704, COMPACT_FORM)}


def get_profile(name: str) -> Profile:
    try:
        return PROFILES[name]
    except KeyError:
        raise DomainError("document.unknown_profile", profile=name) from None


_STYLE_KEYS = {"body", "title", "table", "page_number", "footer_code"}


def profile_from_dict(data: Mapping[str, object], base: Profile = GBT9704) -> Profile:
    """An office profile as data (JSON): any field of Profile; styles as {"font", "size", "bold"}."""
    known = {f.name for f in fields(Profile)}
    unknown = set(data) - known
    if unknown:
        raise DomainError("document.profile_invalid", profile=str(data.get("name", "?")),
                          reason="unknown keys: " + ", ".join(sorted(unknown)))
    values: dict[str, object] = {}
    for key, value in data.items():
        if key in _STYLE_KEYS:
            values[key] = TextStyle(**value)  # type: ignore[arg-type]
        elif key == "headings":
            values[key] = tuple(TextStyle(**v) for v in value)  # type: ignore[union-attr]
        else:
            values[key] = value
    return replace(base, **values).validate()  # type: ignore[arg-type]
