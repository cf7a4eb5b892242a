"""The study timer: one row while it runs, an entry on the study day it started when stopped."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlmodel import select

from studytui.db.engine import Database, reading, writing
from studytui.db.entries import add_entry
from studytui.db.lookup import find_area
from studytui.db.models import LogEntry, RunningTimer
from studytui.db.reads import current_timer, sql_connection
from studytui.db.timer import cancel_timer, start_timer, stop_timer
from studytui.domain.entries import EntryDraft
from studytui.domain.errors import ValidationError
from studytui.domain.timer import TimerNotLoggable


def local(text: str) -> datetime:
    """A local wall-clock time as the aware UTC instant the timer stores."""
    return datetime.fromisoformat(text).astimezone(UTC)


def start(db: Database, at: str, area: str = "machine") -> None:
    with writing(db) as session:
        start_timer(session, area_id=find_area(session, area).id, now_utc=local(at))


def stop(db: Database, at: str, *, today: date, day_starts_at: int = 4) -> LogEntry:
    with writing(db) as session:
        return stop_timer(
            session, now_utc=local(at), today=today, day_starts_at=day_starts_at, note="notes"
        )


def entries(db: Database) -> list[tuple[date, int]]:
    with reading(db) as session:
        return [(e.day, e.minutes) for e in session.exec(select(LogEntry))]


def test_a_late_night_session_counts_for_the_study_day_it_started(db: Database) -> None:
    start(db, "2026-03-11T02:30")
    entry = stop(db, "2026-03-11T03:15", today=date(2026, 3, 10))
    assert (entry.day, entry.minutes, entry.note) == (date(2026, 3, 10), 45, "notes")
    with reading(db) as session:
        assert current_timer(sql_connection(session)) is None


def test_day_starts_at_decides_the_day(db: Database) -> None:
    start(db, "2026-03-11T02:30")
    stop(db, "2026-03-11T03:15", today=date(2026, 3, 11), day_starts_at=0)
    assert entries(db) == [(date(2026, 3, 11), 45)]


def test_a_session_across_the_day_boundary_stays_on_its_start_day(db: Database) -> None:
    start(db, "2026-03-10T23:00")
    stop(db, "2026-03-11T05:00", today=date(2026, 3, 11))
    assert entries(db) == [(date(2026, 3, 10), 360)]


@pytest.mark.parametrize(("stop_at", "minutes"), [("20:00:30", 1), ("21:29:30", 90)])
def test_minutes_are_rounded_to_the_nearest_whole_minute(
    db: Database, stop_at: str, minutes: int
) -> None:
    start(db, "2026-03-11T20:00:00")
    stop(db, f"2026-03-11T{stop_at}", today=date(2026, 3, 11))
    assert entries(db) == [(date(2026, 3, 11), minutes)]


def test_a_timer_stopped_within_half_a_minute_logs_nothing_and_keeps_running(
    db: Database,
) -> None:
    # Rounding it up to a minute would log study nobody did, and keep a streak going with it.
    start(db, "2026-03-11T20:00:00")
    with pytest.raises(TimerNotLoggable, match="ran for less than half a minute") as refused:
        stop(db, "2026-03-11T20:00:29", today=date(2026, 3, 11))
    assert "studytui stop --discard" in str(refused.value)
    assert entries(db) == []
    with reading(db) as session:
        assert current_timer(sql_connection(session)) is not None


def test_only_one_timer_runs_and_it_survives_reopening(db: Database) -> None:
    start(db, "2026-03-11T20:00")
    with pytest.raises(ValidationError, match="already running"):
        start(db, "2026-03-11T20:05", area="data eng")
    with reading(db) as session:
        info = current_timer(sql_connection(session))
    assert info is not None and info.area == "Machine learning"
    assert info.elapsed_seconds(local("2026-03-11T20:10")) == 600


def test_a_timer_over_24_hours_is_refused_with_a_way_out(db: Database) -> None:
    start(db, "2026-03-09T08:00")
    with pytest.raises(TimerNotLoggable) as caught:
        stop(db, "2026-03-11T09:00", today=date(2026, 3, 11))
    assert "more than one entry can hold" in caught.value.reason
    assert "studytui stop --discard" in str(caught.value)
    assert entries(db) == []
    with writing(db) as session:
        assert cancel_timer(session) is True
    with reading(db) as session:
        assert session.get(RunningTimer, 1) is None


def test_a_timer_on_a_full_day_is_refused_and_keeps_running(db: Database) -> None:
    with writing(db) as session:
        add_entry(
            session,
            EntryDraft(
                day=date(2026, 3, 11),
                minutes=23 * 60 + 30,
                area_id=find_area(session, "machine").id,
            ),
            today=date(2026, 3, 11),
        )
    start(db, "2026-03-11T20:00")
    with pytest.raises(TimerNotLoggable, match="would pass 24h"):
        stop(db, "2026-03-11T21:00", today=date(2026, 3, 11))
    with reading(db) as session:
        assert current_timer(sql_connection(session)) is not None


def test_stopping_without_a_timer_says_how_to_start_one(db: Database) -> None:
    with pytest.raises(ValidationError, match="studytui start AREA"):
        stop(db, "2026-03-11T21:00", today=date(2026, 3, 11))
