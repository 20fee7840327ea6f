"""An operation that ends after the application has torn its relay down is not a crash (it hung the process
on a modal crash dialog when a start-up backup outlived a short run)."""

from __future__ import annotations

import logging

import shiboken6

from partnerdesk.ui import operations


def test_outcome_of_an_operation_after_shutdown_is_dropped_quietly(qapp, caplog):
    relay = operations._Relay()  # noqa: SLF001
    shiboken6.delete(relay)  # what the application's teardown does to it
    with caplog.at_level(logging.INFO, logger="partnerdesk.ui.operations"):
        operations._report(relay, True, "done")  # noqa: SLF001 - must not raise
    assert "after the application closed" in caplog.text


def test_outcome_reaches_a_live_relay(qapp):
    relay = operations._Relay()  # noqa: SLF001
    got = []
    relay.finished.connect(lambda ok, payload: got.append((ok, payload)))
    operations._report(relay, True, "done")  # noqa: SLF001
    assert got == [(True, "done")]
