"""Finding text across the user's records: log entry notes, milestone titles, reasons and
notes, certificates and side activities. Case-insensitive substring search in SQL, the same on
SQLite and PostgreSQL; `%` and `_` in what is typed are matched as themselves."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, or_, select

from studytui.db.models import Area, Certificate, LogEntry, Milestone, SideActivity
from studytui.domain.durations import format_minutes
from studytui.domain.text import one_line, snippet

KINDS = ("entry", "milestone", "certificate", "activity")


@dataclass(frozen=True)
class Hit:
    """One record that holds the text: what it is, and where the text is in it."""

    kind: str  # one of KINDS
    id: str
    title: str  # how the record is named: a milestone's title, an entry's day and time
    where: str  # the field that matched and the words around the match
    day: date | None = None  # an entry's day, to show it in the Daily log


def _matches(columns: Iterable[Any], query: str) -> Any:
    return or_(*(col(c).icontains(query, autoescape=True) for c in columns))


def _where(fields: Iterable[tuple[str, str]], query: str) -> str:
    """The first field that holds `query`, as "field: … the words around it …"; "" when it
    is the title, which the hit shows anyway."""
    for name, text in fields:
        if query.casefold() in text.casefold():
            if name in ("title", "name"):
                return ""
            return f"{name}: {snippet(text, query)}" if name else snippet(text, query)
    return ""


def search_entries(session: Session, query: str, *, limit: int) -> list[Hit]:
    rows = session.exec(
        select(LogEntry, Area.name)
        .join(Area, col(LogEntry.area_id) == col(Area.id))
        .where(_matches([LogEntry.note], query))
        .order_by(col(LogEntry.day).desc(), col(LogEntry.created_at).desc())
        .limit(limit)
    )
    return [
        Hit(
            "entry",
            e.id,
            f"{e.day} · {format_minutes(e.minutes)} of {area}",
            _where([("", e.note)], query),
            e.day,
        )
        for e, area in rows
    ]


def search_milestones(session: Session, query: str, *, limit: int) -> list[Hit]:
    rows = session.exec(
        select(Milestone)
        .where(_matches([Milestone.title, Milestone.why, Milestone.notes], query))
        .order_by(col(Milestone.position), col(Milestone.title))
        .limit(limit)
    )
    return [
        Hit(
            "milestone",
            m.id,
            one_line(m.title),
            _where([("title", m.title), ("notes", m.notes), ("why", m.why)], query),
        )
        for m in rows
    ]


def search_certificates(session: Session, query: str, *, limit: int) -> list[Hit]:
    fields = [Certificate.name, Certificate.provider, Certificate.notes, Certificate.credential_id]
    rows = session.exec(
        select(Certificate)
        .where(_matches(fields, query))
        .order_by(col(Certificate.name))
        .limit(limit)
    )
    return [
        Hit(
            "certificate",
            c.id,
            one_line(c.name),
            _where(
                [
                    ("name", c.name),
                    ("provider", c.provider),
                    ("notes", c.notes),
                    ("credential", c.credential_id),
                ],
                query,
            ),
        )
        for c in rows
    ]


def search_activities(session: Session, query: str, *, limit: int) -> list[Hit]:
    fields = [SideActivity.title, SideActivity.description, SideActivity.outcome]
    rows = session.exec(
        select(SideActivity)
        .where(_matches(fields, query))
        .order_by(col(SideActivity.title))
        .limit(limit)
    )
    return [
        Hit(
            "activity",
            a.id,
            one_line(a.title),
            _where(
                [("title", a.title), ("description", a.description), ("outcome", a.outcome)],
                query,
            ),
        )
        for a in rows
    ]
