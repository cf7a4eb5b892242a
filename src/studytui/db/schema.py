"""Opening a database (a file, or a database on a PostgreSQL server) at the current schema.

The stored Alembic revision is read first with a plain query: when it is current, which is
every day but upgrade day, Alembic is never imported and opening stays fast.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import Column, Connection, MetaData, String, Table, inspect, select
from sqlalchemy.exc import DBAPIError
from sqlmodel import SQLModel

from studytui.clock import now_utc
from studytui.db import models  # noqa: F401  (registers every table on SQLModel.metadata)
from studytui.db.engine import (
    Database,
    check_file,
    create_if_missing,
    ensure_parent,
    make_engines,
    translate,
    use_wal,
)
from studytui.db.errors import NewerSchemaError, NotADatabaseError, StoreError
from studytui.db.file_copy import copy_database, timestamped_name
from studytui.db.location import Location, ServerUrl
from studytui.db.revisions import HEAD, REVISIONS
from studytui.paths import backup_dir

# The same shape as the table Alembic itself keeps, so Alembic takes over from a fresh database.
_version_table = Table(
    "alembic_version",
    MetaData(),
    Column("version_num", String(32), primary_key=True, nullable=False),
)


def stored_revision(conn: Connection) -> str | None:
    """The schema revision stored in the file, or None when it has no version table.

    The table is read directly: building an inspector to ask first costs more than the rest
    of `studytui log`. The inspector is only consulted when the read fails, to tell a missing
    table (a new or foreign file) from a real error. The savepoint keeps a failed read from
    spoiling the surrounding transaction on databases that abort it (PostgreSQL).
    """
    try:
        with conn.begin_nested():
            return conn.execute(select(_version_table.c.version_num)).scalar_one_or_none()
    except DBAPIError:
        if inspect(conn).has_table("alembic_version"):
            raise
        return None


# A server database is not restored from a file, so the usual advice does not apply.
SERVER_FOREIGN_ADVICE = "give studytui a database of its own (an empty one is set up on first use)"


def open_database(location: Location) -> Database:
    """Open (creating if needed) the database at `location`, upgraded to the current schema.

    Raises a StoreError subclass with a user-facing message for every foreseeable problem.
    """
    if isinstance(location, Path):
        check_file(location)
        ensure_parent(location)
        create_if_missing(location)
    # Nothing below writes to a file until its schema version has been read: a foreign file
    # or one from a newer studytui is refused exactly as it was found.
    db = make_engines(location)
    try:
        with db.engine.connect() as conn:
            revision = stored_revision(conn)
            # Only a file without a version needs the (slower) list of its tables.
            has_tables = revision is None and bool(inspect(conn).get_table_names())
        if revision is None:
            if has_tables:
                raise _foreign(location)
            _create_fresh(db)
        elif revision != HEAD and revision in REVISIONS:
            _upgrade(db, revision)
        elif revision != HEAD:
            raise NewerSchemaError(location, revision)
        if not db.on_server:
            use_wal(db)
        _update_content(db, backed_up=revision not in (None, HEAD))
    except DBAPIError as exc:
        db.dispose()
        raise translate(location, exc) from exc
    except StoreError:
        db.dispose()
        raise
    return db


def _foreign(location: Location) -> NotADatabaseError:
    detail = "it holds tables but no studytui schema version"
    if isinstance(location, ServerUrl):
        return NotADatabaseError(location, detail, SERVER_FOREIGN_ADVICE)
    return NotADatabaseError(location, detail)


def _create_fresh(db: Database) -> None:
    # Creating from the models is equivalent to running every revision (a test compares the two)
    # and avoids importing Alembic on a user's very first run.
    with db.write_engine.begin() as conn:
        # Another process may have created it while this one waited to write.
        if stored_revision(conn) is not None:
            return
        SQLModel.metadata.create_all(conn)
        _version_table.create(conn)
        conn.execute(_version_table.insert().values(version_num=HEAD))


def _upgrade(db: Database, from_revision: str) -> None:
    # A file is copied first. A server's migration needs no copy: PostgreSQL changes its
    # schema inside the transaction, so a failed upgrade leaves the database as it was.
    if isinstance(db.location, Path):
        copy_database(
            db.location,
            backup_dir(db.location)
            / timestamped_name(f"before-upgrade-{from_revision}", datetime.now()),
        )
    run_alembic_upgrade(db, HEAD)


def _update_content(db: Database, *, backed_up: bool) -> None:
    """Bring a roadmap built from an older release's content up to this one's, after the usual
    copy (the schema upgrade's, when there was one). One read answers the usual case."""
    from studytui.db.content_sync import bring_up_to_date, is_current
    from studytui.db.engine import reading, writing

    with reading(db) as session:
        if is_current(session):
            return
    if isinstance(db.location, Path) and not backed_up:
        copy_database(
            db.location,
            backup_dir(db.location) / timestamped_name("before-content-update", datetime.now()),
        )
    with writing(db) as session:
        bring_up_to_date(session, now=now_utc())  # checks again: another process may have


def run_alembic_upgrade(db: Database, target: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "studytui.db:migrations")
    with db.write_engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, target)
