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

    def open(self) -> None:
        """Open, migrate and check the database. Runs in a worker thread."""
        from studytui.db.engine import reading
        from studytui.db.errors import StoreError
        from studytui.db.schema import open_database
        from studytui.db.seed import is_seeded

        try:
            self._db = open_database(self.path)
            with reading(self._db) as session:
                self.seeded = is_seeded(session)
        except StoreError as exc:
            self.error = str(exc)
        finally:
            self._ready.set()

    @property
    def db(self) -> Database:
        """The open database; blocks until it is open. Call only from worker threads."""
        self._ready.wait()
        if self._db is None:
            raise StoreNotReady(self.error or "the database is not open")
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()

    @staticmethod
    def today(settings: Settings) -> date:
        from studytui.domain.days import study_day

        return study_day(now_local(), settings.day_starts_at)
