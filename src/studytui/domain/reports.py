"""Reports: study time over a period, grouped by area, day, week, month, milestone,
certificate or side activity, with a bar per row."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from studytui.domain.days import week_start
from studytui.domain.errors import ValidationError

GROUPINGS = ("area", "day", "week", "month", "milestone", "certificate", "activity")
BY_TIME = ("day", "week", "month")
NONE_ROW = "(none)"  # time not attributed to any milestone, certificate or activity
PERIODS = ("week", "month", "year")


@dataclass(frozen=True)
class ReportRow:
    name: str
    minutes: int


@dataclass(frozen=True)
class Report:
    first: date
    last: date
    by: str
    rows: tuple[ReportRow, ...]

    @property
    def total_minutes(self) -> int:
        return sum(row.minutes for row in self.rows)


def parse_by(text: str) -> str:
    cleaned = text.strip().lower()
    if cleaned not in GROUPINGS:
        raise ValidationError(f'cannot group by "{text.strip()}": use {", ".join(GROUPINGS)}')
    return cleaned


def time_rows(
    daily: Mapping[date, int], first: date, last: date, by: str, week_starts_on: str
) -> tuple[ReportRow, ...]:
    """One row per day, week or month of the period, empty ones included, oldest first."""
    totals: dict[str, int] = {}
    day = first
    while day <= last:
        totals.setdefault(_bucket(day, by, week_starts_on), 0)
        totals[_bucket(day, by, week_starts_on)] += daily.get(day, 0)
        day += timedelta(days=1)
    return tuple(ReportRow(name, minutes) for name, minutes in totals.items())


def _bucket(day: date, by: str, week_starts_on: str) -> str:
    if by == "day":
        return f"{day.isoformat()} {day:%a}"
    if by == "week":
        return f"week of {week_start(day, week_starts_on).isoformat()}"
    return f"{day:%Y-%m}"


def period_bounds(period: str, back: int, today: date, week_starts_on: str) -> tuple[date, date]:
    """This week, month or year (`back` 0), or the one `back` periods before; a period that is
    not over yet ends today."""
    if period == "week":
        first = week_start(today, week_starts_on) - timedelta(weeks=back)
        last = first + timedelta(days=6)
    elif period == "month":
        month = today.year * 12 + today.month - 1 - back
        first = date(month // 12, month % 12 + 1, 1)
        last = date(first.year + first.month // 12, first.month % 12 + 1, 1) - timedelta(days=1)
    elif period == "year":
        first = date(today.year - back, 1, 1)
        last = date(today.year - back, 12, 31)
    else:
        raise ValidationError(f'unknown period "{period}": use {", ".join(PERIODS)}')
    return first, min(last, today)


def bar(minutes: int, most: int, width: int) -> str:
    """A bar of `width` cells at most, in eighths of a cell; `most` fills it."""
    if most <= 0 or minutes <= 0:
        return ""
    eighths = max(1, round(minutes / most * width * 8))
    full, part = divmod(eighths, 8)
    return "█" * full + ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")[part]
