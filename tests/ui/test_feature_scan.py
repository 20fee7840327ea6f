"""PySide6's check of every module imported after it (does its source mention "PySide6"?), answered by reading the
file (app._quick_feature_scan): the same verdicts as PySide6's own inspect-based check."""

from __future__ import annotations

import inspect
import sys

import pytest


def _pyside_verdict(module) -> bool:  # noqa: ANN001 - PySide6's own question, asked its way
    try:
        return "PySide6" in inspect.getsource(module)
    except (TypeError, OSError, SyntaxError):
        return False


def test_the_quick_scan_gives_pysides_own_verdicts(qapp) -> None:  # noqa: ANN001
    import partnerdesk.ui.main_window  # noqa: F401 - one that uses PySide6
    from partnerdesk import app as app_mod

    feature = sys.modules.get("PySide6.support.feature")
    if feature is None or not hasattr(feature, "feature_imported"):
        pytest.skip("this PySide6 has no __feature__ import hook")
    app_mod._quick_feature_scan()  # noqa: SLF001
    app_mod._quick_feature_scan()  # noqa: SLF001 - a second call changes nothing
    quick = feature.feature_imported.__globals__["_mod_uses_pyside"]
    assert getattr(quick, "quick", False)
    modules = [m for name, m in sorted(sys.modules.items())
               if name.startswith(("partnerdesk", "sqlalchemy", "json", "email", "PySide6", "shiboken6"))]
    assert len(modules) > 50
    verdicts = {m.__name__: quick(m) for m in modules}
    assert verdicts == {m.__name__: _pyside_verdict(m) for m in modules}
    assert verdicts["partnerdesk.ui.main_window"] and not verdicts["partnerdesk.messages"]
