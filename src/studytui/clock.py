"""The current time, in one place so that tests and demos can pin it.

`STUDYTUI_NOW` (an ISO date-time such as 2026-03-02T21:15) freezes the clock for a whole
process; the test suite and the screenshots in the README use it to get stable dates.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

NOW_ENV_VAR = "STUDYTUI_NOW"


def now_local() -> datetime:
    """Naive local wall-clock time: what a study day is measured in."""
    pinned = os.environ.get(NOW_ENV_VAR)
    if pinned:
        return datetime.fromisoformat(pinned).replace(tzinfo=None)
    return datetime.now()


def now_utc() -> datetime:
    pinned = os.environ.get(NOW_ENV_VAR)
    if pinned:
        return datetime.fromisoformat(pinned).astimezone(UTC)
    return datetime.now(UTC)
