"""Copies of the live database, taken with SQLite's online backup API (safe while in use),
and the tidying of what a copy cut short leaves behind.

A copy is written under a `.partial` name and renamed when complete, so a killed run leaves
a `.partial` file (and SQLite's `.partial-journal` beside it), never a half copy under a real
name. Those leftovers are each the size of the database; the next run removes them. A copy in
progress holds a shared lock on its folder and tidying takes the lock exclusively without
waiting, so one process never removes a file another is still writing.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Iterator
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

try:
    import fcntl
except ImportError:  # Windows: no advisory locks, so leftovers are left for the user
    fcntl = None  # type: ignore[assignment]

DAILY_PREFIX = "daily-"
PARTIAL = ".partial"
RESTORING = ".restoring"  # a checked copy staged beside the database, about to replace it
PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600
SQLITE_COMPANIONS = ("-journal", "-wal", "-shm")


def make_private_folder(folder: Path) -> None:
    """Create `folder` (and its parents) if missing; the folder itself readable by its owner
    only, as it holds study notes, earnings and credential ids."""
    try:
        folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    except OSError as exc:
        raise DataDirError(folder, os_error_detail(exc)) from exc


def file_mode(path: Path, default: int = PRIVATE_FILE) -> int:
    """The permission bits of `path`, or `default` when it does not exist."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return default


def create_private_file(path: Path, mode: int = PRIVATE_FILE) -> None:
    """Create the empty file `path` with `mode` before anything else writes it, so it is
    never readable by others even for a moment (SQLite gives its journals the same mode)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, mode)
    finally:
        os.close(fd)


def copy_database(source: Path, dest: Path) -> Path:
    """Copy `source` to `dest` consistently, even while another process writes to it. The
    copy gets the permissions of `source`."""
    make_private_folder(dest.parent)
    partial = dest.with_name(dest.name + PARTIAL)
    try:
        with copying_into(dest.parent):
            _discard(partial)
            create_private_file(partial, file_mode(source))
            src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
            try:
                out = sqlite3.connect(partial)
                try:
                    src.backup(out)
                finally:
                    out.close()
            finally:
                src.close()
            # Only a complete copy gets the real name: a crash mid-copy leaves a .partial.
            partial.replace(dest)
    except sqlite3.DatabaseError as exc:
        _discard(partial)
        # The source is the only file opened read-only: a read-only complaint is about it.
        text = str(exc).lower()
        if "not a database" in text or "malformed" in text or "readonly" in text:
            raise sqlite_failure(source, str(exc)) from exc
        raise WriteFailedError(dest, sqlite_error_detail(str(exc), dest)) from exc
    except OSError as exc:
        _discard(partial)
        raise WriteFailedError(dest, os_error_detail(exc)) from exc
    return dest


def _discard(partial: Path) -> None:
    # Removing the half-written copy can fail for the reason the copy did (a full or vanished
    # disk); the first error is the one worth reporting, so a second one is not raised.
    for path in (partial, *(partial.with_name(partial.name + s) for s in SQLITE_COMPANIONS)):
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


# --- leftovers of interrupted copies ------------------------------------------------------------


@contextlib.contextmanager
def _folder_lock(folder: Path, *, exclusive: bool) -> Iterator[bool]:
    """Hold an advisory lock on `folder` itself; yields False when it is not available (an
    exclusive lock while a copy runs, a platform without locks, no such folder)."""
    if fcntl is None:
        yield not exclusive
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield False
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB if exclusive else fcntl.LOCK_SH)
        except OSError:
            yield False
            return
        yield True
    finally:
        os.close(fd)  # closing releases the lock


@contextlib.contextmanager
def copying_into(folder: Path) -> Iterator[None]:
    """Held while a copy is written into `folder`: tidying leaves the folder alone meanwhile."""
    with _folder_lock(folder, exclusive=False):
        yield


def leftovers(folder: Path, *, ours_only: str | None = None) -> list[Path]:
    """Files in `folder` that an interrupted copy left: `*.partial` copies with their
    journals, and journals or logs whose database is gone. `ours_only` limits the search to
    names starting with it (the database's own folder may hold other programs' files)."""
    found = []
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    present = set(names)
    for name in names:
        if ours_only is not None and not name.startswith(ours_only):
            continue
        base = name
        for suffix in SQLITE_COMPANIONS:
            if name.endswith(suffix):
                base = name.removesuffix(suffix)
                break
        if base.endswith((PARTIAL, RESTORING)) or (base != name and base not in present):
            found.append(folder / name)
    return sorted(found)


def tidy_leftovers(db_path: Path | object) -> list[Path]:
    """Remove what interrupted copies left in the backup folder and beside the database;
    returns what was removed. Nothing is removed while a copy into that folder is running.
    A database on a server has no such files: nothing to do."""
    if not isinstance(db_path, Path):
        return []
    removed = []
    places = ((backup_dir(db_path), None), (db_path.parent, f".{db_path.name}."))
    for folder, ours_only in places:
        found = leftovers(folder, ours_only=ours_only)
        if not found:
            continue
        with _folder_lock(folder, exclusive=True) as free:
            if not free:
                continue
            for path in leftovers(folder, ours_only=ours_only):
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed.append(path)
    return removed


# --- names ----------------------------------------------------------------------------------------


def timestamped_name(prefix: str, now: datetime) -> str:
    return f"{prefix}-{now.strftime('%Y%m%d-%H%M%S')}.db"


def free_name(folder: Path, name: str) -> Path:
    """`folder/name`, or `name-2`, `name-3`... so that a copy never replaces another one."""
    candidate = folder / name
    stem, suffix = candidate.stem, candidate.suffix
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{n}{suffix}"
        n += 1
    return candidate


def copy_before_import(db_path: Path, now: datetime) -> Path:
    """Keep the database as it was before an import, in its backup folder, under a new name."""
    return copy_database(
        db_path, free_name(backup_dir(db_path), timestamped_name("before-import", now))
    )


def daily_backup_path(db_path: Path, today: date) -> Path:
    return backup_dir(db_path) / f"{DAILY_PREFIX}{today.isoformat()}.db"


def daily_backup_due(db_path: Path, today: date) -> bool:
    """True when there is a database and no copy of it from today yet (two stats)."""
    return db_path.is_file() and not daily_backup_path(db_path, today).exists()
