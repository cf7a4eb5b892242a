"""The study timer's rules: how a running timer becomes minutes, and when it cannot."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from studytui.domain.durations import MAX_ENTRY_MINUTES, format_minutes
from studytui.domain.errors import ValidationError


@dataclass(frozen=True)
class TimerDraft:
    """What a new timer runs for (ids, resolved as the user typed)."""

    area_id: str
    milestone_id: str | None = None


class TimerNotLoggable(ValidationError):
    """The running timer cannot become an entry (too short, over 24h, or its day is full).

    `reason` is the sentence without the command-line advice, for the app to phrase its own.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(
            f"{reason}; discard it with `studytui stop --discard` and log the real time "
            "with `studytui log`"
        )
        self.reason = reason


def timer_minutes(elapsed_seconds: int) -> int:
    """Whole minutes, rounded to the nearest: under half a minute is 0, which logs nothing."""
    return math.floor(elapsed_seconds / 60 + 0.5)


def loggable_minutes(area: str, elapsed_seconds: int, started_local: datetime) -> int:
    """The minutes a timer for `area` that has run `elapsed_seconds` would log; raises
    TimerNotLoggable when it cannot become an entry whatever the day holds."""
    minutes = timer_minutes(elapsed_seconds)
    if minutes == 0:
        # Rounding up would log a minute nobody studied, and keep a streak going with it.
        raise TimerNotLoggable(f"the timer for {area} ran for less than half a minute")
    if minutes > MAX_ENTRY_MINUTES:
        # Almost always a timer forgotten overnight: logging 30 hours would be wrong, and
        # splitting it across days would invent study time nobody remembers doing.
        raise TimerNotLoggable(
            f"the timer for {area} has run for {format_minutes(minutes)} since "
            f"{started_local:%Y-%m-%d %H:%M}, more than one entry can hold (24h)"
        )
    return minutes
