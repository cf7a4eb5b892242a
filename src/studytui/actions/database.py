"""Opening the database for a front end, and keeping today's rolling backup.

`Database`, the handle every action takes, is defined in `db.engine`; front ends name it from
here. SQLAlchemy is imported only by the functions that open a database.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from studytui.db.errors import StoreError
from studytui.db.file_copy import daily_backup_due, tidy_leftovers

if TYPE_CHECKING:  # `status` checks the daily backup without loading SQLAlchemy
    from studytui.db.engine import Database


def open_database(path: Path) -> Database:
    """Open (creating if needed) at the current schema; a StoreError says what is wrong."""
    from studytui.db.schema import open_database as open_at_head

    return open_at_head(path)


def open_checked(path: Path) -> Database:
    """The app's open: the schema as above, and the whole file checked for damage first."""
    from studytui.db.backups import check_integrity

    db = open_database(path)
    try:
        check_integrity(db)
    except StoreError:
        db.dispose()
        raise
    return db


def keep_daily_backup(path: Path, *, now: datetime) -> str | None:
    """Make today's rolling copy if there is none yet (one stat when there is). A failure is
    returned as a warning, not raised: the data itself is fine. What a killed copy left behind
    is removed first (one listing of the backup folder)."""
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


def schema_revision(path: Path) -> str | None:
    """The schema revision of the database at `path` (opened, so upgraded if it was older);
    None when there is no database there yet."""
    if not path.exists():
        return None
    from studytui.db.engine import reading
    from studytui.db.schema import stored_revision

    db = open_database(path)
    try:
        with reading(db) as session:
            return stored_revision(session.connection())
    finally:
        db.dispose()
