"""Gathering the learning journal's records; `domain.journal` groups and renders them."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session, col, func, select

from studytui.db.models import Area, Certificate, LogEntry, Milestone, SideActivity
from studytui.domain.errors import ValidationError
from studytui.domain.journal import AreaMinutes, Event, JournalSource, NoteLine, render_journal


def first_entry_day(session: Session) -> date | None:
    return session.exec(select(func.min(LogEntry.day))).one()


def journal_source(session: Session, *, first: date, last: date) -> JournalSource:
    """Everything from `first` to `last` inclusive. Minutes are summed per day and area in SQL
    (weeks depend on a setting, so the domain folds days into weeks)."""
    area_minutes = session.exec(
        select(col(LogEntry.day), col(Area.name), func.sum(LogEntry.minutes))
        .join(Area, col(LogEntry.area_id) == col(Area.id))
        .where(col(LogEntry.day) >= first, col(LogEntry.day) <= last)
        .group_by(col(LogEntry.day), col(Area.name))
        .order_by(col(LogEntry.day), col(Area.name))
    )
    notes = session.exec(
        # SQLModel types select() for at most four columns; the query is plain SQLAlchemy.
        select(  # type: ignore[call-overload]
            col(LogEntry.day),
            col(Area.name),
            col(Milestone.title),
            col(LogEntry.minutes),
            col(LogEntry.note),
        )
        .join(Area, col(LogEntry.area_id) == col(Area.id))
        .outerjoin(Milestone, col(LogEntry.milestone_id) == col(Milestone.id))
        .where(col(LogEntry.day) >= first, col(LogEntry.day) <= last, col(LogEntry.note) != "")
        .order_by(col(LogEntry.day), col(LogEntry.created_at))
    )

    def events(day: Any, title: Any, *where: Any, then_by: Any) -> tuple[Event, ...]:
        """What happened between `first` and `last` by its date column, in date order."""
        rows = session.exec(
            select(day, title)
            .where(col(day) >= first, col(day) <= last, *where)
            .order_by(col(day), col(then_by))
        )
        return tuple(Event(d, t) for d, t in rows if d is not None)

    return JournalSource(
        first=first,
        last=last,
        area_minutes=tuple(AreaMinutes(d, a, int(m)) for d, a, m in area_minutes),
        notes=tuple(NoteLine(d, a, t, m, n) for d, a, t, m, n in notes),
        started=events(Milestone.started_on, Milestone.title, then_by=Milestone.position),
        finished=events(
            Milestone.done_on,
            Milestone.title,
            Milestone.status == "done",
            then_by=Milestone.position,
        ),
        certificates=events(
            Certificate.passed_date,
            Certificate.name,
            Certificate.status == "passed",
            then_by=Certificate.name,
        ),
        activities=events(
            SideActivity.end_date,
            SideActivity.title,
            SideActivity.status == "done",
            then_by=SideActivity.title,
        ),
    )


def journal_markdown(
    session: Session, *, since: date | None, until: date, week_starts_on: str
) -> str:
    """The journal from `since` (default: the first log entry) to `until`, as Markdown."""
    first = since if since is not None else (first_entry_day(session) or until)
    if first > until:
        raise ValidationError(
            f"the journal would start ({first}) after it ends ({until}): check --since/--until"
        )
    return render_journal(journal_source(session, first=first, last=until), week_starts_on)
