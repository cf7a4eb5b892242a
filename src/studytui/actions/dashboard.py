"""What the dashboard and `studytui status` show.

The numbers people open studytui for are plain SQL (`db.reads`, `db.stats`, `db.roadmap_view`):
`early_dashboard` and `quick_status` read them straight from the file before SQLModel has
loaded, which is most of a cold start. So this module imports SQLModel's side (the actions'
transactions, the panels' queries) only inside the functions that need it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from studytui.actions.study_day import today_at
from studytui.db.location import Location
from studytui.db.reads import open_quick_reader, read_settings
from studytui.db.stats import Snapshot, load_snapshot

if TYPE_CHECKING:
    from studytui.actions.activities import ActivitiesPanel
    from studytui.db.engine import Database
    from studytui.db.roadmap_view import NextUp
    from studytui.domain.certificates import Reminder

# The early look needs the snapshot only: the roadmap's and the reminders' modules are
# imported by the functions that read them, a few milliseconds off the first numbers.
__all__ = ["Dashboard", "Snapshot", "StatusReport"]

DASHBOARD_NEXT_UP = 5


@dataclass(frozen=True)
class StatusReport:
    """`studytui status`: today, the week, streaks, reminders and the pace."""

    snapshot: Snapshot
    reminders: tuple[Reminder, ...]
    next_up: NextUp


@dataclass(frozen=True)
class Dashboard:
    snapshot: Snapshot
    # None in the early look, which shows the numbers before the panels' queries can run.
    next_up: NextUp | None = None
    reminders: tuple[Reminder, ...] | None = None
    activities: ActivitiesPanel | None = None
    # What a content update brought that the user has not been told yet (shown once).
    news: tuple[str, ...] = ()


def _status_in(conn: sqlite3.Connection, now: datetime, next_up_limit: int | None) -> StatusReport:
    from studytui.db.reads import reminders
    from studytui.db.roadmap_view import next_up_in

    settings = read_settings(conn)
    today = today_at(now, settings)
    return StatusReport(
        snapshot=load_snapshot(conn, today, settings=settings),
        reminders=tuple(reminders(conn, today=today)),
        next_up=next_up_in(
            conn, today=today, target_date=settings.target_date, limit=next_up_limit
        ),
    )


def quick_status(path: Location, *, now: datetime) -> StatusReport | None:
    """Straight from the file, without SQLModel; None when the full open must decide (a new,
    older, locked or damaged file), which then says what is wrong."""
    conn = open_quick_reader(path)
    if conn is None:
        return None
    try:
        return _status_in(conn, now, None)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def status_report(db: Database, *, now: datetime) -> StatusReport:
    from studytui.actions.context import reading

    with reading(db, now) as tx:
        return _status_in(tx.sql, now, None)


def early_dashboard(path: Location, *, now: datetime) -> Dashboard | None:
    """The cards and charts, read before the database is fully opened; None if it cannot be."""
    conn = open_quick_reader(path)
    if conn is None:
        return None
    try:
        settings = read_settings(conn)
        return Dashboard(load_snapshot(conn, today_at(now, settings), settings=settings))
    except sqlite3.Error:  # the full open, which comes next, says what is wrong
        return None
    finally:
        conn.close()


def dashboard(db: Database, *, now: datetime) -> Dashboard:
    from studytui.actions.activities import activities_panel
    from studytui.actions.content_updates import news_to_tell
    from studytui.actions.context import reading
    from studytui.db.reads import reminders
    from studytui.db.roadmap_view import next_up_in

    with reading(db, now) as tx:
        today: date = tx.today
        settings = tx.settings
        return Dashboard(
            snapshot=load_snapshot(tx.sql, today, settings=settings),
            next_up=next_up_in(
                tx.sql, today=today, target_date=settings.target_date, limit=DASHBOARD_NEXT_UP
            ),
            reminders=tuple(reminders(tx.sql, today=today)),
            activities=activities_panel(tx),
            news=news_to_tell(tx),
        )
