"""The numbers the dashboard and `studytui status` show, from a handful of SQL aggregates.

Nothing here loads entries as objects: with ten years of data the heaviest query returns one
row per study day (about 3,650), and the rest is pure `domain` arithmetic. The queries run on
a plain sqlite3 connection (see `db.reads`), so the dashboard can show these numbers before
SQLModel is loaded.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta

from studytui.db.reads import (
    TimerInfo,
    area_shares,
    current_timer,
    daily_totals,
    minutes_by_area,
    read_settings,
)
from studytui.domain.days import week_start
from studytui.domain.progress import CHART_WEEKS, SplitRow, time_split, weeks_back
from studytui.domain.settings import Settings
from studytui.domain.streaks import StreakResult, compute_streaks

SPLIT_DAYS = 28


@dataclass(frozen=True)
class Snapshot:
    today: date
    settings: Settings
    today_minutes: int
    week_start: date
    week_minutes: int
    streak: StreakResult
    daily: dict[date, int]  # every study day with time logged
    weekly: list[tuple[date, int]]  # (week start, minutes), oldest first, this week last
    split: list[SplitRow]
    timer: TimerInfo | None

    @property
    def logged_today(self) -> bool:
        return self.today_minutes > 0


def load_snapshot(
    conn: sqlite3.Connection, today: date, *, settings: Settings | None = None
) -> Snapshot:
    # Callers that already read the settings (to know `today`) pass them: one query less.
    if settings is None:
        settings = read_settings(conn)
    daily = daily_totals(conn, last=today)
    this_week = week_start(today, settings.week_starts_on)
    weekly = [
        (start, sum(daily.get(start + timedelta(days=i), 0) for i in range(7)))
        for start in weeks_back(today, CHART_WEEKS, settings.week_starts_on)
    ]
    targets = area_shares(conn)
    split_minutes = minutes_by_area(conn, today - timedelta(days=SPLIT_DAYS - 1), today)
    return Snapshot(
        today=today,
        settings=settings,
        today_minutes=daily.get(today, 0),
        week_start=this_week,
        week_minutes=weekly[-1][1],
        streak=compute_streaks(daily, today, settings.streak_rules()),
        daily=daily,
        weekly=weekly,
        split=time_split(split_minutes, targets),
        timer=current_timer(conn),
    )
