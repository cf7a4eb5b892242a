"""What a user can pick by name, in plain SQL (see `db.reads` for why plain): areas with their
short keys, milestones, certificates and side activities, each as `Choice(name, id)`. The entry
form's suggestions, every command's `--area`/`--milestone`/... and the quick `studytui log`
all take their candidates from here, and the rule from `domain.matching`."""

from __future__ import annotations

import sqlite3

from studytui.domain.entries import EntryDraft
from studytui.domain.matching import Choice


def area_choices(conn: sqlite3.Connection) -> list[Choice[str]]:
    """Areas in roadmap order, each with its id and built-in short key."""
    rows = conn.execute("SELECT name, id, key FROM area ORDER BY position, name")
    return [Choice(name, id_, key) for name, id_, key in rows]


def milestone_choices(conn: sqlite3.Connection) -> list[Choice[str]]:
    rows = conn.execute("SELECT title, id FROM milestone ORDER BY position, title")
    return [Choice(title, id_) for title, id_ in rows]


def certificate_choices(conn: sqlite3.Connection) -> list[Choice[str]]:
    return [Choice(n, i) for n, i in conn.execute("SELECT name, id FROM certificate ORDER BY name")]


def activity_choices(conn: sqlite3.Connection) -> list[Choice[str]]:
    rows = conn.execute("SELECT title, id FROM side_activity ORDER BY title")
    return [Choice(title, id_) for title, id_ in rows]


def last_used_area(conn: sqlite3.Connection) -> Choice[str] | None:
    """The area of the most recently created entry: `studytui log 30m` repeats it."""
    row = conn.execute(
        "SELECT area.name, area.id, area.key FROM log_entry"
        " JOIN area ON area.id = log_entry.area_id"
        " ORDER BY log_entry.created_at DESC LIMIT 1"
    ).fetchone()
    return Choice(*row) if row is not None else None


def area_of_milestone(conn: sqlite3.Connection, milestone_id: str) -> Choice[str] | None:
    row = conn.execute(
        "SELECT area.name, area.id, area.key FROM milestone"
        " JOIN area ON area.id = milestone.area_id WHERE milestone.id = ?",
        (milestone_id,),
    ).fetchone()
    return Choice(*row) if row is not None else None


def names_of(conn: sqlite3.Connection, draft: EntryDraft) -> tuple[str, ...]:
    """The entry's area name, then those of the milestone, certificate and activity it counts
    for; a link whose record is gone is left out."""
    names = []
    for sql, key in (
        ("SELECT name FROM area WHERE id = ?", draft.area_id),
        ("SELECT title FROM milestone WHERE id = ?", draft.milestone_id),
        ("SELECT name FROM certificate WHERE id = ?", draft.certificate_id),
        ("SELECT title FROM side_activity WHERE id = ?", draft.activity_id),
    ):
        row = conn.execute(sql, (key,)).fetchone() if key is not None else None
        if row is not None:
            names.append(row[0])
    return tuple(names)
