from datetime import date, datetime, timedelta, timezone
from itertools import pairwise

import pytest

from studytui.domain.days import check_entry, parse_day, study_day, week_days, week_start
from studytui.domain.errors import ValidationError

TODAY = date(2024, 5, 15)  # a Wednesday


@pytest.mark.parametrize(
    ("moment", "starts_at", "day"),
    [
        (datetime(2024, 5, 15, 2, 0), 4, date(2024, 5, 14)),
        (datetime(2024, 5, 15, 3, 59), 4, date(2024, 5, 14)),
        (datetime(2024, 5, 15, 4, 0), 4, date(2024, 5, 15)),
        (datetime(2024, 5, 15, 23, 59), 4, date(2024, 5, 15)),
        (datetime(2024, 5, 15, 0, 0), 0, date(2024, 5, 15)),
        (datetime(2024, 3, 1, 1, 0), 4, date(2024, 2, 29)),
        (datetime(2024, 1, 1, 2, 0), 4, date(2023, 12, 31)),
        (datetime(2024, 5, 15, 2, 0, tzinfo=timezone(timedelta(hours=9))), 4, date(2024, 5, 14)),
    ],
)
def test_study_day(moment: datetime, starts_at: int, day: date) -> None:
    assert study_day(moment, starts_at) == day


def test_study_day_rejects_bad_hour() -> None:
    with pytest.raises(ValueError):
        study_day(datetime(2024, 5, 15, 12), 24)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2024-05-01", date(2024, 5, 1)),
        ("2024-05-15", TODAY),
        (" today ", TODAY),
        ("TODAY", TODAY),
        ("Yesterday", date(2024, 5, 14)),
    ],
)
def test_parse_day_accepts(text: str, day: date) -> None:
    assert parse_day(text, TODAY) == day


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("2024-05-16", "day 2024-05-16 is in the future: today is 2024-05-15"),
        ("tomorrow", "not understood: use YYYY-MM-DD, today or yesterday"),
        ("", "empty"),
        ("20240501", "not understood"),
        ("2024-W01-1", "not understood"),
        ("2024-02-30", "not a real date"),
        ("15/05/2024", "not understood"),
    ],
)
def test_parse_day_rejects(text: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_day(text, TODAY)
    assert fragment in str(caught.value)


@pytest.mark.parametrize(
    ("day", "starts_on", "start"),
    [
        (TODAY, "monday", date(2024, 5, 13)),
        (TODAY, "sunday", date(2024, 5, 12)),
        (date(2024, 5, 13), "monday", date(2024, 5, 13)),
        (date(2024, 5, 12), "monday", date(2024, 5, 6)),
        (date(2024, 5, 12), "sunday", date(2024, 5, 12)),
        (date(2024, 5, 18), "Sunday", date(2024, 5, 12)),
    ],
)
def test_week_start(day: date, starts_on: str, start: date) -> None:
    assert week_start(day, starts_on) == start


def test_week_start_rejects_other_days() -> None:
    with pytest.raises(ValidationError, match="use monday or sunday"):
        week_start(TODAY, "friday")


def test_week_days() -> None:
    days = week_days(date(2024, 12, 30))
    assert days[0] == date(2024, 12, 30)
    assert days[-1] == date(2025, 1, 5)
    assert len(days) == 7
    assert all(b - a == timedelta(days=1) for a, b in pairwise(days))


def test_check_entry_accepts_up_to_a_full_day() -> None:
    check_entry(1, TODAY, TODAY, 0)
    check_entry(1440, date(2024, 5, 1), TODAY, 0)
    check_entry(40, TODAY, TODAY, 1400)


@pytest.mark.parametrize(
    ("minutes", "day", "other", "fragment"),
    [
        (0, TODAY, 0, "at least 1 minute"),
        (-5, TODAY, 0, "at least 1 minute"),
        (1441, TODAY, 0, "at most 24h"),
        (30, date(2024, 5, 16), 0, "2024-05-16 is in the future"),
        (
            41,
            TODAY,
            1400,
            "2024-05-15 already has 23h 20m logged; adding 41m would pass 24h "
            "(at most 40m more fits)",
        ),
    ],
)
def test_check_entry_rejects(minutes: int, day: date, other: int, fragment: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_entry(minutes, day, TODAY, other)
    assert fragment in str(caught.value)


def test_go_to_takes_days_ago_as_well_as_days() -> None:
    from studytui.domain.days import parse_go_to

    today = date(2026, 3, 11)
    assert parse_go_to("-7", today) == date(2026, 3, 4)
    assert parse_go_to(" - 1 ", today) == date(2026, 3, 10)
    assert parse_go_to("-0", today) == today
    assert parse_go_to("Yesterday", today) == date(2026, 3, 10)
    assert parse_go_to("2025-12-31", today) == date(2025, 12, 31)
    assert parse_go_to(f"-{(today - date(1970, 1, 1)).days}", today) == date(1970, 1, 1)
    assert parse_go_to("-0007", today) == date(2026, 3, 4)
    for text, message in (
        ("2026-03-12", "in the future"),
        ("", "day is empty"),
        ("last week", 'day "last week" not understood: use YYYY-MM-DD, today, yesterday or -7'),
        ("-99999", "before 1970-01-01"),
        ("-999999", "before 1970-01-01"),
        ("-" + "9" * 5000, "before 1970-01-01"),
        (f"-{(today - date(1970, 1, 1)).days + 1}", "before 1970-01-01"),
        ("+3", "not understood"),
    ):
        with pytest.raises(ValidationError, match=message):
            parse_go_to(text, today)
