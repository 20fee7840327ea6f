"""What a database URL names, without importing SQLAlchemy for the everyday case (start-up opens a local file
through the standard library's sqlite3 and leaves SQLAlchemy for later, see :mod:`.plain`).

``sqlite:///relative.db`` and ``sqlite:////absolute/path.db`` are read here as SQLAlchemy reads them; a URL with a
query string or %-escapes, and every server URL, is parsed by SQLAlchemy's own ``make_url``.
"""

from __future__ import annotations

from pathlib import Path

_SQLITE_FILE = "sqlite:///"


def backend(url: str) -> str:
    """'sqlite', 'postgresql', …: the scheme without its driver (``postgresql+psycopg`` -> ``postgresql``)."""
    scheme = url.split(":", 1)[0] if ":" in url else url
    return scheme.split("+", 1)[0].strip()


def is_sqlite(url: str) -> bool:
    return backend(url) == "sqlite"


def _plain_file(url: str) -> str | None:
    """The database part of a plain ``sqlite:///…`` URL, or None when SQLAlchemy must read the URL."""
    if not url.startswith(_SQLITE_FILE) or "?" in url or "%" in url:
        return None
    return url.removeprefix(_SQLITE_FILE)


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL; None for a server, for ``sqlite://`` and for ``:memory:``."""
    if not is_sqlite(url):
        return None
    database = _plain_file(url)
    if database is None:
        if url.rstrip("/") == "sqlite:":
            return None
        from sqlalchemy.engine import make_url

        database = make_url(url).database
    if not database or database == ":memory:":
        return None
    return Path(database)


def describe(url: str) -> str:
    """A human-readable, password-free description of the database."""
    if is_sqlite(url):
        database = _plain_file(url)
        if database is not None:
            return database
    from sqlalchemy.engine import make_url

    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        return str(u.database)
    return u.render_as_string(hide_password=True)
