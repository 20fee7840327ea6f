"""Read rendered PDFs back: text (pdftotext), word boxes (pdftotext -bbox) and font dictionaries (pypdf)."""

from __future__ import annotations

import html
import io
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader


@dataclass(frozen=True)
class Word:
    page: int
    x0: float
    y0: float  # from the top of the page, points
    x1: float
    y1: float
    text: str


def _write(pdf: bytes, tmp: Path) -> Path:
    path = tmp / "doc.pdf"
    path.write_bytes(pdf)
    return path


def text(pdf: bytes, tmp: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(_write(pdf, tmp)), "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")


def words(pdf: bytes, tmp: Path) -> list[Word]:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-bbox", str(_write(pdf, tmp)), "-"], check=True,
                         capture_output=True).stdout.decode("utf-8")
    result, page = [], 0
    for line in out.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if m:
            x0, y0, x1, y1 = (float(m.group(i)) for i in range(1, 5))
            result.append(Word(page, x0, y0, x1, y1, html.unescape(m.group(5))))
    return result


def fonts(pdf: bytes) -> list[dict]:
    """Every font used on every page: base name, subtype and whether a FontFile2 stream is embedded."""
    reader = PdfReader(io.BytesIO(pdf))
    seen = {}
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            seen[str(font["/BaseFont"])] = {"name": str(font["/BaseFont"]), "subtype": str(font["/Subtype"]),
                                            "fontfile2": "/FontFile2" in descriptor}
    return list(seen.values())


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(io.BytesIO(pdf)).pages]
