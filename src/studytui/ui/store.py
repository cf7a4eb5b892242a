"""The app's handle on its database, opened off the UI thread.

The app's first frame must not wait for SQLModel to import or the file to open, so the store
opens in a worker and every screen's loader (itself a thread worker) waits for it here.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from studytui.clock import now_local

if TYPE_CHECKING:
    from studytui.db.engine import Database
    from studytui.domain.settings import Settings


class StoreNotReady(Exception):
    """Opening the database failed; the app is showing why."""


class Store:
    def __init__(self, path: Path) -> None:
        self.path = path
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
        from studytui.db.backup import tidy_leftovers
        from studytui.db.backups import check_integrity, rolling_backup
        from studytui.db.engine import reading
        from studytui.db.errors import StoreError
        from studytui.db.schema import open_database
        from studytui.db.seed import is_seeded

        try:
            db = open_database(self.path)
            try:
                check_integrity(db)
                with reading(db) as session:
                    self.seeded = is_seeded(session)
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
        tidy_leftovers(self.path)
        # Screens may load while the copy is made: the backup API copies a consistent snapshot.
        try:
            rolling_backup(self.path, today=now_local().date())
        except StoreError as exc:
            self.warning = f"the daily backup failed: {exc}"

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
        try:
            stat = self.path.stat()
        except OSError:
            return None
        return stat.st_dev, stat.st_ino

    def _follow_replaced_file(self) -> None:
        from studytui.db.errors import StoreError
        from studytui.db.schema import open_database

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

    @staticmethod
    def today(settings: Settings) -> date:
        from studytui.domain.days import study_day

        return study_day(now_local(), settings.day_starts_at)
