import pytest
from hypothesis import given
from hypothesis import strategies as st

from studytui.domain.durations import (
    MAX_ENTRY_MINUTES,
    MAX_GOAL_MINUTES,
    format_hours,
    format_minutes,
    parse_duration,
    parse_goal_duration,
)
from studytui.domain.errors import ValidationError


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("90", 90),
        ("90m", 90),
        ("90 min", 90),
        ("1.5h", 90),
        ("1,5h", 90),  # a decimal comma
        ("0,25 h", 15),
        ("1h30m", 90),
        ("1h 30m", 90),
        ("1H 30M", 90),
        ("1:30", 90),
        ("0:05", 5),
        ("2h", 120),
        ("  45m \t", 45),
        (".5h", 30),
        ("24h", MAX_ENTRY_MINUTES),
        ("0.5", 1),  # half a minute rounds up
        ("1.4", 1),
        ("0.01h", 1),  # 0.6 minutes
        ("0.025h", 2),  # exactly 1.5 minutes: half up, not banker's rounding
    ],
)
def test_parse_duration_accepts(text: str, minutes: int) -> None:
    assert parse_duration(text) == minutes


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("abc", 'duration "abc" not understood: use 90, 90m, 1.5h, 1h30m or 1:30'),
        ("-30", "negative"),
        ("-1h", "negative"),
        ("0", "less than a minute"),
        ("0m", "less than a minute"),
        ("0.4", "less than a minute"),
        ("1:75", 'after ":" must be 00 to 59'),
        ("1:60", 'after ":" must be 00 to 59'),
        ("25h", "at most 24h"),
        ("1441", "at most 24h"),
        ("30m 1h", "not understood"),
        ("1h30x", "not understood"),
        ("h", "not understood"),
        ("1.2.3", "not understood"),
        ("1:5", "not understood"),
        ("٣٠", "not understood"),  # non-ASCII digits are not minutes
    ],
)
def test_parse_duration_rejects(text: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_duration(text)
    message = str(caught.value)
    assert fragment in message
    assert "\n" not in message


def test_goal_duration_allows_zero_and_a_week() -> None:
    assert parse_goal_duration("0") == 0
    assert parse_goal_duration("0m") == 0
    assert parse_goal_duration("6h") == 360
    assert parse_goal_duration("168h") == MAX_GOAL_MINUTES


def test_goal_duration_cap() -> None:
    with pytest.raises(ValidationError, match="too large: at most 168h"):
        parse_goal_duration("169h")
    with pytest.raises(ValidationError, match="at most 24h"):
        parse_goal_duration("25h", max_minutes=MAX_ENTRY_MINUTES)
    with pytest.raises(ValidationError, match="negative"):
        parse_goal_duration("-5")


@pytest.mark.parametrize(
    ("minutes", "text"),
    [(0, "0m"), (45, "45m"), (60, "1h"), (90, "1h 30m"), (1505, "25h 5m"), (-90, "-1h 30m")],
)
def test_format_minutes(minutes: int, text: str) -> None:
    assert format_minutes(minutes) == text


@pytest.mark.parametrize(
    ("minutes", "text"), [(0, "0.0 h"), (90, "1.5 h"), (60, "1.0 h"), (3, "0.1 h"), (100, "1.7 h")]
)
def test_format_hours(minutes: int, text: str) -> None:
    assert format_hours(minutes) == text


@given(st.integers(min_value=1, max_value=MAX_ENTRY_MINUTES))
def test_format_minutes_round_trips(minutes: int) -> None:
    assert parse_duration(format_minutes(minutes)) == minutes
