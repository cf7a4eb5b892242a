"""Streaks with rest weekdays and earned freezes.

The rules are the product owner's, applied day by day from the first logged day to today:
a qualifying day (total >= streak_minimum) adds 1 to the run, and every time the run
reaches a multiple of 7 a freeze is earned (never holding more than max_freezes).
A non-qualifying rest weekday changes nothing; neither does today while it does not
qualify yet. Any other non-qualifying day uses a freeze if one is held, else resets the run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class StreakRules:
    streak_minimum: int = 1
    rest_weekdays: frozenset[int] = frozenset()  # date.weekday(): 0 = Monday ... 6 = Sunday
    max_freezes: int = 2


@dataclass(frozen=True)
class StreakResult:
    current: int
    longest: int
    freezes_held: int
    frozen_days: frozenset[date]  # days a freeze was used up
    rest_days_used: frozenset[date]  # non-qualifying rest weekdays before today
    today_qualifies: bool


def compute_streaks(
    daily_minutes: Mapping[date, int], today: date, rules: StreakRules
) -> StreakResult:
    """Apply the streak rules to ``daily_minutes`` (day -> total); days after today are ignored.

    Runs in time proportional to the days between the first logged day and today.
    Today is still open, so it is never reported as a frozen or rest day.
    """
    today_qualifies = daily_minutes.get(today, 0) >= rules.streak_minimum
    logged = [day for day, minutes in daily_minutes.items() if minutes > 0 and day <= today]
    if not logged:
        return StreakResult(0, 0, 0, frozenset(), frozenset(), today_qualifies)

    run = freezes = longest = 0
    frozen: list[date] = []
    rested: list[date] = []
    day = min(logged)
    one_day = timedelta(days=1)
    while day <= today:
        if daily_minutes.get(day, 0) >= rules.streak_minimum:
            run += 1
            longest = max(longest, run)
            if run % 7 == 0:
                freezes = min(freezes + 1, rules.max_freezes)
        elif day == today:
            pass
        elif day.weekday() in rules.rest_weekdays:
            rested.append(day)
        elif freezes > 0:
            freezes -= 1
            frozen.append(day)
        else:
            run = 0
        day += one_day

    return StreakResult(
        current=run,
        longest=longest,
        freezes_held=freezes,
        frozen_days=frozenset(frozen),
        rest_days_used=frozenset(rested),
        today_qualifies=today_qualifies,
    )
