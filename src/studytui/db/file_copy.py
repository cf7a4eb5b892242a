"""Copies of the live database, taken with SQLite's online backup API (safe while in use)."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import date, datetime
from pathlib import Path

from studytui.db.errors import (
    DataDirError,
    WriteFailedError,
    os_error_detail,
    sqlite_error_detail,
    sqlite_failure,
)
from studytui.paths import backup_dir

DAILY_PREFIX = "daily-"


def copy_database(source: Path, dest: Path) -> Path:
    """Copy `source` to `dest` consistently, even while another process writes to it."""
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataDirError(dest.parent, os_error_detail(exc)) from exc
    partial = dest.with_name(dest.name + ".partial")
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            out = sqlite3.connect(partial)
            try:
                src.backup(out)
            finally:
                out.close()
        finally:
            src.close()
        # Only a complete copy gets the real name: a crash mid-copy leaves a .partial behind.
        partial.replace(dest)
    except sqlite3.DatabaseError as exc:
        _discard(partial)
        # The source is the only file opened read-only: a read-only complaint is about it.
        text = str(exc).lower()
        if "not a database" in text or "malformed" in text or "readonly" in text:
            raise sqlite_failure(source, str(exc)) from exc
        raise WriteFailedError(dest, sqlite_error_detail(str(exc))) from exc
    except OSError as exc:
        _discard(partial)
        raise WriteFailedError(dest, os_error_detail(exc)) from exc
    return dest


def _discard(partial: Path) -> None:
    # Removing the half-written copy can fail for the reason the copy did (a full or vanished
    # disk); the first error is the one worth reporting, so a second one is not raised.
    with contextlib.suppress(OSError):
        partial.unlink(missing_ok=True)


def timestamped_name(prefix: str, now: datetime) -> str:
    return f"{prefix}-{now.strftime('%Y%m%d-%H%M%S')}.db"


def daily_backup_path(db_path: Path, today: date) -> Path:
    return backup_dir(db_path) / f"{DAILY_PREFIX}{today.isoformat()}.db"


def daily_backup_due(db_path: Path, today: date) -> bool:
    """True when there is a database and no copy of it from today yet (two stats)."""
    return db_path.is_file() and not daily_backup_path(db_path, today).exists()
