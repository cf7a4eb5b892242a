"""The dashboard snapshot on a fixture with fixed dates: every number checked by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from studytui.db.engine import Database, reading, writing
from studytui.db.entries import add_entry
from studytui.db.lookup import find_area
from studytui.db.reads import sql_connection
from studytui.db.setting_rows import set_setting
from studytui.db.stats import CHART_WEEKS, Snapshot, load_snapshot
from studytui.db.timer import start_timer
from studytui.domain.entries import EntryDraft

TODAY = date(2026, 3, 11)  # a Wednesday

FIXTURE = [  # (day, minutes, area)
    (date(2026, 2, 2), 60, "machine"),  # long ago: a streak of its own
    (date(2026, 2, 3), 60, "machine"),
    (date(2026, 3, 2), 120, "machine"),  # Monday of last week
    (date(2026, 3, 9), 45, "machine"),  # Monday
    (date(2026, 3, 10), 60, "data eng"),
    (date(2026, 3, 11), 30, "machine"),  # today
    (date(2026, 3, 11), 15, "data eng"),
]


def log(db: Database, day: date, minutes: int, area: str = "machine") -> None:
    with writing(db) as session:
        add_entry(
            session,
            EntryDraft(day=day, minutes=minutes, area_id=find_area(session, area).id),
            today=TODAY,
        )


def snapshot(db: Database, today: date = TODAY) -> Snapshot:
    with reading(db) as session:
        return load_snapshot(sql_connection(session), today)


@pytest.fixture
def logged(db: Database) -> Database:
    with writing(db) as session:
        set_setting(session, "daily_goal", "1h", today=date(2026, 3, 11))
        set_setting(session, "weekly_goal", "5h", today=date(2026, 3, 11))
    for day, minutes, area in FIXTURE:
        log(db, day, minutes, area)
    return db


def test_today_week_and_streak(logged: Database) -> None:
    snap = snapshot(logged)
    assert (snap.today_minutes, snap.logged_today) == (45, True)
    assert snap.week_start == date(2026, 3, 9)
    assert snap.week_minutes == 45 + 60 + 45
    assert (snap.settings.daily_goal, snap.settings.weekly_goal) == (60, 300)
    assert (snap.streak.current, snap.streak.longest, snap.streak.freezes_held) == (3, 3, 0)


def test_daily_and_weekly_series(logged: Database) -> None:
    snap = snapshot(logged)
    assert snap.daily[date(2026, 3, 11)] == 45
    assert snap.daily[date(2026, 2, 2)] == 60
    assert len(snap.weekly) == CHART_WEEKS
    assert snap.weekly[-1] == (date(2026, 3, 9), 150)
    assert snap.weekly[-2] == (date(2026, 3, 2), 120)
    assert snap.weekly[0][0] == date(2026, 3, 9) - timedelta(weeks=CHART_WEEKS - 1)
    assert snap.weekly[0][0] <= date(2026, 2, 2)
    assert sum(minutes for _, minutes in snap.weekly) == sum(m for _, m, _ in FIXTURE)


def test_time_split_covers_the_last_four_weeks_only(logged: Database) -> None:
    split = {row.area: row for row in snapshot(logged).split}
    # 2026-02-12 .. 2026-03-11: the February entries fall outside.
    assert split["Machine learning"].minutes == 120 + 45 + 30
    assert split["Data engineering"].minutes == 75
    assert round(split["Machine learning"].actual_percent) == 72
    assert split["MLOps & cloud"].minutes == 0
    assert split["MLOps & cloud"].target_percent > 0


def test_back_filling_a_missed_day_extends_the_streak(logged: Database) -> None:
    assert snapshot(logged).streak.current == 3
    for offset in range(1, 7):  # Tuesday 3 .. Sunday 8 March
        log(logged, date(2026, 3, 2) + timedelta(days=offset), 20)
    streak = snapshot(logged).streak
    assert (streak.current, streak.longest) == (10, 10)
    assert streak.freezes_held == 1  # earned on the seventh day in a row


def test_an_empty_today_keeps_the_streak_alive(logged: Database) -> None:
    tomorrow = snapshot(logged, TODAY + timedelta(days=1))
    assert (tomorrow.today_minutes, tomorrow.logged_today) == (0, False)
    assert tomorrow.streak.current == 3


def test_rest_days_from_the_settings_count(logged: Database) -> None:
    with writing(logged) as session:
        set_setting(session, "rest_days", "tue,wed,thu,fri,sat,sun", today=date(2026, 3, 11))
    # Only Mondays need time now: 2 Mar and 9 Mar qualify, the weekdays between rest.
    assert snapshot(logged).streak.current == 4


def test_the_running_timer_is_in_the_snapshot(logged: Database) -> None:
    assert snapshot(logged).timer is None
    with writing(logged) as session:
        start_timer(
            session,
            area_id=find_area(session, "machine").id,
            now_utc=datetime(2026, 3, 11, 19, 0, tzinfo=UTC),
        )
    timer = snapshot(logged).timer
    assert timer is not None and timer.area == "Machine learning"
