"""Problems with the database that a user can meet and fix. Each message names the file (or
the server URL, password masked) and says what to do; the CLI prints it on one line and exits
2, the app shows it on screen."""

from __future__ import annotations

import errno
import os
from pathlib import Path

# Where a database is: a Path, or a `db.location.ServerUrl`, which prints masked. Named loosely
# here because `db.location` itself raises these errors.
Location = object

DISK_FULL = "the disk is full; free some space and try again"


class StoreError(Exception):
    """Base class: the message is complete and meant for the user."""


RESTORE_ADVICE = "restore a backup with `studytui restore FILE` or point --db elsewhere"
PLACE_ADVICE = "choose a writable place with --db PATH or the STUDYTUI_DB variable"
MISSING_FOLDER_ADVICE = "create it first, or check the path given with --db or STUDYTUI_DB"


class NotADatabaseError(StoreError):
    def __init__(self, path: Location, detail: str = "", advice: str = RESTORE_ADVICE) -> None:
        self.path, self.detail = path, detail
        extra = f" ({detail})" if detail else ""
        super().__init__(f"{path} is not a studytui database or is damaged{extra}; {advice}")


class NewerSchemaError(StoreError):
    def __init__(self, path: Location, revision: str) -> None:
        super().__init__(
            f"{path} was written by a newer studytui (schema {revision}); "
            "upgrade studytui to open it — it was left untouched"
        )


class DatabaseLockedError(StoreError):
    def __init__(self, path: Location) -> None:
        super().__init__(
            f"{path} is busy (locked by another program for too long); "
            "nothing was saved — try again in a moment"
        )


class DataDirError(StoreError):
    def __init__(self, path: Path, detail: str, advice: str = PLACE_ADVICE) -> None:
        super().__init__(f"cannot use {path}: {detail}; {advice}")


class WriteFailedError(StoreError):
    def __init__(self, path: Location, detail: str) -> None:
        super().__init__(f"could not write to {path}: {detail}; nothing was saved")


class SqliteOnlyError(StoreError):
    """A file-only feature asked of a database on a server."""

    def __init__(self, location: Location, what: str, advice: str = "") -> None:
        extra = f"; {advice}" if advice else ""
        super().__init__(
            f"{what} works on SQLite files only, and {location} is on a PostgreSQL server{extra}"
        )


class OutputRefusedError(StoreError):
    """A file named for output that studytui must not write over."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"will not write to {path}: {reason}; nothing was written — choose another file"
        )


def os_error_detail(exc: OSError) -> str:
    """What went wrong with a file, in words that say what to do about it."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DISK_FULL
    if exc.errno == errno.EROFS:
        return "the file system is read-only"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.ENOTDIR:
        return "a part of the path is a file, not a folder"
    return exc.strerror or str(exc)


# Below this much free space an I/O error is the disk being full: SQLite reports a disk with
# no room left for its 32 KB shared-memory file as "disk I/O error", not as "full".
NEARLY_FULL_BYTES = 1 << 20


def disk_is_full(path: Path) -> bool:
    """Whether the file system holding `path` (or its nearest existing folder) is full."""
    folder = path if path.is_dir() else path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        info = os.statvfs(folder)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False
    return info.f_bavail * info.f_frsize < NEARLY_FULL_BYTES


def sqlite_error_detail(text: str, path: Path | None = None) -> str:
    """The same for an SQLite error message (SQLITE_FULL reads "database or disk is full";
    a disk with no room at all gives "disk I/O error")."""
    lowered = text.lower()
    if "full" in lowered:
        return DISK_FULL
    if "disk i/o error" in lowered and path is not None and disk_is_full(path):
        return DISK_FULL
    return text


READ_ONLY = "the file or its folder is read-only (SQLite writes beside the file even to read it)"
READ_ONLY_ADVICE = "make both writable, or " + PLACE_ADVICE


def sqlite_failure(path: Path, text: str) -> StoreError:
    """What an SQLite error message about the file at `path` means for the user."""
    lowered = text.lower()
    if "locked" in lowered or "busy" in lowered:
        return DatabaseLockedError(path)
    if "malformed" in lowered or "not a database" in lowered or "encrypted" in lowered:
        return NotADatabaseError(path, text)
    if "readonly" in lowered or "read-only" in lowered:
        return DataDirError(path, READ_ONLY, READ_ONLY_ADVICE)
    if "unable to open" in lowered:
        return DataDirError(path, text)
    return WriteFailedError(path, sqlite_error_detail(text, path))
