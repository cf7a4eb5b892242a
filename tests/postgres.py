"""A real PostgreSQL server for the tests, and the fixture that runs a test on both engines.

`.ci/run` starts a throwaway server and names it in STUDYTUI_TEST_PG_URL (a URL of a role that
may create databases). Each test gets a database of its own, created before and dropped after.
Without the variable the PostgreSQL tests are skipped, with a message saying how to run them
(`bash .ci/postgres -- .venv/bin/pytest`); in CI (the CI variable is set) they fail instead:
there they must run.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

from studytui.db.engine import Database
from studytui.db.location import Location, ServerUrl

PG_URL_ENV = "STUDYTUI_TEST_PG_URL"
ENGINES = ("sqlite", "postgresql")
# Recorded on every test that used the server, so the summary can count them (also from
# xdist workers, which send their reports' user_properties to the controller).
PG_PROPERTY = ("engine", "postgresql")
HOW_TO_RUN = f"set {PG_URL_ENV}, or run them with `bash .ci/postgres -- .venv/bin/pytest`"


def admin_url() -> str | None:
    return os.environ.get(PG_URL_ENV) or None


def with_dbname(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


@pytest.fixture(scope="session")
def pg_admin() -> Iterator[Any]:
    """An autocommit connection to the test server, for creating and dropping databases."""
    url = admin_url()
    if url is None:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the PostgreSQL tests, but {PG_URL_ENV} is not set")
        pytest.skip(f"needs a PostgreSQL server: {HOW_TO_RUN}")
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        yield conn


def _create_database(admin: Any, name: str) -> None:
    # FILE_COPY of an empty template: a few milliseconds on a cluster without fsync.
    try:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 STRATEGY FILE_COPY')
    except Exception as exc:  # servers before 15 have no STRATEGY; any other error re-raises
        if "strategy" not in str(exc).lower():
            raise
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')


@pytest.fixture
def pg_database(pg_admin: Any, request: pytest.FixtureRequest) -> Iterator[ServerUrl]:
    """A new, empty database on the test server, dropped after the test."""
    name = f"studytui_test_{uuid.uuid4().hex[:16]}"
    _create_database(pg_admin, name)
    request.node.user_properties.append(PG_PROPERTY)
    try:
        yield ServerUrl(with_dbname(admin_url() or "", name))
    finally:
        pg_admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=ENGINES)
def location(request: pytest.FixtureRequest, tmp_path: Path) -> Location:
    """Where the test's database lives: a file in tmp_path, or a new database on the server."""
    if request.param == "sqlite":
        return tmp_path / "studytui.db"
    return request.getfixturevalue("pg_database")


class _PgCounter:
    """Counts the tests that passed against the server, for the line CI's log shows."""

    def __init__(self) -> None:
        self.passed = 0

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when == "call" and report.passed and PG_PROPERTY in report.user_properties:
            self.passed += 1

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        server = "the test server" if admin_url() else f"no server ({HOW_TO_RUN})"
        terminalreporter.write_line(f"PostgreSQL: {self.passed} tests passed against {server}")


def pytest_configure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput"):  # in xdist, the controller sees every report
        config.pluginmanager.register(_PgCounter(), "studytui-postgresql-counter")


@contextmanager
def plain_sql(db: Database) -> Iterator[sqlite3.Connection]:
    """Plain SQL on either engine, to check what a test wrote: sqlite3's connection, or the
    server's through the same adapter the reads use (rows come back alike)."""
    from studytui.db.engine import reading
    from studytui.db.reads import sql_connection

    with reading(db) as session:
        yield sql_connection(session)


# For a test about the file itself (its copies, its bytes, the quick sqlite3 roads).
SQLITE_ONLY = pytest.mark.parametrize("location", ["sqlite"], indirect=True)


@contextmanager
def stored_sql(*, write: bool = False) -> Iterator[sqlite3.Connection]:
    """Plain SQL on the database the commands use (STUDYTUI_DB: a file or a server database),
    in one transaction, committed at the end when `write`; for checking what a command did."""
    from studytui.db.engine import reading, writing
    from studytui.db.reads import sql_connection
    from studytui.db.schema import open_database
    from studytui.paths import resolve_location

    db = open_database(resolve_location())
    try:
        with (writing if write else reading)(db) as session:
            yield sql_connection(session)
    finally:
        db.dispose()
