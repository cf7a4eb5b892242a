"""Logging study time: add, change, delete and undo entries, and the Daily log's view.

The entry form gives ids (it resolved the names as you typed, with `domain.matching`, over the
same choices `entry_choices` returns); the shell gives the names as typed, resolved by the same
rule in `actions.log_request`. Every entry is checked by `db.entry_checks`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from studytui.actions.context import Tx, reading, writing
from studytui.actions.log_request import Logged, LogRequest, draft_from_request, logged_result
from studytui.actions.undo import Undoable
from studytui.db import choices, reads
from studytui.db import entries as store
from studytui.db.engine import Database
from studytui.db.entries import EntryRow
from studytui.db.reads import TimerInfo
from studytui.domain.days import EARLIEST_DAY, week_start
from studytui.domain.durations import format_minutes
from studytui.domain.entries import EntryDraft, draft_of
from studytui.domain.export_records import EntryRecord
from studytui.domain.matching import Choice

__all__ = [
    "EntryDeleted",
    "EntryDraft",
    "EntryRecord",
    "EntryRow",
    "LogRequest",
    "Logged",
    "TimerInfo",
]


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
class LogView:
    """The Daily log: one day, or the week around it."""

    today: date
    day: date  # the day shown, or the day the week view was opened on
    first: date  # the range shown: the day itself, or its week (from 1970-01-01 at the earliest)
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
    last = choices.last_used_area(tx.sql)
    return EntryChoices(
        areas=tuple(choices.area_choices(tx.sql)),
        milestones=tuple(choices.milestone_choices(tx.sql)),
        certificates=tuple(choices.certificate_choices(tx.sql)),
        activities=tuple(choices.activity_choices(tx.sql)),
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
    """`studytui log` on the full road (see `actions.log_request` for the quick one)."""
    with writing(db, now) as tx:
        draft = draft_from_request(tx.sql, request, tx.today)
        entry = store.add_entry(tx.session, draft, today=tx.today)
        return logged_in(tx, draft, entry.id)


def logged_in(tx: Tx, draft: EntryDraft, entry_id: str) -> Logged:
    tx.session.flush()
    return logged_result(
        tx.sql,
        draft,
        entry_id,
        settings=tx.settings,
        today=tx.today,
        updated=draft.entry_id is not None,
    )


@dataclass(frozen=True)
class EntryDeleted(Undoable):
    """A deleted entry: it comes back with its id and creation time (`actions.undo.undo`)."""

    record: EntryRecord
    area: str

    @property
    def summary(self) -> str:
        r = self.record
        return f"deleted {format_minutes(r.minutes)} of {self.area} on {r.day}"

    def put_back(self, tx: Tx) -> str:
        store.restore_entry(tx.session, self.record)
        return ""


def delete_entry(db: Database, entry_id: str, *, now: datetime) -> EntryDeleted:
    """Delete one entry; what it returns puts it back."""
    with writing(db, now) as tx:
        record = store.delete_entry(tx.session, entry_id)
        area = choices.names_of(tx.sql, draft_of(record))
        return EntryDeleted(record, area[0] if area else "?")


def log_view(db: Database, *, now: datetime, day: date | None, week: bool) -> LogView:
    """`day` None follows today, even across midnight; a day after today shows today, and
    one before EARLIEST_DAY shows that day. The week of EARLIEST_DAY is shown from it: there
    is nothing before it to show."""
    with reading(db, now) as tx:
        today = tx.today
        shown = max(min(day or today, today), EARLIEST_DAY)
        if week:
            start = week_start(shown, tx.settings.week_starts_on)
            first, last = max(start, EARLIEST_DAY), start + timedelta(days=6)
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
