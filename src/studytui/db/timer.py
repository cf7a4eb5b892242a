"""The study timer. One row while it runs; stopping it turns it into a log entry."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Session

from studytui.db.entries import add_entry
from studytui.db.models import LogEntry, RunningTimer
from studytui.db.reads import TimerInfo, current_timer, sql_connection
from studytui.domain.days import study_day
from studytui.domain.entries import EntryDraft, check_note
from studytui.domain.errors import ValidationError
from studytui.domain.timer import TimerNotLoggable, loggable_minutes


def start_timer(
    session: Session, *, area_id: str, now_utc: datetime, milestone_id: str | None = None
) -> TimerInfo:
    running = current_timer(sql_connection(session))
    if running is not None:
        raise ValidationError(f"a timer for {running.area} is already running; stop it first")
    session.add(RunningTimer(id=1, area_id=area_id, milestone_id=milestone_id, started_at=now_utc))
    info = current_timer(sql_connection(session))
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
    note = check_note(note)  # a wrong note is the user's to fix, not a reason to discard
    info = current_timer(sql_connection(session))
    assert info is not None
    started_local = info.started_at.astimezone().replace(tzinfo=None)
    minutes = loggable_minutes(info.area, info.elapsed_seconds(now_utc), started_local)
    try:
        draft = EntryDraft(
            day=study_day(started_local, day_starts_at),
            minutes=minutes,
            area_id=timer.area_id,
            milestone_id=timer.milestone_id,
            note=note,
        )
        entry = add_entry(session, draft, today=today)
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
