"""Composition root of the desktop application: settings, translations, the database, the main window.

``partnerdesk`` (no sub-command) and ``make run`` end up in :func:`main`. Nothing else wires things
together. Only what the first window needs is imported here: matplotlib, reportlab and openpyxl load
when a page first uses them.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
import threading
from collections.abc import Callable, Mapping
from pathlib import Path

from . import APP_AUTHOR, APP_NAME, __version__, paths, qtpreload
from . import settings as settings_mod

NO_DISPLAY = ("partnerdesk: no display found (DISPLAY and WAYLAND_DISPLAY are not set); "
              "run it under a virtual display: `xvfb-run partnerdesk` (or `xvfb-run make run`)")

log = logging.getLogger("partnerdesk")


def has_display(environ: Mapping[str, str], platform: str) -> bool:
    """On Linux and the BSDs Qt needs X11 or Wayland, unless a platform plugin is chosen explicitly."""
    if platform.startswith(("win", "darwin", "cygwin")):
        return True
    return any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def parse_args(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """Our options; whatever is left (e.g. ``-platform``) goes to Qt."""
    parser = argparse.ArgumentParser(prog="partnerdesk", description="PartnerDesk 社区合伙人工作台")
    parser.add_argument("--db", help="database file or URL (default: PARTNERDESK_DATABASE_URL, then the "
                                     "file in the user data folder)")
    parser.add_argument("--lang", choices=settings_mod.LANGUAGES, help="interface language for this run")
    return parser.parse_known_args(argv)


LOG_MAX_BYTES, LOG_KEEP = 1_000_000, 3


def rotate_log(path: Path, max_bytes: int = LOG_MAX_BYTES, keep: int = LOG_KEEP) -> None:
    """At start-up, a log past ``max_bytes`` becomes ``.1`` (``.1`` becomes ``.2``, …; the oldest of ``keep`` goes).
    One file per run at most, rotated between runs (logging.handlers would cost start-up its socket/pickle imports)."""
    try:
        if path.stat().st_size <= max_bytes:
            return
        for n in range(keep - 1, 0, -1):
            older = path.with_name(f"{path.name}.{n}")
            if older.exists():
                older.replace(path.with_name(f"{path.name}.{n + 1}"))
        path.replace(path.with_name(f"{path.name}.1"))
    except OSError:
        return  # absent, or cannot be moved now: keep appending


def configure_logging() -> logging.Handler:
    """Log to partnerdesk.log in the user data folder (the error dialogs point there)."""
    path = paths.data_dir() / "partnerdesk.log"
    rotate_log(path)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return handler


# The modules besides Qt that the first window needs (services, messages), imported before PySide6 is: from then on
# PySide6 reads the source of every module an import statement names, once each, to see whether it uses PySide's
# ``__feature__`` switches (~0.2 ms a module). SQLAlchemy is not among them: a local file's start does without it.
PRELOAD = ("partnerdesk.messages", "partnerdesk.services.overview",
           "partnerdesk.services.reminders", "partnerdesk.services.maintenance", "partnerdesk.services.changes",
           "partnerdesk.domain.agreements", "partnerdesk.domain.org")


def preload() -> None:
    import importlib

    for name in PRELOAD:
        importlib.import_module(name)


def _skip_feature_scan(loaded_before: set[str]) -> None:
    """Tell PySide6's ``__feature__`` switch what reading their sources would tell it: the modules loaded before
    PySide6 itself do not use it (-1, "ignore this module"). PySide6 keeps the verdicts in
    ``PySide6.support.feature.pyside_feature_dict``; without that dictionary (another release) it reads them."""
    feature = sys.modules.get("PySide6.support.feature")
    verdicts = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(verdicts, dict):
        return
    for name in loaded_before:
        verdicts.setdefault(name, -1)


def _quick_feature_scan() -> None:
    """PySide6 asks of every module imported after it whether its source mentions "PySide6" (to give it the
    ``__feature__`` default), through ``inspect.getsource``, which looks through every loaded module each time:
    ≈ 0.5 ms a module, 110 ms of SQLAlchemy's import after the window is up. The same question is answered here by
    reading the module's file; anything that is not a plain ``.py`` file still goes to PySide's own function."""
    feature = sys.modules.get("PySide6.support.feature")
    imported = getattr(feature, "feature_imported", None)
    own = getattr(feature, "_mod_uses_pyside", None)
    if imported is None or not callable(own) or getattr(own, "quick", False):
        return

    def uses_pyside(module) -> bool:  # noqa: ANN001
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return own(module)

    uses_pyside.quick = True  # type: ignore[attr-defined]
    imported.__globals__["_mod_uses_pyside"] = uses_pyside


def create_application(qt_args: list[str], qt_loading: threading.Thread | None = None):  # noqa: ANN201 - QApplication
    """The QApplication, once the modules that come before PySide6 are loaded and ``qt_loading`` (the native preload
    of :mod:`.qtpreload`, begun at the start) has finished."""
    preload()
    if qt_loading is not None:
        qt_loading.join()
    loaded_before = set(sys.modules) if "PySide6" not in sys.modules else set()
    from PySide6.QtWidgets import QApplication

    _skip_feature_scan(loaded_before)
    _quick_feature_scan()

    app = QApplication.instance() or QApplication(["partnerdesk", *qt_args])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationVersion(__version__)
    style = paths.resources_dir() / "style" / "partnerdesk.qss"
    if style.is_file():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app


def install_excepthook() -> None:
    """A slot that raises outside the operation runner is logged and shown, not lost on stderr."""
    from .ui.operations import show_crash

    def hook(exc_type, exc, tb) -> None:  # noqa: ANN001
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        show_crash(None, exc.with_traceback(tb))

    sys.excepthook = hook


def pause_gc() -> None:
    """Start-up creates ~130,000 objects that live as long as the process (modules, classes, ORM mappers, Qt
    wrappers); the cyclic garbage collector would walk them again and again, about a tenth of start-up. It is
    paused while the app starts non-interactively; :func:`resume_gc` follows."""
    gc.disable()


def resume_gc() -> None:
    """Collect again, leaving out what exists now (``gc.freeze``): the start-up objects, plus the few start-up
    reference cycles that are already garbage (~100 KB, kept). No-op when the collector was not paused."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def make_launcher(settings: settings_mod.Settings):  # noqa: ANN201 - ui.startup.Launcher
    from .ui.startup import Launcher

    return Launcher(settings, paths.quarantine_dir())


class SignIn:
    """A sign-in (``signin.login``: the Argon2id check is ~30 ms of C that releases the GIL) running on a worker
    thread from now on, while the caller imports and builds the hidden main window. :meth:`wait` returns once it
    succeeded, or raises what it raised (a refusal is recorded and counted by the service, as always)."""

    # While it runs, the GUI thread is busy importing: with Python's default 5 ms switch interval each of the
    # sign-in's SQLite calls would wait that long for the GIL afterwards.
    SWITCH_INTERVAL = 0.0005

    def __init__(self, login: Callable[[], object]) -> None:
        from .beside import Beside

        self._interval = sys.getswitchinterval()
        sys.setswitchinterval(min(self._interval, self.SWITCH_INTERVAL))
        self._login = Beside(login, "pd-sign-in")

    def wait(self) -> None:
        try:
            self._login.result()
        finally:
            sys.setswitchinterval(self._interval)


def show_main_window(ws, settings: settings_mod.Settings, launcher, signing_in: SignIn | None = None):  # noqa: ANN001, ANN201
    """The main window for a signed-in workspace; the start-up backup follows once it is on screen.

    With ``signing_in`` still verifying the password, the window's frame is built hidden meanwhile (no session,
    no page, no data); the workspace is attached and the window shown only once the sign-in succeeded.
    Otherwise the frame is discarded and the refusal raised.
    """
    from PySide6.QtCore import QTimer

    from .ui.main_window import MainWindow

    window = MainWindow(ws if signing_in is None else None, settings, launcher)
    if signing_in is not None:
        try:
            signing_in.wait()
        except BaseException:
            window.deleteLater()
            raise
        window.attach(ws)
    window.show()
    QTimer.singleShot(0, window.start_up)
    QTimer.singleShot(0, resume_gc)  # once it is on screen (see pause_gc)
    return window


def main(argv: list[str]) -> int:
    if not has_display(os.environ, sys.platform):
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    qt_loading = qtpreload.start()
    pause_gc()
    try:
        return _main(argv, qt_loading)
    finally:
        resume_gc()


def _main(argv: list[str], qt_loading: threading.Thread | None = None) -> int:
    args, qt_args = parse_args(argv)
    handler = configure_logging()
    settings = settings_mod.load()
    url = settings_mod.database_url_from(args.db)
    inspection = inspect_ahead(url)
    language = args.lang or os.environ.get("PARTNERDESK_LANG") or settings.language
    app = create_application(qt_args, qt_loading)
    from .ui.i18n import install_translators, remove_translators

    translators = install_translators(app, language, paths.translations_dir())
    install_excepthook()
    try:
        code = run(app, settings, url, inspection)
    finally:
        remove_translators(app, translators)
        logging.getLogger().removeHandler(handler)
        handler.close()
    if code == RESTART:  # the database is closed and its lock released: the next PartnerDesk may open it
        return 0 if relaunch(restart_command(sys.executable, sys.orig_argv)) else 1
    return code


RESTART = -1  # run(): the user asked for a restart (a new language)


def restart_command(executable: str, orig_argv: list[str]) -> list[str]:
    """How this process was started, again, without a one-run ``--lang`` (the new language is in the settings)."""
    out, skip = [executable], False
    for arg in orig_argv[1:]:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("--lang="):
            out.append(arg)
    return out


def relaunch(command: list[str]) -> bool:
    """Start ``command`` on its own (it outlives this process)."""
    from PySide6.QtCore import QProcess

    started = QProcess.startDetached(command[0], command[1:])
    ok = started[0] if isinstance(started, tuple) else bool(started)
    if not ok:
        log.error("could not restart PartnerDesk: %s", command)
    return ok


def inspect_ahead(url: str):  # noqa: ANN201 - db.fileguard.Inspection | None
    """Start the deep check of a local SQLite file now, on a worker thread, so it runs while Qt loads (SQLite's
    quick_check releases the GIL; ~2 ms per MB). Opening the database takes its verdict if the file is unchanged.
    None for a server, a missing file or a URL that is not a plain path (those are checked when opened)."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or "?" in url or "%" in url:
        return None
    path = Path(url.removeprefix(prefix))
    if not path.is_file():
        return None
    from .db.fileguard import Inspection  # no SQLAlchemy, no Qt: the check starts before either is imported

    return Inspection(path)


def run(app, settings: settings_mod.Settings, url: str, inspection=None) -> int:  # noqa: ANN001
    """Open the database (with whatever conversation that needs), sign in, show the window, run."""
    launcher = make_launcher(settings)
    resume_gc()  # the conversations may take a while (and a first run may load the demo): collect meanwhile
    ws = launcher.start(None, url, inspection=inspection)
    if ws is None:
        return 1
    log.info("PartnerDesk started on %s", ws.description)
    pause_gc()
    window = show_main_window(ws, settings, launcher)  # resumes the collector once the window is shown
    code = app.exec()
    restart = window.restart_requested
    del window
    return RESTART if restart else code


def benchmark_startup(db_url: str, user: str, password: str):  # noqa: ANN201 - (window, workspace)
    """What a normal start does, with the sign-in done directly instead of through the dialog (benchmarks only).

    As :func:`main` and :func:`run`: arguments, the log file, settings, the file check, translations, the excepthook,
    the database opened with its checks and migrations, the sign-in (beside Qt loading and the hidden window's
    frame), the database remembered in the settings, the real main window shown and its start-up queued. Returns the
    window and workspace so they stay alive; the caller runs the event loop (the log handler stays attached).
    """
    qt_loading = qtpreload.start()
    pause_gc()
    try:
        args, qt_args = parse_args(["--db", db_url])
        configure_logging()
        settings = settings_mod.load()
        url = settings_mod.database_url_from(args.db)
        inspection = inspect_ahead(url)
        from .services import signin
        from .services.workspace import open_workspace

        ws = open_workspace(url, backup_dir=settings.resolved_backup_dir(), inspection=inspection)
        signing_in = SignIn(lambda: signin.login(ws, user, password))
        app = create_application(qt_args, qt_loading)
        language = args.lang or os.environ.get("PARTNERDESK_LANG") or settings.language
        from .ui.i18n import install_translators

        app._pd_translators = install_translators(app, language, paths.translations_dir())  # noqa: SLF001
        install_excepthook()
        launcher = make_launcher(settings)
        window = show_main_window(ws, settings, launcher, signing_in)
        launcher.remember(url)
        log.info("PartnerDesk started on %s", ws.description)
        return window, ws
    except BaseException:
        resume_gc()
        raise
