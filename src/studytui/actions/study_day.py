"""The study day a moment falls on. Light on purpose: the quick reads use it before SQLModel."""

from __future__ import annotations

from datetime import date, datetime

from studytui.domain.days import study_day
from studytui.domain.settings import Settings


def today_at(now: datetime, settings: Settings) -> date:
    """01:30 still counts for the day before (the `day_starts_at` setting)."""
    return study_day(now, settings.day_starts_at)
