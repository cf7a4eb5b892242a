"""Backups a user can count on: rolling daily copies, copies on demand, and restoring one.

Daily copies are named `daily-YYYY-MM-DD.db` in the backup folder beside the database. The
last 7 days are kept, and for each of the last 4 weeks its newest copy, so one bad day (a
damaged file copied over and over) can never take every good copy with it: a copy is only kept
when it passes SQLite's integrity check. Checking whether today's copy exists is one `stat`,
cheap enough for every command.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from studytui.db.backup import (
    DAILY_PREFIX,
    RESTORING,
    copy_database,
    copying_into,
    create_private_file,
    daily_backup_due,
    daily_backup_path,
    file_mode,
    make_private_folder,
    tidy_leftovers,
    timestamped_name,
)
from studytui.db.engine import SQLITE_HEADER, Database, ensure_parent, translate
from studytui.db.errors import (
    DataDirError,
    NewerSchemaError,
    NotADatabaseError,
    StoreError,
    os_error_detail,
    sqlite_failure,
)
from studytui.paths import backup_dir

KEEP_DAILY = 7
KEEP_WEEKLY = 4


# --- checking a database file ------------------------------------------------------------------


def integrity_problem(rows: list[tuple[str]]) -> str | None:
    """The first complaint of `PRAGMA integrity_check`, or None when it says ok."""
    if [tuple(r) for r in rows] == [("ok",)]:
        return None
    return str(rows[0][0]) if rows else "no answer"


def check_integrity(db: Database) -> None:
    """Run SQLite's integrity check on an open database; raise NotADatabaseError if damaged.

    A server database is the server's to check (and PostgreSQL has no such command).
    """
    if db.on_server:
        return
    try:
        with db.engine.connect() as conn:
            rows = [tuple(r) for r in conn.exec_driver_sql("PRAGMA integrity_check")]
    except DBAPIError as exc:  # damage bad enough that the check itself cannot run
        raise translate(db.path, exc) from exc
    problem = integrity_problem(rows)  # type: ignore[arg-type]
    if problem is not None:
        raise NotADatabaseError(db.path, f"integrity check failed: {problem}")


def verify_database(path: Path) -> str:
    """Check that `path` is a sound studytui database without changing it; returns its
    schema revision. Raises NotADatabaseError or NewerSchemaError."""
    from studytui.db.schema import REVISIONS

    if not path.exists():
        raise StoreError(f"{path} does not exist; check the name")
    if not path.is_file():
        raise NotADatabaseError(path, "it is not a regular file")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DataDirError(path, os_error_detail(exc)) from exc
    if header != SQLITE_HEADER:
        raise NotADatabaseError(path, "not an SQLite file")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            problem = integrity_problem(conn.execute("PRAGMA integrity_check").fetchall())
            has_version = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE name = 'alembic_version'"
            ).fetchone()[0]
            revision = (
                conn.execute("SELECT version_num FROM alembic_version").fetchone()
                if has_version
                else None
            )
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise sqlite_failure(path, str(exc)) from exc
    if problem is not None:
        raise NotADatabaseError(path, f"integrity check failed: {problem}")
    if revision is None:
        raise NotADatabaseError(path, "it holds no studytui schema version")
    if revision[0] not in REVISIONS:
        raise NewerSchemaError(path, str(revision[0]))
    return str(revision[0])


# --- copies --------------------------------------------------------------------------------------


def free_name(folder: Path, name: str) -> Path:
    """`folder/name`, or `name-2`, `name-3`... so that a copy never replaces another one."""
    candidate = folder / name
    stem, suffix = candidate.stem, candidate.suffix
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{n}{suffix}"
        n += 1
    return candidate


def _self_contained(path: Path) -> None:
    """Turn a fresh copy out of write-ahead-log mode, so that it is one file that can be moved
    or mailed on its own; opening it would otherwise leave -wal and -shm files beside it."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()


def _checked_copy(source: Path, dest: Path) -> Path:
    copy_database(source, dest)
    try:
        _self_contained(dest)
        verify_database(dest)
    except (StoreError, sqlite3.DatabaseError):
        dest.unlink(missing_ok=True)
        raise NotADatabaseError(source, "its copy failed the integrity check") from None
    return dest


def make_backup(db_path: Path, folder: Path | None = None, *, now: datetime) -> Path:
    """Copy the database (checked first, and the copy checked after) into `folder`."""
    verify_database(db_path)
    if folder is not None and not folder.is_dir():
        # Like --db: a mistyped folder is not silently created.
        if folder.exists():
            raise DataDirError(folder, "it is a file, not a folder", "name a folder for the copy")
        raise DataDirError(folder, "the folder does not exist", "create it first, or name one")
    tidy_leftovers(db_path)
    target = folder if folder is not None else backup_dir(db_path)
    return _checked_copy(db_path, free_name(target, timestamped_name("studytui", now)))


def rolling_backup(db_path: Path, *, today: date) -> Path | None:
    """Make today's daily copy if there is none yet, then drop the copies no longer kept."""
    if not daily_backup_due(db_path, today):
        return None
    tidy_leftovers(db_path)
    made = _checked_copy(db_path, daily_backup_path(db_path, today))
    prune_daily_backups(backup_dir(db_path))
    return made


def days_to_keep(days: list[date]) -> set[date]:
    """The last KEEP_DAILY days, and the newest day of each of the last KEEP_WEEKLY weeks."""
    newest_first = sorted(set(days), reverse=True)
    keep = set(newest_first[:KEEP_DAILY])
    weeks: dict[tuple[int, int], date] = {}
    for day in newest_first:
        week = day.isocalendar()[:2]
        if week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks[week] = day
    return keep | set(weeks.values())


def prune_daily_backups(folder: Path) -> list[Path]:
    dated: dict[date, Path] = {}
    for path in folder.glob(f"{DAILY_PREFIX}*.db"):
        try:
            dated[date.fromisoformat(path.stem.removeprefix(DAILY_PREFIX))] = path
        except ValueError:
            continue  # not one of ours (renamed by the user): leave it alone
    keep = days_to_keep(list(dated))
    removed = []
    for day, path in sorted(dated.items()):
        if day not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


# --- restoring -----------------------------------------------------------------------------------


def _keep_current(database: Path, folder: Path, now: datetime) -> Path | None:
    """Put the database about to be replaced in the backup folder, damaged or not."""
    if not database.exists():
        return None
    try:
        return copy_database(database, free_name(folder, timestamped_name("before-restore", now)))
    except NotADatabaseError:
        # A damaged file cannot go through SQLite: keep its bytes exactly as they are.
        return _keep_bytes(
            database, free_name(folder, timestamped_name("before-restore-damaged", now))
        )


def _keep_bytes(db_path: Path, dest: Path) -> Path:
    mode = file_mode(db_path)
    make_private_folder(dest.parent)
    wal = db_path.with_name(db_path.name + "-wal")
    try:
        for source, copy in ((db_path, dest), (wal, dest.with_name(dest.name + "-wal"))):
            if source.exists():
                create_private_file(copy, mode)
                shutil.copyfile(source, copy)
    except OSError as exc:
        raise DataDirError(dest, os_error_detail(exc)) from exc
    return dest


def _checkpoint(db_path: Path) -> None:
    """Fold the write-ahead log into the file and close it, so that no log of the old database
    is left beside the new one (SQLite would replay it into the wrong file)."""
    with contextlib.suppress(sqlite3.DatabaseError):  # damaged: its bytes are kept already
        conn = sqlite3.connect(db_path)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    for suffix in ("-wal", "-shm"):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)


def restore_database(db_path: Path, source: Path, *, now: datetime) -> Path | None:
    """Replace the database with `source` after checking it; the current database is kept in
    the backup folder first (its path is returned). Close the app before restoring.

    A database reached through a symlink is restored where the link points (the link stays),
    and the restored file keeps the permissions the database had.
    """
    try:
        verify_database(source)
    except NotADatabaseError as exc:
        if exc.path != source:
            raise
        raise NotADatabaseError(
            source, exc.detail, "pick a copy made by `studytui backup` or from the backup folder"
        ) from exc
    if source.resolve() == db_path.resolve():
        raise StoreError(f"{source} is the database itself; pick a backup to restore")
    target = Path(os.path.realpath(db_path))
    ensure_parent(target)
    tidy_leftovers(db_path)
    mode = file_mode(target)
    # Staged beside the database so the final rename is atomic (same file system).
    staged = target.with_name(f".{target.name}{RESTORING}")
    with copying_into(target.parent):
        try:
            _checked_copy(source, staged)
            os.chmod(staged, mode)
            kept = _keep_current(target, backup_dir(db_path), now)
            if target.exists():
                _checkpoint(target)
            os.replace(staged, target)
        except OSError as exc:
            raise DataDirError(target, os_error_detail(exc)) from exc
        finally:
            staged.unlink(missing_ok=True)
    return kept
