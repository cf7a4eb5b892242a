"""The names the shell completes (`studytui log --area <TAB>`).

Read straight from the file with plain SQL, before SQLModel could even load: a completion runs
at every TAB, so it must answer at once, and it never writes or reports anything. The names are
the very candidates `--area`, `--milestone`, `--cert` and `--activity` are matched against.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from studytui.db import choices
from studytui.db.location import Location
from studytui.db.reads import open_quick_reader
from studytui.domain.matching import Choice

_CHOICES: dict[str, Callable[[sqlite3.Connection], list[Choice[str]]]] = {
    "area": choices.area_choices,
    "milestone": choices.milestone_choices,
    "certificate": choices.certificate_choices,
    "activity": choices.activity_choices,
}
NAME_KINDS = tuple(_CHOICES)


def names_to_complete(path: Location, kind: str) -> list[str]:
    """The names of `kind` (one of NAME_KINDS) in the database at `path`, in the order the app
    lists them; none when it cannot be read quickly (missing, new, older or busy), since a TAB
    has no place for a message."""
    conn = open_quick_reader(path)
    if conn is None:
        return []
    try:
        return [choice.name for choice in _CHOICES[kind](conn)]
    except sqlite3.Error:
        return []
    finally:
        conn.close()
