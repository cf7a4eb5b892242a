"""The current time, in one place so that tests and demos can pin it.

`STUDYTUI_NOW` (an ISO date-time such as 2026-03-02T21:15) freezes the clock for a whole
process; the test suite and the screenshots in the README use it to get stable dates.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

NOW_ENV_VAR = "STUDYTUI_NOW"


def now() -> datetime:
    """This moment, aware, in the local time zone: what every action is given as `now`.

    A pinned value without a zone is local wall-clock time.
    """
    pinned = os.environ.get(NOW_ENV_VAR)
    if pinned:
        return datetime.fromisoformat(pinned).astimezone()
    return datetime.now().astimezone()


def now_local() -> datetime:
    """Naive local wall-clock time: what a study day is measured in."""
    return now().replace(tzinfo=None)


def now_utc() -> datetime:
    return now().astimezone(UTC)
