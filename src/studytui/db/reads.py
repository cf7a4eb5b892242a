"""The hot read-only queries, as plain SQL on the driver's connection (stdlib `sqlite3`).

The tables are defined and written through SQLModel. These few reads are the numbers a user
looks at first, on the dashboard and in `studytui status`; written against `sqlite3` they can
run before SQLModel and SQLAlchemy have finished importing, which is most of a cold start.
There is one way to get the connection these functions take: `sql_connection(session)` inside
a transaction (what every action does, through `actions.context.Tx.sql`), or, before SQLModel
has loaded, `open_quick_reader(path)`. Each query exists once, under one name.

Dates are stored by SQLAlchemy as ISO text ("2026-03-11"), so comparing them as text is
comparing them as dates; timestamps are naive UTC text.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, cast

from studytui.content_version import CONTENT_VERSION
from studytui.db.constants import BUSY_TIMEOUT_ENV_VAR, BUSY_TIMEOUT_MS, TEMPLATE_SETTING
from studytui.db.revisions import HEAD

if TYPE_CHECKING:
    from sqlmodel import Session

    from studytui.db.location import Location
    from studytui.domain.certificates import Reminder
    from studytui.domain.settings import Settings


@dataclass(frozen=True)
class CertificateDates:
    name: str
    status: str
    exam_date: date | None
    passed_date: date | None
    expiry_date: date | None


@dataclass(frozen=True)
class TimerInfo:
    area_id: str
    area: str
    milestone_id: str | None
    milestone: str | None
    started_at: datetime  # aware UTC

    @property
    def what(self) -> str:
        """What it times, as every message names it: "Area / Milestone", or the area."""
        return self.area + (f" / {self.milestone}" if self.milestone else "")

    def elapsed_seconds(self, now_utc: datetime) -> int:
        return max(0, int((now_utc - self.started_at).total_seconds()))


def busy_timeout_ms() -> int:
    text = os.environ.get(BUSY_TIMEOUT_ENV_VAR, "")
    return int(text) if text.isdigit() else BUSY_TIMEOUT_MS


def sql_connection(session: Session) -> sqlite3.Connection:
    """The sqlite3 connection under `session`, inside its transaction. Pending changes are
    flushed first so the plain SQL sees what the session would.

    On a PostgreSQL server it is `db.portable.ServerSql` over psycopg's connection: the same
    SQL text, the same rows (it answers `execute`, all these reads use of sqlite3's API).
    """
    session.flush()
    driver = session.connection().connection.driver_connection
    if isinstance(driver, sqlite3.Connection):
        return driver
    from studytui.db.portable import ServerSql

    return cast("sqlite3.Connection", ServerSql(driver))


def open_quick_reader(path: Location) -> sqlite3.Connection | None:
    """A read-only connection, inside one read transaction, to a set-up database at the
    current schema; or None.

    None means "take the full road": the file is missing, needs an upgrade or the welcome
    screen, or could not be read. That road reports every problem properly, so none is
    reported here. The caller closes the connection, which ends the transaction.
    """
    if not isinstance(path, Path) or not path.is_file():  # a server URL; or it would create it
        return None
    try:
        with path.open("rb") as handle:  # a file that is not SQLite is not even connected to
            if handle.read(16) != b"SQLite format 3\x00":
                return None
    except OSError:
        return None
    try:
        # Not `mode=ro`: a read-only connection cannot open a WAL database whose -shm file
        # is gone, which is every cleanly closed one. `query_only` keeps it from writing.
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    except sqlite3.Error:
        return None
    try:
        conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
        conn.execute("PRAGMA query_only = ON")
        conn.execute("BEGIN")
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        seeded = conn.execute("SELECT 1 FROM setting WHERE key = ?", (TEMPLATE_SETTING,))
        if revision != (HEAD,) or seeded.fetchone() is None:
            conn.close()
            return None
        # Built-in content from an older release is brought up to date on the full road.
        (content,) = conn.execute("SELECT max(version) FROM content_update").fetchone()
        if content is None or content < CONTENT_VERSION:
            conn.close()
            return None
    except sqlite3.Error:
        conn.close()
        return None
    return conn


def settings_strings(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT key, value FROM setting"))


def read_settings(conn: sqlite3.Connection) -> Settings:
    from studytui.domain.settings import settings_from_strings

    return settings_from_strings(settings_strings(conn))


def is_seeded(conn: sqlite3.Connection) -> bool:
    """Whether a roadmap template was applied: the welcome screen is done."""
    row = conn.execute("SELECT 1 FROM setting WHERE key = ?", (TEMPLATE_SETTING,)).fetchone()
    return row is not None


def daily_totals(
    conn: sqlite3.Connection, first: date | None = None, last: date | None = None
) -> dict[date, int]:
    """Minutes per study day, summed in SQL (one row per day, not per entry)."""
    bounds = [("day >= ?", first), ("day <= ?", last)]
    used = [(test, day.isoformat()) for test, day in bounds if day is not None]
    where = " WHERE " + " AND ".join(test for test, _ in used) if used else ""
    rows = conn.execute(
        f"SELECT day, sum(minutes) FROM log_entry{where} GROUP BY day",
        [value for _, value in used],
    )
    return {date.fromisoformat(day): int(total) for day, total in rows}


def minutes_by_area(conn: sqlite3.Connection, first: date, last: date) -> dict[str, int]:
    """Minutes per area name between two days inclusive, summed in SQL."""
    rows = conn.execute(
        "SELECT area.name, sum(log_entry.minutes) FROM log_entry"
        " JOIN area ON log_entry.area_id = area.id"
        " WHERE log_entry.day >= ? AND log_entry.day <= ?"
        " GROUP BY area.name",
        (first.isoformat(), last.isoformat()),
    )
    return {name: int(total) for name, total in rows}


# The columns a report may group entries by, so no caller can put other text into the SQL.
LINK_COLUMNS = {
    "area": "area_id",
    "milestone": "milestone_id",
    "certificate": "certificate_id",
    "activity": "activity_id",
}


def minutes_by_link(
    conn: sqlite3.Connection, link: str, first: date, last: date
) -> dict[str | None, int]:
    """Minutes per area, milestone, certificate or activity id between two days inclusive;
    the None key holds the time not attributed to any."""
    column = LINK_COLUMNS[link]
    rows = conn.execute(
        f"SELECT {column}, sum(minutes) FROM log_entry"
        " WHERE day >= ? AND day <= ? GROUP BY " + column,
        (first.isoformat(), last.isoformat()),
    )
    return {key: int(total) for key, total in rows}


def area_shares(conn: sqlite3.Connection) -> dict[str, int]:
    """Each area's target share of study time, in the areas' order."""
    return dict(conn.execute("SELECT name, share FROM area ORDER BY position"))


def current_timer(conn: sqlite3.Connection) -> TimerInfo | None:
    row = conn.execute(
        "SELECT running_timer.area_id, area.name, running_timer.milestone_id,"
        " milestone.title, running_timer.started_at FROM running_timer"
        " LEFT JOIN area ON area.id = running_timer.area_id"
        " LEFT JOIN milestone ON milestone.id = running_timer.milestone_id"
        " WHERE running_timer.id = 1"
    ).fetchone()
    if row is None:
        return None
    area_id, area, milestone_id, milestone, started_at = row
    started = datetime.fromisoformat(started_at)
    return TimerInfo(
        area_id=area_id,
        area=area if area is not None else "?",
        milestone_id=milestone_id,
        milestone=milestone,
        started_at=started if started.tzinfo else started.replace(tzinfo=UTC),
    )


def reminders(conn: sqlite3.Connection, *, today: date) -> list[Reminder]:
    """Exams within 30 days, certificates expiring within 90, and certificates still to be
    passed whose exam has been retired; soonest first."""
    # Imported here: every command loads this module, few need the certificate rules.
    from studytui.domain.certificates import (
        EXAM_UPCOMING_DAYS,
        EXPIRING_SOON_DAYS,
        Reminder,
        reminders_for,
        sort_reminders,
    )

    rows = conn.execute(
        "SELECT name, status, exam_date, passed_date, expiry_date FROM certificate"
        " WHERE (status != 'passed' AND exam_date BETWEEN :today AND :exam_until)"
        " OR (status = 'passed' AND expiry_date BETWEEN :today AND :expiry_until)",
        {
            "today": today.isoformat(),
            "exam_until": (today + timedelta(days=EXAM_UPCOMING_DAYS)).isoformat(),
            "expiry_until": (today + timedelta(days=EXPIRING_SOON_DAYS)).isoformat(),
        },
    )
    found = reminders_for(
        (
            CertificateDates(name, status, _day(exam), _day(passed), _day(expiry))
            for name, status, exam, passed, expiry in rows
        ),
        today,
    )
    # The catalogue's retired exams are kept in the database by content updates, so that this
    # read need not parse the catalogue file (see db.content_sync).
    retired = conn.execute(
        "SELECT certificate.name, catalogue_exam.retired_on, catalogue_exam.successor"
        " FROM certificate JOIN catalogue_exam ON catalogue_exam.key = certificate.catalogue_key"
        " WHERE certificate.status != 'passed' AND catalogue_exam.status = 'retired'"
        " AND catalogue_exam.retired_on IS NOT NULL"
    )
    found += [
        Reminder(name, "retired", date.fromisoformat(retired_on), successor)
        for name, retired_on, successor in retired
    ]
    return sort_reminders(found)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text is not None else None
