"""The study timer, shared by the app and `studytui start`/`stop`: one row while it runs;
stopping it logs the time on the study day it started."""

from __future__ import annotations

from datetime import UTC, datetime

from studytui.actions.context import Tx, reading, writing
from studytui.actions.log import EntryChoices, Logged, choices_in, logged_in
from studytui.db import lookup, reads
from studytui.db import timer as store
from studytui.db.engine import Database
from studytui.db.reads import TimerInfo
from studytui.domain.entries import EntryDraft
from studytui.domain.errors import ValidationError
from studytui.domain.timer import TimerDraft, TimerNotLoggable, loggable_minutes

__all__ = ["TimerDraft", "TimerInfo", "TimerNotLoggable"]


def running_or_choices(db: Database, *, now: datetime) -> TimerInfo | EntryChoices:
    """The running timer, or, when none runs, what a new one can be started for. Decided from
    the database, not the screen: the shell may have started or stopped it meanwhile."""
    with reading(db, now) as tx:
        running = reads.current_timer(tx.sql)
        return running if running is not None else choices_in(tx)


def minutes_to_log(info: TimerInfo, *, now: datetime) -> int:
    """What stopping `info` now would log, before asking for a note; raises TimerNotLoggable
    when it could not be logged whatever the note (too short, or over 24 hours)."""
    started_local = info.started_at.astimezone().replace(tzinfo=None)
    return loggable_minutes(info.area, info.elapsed_seconds(now.astimezone(UTC)), started_local)


def start_timer(db: Database, draft: TimerDraft, *, now: datetime) -> TimerInfo:
    with writing(db, now) as tx:
        return _start(tx, draft)


def start_timer_named(
    db: Database, *, area: str, milestone: str | None = None, now: datetime
) -> TimerInfo:
    """`studytui start AREA [--milestone NAME]`."""
    with writing(db, now) as tx:
        found_area = lookup.find_area(tx.session, area)
        found = lookup.find_milestone(tx.session, milestone) if milestone is not None else None
        return _start(tx, TimerDraft(found_area.id, found.id if found else None))


def _start(tx: Tx, draft: TimerDraft) -> TimerInfo:
    return store.start_timer(
        tx.session, area_id=draft.area_id, milestone_id=draft.milestone_id, now_utc=tx.now_utc
    )


def stop_timer(db: Database, *, now: datetime, note: str = "") -> Logged:
    """Log the running timer's time. TimerNotLoggable when it cannot become one entry."""
    with writing(db, now) as tx:
        entry = store.stop_timer(
            tx.session,
            now_utc=tx.now_utc,
            today=tx.today,
            day_starts_at=tx.settings.day_starts_at,
            note=note,
        )
        draft = EntryDraft(
            entry.day, entry.minutes, entry.area_id, entry.milestone_id, note=entry.note
        )
        return logged_in(tx, draft, entry.id)


def discard_timer(db: Database, *, now: datetime) -> None:
    with writing(db, now) as tx:
        if not store.cancel_timer(tx.session):
            raise ValidationError("no timer is running")
