"""Opening the database for a front end, and keeping today's rolling backup.

`Database`, the handle every action takes, is defined in `db.engine`; front ends name it from
here. SQLAlchemy is imported only by the functions that open a database. A database is at a
`Location`: an SQLite file, or a database on a PostgreSQL server, whose backups are the
server's (the daily copy and the file check apply to files only).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from studytui.db.errors import StoreError
from studytui.db.file_copy import daily_backup_due, tidy_leftovers
from studytui.db.location import Location

__all__ = ["Database", "Location"]  # the front ends name a database's place from here

if TYPE_CHECKING:  # `status` checks the daily backup without loading SQLAlchemy
    from studytui.db.engine import Database


def open_database(location: Location) -> Database:
    """Open (creating if needed) at the current schema; a StoreError says what is wrong."""
    from studytui.db.schema import open_database as open_at_head

    return open_at_head(location)


def open_checked(location: Location) -> Database:
    """The app's open: the schema as above, and a whole file checked for damage first."""
    from studytui.db.backups import check_integrity

    db = open_database(location)
    try:
        check_integrity(db)
    except StoreError:
        db.dispose()
        raise
    return db


def keep_daily_backup(path: Location, *, now: datetime) -> str | None:
    """Make today's rolling copy if there is none yet (one stat when there is). A failure is
    returned as a warning, not raised: the data itself is fine. What a killed copy left behind
    is removed first (one listing of the backup folder). A server database keeps its own
    backups (pg_dump), so nothing is done for one."""
    if not isinstance(path, Path):
        return None
    tidy_leftovers(path)
    today = now.date()
    if not daily_backup_due(path, today):
        return None
    from studytui.db.backups import rolling_backup

    try:
        rolling_backup(path, today=today)
    except StoreError as exc:
        return f"the daily backup failed: {exc}"
    return None


def schema_revision(location: Location) -> str | None:
    """The schema revision of the database at `location` (opened, so upgraded if it was
    older); None when there is no database there yet (no file, or a server database that
    studytui has not set up)."""
    if isinstance(location, Path) and not location.exists():
        return None
    from studytui.db.engine import reading
    from studytui.db.schema import stored_revision

    if not isinstance(location, Path):
        return server_revision(location)
    db = open_database(location)
    try:
        with reading(db) as session:
            return stored_revision(session.connection())
    finally:
        db.dispose()


def server_revision(location: Location) -> str | None:
    """The revision a server database holds, read without setting it up or upgrading it."""
    from sqlalchemy.exc import DBAPIError

    from studytui.db.engine import make_engines, translate
    from studytui.db.schema import stored_revision

    db = make_engines(location)
    try:
        with db.engine.connect() as conn:
            return stored_revision(conn)
    except DBAPIError as exc:
        raise translate(location, exc) from exc
    finally:
        db.dispose()
