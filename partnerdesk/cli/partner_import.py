"""`partners template` and `partners import` (filled in once the import renderer exists)."""

from __future__ import annotations


def register_import(grp) -> None:  # noqa: ANN001
    return None
