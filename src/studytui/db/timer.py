"""The study timer. One row while it runs; stopping it turns it into a log entry."""

from __future__ import annotations

import math
from datetime import date, datetime

from sqlmodel import Session

from studytui.db import reads
from studytui.db.entries import add_entry
from studytui.db.models import LogEntry, RunningTimer
from studytui.db.reads import TimerInfo, driver_connection
from studytui.domain.days import study_day
from studytui.domain.durations import MAX_ENTRY_MINUTES, format_minutes
from studytui.domain.errors import ValidationError


class TimerNotLoggable(ValidationError):
    """The running timer cannot become an entry (it ran over 24h, or its day is full).

    `reason` is the sentence without the command-line advice, for the app to phrase its own.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(
            f"{reason}; discard it with `studytui stop --discard` and log the real time "
            "with `studytui log`"
        )
        self.reason = reason


def current_timer(session: Session) -> TimerInfo | None:
    return reads.current_timer(driver_connection(session))


def start_timer(
    session: Session, *, area_id: str, now_utc: datetime, milestone_id: str | None = None
) -> TimerInfo:
    running = current_timer(session)
    if running is not None:
        raise ValidationError(f"a timer for {running.area} is already running; stop it first")
    session.add(RunningTimer(id=1, area_id=area_id, milestone_id=milestone_id, started_at=now_utc))
    session.flush()
    info = current_timer(session)
    assert info is not None
    return info


def stop_timer(
    session: Session,
    *,
    now_utc: datetime,
    today: date,
    day_starts_at: int,
    note: str = "",
) -> LogEntry:
    """Turn the running timer into an entry on the study day it started, in whole minutes,
    rounded to the nearest minute."""
    timer = session.get(RunningTimer, 1)
    if timer is None:
        raise ValidationError("no timer is running; start one with `studytui start AREA`")
    info = current_timer(session)
    assert info is not None
    minutes = math.floor(info.elapsed_seconds(now_utc) / 60 + 0.5)
    started_local = info.started_at.astimezone().replace(tzinfo=None)
    if minutes == 0:
        # Rounding up would log a minute nobody studied, and keep a streak going with it.
        raise TimerNotLoggable(f"the timer for {info.area} ran for less than a minute")
    if minutes > MAX_ENTRY_MINUTES:
        # Almost always a timer forgotten overnight: logging 30 hours would be wrong, and
        # splitting it across days would invent study time nobody remembers doing.
        raise TimerNotLoggable(
            f"the timer for {info.area} has run for {format_minutes(minutes)} since "
            f"{started_local:%Y-%m-%d %H:%M}, more than one entry can hold (24h)"
        )
    try:
        entry = add_entry(
            session,
            day=study_day(started_local, day_starts_at),
            minutes=minutes,
            area_id=timer.area_id,
            milestone_id=timer.milestone_id,
            note=note,
            today=today,
        )
    except ValidationError as exc:
        raise TimerNotLoggable(f"the timer's time cannot be logged: {exc}") from exc
    session.delete(timer)
    return entry


def cancel_timer(session: Session) -> bool:
    timer = session.get(RunningTimer, 1)
    if timer is None:
        return False
    session.delete(timer)
    return True
