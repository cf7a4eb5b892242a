"""Log entries: adding, changing, deleting and listing them. The rules an entry passes are
`domain.entries`; the use cases that call these are `actions.log` and `actions.timer`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select
from sqlmodel import Session, col, func, select

from studytui.db import entry_checks
from studytui.db.entry_checks import check_entry_draft, check_restorable
from studytui.db.models import Area, Certificate, LogEntry, Milestone, SideActivity
from studytui.db.reads import sql_connection
from studytui.domain.entries import EntryDraft, draft_of
from studytui.domain.errors import ValidationError
from studytui.domain.export_records import EntryRecord


@dataclass(frozen=True)
class EntryRow:
    """A log entry with the names a screen shows beside it."""

    id: str
    day: date
    minutes: int
    area_id: str
    area: str
    milestone_id: str | None
    milestone: str | None
    certificate_id: str | None
    certificate: str | None
    activity_id: str | None
    activity: str | None
    note: str
    created_at: datetime


def day_total(session: Session, day: date, *, excluding: str | None = None) -> int:
    return entry_checks.day_total(sql_connection(session), day, excluding=excluding)


def add_entry(session: Session, draft: EntryDraft, *, today: date) -> LogEntry:
    note = check_entry_draft(sql_connection(session), draft, today=today)
    entry = LogEntry(
        day=draft.day,
        minutes=draft.minutes,
        area_id=draft.area_id,
        milestone_id=draft.milestone_id,
        certificate_id=draft.certificate_id,
        activity_id=draft.activity_id,
        note=note,
    )
    session.add(entry)
    return entry


def update_entry(session: Session, entry_id: str, draft: EntryDraft, *, today: date) -> LogEntry:
    entry = _entry(session, entry_id)
    note = check_entry_draft(sql_connection(session), draft, today=today, excluding=entry_id)
    entry.day, entry.minutes, entry.area_id = draft.day, draft.minutes, draft.area_id
    entry.milestone_id, entry.certificate_id = draft.milestone_id, draft.certificate_id
    entry.activity_id, entry.note = draft.activity_id, note
    session.add(entry)
    return entry


def _entry(session: Session, entry_id: str) -> LogEntry:
    entry = session.get(LogEntry, entry_id)
    if entry is None:
        raise ValidationError("that entry no longer exists (deleted elsewhere?)")
    return entry


def entry_record(entry: LogEntry | EntryRow) -> EntryRecord:
    """Everything about an entry: what an export holds and what puts a deleted one back."""
    return EntryRecord(**{f.name: getattr(entry, f.name) for f in fields(EntryRecord)})


def delete_entry(session: Session, entry_id: str) -> EntryRecord:
    entry = _entry(session, entry_id)
    record = entry_record(entry)
    session.delete(entry)
    return record


def restore_entry(session: Session, record: EntryRecord) -> LogEntry:
    """Undo a delete: the entry comes back with its original id and creation time."""
    if session.get(LogEntry, record.id) is not None:
        raise ValidationError("that entry is back already; nothing to undo")
    draft = draft_of(record)
    check_restorable(sql_connection(session), draft)
    # It was valid when logged, so only the day's total can have changed since: passing its
    # own day as "today" skips the future-day check, which a later clock change could trip.
    check_entry_draft(sql_connection(session), draft, today=record.day)
    entry = LogEntry(**asdict(record))
    session.add(entry)
    return entry


def join_entry_names(query: Select[Any]) -> Select[Any]:
    """Join each entry's area (it always has one) and its milestone, certificate and side
    activity (each optional), so that a query can select their names."""
    return (
        query.join(Area, col(LogEntry.area_id) == col(Area.id))
        .outerjoin(Milestone, col(LogEntry.milestone_id) == col(Milestone.id))
        .outerjoin(Certificate, col(LogEntry.certificate_id) == col(Certificate.id))
        .outerjoin(SideActivity, col(LogEntry.activity_id) == col(SideActivity.id))
    )


def entries_between(
    session: Session, first: date, last: date, *, area_id: str | None = None
) -> list[EntryRow]:
    """Entries from `first` to `last` inclusive (of one area, if given), oldest day first, in
    the order logged."""
    query = _rows_query().where(col(LogEntry.day) >= first, col(LogEntry.day) <= last)
    if area_id is not None:
        query = query.where(col(LogEntry.area_id) == area_id)
    return _rows(session, query.order_by(col(LogEntry.day), col(LogEntry.created_at)))


def entries_with_id_prefix(session: Session, prefix: str, *, limit: int) -> list[EntryRow]:
    """Entries whose id starts with `prefix` (at most `limit` of them), newest first."""
    query = _rows_query().where(func.substr(col(LogEntry.id), 1, len(prefix)) == prefix)
    return _rows(session, query.order_by(col(LogEntry.created_at).desc()).limit(limit))


def _rows_query() -> Select[Any]:
    # SQLModel types select() for at most four columns; the query itself is plain SQLAlchemy.
    return join_entry_names(
        select(LogEntry, Area.name, Milestone.title, Certificate.name, SideActivity.title)  # type: ignore[call-overload]
    )


def _rows(session: Session, query: Select[Any]) -> list[EntryRow]:
    return [
        EntryRow(
            id=e.id,
            day=e.day,
            minutes=e.minutes,
            area_id=e.area_id,
            area=area,
            milestone_id=e.milestone_id,
            milestone=milestone,
            certificate_id=e.certificate_id,
            certificate=cert,
            activity_id=e.activity_id,
            activity=activity,
            note=e.note,
            created_at=e.created_at,
        )
        for e, area, milestone, cert, activity in session.exec(query)  # type: ignore[call-overload]
    ]
