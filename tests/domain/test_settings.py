from dataclasses import fields
from datetime import date
from typing import Any

import pytest

from studytui.domain.errors import ValidationError
from studytui.domain.settings import (
    SETTING_KEYS,
    USER_SETTING_KEYS,
    Settings,
    format_setting,
    parse_setting,
    settings_from_strings,
    settings_to_strings,
)
from studytui.domain.streaks import StreakRules


def test_registry_matches_settings_fields_in_order() -> None:
    assert list(SETTING_KEYS) == [f.name for f in fields(Settings)]
    assert all(spec.description and "\n" not in spec.description for spec in SETTING_KEYS.values())


def test_template_is_internal() -> None:
    assert SETTING_KEYS["template"].internal
    assert "template" not in USER_SETTING_KEYS
    assert USER_SETTING_KEYS[0] == "daily_goal"
    with pytest.raises(ValidationError, match='unknown setting "template"'):
        parse_setting("template", "data")
    assert parse_setting("template", "Data", allow_internal=True) == "data"


def test_defaults() -> None:
    s = Settings()
    assert (s.daily_goal, s.weekly_goal, s.streak_minimum) == (60, 360, 1)
    assert (s.rest_days, s.max_freezes, s.day_starts_at) == (frozenset(), 2, 4)
    assert (s.week_starts_on, s.target_date, s.template) == ("monday", None, "software")


def test_streak_rules() -> None:
    s = Settings(streak_minimum=20, rest_days=frozenset({6}), max_freezes=1)
    assert s.streak_rules() == StreakRules(20, frozenset({6}), 1)


@pytest.mark.parametrize(
    ("key", "text", "value"),
    [
        ("daily_goal", "1h", 60),
        ("daily_goal", "0", 0),
        ("daily_goal", "24h", 1440),
        ("weekly_goal", "10h 30m", 630),
        ("weekly_goal", "168h", 10080),
        ("streak_minimum", "15m", 15),
        ("streak_minimum", "1", 1),
        ("rest_days", "sat,sun", frozenset({5, 6})),
        ("rest_days", " Saturday , SUN ", frozenset({5, 6})),
        ("rest_days", "none", frozenset()),
        ("rest_days", "mon,mon", frozenset({0})),
        ("max_freezes", "0", 0),
        ("max_freezes", "7", 7),
        ("day_starts_at", "0", 0),
        ("day_starts_at", " 23 ", 23),
        ("week_starts_on", "Sunday", "sunday"),
        ("week_starts_on", "mon", "monday"),
        ("target_date", "2025-03-01", date(2025, 3, 1)),
        ("target_date", "NONE", None),
    ],
)
def test_parse_setting_accepts(key: str, text: str, value: Any) -> None:
    assert parse_setting(key, text) == value


@pytest.mark.parametrize(
    ("key", "text", "fragment"),
    [
        ("daily_goal", "25h", "daily_goal: "),
        ("daily_goal", "lots", 'daily_goal: duration "lots" not understood'),
        ("weekly_goal", "169h", "at most 168h"),
        ("streak_minimum", "0", "streak_minimum: "),
        ("streak_minimum", "25h", "at most 24h"),
        ("rest_days", "sat,funday", '"funday" is not a weekday'),
        ("rest_days", "mon,tue,wed,thu,fri,sat,sun", "at least one study day"),
        ("max_freezes", "8", 'max_freezes: "8" not accepted: use a whole number from 0 to 7'),
        ("max_freezes", "-1", "from 0 to 7"),
        ("max_freezes", "two", "from 0 to 7"),
        ("day_starts_at", "24", "use an hour from 0 to 23"),
        ("day_starts_at", "4.5", "use an hour from 0 to 23"),
        ("week_starts_on", "friday", "use monday or sunday"),
        ("target_date", "next year", "use YYYY-MM-DD, or none"),
        ("target_date", "2025-02-30", "use YYYY-MM-DD, or none"),
    ],
)
def test_parse_setting_rejects(key: str, text: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_setting(key, text)
    assert fragment in str(caught.value)


def test_unknown_key_lists_valid_keys() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_setting("dailygoal", "1h")
    message = str(caught.value)
    assert 'unknown setting "dailygoal"' in message
    assert all(key in message for key in USER_SETTING_KEYS)


@pytest.mark.parametrize(
    ("key", "value", "text"),
    [
        ("daily_goal", 90, "1h 30m"),
        ("daily_goal", 0, "0m"),
        ("rest_days", frozenset({6, 0, 5}), "mon,sat,sun"),
        ("rest_days", frozenset(), "none"),
        ("max_freezes", 3, "3"),
        ("target_date", None, "none"),
        ("target_date", date(2025, 3, 1), "2025-03-01"),
        ("week_starts_on", "sunday", "sunday"),
    ],
)
def test_format_setting_round_trips(key: str, value: Any, text: str) -> None:
    assert format_setting(key, value) == text
    assert parse_setting(key, text, allow_internal=True) == value


def test_strings_round_trip() -> None:
    s = Settings(
        daily_goal=45,
        weekly_goal=0,
        streak_minimum=10,
        rest_days=frozenset({5, 6}),
        max_freezes=0,
        day_starts_at=0,
        week_starts_on="sunday",
        target_date=date(2025, 1, 31),
        template="data",
    )
    stored = settings_to_strings(s)
    assert list(stored) == list(SETTING_KEYS)
    assert settings_from_strings(stored) == s
    assert settings_from_strings(settings_to_strings(Settings())) == Settings()


def test_from_strings_ignores_unknown_and_falls_back_on_bad_values() -> None:
    s = settings_from_strings(
        {"daily_goal": "garbage", "weekly_goal": "5h", "colour": "red", "max_freezes": "99"}
    )
    assert s == Settings(weekly_goal=300)
    assert settings_from_strings({}) == Settings()
