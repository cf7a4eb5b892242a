"""Gathering the learning journal's records; `domain.journal` groups and renders them."""

from __future__ import annotations

from datetime import date

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
        select(LogEntry.day, Area.name, func.sum(LogEntry.minutes))
        .join(Area, col(LogEntry.area_id) == col(Area.id))
        .where(LogEntry.day >= first, LogEntry.day <= last)
        .group_by(col(LogEntry.day), col(Area.name))
        .order_by(col(LogEntry.day), col(Area.name))
    )
    notes = session.exec(
        select(LogEntry.day, Area.name, Milestone.title, LogEntry.minutes, LogEntry.note)
        .join(Area, col(LogEntry.area_id) == col(Area.id))
        .outerjoin(Milestone, col(LogEntry.milestone_id) == col(Milestone.id))
        .where(LogEntry.day >= first, LogEntry.day <= last, LogEntry.note != "")
        .order_by(col(LogEntry.day), col(LogEntry.created_at))
    )
    started = session.exec(
        select(Milestone.started_on, Milestone.title)
        .where(col(Milestone.started_on) >= first, col(Milestone.started_on) <= last)
        .order_by(col(Milestone.started_on), col(Milestone.position))
    )
    finished = session.exec(
        select(Milestone.done_on, Milestone.title)
        .where(
            Milestone.status == "done",
            col(Milestone.done_on) >= first,
            col(Milestone.done_on) <= last,
        )
        .order_by(col(Milestone.done_on), col(Milestone.position))
    )
    certificates = session.exec(
        select(Certificate.passed_date, Certificate.name)
        .where(
            Certificate.status == "passed",
            col(Certificate.passed_date) >= first,
            col(Certificate.passed_date) <= last,
        )
        .order_by(col(Certificate.passed_date), col(Certificate.name))
    )
    activities = session.exec(
        select(SideActivity.end_date, SideActivity.title)
        .where(
            SideActivity.status == "done",
            col(SideActivity.end_date) >= first,
            col(SideActivity.end_date) <= last,
        )
        .order_by(col(SideActivity.end_date), col(SideActivity.title))
    )
    return JournalSource(
        first=first,
        last=last,
        area_minutes=tuple(AreaMinutes(d, a, int(m)) for d, a, m in area_minutes),
        notes=tuple(NoteLine(d, a, t, m, n) for d, a, t, m, n in notes),
        started=tuple(Event(d, t) for d, t in started if d is not None),
        finished=tuple(Event(d, t) for d, t in finished if d is not None),
        certificates=tuple(Event(d, t) for d, t in certificates if d is not None),
        activities=tuple(Event(d, t) for d, t in activities if d is not None),
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
