"""From a template and record data to resolved blocks: plain strings with their styles, nothing drawn yet.

Resolving first lets the renderer check every character against the fonts before a page is drawn.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from .fill import Filler
from .profiles import Profile, TextStyle
from .templates import Template

CN_NUMBERS = "一二三四五六七八九十"


@dataclass(frozen=True)
class Para:
    text: str
    style: TextStyle
    first_indent: float = 2  # grid cells
    rest_indent: float = 0
    align: str = "justify"  # justify | center | right
    keep_next: int = 0  # grid lines that must follow on the same page (headings keep with their text)


@dataclass(frozen=True)
class Cell:
    text: str
    weight: float  # share of the row's width
    label: bool = False
    align: str = "left"


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    min_lines: int = 1
    header: bool = False


@dataclass(frozen=True)
class Table:
    rows: tuple[Row, ...]
    repeat_header: bool = False


@dataclass(frozen=True)
class Party:
    lines: tuple[str, ...]
    date: str | None


@dataclass(frozen=True)
class Signature:
    parties: tuple[Party, ...]
    seal: bool = True


@dataclass(frozen=True)
class Blank:
    lines: int = 1


Block = Para | Table | Signature | Blank


def cn_number(n: int) -> str:
    """1..99 in Chinese numerals: 一, 十, 十一, 二十, 二十三."""
    if n <= 10:
        return CN_NUMBERS[n - 1]
    tens, ones = divmod(n, 10)
    return (CN_NUMBERS[tens - 1] if tens > 1 else "") + "十" + (CN_NUMBERS[ones - 1] if ones else "")


def numbered(style: str, n: int) -> str:
    return {"一、": f"{cn_number(n)}、", "（一）": f"（{cn_number(n)}）", "1.": f"{n}.", "（1）": f"（{n}）",
            "": ""}[style]


@dataclass
class Builder:
    template: Template
    data: Mapping[str, Any]
    profile: Profile
    blocks: list[Block] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.filler = Filler(self.template, self.data)

    def build(self) -> list[Block]:
        p = self.profile
        numbering = self.template.numbering
        if numbering:
            value = self.filler.fill(numbering.get("value", ""))
            self.blocks.append(Para(numbering.get("label", "") + value, p.body, 0, 0, "right"))
        self.blocks.append(Para(self.filler.fill(self.template.title), p.title, 0, 0, "center"))
        self.blocks.append(Blank(1))
        for raw in self.template.blocks:
            self.blocks.extend(getattr(self, "_" + raw["type"])(raw))
        return self.blocks

    def _paragraph(self, raw: Mapping[str, Any]) -> Iterator[Block]:
        indent = 2 if raw.get("indent", True) else 0
        for text in self.filler.fill(raw["text"]).split("\n"):
            yield Para(text, self.profile.body, indent, 0, raw.get("align", "justify"))

    def _heading(self, raw: Mapping[str, Any]) -> Iterator[Block]:
        yield Para(self.filler.fill(raw["text"]), self.profile.heading(int(raw.get("level", 1))), 2, 0, keep_next=3)

    def _clauses(self, raw: Mapping[str, Any]) -> Iterator[Block]:
        style = raw.get("numbering", "一、")
        for n, item in enumerate(raw["items"], 1):
            yield Para(numbered(style, n) + self.filler.fill(item), self.profile.body, 2, 0)

    def _attachments(self, raw: Mapping[str, Any]) -> Iterator[Block]:
        label = raw.get("label", "附件：")
        items = raw["items"]
        yield Blank(1)
        for n, item in enumerate(items, 1):
            prefix = f"{n}．" if len(items) > 1 else ""
            lead = label if n == 1 else "\u3000" * len(label)
            yield Para(lead + prefix + self.filler.fill(item), self.profile.body, 2, 2 + len(label) + len(prefix) / 2)

    def _fields(self, raw: Mapping[str, Any]) -> Iterator[Block]:
        rows = []
        label_w = float(raw.get("label_width", 0.19))  # every label the same width: columns line up
        for row in raw["rows"]:
            cells: list[Cell] = []
            labels = sum(1 for spec in row if spec.get("label"))
            value_w = (1 - labels * label_w) / len(row)
            for spec in row:
                label = self.filler.fill(spec.get("label", ""))
                if label:
                    cells.append(Cell(label, label_w, True, "center"))
                cells.append(Cell(self.filler.fill(spec.get("value", "")), value_w, False, spec.get("align", "left")))
            rows.append(Row(tuple(cells), max(int(c.get("lines", 1)) for c in row)))
        yield Table(tuple(rows))

    def _table(self, raw: Mapping[str, Any]) -> Iterator[Block]:
        cols = raw["columns"]
        total = sum(float(c.get("width", 1)) for c in cols)
        weights = [float(c.get("width", 1)) / total for c in cols]
        header = Row(tuple(Cell(self.filler.fill(c.get("header", "")), w, True, "center")
                           for c, w in zip(cols, weights, strict=True)), header=True)
        records = self.filler.rows(raw["rows"])
        body = [Row(tuple(Cell(self.filler.fill(c.get("value", ""), rec, i), w, False, c.get("align", "left"))
                          for c, w in zip(cols, weights, strict=True))) for i, rec in enumerate(records, 1)]
        if not body:
            body = [Row((Cell(raw.get("empty", "无"), 1.0, False, "center"),))]
        yield Table((header, *body), repeat_header=True)

    def _signature(self, raw: Mapping[str, Any]) -> Iterator[Block]:
        parties = raw.get("parties") or [raw]
        yield Signature(tuple(Party(tuple(self.filler.fill(t) for t in p.get("lines", [])),
                                    self.filler.fill(p["date"]) if p.get("date") else None) for p in parties),
                        bool(raw.get("seal", True)))

    def _blank(self, raw: Mapping[str, Any]) -> Iterator[Block]:
        yield Blank(int(raw.get("lines", 1)))


def texts_by_style(blocks: list[Block], profile: Profile) -> dict[str, str]:
    """All text each font style must draw, for the coverage check before rendering."""
    out: dict[str, list[str]] = {}

    def add(style: str, text: str) -> None:
        out.setdefault(style, []).append(text)

    for b in blocks:
        if isinstance(b, Para):
            add(b.style.font, b.text)
        elif isinstance(b, Table):
            for row in b.rows:
                for cell in row.cells:
                    add(profile.table.font, cell.text)
        elif isinstance(b, Signature):
            for party in b.parties:
                add(profile.body.font, "".join(party.lines) + (party.date or ""))
    add(profile.page_number.font, "— 0123456789")
    return {k: "".join(v) for k, v in out.items()}
