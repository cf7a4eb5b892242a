"""Opening the database: one engine per database, the pragmas every SQLite connection needs,
and the one pattern every write goes through.

A database is an SQLite file (the default) or a database on a PostgreSQL server
(`db.location`, see `db.location`); the server's engine lives in `db.server`, imported only
for a server URL.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, create_engine

from studytui.db.errors import (
    MISSING_FOLDER_ADVICE,
    DataDirError,
    NotADatabaseError,
    SqliteOnlyError,
    StoreError,
    os_error_detail,
    sqlite_failure,
)
from studytui.db.location import Location, ServerUrl
from studytui.db.reads import busy_timeout_ms

SQLITE_HEADER = b"SQLite format 3\x00"


class WritesInProgress:
    """Counts the `writing` blocks running in any thread.

    The app quits without waiting for its loading threads (they only read), but it must not
    cut a write short: it waits here for the writes, and only them, to finish.
    """

    def __init__(self) -> None:
        self._idle = threading.Condition()
        self._count = 0

    def __enter__(self) -> None:
        with self._idle:
            self._count += 1

    def __exit__(self, *_exc: object) -> None:
        with self._idle:
            self._count -= 1
            self._idle.notify_all()

    def wait_idle(self, timeout: float) -> bool:
        """True once no write is running; False if one still is after `timeout` seconds."""
        with self._idle:
            return self._idle.wait_for(lambda: self._count == 0, timeout)


@dataclass(frozen=True)
class Database:
    """An opened studytui database. Pass it in; there are no module-level engines."""

    location: Location  # a Path for SQLite, a ServerUrl for PostgreSQL
    engine: Engine
    # Same pool; its transactions exclude other writers from the start: BEGIN IMMEDIATE on
    # SQLite, the write lock on PostgreSQL (see `db.server`).
    write_engine: Engine
    writes: WritesInProgress = field(default_factory=WritesInProgress, compare=False, repr=False)

    @property
    def on_server(self) -> bool:
        return isinstance(self.location, ServerUrl)

    @property
    def path(self) -> Path:
        """The SQLite file. A server database has none: the file-only features (copies of the
        file, its integrity check) get a message saying so instead of a path."""
        if isinstance(self.location, ServerUrl):
            raise SqliteOnlyError(
                self.location, "this", "a server database is backed up with pg_dump"
            )
        return self.location

    def dispose(self) -> None:
        self.engine.dispose()


def _install_sqlite_pragmas(engine: Engine) -> None:
    timeout = busy_timeout_ms()

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN itself, so writes can take the write lock
        # up front (BEGIN IMMEDIATE): a deferred transaction that upgrades to a writer fails at
        # once with "database is locked" instead of waiting out the busy timeout.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {timeout}")
        # No journal_mode here: it writes the file, and a file is only changed once
        # `open_database` has read that it is ours (see `use_wal`).
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def check_file(path: Path) -> None:
    """Refuse a file that is not SQLite before SQLAlchemy touches (and maybe writes) it."""
    if path.is_dir():
        raise NotADatabaseError(path, "it is a directory")
    if not path.exists():
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DataDirError(path, os_error_detail(exc)) from exc
    if header and header != SQLITE_HEADER:
        raise NotADatabaseError(path, "not an SQLite file")


def ensure_parent(path: Path) -> None:
    """Create the platform's data folder on first use; a folder named with --db or
    STUDYTUI_DB must exist already, so that a mistyped path is not silently a new database."""
    folder = path.parent
    if folder.is_dir():
        return
    from studytui.db.file_copy import make_private_folder
    from studytui.paths import default_data_dir

    if folder != default_data_dir():
        raise DataDirError(folder, "the folder does not exist", MISSING_FOLDER_ADVICE)
    make_private_folder(folder)


def create_if_missing(path: Path) -> None:
    """Create an empty, private database file (0600) for SQLite to fill: SQLite would create
    it readable by everyone under the usual umask, and gives its journals the file's mode."""
    from studytui.db.file_copy import create_private_file

    try:
        create_private_file(path)
    except FileExistsError:
        return  # another process created it meanwhile
    except OSError as exc:
        raise DataDirError(path, os_error_detail(exc)) from exc


def use_wal(db: Database) -> None:
    """Switch the file to write-ahead logging (a lasting setting kept in the file), so that
    readers never wait for a writer. Called only once the file is known to be ours."""
    raw = db.engine.raw_connection()
    try:
        raw.driver_connection.execute("PRAGMA journal_mode = WAL")  # type: ignore[union-attr]
    except sqlite3.Error as exc:
        raise sqlite_failure(db.path, str(exc)) from exc
    finally:
        raw.close()


def make_engines(location: Location) -> Database:
    """Engines for the database at `location`; nothing is connected yet."""
    if isinstance(location, ServerUrl):
        from studytui.db.server import make_server_engines

        return Database(location, *make_server_engines(location))
    engine = create_engine(f"sqlite:///{location}")
    _install_sqlite_pragmas(engine)
    return Database(location, engine, engine.execution_options(sqlite_begin="IMMEDIATE"))


def translate(location: Location, exc: Exception) -> StoreError:
    """Turn a driver error, wrapped by SQLAlchemy or raised by the plain-SQL reads on the
    driver's own connection, into a message for the user."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    text = str(orig) if orig is not None else str(exc)
    if isinstance(location, ServerUrl):
        from studytui.db.server import server_failure

        return server_failure(location, orig, text)
    return sqlite_failure(location, text)


def _driver_error(db: Database) -> type[Exception]:
    """The DB-API's base error of the engine's driver (sqlite3's or psycopg's)."""
    error: type[Exception] = db.engine.dialect.loaded_dbapi.Error
    return error


@contextmanager
def writing(db: Database) -> Iterator[Session]:
    """One write, one transaction: commits when the block ends, rolls back on any error.

    The session is closed afterwards, so a failed write can never be committed by a later one.
    """
    try:
        with (
            db.writes,
            Session(db.write_engine, expire_on_commit=False) as session,
            session.begin(),
        ):
            yield session
    except DBAPIError as exc:
        raise translate(db.location, exc) from exc
    except _driver_error(db) as exc:  # from the plain-SQL reads (see `db.reads`)
        raise translate(db.location, exc) from exc


@contextmanager
def reading(db: Database) -> Iterator[Session]:
    try:
        with Session(db.engine, expire_on_commit=False) as session:
            yield session
    except DBAPIError as exc:
        raise translate(db.location, exc) from exc
    except _driver_error(db) as exc:
        raise translate(db.location, exc) from exc
