"""Document templates as data: JSON files in ``forms/``, validated on load, with office overrides.

Format (JSON, because the app will write office versions and ``json`` reads and writes with the stdlib)::

    {"format": 1, "kind": "commitment_org", "name": "…", "version": "2026.1", "profile": "gbt9704",
     "title": "社区合伙人承诺书", "numbering": {"label": "编号：", "value": "{filing.number}"},
     "fields": {"partner.name": {"label": "合伙人名称"}, "partner.legal_rep_id": {"label": "…", "mask": "resident_id"},
                "document.date": {"label": "日期", "type": "date"},
                "agreement.supplements": {"label": "补充协议", "type": "list"}},
     "unmasked": ["partner.legal_rep_id"],
     "blocks": [{"type": "paragraph", "text": "本单位{partner.name}郑重承诺：", "indent": false}, …]}

Placeholders ``{dotted.name}`` must be declared under ``fields``; inside a ``table`` block ``{row.x}`` and
``{index}`` refer to the current row. ``{{`` and ``}}`` print braces. Fields with ``mask`` print masked
unless listed in ``unmasked``. Block types: paragraph, heading, clauses, fields, table, attachments,
signature, blank (see ``BLOCK_KEYS``).

Lookup: the office's own version (JSON text the caller hands over: the services keep them in the database) wins
over the shipped one (``forms/<kind>.json``), which is never modified.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from partnerdesk.domain.errors import DomainError

from .profiles import PROFILES

FORMAT = 1
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)\}")
MASKS = ("resident_id", "mobile")
FIELD_TYPES = ("text", "date", "list", "money")
NUMBERINGS = ("一、", "（一）", "1.", "（1）", "")
TOP_KEYS = {"format", "kind", "name", "version", "profile", "title", "numbering", "fields", "unmasked", "blocks",
            "description", "layout", "fonts"}
# "layout": print-profile fields the template changes (margins in mm, ...), on top of its "profile";
# "fonts": style -> font file ("simfang.ttf", "wqy-microhei.ttc#0") looked up in resources/fonts and the
# system font folders (documents.fonts.fonts_for); a file missing on a machine falls back to the default.
LAYOUT_KEYS = ("margin_top_mm", "margin_bottom_mm", "margin_left_mm", "margin_right_mm", "lines_per_page",
               "chars_per_line")
FONT_FILE = re.compile(r"[^/\\:]+\.(?:ttf|ttc|otf)(?:#\d{1,2})?", re.IGNORECASE)
REQUIRED_TOP = ("format", "kind", "name", "version", "profile", "title", "fields", "blocks")
BLOCK_KEYS: dict[str, set[str]] = {
    "paragraph": {"text", "indent", "align"},
    "heading": {"text", "level"},
    "clauses": {"items", "numbering", "level"},
    "fields": {"rows", "label_width"},
    "table": {"rows", "columns", "empty"},
    "attachments": {"items", "label"},
    "signature": {"lines", "date", "seal", "parties"},
    "blank": {"lines"},
}


@dataclass(frozen=True)
class Template:
    kind: str
    name: str
    version: str
    profile: str
    title: str
    numbering: Mapping[str, str] | None
    fields: Mapping[str, Mapping[str, Any]]
    unmasked: frozenset[str]
    blocks: tuple[Mapping[str, Any], ...]
    origin: str  # "shipped" | "office"
    path: Path | None
    digest: str  # sha256 of the file as read: a printed document records it with the version
    layout: Mapping[str, Any] = field(default_factory=dict)
    fonts: Mapping[str, str] = field(default_factory=dict)

    def masked(self, name: str) -> str | None:
        """The mask kind for a field, or None when it prints as is."""
        if name in self.unmasked:
            return None
        return self.fields.get(name, {}).get("mask")


@dataclass(frozen=True)
class TemplateInfo:
    kind: str
    name: str
    version: str
    origin: str
    path: Path | None  # None: an office version (kept in the database)


class _Checker:
    """Collects template errors with their location so one load reports them all."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.errors: list[str] = []

    def error(self, where: str, reason: str) -> None:
        self.errors.append(f"{where}: {reason}")

    def text(self, where: str, text: object, declared: Mapping[str, Any], row: bool = False) -> None:
        if not isinstance(text, str):
            self.error(where, "must be text")
            return
        for name in PLACEHOLDER.findall(text.replace("{{", "").replace("}}", "")):
            if row and (name == "index" or name.startswith("row.")):
                continue
            if name not in declared:
                self.error(where, f"placeholder {{{name}}} is not declared in fields")
        stripped = PLACEHOLDER.sub("", text.replace("{{", "").replace("}}", ""))
        if "{" in stripped or "}" in stripped:
            self.error(where, "unbalanced brace (write {{ or }} for a literal brace)")

    def raise_if_any(self) -> None:
        if self.errors:
            raise DomainError("template.invalid", template=self.source, errors="; ".join(self.errors))


def _check_fields(c: _Checker, fields: object) -> None:
    if not isinstance(fields, dict):
        c.error("fields", "must be an object")
        return
    for name, spec in fields.items():
        if not PLACEHOLDER.fullmatch("{" + name + "}") or not isinstance(spec, dict):
            c.error(f"fields.{name}", "needs a dotted name and an object")
            continue
        if spec.get("mask") not in (None, *MASKS):
            c.error(f"fields.{name}.mask", f"must be one of {', '.join(MASKS)}")
        if spec.get("type", "text") not in FIELD_TYPES:
            c.error(f"fields.{name}.type", f"must be one of {', '.join(FIELD_TYPES)}")


def _check_block(c: _Checker, i: int, block: object, fields: Mapping[str, Any]) -> None:
    where = f"blocks[{i}]"
    if not isinstance(block, dict) or block.get("type") not in BLOCK_KEYS:
        c.error(where, f"needs a type among {', '.join(BLOCK_KEYS)}")
        return
    kind = block["type"]
    extra = set(block) - BLOCK_KEYS[kind] - {"type"}
    if extra:
        c.error(where, f"unknown keys for {kind}: {', '.join(sorted(extra))}")
    if kind in ("paragraph", "heading"):
        c.text(f"{where}.text", block.get("text"), fields)
    elif kind in ("clauses", "attachments"):
        items = block.get("items")
        if not isinstance(items, list) or not items:
            c.error(f"{where}.items", "must be a non-empty list of texts")
        for j, item in enumerate(items or []):
            c.text(f"{where}.items[{j}]", item, fields)
        if kind == "clauses" and block.get("numbering", "一、") not in NUMBERINGS:
            c.error(f"{where}.numbering", f"must be one of {' '.join(repr(n) for n in NUMBERINGS)}")
    elif kind == "fields":
        _check_field_rows(c, where, block.get("rows"), fields)
    elif kind == "table":
        _check_table(c, where, block, fields)
    elif kind == "signature":
        _check_signature(c, where, block, fields)


def _check_field_rows(c: _Checker, where: str, rows: object, fields: Mapping[str, Any]) -> None:
    if not isinstance(rows, list) or not rows:
        c.error(f"{where}.rows", "must be a non-empty list of rows")
        return
    for r, row in enumerate(rows):
        if not isinstance(row, list) or not row or not all(isinstance(cell, dict) for cell in row):
            c.error(f"{where}.rows[{r}]", "must be a list of {label, value} cells")
            continue
        for k, cell in enumerate(row):
            c.text(f"{where}.rows[{r}][{k}].label", cell.get("label", ""), fields)
            c.text(f"{where}.rows[{r}][{k}].value", cell.get("value", ""), fields)


def _check_table(c: _Checker, where: str, block: Mapping[str, Any], fields: Mapping[str, Any]) -> None:
    source = block.get("rows")
    if fields.get(source, {}).get("type") != "list":
        c.error(f"{where}.rows", f"must name a field of type list, not {source!r}")
    columns = block.get("columns")
    if not isinstance(columns, list) or not columns:
        c.error(f"{where}.columns", "must be a non-empty list")
        return
    for k, col in enumerate(columns):
        if not isinstance(col, dict) or not isinstance(col.get("width", 1), int | float):
            c.error(f"{where}.columns[{k}]", "needs header, value and a numeric width")
            continue
        c.text(f"{where}.columns[{k}].header", col.get("header", ""), fields)
        c.text(f"{where}.columns[{k}].value", col.get("value", ""), fields, row=True)


def _check_signature(c: _Checker, where: str, block: Mapping[str, Any], fields: Mapping[str, Any]) -> None:
    parties = block.get("parties") or [block]
    for p, party in enumerate(parties):
        lines = party.get("lines") if isinstance(party, dict) else None
        if not isinstance(lines, list):
            c.error(f"{where}.parties[{p}].lines", "must be a list of texts")
            continue
        for j, line in enumerate(lines):
            c.text(f"{where}.parties[{p}].lines[{j}]", line, fields)
        if party.get("date") is not None:
            c.text(f"{where}.parties[{p}].date", party["date"], fields)


def _check_print(c: _Checker, raw: Mapping[str, Any]) -> None:
    """The template's own margins/grid ("layout") and font files per style ("fonts")."""
    from .fonts import STYLES  # reportlab: only when a template is read
    from .profiles import profile_from_dict

    layout, before = raw.get("layout", {}), len(c.errors)
    if not isinstance(layout, dict):
        c.error("layout", "must be an object")
    else:
        for key, value in layout.items():
            if key not in LAYOUT_KEYS:
                c.error(f"layout.{key}", f"unknown key (known: {', '.join(LAYOUT_KEYS)})")
            elif isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 200:
                c.error(f"layout.{key}", "must be a number from 0 to 200")
        if len(c.errors) == before and layout and raw.get("profile") in PROFILES:
            try:
                profile_from_dict(layout, PROFILES[raw["profile"]])
            except DomainError as err:
                c.error("layout", str(err.params.get("reason", err.code)))
    fonts = raw.get("fonts", {})
    if not isinstance(fonts, dict):
        c.error("fonts", "must be an object")
        return
    for style, name in fonts.items():
        if style not in STYLES:
            c.error(f"fonts.{style}", f"unknown style (known: {', '.join(STYLES)})")
        elif not isinstance(name, str) or not FONT_FILE.fullmatch(name):
            c.error(f"fonts.{style}", "must be a font file name such as simfang.ttf or simsun.ttc#0")


def parse(raw: Mapping[str, Any], source: str = "<template>", origin: str = "shipped", path: Path | None = None,
          digest: str = "") -> Template:
    """Validate a template dict; ``DomainError('template.invalid', errors=...)`` lists every problem."""
    c = _Checker(source)
    if not isinstance(raw, dict):
        c.error("template", "must be a JSON object")
        c.raise_if_any()
    for key in REQUIRED_TOP:
        if key not in raw:
            c.error(key, "is required")
    for key in set(raw) - TOP_KEYS:
        c.error(key, "unknown key")
    if raw.get("format", FORMAT) != FORMAT:
        c.error("format", f"this version reads format {FORMAT}")
    if raw.get("profile") not in PROFILES:
        c.error("profile", f"unknown profile {raw.get('profile')!r} (known: {', '.join(PROFILES)})")
    fields = raw.get("fields") if isinstance(raw.get("fields"), dict) else {}
    _check_fields(c, raw.get("fields"))
    c.text("title", raw.get("title", ""), fields)
    if raw.get("numbering") is not None:
        c.text("numbering.value", raw["numbering"].get("value", ""), fields)
    for name in raw.get("unmasked", []):
        if name not in fields or not fields[name].get("mask"):
            c.error("unmasked", f"{name} is not a masked field")
    blocks = raw.get("blocks")
    if not isinstance(blocks, list) or not blocks:
        c.error("blocks", "must be a non-empty list")
        blocks = []
    for i, block in enumerate(blocks):
        _check_block(c, i, block, fields)
    _check_print(c, raw)
    c.raise_if_any()
    return Template(kind=raw["kind"], name=raw["name"], version=str(raw["version"]), profile=raw["profile"],
                    title=raw["title"], numbering=raw.get("numbering"), fields=fields,
                    unmasked=frozenset(raw.get("unmasked", [])), blocks=tuple(blocks), origin=origin,
                    path=path, digest=digest, layout=dict(raw.get("layout") or {}), fonts=dict(raw.get("fonts") or {}))


def load_bytes(data: bytes, name: str, origin: str = "shipped", path: Path | None = None) -> Template:
    """A template from its JSON bytes; ``name`` ("<kind>.json") names it in messages and must match its kind."""
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DomainError("template.invalid", template=name, errors=f"not UTF-8 JSON: {exc}") from None
    template = parse(raw, name, origin, path, hashlib.sha256(data).hexdigest())
    if template.kind != name.removesuffix(".json"):
        raise DomainError("template.invalid", template=name, errors=f"kind {template.kind!r} must match the file name")
    return template


def load_file(path: Path, origin: str = "shipped") -> Template:
    return load_bytes(path.read_bytes(), path.name, origin, path)


class TemplateStore:
    """Shipped templates (read-only files) and the office's own versions (``office``: kind -> JSON bytes), the
    office version winning."""

    def __init__(self, shipped_dir: Path, office: Mapping[str, bytes] | None = None) -> None:
        self.shipped_dir = shipped_dir
        self.office = dict(office or {})

    def _shipped_path(self, kind: str) -> Path:
        if not re.fullmatch(r"[a-z][a-z0-9_]*", kind) or not (self.shipped_dir / f"{kind}.json").is_file():
            raise DomainError("template.unknown", kind=kind)
        return self.shipped_dir / f"{kind}.json"

    def load(self, kind: str) -> Template:
        path = self._shipped_path(kind)  # an office version exists only for a shipped kind
        if kind in self.office:
            return load_bytes(self.office[kind], f"{kind}.json", "office")
        return load_file(path, "shipped")

    def load_shipped(self, kind: str) -> Template:
        return load_file(self._shipped_path(kind), "shipped")

    def kinds(self) -> list[str]:
        """Every template kind (one per shipped file), sorted."""
        return sorted(p.stem for p in self.shipped_dir.glob("*.json")) if self.shipped_dir.is_dir() else []

    def list(self) -> list[TemplateInfo]:
        """One entry per kind: the version that :meth:`load` would use."""
        return [TemplateInfo(t.kind, t.name, t.version, t.origin, t.path) for t in map(self.load, self.kinds())]
