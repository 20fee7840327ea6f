"""Line breaking for Chinese text: glyphs with their font and width, greedy fill, 避头尾 (kinsoku).

A full-width character takes one grid cell, a half-width one (Latin letters, digits) half a cell, so the
body stays on the 28-character grid; table cells use the glyphs' natural widths instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from .fonts import FontFace, StyleFonts

# Never at the start of a line (GB/T 15834 and common practice) ...
NO_START = frozenset("。，、；：？！）》」』】〕〉”’…—·%．，,.;:?!)]}％")
# ... and never at the end.
NO_END = frozenset("（《「『【〔〈“‘([{")


@dataclass(frozen=True)
class Glyph:
    ch: str
    face: FontFace
    advance: float  # natural advance at the style's size, points
    width: float  # room it takes on the line, points (grid cell(s) or the natural advance)

    @property
    def halfwidth(self) -> bool:
        return self.ch.isascii()


@dataclass(frozen=True)
class Line:
    glyphs: tuple[Glyph, ...]
    indent: float  # points from the left of the measure
    justify: bool  # spread to the full measure (a line broken inside a paragraph)

    @property
    def text(self) -> str:
        return "".join(g.ch for g in self.glyphs)

    @property
    def natural(self) -> float:
        return sum(g.width for g in self.glyphs)


def shape(text: str, fonts: StyleFonts, size: float, pitch: float | None) -> list[Glyph]:
    """Glyphs of ``text``: ``pitch`` puts each on the grid (1 or ½ cell), ``None`` keeps natural widths.
    Characters without a font are skipped here: callers check coverage first (FontSet.require)."""
    glyphs = []
    for ch in text:
        if ch in "\r\n\t" or ch.isspace() and ch != "\u3000" and ch != " ":
            continue
        face = fonts.face_for(ch)
        if face is None:
            continue
        advance = face.width(ch, size)
        if pitch is None:
            width = advance
        else:
            width = pitch if advance > size * 0.75 else pitch / 2
        glyphs.append(Glyph(ch, face, advance, width))
    return glyphs


def _in_run(glyphs: list[Glyph], i: int) -> bool:
    """A half-width letter or digit, or the separator inside a number (2,400.00 is never split)."""
    ch = glyphs[i].ch
    if ch.isascii() and ch.isalnum():
        return True
    return (ch in ",." and 0 < i < len(glyphs) - 1 and glyphs[i - 1].ch.isascii() and glyphs[i - 1].ch.isdigit()
            and glyphs[i + 1].ch.isascii() and glyphs[i + 1].ch.isdigit())


def _alnum_run_start(glyphs: list[Glyph], k: int, start: int) -> int:
    """Index where the run of half-width letters/digits crossing the break at k starts (or k)."""
    if k <= start or k >= len(glyphs):
        return k
    if not (_in_run(glyphs, k) and _in_run(glyphs, k - 1)):
        return k
    j = k
    while j > start and _in_run(glyphs, j - 1):
        j -= 1
    return j if k - j <= 20 and j > start else k


def _break_at(glyphs: list[Glyph], start: int, measure: float) -> int:
    """The index the line starting at ``start`` ends before."""
    used, k = 0.0, start
    while k < len(glyphs) and used + glyphs[k].width <= measure + 1e-6:
        used += glyphs[k].width
        k += 1
    if k >= len(glyphs) or k == start:
        return max(k, start + 1)
    k = _alnum_run_start(glyphs, k, start)
    while k - 1 > start and (glyphs[k].ch in NO_START or glyphs[k - 1].ch in NO_END):
        k -= 1  # push the previous character down to the next line
    return k


def break_lines(glyphs: list[Glyph], measure: float, first_indent: float = 0.0, rest_indent: float = 0.0) -> list[Line]:
    """Greedy lines over ``measure`` points; every line but the last of a paragraph is justified."""
    lines: list[Line] = []
    start = 0
    while start < len(glyphs):
        indent = first_indent if not lines else rest_indent
        end = _break_at(glyphs, start, measure - indent)
        lines.append(Line(tuple(glyphs[start:end]), indent, justify=end < len(glyphs)))
        start = end
    return lines or [Line((), first_indent, False)]
