"""Files a user names: the one way studytui writes an output file, and reads an input file.

Every output (export, CSV, journal; from the shell or the app) goes through `write_output`,
so one set of rules protects what must never be overwritten: the database, its write-ahead
log and journal, its backups, any other SQLite file, and things that are not regular files
(a device such as /dev/full, a pipe, a folder). A symlink is written through to the file it
points to and stays a symlink. The text goes to a temporary file beside the target and is
renamed over it only when complete, so a full disk never leaves half a file, and the target
keeps its permissions (a new file is private: 0600).

Every input (an export to import) goes through `read_input`: a regular file of sane size,
opened so that a pipe cannot block and a device cannot stream without end.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from studytui.db.errors import DataDirError, OutputRefusedError, WriteFailedError, os_error_detail
from studytui.domain.errors import ValidationError
from studytui.paths import backup_dir

if TYPE_CHECKING:
    from studytui.db.location import Location

SQLITE_HEADER = b"SQLite format 3\x00"
DB_COMPANIONS = ("-wal", "-shm", "-journal")
NEW_FILE_MODE = 0o600  # outputs hold notes, earnings and credential ids
_READ_CHUNK = 1 << 20


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def protected_reason(target: Path, database_at: Location) -> str | None:
    """Why `target` (already resolved through symlinks) must not be written, or None. A
    database on a server has no files here to protect."""
    if not isinstance(database_at, Path):
        return None
    db_path = database_at
    database = _real(db_path)
    if target == database:
        return "it is the studytui database"
    for suffix in DB_COMPANIONS:
        if target == database.with_name(database.name + suffix):
            return "it belongs to the studytui database (its journal or write-ahead log)"
    for folder in {_real(backup_dir(db_path)), database.parent / "backups"}:
        if target.is_relative_to(folder):
            return "it is in the backup folder, which only studytui's backups go into"
    with contextlib.suppress(OSError):
        if database.exists() and target.exists() and os.path.samefile(target, database):
            return "it is the studytui database under another name"
    return None


def check_output(path: Path, *, database: Location) -> tuple[Path, int]:
    """The file a write to `path` would replace (symlinks followed) and the mode it gets;
    raises OutputRefusedError or DataDirError when `path` may not be written. `database` is
    where the open database lives (`Database.location`)."""
    target = _real(path)
    reason = protected_reason(target, database)
    if reason is not None:
        raise OutputRefusedError(path, reason)
    try:
        info = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise DataDirError(path, os_error_detail(exc), "choose another file") from exc
    if info is not None:
        if not stat.S_ISREG(info.st_mode):
            raise OutputRefusedError(path, f"it is {_kind(info.st_mode)}")
        if _is_sqlite(target):
            raise OutputRefusedError(path, "it is an SQLite database")
    if not target.parent.is_dir():
        raise DataDirError(
            target.parent, "the folder does not exist", "create it first or choose another place"
        )
    return target, (stat.S_IMODE(info.st_mode) if info is not None else NEW_FILE_MODE)


def write_output(path: Path, text: str, *, database: Location) -> Path:
    """Write `text` to `path` whole or not at all; returns the file actually written."""
    target, mode = check_output(path, database=database)
    partial = target.with_name(f".{target.name}.partial")
    data = text.encode("utf-8")
    try:
        # A leftover of a killed run is replaced; a link planted under the name is not followed.
        partial.unlink(missing_ok=True)
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, NEW_FILE_MODE)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            if hasattr(os, "fchmod"):
                os.fchmod(fd, mode)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(partial, target)
    except OSError as exc:
        # Tidying up may fail for the same reason the write did; the error that matters is
        # the first one, so a second failure here is deliberately not reported.
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise WriteFailedError(path, os_error_detail(exc)) from exc
    return target


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def read_input(path: Path, *, max_bytes: int, what: str) -> bytes:
    """The bytes of the regular file `path`, at most `max_bytes` of them, or a
    ValidationError naming the file. A pipe is opened without waiting for a writer and a
    device is refused before a byte is read, so nothing here can block or read without end.
    `what` names the file expected, for the messages ("the export file")."""
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise ValidationError(f"{path} does not exist; check the name") from None
    except OSError as exc:
        raise ValidationError(f"cannot read {path}: {os_error_detail(exc)}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ValidationError(f"{path} is a folder; give {what} inside it")
        if not stat.S_ISREG(info.st_mode):
            raise ValidationError(f"{path} is {_kind(info.st_mode)}, not a file; give {what}")
        if info.st_size > max_bytes:
            raise ValidationError(_too_big(path, max_bytes, info.st_size))
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(fd, _READ_CHUNK):
            size += len(chunk)
            if size > max_bytes:  # it grew while being read
                raise ValidationError(_too_big(path, max_bytes, size))
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise ValidationError(f"cannot read {path}: {os_error_detail(exc)}") from None
    finally:
        os.close(fd)


def _too_big(path: Path, max_bytes: int, size: int) -> str:
    return f"{path}: is {size // 2**20} MB; files over {max_bytes // 2**20} MB are refused"
