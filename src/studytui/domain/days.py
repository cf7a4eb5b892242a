"""Study days, weeks and the checks a new log entry must pass."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from studytui.domain.durations import MAX_ENTRY_MINUTES, format_minutes
from studytui.domain.errors import ValidationError
from studytui.domain.text import elide_quotes

WEEK_STARTS = ("monday", "sunday")
# The earliest day a date may be, typed or imported. Weeks, streaks and the journal count
# back from a day; a year-1 date would take them past the first date there is. Nobody
# studied for this tracker before 1970.
EARLIEST_DAY = date(1970, 1, 1)
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DAY_HINT = "use YYYY-MM-DD, today or yesterday"


def study_day(moment: datetime, day_starts_at: int) -> date:
    """The study day ``moment`` belongs to.

    Late-night sessions count for the day before, so a day runs from ``day_starts_at``
    o'clock to the same hour next day (wall-clock time, whatever the tzinfo).
    """
    if not 0 <= day_starts_at <= 23:
        raise ValueError(f"day_starts_at must be 0..23, got {day_starts_at}")
    return (moment - timedelta(hours=day_starts_at)).date()


def parse_day(text: str, today: date) -> date:
    """``YYYY-MM-DD``, ``today`` or ``yesterday``; never after ``today``."""
    cleaned = text.strip().lower()
    if cleaned == "today":
        return today
    if cleaned == "yesterday":
        return today - timedelta(days=1)
    if not cleaned:
        raise ValidationError(f"day is empty: {_DAY_HINT}")
    day = iso_day(text, "day", _DAY_HINT)
    if day > today:
        raise ValidationError(f"day {day} is in the future: today is {today}")
    return day


_DAYS_AGO = re.compile(r"-\s*([0-9]+)")
GO_TO_HINT = "use YYYY-MM-DD, today, yesterday or -7 (days ago)"


def parse_go_to(text: str, today: date) -> date:
    """The day to show: what `parse_day` takes, or `-N` for N days ago."""
    cleaned = text.strip()
    ago = _DAYS_AGO.fullmatch(cleaned)
    if ago:
        count = ago.group(1).lstrip("0") or "0"
        # Compared as text first: a count of thousands of digits is no int to make.
        if len(count) > 6 or int(count) > (today - EARLIEST_DAY).days:
            raise ValidationError(
                elide_quotes(f'"{cleaned}" is before {EARLIEST_DAY}, the earliest date')
            )
        return today - timedelta(days=int(count))
    if not cleaned:
        raise ValidationError(f"day is empty: {GO_TO_HINT}")
    if cleaned.lower() in ("today", "yesterday"):
        return parse_day(cleaned, today)
    day = iso_day(cleaned, "day", GO_TO_HINT)
    if day > today:
        raise ValidationError(f"day {day} is in the future: nothing is logged there yet")
    return day


def iso_day(text: str, what: str, hint: str) -> date:
    """A ``YYYY-MM-DD`` date typed for the field ``what``; ``hint`` says what is accepted."""
    cleaned = text.strip()
    # fromisoformat alone would also take forms like 20240101 or 2024-W01-1.
    if not _ISO_DAY.fullmatch(cleaned):
        raise ValidationError(f'{what} "{cleaned}" not understood: {hint}')
    try:
        day = date.fromisoformat(cleaned)
    except ValueError:
        raise ValidationError(f'{what} "{cleaned}" is not a real date: {hint}') from None
    if day < EARLIEST_DAY:
        raise ValidationError(f'{what} "{cleaned}" is before {EARLIEST_DAY}, the earliest date')
    return day


def week_start(day: date, week_starts_on: str) -> date:
    """First day of the week containing ``day``; weeks start on monday or sunday."""
    start = week_starts_on.strip().lower()
    if start == "monday":
        back = day.weekday()
    elif start == "sunday":
        back = (day.weekday() + 1) % 7
    else:
        raise ValidationError(f'week start "{week_starts_on}" not understood: use monday or sunday')
    # A day stored before EARLIEST_DAY existed (year 1) has no week start before it.
    return day - timedelta(days=min(back, (day - date.min).days))


def parse_period(
    since: str | None, until: str | None, today: date, week_starts_on: str
) -> tuple[date, date]:
    """The days from `since` (default: the first of this week) to `until` (default: today),
    as typed for `--from` and `--to`."""
    last = parse_day(until, today) if until is not None else today
    first = parse_day(since, today) if since is not None else week_start(today, week_starts_on)
    if first > last:
        raise ValidationError(f"the period would start ({first}) after it ends ({last})")
    return first, last


def week_days(start: date) -> list[date]:
    """The seven days of the week beginning at ``start``."""
    return [start + timedelta(days=offset) for offset in range(7)]


def check_entry(minutes: int, day: date, today: date, other_minutes_that_day: int) -> None:
    """Raise ValidationError if ``minutes`` cannot be logged on ``day``.

    ``other_minutes_that_day`` is what is already logged that day, excluding the entry
    being edited, so that editing an entry does not count it twice.
    """
    if minutes < 1:
        raise ValidationError("an entry must be at least 1 minute")
    if minutes > MAX_ENTRY_MINUTES:
        raise ValidationError(f"an entry can be at most 24h, got {format_minutes(minutes)}")
    if day > today:
        raise ValidationError(f"day {day} is in the future: log today ({today}) or earlier")
    if day < EARLIEST_DAY:
        raise ValidationError(f"day {day} is before {EARLIEST_DAY}, the earliest day to log")
    if other_minutes_that_day + minutes > MAX_ENTRY_MINUTES:
        room = max(0, MAX_ENTRY_MINUTES - other_minutes_that_day)
        raise ValidationError(
            f"{day} already has {format_minutes(other_minutes_that_day)} logged; adding "
            f"{format_minutes(minutes)} would pass 24h (at most {format_minutes(room)} more fits)"
        )
