"""Office template versions that an earlier release (before schema 0009) kept as files in
``<data folder>/forms/<kind>.json`` on one desktop, moved into the database where every desktop finds them.
Imports nothing heavy: the main window calls it after every sign-in, and it costs a directory listing when
there is nothing to adopt."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from .. import paths
from ..db import models as m
from ..documents.templates import Template, TemplateStore, load_bytes
from ..domain.errors import DomainError
from ..fsutil import atomic_write_bytes
from . import audit
from .changes import DOCUMENTS, TEMPLATES, Changes, Outcome

log = logging.getLogger(__name__)
VERSION_MAX = 32  # office_templates.version
OFFICE_VERSION = re.compile(r"^(?P<base>.+)-office\.(?P<n>\d+)$")


def summary(t: Template) -> dict[str, str]:
    return {"version": t.version, "origin": t.origin, "sha256": t.digest}


@contextmanager
def refused_on_conflict(name: str) -> Iterator[None]:
    """Around a unit of work that stores a version: two desktops storing one kind at the same moment (shared
    server) meet at the unique version number or the one active version; the later one is refused as a change
    by someone else, after its unit of work rolled back."""
    try:
        yield
    except IntegrityError:
        raise DomainError("template.changed", name=name) from None
    except DomainError as err:  # the unit of work's own reading of the same clash
        if err.code != "record.duplicate":
            raise
        raise DomainError("template.changed", name=name) from None


def adopt_desktop_versions(ws) -> Outcome[list[str]]:  # noqa: ANN001
    """Move the office versions an earlier release saved as files on this desktop into the database: a kind with
    no office version in the database yet takes the file as its active version (its number kept, audited as
    ``template.adopt``); the file goes to ``archive/`` either way, so this runs once. A file that is not a valid
    template of a shipped kind is left where it is and logged. The value is the adopted kinds. Cheap when the
    folder has no files (every start)."""
    files = paths.desktop_form_files()
    if not files or ws.read_only or ws.actor is None:
        return Outcome([], Changes())
    shipped_store = TemplateStore(paths.forms_dir())
    adopted: list[str] = []
    moves: list[tuple[Path, str]] = []
    now = ws.now()
    with refused_on_conflict(", ".join(p.stem for p in files)), ws.write() as uow:
        s = uow.session
        for path in files:
            try:
                data = path.read_bytes()
                t = load_bytes(data, path.name, "office")
                shipped_t = shipped_store.load_shipped(t.kind)
            except (OSError, DomainError) as exc:
                log.warning("office template %s not adopted: %s", path, exc)
                continue
            found = OFFICE_VERSION.match(t.version) if len(t.version) <= VERSION_MAX else None
            taken = s.scalar(select(func.count()).select_from(m.OfficeTemplate).where(m.OfficeTemplate.kind == t.kind))
            if found is None or taken:
                log.warning("office template %s not adopted: %s", path,
                            "the database has office versions of it" if taken else "not an office version")
                moves.append((path, "not-adopted"))
                continue
            s.add(m.OfficeTemplate(kind=t.kind, number=int(found["n"]), version=t.version,
                                   body=data.decode("utf-8"), sha256=t.digest, active=True,
                                   saved_by=ws.actor.username, saved_at=now, source=str(path)[:200]))
            audit.record(s, ws.actor, "template.adopt", "template", t.kind, before=summary(shipped_t),
                         after={**summary(t), "file": str(path)}, at=now)
            adopted.append(t.kind)
            moves.append((path, "adopted"))
        uow.commit()
    stamp = now.strftime("%Y%m%d%H%M%S")
    for path, how in moves:
        atomic_write_bytes(path.parent / "archive" / f"{path.stem}.{stamp}.{how}.json", path.read_bytes())
        path.unlink()
    return Outcome(adopted, Changes.of(TEMPLATES, DOCUMENTS) if adopted else Changes())
