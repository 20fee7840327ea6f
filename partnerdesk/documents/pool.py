"""Render many documents in worker processes (batch issue): one process per core, fonts registered once each.

The workers only draw: a task is a template, the record's data, and the verification code; the answer is the
PDF bytes or the reason the record cannot be printed. Serial numbers, archive and audit stay with the caller
in its one transaction. Workers start with ``forkserver`` where the platform has it (never ``fork``: the
caller may be a Qt process with threads) and ``spawn`` on Windows; the forkserver preloads this module with
reportlab, so each worker forks with the libraries imported and only registers its fonts.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from partnerdesk.domain.errors import DomainError

from .fonts import default_fonts, fonts_for
from .render import render
from .templates import Template

MAX_WORKERS = 8


@dataclass(frozen=True)
class Task:
    index: int
    template: Template
    data: Mapping[str, Any]
    footer_code: str | None


@dataclass(frozen=True)
class Rendered:
    index: int
    pdf: bytes
    problem: str = ""  # the missing characters or field when the record cannot be printed


def worker_count() -> int:
    """The cores this process may use (affinity on Linux), at most MAX_WORKERS."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # Windows, macOS
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS))


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload([__name__])
        return ctx
    return multiprocessing.get_context("spawn")


def _init() -> None:
    default_fonts()  # parse and register the CJK fonts once per worker process


def draw(task: Task) -> Rendered:
    """Render one task (in a worker, or in the caller for small batches)."""
    try:
        pdf = render(task.template, task.data, footer_code=task.footer_code, fonts=fonts_for(task.template.fonts))
    except DomainError as err:
        what = err.params.get("characters") or err.params.get("field") or err.code
        return Rendered(task.index, b"", str(what))
    return Rendered(task.index, pdf)


class RenderPool:
    """``with RenderPool(n) as pool: for r in pool.run(tasks, cancelled): ...`` yields results in task order.
    Leaving the block (cancel, error) stops the workers without waiting for queued tasks."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or worker_count()
        self.executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> RenderPool:
        self.executor = ProcessPoolExecutor(self.workers, mp_context=_context(), initializer=_init)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=exc[0] is None, cancel_futures=True)
            self.executor = None

    def run(self, tasks: Iterable[Task], cancelled: Callable[[], bool] | None = None) -> Iterator[Rendered]:
        """Results in the order of ``tasks``, each as soon as it and those before it are drawn. Every task is
        submitted as soon as the caller's iterator makes it (the workers start drawing the first while the
        caller still reads the next records), then the results are handed back in order."""
        assert self.executor is not None, "use RenderPool in a with block"
        pending: list[Future[Rendered]] = []
        for task in tasks:
            pending.append(self.executor.submit(draw, task))
            if cancelled is not None and cancelled():
                return
        for future in pending:
            if cancelled is not None and cancelled():
                return
            yield future.result()
