"""Fonts for printed documents: which TrueType file draws each style, registered once per process.

Resolution order for each style (first usable file wins as the style's *primary* font):

1. the office's explicit choice (``overrides``: style -> font file), e.g. from settings later;
2. the official system fonts (Windows 仿宋/宋体/黑体/楷体, 方正小标宋 where installed; the same files copied
   to Linux/UOS/Kylin font folders);
3. the open-licensed fonts shipped in ``resources/fonts`` (see its README.md).

Behind the primary font every style keeps a *fallback chain* (the shipped font of that style, system fonts
with CJK Extension B such as SimSun-ExtB, then every shipped font), used character by character, so a rare
name character drawn by any font is printed. A character no font in the chain can draw is reported by
:meth:`FontSet.require` (``DomainError('document.missing_glyphs')``) before anything is rendered.

Only TrueType outlines (``glyf``) can be embedded by reportlab; CFF-based OpenType files (Noto CJK .otf/.ttc)
are skipped with a note in the report. Embedding is always a subset (reportlab's default for TTFont).
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from partnerdesk.domain.errors import DomainError

STYLES = ("fangsong", "song", "title", "hei", "kai")
STYLE_NAMES = {"fangsong": "仿宋", "song": "宋体", "title": "小标宋", "hei": "黑体", "kai": "楷体"}

# Official fonts by file name (matched case-insensitively in the system font folders), best first.
SYSTEM_CANDIDATES: dict[str, tuple[tuple[str, int], ...]] = {
    "fangsong": (("simfang.ttf", 0), ("仿宋_GB2312.ttf", 0), ("FS_GB2312.ttf", 0), ("STFANGSO.TTF", 0)),
    "song": (("simsun.ttc", 0), ("simsun.ttf", 0), ("STSONG.TTF", 0)),
    "title": (("FZXBSJW.TTF", 0), ("方正小标宋简体.ttf", 0), ("FZXiaoBiaoSong-B05S.ttf", 0), ("FZXBSK.TTF", 0)),
    "hei": (("simhei.ttf", 0), ("STHEITI.TTF", 0)),
    "kai": (("simkai.ttf", 0), ("楷体_GB2312.ttf", 0), ("KAI_GB2312.ttf", 0), ("STKAITI.TTF", 0)),
}
# System fonts that draw CJK Extension B (rare name characters), tried after a style's own fonts.
SYSTEM_EXTRA: tuple[tuple[str, int], ...] = (("simsunb.ttf", 0), ("SimSun-ExtB.ttf", 0), ("mingliub.ttc", 0))

# Shipped fonts (resources/fonts): GB 2312 complete, TrueType outlines. No open-licensed 仿宋 with GB 2312
# coverage exists as TrueType, so 仿宋 falls back to AR PL SungtiL GB (a light 宋体); 小标宋 to the same
# font drawn with a synthetic bold stroke.
SHIPPED: dict[str, tuple[str, int]] = {
    "fangsong": ("gbsn00lp.ttf", 0),
    "song": ("gbsn00lp.ttf", 0),
    "title": ("gbsn00lp.ttf", 0),
    "hei": ("wqy-microhei.ttc", 0),
    "kai": ("gkai00mp.ttf", 0),
}
# A style resolved to one of these instead of a real 小标宋 is drawn with a synthetic bold stroke.
_TITLE_BOLD_FALLBACK = frozenset({"title"})


def default_shipped_dir() -> Path:
    return Path(__file__).resolve().parents[2] / "resources" / "fonts"


def system_font_dirs() -> tuple[Path, ...]:
    """Where Windows, Linux (Debian/UOS/Kylin, WPS) and macOS keep fonts, for this user and the machine."""
    home = Path.home()
    dirs: list[Path] = []
    for var in ("WINDIR", "SystemRoot"):
        if os.environ.get(var):
            dirs.append(Path(os.environ[var]) / "Fonts")
    if os.environ.get("LOCALAPPDATA"):
        dirs.append(Path(os.environ["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts")
    dirs += [home / ".local/share/fonts", home / ".fonts", Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
             Path("/opt/kingsoft/wps-office/office6/fonts"), Path("/Library/Fonts"), home / "Library/Fonts"]
    return tuple(dict.fromkeys(dirs))


@dataclass(frozen=True)
class FontFace:
    """One registered TrueType face."""

    path: Path
    index: int
    family: str
    origin: str  # "office" | "system" | "shipped"
    pdf_name: str
    codepoints: frozenset[int]

    def has(self, ch: str) -> bool:
        return ord(ch) in self.codepoints

    def width(self, text: str, size: float) -> float:
        return pdfmetrics.stringWidth(text, self.pdf_name, size)

    def describe(self) -> str:
        sub = f"#{self.index}" if self.path.suffix.lower() == ".ttc" else ""
        return f"{self.path.name}{sub} ({self.family}, {self.origin})"


@dataclass(frozen=True)
class StyleFonts:
    style: str
    chain: tuple[FontFace, ...]
    synthetic_bold: bool  # draw with a thin stroke (no real bold/小标宋 face available)

    @property
    def primary(self) -> FontFace:
        return self.chain[0]

    def face_for(self, ch: str) -> FontFace | None:
        return next((f for f in self.chain if f.has(ch)), None)


def _ignorable(ch: str) -> bool:
    return ch.isspace() or ch in "\u200b\u200c\u200d\ufeff"


@dataclass(frozen=True)
class FontSet:
    """The fonts of every style plus notes on what was skipped; built once per process."""

    styles: Mapping[str, StyleFonts]
    notes: tuple[str, ...] = ()

    def __getitem__(self, style: str) -> StyleFonts:
        return self.styles[style]

    def coverage(self, text: str, styles: Iterable[str] = STYLES) -> dict[str, str]:
        """Characters of ``text`` that no font of each style can draw (style -> missing characters)."""
        wanted = sorted({ch for ch in text if not _ignorable(ch)})
        result: dict[str, str] = {}
        for style in styles:
            missing = "".join(ch for ch in wanted if self.styles[style].face_for(ch) is None)
            if missing:
                result[style] = missing
        return result

    def require(self, text_by_style: Mapping[str, str]) -> None:
        """Raise ``DomainError('document.missing_glyphs', characters=..., styles=...)`` before rendering."""
        missing: dict[str, str] = {}
        for style, text in text_by_style.items():
            missing.update(self.coverage(text, (style,)))
        if missing:
            chars = "".join(sorted(set("".join(missing.values()))))
            raise DomainError("document.missing_glyphs", characters=chars,
                              codepoints=" ".join(f"U+{ord(c):04X}" for c in chars), styles=",".join(sorted(missing)))

    def report(self) -> dict[str, str]:
        """Which font file each style uses, e.g. {'fangsong': 'simfang.ttf (FangSong, system)'}."""
        return {s: self.styles[s].primary.describe() + (" +synthetic bold" if self.styles[s].synthetic_bold else "")
                for s in STYLES}


def _pdf_name(path: Path, index: int) -> str:
    digest = hashlib.sha1(f"{path.resolve()}#{index}".encode()).hexdigest()[:8]
    return f"PD-{path.stem}-{index}-{digest}"


@functools.lru_cache(maxsize=64)
def load_face(path: Path, index: int, origin: str) -> FontFace:
    """Parse and register one TrueType face (cached: a CJK font is parsed once per process)."""
    name = _pdf_name(path, index)
    font = TTFont(name, str(path), subfontIndex=index)  # raises TTFError for CFF outlines
    pdfmetrics.registerFont(font)
    family = font.face.familyName
    family = family.decode("latin-1") if isinstance(family, bytes) else str(family)
    return FontFace(path, index, family, origin, name, frozenset(font.face.charToGlyph))


def _index_dirs(dirs: Iterable[Path]) -> dict[str, Path]:
    """Lower-cased file name -> first path, over the font folders (recursively)."""
    found: dict[str, Path] = {}
    for top in dirs:
        if not top.is_dir():
            continue
        for root, _subdirs, files in os.walk(top):
            for name in files:
                found.setdefault(name.lower(), Path(root) / name)
    return found


def _try(path: Path, index: int, origin: str, notes: list[str]) -> FontFace | None:
    try:
        return load_face(path, index, origin)
    except (TTFError, OSError, ValueError, KeyError, IndexError) as exc:
        notes.append(f"skipped {path} #{index}: {exc}")
        return None


def _system_faces(index: dict[str, Path], wanted: Iterable[tuple[str, int]], notes: list[str]) -> list[FontFace]:
    faces = []
    for name, sub in wanted:
        path = index.get(name.lower())
        face = _try(path, sub, "system", notes) if path else None
        if face:
            faces.append(face)
    return faces


def resolve(shipped_dir: Path | None = None, system_dirs: Iterable[Path] | None = None,
            overrides: Mapping[str, Path | str] | None = None) -> FontSet:
    """Resolve and register the fonts of every style (see the module doc for the order)."""
    shipped_dir = shipped_dir or default_shipped_dir()
    notes: list[str] = []
    index = _index_dirs(system_font_dirs() if system_dirs is None else system_dirs)
    shipped = {s: _try(shipped_dir / f, i, "shipped", notes) for s, (f, i) in SHIPPED.items()}
    every_shipped = [f for f in dict.fromkeys(shipped.values()) if f]
    extra = _system_faces(index, SYSTEM_EXTRA, notes)
    styles: dict[str, StyleFonts] = {}
    for style in STYLES:
        own: list[FontFace] = []
        if overrides and style in overrides:
            path, sub = _split(overrides[style])
            face = _try(path, sub, "office", notes)
            own += [face] if face else []
        own += _system_faces(index, SYSTEM_CANDIDATES[style], notes)
        real_title = bool(own) or style not in _TITLE_BOLD_FALLBACK
        if style == "title" and not own:  # no 小标宋: the 宋体 chain, drawn bold
            own += _system_faces(index, SYSTEM_CANDIDATES["song"], notes)
        chain = tuple(dict.fromkeys([*own, *([shipped[style]] if shipped[style] else []), *extra, *every_shipped]))
        if not chain:
            raise DomainError("document.no_font", style=style, folder=str(shipped_dir))
        styles[style] = StyleFonts(style, chain, synthetic_bold=not real_title)
    return FontSet(styles, tuple(notes))


def _split(value: Path | str) -> tuple[Path, int]:
    """A font file with an optional face index: Path("/x/simsun.ttc"), "/x/simsun.ttc#1"."""
    text = str(value)
    head, sep, tail = text.rpartition("#")
    if sep and tail.isdigit():
        return Path(head), int(tail)
    return Path(text), 0


@functools.lru_cache(maxsize=1)
def _system_index() -> dict[str, Path]:
    return _index_dirs(system_font_dirs())


def find_font(name: str) -> tuple[Path, int] | None:
    """A font file named in a template ("simfang.ttf", "wqy-microhei.ttc#0"): shipped first, then the system's."""
    file, index = _split(name)
    shipped = default_shipped_dir() / file.name
    path = shipped if shipped.is_file() else _system_index().get(file.name.lower())
    return (path, index) if path is not None else None


@dataclass(frozen=True)
class FontChoice:
    """A font file an office may pick for a style: ``name`` is what a template stores."""

    name: str
    family: str
    origin: str  # "system" | "shipped"


def font_choices() -> list[FontChoice]:
    """The TrueType fonts a template may name: every face the default set resolved (system and shipped), then
    the official fonts found on this machine that it did not use. Only files reportlab can embed are listed."""
    faces: dict[str, FontChoice] = {}
    for style in STYLES:
        for face in default_fonts()[style].chain:
            name = face.path.name + (f"#{face.index}" if face.path.suffix.lower() == ".ttc" else "")
            faces.setdefault(name, FontChoice(name, face.family, face.origin))
    notes: list[str] = []
    for wanted in (*SYSTEM_CANDIDATES.values(), SYSTEM_EXTRA):
        for face in _system_faces(_system_index(), wanted, notes):
            name = face.path.name + (f"#{face.index}" if face.path.suffix.lower() == ".ttc" else "")
            faces.setdefault(name, FontChoice(name, face.family, face.origin))
    return list(faces.values())


@functools.lru_cache(maxsize=16)
def _fonts_with(choices: tuple[tuple[str, str], ...]) -> FontSet:
    overrides: dict[str, Path | str] = {}
    missing = []
    for style, name in choices:
        found = find_font(name)
        if found is None:
            missing.append(f"{style}: {name} not found on this machine, default font used")
        else:
            overrides[style] = f"{found[0]}#{found[1]}"
    fonts = resolve(overrides=overrides)
    return FontSet(fonts.styles, (*fonts.notes, *missing))


def fonts_for(choices: Mapping[str, str] | None) -> FontSet:
    """The default fonts with a template's choices (style -> font file) put first; resolved once per choice."""
    if not choices:
        return default_fonts()
    return _fonts_with(tuple(sorted(choices.items())))


@functools.lru_cache(maxsize=1)
def default_fonts() -> FontSet:
    """The process-wide font set (system fonts, then shipped): resolved and registered once."""
    return resolve()


def gb2312_hanzi() -> str:
    """The 6,763 hanzi of GB 2312 (rows 16-87: bytes 0xB0A1-0xF7FE)."""
    chars = []
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.append(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return "".join(chars)
