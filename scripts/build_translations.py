#!/usr/bin/env python3
"""Build the interface translations: resources/translations/*.ts -> *.qm (pyside6-lrelease).

The .qm files are build products (git-ignored); `make run` and `make test` call this first. Only files
whose .ts is newer than the .qm are rebuilt, so calling it is cheap.

One catalogue per area, named ``<area>_<language>.ts``, so that people working on different areas do
not edit the same file: ``partners_zh_CN.ts`` holds the strings of ``partnerdesk/ui/partners/``, and
``partnerdesk_zh_CN.ts`` everything else (``app.py`` and the rest of ``partnerdesk/ui``). A new area
starts its catalogue with ``--new AREA`` (AREA = a package under partnerdesk/ui).

    python scripts/build_translations.py              # build the .qm files
    python scripts/build_translations.py --update     # refresh every .ts from the sources (lupdate);
                                                      # translate new entries in Qt Linguist
    python scripts/build_translations.py --new rota   # start rota_zh_CN.ts for partnerdesk/ui/rota
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
UI = ROOT / "partnerdesk" / "ui"
MAIN = "partnerdesk"
LANGUAGES = ("zh_CN",)  # English is the source language and needs no catalogue


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease: next to this Python first (the venv), then on PATH."""
    here = Path(sys.executable).parent
    for candidate in (here / f"pyside6-{name}", here / f"pyside6-{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: install PySide6 in this environment")
    return found


def split_name(ts: Path) -> tuple[str, str]:
    """partnerdesk_zh_CN.ts -> ('partnerdesk', 'zh_CN')."""
    area, language = ts.stem.split("_", 1)
    return area, language


def catalogues() -> list[Path]:
    return sorted(TRANSLATIONS.glob("*.ts"))


def areas() -> set[str]:
    return {split_name(ts)[0] for ts in catalogues()} - {MAIN}


def sources(area: str) -> list[Path]:
    """The Python files whose strings belong to ``area``'s catalogue."""
    if area != MAIN:
        return sorted((UI / area).rglob("*.py"))
    own = [UI / a for a in areas()]
    files = [p for p in UI.rglob("*.py") if not any(p.is_relative_to(d) for d in own)]
    return [ROOT / "partnerdesk" / "app.py", *sorted(files)]


def _lupdate(area: str, ts: Path, language: str, *options: str) -> None:
    files = [str(p.relative_to(ROOT)) for p in sources(area)]
    subprocess.run([tool("lupdate"), "-silent", "-extensions", "py", "-target-language", language, *options,
                    *files, "-ts", str(ts)], check=True, cwd=ROOT)


def update(ts_files: list[Path]) -> None:
    """Refresh .ts files from the sources (new strings appear as unfinished, vanished ones go)."""
    for ts in ts_files:
        area, language = split_name(ts)
        _lupdate(area, ts, language, "-no-obsolete", "-locations", "none")  # no line numbers: calm diffs


def extract(ts: Path, target: Path) -> None:
    """The strings the sources of ``ts``'s area hold now, into a fresh ``target`` (used by the tests)."""
    area, language = split_name(ts)
    _lupdate(area, target, language, "-locations", "none")


def build(force: bool = False, quiet: bool = True) -> list[Path]:
    """Compile every .ts that changed; returns the .qm files written."""
    written = []
    for ts in catalogues():
        qm = ts.with_suffix(".qm")
        if not force and qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        args = [tool("lrelease"), str(ts), "-qm", str(qm)]
        subprocess.run(args + (["-silent"] if quiet else []), check=True)
        written.append(qm)
    return written


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="refresh the .ts files from the sources first")
    parser.add_argument("--new", metavar="AREA", help="start the catalogues of partnerdesk/ui/AREA")
    parser.add_argument("--force", action="store_true", help="rebuild every .qm")
    args = parser.parse_args(argv)
    if args.new:
        if not (UI / args.new).is_dir():
            raise SystemExit(f"no package partnerdesk/ui/{args.new}")
        new = [TRANSLATIONS / f"{args.new}_{lang}.ts" for lang in LANGUAGES]
        update(new)
        update([TRANSLATIONS / f"{MAIN}_{lang}.ts" for lang in LANGUAGES])  # its strings move out
    if args.update:
        update(catalogues())
    for qm in build(force=args.force, quiet=False):
        print(f"built {qm.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
