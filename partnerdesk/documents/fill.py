"""Fill a template's placeholders from record data: dotted look-ups, dates, masking of personal numbers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from partnerdesk.domain.errors import DomainError
from partnerdesk.domain.masking import mask

from .templates import PLACEHOLDER, Template

_BRACE_OPEN, _BRACE_CLOSE = "\x00", "\x01"


def chinese_date(value: dt.date) -> str:
    """2026年7月5日: Arabic numerals, no zero padding (GB/T 9704 7.3.5)."""
    return f"{value.year}年{value.month}月{value.day}日"


def lookup(data: Mapping[str, Any], name: str) -> Any:
    node: Any = data
    for part in name.split("."):
        if not isinstance(node, Mapping) or part not in node:
            raise DomainError("document.missing_data", field=name)
        node = node[part]
    return node


def format_value(value: Any, spec: Mapping[str, Any] | None = None) -> str:
    spec = spec or {}
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return chinese_date(value)
    if spec.get("type") == "date" and isinstance(value, str):
        try:
            return chinese_date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


class Filler:
    """Resolves placeholders of one template against one record's data."""

    def __init__(self, template: Template, data: Mapping[str, Any]) -> None:
        self.template = template
        self.data = data

    def value(self, name: str, row: Mapping[str, Any] | None = None, index: int | None = None) -> str:
        if name == "index" and index is not None:
            return str(index)
        if name.startswith("row.") and row is not None:
            return format_value(lookup(row, name[4:]))
        text = format_value(lookup(self.data, name), self.template.fields.get(name))
        kind = self.template.masked(name)
        return mask(kind, text) if kind and text else text

    def fill(self, text: str, row: Mapping[str, Any] | None = None, index: int | None = None) -> str:
        """Substitute every ``{name}``; values are plain text and never read as markup."""
        protected = text.replace("{{", _BRACE_OPEN).replace("}}", _BRACE_CLOSE)
        filled = PLACEHOLDER.sub(lambda m: self.value(m.group(1), row, index).replace("{", _BRACE_OPEN)
                                 .replace("}", _BRACE_CLOSE), protected)
        return filled.replace(_BRACE_OPEN, "{").replace(_BRACE_CLOSE, "}")

    def rows(self, name: str) -> list[Mapping[str, Any]]:
        value = lookup(self.data, name)
        if value is None:
            return []
        if not isinstance(value, list | tuple) or not all(isinstance(r, Mapping) for r in value):
            raise DomainError("document.bad_data", field=name, reason="expected a list of records")
        return list(value)
