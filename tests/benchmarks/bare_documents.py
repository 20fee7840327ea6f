"""The bare reportlab baseline for the documents benchmarks (importable by worker processes).

``record_ops`` runs PartnerDesk's layout once (outside any timing) and keeps what it put on each page: every
text run with its position, font and size, every table rule, the footer code. ``bare_pdf`` is then what a bare
reportlab script would do to draw exactly those pages: ``drawString`` per run with the same registered
TrueType font, ``rect`` per table cell, the page number and footer as text, and the QR code as one path
(encoded with reportlab's own qrencoder). No templates, no line breaking, no glyph-by-glyph placement.
"""

from __future__ import annotations

import io
import itertools
from pathlib import Path

from reportlab.graphics.barcode import qrencoder
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

MM = 72 / 25.4


def record_ops(args: tuple) -> tuple[int, str, str, list[tuple]]:  # (template, data, code) -> (pages, font, code, ops)
    from partnerdesk.documents import render as r
    from partnerdesk.documents.blocks import Builder
    from partnerdesk.documents.fonts import fonts_for

    template, data, code = args
    profile = r.profile_for(template)
    fonts = fonts_for(template.fonts)
    blocks = Builder(template, data, profile).build()
    ops: list[tuple] = []

    class Recorder(r.Document):
        def draw_glyphs(self, glyphs, x, baseline, style, extra=0.0):  # noqa: ANN001, ANN202
            if glyphs:
                ops.append((self.page, "t", "".join(g.ch for g in glyphs), x, baseline, glyphs[0].face.pdf_name,
                            style.size, extra))

    doc = Recorder(io.BytesIO(), template, profile, fonts, code)
    real_rect = doc.c.rect

    def rect(x, y, w, h, stroke=1, fill=0):  # noqa: ANN001, ANN202
        ops.append((doc.page, "r", x, y, w, h))
        return real_rect(x, y, w, h, stroke=stroke, fill=fill)

    doc.c.rect = rect
    doc.draw(blocks)
    return doc.page, fonts[profile.body.font].primary.pdf_name, code, ops


def register(faces: list[tuple[str, str, int]]) -> None:
    """Register the same TrueType faces under the same names (once per process)."""
    for name, path, index in faces:
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))


def _qr(c: Canvas, value: str, x: float, y: float, size: float) -> None:
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(value)
    qr.make()
    box = size / (qr.getModuleCount() + 8)
    path = c.beginPath()
    for row_no, row in enumerate(qr.modules):
        col = 0
        for dark, run in itertools.groupby(bool(v) for v in row):
            n = sum(1 for _ in run)
            if dark:
                path.rect(x + (col + 4) * box, y + size - (row_no + 5) * box, n * box, box)
            col += n
    c.drawPath(path, stroke=0, fill=1)


def bare_pdf(recorded: tuple[int, str, str, list[tuple]]) -> bytes:
    pages, font, code, ops = recorded
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(210 * MM, 297 * MM), pageCompression=1, invariant=1, initialFontName=font)
    by_page = {p: list(g) for p, g in itertools.groupby(ops, key=lambda op: op[0])}
    for page in range(1, pages + 1):
        for op in by_page.get(page, ()):
            if op[1] == "t":
                _, _, text, x, y, face, size, extra = op
                c.setFont(face, size)
                c.drawString(x, y, text, charSpace=extra)
            else:
                c.rect(*op[2:], stroke=1, fill=0)
        if code:
            _qr(c, code, (210 * MM - 15 * MM) / 2, 6 * MM, 15 * MM)
        c.showPage()
    c.save()
    return buf.getvalue()


def bare_to_file(args: tuple[tuple, str]) -> int:
    recorded, path = args
    data = bare_pdf(recorded)
    Path(path).write_bytes(data)
    return len(data)
