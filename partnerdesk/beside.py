"""Work started on a worker thread while the caller goes on with something else, joined when its result is needed.

Used where the slow half of a job is C code that releases the GIL: the sign-in's Argon2id check while the window is
built, a bulk import's verified backup while the workbook is read and checked.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Beside(Generic[T]):
    """``Beside(fn, name)`` runs ``fn()`` on a daemon thread from now on; :meth:`result` waits for it and returns
    what it returned, or raises what it raised (in the caller's thread)."""

    def __init__(self, fn: Callable[[], T], name: str) -> None:
        self._fn = fn
        self._value: T | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._value = self._fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the caller by result()
            self._error = exc

    def join(self) -> None:
        """Wait for the work to end without looking at its outcome (cleaning up after the caller failed)."""
        self._thread.join()

    def result(self) -> T:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value]
