"""PartnerDesk start-up to an interactive main window, for test_bench_startup.py.

    python tests/benchmarks/startup_app.py DB_URL HOME USER PASSWORD

Contract with partnerdesk.app: ``benchmark_startup(db_url, user, password)`` does what a normal start does
(settings, engine, migrations, session factory, translations, the real MainWindow) but signs in as
``user``/``password`` without the login dialog, shows the window and returns (keeping it referenced) without
entering ``app.exec()``. This script then waits until Qt is idle and prints
STARTUP_SECONDS=<seconds since the top of this file>. If the function does not exist yet it prints
NOT_AVAILABLE: ... and exits 3.
"""

import time

T0 = time.perf_counter()

import importlib  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402


def main() -> int:
    db_url, home, user, password = sys.argv[1:5]
    os.environ["PARTNERDESK_HOME"] = home
    try:
        app_module = importlib.import_module("partnerdesk.app")
    except ModuleNotFoundError as exc:
        if exc.name != "partnerdesk.app":
            raise
        print("NOT_AVAILABLE: partnerdesk.app does not exist yet", flush=True)
        return 3
    start = getattr(app_module, "benchmark_startup", None)
    if start is None:
        print("NOT_AVAILABLE: partnerdesk.app has no benchmark_startup(db_url, user, password)", flush=True)
        return 3
    keep = start(db_url, user, password)  # noqa: F841 - keeps the window alive
    from _idle import report, wait_until_idle

    wait_until_idle()
    report(T0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
