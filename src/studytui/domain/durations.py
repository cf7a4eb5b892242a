"""Parsing and formatting study durations; everything is whole minutes."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from studytui.domain.errors import ValidationError

MAX_ENTRY_MINUTES = 24 * 60
MAX_GOAL_MINUTES = 7 * MAX_ENTRY_MINUTES

_HINT = "use 90, 90m, 1.5h, 1h30m or 1:30"
_NUMBER = r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
# Hours part, minutes part, or both ("1h30m", "1h 30m"); at least one is checked below.
_UNITS = re.compile(
    rf"(?:(?P<h>{_NUMBER})\s*(?:h|hr|hrs|hour|hours))?\s*"
    rf"(?:(?P<m>{_NUMBER})\s*(?:m|min|mins|minute|minutes)?)?"
)
_CLOCK = re.compile(r"(?P<h>[0-9]+):(?P<m>[0-9]{2})")
# More minutes than any limit: a longer number reads as this, so the caller says "too long"
# instead of Decimal running out of precision on 29 digits (or int() on 5000).
_HUGE = 10**9
_MAX_DIGITS = 12


def _round_minutes(value: Decimal) -> int:
    # Decimal rather than float so that 0.5 minutes rounds up the way users expect.
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _minutes(text: str) -> int:
    """Minutes written in ``text`` (may be 0); raises for anything not understood."""
    # A decimal comma is how half of the world writes 1,5h.
    cleaned = text.strip().lower().replace(",", ".")
    if not cleaned:
        raise ValidationError(f"duration is empty: {_HINT}")
    if cleaned.startswith("-"):
        raise ValidationError(f'duration "{text.strip()}" is negative: {_HINT}')
    clock = _CLOCK.fullmatch(cleaned)
    if clock:
        if int(clock["m"]) >= 60:
            raise ValidationError(
                f'duration "{cleaned}" not understood: minutes after ":" must be 00 to 59'
            )
        if len(clock["h"]) > _MAX_DIGITS:
            return _HUGE
        return int(clock["h"]) * 60 + int(clock["m"])
    units = _UNITS.fullmatch(cleaned)
    if not units or (units["h"] is None and units["m"] is None):
        raise ValidationError(f'duration "{text.strip()}" not understood: {_HINT}')
    parts = [units["h"] or "0", units["m"] or "0"]
    if any(len(part.split(".")[0]) > _MAX_DIGITS for part in parts):
        return _HUGE
    total = Decimal(parts[0]) * 60 + Decimal(parts[1])
    return min(_round_minutes(total), _HUGE)


def parse_duration(text: str) -> int:
    """Minutes for one study entry: 1 to MAX_ENTRY_MINUTES."""
    minutes = _minutes(text)
    if minutes <= 0:
        raise ValidationError(f'duration "{text.strip()}" is less than a minute: {_HINT}')
    if minutes > MAX_ENTRY_MINUTES:
        raise ValidationError(f'duration "{text.strip()}" is too long: at most 24h')
    return minutes


def parse_goal_duration(text: str, max_minutes: int = MAX_GOAL_MINUTES) -> int:
    """Minutes for a goal: 0 (goal off) up to ``max_minutes`` (a week by default)."""
    minutes = _minutes(text)
    if minutes > max_minutes:
        raise ValidationError(
            f'goal "{text.strip()}" is too large: at most {format_minutes(max_minutes)}, '
            "or 0 to turn the goal off"
        )
    return minutes


def format_minutes(minutes: int) -> str:
    """``0m``, ``45m``, ``1h``, ``1h 30m``; the output parses back to the same value."""
    if minutes < 0:
        return "-" + format_minutes(-minutes)
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return f"{hours}h {rest}m"
    return f"{hours}h" if hours else f"{rest}m"


def format_hours(minutes: int) -> str:
    """Hours with one decimal, e.g. ``1.5 h``."""
    hours = (Decimal(minutes) / 60).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{hours} h"
