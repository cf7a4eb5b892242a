"""The checks of a new or changed log entry that need the database: what its day already holds
(the 24-hour rule) and whether what it links to still exists. Plain SQL, so the ORM writer and
the quick `studytui log` run the very same checks; the rules themselves are `domain.entries`."""

from __future__ import annotations

import sqlite3
from datetime import date

from studytui.domain.durations import MAX_ENTRY_MINUTES, format_minutes
from studytui.domain.entries import EntryDraft, check_new_entry
from studytui.domain.errors import UndoBlocked, ValidationError

_LINKS = (
    ("area", "area_id", "study area"),
    ("milestone", "milestone_id", "milestone"),
    ("certificate", "certificate_id", "certificate"),
    ("side_activity", "activity_id", "side activity"),
)


def day_total(conn: sqlite3.Connection, day: date, *, excluding: str | None = None) -> int:
    sql = "SELECT coalesce(sum(minutes), 0) FROM log_entry WHERE day = ?"
    params: tuple[str, ...] = (day.isoformat(),)
    if excluding is not None:
        sql, params = sql + " AND id <> ?", (*params, excluding)
    (total,) = conn.execute(sql, params).fetchone()
    return int(total)


def check_entry_draft(
    conn: sqlite3.Connection, draft: EntryDraft, *, today: date, excluding: str | None = None
) -> str:
    """Every rule an entry passes; returns the note as stored. `excluding` is the entry being
    changed, so that its old minutes do not count twice."""
    others = day_total(conn, draft.day, excluding=excluding)
    note = check_new_entry(draft.minutes, draft.day, today, others, draft.note)
    gone = missing_link(conn, draft)
    if gone is not None:
        raise ValidationError(f"that {gone} no longer exists; pick another")
    return note


def missing_link(conn: sqlite3.Connection, draft: EntryDraft) -> str | None:
    """What the entry links to that no longer exists ("milestone"...); None if all is there."""
    for table, field, what in _LINKS:
        key = getattr(draft, field)
        if key is not None:
            found = conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (key,)).fetchone()
            if found is None:
                return what
    return None


def check_restorable(
    conn: sqlite3.Connection, draft: EntryDraft, *, excluding: str | None = None
) -> None:
    """Before an undo puts an entry back as it was: what it links to must still exist and its
    day must have room. Refused as `UndoBlocked`, in an undo's words: the user can clear the
    cause (undo that delete, make room on the day) and undo again."""
    gone = missing_link(conn, draft)
    if gone is not None:
        raise UndoBlocked(f"its {gone} was deleted since", "undo that delete first")
    others = day_total(conn, draft.day, excluding=excluding)
    if others + draft.minutes > MAX_ENTRY_MINUTES:
        raise UndoBlocked(
            f"{draft.day} has {format_minutes(others)} logged now and "
            f"{format_minutes(draft.minutes)} more would pass 24h",
            "shorten or delete an entry of that day",
        )
