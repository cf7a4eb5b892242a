"""Logging study time: add, change, delete and undo entries, and the Daily log's view.

The entry form gives ids (it resolved the names as you typed, with `domain.matching`, over the
same choices `entry_choices` returns); the shell gives the names as typed, resolved here by the
same rule. Both end in `_add`, so an entry is checked and written one way only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from studytui.actions.context import Tx, reading, writing
from studytui.db import entries as store
from studytui.db import lookup, reads
from studytui.db.engine import Database
from studytui.db.entries import EntryRow
from studytui.db.models import Area
from studytui.db.reads import TimerInfo
from studytui.domain.days import parse_day, week_start
from studytui.domain.entries import EntryDraft
from studytui.domain.errors import ValidationError
from studytui.domain.export_records import EntryRecord
from studytui.domain.matching import Choice
from studytui.domain.streaks import compute_streaks

__all__ = ["EntryDraft", "EntryRecord", "EntryRow", "TimerInfo"]


@dataclass(frozen=True)
class EntryChoices:
    """What an entry can be attributed to, in the order to offer them, and today."""

    areas: tuple[Choice[str], ...]
    milestones: tuple[Choice[str], ...]
    certificates: tuple[Choice[str], ...]
    activities: tuple[Choice[str], ...]
    last_area: str | None  # the name of the area logged most recently, the usual default
    today: date


@dataclass(frozen=True)
class Logged:
    """What was written, and the day and streak it leaves."""

    entry_id: str
    day: date
    minutes: int
    area: str
    towards: tuple[str, ...]  # the milestone, certificate and activity it counts for
    today: date
    day_minutes: int  # everything logged on `day`, this entry included
    daily_goal: int
    streak_days: int  # the current streak, as of today
    updated: bool  # an existing entry was changed


@dataclass(frozen=True)
class LogRequest:
    """`studytui log`: names and the day as typed; None means not given."""

    minutes: int
    day: str | None = None
    area: str | None = None
    milestone: str | None = None
    certificate: str | None = None
    activity: str | None = None
    note: str = ""


@dataclass(frozen=True)
class LogView:
    """The Daily log: one day, or the week around it."""

    today: date
    day: date  # the day shown, or the day the week view was opened on
    first: date  # the range shown: the day itself, or its week
    last: date
    week: bool
    entries: tuple[EntryRow, ...]
    totals: dict[date, int]  # minutes per day of the range
    daily_goal: int
    weekly_goal: int
    timer: TimerInfo | None


def entry_choices(db: Database, *, now: datetime) -> EntryChoices:
    with reading(db, now) as tx:
        return choices_in(tx)


def choices_in(tx: Tx) -> EntryChoices:
    last = lookup.last_used_area(tx.session)
    return EntryChoices(
        areas=tuple(lookup.area_choices(tx.session)),
        milestones=tuple(lookup.milestone_choices(tx.session)),
        certificates=tuple(lookup.certificate_choices(tx.session)),
        activities=tuple(lookup.activity_choices(tx.session)),
        last_area=last.name if last else None,
        today=tx.today,
    )


def save_entry(db: Database, draft: EntryDraft, *, now: datetime) -> Logged:
    """Add the entry, or change the one `draft.entry_id` names."""
    with writing(db, now) as tx:
        if draft.entry_id is None:
            entry = store.add_entry(tx.session, draft, today=tx.today)
        else:
            entry = store.update_entry(tx.session, draft.entry_id, draft, today=tx.today)
        return logged_in(tx, draft, entry.id)


def log_time(db: Database, request: LogRequest, *, now: datetime) -> Logged:
    """`studytui log`: without an area, the milestone's own area, else the one used last."""
    with writing(db, now) as tx:
        draft = _draft_from_names(tx, request)
        entry = store.add_entry(tx.session, draft, today=tx.today)
        return logged_in(tx, draft, entry.id)


def _draft_from_names(tx: Tx, request: LogRequest) -> EntryDraft:
    session = tx.session
    day = parse_day(request.day, tx.today) if request.day is not None else tx.today
    # An empty name given on purpose (`--area ""`) is refused by the lookup, listing the choices.
    milestone = (
        lookup.find_milestone(session, request.milestone) if request.milestone is not None else None
    )
    area: Area | None
    if request.area is not None:
        area = lookup.find_area(session, request.area)
    elif milestone is not None:
        area = session.get(Area, milestone.area_id)
    else:
        area = lookup.last_used_area(session)
    if area is None:
        names = ", ".join(c.name for c in lookup.area_choices(session))
        raise ValidationError(f"which study area? add --area, one of: {names}")
    cert = (
        lookup.find_certificate(session, request.certificate)
        if request.certificate is not None
        else None
    )
    activity = (
        lookup.find_activity(session, request.activity) if request.activity is not None else None
    )
    return EntryDraft(
        day=day,
        minutes=request.minutes,
        area_id=area.id,
        milestone_id=milestone.id if milestone else None,
        certificate_id=cert.id if cert else None,
        activity_id=activity.id if activity else None,
        note=request.note,
    )


def logged_in(tx: Tx, draft: EntryDraft, entry_id: str) -> Logged:
    """What the shell and the app say after a write: names, that day's total, the streak."""
    session = tx.session
    session.flush()
    names = store.entry_names(session, draft)
    daily = reads.daily_totals(tx.sql, last=tx.today)
    streak = compute_streaks(daily, tx.today, tx.settings.streak_rules())
    return Logged(
        entry_id=entry_id,
        day=draft.day,
        minutes=draft.minutes,
        area=names[0],
        towards=names[1:],
        today=tx.today,
        day_minutes=daily.get(draft.day, 0),
        daily_goal=tx.settings.daily_goal,
        streak_days=streak.current,
        updated=draft.entry_id is not None,
    )


def delete_entry(db: Database, entry_id: str, *, now: datetime) -> EntryRecord:
    """Delete one entry; what it returns puts it back (`undo_delete`)."""
    with writing(db, now) as tx:
        return store.delete_entry(tx.session, entry_id)


def undo_delete(db: Database, record: EntryRecord, *, now: datetime) -> None:
    with writing(db, now) as tx:
        store.restore_entry(tx.session, record)


def log_view(db: Database, *, now: datetime, day: date | None, week: bool) -> LogView:
    """`day` None follows today, even across midnight; a day after today shows today."""
    with reading(db, now) as tx:
        today = tx.today
        shown = min(day or today, today)
        if week:
            first = week_start(shown, tx.settings.week_starts_on)
            last = first + timedelta(days=6)
        else:
            first = last = shown
        return LogView(
            today=today,
            day=shown,
            first=first,
            last=last,
            week=week,
            entries=tuple(store.entries_between(tx.session, first, last)),
            totals=reads.daily_totals(tx.sql, first, last),
            daily_goal=tx.settings.daily_goal,
            weekly_goal=tx.settings.weekly_goal,
            timer=reads.current_timer(tx.sql),
        )
