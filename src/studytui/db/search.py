"""Finding text across the user's records: log entry notes, milestone titles, reasons and
notes, certificates and side activities.

Case-insensitive for every letter ("ärger" finds "Ärger"), the same on SQLite and PostgreSQL:
the text is compared in Python with `str.casefold`, because neither engine's `lower()` can be
trusted with it (SQLite's folds ASCII only; PostgreSQL's depends on the server's locale). The
rows are read in the order the hits are listed, and reading stops at `limit` hits: on a
ten-year log of 20,000 noted entries one pass over the notes takes a few tens of milliseconds.
What is typed is matched as itself: `%`, `_` and runs of spaces are plain text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from sqlmodel import Session, col, select

from studytui.db.models import Certificate, Milestone, SideActivity
from studytui.db.reads import sql_connection
from studytui.domain.durations import format_minutes
from studytui.domain.text import one_line, snippet

KINDS = ("entry", "milestone", "certificate", "activity")

R = TypeVar("R")


@dataclass(frozen=True)
class Hit:
    """One record that holds the text: what it is, and where the text is in it."""

    kind: str  # one of KINDS
    id: str
    title: str  # how the record is named: a milestone's title, an entry's day and time
    where: str  # the field that matched and the words around the match
    day: date | None = None  # an entry's day, to show it in the Daily log


def holds(text: str | None, query: str) -> bool:
    """Whether `text` holds `query`, in any case (`query` casefolded already)."""
    return text is not None and query in text.casefold()


def _first(
    rows: Iterable[R], fields: Callable[[R], Iterable[str | None]], query: str, limit: int
) -> Iterator[R]:
    """The rows one of whose fields holds `query`, at most `limit` of them, in their order."""
    folded = query.casefold()
    found = 0
    for row in rows:
        if found >= limit:
            return
        if any(holds(text, folded) for text in fields(row)):
            found += 1
            yield row


def _where(fields: Iterable[tuple[str, str]], query: str) -> str:
    """The first field that holds `query`, as "field: … the words around it …"; "" when it
    is the title, which the hit shows anyway."""
    folded = query.casefold()
    for name, text in fields:
        if holds(text, folded):
            if name in ("title", "name"):
                return ""
            return f"{name}: {snippet(text, query)}" if name else snippet(text, query)
    return ""


# Only what the match needs is read for every noted entry: the join and the other columns
# are read for the hits alone.
_NOTES = "SELECT id, note FROM log_entry WHERE note <> '' ORDER BY day DESC, created_at DESC"
_ENTRIES = (
    "SELECT log_entry.id, log_entry.day, log_entry.minutes, log_entry.note, area.name"
    " FROM log_entry JOIN area ON area.id = log_entry.area_id WHERE log_entry.id IN ({})"
)


def search_entries(session: Session, query: str, *, limit: int) -> list[Hit]:
    """Newest first. Plain SQL: every noted entry may have to be read, and sqlite3's rows
    cost a fraction of the ORM's."""
    sql = sql_connection(session)
    folded, found = query.casefold(), []
    for entry_id, note in sql.execute(_NOTES):  # the hot loop: no call but casefold
        if folded in note.casefold():
            found.append(entry_id)
            if len(found) >= limit:
                break
    if not found:
        return []
    rows = sql.execute(_ENTRIES.format(", ".join("?" * len(found))), found)
    by_id = {row[0]: row for row in rows}
    return [
        Hit(
            "entry",
            entry_id,
            f"{day} · {format_minutes(minutes)} of {area}",
            _where([("", note)], query),
            date.fromisoformat(day),
        )
        for entry_id, day, minutes, note, area in (by_id[i] for i in found if i in by_id)
    ]


def search_milestones(session: Session, query: str, *, limit: int) -> list[Hit]:
    rows = session.exec(select(Milestone).order_by(col(Milestone.position), col(Milestone.title)))
    return [
        Hit(
            "milestone",
            m.id,
            one_line(m.title),
            _where([("title", m.title), ("notes", m.notes), ("why", m.why)], query),
        )
        for m in _first(rows, lambda m: (m.title, m.why, m.notes), query, limit)
    ]


def search_certificates(session: Session, query: str, *, limit: int) -> list[Hit]:
    rows = session.exec(select(Certificate).order_by(col(Certificate.name)))
    found = _first(rows, lambda c: (c.name, c.provider, c.notes, c.credential_id), query, limit)
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
        for c in found
    ]


def search_activities(session: Session, query: str, *, limit: int) -> list[Hit]:
    rows = session.exec(select(SideActivity).order_by(col(SideActivity.title)))
    found = _first(rows, lambda a: (a.title, a.description, a.outcome), query, limit)
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
        for a in found
    ]
