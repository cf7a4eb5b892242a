"""Log entries: the one implementation of "log 90 minutes", used by the app and the shell."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select
from sqlmodel import Session, col, func, select

from studytui.db import reads
from studytui.db.models import Area, Certificate, LogEntry, Milestone, SideActivity
from studytui.db.reads import driver_connection
from studytui.domain.days import check_entry
from studytui.domain.errors import ValidationError


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


@dataclass(frozen=True)
class EntrySnapshot:
    """Everything needed to put a deleted entry back exactly as it was (undo)."""

    id: str
    day: date
    minutes: int
    area_id: str
    milestone_id: str | None
    certificate_id: str | None
    activity_id: str | None
    note: str
    created_at: datetime


@dataclass(frozen=True)
class EntryChoices:
    """What an entry can be attributed to, as (name, id) pairs in the order to offer them."""

    areas: tuple[tuple[str, str], ...]
    milestones: tuple[tuple[str, str], ...]
    certificates: tuple[tuple[str, str], ...]
    activities: tuple[tuple[str, str], ...]
    last_area: str | None  # the name of the area logged most recently, the usual default


def entry_choices(session: Session) -> EntryChoices:
    """Names and ids only (four narrow queries), for the entry form and the timer dialog."""
    last = session.exec(
        select(Area.name)
        .join(LogEntry, col(LogEntry.area_id) == col(Area.id))
        .order_by(col(LogEntry.created_at).desc())
        .limit(1)
    ).first()
    return EntryChoices(
        areas=tuple(
            (name, id_)
            for name, id_ in session.exec(
                select(Area.name, Area.id).order_by(col(Area.position), col(Area.name))
            )
        ),
        milestones=tuple(
            (title, id_)
            for title, id_ in session.exec(
                select(Milestone.title, Milestone.id).order_by(col(Milestone.position))
            )
        ),
        certificates=tuple(
            (name, id_)
            for name, id_ in session.exec(
                select(Certificate.name, Certificate.id).order_by(col(Certificate.name))
            )
        ),
        activities=tuple(
            (title, id_)
            for title, id_ in session.exec(
                select(SideActivity.title, SideActivity.id).order_by(col(SideActivity.title))
            )
        ),
        last_area=last,
    )


def day_total(session: Session, day: date, *, excluding: str | None = None) -> int:
    query = select(func.coalesce(func.sum(LogEntry.minutes), 0)).where(LogEntry.day == day)
    if excluding is not None:
        query = query.where(LogEntry.id != excluding)
    return int(session.exec(query).one())


def _check_links(
    session: Session,
    area_id: str,
    milestone_id: str | None,
    certificate_id: str | None,
    activity_id: str | None,
) -> None:
    if session.get(Area, area_id) is None:
        raise ValidationError("that study area no longer exists; pick another")
    for model, key, what in (
        (Milestone, milestone_id, "milestone"),
        (Certificate, certificate_id, "certificate"),
        (SideActivity, activity_id, "side activity"),
    ):
        if key is not None and session.get(model, key) is None:
            raise ValidationError(f"that {what} no longer exists; pick another")


def add_entry(
    session: Session,
    *,
    day: date,
    minutes: int,
    area_id: str,
    today: date,
    milestone_id: str | None = None,
    certificate_id: str | None = None,
    activity_id: str | None = None,
    note: str = "",
) -> LogEntry:
    check_entry(minutes, day, today, day_total(session, day))
    _check_links(session, area_id, milestone_id, certificate_id, activity_id)
    entry = LogEntry(
        day=day,
        minutes=minutes,
        area_id=area_id,
        milestone_id=milestone_id,
        certificate_id=certificate_id,
        activity_id=activity_id,
        note=note.strip(),
    )
    session.add(entry)
    return entry


def update_entry(
    session: Session,
    entry_id: str,
    *,
    day: date,
    minutes: int,
    area_id: str,
    today: date,
    milestone_id: str | None = None,
    certificate_id: str | None = None,
    activity_id: str | None = None,
    note: str = "",
) -> LogEntry:
    entry = session.get(LogEntry, entry_id)
    if entry is None:
        raise ValidationError("that entry no longer exists (deleted elsewhere?)")
    check_entry(minutes, day, today, day_total(session, day, excluding=entry_id))
    _check_links(session, area_id, milestone_id, certificate_id, activity_id)
    entry.day, entry.minutes, entry.area_id = day, minutes, area_id
    entry.milestone_id, entry.certificate_id = milestone_id, certificate_id
    entry.activity_id, entry.note = activity_id, note.strip()
    session.add(entry)
    return entry


def delete_entry(session: Session, entry_id: str) -> EntrySnapshot:
    entry = session.get(LogEntry, entry_id)
    if entry is None:
        raise ValidationError("that entry no longer exists (deleted elsewhere?)")
    snapshot = EntrySnapshot(
        **{name: getattr(entry, name) for name in EntrySnapshot.__annotations__}
    )
    session.delete(entry)
    return snapshot


def restore_entry(session: Session, snapshot: EntrySnapshot) -> LogEntry:
    """Undo a delete: the entry comes back with its original id and creation time."""
    if session.get(LogEntry, snapshot.id) is not None:
        raise ValidationError("that entry is already back")
    # It was valid when logged, so only the day's total can have changed since: passing its
    # own day as "today" skips the future-day check, which a later clock change could trip.
    check_entry(snapshot.minutes, snapshot.day, snapshot.day, day_total(session, snapshot.day))
    _check_links(
        session,
        snapshot.area_id,
        snapshot.milestone_id,
        snapshot.certificate_id,
        snapshot.activity_id,
    )
    entry = LogEntry(**asdict(snapshot))
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


def entries_between(session: Session, first: date, last: date) -> list[EntryRow]:
    """Entries from `first` to `last` inclusive, oldest day first, in the order logged."""
    query = (
        join_entry_names(
            select(LogEntry, Area.name, Milestone.title, Certificate.name, SideActivity.title)
        )
        .where(LogEntry.day >= first, LogEntry.day <= last)
        .order_by(col(LogEntry.day), col(LogEntry.created_at))
    )
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
        for e, area, milestone, cert, activity in session.exec(query)
    ]


def daily_totals(
    session: Session, first: date | None = None, last: date | None = None
) -> dict[date, int]:
    return reads.daily_totals(driver_connection(session), first, last)


def minutes_by_area(session: Session, first: date, last: date) -> dict[str, int]:
    return reads.minutes_by_area(driver_connection(session), first, last)
