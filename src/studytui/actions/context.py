"""What every use case starts from: one transaction, the settings read once, and the study day
worked out once from the `now` the caller passes in."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cached_property

from sqlmodel import Session

from studytui.actions.study_day import today_at
from studytui.db import engine
from studytui.db.engine import Database
from studytui.db.reads import read_settings, sql_connection
from studytui.domain.settings import Settings


@dataclass
class Tx:
    """One transaction of one action. `settings` and `today` are read on first use, once."""

    session: Session
    now: datetime  # aware

    @property
    def now_utc(self) -> datetime:
        return self.now.astimezone(UTC)

    @property
    def sql(self) -> sqlite3.Connection:
        """The plain-SQL connection inside this transaction, for the reads in `db.reads`."""
        return sql_connection(self.session)

    @cached_property
    def settings(self) -> Settings:
        return read_settings(self.sql)

    @cached_property
    def today(self) -> date:
        return today_at(self.now, self.settings)


@contextmanager
def reading(db: Database, now: datetime) -> Iterator[Tx]:
    with engine.reading(db) as session:
        yield Tx(session, now)


@contextmanager
def writing(db: Database, now: datetime) -> Iterator[Tx]:
    """Commits when the block ends, rolls back on any error (see `db.engine.writing`)."""
    with engine.writing(db) as session:
        yield Tx(session, now)
