"""The app's handle on its database, opened off the UI thread.

The app's first frame must not wait for SQLModel to import or the file to open, so the store
opens in a worker and every screen's loader (itself a thread worker) waits for it here.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from studytui.clock import now

if TYPE_CHECKING:
    from studytui.actions.database import Database, Location


class StoreNotReady(Exception):
    """Opening the database failed; the app is showing why."""


class Store:
    def __init__(self, path: Location) -> None:
        self.path = path  # a file, or a database on a PostgreSQL server
        self._ready = threading.Event()
        self._db: Database | None = None
        self.error: str | None = None
        self.seeded = False
        self.warning: str | None = None  # something the user should know; the data is fine
        self._identity: tuple[int, int] | None = None
        self._reopen_lock = threading.Lock()

    def open(self) -> None:
        """Open, migrate and check the database, and keep today's backup. Runs in a worker
        thread: the integrity check and the copy read the whole file."""
        from studytui.actions.database import keep_daily_backup, open_checked
        from studytui.actions.errors import StoreError
        from studytui.actions.setup import is_set_up

        try:
            db = open_checked(self.path)
            try:
                self.seeded = is_set_up(db, now=now())
            except StoreError:
                db.dispose()
                raise
            self._db = db
            self._identity = self._file_identity()
        except StoreError as exc:
            self.error = str(exc)
        finally:
            self._ready.set()
        if self._db is None:
            return
        # Screens may load while the copy is made: the backup API copies a consistent snapshot.
        self.warning = keep_daily_backup(self.path, now=now())

    @property
    def db(self) -> Database:
        """The open database; blocks until it is open. Call only from worker threads.

        If the file was replaced meanwhile (`studytui restore` in another terminal), the new
        file is opened: writing on into the old, unlinked one would lose those writes.
        """
        self._ready.wait()
        if self._db is None:
            raise StoreNotReady(self.error or "the database is not open")
        if self._file_identity() != self._identity:
            with self._reopen_lock:
                self._follow_replaced_file()
        return self._db

    def _file_identity(self) -> tuple[int, int] | None:
        if not isinstance(self.path, Path):
            return None  # a server database is never replaced under the app
        try:
            stat = self.path.stat()
        except OSError:
            return None
        return stat.st_dev, stat.st_ino

    def _follow_replaced_file(self) -> None:
        from studytui.actions.database import open_database
        from studytui.actions.errors import StoreError

        identity = self._file_identity()
        if identity == self._identity:
            return  # another thread has already followed it
        if identity is None:
            raise StoreError(
                f"{self.path} was moved or deleted while studytui was open; nothing was saved "
                "— put it back or restore a backup, then restart studytui"
            )
        old, self._db = self._db, open_database(self.path)
        self._identity = identity
        if old is not None:
            old.dispose()

    def wait_for_writes(self, timeout: float) -> bool:
        """Wait until no write is running (reads are never waited for); False on timeout."""
        return self._db is None or self._db.writes.wait_idle(timeout)

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()
