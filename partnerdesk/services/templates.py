"""The office's own template versions: list, load for editing, preview an edit, save, revert to shipped.

Shipped templates (``forms/``) are never written. An office version is the whole template as JSON in the
database (``office_templates``), so every desktop of a shared server prints from the same version and backups
carry them; its version is "<shipped version>-office.<n>" — ``n`` never reused for a kind, so a version names
one text — and it may carry its own margins/grid (``layout``) and font files per style (``fonts``). Versions are
never edited or deleted: saving makes the new one active, reverting leaves none active (the shipped template
prints again). Saving and reverting need Perm.MANAGE_SETTINGS and are audited with both versions and SHA-256s in
the same transaction; an edit of a version someone else has replaced meanwhile is refused (``template.changed``).

Office versions that an earlier release kept as files on one desktop are moved into the database after
sign-in (``template_adoption``).

Issued documents record the template version, origin and SHA-256 they were printed from, and a reprint is
the archived PDF: editing a template never changes a document already issued.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import zlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from .. import paths
from ..db import models as m
from ..documents.fonts import FontChoice
from ..documents.fonts import font_choices as _font_choices
from ..documents.render import render
from ..documents.templates import LAYOUT_KEYS, Template, TemplateStore, load_bytes, parse
from ..domain.errors import DomainError
from ..domain.roles import Perm, require
from . import audit
from . import document_data as dd
from .changes import DOCUMENTS, TEMPLATES, Changes, Outcome
from .documents import template_store
from .template_adoption import refused_on_conflict, summary

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


def _entry(store: TemplateStore, t: Template) -> TemplateEntry:
    return TemplateEntry(t.kind, t.name, t.version, t.origin, store.load_shipped(t.kind).version, t.digest)


def _shipped_only() -> TemplateStore:
    return TemplateStore(paths.forms_dir())


def list_templates(ws) -> list[TemplateEntry]:  # noqa: ANN001
    """Every template kind with the version documents are printed from (office version first)."""
    require(ws.actor, Perm.READ)
    with ws.read() as uow:
        store = template_store(uow.session)
        return [_entry(store, store.load(kind)) for kind in store.kinds()]


def load_for_editing(ws, kind: str) -> Editable:  # noqa: ANN001
    require(ws.actor, Perm.READ)
    with ws.read() as uow:
        store = template_store(uow.session)
        t = store.load(kind)
    shipped_t = store.load_shipped(kind)
    data = store.office[kind] if t.origin == "office" else shipped_t.path.read_bytes()
    return Editable(kind, t.origin, t.version, t.digest, json.loads(data.decode("utf-8")), shipped_t.version)


def shipped(ws, kind: str) -> dict[str, Any]:  # noqa: ANN001
    """The shipped template's JSON (what Revert returns to)."""
    require(ws.actor, Perm.READ)
    return json.loads(_shipped_only().load_shipped(kind).path.read_text(encoding="utf-8"))


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
    with ws.read() as uow:
        return built_in_sample(template_store(uow.session).load(kind))


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
def _next_number(s: Session, kind: str) -> int:
    used = s.scalar(select(func.max(m.OfficeTemplate.number)).where(m.OfficeTemplate.kind == kind))
    return (used or 0) + 1


def _deactivate(s: Session, kind: str) -> None:
    s.execute(update(m.OfficeTemplate).where(m.OfficeTemplate.kind == kind, m.OfficeTemplate.active)
              .values(active=False))


_PG_TEMPLATE_LOCK = 0x50445F54  # with the kind's checksum: one saver of a kind at a time on PostgreSQL


def _one_saver_at_a_time(s: Session, kind: str) -> None:
    """Two desktops of a shared server saving the same kind: the second waits here until the first has committed,
    then reads the version the first stored and is refused (its edit began from the one before). Without it, under
    PostgreSQL's READ COMMITTED a saver that read the active version just before the other committed would store a
    second version. SQLite's writers already take turns (BEGIN IMMEDIATE). Taken before the audit chain's lock,
    in every saver alike."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(:k, :n)"),
                  {"k": _PG_TEMPLATE_LOCK, "n": zlib.crc32(kind.encode()) & 0x7FFFFFFF})


def save_office_version(ws, kind: str, edited: dict[str, Any]) -> Outcome[TemplateEntry]:  # noqa: ANN001
    """Validate ``edited`` (the whole template JSON as loaded for editing, then changed), store it as the next
    office version of ``kind`` and make it the one documents print from; audited. ``edited["version"]`` is the
    version the edit started from: if the active version is another one by now, the save is refused."""
    require(ws.actor, Perm.MANAGE_SETTINGS)
    raw = copy.deepcopy(edited)
    if raw.get("kind") != kind:
        raise DomainError("template.invalid", template=f"{kind}.json", errors=f"kind: must stay {kind}")
    now = ws.now()
    shipped_t = _shipped_only().load_shipped(kind)
    with refused_on_conflict(shipped_t.name), ws.write() as uow:
        s = uow.session
        _one_saver_at_a_time(s, kind)
        store = template_store(s)
        before = store.load(kind)
        if raw.get("version") != before.version:
            raise DomainError("template.changed", name=shipped_t.name)
        number = _next_number(s, kind)
        raw["version"] = f"{shipped_t.version}-office.{number}"
        raw["layout"] = {k: v for k, v in (raw.get("layout") or {}).items() if k in LAYOUT_KEYS}
        for key in ("layout", "fonts"):
            if not raw.get(key):
                raw.pop(key, None)
        validate(raw)
        body = json.dumps(raw, ensure_ascii=False, indent=2) + "\n"
        saved = load_bytes(body.encode("utf-8"), f"{kind}.json", "office")
        _deactivate(s, kind)
        s.add(m.OfficeTemplate(kind=kind, number=number, version=saved.version, body=body, sha256=saved.digest,
                               active=True, saved_by=ws.actor.username, saved_at=now, source=""))
        audit.record(s, ws.actor, "template.save", "template", kind, before=summary(before), after=summary(saved),
                     at=now)
        uow.commit()
    return Outcome(_entry(store, saved), Changes.of(TEMPLATES, DOCUMENTS))


def revert_to_shipped(ws, kind: str) -> Outcome[TemplateEntry]:  # noqa: ANN001
    """Documents print from the shipped template again; the office version stays in the database, inactive."""
    require(ws.actor, Perm.MANAGE_SETTINGS)
    now = ws.now()
    shipped_t = _shipped_only().load_shipped(kind)
    with refused_on_conflict(shipped_t.name), ws.write() as uow:
        s = uow.session
        _one_saver_at_a_time(s, kind)
        store = template_store(s)
        current = store.load(kind)
        if current.origin != "office":
            return Outcome(_entry(store, current), Changes.of(TEMPLATES))
        _deactivate(s, kind)
        audit.record(s, ws.actor, "template.revert", "template", kind, before=summary(current),
                     after=summary(shipped_t), at=now)
        uow.commit()
    return Outcome(_entry(store, shipped_t), Changes.of(TEMPLATES, DOCUMENTS))
