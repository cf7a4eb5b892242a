"""User settings: defaults, validation of typed values and their stored text form."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from studytui.domain.durations import (
    MAX_ENTRY_MINUTES,
    format_minutes,
    parse_duration,
    parse_goal_duration,
)
from studytui.domain.errors import ValidationError
from studytui.domain.streaks import StreakRules

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class Settings:
    daily_goal: int = 60  # minutes; 0 = off
    weekly_goal: int = 360  # minutes; 0 = off
    streak_minimum: int = 1  # minutes a day needs for the streak
    rest_days: frozenset[int] = frozenset()  # date.weekday() numbers
    max_freezes: int = 2
    day_starts_at: int = 4  # hour
    week_starts_on: str = "monday"
    target_date: date | None = None
    template: str = "software"

    def streak_rules(self) -> StreakRules:
        return StreakRules(
            streak_minimum=self.streak_minimum,
            rest_weekdays=self.rest_days,
            max_freezes=self.max_freezes,
        )


def _parse_int(text: str, low: int, high: int, what: str) -> int:
    cleaned = text.strip()
    # At most 9 digits: every bound is smaller, and int() refuses thousands of digits.
    if not re.fullmatch(r"[0-9]{1,9}", cleaned) or not low <= int(cleaned) <= high:
        raise ValidationError(f'"{cleaned}" not accepted: use {what} from {low} to {high}')
    return int(cleaned)


def _parse_rest_days(text: str) -> frozenset[int]:
    cleaned = text.strip().lower()
    if cleaned in ("", "none"):
        return frozenset()
    days: set[int] = set()
    for part in cleaned.split(","):
        name = part.strip()
        matches = [i for i, full in enumerate(WEEKDAY_NAMES) if name in (full, full[:3])]
        if not matches:
            raise ValidationError(
                f'"{name}" is not a weekday: use names like sat,sun (or full names), or none'
            )
        days.add(matches[0])
    if len(days) == 7:
        raise ValidationError("every day is a rest day: leave at least one study day")
    return frozenset(days)


def _format_rest_days(value: frozenset[int]) -> str:
    return ",".join(WEEKDAY_NAMES[d][:3] for d in sorted(value)) if value else "none"


def _parse_week_start(text: str) -> str:
    cleaned = text.strip().lower()
    for name in ("monday", "sunday"):
        if cleaned in (name, name[:3]):
            return name
    raise ValidationError(f'"{text.strip()}" not accepted: use monday or sunday')


def _parse_target_date(text: str) -> date | None:
    cleaned = text.strip().lower()
    if cleaned in ("", "none"):
        return None
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", cleaned):
            raise ValueError
        return date.fromisoformat(cleaned)
    except ValueError:
        raise ValidationError(f'"{text.strip()}" is not a date: use YYYY-MM-DD, or none') from None


def _parse_template(text: str) -> str:
    cleaned = text.strip().lower()
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", cleaned):
        raise ValidationError(f'"{text.strip()}" is not a template name')
    return cleaned


@dataclass(frozen=True)
class SettingSpec:
    description: str
    parse: Callable[[str], Any]
    format: Callable[[Any], str]
    internal: bool = False  # kept in storage but not changeable through `config`


# Ordered as `studytui config` lists them.
SETTING_KEYS: dict[str, SettingSpec] = {
    "daily_goal": SettingSpec(
        "Time to study each day, e.g. 1h or 45m; 0 turns it off",
        lambda t: parse_goal_duration(t, MAX_ENTRY_MINUTES),
        format_minutes,
    ),
    "weekly_goal": SettingSpec(
        "Time to study each week, e.g. 6h; 0 turns it off",
        parse_goal_duration,
        format_minutes,
    ),
    "streak_minimum": SettingSpec(
        "Least time in a day that keeps the streak going, e.g. 15m",
        parse_duration,
        format_minutes,
    ),
    "rest_days": SettingSpec(
        "Weekdays that never break the streak, e.g. sat,sun; or none",
        _parse_rest_days,
        _format_rest_days,
    ),
    "max_freezes": SettingSpec(
        "Most streak freezes held at once (one is earned per 7-day run), 0 to 7",
        lambda t: _parse_int(t, 0, 7, "a whole number"),
        str,
    ),
    "day_starts_at": SettingSpec(
        "Hour a study day begins, 0 to 23; study before it counts for the day before",
        lambda t: _parse_int(t, 0, 23, "an hour"),
        str,
    ),
    "week_starts_on": SettingSpec(
        "First day of the week for weekly goals: monday or sunday",
        _parse_week_start,
        str,
    ),
    "target_date": SettingSpec(
        "Date you aim to be job-ready, YYYY-MM-DD; or none",
        _parse_target_date,
        lambda v: "none" if v is None else v.isoformat(),
    ),
    "template": SettingSpec(
        "Study plan template the curriculum was created from",
        _parse_template,
        str,
        internal=True,
    ),
}

USER_SETTING_KEYS: tuple[str, ...] = tuple(k for k, s in SETTING_KEYS.items() if not s.internal)


def check_user_key(key: str) -> None:
    """A key `studytui config` takes; anything else is a ValidationError listing them."""
    spec = SETTING_KEYS.get(key)
    if spec is None or spec.internal:
        valid = ", ".join(USER_SETTING_KEYS)
        raise ValidationError(f'unknown setting "{key}": valid settings are {valid}')


def parse_setting(key: str, text: str, *, allow_internal: bool = False) -> Any:
    """Validate the text a user typed for ``key``; errors name the key and what is accepted.

    Internal keys are refused unless ``allow_internal`` (used when loading stored values).
    """
    if not (allow_internal and key in SETTING_KEYS):
        check_user_key(key)
    spec = SETTING_KEYS[key]
    try:
        return spec.parse(text)
    except ValidationError as error:
        raise ValidationError(f"{key}: {error}") from None


def check_for_today(key: str, value: Any, today: date) -> None:
    """What only the day makes wrong: a target date that has already passed."""
    if key == "target_date" and value is not None and value <= today:
        raise ValidationError(
            f"target_date {value.isoformat()} is not ahead: give a day after today ({today})"
        )


def format_setting(key: str, value: Any) -> str:
    """Stored and displayed text for ``value``; parse_setting reads it back unchanged."""
    return SETTING_KEYS[key].format(value)


def settings_from_strings(mapping: Mapping[str, str]) -> Settings:
    """Settings from stored text; unknown keys are ignored and broken values use the default,
    so a hand-edited or outdated store never stops the app from starting."""
    changes: dict[str, Any] = {}
    for key, text in mapping.items():
        if key not in SETTING_KEYS:
            continue
        try:
            changes[key] = parse_setting(key, text, allow_internal=True)
        except ValidationError:
            continue
    return replace(Settings(), **changes)


def settings_to_strings(settings: Settings) -> dict[str, str]:
    return {key: format_setting(key, getattr(settings, key)) for key in SETTING_KEYS}
