"""The PDF renderer: a template plus record data in, PDF bytes out (pure: no database, no network, no files).

Body text sits on the profile's grid (GB/T 9704: 22 lines x 28 characters), each character in its cell;
tables wrap CJK text in their cells; page numbers "— N —" alternate sides; the signature block keeps the
date four characters in from the right with room for the seal. Record text is drawn as literal characters:
there is no markup layer, so ``<b>``, ``&`` and ``<img src=...>`` print as typed and nothing is fetched.
"""

from __future__ import annotations

import io
import itertools
import math
from collections.abc import Mapping
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from .blocks import Blank, Block, Builder, Para, Signature, Table, texts_by_style
from .fonts import FontSet, fonts_for
from .layout import Glyph, Line, break_lines, shape
from .profiles import MM, Profile, TextStyle, get_profile, profile_from_dict
from .templates import Template

CELL_PAD = 1.6 * MM


def render(template: Template, data: Mapping[str, Any], profile: Profile | None = None,
           footer_code: str | None = None, fonts: FontSet | None = None) -> bytes:
    """Render one document. Raises DomainError('document.missing_glyphs', characters=...) before drawing
    when a character has no font, and 'document.missing_data' for data the template needs but lacks."""
    profile = profile or profile_for(template)
    fonts = fonts or fonts_for(template.fonts)
    blocks = Builder(template, data, profile).build()
    texts = texts_by_style(blocks, profile)
    if footer_code:
        texts[profile.footer_code.font] = texts.get(profile.footer_code.font, "") + "核验码" + footer_code
    fonts.require(texts)
    out = io.BytesIO()
    Document(out, template, profile, fonts, footer_code).draw(blocks)
    return out.getvalue()


def profile_for(template: Template) -> Profile:
    """The template's print profile with its own layout (margins, grid) applied."""
    base = get_profile(template.profile)
    return profile_from_dict(template.layout, base) if template.layout else base


def check(template: Template, data: Mapping[str, Any], profile: Profile | None = None,
          fonts: FontSet | None = None) -> None:
    """What ``render`` checks before drawing (data complete, every character drawable), without drawing."""
    profile = profile or profile_for(template)
    fonts = fonts or fonts_for(template.fonts)
    fonts.require(texts_by_style(Builder(template, data, profile).build(), profile))


class Document:
    """Pages of one PDF: a grid cursor for body text and a free cursor (points) for tables."""

    def __init__(self, out: io.BytesIO, template: Template, profile: Profile, fonts: FontSet,
                 footer_code: str | None) -> None:
        self.p, self.fonts, self.footer_code = profile, fonts, footer_code
        self.c = Canvas(out, pagesize=profile.page_size, pageCompression=1, invariant=1,
                        initialFontName=fonts[profile.body.font].primary.pdf_name)  # no stray Helvetica
        self.c.setTitle(template.name)
        self.c.setSubject(f"{template.kind} {template.version}")
        self.c.setCreator("PartnerDesk")
        self.page = 1
        self.y = profile.top  # top of the free space on this page
        self._qr_form = ""

    # --- page flow ---
    def draw(self, blocks: list[Block]) -> None:
        for k, block in enumerate(blocks):
            if isinstance(block, Para):
                after = blocks[k + 1] if k + 1 < len(blocks) else None
                self.para(block, self.signature_lines(after) if isinstance(after, Signature) else 0)
            elif isinstance(block, Table):
                self.table(block)
            elif isinstance(block, Signature):
                self.signature(block)
            elif isinstance(block, Blank):
                self.skip_lines(block.lines)
        self.finish_page()
        self.c.save()

    def line_index(self) -> int:
        """The next free grid line on this page (lines are counted from the type area's top)."""
        return math.ceil((self.p.top - self.y) / self.p.line_pitch - 1e-6)

    def lines_left(self) -> int:
        return self.p.lines_per_page - self.line_index()

    def finish_page(self) -> None:
        self.page_number()
        if self.footer_code:
            self.footer()

    def new_page(self) -> None:
        self.finish_page()
        self.c.showPage()
        self.page += 1
        self.y = self.p.top

    def take_line(self, size: float | None = None) -> float:
        """Claim the next grid line; returns the baseline that centres ``size``-point type in it."""
        if self.lines_left() <= 0:
            self.new_page()
        i = self.line_index()
        cell_top = self.p.top - i * self.p.line_pitch
        self.y = cell_top - self.p.line_pitch
        return cell_top - self.p.line_pitch / 2 - (size or self.p.body.size) * 0.36

    def skip_lines(self, n: int) -> None:
        if self.line_index() == 0 and self.page > 1:
            return  # no blank lines at the top of a page
        for _ in range(n):
            if self.lines_left() <= 0:
                return
            self.take_line()

    # --- drawing glyphs ---
    def draw_glyphs(self, glyphs: tuple[Glyph, ...] | list[Glyph], x: float, baseline: float, style: TextStyle,
                    extra: float = 0.0) -> None:
        """Each glyph at its own position: cell by cell, squeezed to its cell if wider."""
        bold = style.bold or self.fonts[style.font].synthetic_bold
        self.c.saveState()  # the text render mode outlives BT/ET: keep it inside q/Q
        t = self.c.beginText()
        if bold:
            t.setTextRenderMode(2)
            self.c.setLineWidth(style.size * 0.035)
        # Runs of glyphs with the same face and cell (most of a line) are one text operator: the horizontal
        # scale squeezes each glyph to its cell and the character spacing steps from cell to cell, placing
        # every glyph exactly where a per-glyph origin would.
        for (face, width, advance), run in itertools.groupby(glyphs, key=lambda g: (g.face, g.width, g.advance)):
            text = "".join(g.ch for g in run)
            scale = min(1.0, width / advance) if advance else 1.0
            t.setFont(face.pdf_name, style.size)
            t.setHorizScale(scale * 100)
            t.setCharSpace((width + extra) / scale - advance)
            t.setTextOrigin(x + (width - advance * scale) / 2, baseline)
            t.textOut(text)
            x += (width + extra) * len(text)
        self.c.drawText(t)
        self.c.restoreState()

    def para(self, b: Para, keep_with: int = 0) -> None:
        """Draw a paragraph; ``keep_with`` lines must follow it on the same page (a signature block):
        when they would not, its last lines go over with them, so no page holds only the signature."""
        p = self.p
        pitch = p.char_pitch if b.style.size <= p.body.size + 0.01 else None
        glyphs = shape(b.text, self.fonts[b.style.font], b.style.size, pitch)
        unit = pitch or b.style.size
        measure = p.chars_per_line * p.char_pitch
        lines = break_lines(glyphs, measure, b.first_indent * unit, b.rest_indent * unit)
        if b.keep_next and self.lines_left() < len(lines) + b.keep_next and self.line_index() > 0:
            self.new_page()
        carry = 0
        if keep_with and len(lines) <= self.lines_left() < len(lines) + keep_with and self.line_index() > 0:
            carry = min(2, len(lines))
        for i, line in enumerate(lines):
            if carry and i == len(lines) - carry:
                self.new_page()
            self.draw_line(line, b, measure)

    def draw_line(self, line: Line, b: Para, measure: float) -> None:
        baseline = self.take_line(b.style.size)
        x = self.p.left + line.indent
        room = measure - line.indent - line.natural
        extra = 0.0
        if b.align == "center":
            x += room / 2
        elif b.align == "right":
            x += room
        elif line.justify and len(line.glyphs) > 1 and room > 0:
            extra = room / (len(line.glyphs) - 1)
        self.draw_glyphs(line.glyphs, x, baseline, b.style, extra)

    # --- tables ---
    def table(self, b: Table) -> None:
        self.y = self.p.top - self.line_index() * self.p.line_pitch  # start on a grid line
        header = b.rows[0] if b.repeat_header else None
        for k, row in enumerate(b.rows):
            height, cells = self.layout_row(row)
            keep = self.layout_row(b.rows[k + 1])[0] if row.header and k + 1 < len(b.rows) else 0.0
            if self.y - height - keep < self.p.bottom - 0.5 and self.y < self.p.top - 1:
                self.new_page()
                if header is not None and row is not header:
                    h_height, h_cells = self.layout_row(header)
                    self.draw_row(header, h_height, h_cells)
            self.draw_row(row, height, cells)
        self.y -= self.p.line_pitch * 0.25  # a little air before the grid resumes

    def layout_row(self, row) -> tuple[float, list[list[Line]]]:
        st = self.p.table
        width = self.p.chars_per_line * self.p.char_pitch
        cells = []
        for cell in row.cells:
            inner = cell.weight * width - 2 * CELL_PAD
            lines: list[Line] = []
            for part in cell.text.split("\n"):
                lines += break_lines(shape(part, self.fonts[st.font], st.size, None), inner)
            cells.append(lines)
        leading = st.size * 1.5
        n = max(row.min_lines, *(len(c) for c in cells))
        return n * leading + 2 * CELL_PAD, cells

    def draw_row(self, row, height: float, cells: list[list[Line]]) -> None:
        st = self.p.table
        width = self.p.chars_per_line * self.p.char_pitch
        x, top = self.p.left, self.y
        self.c.setLineWidth(0.75)
        for cell, lines in zip(row.cells, cells, strict=True):
            w = cell.weight * width
            self.c.rect(x, top - height, w, height, stroke=1, fill=0)
            block_h = len(lines) * st.size * 1.5
            y0 = top - CELL_PAD - ((height - 2 * CELL_PAD - block_h) / 2 if cell.label or row.header else 0)
            for k, line in enumerate(lines):
                base = y0 - (k + 1) * st.size * 1.5 + st.size * 0.45
                room = w - 2 * CELL_PAD - line.natural
                dx = room / 2 if cell.align == "center" else room if cell.align == "right" else 0
                self.draw_glyphs(line.glyphs, x + CELL_PAD + dx, base, st)
            x += w
        self.y = top - height

    # --- signature, seal room, page numbers, footer ---
    def signature_lines(self, b: Signature) -> int:
        """Grid lines the block takes: room above for the upper half of the seal, the names, the date
        (the seal's lower edge may reach into the bottom margin)."""
        longest = max(len(party.lines) for party in b.parties)
        return self.seal_room(b) + longest + 1

    def seal_room(self, b: Signature) -> int:
        longest = max(len(party.lines) for party in b.parties)
        seal_lines = math.ceil(self.p.seal_diameter_mm * MM / 2 / self.p.line_pitch) if b.seal else 0
        return max(1, seal_lines - longest)

    def signature(self, b: Signature) -> None:
        p = self.p
        longest = max(len(party.lines) for party in b.parties)
        if self.lines_left() < self.signature_lines(b):
            self.new_page()
        for _ in range(self.seal_room(b)):
            self.take_line()
        start = self.line_index()
        span = p.chars_per_line * p.char_pitch / len(b.parties)
        for k, party in enumerate(b.parties):
            self.y = p.top - start * p.line_pitch
            self.party(party, p.left + k * span, span, single=len(b.parties) == 1)
        self.y = p.top - (start + longest + 1) * p.line_pitch

    def party(self, party, left: float, span: float, single: bool) -> None:
        p, st = self.p, self.p.body
        fonts = self.fonts[st.font]
        date = shape(party.date or "", fonts, st.size, p.char_pitch)
        date_w = sum(g.width for g in date)
        right = left + span - (p.date_right_chars * p.char_pitch if single else p.char_pitch)
        shaped = [shape(t, fonts, st.size, p.char_pitch) for t in party.lines]
        widest = max([sum(g.width for g in s) for s in shaped] + [0.0])
        for glyphs in shaped:
            w = sum(g.width for g in glyphs)
            if not single:
                x = left + 2 * p.char_pitch
            elif len(shaped) == 1:  # the issuer's name centred over the date (GB/T 9704 7.3.5.1)
                x = min(right - date_w / 2 - w / 2, p.right - w)
            else:  # several lines: one left-aligned block centred over the date, kept inside the type area
                x = min(right - date_w / 2 - widest / 2, p.right - widest)
            self.draw_glyphs(glyphs, max(x, left), self.take_line(), st)
        if date:
            x = right - date_w if single else left + 2 * p.char_pitch
            self.draw_glyphs(date, x, self.take_line(), st)

    def page_number(self) -> None:
        st = self.p.page_number
        glyphs = shape(f"— {self.page} —", self.fonts[st.font], st.size, None)
        w = sum(g.width for g in glyphs)
        inset = self.p.page_number_inset_chars * st.size
        x = self.p.right - inset - w if self.page % 2 else self.p.left + inset
        baseline = self.p.bottom - self.p.page_number_below_mm * MM - st.size * 0.8
        self.draw_glyphs(glyphs, x, baseline, st)

    def footer(self) -> None:
        """The verification code and its QR code, centred at the page foot. The QR code is encoded and drawn
        once per document (a form XObject every page reuses): drawn per page it cost more than the text."""
        size = self.p.qr_size_mm * MM
        x = (self.p.page_size[0] - size) / 2
        if not self._qr_form:
            self._qr_form = "PDQR"
            self.c.beginForm(self._qr_form, lowerx=0, lowery=0, upperx=size, uppery=size)
            draw_qr(self.c, self.footer_code or "", 0, 0, size)
            self.c.endForm()
        self.c.saveState()
        self.c.translate(x, 6 * MM)
        self.c.doForm(self._qr_form)
        self.c.restoreState()
        st = self.p.footer_code
        glyphs = shape("核验码 " + (self.footer_code or ""), self.fonts[st.font], st.size, None)
        self.draw_glyphs(glyphs, x + size + 2 * MM, 6 * MM + size / 2 - st.size / 3, st)


def draw_qr(c: Canvas, value: str, x: float, y: float, size: float, border: int = 4) -> None:
    """A QR code (level M, ``border`` quiet modules) filling a ``size`` square: one path, a rectangle per run
    of dark modules in a row (the same modules reportlab's QrCodeWidget draws, without a shape per module)."""
    from reportlab.graphics.barcode import qrencoder

    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(value)
    qr.make()
    count = qr.getModuleCount()
    box = size / (count + 2 * border)
    path = c.beginPath()
    for r, row in enumerate(qr.modules):
        col = 0
        for dark, run in itertools.groupby(bool(v) for v in row):
            n = sum(1 for _ in run)
            if dark:
                path.rect(x + (col + border) * box, y + size - (r + border + 1) * box, n * box, box)
            col += n
    c.saveState()
    c.setFillColorRGB(0, 0, 0)
    c.drawPath(path, stroke=0, fill=1)
    c.restoreState()
