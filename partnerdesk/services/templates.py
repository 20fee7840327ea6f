"""The office's own template versions: list, load for editing, preview an edit, save, revert to shipped.

Shipped templates (``forms/``) are never written. An office version is the whole template as JSON in
``<data folder>/forms/<kind>.json`` (where ``documents.template_store()`` looks first), with its own version
"<shipped version>-office.<n>" — ``n`` never reused for a kind, so a version names one text — and it may
carry its own margins/grid (``layout``) and font files per style (``fonts``). Every version an office
replaces or reverts is kept in ``<data folder>/forms/archive/`` (never deleted). Saving and reverting need
Perm.MANAGE_SETTINGS and are audited with both versions and SHA-256s; the file is written atomically, and
put back when the audit entry cannot be committed.

Issued documents record the template version, origin and SHA-256 they were printed from, and a reprint is
the archived PDF: editing a template never changes a document already issued.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..documents.fonts import FontChoice
from ..documents.fonts import font_choices as _font_choices
from ..documents.render import render
from ..documents.templates import LAYOUT_KEYS, Template, TemplateStore, load_file, parse
from ..domain.errors import DomainError
from ..domain.roles import Perm, require
from ..fsutil import atomic_write_bytes
from . import audit
from . import document_data as dd
from .changes import Changes, Outcome
from .documents import DOCUMENTS, template_store

TEMPLATES = "templates"
OFFICE_VERSION = re.compile(r"^(?P<base>.+)-office\.(?P<n>\d+)$")
SAMPLE_ID = "110105194912310021"
SAMPLE_MOBILE = "13800000000"


@dataclass(frozen=True)
class TemplateEntry:
    kind: str
    name: str
    version: str
    origin: str  # "shipped" | "office"
    shipped_version: str
    sha256: str


@dataclass(frozen=True)
class Editable:
    """A template as the editor holds it: the JSON object (deep copy, edit freely) and where it came from."""

    kind: str
    origin: str
    version: str
    sha256: str
    raw: dict[str, Any]
    shipped_version: str


def _store() -> TemplateStore:
    return template_store()


def _office_dir(store: TemplateStore) -> Path:
    if store.office_dir is None:
        raise DomainError("template.unknown", kind="office")
    return store.office_dir


def _entry(store: TemplateStore, t: Template) -> TemplateEntry:
    return TemplateEntry(t.kind, t.name, t.version, t.origin, store.load_shipped(t.kind).version, t.digest)


def list_templates(ws) -> list[TemplateEntry]:  # noqa: ANN001
    """Every template kind with the version documents are printed from (office version first)."""
    require(ws.actor, Perm.READ)
    store = _store()
    return [_entry(store, store.load(info.kind)) for info in store.list()]


def load_for_editing(ws, kind: str) -> Editable:  # noqa: ANN001
    require(ws.actor, Perm.READ)
    store = _store()
    t = store.load(kind)
    raw = json.loads(t.path.read_text(encoding="utf-8")) if t.path else {}
    return Editable(kind, t.origin, t.version, t.digest, raw, store.load_shipped(kind).version)


def shipped(ws, kind: str) -> dict[str, Any]:  # noqa: ANN001
    """The shipped template's JSON (what Revert returns to)."""
    require(ws.actor, Perm.READ)
    return json.loads((_store().shipped_dir / f"{kind}.json").read_text(encoding="utf-8"))


def font_choices(ws) -> list[FontChoice]:  # noqa: ANN001
    require(ws.actor, Perm.READ)
    return _font_choices()


def default_fonts(ws) -> dict[str, str]:  # noqa: ANN001
    """The font family each style uses when a template names none (style -> family)."""
    require(ws.actor, Perm.READ)
    from ..documents.fonts import STYLES
    from ..documents.fonts import default_fonts as _defaults

    fonts = _defaults()
    return {s: fonts[s].primary.family for s in STYLES}


def validate(raw: dict[str, Any]) -> Template:
    """Parse an edited template; ``DomainError('template.invalid', errors='where: reason; ...')``."""
    return parse(raw, f"{raw.get('kind', '?')}.json", "office")


# --- sample data for the live preview ---
def sample_data(ws, kind: str) -> dict[str, Any]:  # noqa: ANN001
    """Data for the preview: the first record the document would print for (within the actor's scope), else
    a built-in sample made from the template's field labels."""
    require(ws.actor, Perm.READ)
    from .documents import record_ids

    try:
        for rid in record_ids(ws, kind)[:1]:
            with ws.read() as uow:
                return dd.build(uow.session, kind, rid, ws.today()).data
    except DomainError:
        pass
    return built_in_sample(_store().load(kind))


def built_in_sample(t: Template) -> dict[str, Any]:
    """Every declared field filled with its label (dates today, personal numbers well-formed, lists two rows)."""
    data: dict[str, Any] = {}
    rows: dict[str, dict[str, str]] = {}
    for block in t.blocks:
        if block.get("type") == "table":
            cols = block.get("columns", [])
            rows[block.get("rows", "")] = {m: c.get("header", m) for c in cols
                                           for m in re.findall(r"\{row\.([A-Za-z0-9_]+)\}", c.get("value", ""))}
    for name, spec in t.fields.items():
        kind, label = spec.get("type", "text"), spec.get("label", name)
        value: Any = f"（{label}）"
        if kind == "date":
            value = dt.date.today()
        elif kind == "list":
            value = [dict(rows.get(name, {})) for _ in range(2)]
        elif kind == "money":
            value = "1000.00"
        elif spec.get("mask") == "resident_id":
            value = SAMPLE_ID
        elif spec.get("mask") == "mobile":
            value = SAMPLE_MOBILE
        node = data
        *parents, leaf = name.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
    return data


def preview(raw: dict[str, Any], data: dict[str, Any]) -> bytes:
    """Render an edited template with sample data (no database, nothing stored): the live preview."""
    return render(validate(raw), data, footer_code="PREVIEW2")


# --- save and revert ---
def _used_numbers(store: TemplateStore, kind: str) -> list[int]:
    folder = _office_dir(store)
    numbers = []
    for path in [folder / f"{kind}.json", *sorted((folder / "archive").glob(f"{kind}.*.json"))]:
        if path.is_file():
            try:
                version = json.loads(path.read_text(encoding="utf-8")).get("version", "")
            except (OSError, ValueError):
                continue
            found = OFFICE_VERSION.match(str(version))
            if found:
                numbers.append(int(found["n"]))
    return numbers


def _archive_current(folder: Path, kind: str, stamp: str) -> Path | None:
    current = folder / f"{kind}.json"
    if not current.is_file():
        return None
    data = current.read_bytes()
    version = str(json.loads(data.decode("utf-8")).get("version", "unknown"))
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", version)
    return atomic_write_bytes(folder / "archive" / f"{kind}.{safe}.{stamp}.json", data)


def save_office_version(ws, kind: str, edited: dict[str, Any]) -> Outcome[TemplateEntry]:  # noqa: ANN001
    """Validate ``edited`` (the whole template JSON), give it the next office version, write it atomically to
    the office folder (the previous office version goes to the archive folder) and audit the change."""
    require(ws.actor, Perm.MANAGE_SETTINGS)
    store = _store()
    before = store.load(kind)
    shipped_t = store.load_shipped(kind)
    raw = copy.deepcopy(edited)
    if raw.get("kind") != kind:
        raise DomainError("template.invalid", template=f"{kind}.json", errors=f"kind: must stay {kind}")
    raw["version"] = f"{shipped_t.version}-office.{max(_used_numbers(store, kind), default=0) + 1}"
    raw["layout"] = {k: v for k, v in (raw.get("layout") or {}).items() if k in LAYOUT_KEYS}
    for key in ("layout", "fonts"):
        if not raw.get(key):
            raw.pop(key, None)
    validate(raw)
    data = (json.dumps(raw, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    folder = _office_dir(store)
    target = folder / f"{kind}.json"
    old = target.read_bytes() if target.is_file() else None
    now = ws.now()
    with ws.write() as uow:
        audit.record(uow.session, ws.actor, "template.save", "template", kind,
                     before={"version": before.version, "origin": before.origin, "sha256": before.digest},
                     after={"version": raw["version"], "origin": "office", "sha256": hashlib.sha256(data).hexdigest()},
                     at=now)
        _archive_current(folder, kind, now.strftime("%Y%m%d%H%M%S"))
        atomic_write_bytes(target, data)
        try:
            uow.commit()
        except BaseException:
            _put_back(target, old)
            raise
    saved = load_file(target, "office")
    return Outcome(_entry(store, saved), Changes.of(TEMPLATES, DOCUMENTS))


def revert_to_shipped(ws, kind: str) -> Outcome[TemplateEntry]:  # noqa: ANN001
    """Move the office version to the archive folder: documents print from the shipped template again."""
    require(ws.actor, Perm.MANAGE_SETTINGS)
    store = _store()
    current = store.load(kind)
    if current.origin != "office":
        return Outcome(_entry(store, current), Changes.of(TEMPLATES))
    folder = _office_dir(store)
    target = folder / f"{kind}.json"
    old = target.read_bytes()
    now = ws.now()
    with ws.write() as uow:
        shipped_t = store.load_shipped(kind)
        audit.record(uow.session, ws.actor, "template.revert", "template", kind,
                     before={"version": current.version, "origin": "office", "sha256": current.digest},
                     after={"version": shipped_t.version, "origin": "shipped", "sha256": shipped_t.digest}, at=now)
        _archive_current(folder, kind, now.strftime("%Y%m%d%H%M%S"))
        target.unlink()
        try:
            uow.commit()
        except BaseException:
            _put_back(target, old)
            raise
    return Outcome(_entry(store, store.load(kind)), Changes.of(TEMPLATES, DOCUMENTS))


def _put_back(target: Path, old: bytes | None) -> None:
    if old is None:
        target.unlink(missing_ok=True)
    else:
        atomic_write_bytes(target, old)
