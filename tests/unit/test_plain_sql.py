"""The pieces of the plain-SQL start path that need no database: URLs read without SQLAlchemy (as SQLAlchemy reads
them), dates and times stored as SQLAlchemy stores them, IN lists, and sqlite3's own errors as domain errors."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Date, DateTime
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import make_url

from partnerdesk.db import url as db_url
from partnerdesk.db.plain import as_date, as_datetime, in_list, sqlite_value
from partnerdesk.db.work import translate_db_error

URLS = ["sqlite:///pd.sqlite3", "sqlite:////srv/share/社区/pd.sqlite3", "sqlite:///C:\\Users\\li\\pd.sqlite3",
        "sqlite:///relative/dir/pd.db", "sqlite://", "sqlite:///:memory:", "sqlite:///a%20b.db",
        "sqlite:///pd.db?mode=ro", "postgresql+psycopg://clerk:secret@127.0.0.1:5432/office",
        "postgresql://db.example/pd", "SQLite:///upper.db"]


def _sqlalchemy_path(url: str) -> Path | None:
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


@pytest.mark.parametrize("url", URLS)
def test_urls_read_as_sqlalchemy_reads_them(url: str) -> None:
    assert db_url.is_sqlite(url) == (make_url(url).get_backend_name() == "sqlite")
    assert db_url.sqlite_path(url) == _sqlalchemy_path(url)
    assert "secret" not in db_url.describe(url)


@given(st.text(alphabet=st.characters(blacklist_characters="?%\x00", blacklist_categories=("Cs",)), min_size=1))
def test_any_plain_file_url_reads_as_sqlalchemy_reads_it(name: str) -> None:
    url = f"sqlite:///{name}"
    assert db_url.sqlite_path(url) == _sqlalchemy_path(url)


@given(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1)))
def test_times_are_stored_as_sqlalchemy_stores_them_and_read_back(moment: datetime) -> None:
    dialect = sqlite_dialect.dialect()
    stored_as = DateTime().dialect_impl(dialect)
    stored = stored_as.bind_processor(dialect)(moment)
    assert sqlite_value(moment) == stored
    assert as_datetime(stored) == moment == stored_as.result_processor(dialect, None)(stored)
    assert as_datetime(moment) is moment and as_datetime(None) is None


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 1, 1)))
def test_dates_are_stored_as_sqlalchemy_stores_them_and_read_back(day: date) -> None:
    dialect = sqlite_dialect.dialect()
    stored = Date().dialect_impl(dialect).bind_processor(dialect)(day)
    assert sqlite_value(day) == stored and as_date(stored) == day
    assert as_date(day) is day and as_date(None) is None
    assert sqlite_value(7) == 7 and sqlite_value("x") == "x"


def test_in_lists_bind_one_parameter_per_value() -> None:
    sql, params = in_list("id", [3, 1, 2])
    assert sql == "IN (:id_0, :id_1, :id_2)" and params == {"id_0": 3, "id_1": 1, "id_2": 2}
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (id INTEGER)")
    conn.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(5)])
    assert conn.execute(f"SELECT id FROM t WHERE id {sql} ORDER BY id", params).fetchall() == [(1,), (2,), (3,)]
    empty, none = in_list("id", [])
    assert conn.execute(f"SELECT count(*) FROM t WHERE id {empty}", none).fetchone() == (0,)


def test_sqlite3_errors_become_the_same_domain_errors_as_sqlalchemy_ones() -> None:
    from sqlalchemy.exc import IntegrityError, OperationalError

    cases = [(sqlite3.OperationalError("database is locked"), "db.busy"),
             (sqlite3.OperationalError("attempt to write a readonly database"), "db.read_only"),
             (sqlite3.OperationalError("database or disk is full"), "db.disk_full"),
             (sqlite3.OperationalError("disk I/O error"), "db.io_error"),
             (sqlite3.IntegrityError("UNIQUE constraint failed: app_meta.key"), "record.duplicate"),
             (sqlite3.IntegrityError("FOREIGN KEY constraint failed"), "record.referenced")]
    for raw, code in cases:
        wrapped_cls = OperationalError if isinstance(raw, sqlite3.OperationalError) else IntegrityError
        assert translate_db_error(raw).code == code
        assert translate_db_error(wrapped_cls("SQL", {}, raw)).code == code
    assert translate_db_error(sqlite3.OperationalError("no such table: x")) is None
    assert translate_db_error(ValueError("not a database error")) is None
