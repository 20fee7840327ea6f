"""partnerdesk.beside.Beside: work on a worker thread, its result or its error handed to the caller."""

from __future__ import annotations

import threading

import pytest

from partnerdesk.beside import Beside


def test_result_is_what_the_work_returned_and_it_ran_on_another_thread():
    seen = []
    work = Beside(lambda: seen.append(threading.current_thread().name) or 42, "pd-test")
    assert work.result() == 42 and work.result() == 42
    assert seen == ["pd-test"] and threading.current_thread().name != "pd-test"


def test_the_error_is_raised_in_the_caller_and_join_does_not_raise():
    def fail():
        raise ValueError("broken")

    work = Beside(fail, "pd-test")
    work.join()  # cleaning up after something else failed: no second error
    with pytest.raises(ValueError, match="broken"):
        work.result()


def test_the_caller_goes_on_while_the_work_runs():
    release = threading.Event()
    work = Beside(lambda: release.wait(10) and "done", "pd-test")
    assert work._thread.is_alive()  # noqa: SLF001 - still waiting for us
    release.set()
    assert work.result() == "done"
