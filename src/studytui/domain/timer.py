"""The study timer's rules: how a running timer becomes minutes, and when it cannot."""

from __future__ import annotations

import math
from dataclasses import dataclass

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
