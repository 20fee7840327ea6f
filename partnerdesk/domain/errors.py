"""Errors carry a code and parameters; only the edges (UI, CLI) turn them into words."""

from __future__ import annotations


class DomainError(Exception):
    """A rule was broken. ``code`` names the rule, ``params`` fill the message."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"DomainError({self.code!r}, **{self.params!r})"

    def __str__(self) -> str:
        if not self.params:
            return self.code
        inner = ", ".join(f"{k}={v!r}" for k, v in sorted(self.params.items()))
        return f"{self.code}({inner})"
