"""Writing a log entry with plain `sqlite3`, for the quick `studytui log`: the most frequent
command then answers without loading SQLAlchemy and SQLModel, which is most of its time.

Only the insert is written here; what is inserted, and every check before it, is shared with
the ORM path (`db.choices`, `db.entry_checks`, `domain`), and a test proves both write the same
row for the same input. Anything unusual (a new, older, unset or server database) returns
None, and the full road takes over.
"""

from __future__ import annotations

import sqlite3
import uuid
from datetime import UTC, datetime
from pathlib import Path

from studytui.db.constants import TEMPLATE_SETTING
from studytui.db.errors import sqlite_failure
from studytui.db.location import Location
from studytui.db.reads import busy_timeout_ms
from studytui.db.revisions import HEAD
from studytui.domain.entries import EntryDraft

# How SQLAlchemy stores a DateTime in SQLite, so both roads write the same text.
_SQLITE_DATETIME = "%Y-%m-%d %H:%M:%S.%f"


def open_quick_writer(path: Location) -> sqlite3.Connection | None:
    """A connection inside a write transaction (BEGIN IMMEDIATE, as every write takes) on a
    set-up database at the current schema, in WAL mode; else None. The caller commits or
    rolls back, and closes it."""
    if not isinstance(path, Path) or not path.is_file():  # a server URL; or it would create it
        return None
    try:
        conn = sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
        if conn.execute("PRAGMA journal_mode").fetchone() != ("wal",):
            conn.close()  # a file the full road has not opened yet: it says what it is
            return None
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        conn.close()
        raise sqlite_failure(path, str(exc)) from exc
    try:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        seeded = conn.execute("SELECT 1 FROM setting WHERE key = ?", (TEMPLATE_SETTING,))
        ready = revision == (HEAD,) and seeded.fetchone() is not None
    except sqlite3.Error:
        ready = False
    if not ready:
        conn.execute("ROLLBACK")
        conn.close()
        return None
    return conn


def insert_entry(conn: sqlite3.Connection, draft: EntryDraft, note: str) -> str:
    """Insert a checked entry (see `db.entry_checks`); returns its new id."""
    entry_id = uuid.uuid4().hex
    conn.execute(
        "INSERT INTO log_entry (id, day, minutes, area_id, milestone_id, certificate_id,"
        " activity_id, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            entry_id,
            draft.day.isoformat(),
            draft.minutes,
            draft.area_id,
            draft.milestone_id,
            draft.certificate_id,
            draft.activity_id,
            note,
            datetime.now(UTC).strftime(_SQLITE_DATETIME),
        ),
    )
    return entry_id
